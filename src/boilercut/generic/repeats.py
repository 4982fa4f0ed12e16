"""Repeated article text: a body line seen before, or a long line that restarts the article."""

from __future__ import annotations

from collections.abc import Sequence

from . import thresholds as T
from .features import Line
from .labels import Kind, Label
from .rules import make


def drop_repeats(lines: Sequence[Line], labels: list[Label]) -> None:
    """Relabel body lines that repeat an earlier body line, or begin with one (a text dump)."""
    seen: set[str] = set()
    starts: set[str] = set()
    for i, (line, label) in enumerate(zip(lines, labels, strict=False)):
        if label.kind is not Kind.BODY:
            continue
        text = line.text
        head = text[: T.REPEAT_PREFIX_CHARS]
        if text in seen and line.words >= T.REPEAT_MIN_WORDS:
            labels[i] = make("G111", "repeats an earlier paragraph")
        elif len(text) > T.REPEAT_PREFIX_CHARS and head in starts:
            labels[i] = make("G111", "starts like an earlier paragraph (a copy of the article text)")
        else:
            seen.add(text)
            if len(text) >= T.REPEAT_PREFIX_CHARS:
                starts.add(head)
