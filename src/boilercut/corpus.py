"""Cleaning a corpus: a folder, one file or a stream, of any format, over worker processes.

Small files go to the workers whole (only their paths travel); a large JSONL
or WARC file, and a stream, is read here record by record and sent in
batches, its output written as the batches come back, in input order, under a
temporary name renamed once the file is complete.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import IO, Protocol

from .document import split_lines
from .errors import DocumentError
from .io.files import (
    AtomicWriter,
    InputFile,
    Skipped,
    find_inputs,
    is_up_to_date,
    open_input,
    remove_stale_temporaries,
)
from .io.formats import FileKind, Format
from .io.jsonl import Fields
from .jobs import Jobs
from .pipeline import Pipeline, site_group
from .records import Origin
from .runner import Summary, read_source
from .stages.encoding import fix_text
from .tasks import BATCH_BYTES, BATCH_DOCUMENTS, FileBatch, FileJob, Outcome, batches
from .templates import TemplateCounter, Templates

# A JSONL or WARC file larger than this is read by the main process and its
# records spread over the workers; a smaller one is cleaned whole by a worker.
STREAM_FILE_BYTES = BATCH_BYTES
STDIN = Origin("<stdin>")


@dataclass(frozen=True, slots=True)
class RunOptions:
    jobs: int = 1
    skip_existing: bool = False  # leave outputs newer than their input alone
    fields: Fields = field(default_factory=Fields)
    templates: bool = True  # a folder run first counts each site's template lines


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


def folder_inputs(root: Path, summary: Summary) -> list[InputFile]:
    """The input files under a folder; a folder that cannot be read is a failure, a link to one a warning."""
    skipped: list[Skipped] = []
    inputs = list(find_inputs(root, skipped))
    for entry in skipped:
        if entry.failed:
            summary.fail(str(entry))
        else:
            summary.warnings.append(str(entry))
    return inputs


def overwritten_input(inputs: Sequence[InputFile], out_root: Path) -> tuple[Path, Path] | None:
    """An input whose mirrored output under out_root is another input file, with that file; or None.

    Only possible when IN lies inside OUT (`clean data/raw data`, with `data/raw/raw/a.txt`).
    """
    sources = {item.path.resolve(): item.path for item in inputs}
    for item in inputs:
        hit = sources.get((out_root / item.output_relative).resolve())
        if hit is not None:
            return item.path, hit
    return None


def clean_folder(
    pipeline: Pipeline,
    inputs: Sequence[InputFile],
    out_root: Path,
    options: RunOptions,
    summary: Summary,
    advance: Callable[[], None] = lambda: None,
) -> None:
    """Clean every input file into its mirrored path under out_root."""
    _remove_stale(summary, [out_root / item.output_relative for item in inputs])
    with _Run(pipeline, options, summary) as run:
        small = _SmallFiles(run, advance)
        claimed = _Claims()
        for item in inputs:
            job = FileJob(item.path, item.kind, out_root / item.output_relative, _mirrored_kind(item.kind))
            first = claimed.owner(job)
            if first is not None:
                message = f"{job.path}: its output {job.output} is also that of {first}; rename one of them: skipped"
                run.jobs.after(partial(_clash, summary, message, advance))
            elif options.skip_existing and is_up_to_date(job.path, job.output):
                run.jobs.after(partial(_skipped, summary, advance))
            elif item.kind.format.many_documents and _size(item.path) > STREAM_FILE_BYTES:
                small.flush()
                run.stream_file(job)
                run.jobs.after(advance)
            else:
                small.add(job)
        small.flush()


def clean_one_file(pipeline: Pipeline, job: FileJob, options: RunOptions, summary: Summary) -> None:
    """Clean one file into one output file; a JSONL or WARC file is streamed over the workers."""
    _remove_stale(summary, [job.output])
    if options.skip_existing and is_up_to_date(job.path, job.output):
        summary.skipped += 1
        return
    if not job.kind.format.many_documents:
        options = dataclasses.replace(options, jobs=1)  # one document: a pool would only cost
    with _Run(pipeline, options, summary) as run:
        if job.kind.format.many_documents:
            run.stream_file(job)
        else:
            run.jobs.submit(FileBatch((job,), options.fields), run.collect)


def clean_stream(
    pipeline: Pipeline,
    stream: IO[bytes],
    format: Format,
    sink: Sink,
    options: RunOptions,
    summary: Summary,
    origin: Origin = STDIN,
) -> None:
    """Clean a JSONL or WARC stream (standard input, or a file) into a sink, record by record."""
    with _Run(pipeline, options, summary) as run:
        run.stream(stream, format, origin, sink)


def _remove_stale(summary: Summary, outputs: Iterable[Path]) -> None:
    """Remove what runs killed with SIGKILL left of these outputs: temporary files, never read, never renamed."""
    summary.stale.extend(str(path) for path in remove_stale_temporaries(outputs))


def _mirrored_kind(kind: FileKind) -> FileKind:
    return FileKind(Format.JSONL if kind.format.many_documents else Format.TEXT, kind.compression)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # cleaned whole, where the error is reported


def _skipped(summary: Summary, advance: Callable[[], None]) -> None:
    summary.skipped += 1
    advance()


def _clash(summary: Summary, message: str, advance: Callable[[], None]) -> None:
    summary.fail(message)
    advance()


class _Claims:
    """Which input writes each output: `a.txt` and `a.html` both make `a.txt`.

    Outputs clash only within one folder, and inputs come folder by folder, so
    only the current folder's outputs are kept.
    """

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.owners: dict[Path, Path] = {}

    def owner(self, job: FileJob) -> Path | None:
        """The input that already claimed this job's output, or None (the job claims it)."""
        if job.output.parent != self.folder:
            self.folder, self.owners = job.output.parent, {}
        first = self.owners.get(job.output)
        if first is None:
            self.owners[job.output] = job.path
        return first


