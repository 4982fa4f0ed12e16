"""Cleaning many documents: read, clean, write, and count what happened.

A document that fails is reported and the run goes on; the summary says how
many lines each stage and rule dropped, and which documents failed and why.
"""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document
from .errors import DocumentError
from .io.decoding import decode
from .io.files import read_input
from .io.formats import Format, kind_of
from .io.html import extract_text, looks_like_html
from .pipeline import Pipeline, Source
from .render import render


@dataclass(slots=True)
class Summary:
    documents: int = 0
    changed: int = 0
    skipped: int = 0  # files whose output was already up to date (--skip-existing)
    stale: list[str] = field(default_factory=list)  # temporary files of killed runs, removed before writing
    failures: list[str] = field(default_factory=list)
    bugs: list[str] = field(default_factory=list)  # tracebacks of unexpected errors, one per document
    warnings: list[str] = field(default_factory=list)
    dropped: Counter[tuple[str, str]] = field(default_factory=Counter)  # (stage, rule) -> lines

    def record(self, doc: Document) -> None:
        self.documents += 1
        self.warnings.extend(f"{doc.name}: {warning}" for warning in doc.warnings)
        for block in doc.blocks:
            if block.drop is not None:
                self.dropped[block.drop.stage, block.drop.rule] += 1

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def merge(self, other: Summary) -> None:
        """Add the counts of another summary (a worker's), keeping messages in order."""
        self.documents += other.documents
        self.changed += other.changed
        self.skipped += other.skipped
        self.stale.extend(other.stale)
        self.failures.extend(other.failures)
        self.bugs.extend(other.bugs)
        self.warnings.extend(other.warnings)
        self.dropped.update(other.dropped)

    def bug(self, name: str, error: Exception) -> None:
        """An unexpected error in one document: reported, and the run goes on."""
        self.failures.append(f"{name}: internal error {type(error).__name__}: {error} (a bug in boilercut: report it)")
        self.bugs.append(traceback.format_exc())

    def by_stage(self) -> Counter[str]:
        stages: Counter[str] = Counter()
        for (stage, _), count in self.dropped.items():
            stages[stage] += count
        return stages


def read_source(
    data: bytes, *, name: str, path: Path | None = None, url: str | None = None, html: bool = False
) -> Source:
    """Decode a document's bytes; HTML (said so, by suffix or by content) is extracted first.

    An empty (or blank) document is an empty text whatever its format: there is no page to extract.
    """
    text = decode(data, name)
    html = html or _html_name(path) or looks_like_html(text)
    if html and text.strip():
        text = extract_text(text, name)
    return Source(text, name=name, url=url, path=str(path) if path else None, extracted=html)


def _html_name(path: Path | None) -> bool:
    kind = kind_of(path) if path is not None else None
    return kind is not None and kind.format is Format.HTML


def clean_document(pipeline: Pipeline, source: Source) -> tuple[str, Document]:
    doc = pipeline.process(source)
    return render(doc, title=pipeline.config.title), doc


def clean_file(
    pipeline: Pipeline, path: Path, summary: Summary, name: str | None = None, *, html: bool = False
) -> str | None:
    """The clean text of one file, or None if it failed (recorded in the summary)."""
    label = name or str(path)
    try:
        data = read_input(path)
    except OSError as error:
        summary.fail(f"{label}: cannot read: {error.strerror or error}; check the file and its permissions")
        return None
    return clean_guarded(pipeline, label, lambda: read_source(data, name=label, path=path, html=html), summary)


def clean_guarded(pipeline: Pipeline, name: str, source: Callable[[], Source], summary: Summary) -> str | None:
    """Clean one document; a failure or a bug is recorded in the summary (None) and the run goes on."""
    try:
        text, doc = clean_document(pipeline, source())
    except DocumentError as error:
        summary.fail(str(error))
        return None
    except Exception as error:  # one document's bug must not end a corpus run
        summary.bug(name, error)
        return None
    summary.record(doc)
    return text
