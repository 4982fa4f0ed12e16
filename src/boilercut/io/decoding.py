"""Bytes to text: UTF-8 first, then the detected charset; binary files refused."""

from __future__ import annotations

from ..errors import DocumentError

# A NUL byte never occurs in text; a few in the first block mean binary data.
BINARY_SNIFF_BYTES = 8192


def decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise DocumentError(f"{name}: binary data (NUL bytes), not text: skipped")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _decode_detected(data, name)


def _decode_detected(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes  # only for the rare file that is not UTF-8

    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(f"{name}: neither UTF-8 nor any charset that could be detected: skipped")
    return str(best)
