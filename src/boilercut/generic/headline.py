"""Finding the headline: a headline-like line just above the text, best one echoing the page title."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..classify import vocabulary
from . import thresholds as T
from .features import Line
from .prose import Quality

CONNECTIVES = vocabulary.load().merged.connectives

# "Headline - Site", "Section | Headline | Site": the parts of a <title>-like first line.
TITLE_SEPARATOR = re.compile(r"\s+[-|–—:·»]\s+|\s*\|\s*")


def title_parts(first: str) -> list[str]:
    """Normalised parts of the first line, if it looks like a page title: whole, then pieces."""
    parts = [first, *TITLE_SEPARATOR.split(first)]
    return [p for p in parts if len(p) >= T.HEADLINE_ECHO_MIN_CHARS]


def echoes(norm: str, parts: Sequence[str]) -> bool:
    """Whether a normalised line equals, or contains, a title part (or lies inside the whole title)."""
    if len(norm) < T.HEADLINE_ECHO_MIN_CHARS:
        return False
    return any(norm == p or p in norm for p in parts[1:]) or (bool(parts) and norm in parts[0])


def is_candidate(line: Line, q: Quality) -> bool:
    """Headline-shaped: a few words, not ending in a full stop or a connecting word."""
    if q is Quality.BAD or not T.HEADLINE_MIN_WORDS <= line.words <= T.HEADLINE_MAX_WORDS:
        return False
    if line.text.endswith((".", ",", ";")):
        return False
    last = line.text.rsplit(None, 1)[-1]
    return last not in CONNECTIVES


def find(lines: Sequence[Line], qualities: Sequence[Quality], run: tuple[int, int]) -> tuple[int | None, int]:
    """(index of the headline or None, first line of the article zone below it).

    Candidates near the start of the main run are scored by shape and distance; a candidate
    echoing the first line (the page title) wins. Without one, a headline-shaped first line is
    the title, and the zone starts at the run.
    """
    start, end = run
    parts = title_parts(lines[0].normalised) if lines else []
    low = max(1, start - T.HEADLINE_WINDOW)
    high = min(end, start + T.HEADLINE_LOOKAHEAD)
    best, best_score, best_echo = None, float("-inf"), False
    for i in range(low, high):
        if not is_candidate(lines[i], qualities[i]):
            continue
        echo = echoes(lines[i].normalised, parts)
        score = _shape(lines, i) - _distance(i, start) + (T.HEADLINE_ECHO_BONUS if echo else 0.0)
        if score > best_score:
            best, best_score, best_echo = i, score, echo
    if best is not None and best_echo:
        return best, best + 1
    if lines and is_candidate(lines[0], qualities[0]):
        return 0, start
    if best is not None and best_score >= T.HEADLINE_MIN_SCORE:
        return best, best + 1
    return None, start


def _shape(lines: Sequence[Line], i: int) -> float:
    """How headline-like line i is: its length, and not being the first piece of a split paragraph."""
    words = lines[i].words
    score = 2.0 if T.HEADLINE_GOOD_MIN_WORDS <= words <= T.HEADLINE_GOOD_MAX_WORDS else 0.0
    following = lines[i + 1].text if i + 1 < len(lines) else ""
    if following[:1].islower():
        score -= T.HEADLINE_ECHO_BONUS
    return score


def _distance(i: int, start: int) -> float:
    """Penalty for lying far above the run, or inside it."""
    if i < start:
        return (start - 1 - i) * T.HEADLINE_DISTANCE_COST
    return (i - start + 1) * T.HEADLINE_INSIDE_COST
