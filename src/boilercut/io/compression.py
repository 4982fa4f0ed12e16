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
        return cast(IO[bytes], GzipReader(raw))
    if compression == ZSTD:
        return io.BufferedReader(ZstdReader(raw, _zstandard(getattr(raw, "name", "<stdin>"))))
    return raw


class TruncatedGzip(OSError):
    """A gzip stream that ends before its end-of-stream marker."""


class GzipReader(io.BufferedIOBase):
    """A gzip stream whose truncation is raised only once every byte before it has been read.

    GzipFile raises EOFError, which warcio takes for the end of an archive, and
    its read(n) drops what it decompressed before the error; here read(n)
    returns those bytes and the next read raises TruncatedGzip, an OSError
    (read() of everything raises it at once). Lines (JSONL) are read by
    GzipFile itself: a line cut short is no record.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._file = gzip.GzipFile(fileobj=raw, mode="rb")
        self._error: TruncatedGzip | None = None

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if self._error is not None:
            raise self._error
        want = -1 if size is None or size < 0 else size
        chunks: list[bytes] = []
        got = 0
        while want < 0 or got < want:
            try:
                chunk = self._file.read1(want - got if want >= 0 else -1)
            except EOFError as error:
                self._error = TruncatedGzip(str(error))
                if chunks and want >= 0:  # a bounded read returns what it has; reading all cannot
                    break
                raise self._error from None
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    read1 = read

    def readline(self, size: int | None = -1) -> bytes:
        return self._file.readline(-1 if size is None else size)

    def close(self) -> None:
        try:
            self._file.close()
        finally:
            self._raw.close()
            super().close()


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


class TruncatedZstd(OSError):
    """A zstd stream that ends inside a frame."""


class ZstdReader(io.RawIOBase):
    """The frames of a zstd stream, one after another; a stream that ends inside a frame
    raises TruncatedZstd once every byte before it has been read (zstandard's own
    stream reader returns what it has and stops, as if the file were whole)."""

    CHUNK = 1 << 17

    def __init__(self, raw: IO[bytes], zstandard: Any) -> None:
        self._raw = raw
        self._new_frame = zstandard.ZstdDecompressor().decompressobj
        self._frame = self._new_frame()
        self._in_frame = False  # bytes of the current frame were read, its end not yet
        self._pending = b""  # decompressed, not yet handed out from `_taken` on
        self._taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._taken == len(self._pending):
            chunk = self._raw.read(self.CHUNK)
            if not chunk:
                if self._in_frame:
                    raise TruncatedZstd("the stream ends inside a zstd frame")
                return 0
            self._pending, self._taken = self._feed(chunk), 0
        size = min(len(buffer), len(self._pending) - self._taken)
        buffer[:size] = memoryview(self._pending)[self._taken : self._taken + size]
        self._taken += size
        return size

    def _feed(self, chunk: bytes) -> bytes:
        """Decompress a chunk, starting a new frame wherever one ends."""
        out = []
        while chunk:
            self._in_frame = True
            out.append(self._frame.decompress(chunk))
            if not self._frame.eof:
                break
            chunk = self._frame.unused_data
            self._frame, self._in_frame = self._new_frame(), False
        return b"".join(out)

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


def damage(error: BaseException) -> str:
    """What a read error says about the stream, in words a user can act on."""
    if isinstance(error, (EOFError, TruncatedGzip)):  # only gzip raises EOFError, at a missing end-of-stream marker
        return (
            "truncated gzip stream (it ends before gzip's end-of-stream marker): the file was cut short, "
            "e.g. by an interrupted download or copy; fetch or copy it again (`gzip -t` checks it)"
        )
    if isinstance(error, (zlib.error, gzip.BadGzipFile)):
        return f"damaged gzip stream ({error}); fetch or copy the file again (`gzip -t` checks it)"
    if isinstance(error, TruncatedZstd):
        return (
            "truncated zstd stream (it ends inside a frame): the file was cut short, e.g. by an interrupted "
            "download or copy; fetch or copy it again (`zstd -t` checks it)"
        )
    if type(error).__name__ == "ZstdError":
        return f"truncated or damaged zstd stream ({error}); fetch or copy the file again (`zstd -t` checks it)"
    return f"{error}; the file may be truncated or damaged"


def read_errors() -> tuple[type[BaseException], ...]:
    """What reading a truncated or corrupt (compressed) file raises."""
    errors: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error)
    zstandard = sys.modules.get("zstandard")  # only if a .zst file is being read
    return (*errors, zstandard.ZstdError) if zstandard is not None else errors
