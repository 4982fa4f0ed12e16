"""`fix` and `check`: files that should already be clean, cleaned in place or only compared.

A file is read as `clean` reads it; what it holds now is compared as UTF-8
text, and a changed file is replaced whole (temporary file, rename).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..cleaner import Cleaner
from ..errors import DocumentError
from . import read, write
from .batch import clean_guarded
from .summary import Summary


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
