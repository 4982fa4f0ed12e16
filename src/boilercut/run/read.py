"""Reading documents: the one place that decompresses, decodes, extracts HTML and splits JSONL and WARC.

A file of one document (text or HTML) becomes one Source. A JSONL or WARC
stream is split here into raw records (a line's bytes, a record's payload),
cheap to send to a worker; the worker turns each into a Source with
`line_source` or `record_source`, so that parsing, decoding and extraction
happen in whichever process cleans the document.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from ..errors import DocumentError, UsageError
from ..io.compression import MAGIC_BYTES, damage, read_errors, reader, sniff
from ..io.decoding import decode_noting
from ..io.files import open_input
from ..io.formats import Format, kind_of
from ..io.html import looks_like_html
from ..io.jsonl import Fields, lookup, parse_record, text_of, url_of
from ..io.warc import CutRecord, WarcDocument, document_text, read_records
from ..pipeline import Source, page_source


@dataclass(frozen=True, slots=True)
class Origin:
    """The file records come from: its name in messages, its path for site resolution by folder."""

    label: str
    path: str | None = None


STDIN = Origin("<stdin>")


def open_file(path: Path) -> IO[bytes]:
    """A file's content as a binary stream, decompressed by its extension."""
    return open_input(path)


def open_stdin() -> IO[bytes]:
    """Standard input as a binary stream, decompressed when its first bytes say gzip or zstd."""
    stream: IO[bytes] = sys.stdin.buffer
    if not hasattr(stream, "peek"):  # a BytesIO, in tests
        stream = cast(IO[bytes], io.BufferedReader(cast(Any, stream)))
    head = cast(io.BufferedReader, stream).peek(MAGIC_BYTES)[:MAGIC_BYTES]
    return reader(stream, sniff(head))


def read_file(path: Path, label: str | None = None) -> bytes:
    """A file's whole content, decompressed; a file that cannot be read is that document's failure."""
    return read_all(lambda: open_input(path), label or str(path))


def read_stdin() -> bytes:
    """All of standard input, decompressed; a damaged stream is that document's failure."""
    return read_all(open_stdin, STDIN.label)


def read_all(opener: Callable[[], IO[bytes]], name: str) -> bytes:
    try:
        with opener() as stream:
            return stream.read()
    except read_errors() as error:  # the file system's errors, and what a truncated or corrupt stream raises
        raise DocumentError(f"{name}: {_cannot_read(error)}") from None


def _cannot_read(error: BaseException) -> str:
    if isinstance(error, OSError) and error.errno is not None:  # the file system's, not the decompressor's
        return f"cannot read: {error.strerror or error}; check the file and its permissions"
    return f"{damage(error)}: skipped"


def file_source(path: Path, label: str | None = None, *, html: bool = False) -> Source:
    """The one document a text or HTML file holds, read, decoded and (for HTML) rendered as text."""
    name = label or str(path)
    return document_source(read_file(path, name), name=name, path=path, html=html)


def current_text(path: Path) -> str | None:
    """What a file holds as it is (not decompressed), if it is UTF-8 text: `fix` and `check` compare with it."""
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def decoded_text(path: Path) -> str:
    """What a file holds, read and decoded as `clean` reads it ("" if it cannot be): what `check`
    shows as the text now of a file that is not UTF-8."""
    try:
        return decode_noting(read_file(path), str(path)).text
    except DocumentError:
        return ""


def document_source(
    data: bytes, *, name: str, path: Path | None = None, url: str | None = None, html: bool = False
) -> Source:
    """Decode a document's bytes; HTML (said so, by suffix or by content) is read as a page."""
    decoded = decode_noting(data, name)
    text = decoded.text
    html = html or _html_name(path) or looks_like_html(text)
    notes = (decoded.warning,) if decoded.warning else ()
    return _source(text, name=name, path=str(path) if path else None, url=url, html=html, notes=notes)


def _source(
    text: str, *, name: str, path: str | None = None, url: str | None, html: bool, notes: tuple[str, ...] = ()
) -> Source:
    if html:
        return page_source(text, name=name, url=url, path=path, notes=notes)
    return Source(text, name=name, url=url, path=path, notes=notes)


