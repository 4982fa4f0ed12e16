"""The units of work a worker runs: a batch of JSONL lines, of WARC records, or of whole files.

A task carries what it needs (bytes and paths, never a pipeline) so that it
can be sent to another process; `run` cleans it with that process's pipeline
and returns the output and the counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from .errors import DocumentError
from .io.compression import read_errors
from .io.files import AtomicWriter, open_input, write_atomically
from .io.formats import FileKind, Format
from .io.jsonl import Fields
from .io.warc import WarcDocument, read_records
from .pipeline import Pipeline
from .records import Origin, clean_line, clean_record, text_line
from .runner import Summary, clean_file

# A batch is cut at whichever comes first: enough documents or bytes to make
# the round trip to a worker cheap beside the cleaning, few enough that the
# batches in flight keep memory flat.
BATCH_DOCUMENTS = 64
BATCH_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a task produced: output bytes (JSONL lines, in input order) and its counts."""

    summary: Summary
    data: bytes = b""


class Task(Protocol):
    def run(self, pipeline: Pipeline) -> Outcome: ...


@dataclass(frozen=True, slots=True)
class LineBatch:
    """Consecutive lines of a JSONL file; `first` is the line number of the first one."""

    origin: Origin
    first: int
    lines: tuple[bytes, ...]
    fields: Fields

    def run(self, pipeline: Pipeline) -> Outcome:
        summary = Summary()
        out = [
            clean_line(pipeline, line, number, self.origin, self.fields, summary)
            for number, line in enumerate(self.lines, start=self.first)
        ]
        return Outcome(summary, b"".join(out))


@dataclass(frozen=True, slots=True)
class RecordBatch:
    """Consecutive document records of a WARC or WET file."""

    origin: Origin
    documents: tuple[WarcDocument, ...]

    def run(self, pipeline: Pipeline) -> Outcome:
        summary = Summary()
        out = [clean_record(pipeline, document, self.origin, summary) for document in self.documents]
        return Outcome(summary, b"".join(out))


def batches(stream: IO[bytes], format: Format, origin: Origin, fields: Fields) -> Iterator[LineBatch | RecordBatch]:
    """The documents of a JSONL or WARC stream in batches, read as they are needed.

    A stream that breaks off (truncated, corrupt) raises DocumentError saying where.
    """
    position = _Position()
    try:
        if format is Format.JSONL:
            yield from _line_batches(stream, origin, fields, position)
        else:
            yield from _record_batches(stream, origin, position)
    except read_errors() as error:
        where = f"after {position.unit} {position.count}" if position.count else "at its start"
        raise DocumentError(
            f"{origin.label}: cannot read {where}: {error}; "
            "the file may be truncated or damaged: its output was not written"
        ) from None


@dataclass(slots=True)
class _Position:
    unit: str = "line"
    count: int = 0


def _line_batches(stream: IO[bytes], origin: Origin, fields: Fields, position: _Position) -> Iterator[LineBatch]:
    lines: list[bytes] = []
    size = 0
    for line in stream:
        position.count += 1
        lines.append(line)
        size += len(line)
        if len(lines) >= BATCH_DOCUMENTS or size >= BATCH_BYTES:
            yield LineBatch(origin, position.count - len(lines) + 1, tuple(lines), fields)
            lines, size = [], 0
    if lines:
        yield LineBatch(origin, position.count - len(lines) + 1, tuple(lines), fields)


def _record_batches(stream: IO[bytes], origin: Origin, position: _Position) -> Iterator[RecordBatch]:
    position.unit = "record"
    documents: list[WarcDocument] = []
    size = 0
    for document in read_records(stream):
        position.count += 1
        documents.append(document)
        size += len(document.payload)
        if len(documents) >= BATCH_DOCUMENTS or size >= BATCH_BYTES:
            yield RecordBatch(origin, tuple(documents))
            documents, size = [], 0
    if documents:
        yield RecordBatch(origin, tuple(documents))


@dataclass(frozen=True, slots=True)
class FileJob:
    """One input file to clean whole into one output file."""

    path: Path
    kind: FileKind
    output: Path
    output_kind: FileKind


@dataclass(frozen=True, slots=True)
class FileBatch:
    """Whole files, each read, cleaned and written by the worker itself: only paths travel."""

    files: tuple[FileJob, ...]
    fields: Fields = field(default_factory=Fields)

    def run(self, pipeline: Pipeline) -> Outcome:
        summary = Summary()
        for job in self.files:
            clean_whole_file(pipeline, job, self.fields, summary)
        return Outcome(summary)


def clean_whole_file(pipeline: Pipeline, job: FileJob, fields: Fields, summary: Summary) -> None:
    """Clean one file of any format into its output; failures are recorded, never raised."""
    try:
        if job.kind.format.many_documents:
            _clean_stream_file(pipeline, job, fields, summary)
        else:
            _clean_text_file(pipeline, job, summary)
    except DocumentError as error:
        summary.fail(str(error))
    except OSError as error:
        summary.fail(
            f"{error.filename or job.path}: {error.strerror or error}; check the file, its folder and permissions"
        )


def _clean_text_file(pipeline: Pipeline, job: FileJob, summary: Summary) -> None:
    text = clean_file(pipeline, job.path, summary, html=job.kind.format is Format.HTML)
    if text is not None:
        try:
            write_text(job.output, job.output_kind, str(job.path), text)
        except (DocumentError, OSError):
            summary.documents -= 1  # cleaned but not written: counted once, as a failure (below)
            raise


def write_text(path: Path, kind: FileKind, name: str, text: str) -> None:
    """One clean text into an output file: as it is, or as one JSONL record when the name says JSONL."""
    if kind.format is Format.JSONL:
        with AtomicWriter(path) as out:
            out.write(text_line(name, None, text))
            out.commit()
    else:
        write_atomically(path, text)


def _clean_stream_file(pipeline: Pipeline, job: FileJob, fields: Fields, summary: Summary) -> None:
    origin = Origin(str(job.path), str(job.path))
    with open_input(job.path) as stream, AtomicWriter(job.output) as out:
        for batch in batches(stream, job.kind.format, origin, fields):
            outcome = batch.run(pipeline)
            out.write(outcome.data)
            summary.merge(outcome.summary)
        out.commit()
