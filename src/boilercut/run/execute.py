"""Executing a plan: read, clean over the pool, write in input order, and sum it all up.

Small files go to the workers whole (only their paths travel); a large JSONL
or WARC file, and a stream, is read here record by record and sent in
batches, its output written as the batches come back, in input order, under a
temporary name renamed once the file is complete.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import IO

from ..cleaner import Cleaned, Cleaner
from ..errors import DocumentError
from ..io.files import remove_stale_temporaries
from ..io.formats import Format, output_kind
from ..io.jsonl import Fields
from . import read, write
from .batch import BATCH_BYTES, BATCH_DOCUMENTS, FileBatch, FileJob, Outcome, batches, clean_guarded
from .plan import Action, Document, Files, Plan, Stream
from .pool import Pool
from .summary import Summary
from .write import Sink

STDIN_NAME = "<stdin>"


@dataclass(frozen=True, slots=True)
class RunOptions:
    jobs: int = 1
    fields: Fields = field(default_factory=Fields)


def execute(
    plan: Plan,
    cleaner: Cleaner,
    options: RunOptions,
    advance: Callable[[], None] = lambda: None,
    warmed: Callable[[], None] = lambda: None,
) -> Summary:
    """Carry out a plan; what happened, failures included, is in the summary returned.

    `advance` is called once for each file of a Files plan as it is done; `warmed`
    once, after the first batch cleaned in this process (see Pool).
    """
    summary = Summary()
    if isinstance(plan, Document):
        _document(plan, cleaner, summary)
    elif isinstance(plan, Stream):
        with _Run(cleaner, options, summary, warmed) as run:
            _stream(run, plan)
    else:
        _files(plan, cleaner, options, summary, advance, warmed)
    return summary


def _document(plan: Document, cleaner: Cleaner, summary: Summary) -> None:
    if plan.source is None:
        cleaned: Cleaned | None = _stdin_document(plan.html, cleaner, summary)
    else:
        source = partial(read.file_source, plan.source, html=plan.html)
        cleaned = clean_guarded(cleaner, str(plan.source), source, summary)
    if cleaned is None:
        return
    if plan.output is None:
        write.write_stdout(cleaned.text)
    else:
        write.write_text(plan.output, output_kind(plan.output), STDIN_NAME, cleaned.text)


def _stdin_document(html: bool, cleaner: Cleaner, summary: Summary) -> Cleaned:
    """Not guarded: what fails here fails the command, with the error's own message."""
    source = read.document_source(read.read_stdin(), name=STDIN_NAME, html=html)
    cleaned = cleaner.clean_source(source)
    summary.record(STDIN_NAME, cleaned)
    return cleaned


def _stream(run: _Run, plan: Stream) -> None:
    if plan.source is None:
        sink = write.stdout_sink() if plan.output is None else run.open_sink(plan.output)
        run.stream(read.open_stdin(), plan.format, read.STDIN, sink)
        return
    with read.open_file(plan.source) as stream:
        origin = read.Origin(str(plan.source), str(plan.source))
        run.stream(stream, plan.format, origin, write.stdout_sink())


def clean_stream(
    cleaner: Cleaner,
    stream: IO[bytes],
    format: Format,
    sink: Sink,
    options: RunOptions,
    origin: read.Origin = read.STDIN,
) -> Summary:
    """Clean an open JSONL or WARC stream into a sink, record by record, over the pool."""
    summary = Summary()
    with _Run(cleaner, options, summary, lambda: None) as run:
        run.stream(stream, format, origin, sink)
    return summary


def _files(
    plan: Files,
    cleaner: Cleaner,
    options: RunOptions,
    summary: Summary,
    advance: Callable[[], None],
    warmed: Callable[[], None],
) -> None:
    for note in plan.notes:
        (summary.fail if note.failed else summary.warnings.append)(str(note))
    summary.stale.extend(str(path) for path in remove_stale_temporaries(step.job.output for step in plan.steps))
    if plan.templates:
        from .prepass import count_templates  # folders only

        cleaner = cleaner.with_templates(count_templates(cleaner, [step.job for step in plan.steps]))
    with _Run(cleaner, options, summary, warmed) as run:
        small = _SmallFiles(run, advance)
        for step in plan.steps:
            if step.action is Action.CLASH:
                run.pool.after(partial(_fail, summary, step.clash, advance))
            elif step.action is Action.SKIP:
                run.pool.after(partial(_skipped, summary, advance))
            elif step.action is Action.STREAM:
                small.flush()
                run.stream_file(step.job)
                run.pool.after(advance)
            else:
                small.add(step.job)
        small.flush()


def _skipped(summary: Summary, advance: Callable[[], None]) -> None:
    summary.skipped += 1
    advance()


def _fail(summary: Summary, message: str, advance: Callable[[], None]) -> None:
    summary.fail(message)
    advance()


class _Run:
    """One run's pool and the outputs still being written, discarded if the run stops early."""

    def __init__(self, cleaner: Cleaner, options: RunOptions, summary: Summary, warmed: Callable[[], None]) -> None:
        self.options = options
        self.summary = summary
        self.pool = Pool(cleaner, options.jobs, warmed)
        self._open = contextlib.ExitStack()
        self._failed: set[Sink] = set()  # outputs that could not be written: left out from then on

    def __enter__(self) -> _Run:
        self._open.enter_context(self.pool)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if error is None:
            self.pool.finish()  # every outcome written and every output renamed before the pool goes
        self._open.__exit__(kind, error, trace)  # outputs not renamed are discarded, the pool shut down

    def open_sink(self, path: Path) -> Sink:
        """An output file, discarded unless committed before the run ends."""
        return self._open.enter_context(write.file_sink(path))

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
                stream = reading.enter_context(read.open_file(job.path))
                sink = self.open_sink(job.output)
            except OSError as error:
                where = error.filename or job.path
                message = f"{where}: {error.strerror or error}; check the file, its folder and permissions"
                self.pool.after(partial(self.summary.fail, message))
                return
            except DocumentError as error:  # the output cannot be created
                self.pool.after(partial(self.summary.fail, str(error)))
                return
            self.stream(stream, job.kind.format, read.Origin(str(job.path), str(job.path)), sink)

    def stream(self, stream: IO[bytes], format: Format, origin: read.Origin, sink: Sink) -> None:
        try:
            for batch in batches(stream, format, origin, self.options.fields):
                self.pool.submit(batch, partial(self.write, sink))
        except read.Damaged as error:  # what came before the damage is written; the damage is one failure
            if not error.kept:
                self.pool.after(partial(self.abandon, sink, str(error)))  # nothing could be read: no output
                return
            self.pool.after(partial(self.summary.fail, str(error)))
        self.pool.after(partial(self.commit, sink))


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
            batch = FileBatch(tuple(self.files), self.run.options.fields)
            self.run.pool.submit(batch, partial(self._done, count))
            self.files, self.size = [], 0

    def _done(self, count: int, outcome: Outcome) -> None:
        self.run.collect(outcome)
        for _ in range(count):
            self.advance()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # cleaned whole, where the error is reported
