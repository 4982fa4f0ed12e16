"""What one document's lines measured to, kept across the rounds of judging it.

A document is judged once after the rules and again in each settling round,
mostly on the same lines. A line's own measurements, vocabulary cue and lexical
score depend on its text alone (and the page's language, which `measure_all`
checks), so later rounds look them up instead of computing them again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cue_rules import Cue
from .lines import Line


@dataclass(slots=True)
class Memo:
    """Per-line results of one document, by line text."""

    lines: dict[str, Line] = field(default_factory=dict)
    cues: dict[str, Cue | None] = field(default_factory=dict)
    lexical: dict[str, float] = field(default_factory=dict)
