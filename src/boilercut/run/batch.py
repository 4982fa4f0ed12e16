"""The units of work a worker runs: a batch of JSONL lines, of WARC records, or of whole files.

A batch carries what it needs (bytes and paths, never a cleaner) so that it can
be sent to another process; `run` cleans it with that process's Cleaner and
returns the output and the counts. A document that cannot be read or cleaned
is reported with its file and line (or record id) and left out; the others go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from ..cleaner import Cleaned, Cleaner
from ..errors import DocumentError
from ..io.formats import FileKind, Format
from ..io.jsonl import Fields, MissingField
from ..io.warc import WarcDocument
from ..pipeline import Source
from . import read, write
from .summary import Summary

# A batch is cut at whichever comes first: enough documents or bytes to make
# the round trip to a worker cheap beside the cleaning, few enough that the
# batches in flight keep memory flat.
BATCH_DOCUMENTS = 64
BATCH_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a batch produced: output bytes (JSONL lines, in input order) and its counts."""

    summary: Summary
    data: bytes = b""


class Batch(Protocol):
    def run(self, cleaner: Cleaner) -> Outcome: ...


def clean_guarded(cleaner: Cleaner, name: str, source: Callable[[], Source], summary: Summary) -> Cleaned | None:
    """Read and clean one document; a failure or a bug is recorded in the summary (None) and the run goes on."""
    try:
        read_source = source()
        cleaned = cleaner.clean_source(read_source)
    except MissingField as error:
        summary.lack(error)
        return None
    except DocumentError as error:
        summary.fail(str(error))
        return None
    except Exception as error:  # one document's bug must not end a corpus run
        summary.bug(name, error)
        return None
    summary.record(name, cleaned)
    return cleaned


@dataclass(frozen=True, slots=True)
class LineBatch:
    """Consecutive lines of a JSONL stream."""

    origin: read.Origin
    lines: tuple[read.Line, ...]
    fields: Fields

    def run(self, cleaner: Cleaner) -> Outcome:
        summary = Summary()
        return Outcome(summary, b"".join([self._clean(cleaner, line, summary) for line in self.lines]))

    def _clean(self, cleaner: Cleaner, line: read.Line, summary: Summary) -> bytes:
        """The output line of one JSONL line: the record with its text cleaned, or b"" if it failed."""
        try:
            record = read.line_record(line, self.origin)
        except DocumentError as error:
            summary.fail(str(error))
            return b""
        if record is None:
            return b""
        where = read.line_where(self.origin, line)
        cleaned = clean_guarded(
            cleaner, where, lambda: read.line_source(record, line, self.origin, self.fields), summary
        )
        return b"" if cleaned is None else write.jsonl_line(record, self.fields.text, cleaned.text)


@dataclass(frozen=True, slots=True)
class RecordBatch:
    """Consecutive document records of a WARC or WET stream."""

    origin: read.Origin
    documents: tuple[WarcDocument, ...]

    def run(self, cleaner: Cleaner) -> Outcome:
        summary = Summary()
        return Outcome(summary, b"".join([self._clean(cleaner, document, summary) for document in self.documents]))

    def _clean(self, cleaner: Cleaner, document: WarcDocument, summary: Summary) -> bytes:
        """The output line of one WARC/WET record: its id, URL and clean text, or b"" if it failed."""
        where = read.record_where(self.origin, document)
        cleaned = clean_guarded(cleaner, where, lambda: read.record_source(document, self.origin), summary)
        return b"" if cleaned is None else write.text_line(document.id, document.url, cleaned.text)


Batches = Iterator[LineBatch | RecordBatch]


def batches(stream: IO[bytes], format: Format, origin: read.Origin, fields: Fields) -> Batches:
    """The documents of a JSONL or WARC stream in batches, read as they are needed."""
    raws: list[read.Raw] = []
    size = 0
    try:
        for raw in read.records(stream, format, origin):
            raws.append(raw)
            size += read.raw_size(raw)
            if len(raws) >= BATCH_DOCUMENTS or size >= BATCH_BYTES:
                yield _batch(raws, origin, fields)
                raws, size = [], 0
    except read.Damaged:
        if raws:  # the records before the damage are cleaned before it is reported
            yield _batch(raws, origin, fields)
        raise
    if raws:
        yield _batch(raws, origin, fields)


def _batch(raws: list[read.Raw], origin: read.Origin, fields: Fields) -> LineBatch | RecordBatch:
    if isinstance(raws[0], read.Line):
        return LineBatch(origin, tuple(raw for raw in raws if isinstance(raw, read.Line)), fields)
    return RecordBatch(origin, tuple(raw for raw in raws if isinstance(raw, WarcDocument)))


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

    def run(self, cleaner: Cleaner) -> Outcome:
        summary = Summary()
        for job in self.files:
            clean_whole_file(cleaner, job, self.fields, summary)
        return Outcome(summary)


def clean_whole_file(cleaner: Cleaner, job: FileJob, fields: Fields, summary: Summary) -> None:
    """Clean one file of any format into its output; failures are recorded, never raised."""
    try:
        if job.kind.format.many_documents:
            _clean_stream_file(cleaner, job, fields, summary)
        else:
            _clean_text_file(cleaner, job, summary)
    except DocumentError as error:
        summary.fail(str(error))
    except OSError as error:
        summary.fail(
            f"{error.filename or job.path}: {error.strerror or error}; check the file, its folder and permissions"
        )


def _clean_text_file(cleaner: Cleaner, job: FileJob, summary: Summary) -> None:
    name = str(job.path)
    html = job.kind.format is Format.HTML
    cleaned = clean_guarded(cleaner, name, lambda: read.file_source(job.path, html=html), summary)
    if cleaned is not None:
        try:
            write.write_text(job.output, job.output_kind, name, cleaned.text)
        except (DocumentError, OSError):
            summary.documents -= 1  # cleaned but not written: counted once, as a failure (below)
            raise


def _clean_stream_file(cleaner: Cleaner, job: FileJob, fields: Fields, summary: Summary) -> None:
    origin = read.Origin(str(job.path), str(job.path))
    with read.open_file(job.path) as stream, write.file_sink(job.output) as out:
        try:
            for batch in batches(stream, job.kind.format, origin, fields):
                outcome = batch.run(cleaner)
                out.write(outcome.data)
                summary.merge(outcome.summary)
        except read.Damaged as error:  # what came before the damage is written; the damage is one failure
            if not error.kept:
                raise  # nothing could be read: no output
            summary.fail(str(error))
        out.commit()
