"""JSON Lines records: the text to clean, the URL that picks the site, and the record written back.

Every field other than the text is written back as it was read, in the same
key order. A field may be named by a dotted path (`metadata.url`), as
datatrove and dolma nest the URL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..errors import DocumentError

# Where datatrove, dolma and most crawlers put a document's URL, in the order tried.
URL_FIELDS = ("url", "metadata.url")


@dataclass(frozen=True, slots=True)
class Fields:
    """Which fields of a JSONL record hold the text and the URL."""

    text: str = "text"
    url: str | None = None  # None: the first of URL_FIELDS that holds a string

    @property
    def url_fields(self) -> tuple[str, ...]:
        return (self.url,) if self.url else URL_FIELDS


def parse_record(line: bytes, where: str) -> dict[str, Any]:
    """One line as a JSON object; a line that is not one is an error of that document."""
    try:
        record = json.loads(line.rstrip(b"\r\n"))
    except json.JSONDecodeError as error:
        raise DocumentError(f"{where}: not valid JSON: {error.msg} (column {error.pos + 1}): line skipped") from None
    except UnicodeDecodeError:
        raise DocumentError(f"{where}: not UTF-8 text: line skipped") from None
    if not isinstance(record, dict):
        raise DocumentError(f"{where}: {json_type(record)}, not a JSON object: line skipped")
    return record


class MissingField(DocumentError):
    """A record without the text field: if no record has it, the field was named wrong (one error, exit 2)."""

    def __init__(self, message: str, field: str, keys: tuple[str, ...]) -> None:
        super().__init__(message)
        self.field = field
        self.keys = keys


def text_of(record: dict[str, Any], fields: Fields, where: str) -> str:
    text = lookup(record, fields.text)
    if text is None:
        raise MissingField(
            f"{where}: no {fields.text!r} field; name the field that holds the text with --text-field: line skipped",
            fields.text,
            tuple(record),
        )
    if not isinstance(text, str):
        raise DocumentError(
            f"{where}: {json_type(text)} in the {fields.text!r} field, not a string; "
            "name the field that holds the text with --text-field: line skipped"
        )
    return text


def json_type(value: object) -> str:
    """What a parsed JSON value is, in JSON's words ("an array", "a number")."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return {list: "an array", dict: "an object", str: "a string"}.get(type(value), "null")


def url_of(record: dict[str, Any], fields: Fields) -> str | None:
    for name in fields.url_fields:
        value = lookup(record, name)
        if isinstance(value, str) and value:
            return value
    return None


def lookup(record: dict[str, Any], name: str) -> Any:
    """The value of a field by name, or by dotted path when no field has the whole name."""
    if name in record:
        return record[name]
    head, dot, rest = name.partition(".")
    inner = record.get(head)
    return lookup(inner, rest) if dot and isinstance(inner, dict) else None


def with_text(record: dict[str, Any], name: str, text: str) -> dict[str, Any]:
    """The record with its text field replaced, in place of the old value (same key order)."""
    if name in record or "." not in name:
        return {**record, name: text}
    head, _, rest = name.partition(".")
    return {**record, head: with_text(record[head], rest, text)}


def dump_line(record: dict[str, Any]) -> bytes:
    """One JSONL line, UTF-8, non-ASCII characters kept as they are."""
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate read from a \ud800 escape: keep it escaped
        return (json.dumps(record) + "\n").encode("ascii")
