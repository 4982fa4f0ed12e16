"""The generic classifier: one Label per line of a scraped page, from the passes of this package.

Passes: measure lines -> vocabulary cues -> prose quality -> main run -> comment section ->
headline -> captions and related lists -> context smoothing inside the article zone.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import captions, comments, context, ending, headline, lists, mainrun, related, repeats
from .cues import cue_all
from .features import Line, measure_all
from .labels import Label
from .prose import Quality, quality
from .rules import make


def analyse(lines: Sequence[str], blank_before: Sequence[int] | None = None) -> list[Label]:
    """Label each non-empty, stripped line of one document (see the package docstring)."""
    if not lines:
        return []
    measured = measure_all(lines, blank_before)
    cues = cue_all(measured)
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
    labels = _outside(measured, qualities, fixed, title, cut)
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


def _outside(
    lines: Sequence[Line],
    qualities: Sequence[Quality],
    fixed: Sequence[Label | None],
    title: int | None,
    cut: int | None,
) -> list[Label]:
    """Labels for every line as if outside the article zone (the zone is overwritten later)."""
    out: list[Label] = []
    for i, (line, q) in enumerate(zip(lines, qualities, strict=False)):
        label = fixed[i]
        if cut is not None and i >= cut and (label is None or label.rule in THREAD_PARTS):
            out.append(make("G202", "below the comment-section heading"))
        elif label is not None:
            out.append(label)
        elif title is not None and i < title:
            out.append(make("G104", "above the headline"))
        elif q >= Quality.NEAR:
            out.append(make("G105", f"prose outside the article's main run ({line.words} words)"))
        else:
            out.append(make("G101", f"short line among boilerplate ({line.words} words)"))
    return out
