"""What boilercut reads from its data files, kept between runs: a thousand site files
load in milliseconds, and a run of one short text does not parse the vocabulary again.

An entry holds what was built from one exact set of files: its key is every
file's path, size and modification time, boilercut's version and what the caller
adds (the known stages, the tables a vocabulary file may hold). Any change builds
it again from the files, so a broken file still stops the run at start. A cache
that cannot be read or written is ignored: the files are then parsed, only slower.
"""

from __future__ import annotations

import os
import pickle
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from .version import __version__

CACHE_DIR_VARIABLE = "BOILERCUT_CACHE_DIR"  # set it empty to turn the cache off
T = TypeVar("T")


def cached(kind: str, paths: Sequence[Path], salt: str, build: Callable[[], T]) -> T:
    """``build()``, or what it returned when the files at ``paths`` were last read just as they are now."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        key = _key(paths, salt)
    except OSError:  # a file went missing: let build() say so
        return build()
    entry = folder / f"{kind}-{zlib.crc32(key.encode()):08x}.pickle"
    try:
        with entry.open("rb") as stream:
            stored_key, loaded = pickle.load(stream)
        if stored_key == key:
            return loaded  # type: ignore[no-any-return]
    except Exception:  # absent, truncated, or written by other code: build it again
        pass
    value = build()
    _store(entry, (key, value))
    return value


def cache_dir() -> Path | None:
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "boilercut"


def _key(paths: Sequence[Path], salt: str) -> str:
    """What the entry was built from, in full: the entry's name is a checksum of it, and the
    entry holds it too, so that two keys of one checksum only take turns (hashlib would cost
    every run the import of OpenSSL)."""
    stats = (path.stat() for path in paths)
    files = (f"{os.path.abspath(path)}\t{s.st_size}\t{s.st_mtime_ns}" for path, s in zip(paths, stats, strict=True))
    return "\n".join((__version__, salt, *files))


def _store(entry: Path, value: tuple[str, object]) -> None:
    """Write the entry atomically; a cache that cannot be written is simply not kept."""
    import tempfile  # here: most runs only read

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".entry-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except (OSError, pickle.PicklingError):
        return
