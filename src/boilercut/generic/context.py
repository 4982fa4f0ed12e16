"""Context smoothing inside the article: short lines take the class of their neighbours.

A short line between two paragraphs is a subheading and stays; a list between paragraphs
stays when it looks like one (bullets, numbers, an introducing colon); a run of
headline-like lines between paragraphs is a list of links to other stories.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import thresholds as T
from .features import Line
from .labels import BODY, Kind, Label
from .prose import Quality, is_closed
from .rules import make

BULLET = re.compile(r"^(?:[-•·*▪►✓✔→]|\d{1,3}[.)]\s|\(\d{1,3}\)\s|[a-z][.)]\s)")


def is_anchor(line: Line, q: Quality) -> bool:
    """A line that is surely article prose: a paragraph, or a short sentence."""
    return q is Quality.GOOD or (q is Quality.NEAR and is_closed(line))


def is_list(lines: Sequence[Line], first: int, last: int) -> bool:
    """Whether lines[first:last] read as a list: introduced by a colon or bulleted/numbered."""
    if (first > 0 and lines[first - 1].colon) or any(x.colon for x in lines[first : last - 1]):
        return True
    items = lines[first:last]
    return sum(bool(BULLET.match(x.text)) for x in items) * 2 >= len(items)


def is_prose_like(lines: Sequence[Line], first: int, last: int) -> bool:
    """Whether lines[first:last] are wordy like prose (list items, fragments), not telegraphic titles."""
    words = sum(x.words for x in lines[first:last])
    stops = sum(x.words * x.stop for x in lines[first:last])
    return words > 0 and stops >= T.FRAGMENT_MIN_STOP * words


def smooth(
    lines: Sequence[Line], qualities: Sequence[Quality], fixed: Sequence[Label | None], start: int, end: int
) -> list[Label]:
    """Labels for lines[start:end], the article zone; ``fixed`` labels (cues etc.) are kept."""
    out: list[Label] = []
    i = start
    while i < end:
        if fixed[i] is not None:
            out.append(fixed[i])  # type: ignore[arg-type]
            i += 1
            continue
        if is_anchor(lines[i], qualities[i]):
            out.append(BODY)
            i += 1
            continue
        j = i
        while j < end and fixed[j] is None and not is_anchor(lines[j], qualities[j]):
            j += 1
        out.extend(_judge_group(lines, qualities, fixed, i, j, start, end))
        i = j
    return out


def _judge_group(
    lines: Sequence[Line],
    qualities: Sequence[Quality],
    fixed: Sequence[Label | None],
    first: int,
    last: int,
    start: int,
    end: int,
) -> list[Label]:
    """Labels for a group of non-paragraph lines lines[first:last] from what surrounds it."""
    size = last - first
    above = first - 1
    while above >= start and _is_caption(fixed[above]):
        above -= 1  # a picture between two sections does not separate a subheading from the text
    before = above >= start and fixed[above] is None and is_anchor(lines[above], qualities[above])
    after = last < end and fixed[last] is None and is_anchor(lines[last], qualities[last])
    if after and lines[last].text[:1].islower() and not lines[last - 1].terminal:
        return [BODY] * size  # pieces of a paragraph the scraper split at inline links
    if before and after:
        if size <= T.SHORT_RUN_KEEP and lines[first].words <= T.SUBHEADING_MAX_WORDS:
            return [BODY]
        if size <= T.LIST_RUN_MAX and (is_list(lines, first, last) or is_prose_like(lines, first, last)):
            return [BODY] * size
        return [make("G404", f"{size} headline-like lines between paragraphs (links to other stories)")] * size
    if before and is_list(lines, first, last) and size <= T.LIST_RUN_MAX:
        return [BODY] * size
    return [
        make("G101", f"short line among boilerplate ({lines[k].words} words, no sentence punctuation)")
        for k in range(first, last)
    ]


def _is_caption(label: Label | None) -> bool:
    return label is not None and label.kind is Kind.CAPTION
