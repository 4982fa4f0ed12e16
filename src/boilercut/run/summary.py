"""The summary of a run: documents cleaned, lines dropped by stage and rule, and every failure.

Workers keep their own and the run merges them in input order, so a run with
many workers reports exactly what a run with one does.
"""

from __future__ import annotations

import traceback
from collections import Counter
from dataclasses import dataclass, field

from ..cleaner import Cleaned


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

    def record(self, name: str, cleaned: Cleaned) -> None:
        self.documents += 1
        self.warnings.extend(f"{name}: {warning}" for warning in cleaned.warnings)
        self.dropped.update(cleaned.drop_counts())

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def bug(self, name: str, error: Exception) -> None:
        """An unexpected error in one document: reported, and the run goes on."""
        self.failures.append(f"{name}: internal error {type(error).__name__}: {error} (a bug in boilercut: report it)")
        self.bugs.append(traceback.format_exc())

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

    def by_stage(self) -> Counter[str]:
        stages: Counter[str] = Counter()
        for (stage, _), count in self.dropped.items():
            stages[stage] += count
        return stages
