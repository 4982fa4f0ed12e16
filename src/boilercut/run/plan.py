"""Planning a run of `clean IN OUT`: what is read, where each output goes, and what is refused.

A plan is data, decided before any document is read or any output written: a
refused run (a missing IN, OUT inside IN, an output that would overwrite an
input) raises UsageError here, and so writes nothing. Executing a plan is
`execute.py`'s job; the command line only reports what both say.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import ClassVar

from ..errors import UsageError
from ..io.files import InputFile, Skipped, find_inputs, is_up_to_date, other_formats, same_file
from ..io.formats import FileKind, Format, kind_of, output_kind, output_name
from .batch import BATCH_BYTES, FileJob

STDIN = "-"
# A JSONL or WARC file of a folder larger than this is read by the main process
# and its records spread over the workers; a smaller one is cleaned whole by a worker.
STREAM_FILE_BYTES = BATCH_BYTES


@dataclass(frozen=True, slots=True)
class Document:
    """One text or HTML document, from standard input or a file, into standard output or a file."""

    source: Path | None  # None: standard input
    html: bool
    output: Path | None  # None: standard output
    many: ClassVar[bool] = False  # reported as one document, not as a run


@dataclass(frozen=True, slots=True)
class Stream:
    """One JSONL or WARC stream, from standard input or a file, cleaned record by record into JSONL."""

    source: Path | None  # None: standard input
    format: Format
    output: Path | None  # None: standard output
    many: ClassVar[bool] = True


class Action(enum.Enum):
    CLEAN = "clean"  # read, cleaned and written whole by one worker
    STREAM = "stream"  # read here, its records spread over the workers
    SKIP = "skip"  # its output is newer than it (--skip-existing)
    CLASH = "clash"  # another input of the folder writes the same output


@dataclass(frozen=True, slots=True)
class Step:
    job: FileJob
    action: Action
    owner: Path | None = None  # for a clash: the input that writes the output first

    @property
    def clash(self) -> str:
        job = self.job
        return f"{job.path}: its output {job.output} is also that of {self.owner}; rename one of them: skipped"


@dataclass(frozen=True, slots=True)
class Files:
    """Files into files: a folder mirrored into OUT, or one file into OUT."""

    steps: tuple[Step, ...]
    many: bool  # reported as a run (a folder, or a file of many documents)
    notes: tuple[Skipped, ...] = ()  # what the walk of a folder left out
    templates: bool = False  # count each site's template lines over the files first


Plan = Document | Stream | Files


def plan_clean(
    source: str, target: str, given: Format | None = None, *, skip_existing: bool = False, templates: bool = True
) -> Plan:
    """The plan of `clean IN OUT`; a run that cannot be done raises UsageError, saying why."""
    if source == STDIN:
        return _plan_stdin(target, given or Format.TEXT)
    path = Path(source)
    if path.is_dir():
        if given:
            raise UsageError(f"--format: IN {source} is a folder, whose files are known by their names")
        return _plan_folder(path, target, skip_existing=skip_existing, templates=templates)
    if path.is_file():
        return _plan_file(path, target, given, skip_existing=skip_existing)
    if path.exists():
        raise UsageError(
            f"IN {source}: not a regular file or folder (a pipe, socket or device); "
            "send its content to standard input and give IN as -"
        )
    raise UsageError(f"IN {source}: no such file or folder; give a file, a folder or - for stdin")


def _plan_stdin(target: str, format: Format) -> Plan:
    if not format.many_documents:
        output = None if target == STDIN else _output_path(Path(target), Path("stdin.txt"))
        return Document(None, format is Format.HTML, output)
    if target == STDIN:
        return Stream(None, format, None)
    output = _output_path(Path(target), Path("stdin.jsonl"))
    _require_jsonl(output, "IN -")
    return Stream(None, format, output)


def _plan_file(path: Path, target: str, given: Format | None, *, skip_existing: bool) -> Plan:
    named = kind_of(path) or FileKind(Format.TEXT)
    kind = FileKind(given, named.compression) if given else named
    many = kind.format.many_documents
    if target == STDIN:
        return Stream(path, kind.format, None) if many else Document(path, kind.format is Format.HTML, None)
    output = _output_path(Path(target), Path(output_name(PurePath(path.name), kind)))
    if same_file(output, path):
        raise UsageError(
            f"OUT {output} is IN {path}: cleaning would overwrite the input; "
            "give another OUT, or run `boilercut fix` to clean files in place"
        )
    if many:
        _require_jsonl(output, f"IN {path}")
    job = FileJob(path, kind, output, output_kind(output))
    if skip_existing and is_up_to_date(path, output):
        return Files((Step(job, Action.SKIP),), many)
    return Files((Step(job, Action.STREAM if many else Action.CLEAN),), many)


def _plan_folder(root: Path, target: str, *, skip_existing: bool, templates: bool) -> Files:
    if target == STDIN:
        raise UsageError(f"OUT -: IN {root} is a folder, so OUT must be a folder too")
    out_root = Path(target)
    if out_root.resolve() == root.resolve() or root.resolve() in out_root.resolve().parents:
        raise UsageError(
            f"OUT {target} is inside IN {root}: outputs would be read as inputs; choose a folder outside IN"
        )
    if out_root.exists() and not out_root.is_dir():
        raise UsageError(f"OUT {target} is a file but IN {root} is a folder; give a folder")
    notes: list[Skipped] = []
    others: dict[str, int] = {}
    inputs = list(find_inputs(root, notes, others))
    if others:
        notes.append(other_formats(root, others))
    clash = overwritten_input(inputs, out_root) if root.resolve().is_relative_to(out_root.resolve()) else None
    if clash is not None:
        raise UsageError(
            f"OUT {target}: the output of {clash[0]} would overwrite the input {clash[1]}; "
            "choose an OUT folder apart from IN"
        )
    steps = _folder_steps(inputs, out_root, skip_existing=skip_existing)
    return Files(steps, many=True, notes=tuple(notes), templates=templates)


def _folder_steps(inputs: Sequence[InputFile], out_root: Path, *, skip_existing: bool) -> tuple[Step, ...]:
    steps = []
    claims = _Claims()
    for item in inputs:
        job = FileJob(item.path, item.kind, out_root / item.output_relative, _mirrored_kind(item.kind))
        owner = claims.owner(job)
        if owner is not None:
            steps.append(Step(job, Action.CLASH, owner))
        elif skip_existing and is_up_to_date(job.path, job.output):
            steps.append(Step(job, Action.SKIP))
        elif item.kind.format.many_documents and _size(item.path) > STREAM_FILE_BYTES:
            steps.append(Step(job, Action.STREAM))
        else:
            steps.append(Step(job, Action.CLEAN))
    return tuple(steps)


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


def _output_path(target: Path, default_name: Path) -> Path:
    """OUT itself, or the input's mirrored name inside OUT when OUT is a folder."""
    return target / default_name if target.is_dir() else target


def _require_jsonl(out: Path, what: str) -> None:
    if output_kind(out).format is not Format.JSONL:
        raise UsageError(
            f"OUT {out}: {what} holds many documents, written as JSONL; "
            "give OUT a .jsonl name (.jsonl.gz, .jsonl.zst to compress), a folder, or - for stdout"
        )


def _mirrored_kind(kind: FileKind) -> FileKind:
    return FileKind(Format.JSONL if kind.format.many_documents else Format.TEXT, kind.compression)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # cleaned whole, where the error is reported


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
