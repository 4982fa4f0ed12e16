"""Compressed files by extension: `.gz`, `.bz2` and `.xz` through the standard library, `.zst`
through zstandard (optional)."""

from __future__ import annotations

import gzip
import io
import re
import sys
import zlib
from pathlib import PurePath
from typing import IO, Any, cast

from ..errors import UsageError

GZIP = ".gz"
BZIP2 = ".bz2"
XZ = ".xz"
ZSTD = ".zst"
COMPRESSIONS = (GZIP, BZIP2, XZ, ZSTD)
# What each compression is called in messages, and the command that tests a file of it.
NAMES = {GZIP: "gzip", BZIP2: "bzip2", XZ: "xz", ZSTD: "zstd"}
# zlib's default level: gzip's own default (9) takes about twice as long for ~1% smaller files.
GZIP_LEVEL = 6


# The first bytes of a compressed stream, for input that has no name (stdin). bzip2's "BZh" alone
# could open a text: its block size digit and the first block's magic number (digits of pi) follow.
MAGIC = {
    GZIP: re.compile(rb"\x1f\x8b"),
    BZIP2: re.compile(rb"BZh[1-9]1AY&SY|BZh[1-9]\x17rE8P\x90"),  # a first block, or the end of an empty stream
    XZ: re.compile(rb"\xfd7zXZ\x00"),
    ZSTD: re.compile(rb"\x28\xb5\x2f\xfd"),
}
MAGIC_BYTES = 10


def compression_of(path: PurePath) -> str:
    """The compression suffix of a file name (".gz", ".bz2", ".xz", ".zst"), or "" for a plain file."""
    suffix = path.suffix.lower()
    return suffix if suffix in COMPRESSIONS else ""


def sniff(head: bytes) -> str:
    """The compression a stream's first bytes announce (".gz", ".bz2", ".xz", ".zst"), or "" for anything else."""
    return next((compression for compression, magic in MAGIC.items() if magic.match(head)), "")


def reader(raw: IO[bytes], compression: str) -> IO[bytes]:
    """A decompressing, buffered binary reader over an open raw file."""
    if compression == ZSTD:
        return io.BufferedReader(ZstdReader(raw, _zstandard(getattr(raw, "name", "<stdin>"))))
    if compression:
        return cast(IO[bytes], StreamReader(raw, compression))
    return raw


class Truncated(OSError):
    """A gzip, bzip2 or xz stream that ends before its end-of-stream marker."""

    def __init__(self, compression: str) -> None:
        super().__init__(f"truncated {NAMES[compression]} stream")
        self.compression = compression


class StreamReader(io.BufferedIOBase):
    """A gzip, bzip2 or xz stream whose truncation is raised only once every byte before it has been read.

    The standard library's readers raise EOFError, which warcio takes for the
    end of an archive, and their read(n) drops what they decompressed before
    the error; here read(n) returns those bytes and the next read raises
    Truncated, an OSError (read() of everything raises it at once). Lines
    (JSONL) are read by the standard library's reader itself: a line cut short
    is no record.
    """

    def __init__(self, raw: IO[bytes], compression: str) -> None:
        self._raw = raw
        self._compression = compression
        self._file = _open_standard(raw, compression)
        self._error: Truncated | None = None

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
            except EOFError:
                self._error = Truncated(self._compression)
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
        try:
            return cast(bytes, self._file.readline(-1 if size is None else size))
        except EOFError:
            raise Truncated(self._compression) from None

    def close(self) -> None:
        try:
            self._file.close()
        finally:
            self._raw.close()
            super().close()


def _open_standard(raw: IO[bytes], compression: str, mode: str = "rb") -> Any:
    """The standard library's file of a compression over ``raw``, to read ("rb") or write ("wb");
    bz2 and lzma imported only when met. Given a file object, it leaves that file open."""
    if compression == GZIP:
        return gzip.GzipFile(fileobj=raw, mode=mode, compresslevel=GZIP_LEVEL, mtime=0)
    if compression == BZIP2:
        import bz2

        return bz2.BZ2File(raw, mode=mode)
    import lzma

    return lzma.LZMAFile(raw, mode=mode)


def writer(raw: IO[bytes], compression: str) -> IO[bytes]:
    """A compressing binary writer over an open raw file; closing it finishes the stream and closes the file."""
    if compression == ZSTD:
        stream: IO[bytes] = _zstandard(raw.name).ZstdCompressor().stream_writer(raw, closefd=True)
        return stream
    if compression:
        return cast(IO[bytes], _Closing(_open_standard(raw, compression, "wb"), raw))
    return raw


class _Closing(io.BufferedIOBase):
    """A standard library compressor that closes the file under it too (given a file object, it leaves it open)."""

    def __init__(self, stream: Any, raw: IO[bytes]) -> None:
        self._stream = stream
        self._raw = raw

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        return cast(int, self._stream.write(data))

    def flush(self) -> None:
        if not self._stream.closed:  # closing flushes after the compressor is closed
            self._stream.flush()

    def close(self) -> None:
        if self.closed:
            return
        try:
            self._stream.close()
        finally:
            self._raw.close()
            super().close()


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
    if isinstance(error, Truncated):
        name = NAMES[error.compression]
        return (
            f"truncated {name} stream (it ends before {name}'s end-of-stream marker): the file was cut short, "
            f"e.g. by an interrupted download or copy; fetch or copy it again (`{name} -t` checks it)"
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
    if type(error).__name__ == "LZMAError":
        return f"damaged xz stream ({error}); fetch or copy the file again (`xz -t` checks it)"
    if isinstance(error, OSError) and "Invalid data stream" in str(error):  # what bz2 says of corrupt data
        return f"damaged bzip2 stream ({error}); fetch or copy the file again (`bzip2 -t` checks it)"
    return f"{error}; the file may be truncated or damaged"


def read_errors() -> tuple[type[BaseException], ...]:
    """What reading a truncated or corrupt (compressed) file raises."""
    errors: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error)
    lzma = sys.modules.get("lzma")  # only if an .xz file is being read
    if lzma is not None:
        errors = (*errors, lzma.LZMAError)
    zstandard = sys.modules.get("zstandard")  # only if a .zst file is being read
    return (*errors, zstandard.ZstdError) if zstandard is not None else errors
