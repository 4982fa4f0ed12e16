"""The summary of a run: documents cleaned, lines dropped by stage and rule, and every failure.

Workers keep their own and the run merges them in input order, so a run with
many workers reports exactly what a run with one does.
"""

from __future__ import annotations

import traceback
from collections import Counter
from dataclasses import dataclass, field

from ..cleaner import Cleaned
from ..io.jsonl import MissingField
from ..rules.matcher import switched_off_rule


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
    missing: int = 0  # records without the text field (each also a failure)
    missing_field: str = ""  # that field's name, and the first such record's fields
    missing_keys: tuple[str, ...] = ()
    # Rules switched off after a time-out: rule id -> the first warning about it (each
    # worker may switch a rule off once; the run reports it once).
    switched_off: dict[str, str] = field(default_factory=dict)

    def record(self, name: str, cleaned: Cleaned) -> None:
        self.documents += 1
        for warning in cleaned.warnings:
            rule = switched_off_rule(warning)
            if rule is None:
                self.warnings.append(f"{name}: {warning}")
            else:
                self.switched_off.setdefault(rule, f"{name}: {warning}")
        self.dropped.update(cleaned.drop_counts())

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def lack(self, error: MissingField) -> None:
        """A record without the text field: a failure, and counted to tell a misnamed field."""
        self.fail(str(error))
        if not self.missing:
            self.missing_field, self.missing_keys = error.field, error.keys
        self.missing += 1

    def field_nowhere(self) -> str | None:
        """One error for the run when no record had the text field (and nothing else failed): a misnamed field."""
        if not self.missing or self.documents or self.missing != len(self.failures):
            return None
        keys = ", ".join(self.missing_keys) or "none"
        return (
            f"no record has the text field {self.missing_field!r} ({self.missing} records); name the field that "
            f"holds the text with --text-field (the first record's fields: {keys})"
        )

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
        for rule, warning in other.switched_off.items():
            self.switched_off.setdefault(rule, warning)
        if other.missing and not self.missing:
            self.missing_field, self.missing_keys = other.missing_field, other.missing_keys
        self.missing += other.missing

    def by_stage(self) -> Counter[str]:
        stages: Counter[str] = Counter()
        for (stage, _), count in self.dropped.items():
            stages[stage] += count
        return stages

    def all_warnings(self) -> list[str]:
        """Every warning of the run: one per switched-off rule, after the others."""
        return [*self.warnings, *self.switched_off.values()]

    def as_json(self) -> dict[str, object]:
        """The run's figures for --stats-json: counts, lines dropped by stage and by rule, messages."""
        rules: dict[str, dict[str, int]] = {}
        for (stage, rule), count in sorted(self.dropped.items()):
            rules.setdefault(stage, {})[rule] = count
        return {
            "documents": self.documents,
            "failed": len(self.failures),
            "skipped": self.skipped,
            "lines_dropped": sum(self.dropped.values()),
            "dropped_by_stage": dict(sorted(self.by_stage().items())),
            "dropped_by_rule": rules,
            "rules_switched_off": sorted(self.switched_off),
            "failures": self.failures,
            "warnings": self.all_warnings(),
        }
