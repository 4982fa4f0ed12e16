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
from .html import extract_text


@dataclass(frozen=True, slots=True)
class WarcDocument:
    """The payload of one record that holds a document, with its id and target URL."""

    id: str
    url: str | None
    payload: bytes
    html: bool  # an HTML response; otherwise a text conversion
    charset: str | None = None  # declared in the HTTP Content-Type header


def read_records(stream: IO[bytes]) -> Iterator[WarcDocument]:
    """The documents of a WARC or WET stream, in order, read record by record.

    A damaged archive raises OSError, as a truncated compressed file does.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(stream):
            if not record.format.startswith("warc"):
                raise OSError("not a WARC file (warcio read it as an old ARC file, which boilercut does not read)")
            document = _document(record)
            if document is not None:
                yield document
    except ArchiveLoadFailed as error:
        raise OSError(f"not a WARC file, or a damaged one: {error}") from None


def _document(record: Any) -> WarcDocument | None:
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
    )


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def document_text(document: WarcDocument, name: str) -> str:
    """The text to clean: the page's main text for HTML, the payload itself for a conversion.

    An empty page is an empty text, as an empty HTML file is.
    """
    text = _decode(document, name)
    return extract_text(text, name) if document.html and text.strip() else text


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
