"""What one document's lines measured to, kept across the rounds of judging it.

A document is judged once after the rules and again in each settling round,
mostly on the same lines. A line's own measurements, vocabulary cue, glossed words and
lexical score depend on its text alone (and the page's language, which
`measure_all` checks and the glosses are kept by), so later rounds look them
up instead of computing them again.
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
    glossed: dict[str | None, dict[str, str]] = field(default_factory=dict)  # by language: text -> as glossed
    lexical: dict[str, float] = field(default_factory=dict)