class _Run:
    """One run's jobs and the outputs still being written, discarded if the run stops early."""

    def __init__(self, pipeline: Pipeline, options: RunOptions, summary: Summary) -> None:
        self.options = options
        self.summary = summary
        self.jobs = Jobs(pipeline, options.jobs)
        self._open = contextlib.ExitStack()
        self._failed: set[Sink] = set()  # outputs that could not be written: left out from then on

    def __enter__(self) -> _Run:
        self._open.enter_context(self.jobs)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if error is None:
            self.jobs.finish()  # every outcome written and every output renamed before the pool goes
        self._open.__exit__(kind, error, trace)  # outputs not renamed are discarded, the pool shut down

    def collect(self, outcome: Outcome) -> None:
        self.summary.merge(outcome.summary)

    def write(self, sink: Sink, outcome: Outcome) -> None:
        self.summary.merge(outcome.summary)
        if sink not in self._failed:
            self._output(sink, sink.write, outcome.data)

    def commit(self, sink: Sink) -> None:
        if sink not in self._failed:
            self._output(sink, sink.commit)

    def _output(self, sink: Sink, step: Callable[..., None], *data: bytes) -> None:
        """Write to or commit an output; if it cannot be written (a full disk), that file fails, the run goes on."""
        try:
            step(*data)
        except DocumentError as error:
            self._failed.add(sink)
            self.abandon(sink, str(error))

    def abandon(self, sink: Sink, message: str) -> None:
        sink.discard()
        self.summary.fail(message)

    def stream_file(self, job: FileJob) -> None:
        with contextlib.ExitStack() as reading:
            try:
                stream = reading.enter_context(open_input(job.path))
                sink = self._open.enter_context(AtomicWriter(job.output))
            except OSError as error:
                where = error.filename or job.path
                message = f"{where}: {error.strerror or error}; check the file, its folder and permissions"
                self.jobs.after(partial(self.summary.fail, message))
                return
            except DocumentError as error:  # the output cannot be created
                self.jobs.after(partial(self.summary.fail, str(error)))
                return
            self.stream(stream, job.kind.format, Origin(str(job.path), str(job.path)), sink)

    def stream(self, stream: IO[bytes], format: Format, origin: Origin, sink: Sink) -> None:
        try:
            for batch in batches(stream, format, origin, self.options.fields):
                self.jobs.submit(batch, partial(self.write, sink))
        except DocumentError as error:
            self.jobs.after(partial(self.abandon, sink, str(error)))
            return
        self.jobs.after(partial(self.commit, sink))


class _SmallFiles:
    """Small files gathered into batches, each sent whole to one worker."""

    def __init__(self, run: _Run, advance: Callable[[], None]) -> None:
        self.run = run
        self.advance = advance
        self.files: list[FileJob] = []
        self.size = 0

    def add(self, job: FileJob) -> None:
        self.files.append(job)
        self.size += _size(job.path)
        if len(self.files) >= BATCH_DOCUMENTS or self.size >= BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        if self.files:
            count = len(self.files)
            self.run.jobs.submit(FileBatch(tuple(self.files), self.run.options.fields), partial(self._done, count))
            self.files, self.size = [], 0

    def _done(self, count: int, outcome: Outcome) -> None:
        self.run.collect(outcome)
        for _ in range(count):
            self.advance()


def count_templates(pipeline: Pipeline, inputs: Iterable[InputFile]) -> Templates:
    """The first pass of a folder run: the template lines of each site, from its plain-text files.

    Lines are counted as fix_encoding will leave them, so that both passes see
    the same text. A file that cannot be read here is reported by the second pass.
    """
    counter = TemplateCounter()
    for item in inputs:
        if item.kind.format is not Format.TEXT:
            continue  # an extractor has removed HTML's template; JSONL and WARC would be read twice
        try:
            source = read_source(item.path.read_bytes(), name=str(item.path), path=item.path)
        except (DocumentError, OSError):
            continue
        group = site_group(pipeline.site_of(source), source)
        if group is not None:
            repaired = fix_text("\n".join(line.strip() for line in split_lines(source.text)))
            counter.add(group, [line.strip() for line in repaired.split("\n") if line.strip()])
    return counter.templates()
