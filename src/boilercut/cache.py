"""What boilercut reads from its data files, kept between runs: a thousand site files
load in milliseconds, and a run of one short text does not parse the vocabulary again.

An entry holds what was built from one exact set of files: its key is every
file's path, size and modification time, boilercut's version and what the caller
adds (the known stages, the tables a vocabulary file may hold). Any change builds
it again from the files, so a broken file still stops the run at start. A cache
that cannot be read or written is ignored: the files are then parsed, only slower.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from . import __version__

CACHE_DIR_VARIABLE = "BOILERCUT_CACHE_DIR"  # set it empty to turn the cache off
T = TypeVar("T")


def cached(kind: str, paths: Sequence[Path], salt: str, build: Callable[[], T]) -> T:
    """``build()``, or what it returned when the files at ``paths`` were last read just as they are now."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        entry = folder / f"{kind}-{_key(paths, salt)}.pickle"
    except OSError:  # a file went missing: let build() say so
        return build()
    try:
        with entry.open("rb") as stream:
            loaded: T = pickle.load(stream)
            return loaded
    except Exception:  # absent, truncated, or written by other code: build it again
        pass
    value = build()
    _store(entry, value)
    return value


def cache_dir() -> Path | None:
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "boilercut"


def _key(paths: Sequence[Path], salt: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{__version__}\n{salt}\n".encode())
    for path in paths:
        stat = path.stat()
        digest.update(f"{os.path.abspath(path)}\t{stat.st_size}\t{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _store(entry: Path, value: object) -> None:
    """Write the entry atomically; a cache that cannot be written is simply not kept."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".entry-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except (OSError, pickle.PicklingError):
        return
