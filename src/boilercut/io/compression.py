"""Compressed files by extension: `.gz` through gzip, `.zst` through zstandard (optional)."""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from pathlib import PurePath
from typing import IO, Any, cast

from ..errors import UsageError

GZIP = ".gz"
ZSTD = ".zst"
COMPRESSIONS = (GZIP, ZSTD)
# zlib's default level: gzip's own default (9) takes about twice as long for ~1% smaller files.
GZIP_LEVEL = 6


# The first bytes of a compressed stream, for input that has no name (stdin).
MAGIC = {GZIP: b"\x1f\x8b", ZSTD: b"\x28\xb5\x2f\xfd"}
MAGIC_BYTES = max(len(magic) for magic in MAGIC.values())


def compression_of(path: PurePath) -> str:
    """The compression suffix of a file name (".gz", ".zst"), or "" for a plain file."""
    suffix = path.suffix.lower()
    return suffix if suffix in COMPRESSIONS else ""


def sniff(head: bytes) -> str:
    """The compression a stream's first bytes announce (".gz", ".zst"), or "" for anything else."""
    return next((compression for compression, magic in MAGIC.items() if head.startswith(magic)), "")


def reader(raw: IO[bytes], compression: str) -> IO[bytes]:
    """A decompressing, buffered binary reader over an open raw file."""
    if compression == GZIP:
        return cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="rb"))
    if compression == ZSTD:
        stream = _zstandard(getattr(raw, "name", "<stdin>")).ZstdDecompressor().stream_reader(raw, read_across_frames=True, closefd=True)
        return io.BufferedReader(stream)
    return raw


def writer(raw: IO[bytes], compression: str) -> IO[bytes]:
    """A compressing binary writer over an open raw file; closing it finishes the stream."""
    if compression == GZIP:
        return cast(IO[bytes], _ClosingGzip(raw))
    if compression == ZSTD:
        stream: IO[bytes] = _zstandard(raw.name).ZstdCompressor().stream_writer(raw, closefd=True)
        return stream
    return raw


class _ClosingGzip(gzip.GzipFile):
    """A GzipFile that closes the file under it too (GzipFile leaves a given fileobj open)."""

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__(fileobj=raw, mode="wb", compresslevel=GZIP_LEVEL, mtime=0)
        self._raw = raw

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


def _zstandard(name: Any) -> Any:
    try:
        import zstandard
    except ImportError:
        raise UsageError(
            f"{name}: .zst files need the zstandard package; install it with "
            "`pip install zstandard` (or `pip install 'boilercut[zstd]'`)"
        ) from None
    return zstandard


def damage(error: BaseException) -> str:
    """What a read error says about the stream, in words a user can act on."""
    if isinstance(error, EOFError):  # only gzip (and zlib under it) raises it, at a missing end-of-stream marker
        return (
            "truncated gzip stream (it ends before gzip's end-of-stream marker): the file was cut short, "
            "e.g. by an interrupted download or copy; fetch or copy it again (`gzip -t` checks it)"
        )
    if isinstance(error, (zlib.error, gzip.BadGzipFile)):
        return f"damaged gzip stream ({error}); fetch or copy the file again (`gzip -t` checks it)"
    if type(error).__name__ == "ZstdError":
        return f"truncated or damaged zstd stream ({error}); fetch or copy the file again (`zstd -t` checks it)"
    return f"{error}; the file may be truncated or damaged"


def read_errors() -> tuple[type[BaseException], ...]:
    """What reading a truncated or corrupt (compressed) file raises."""
    errors: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error)
    zstandard = sys.modules.get("zstandard")  # only if a .zst file is being read
    return (*errors, zstandard.ZstdError) if zstandard is not None else errors