def _html_name(path: Path | None) -> bool:
    kind = kind_of(path) if path is not None else None
    return kind is not None and kind.format is Format.HTML


# --- many-document streams ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a JSONL stream, as read: parsed later, by whichever process cleans it."""

    number: int
    data: bytes


Raw = Line | WarcDocument


class Damaged(DocumentError):
    """A stream that breaks off (truncated, corrupt): the records before it stand (`kept`), the rest is lost."""

    def __init__(self, message: str, kept: int) -> None:
        super().__init__(message)
        self.kept = kept


def records(stream: IO[bytes], format: Format, origin: Origin) -> Iterator[Raw]:
    """The raw records of a JSONL or WARC stream, read one at a time.

    A stream that breaks off raises Damaged, saying where, after every record before the damage.
    """
    last = 0  # the line, or WARC record, last read whole
    unit = "line" if format is Format.JSONL else "record"
    try:
        if format is Format.JSONL:
            for last, data in enumerate(stream, start=1):
                yield Line(last, data)
        else:
            for document in read_records(stream):
                last = document.number
                yield document
    except read_errors() as error:
        if isinstance(error, CutRecord):  # a WARC record shorter than it says: its number is known
            last = error.number - 1
        raise Damaged(f"{origin.label}: {_damage_after(unit, last, error)}", last) from None


def _damage_after(unit: str, last: int, error: BaseException) -> str:
    if not last:
        return f"cannot read at its start: {damage(error)}: its output was not written"
    return f"after {unit} {last}: {damage(error)}; {unit}s 1-{last} were cleaned and written"


def raw_size(raw: Raw) -> int:
    return len(raw.data) if isinstance(raw, Line) else len(raw.payload)


def line_where(origin: Origin, line: Line) -> str:
    return f"{origin.label}:{line.number}"


def line_record(line: Line, origin: Origin) -> dict[str, Any] | None:
    """One JSONL line as its JSON object; None for a blank line, which holds no record."""
    if not line.data.strip():
        return None
    return parse_record(line.data, line_where(origin, line))


def line_source(record: dict[str, Any], line: Line, origin: Origin, fields: Fields) -> Source:
    where = line_where(origin, line)
    return Source(text_of(record, fields, where), name=where, url=url_of(record, fields), path=origin.path)


def record_where(origin: Origin, document: WarcDocument) -> str:
    return f"{origin.label}: record {document.id}"


def record_source(document: WarcDocument, origin: Origin) -> Source:
    """A WARC record's document: an HTML page read as a page, a conversion's text as it is."""
    where = record_where(origin, document)
    return _source(document_text(document, where), name=where, url=document.url, path=origin.path, html=document.html)


# --- one record of a stream, for explain ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Wanted:
    """Which record of a JSONL or WARC file: the Nth (from 1) or the one with an id (or URL); the first if neither."""

    number: int | None = None
    id: str | None = None

    def describe(self) -> str:
        return f"record {self.number}" if self.number is not None else f"a record with id or URL {self.id!r}"


def record_of(path: Path, format: Format, fields: Fields, wanted: Wanted) -> Source:
    """The Source of one record of a JSONL or WARC/WET file, found by number, id or URL.

    Records are counted as `clean` cleans them: a JSONL file's non-blank lines,
    a WARC file's HTML responses and text conversions.
    """
    origin = Origin(str(path), str(path))
    count = 0
    with open_file(path) as stream:
        for raw in records(stream, format, origin):
            if isinstance(raw, Line):
                record = line_record(raw, origin)
                if record is None:
                    continue
                count += 1
                if _is_wanted(wanted, count, (lookup(record, "id"), url_of(record, fields))):
                    return line_source(record, raw, origin, fields)
            else:
                count += 1
                if _is_wanted(wanted, count, (raw.id, raw.id.strip("<>").removeprefix("urn:uuid:"), raw.url)):
                    return record_source(raw, origin)
    raise UsageError(f"{path}: {wanted.describe()} is not among its {count} records")


def _is_wanted(wanted: Wanted, count: int, ids: tuple[Any, ...]) -> bool:
    if wanted.id is not None:
        return wanted.id in {str(value) for value in ids if value is not None}
    return count == (wanted.number or 1)
