"""Loaded rule files kept between runs, so that a thousand site files load in milliseconds.

The cache holds the validated RuleFiles of one exact set of files: its key is
every file's path, size and modification time, boilercut's version and the
known stages. Any change re-reads and re-validates everything, so a broken
file still stops the run at start. A cache that cannot be read or written is
ignored: the rules are then parsed, only slower.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from .. import __version__
from .model import RuleFile

CACHE_DIR_VARIABLE = "BOILERCUT_CACHE_DIR"  # set it empty to turn the cache off
# Even the shipped five files take longer to parse and check (their patterns are
# compiled to check them) than one cache look-up: every run of one file pays it.
MIN_FILES_TO_CACHE = 1


def cached_rule_files(
    paths: Sequence[Path], known_stages: Collection[str], parse: Callable[[Path], RuleFile]
) -> list[RuleFile]:
    folder = cache_dir()
    if folder is None or len(paths) < MIN_FILES_TO_CACHE:
        return [parse(path) for path in paths]
    entry = folder / f"rules-{_key(paths, known_stages)}.pickle"
    try:
        with entry.open("rb") as stream:
            loaded: list[RuleFile] = pickle.load(stream)
            return loaded
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    files = [parse(path) for path in paths]
    _store(entry, files)
    return files


def cache_dir() -> Path | None:
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "boilercut"


def _key(paths: Sequence[Path], known_stages: Collection[str]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{__version__}\n{sorted(known_stages)}\n".encode())
    for path in paths:
        stat = path.stat()
        digest.update(f"{os.path.abspath(path)}\t{stat.st_size}\t{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _store(entry: Path, files: list[RuleFile]) -> None:
    """Write the entry atomically; a cache that cannot be written is simply not kept."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".rules-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(files, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except OSError:
        return
