"""The article's main run: the stretch of lines with the most prose net of furniture."""

from __future__ import annotations

from collections.abc import Sequence

from . import thresholds as T
from .features import Line
from .prose import Quality, is_closed


def score(line: Line, q: Quality) -> float:
    """Evidence a line adds to (its words, weighted by prose quality) or takes from a run."""
    if q is Quality.BAD:
        return -T.BAD_COST
    if q is Quality.GOOD:
        weight = 1.0
    elif is_closed(line):
        weight = T.NEAR_WEIGHT
    else:
        weight = T.OPEN_WEIGHT
    return weight * line.words - T.LINE_COST


def densest_run(lines: Sequence[Line], qualities: Sequence[Quality]) -> tuple[int, int]:
    """[start, end) of the maximum-sum run of line scores (Kadane); (0, 0) if no prose."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, (line, q) in enumerate(zip(lines, qualities, strict=False)):
        if total <= 0:
            total, start = 0.0, i
        total += score(line, q)
        if total > best:
            best, best_span = total, (start, i + 1)
    return _take_in_split_sentences(lines, *best_span) if best_span[1] else best_span


def _take_in_split_sentences(lines: Sequence[Line], start: int, end: int) -> tuple[int, int]:
    """Widen the run to the pieces of a sentence the scraper split at inline links."""
    while start > 0 and _runs_on(lines, start - 1):
        start -= 1
    while end < len(lines) and _runs_on(lines, end - 1):
        end += 1
    return start, end


def _runs_on(lines: Sequence[Line], i: int) -> bool:
    """Line i's sentence goes on in the next line, directly or through a link's text."""
    if i + 1 >= len(lines) or lines[i].terminal:
        return False
    following = lines[i + 1]
    if following.text[:1].islower():
        return True
    return (
        following.words <= T.LINK_TEXT_MAX_WORDS
        and not following.terminal
        and i + 2 < len(lines)
        and lines[i + 2].text[:1].islower()
    )
