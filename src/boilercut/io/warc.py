"""WARC and WET records, read one at a time with warcio: pages (HTML responses) and texts (conversions).

`response` records with an HTML content type are pages, `conversion` records
(what a WET file holds) are text; every other record is skipped. The payload
is read here, while the record is current; decoding and extraction happen
later, in whichever process cleans it.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from .decoding import decode


@dataclass(frozen=True, slots=True)
class WarcDocument:
    """The payload of one record that holds a document, with its id and target URL."""

    id: str
    url: str | None
    payload: bytes
    html: bool  # an HTML response; otherwise a text conversion
    charset: str | None = None  # declared in the HTTP Content-Type header
    number: int = 0  # the record's place in the file, from 1


class CutRecord(OSError):
    """A record that ends before its Content-Length, or a header cut short: the file was cut in its middle."""

    def __init__(self, number: int, id: str, read: int = 0, length: int = 0) -> None:
        size = f" after {read} of its {length} bytes" if length else ""
        super().__init__(f"record {number} ({id}) ends{size}: the file was cut short")
        self.number = number


# What may follow the last record: the blank lines that end a record.
TRAILING_BYTES = 4


def read_records(stream: IO[bytes]) -> Iterator[WarcDocument]:
    """The documents of a WARC or WET stream, in order, read record by record.

    A damaged archive raises OSError, as a truncated compressed file does.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        records = ArchiveIterator(stream)
        for number, record in enumerate(records, start=1):
            _check_format(record, number)
            document = _document(record, number)
            _check_whole(record, number)
            if document is not None:
                yield document
        _check_end(records, number)
    except (AttributeError, TypeError, ValueError):  # warcio's own failures on a header cut short
        raise CutRecord(number + 1, "its header") from None
    except ArchiveLoadFailed as error:
        raise OSError(f"not a WARC file, or a damaged one: {error}") from None


def _check_format(record: Any, number: int) -> None:
    if record.format is None:
        raise CutRecord(number, "its header")
    if not record.format.startswith("warc"):
        raise OSError("not a WARC file (warcio read it as an old ARC file, which boilercut does not read)")


def _check_whole(record: Any, number: int) -> None:
    """Raise CutRecord if the record's block ends before its Content-Length (read to its end here)."""
    block = record.raw_stream
    if getattr(block, "limit", None) is None or record.length is None:
        return
    while block.read(1 << 16):
        pass
    if block.limit > 0:
        length = int(record.length)
        raise CutRecord(number, record.rec_headers.get_header("WARC-Record-ID") or "", length - block.limit, length)


def _check_end(records: Any, number: int) -> None:
    """Raise CutRecord if bytes were left after the last record: a header cut short, which warcio takes for the end."""
    try:
        left = records.fh.tell() - records.offset
    except (AttributeError, OSError):
        return
    if left > TRAILING_BYTES:
        raise CutRecord(number + 1, "its header")


def _document(record: Any, number: int) -> WarcDocument | None:
    headers = record.rec_headers
    if record.rec_type == "conversion":
        html, content_type = False, headers.get_header("Content-Type") or ""
    elif record.rec_type == "response":
        content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or ""
        html = "html" in content_type.lower()
        if not html:
            return None
    else:
        return None
    return WarcDocument(
        id=headers.get_header("WARC-Record-ID") or "",
        url=headers.get_header("WARC-Target-URI"),
        payload=record.content_stream().read(),
        html=html,
        charset=_charset(content_type),
        number=number,
    )


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def document_text(document: WarcDocument, name: str) -> str:
    """The record's payload decoded: an HTML page's source, or a conversion's text."""
    return _decode(document, name)


def _decode(document: WarcDocument, name: str) -> str:
    """The declared charset when it decodes the payload cleanly; otherwise UTF-8 or a detected one."""
    if document.charset and _codec(document.charset) not in (None, "utf-8"):
        try:
            return document.payload.decode(document.charset)
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; detection decides then
    return decode(document.payload, name)


def _codec(charset: str) -> str | None:
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None
