"""`fix` and `check`: files that should already be clean, cleaned in place or only compared.

A file is read as `clean` reads it; what it holds now is compared as UTF-8
text, and a changed file is replaced whole (temporary file, rename). Folders
are walked as `clean` walks them; of what it would read, the plain text files
are taken (HTML, JSONL, WARC and compressed files are inputs, not clean text
to keep clean). With more than one job, files are cleaned by worker processes
and their changes handed back in order.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..cleaner import Cleaner
from ..errors import DocumentError
from ..io.files import Skipped, find_inputs
from ..io.formats import FileKind, Format
from . import read, write
from .batch import Outcome, clean_guarded
from .pool import Pool
from .summary import Summary

# Files a worker compares at a time: enough to make the round trip cheap.
FILES_PER_BATCH = 16
PLAIN_TEXT = FileKind(Format.TEXT)


@dataclass(frozen=True, slots=True)
class Change:
    """A file whose clean text differs from what it holds."""

    path: Path
    text: str  # clean
    current: str | None  # None: not UTF-8 text now


def changes(cleaner: Cleaner, paths: Iterable[Path], summary: Summary) -> Iterator[Change]:
    """Each file that cleaning would change; files that cannot be read or cleaned are failures in the summary."""
    for path in paths:
        cleaned = clean_guarded(cleaner, str(path), partial(read.file_source, path), summary)
        current = read.current_text(path)
        if cleaned is not None and cleaned.text != current:
            yield Change(path, cleaned.text, current)


def apply(change: Change, summary: Summary) -> bool:
    """Write a change into its file; False (a failure in the summary) if it could not be, the file left as it was."""
    try:
        write.replace_file(change.path, change.text)
    except DocumentError as error:
        summary.fail(str(error))
        return False
    summary.changed += 1
    return True


def expand(paths: Sequence[Path], skipped: list[Skipped]) -> list[Path]:
    """The files named, and the plain text files under the folders named (sorted, as `clean` walks them)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += [entry.path for entry in find_inputs(path, skipped) if entry.kind == PLAIN_TEXT]
        else:
            found.append(path)
    return found


@dataclass(frozen=True, slots=True)
class CompareBatch:
    """Files compared with their clean text in a worker; the changes come back as JSON."""

    paths: tuple[Path, ...]

    def run(self, cleaner: Cleaner) -> Outcome:
        summary = Summary()
        found = [[str(c.path), c.text, c.current] for c in changes(cleaner, self.paths, summary)]
        return Outcome(summary, json.dumps(found).encode("utf-8"))


def each_change(
    cleaner: Cleaner, paths: Sequence[Path], jobs: int, summary: Summary, act: Callable[[Change], None]
) -> None:
    """Call `act` on every change cleaning would make, in the order of `paths`, cleaning on `jobs` processes."""

    def handed_back(outcome: Outcome) -> None:
        summary.merge(outcome.summary)
        for path, text, current in json.loads(outcome.data):
            act(Change(Path(path), text, current))

    with Pool(cleaner, jobs) as pool:
        for start in range(0, len(paths), FILES_PER_BATCH):
            pool.submit(CompareBatch(tuple(paths[start : start + FILES_PER_BATCH])), handed_back)
