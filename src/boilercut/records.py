"""One document of a many-document file (a JSONL line, a WARC record) cleaned into one output JSONL line.

A record that cannot be read or cleaned is reported with its file and line (or
record id) in the summary and left out of the output; the others go on.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import DocumentError
from .io.jsonl import Fields, dump_line, parse_record, text_of, url_of, with_text
from .io.warc import WarcDocument, document_text
from .pipeline import Pipeline, Source
from .runner import Summary, clean_guarded


@dataclass(frozen=True, slots=True)
class Origin:
    """The file records come from: its name in messages, its path for site resolution by folder."""

    label: str
    path: str | None = None


def clean_line(pipeline: Pipeline, line: bytes, number: int, origin: Origin, fields: Fields, summary: Summary) -> bytes:
    """The output line of one JSONL line: the record with its text cleaned, or b"" if it failed."""
    if not line.strip():
        return b""  # a blank line (often the last one) holds no record
    where = f"{origin.label}:{number}"
    try:
        record = parse_record(line, where)
    except DocumentError as error:
        summary.fail(str(error))
        return b""

    def source() -> Source:
        return Source(text_of(record, fields, where), name=where, url=url_of(record, fields), path=origin.path)

    text = clean_guarded(pipeline, where, source, summary)
    return b"" if text is None else dump_line(with_text(record, fields.text, text))


def clean_record(pipeline: Pipeline, document: WarcDocument, origin: Origin, summary: Summary) -> bytes:
    """The output line of one WARC/WET record: its id, URL and clean text, or b"" if it failed."""
    where = f"{origin.label}: record {document.id}"

    def source() -> Source:
        text = document_text(document, where)
        return Source(text, name=where, url=document.url, path=origin.path, extracted=document.html)

    text = clean_guarded(pipeline, where, source, summary)
    return b"" if text is None else text_line(document.id, document.url, text)


def text_line(name: str, url: str | None, text: str) -> bytes:
    """A clean text as a JSONL record, the shape WARC records are written in."""
    return dump_line({"id": name, "url": url, "text": text})
