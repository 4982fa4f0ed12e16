"""Writing clean text: to a file (atomically, compressed by its name), to standard output, or in place.

A many-document output is JSONL: a JSONL record comes back with its text
replaced and every other field as it was; a WARC record, or a lone text
written under a JSONL name, becomes `{"id", "url", "text"}`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from ..io.files import AtomicWriter, write_atomically
from ..io.formats import FileKind, Format
from ..io.jsonl import dump_line, with_text


class Sink(Protocol):
    """Where a stream's output goes: an AtomicWriter, or standard output."""

    def write(self, data: bytes) -> None: ...
    def commit(self) -> None: ...
    def discard(self) -> None: ...


@dataclass(frozen=True, slots=True)
class StreamSink:
    """An already open stream (standard output): written as it goes, nothing to rename."""

    stream: IO[bytes]

    def write(self, data: bytes) -> None:
        self.stream.write(data)

    def commit(self) -> None:
        self.stream.flush()

    def discard(self) -> None:
        self.stream.flush()


def stdout_sink() -> StreamSink:
    return StreamSink(sys.stdout.buffer)


def file_sink(path: Path) -> AtomicWriter:
    """A file written under a temporary name, renamed to `path` on commit."""
    return AtomicWriter(path)


def jsonl_line(record: dict[str, Any], text_field: str, text: str) -> bytes:
    """A JSONL record with its text replaced by the clean text, every other field as it was."""
    return dump_line(with_text(record, text_field, text))


def text_line(name: str, url: str | None, text: str) -> bytes:
    """A clean text as a JSONL record, the shape WARC records are written in."""
    return dump_line({"id": name, "url": url, "text": text})


def write_text(path: Path, kind: FileKind, name: str, text: str) -> None:
    """One clean text into an output file: as it is, or as one JSONL record when the name says JSONL."""
    if kind.format is Format.JSONL:
        with AtomicWriter(path) as out:
            out.write(text_line(name, None, text))
            out.commit()
    else:
        write_atomically(path, text)


def write_stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def replace_file(path: Path, text: str) -> None:
    """A file's content replaced whole (temporary file, rename), keeping its permissions: `fix`."""
    write_atomically(path, text)
