"""Lists of links to other stories: under a "Related"/"Read more" heading, or runs of link titles."""

from __future__ import annotations

from collections.abc import Sequence

from . import thresholds as T
from .features import Line
from .labels import Label
from .prose import Quality, is_closed
from .rules import make

HEADINGS = frozenset({"G401"})


def is_paragraph(line: Line, q: Quality) -> bool:
    """A line that reads as a paragraph of prose (ends a link list)."""
    return q is Quality.GOOD or (q is Quality.NEAR and is_closed(line))


def related_lists(
    lines: Sequence[Line], qualities: Sequence[Quality], cues: Sequence[Label | None]
) -> dict[int, Label]:
    """Labels for the link titles under each related-articles heading, up to the next paragraph."""
    found: dict[int, Label] = {}
    for i, cue in enumerate(cues):
        if cue is None or cue.rule not in HEADINGS:
            continue
        for j in range(i + 1, min(len(lines), i + 1 + T.RELATED_MAX_ITEMS)):
            if cues[j] is not None or is_paragraph(lines[j], qualities[j]):
                break
            found[j] = make("G402", "link title under a related-articles heading")
    return found
