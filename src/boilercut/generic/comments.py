"""Where the comment section starts: a comment heading, or a thread of stamped posts, below the article."""

from __future__ import annotations

from collections.abc import Sequence

from . import thresholds as T
from .features import Line
from .labels import Label
from .prose import Quality

OPENERS = frozenset({"G201"})
THREAD_MARKS = frozenset({"G107", "G203"})  # time stamps and reply/report buttons between posts


def section_start(
    lines: Sequence[Line], qualities: Sequence[Quality], cues: Sequence[Label | None], start: int, end: int
) -> int | None:
    """Index in [start, end) where comments begin, once enough article paragraphs came before."""
    prose = 0
    marks_left = sum(1 for c in cues[start:end] if c is not None and c.rule in THREAD_MARKS)
    for i in range(start, end):
        cue = cues[i]
        if cue is not None and prose >= T.COMMENTS_MIN_BODY_WORDS:
            if cue.rule in OPENERS:
                return i
            if cue.rule in THREAD_MARKS and _is_thread(qualities, cues, i, end, marks_left):
                return i
        if cue is not None and cue.rule in THREAD_MARKS:
            marks_left -= 1
        if qualities[i] is Quality.GOOD:
            prose += lines[i].words
    return None


def _is_thread(qualities: Sequence[Quality], cues: Sequence[Label | None], i: int, end: int, marks: int) -> bool:
    """Whether lines[i:end] look like posts separated by stamps: many marks, about one per post."""
    if marks < T.THREAD_MIN_MARKS:
        return False
    posts = sum(1 for q in qualities[i:end] if q >= Quality.NEAR)
    return marks * T.THREAD_POSTS_PER_MARK >= posts
