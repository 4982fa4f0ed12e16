"""Captions: the lines around a photo credit that describe the picture."""

from __future__ import annotations

from collections.abc import Sequence

from . import thresholds as T
from .features import Line
from .labels import Label
from .rules import make

CREDITS = frozenset({"G301"})


def caption_lines(lines: Sequence[Line], cues: Sequence[Label | None]) -> dict[int, Label]:
    """Labels for caption lines next to credits: the line above, and the line below if it repeats it."""
    found: dict[int, Label] = {}
    for i, cue in enumerate(cues):
        if cue is None or cue.rule not in CREDITS:
            continue
        above, below = i - 1, i + 1
        if above >= 0 and cues[above] is None and lines[above].words <= T.CREDIT_MAX_WORDS:
            found[above] = make("G302", "line above a photo credit")
            if below < len(lines) and lines[below].text == lines[above].text:
                found[below] = make("G302", "caption repeated below its credit")
    return found
