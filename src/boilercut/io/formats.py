"""What a file holds, from its name: text, HTML, JSONL or WARC/WET, possibly compressed.

The name of an output mirrors its input: text and HTML become `.txt`,
JSONL stays `.jsonl`, WARC and WET become `.jsonl`; the compression is kept.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import PurePath

from .compression import compression_of


class Format(enum.Enum):
    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    WARC = "warc"

    @property
    def many_documents(self) -> bool:
        """JSONL and WARC hold many documents; their output is JSONL."""
        return self in (Format.JSONL, Format.WARC)


FORMAT_SUFFIXES = {
    ".txt": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".jsonl": Format.JSONL,
    ".warc": Format.WARC,
    ".wet": Format.WARC,
}


@dataclass(frozen=True, slots=True)
class FileKind:
    """What a file name says: the format, and the compression ("" for none)."""

    format: Format
    compression: str = ""


def kind_of(path: PurePath) -> FileKind | None:
    """The kind of an input file, or None when its name is not one boilercut reads."""
    compression = compression_of(path)
    base = path.with_suffix("") if compression else path
    found = FORMAT_SUFFIXES.get(base.suffix.lower())
    return FileKind(found, compression) if found else None


def output_kind(path: PurePath) -> FileKind:
    """The kind of an output file: JSONL when its name says so, clean text otherwise."""
    kind = kind_of(path)
    compression = compression_of(path)
    return FileKind(Format.JSONL if kind and kind.format is Format.JSONL else Format.TEXT, compression)


def output_name(path: PurePath, kind: FileKind) -> PurePath:
    """The mirrored output name of an input: `a.html.gz` -> `a.txt.gz`, `a.warc` -> `a.jsonl`."""
    base = path.with_suffix("") if kind.compression else path
    suffix = ".jsonl" if kind.format.many_documents else ".txt"
    return base.with_suffix(suffix + kind.compression)
