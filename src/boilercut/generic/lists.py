"""Lists that belong to the article: items opening alike, right after article text.

Tour dates, numbered picks, bullet points: line by line they look like
navigation, but a run of lines whose openings share a shape with a number or a
bullet in it ("June 9 –", "3)", "•"), starting just below article text, is the
article going on as a list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import thresholds as T
from .features import Line
from .labels import BODY, Kind, Label

BULLETS = frozenset("•·-–—*▪►✓")
LETTERS = re.compile(r"[^\W\d_]+")
DIGITS = re.compile(r"\d+")
# A digit in the first two whitespace-separated words: found without splitting the
# whole line, which copies its rest (the test runs on every line; most fail it).
OPENING_DIGIT = re.compile(r"\s*(?:\S*\d|\S+\s+\S*\d)")
# Verdicts a list overrides: ones drawn from a line alone or from weak context.
WEAK_RULES = frozenset({"G101", "G105", "G107", "G301", "G302", "G404"})


def opening_shape(text: str) -> str | None:
    """The shape of a line's first two words ("a 9", "9) a", "•"); None without a digit or bullet."""
    if not text:
        return None
    if text[0] in BULLETS:
        return text[0]
    if OPENING_DIGIT.match(text) is None:
        return None  # no digit in the first two words (the common case)
    shape = " ".join(text.split(maxsplit=2)[:2])
    shape = DIGITS.sub("9", LETTERS.sub("a", shape))
    return shape if "9" in shape else None


def attach_lists(lines: Sequence[Line], labels: list[Label]) -> None:
    """Relabel as BODY the items of lists that continue the article, and their heading (in place)."""
    for first, last in _runs(lines):
        start = _attachment(labels, first)
        if start is not None and _mostly_weak(labels, first, last):
            for index in range(start, last):
                if labels[index].rule in WEAK_RULES:
                    labels[index] = BODY


def _runs(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """[first, last) spans of lines that open alike, a short line allowed between two items."""
    shapes = [opening_shape(line.text) for line in lines]
    count = len(lines)
    runs: list[tuple[int, int]] = []
    index = 0
    while index < count:
        shape = shapes[index]
        items, end = 1, index + 1
        while shape is not None:
            if end < count and shapes[end] == shape:
                items, end = items + 1, end + 1
            elif end + 1 < count and lines[end].words <= T.LIST_GAP_MAX_WORDS and shapes[end + 1] == shape:
                items, end = items + 1, end + 2
            else:
                break
        if items >= T.LIST_MIN_ITEMS:
            runs.append((index, end))
        index = end
    return runs


def _attachment(labels: Sequence[Label], first: int) -> int | None:
    """Where the list starts counting as article: its first item, or the heading above it."""
    if first > 0 and labels[first - 1].kind is Kind.BODY:
        return first
    if first > 1 and labels[first - 2].kind is Kind.BODY:
        return first - 1  # one line between the text and the items: the list's heading
    return None


def _mostly_weak(labels: Sequence[Label], first: int, last: int) -> bool:
    """Strong cues (related headings, comment words) inside make it something else."""
    strong = sum(1 for i in range(first, last) if labels[i].kind is not Kind.BODY and labels[i].rule not in WEAK_RULES)
    return strong * 2 < last - first
