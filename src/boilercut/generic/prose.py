"""How much a line looks like article prose: GOOD, NEAR, SHORT or BAD (as in jusText)."""

from __future__ import annotations

import enum

from . import thresholds as T
from .features import Line
from .labels import Label


class Quality(enum.IntEnum):
    """Prose evidence of one line, from worst to best."""

    BAD = 0  # furniture: a vocabulary cue, or a long list with no stopwords
    SHORT = 1  # too short to tell: headings, names, link titles, list items
    NEAR = 2  # sentence-like but short or stopword-poor
    GOOD = 3  # a paragraph of prose


def is_closed(line: Line) -> bool:
    """Ends like a sentence (or a colon), or holds a sentence end, and does not open like a headline."""
    return (line.terminal or line.colon or line.sentences) and not line.titled


def quality(line: Line, cue: Label | None) -> Quality:
    """The prose quality of ``line`` given its vocabulary cue.

    Article paragraphs end like sentences; unpunctuated lines (headlines, teasers, link
    titles, list items) are at best NEAR however long they are.
    """
    if cue is not None:
        return Quality.BAD
    words, stop = line.words, line.stop
    if words >= T.LONG_LIST_MIN_WORDS and stop < T.STOP_LIST:
        return Quality.BAD
    closed = is_closed(line)
    if closed and words >= T.TERMINAL_GOOD_MIN_WORDS and stop >= T.STOP_NEAR:
        return Quality.GOOD
    if closed and words >= T.GOOD_MIN_WORDS and stop >= T.STOP_LIST:
        return Quality.GOOD
    if words >= T.NEAR_MIN_WORDS and (stop >= T.STOP_NEAR or closed):
        return Quality.NEAR
    return Quality.SHORT
