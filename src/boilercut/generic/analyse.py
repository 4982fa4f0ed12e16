"""The generic classifier: one Label per line of a scraped page, from the passes of this package.

Passes: measure lines -> vocabulary cues -> prose quality -> main run -> comment section ->
headline -> captions and related lists -> context smoothing inside the article zone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

from . import captions, comments, context, ending, headline, lists, mainrun, related, repeats
from .cues import cue_all
from .features import Line, measure_all
from .labels import BODY, Label
from .prose import Quality, quality
from .rules import make


@dataclass(slots=True)
class Seen:
    """What analyses of one document share: the lines measured and their cues, by text.

    A line's measurements (but its stopword share and blank count) and its cue
    depend on its text alone, so re-analysing kept lines reuses them. One per
    document: shared across documents it would time repeats, not cleaning.
    """

    lines: dict[str, Line] = field(default_factory=dict)
    cues: dict[str, Label | None] = field(default_factory=dict)


def analyse(lines: Sequence[str], blank_before: Sequence[int] | None = None, seen: Seen | None = None) -> list[Label]:
    """Label each non-empty, stripped line of one document (see the package docstring).

    ``seen``: what earlier analyses of the same document measured (updated here).
    """
    if not lines:
        return []
    seen = Seen() if seen is None else seen
    measured = measure_all(lines, blank_before, seen.lines)
    cues = cue_all(measured, seen.cues)
    qualities = [quality(line, c) for line, c in zip(measured, cues, strict=False)]
    start, end = mainrun.densest_run(measured, qualities)
    found, zone_start = headline.find(measured, qualities, (start, end))
    cut = comments.section_start(measured, qualities, cues, max(start, zone_start), end)
    if cut is not None:
        end = cut
    end = ending.article_end(measured, qualities, cues, max(start, zone_start), end)
    title = None if found is None else _first_copy(measured, found)
    fixed: list[Label | None] = list(cues)
    for extra in (related.related_lists(measured, qualities, cues), captions.caption_lines(measured, cues)):
        for i, label in extra.items():
            fixed[i] = label
    if title is not None:
        _mark_headline(measured, fixed, title)
    labels = _outside(measured, qualities, fixed, title, cut, (zone_start, end))
    labels[zone_start:end] = context.smooth(measured, qualities, fixed, zone_start, end)
    lists.attach_lists(measured, labels)
    repeats.drop_repeats(measured, labels)
    return labels


def _first_copy(lines: Sequence[Line], found: int) -> int:
    """The first line with the same text as the headline found (the title gets that one)."""
    text = lines[found].text
    return next(i for i in range(found + 1) if lines[i].text == text)


def _mark_headline(lines: Sequence[Line], fixed: list[Label | None], title: int) -> None:
    """TITLE on the headline; its later copies are boilerplate."""
    text = lines[title].text
    fixed[title] = make("G001", "headline: headline-like line just above the article text")
    for i in range(title + 1, len(lines)):
        if lines[i].text == text:
            fixed[i] = make("G106", "repeated copy of the headline")


# Cues that, below a comment heading, are parts of the posts (their dates, reply buttons).
THREAD_PARTS = frozenset({"G107", "G203"})


BELOW_COMMENTS = make("G202", "below the comment-section heading")
ABOVE_HEADLINE = make("G104", "above the headline")


def _outside(
    lines: Sequence[Line],
    qualities: Sequence[Quality],
    fixed: Sequence[Label | None],
    title: int | None,
    cut: int | None,
    zone: tuple[int, int],
) -> list[Label]:
    """Labels for every line outside the article ``zone`` [start, end); lines inside it
    are left BODY, for context smoothing to label."""
    out = [BODY] * len(lines)
    for i in chain(range(zone[0]), range(max(zone), len(lines))):
        label = fixed[i]
        if cut is not None and i >= cut and (label is None or label.rule in THREAD_PARTS):
            out[i] = BELOW_COMMENTS
        elif label is not None:
            out[i] = label
        elif title is not None and i < title:
            out[i] = ABOVE_HEADLINE
        elif qualities[i] >= Quality.NEAR:
            out[i] = make("G105", f"prose outside the article's main run ({lines[i].words} words)")
        else:
            out[i] = make("G101", f"short line among boilerplate ({lines[i].words} words)")
    return out
