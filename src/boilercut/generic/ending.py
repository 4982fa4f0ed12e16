"""Where the article ends inside its run: at a related-stories heading or a promotion followed
by link titles, when little prose follows compared with what came before (teasers)."""

from __future__ import annotations

from collections.abc import Sequence

from . import thresholds as T
from .features import Line
from .labels import Label
from .prose import Quality

END_MARKERS = frozenset({"G401", "G405"})


def article_end(
    lines: Sequence[Line], qualities: Sequence[Quality], cues: Sequence[Label | None], start: int, end: int
) -> int:
    """The first end marker in [start, end) after which prose is scarce; ``end`` if none."""
    good = [lines[i].words if qualities[i] is Quality.GOOD else 0 for i in range(start, end)]
    total = sum(good)
    before = 0
    for i in range(start, end):
        cue = cues[i]
        if cue is not None and cue.rule in END_MARKERS and before >= T.COMMENTS_MIN_BODY_WORDS:
            followed_by_text = i + 1 < end and qualities[i + 1] is Quality.GOOD
            if total - before < T.TAIL_KEEP_RATIO * before and not followed_by_text:
                return i
        before += good[i - start]
    return end
