"""What a dropped line is: boilerplate, comment, caption or ad, from its cue and where it stands.

The model says whether a line is article text; the kind of a dropped line
decides which stage drops it (so `--skip strip_comments` keeps comments). A
line's own vocabulary cue names its kind; a line without one takes the kind of
the region it stands in: below a comment-section heading that follows article
text, beside a photo credit, or under a related-articles heading.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .labels import Kind
from .view import RULED_CODES

CUE_KINDS = (
    ("cue_comment", Kind.COMMENT, "a comment-section word"),
    ("cue_caption", Kind.CAPTION, "a photo credit or image widget"),
    ("cue_ad", Kind.AD, "an ad, promotion or related-articles heading"),
    ("cue_boilerplate", Kind.BOILERPLATE, "navigation, sharing or legal wording"),
)


def kinds_of_drops(cols: Mapping[str, np.ndarray], keep: np.ndarray) -> list[tuple[Kind, str]]:
    """(kind, why) for every line; only the dropped lines' entries are used."""
    n = len(keep)
    out: list[tuple[Kind, str]] = [(Kind.BOILERPLATE, "page furniture")] * n
    if keep.all():
        return out  # nothing dropped (most settling rounds): no kind to find
    kept_above = np.cumsum(keep) - keep
    comment = (cols["cue_comment"] > 0) | (cols["ruled_above"] == RULED_CODES[Kind.COMMENT])
    comment_start = _first(np.flatnonzero(comment & (kept_above > 0)))
    credit = RULED_CODES[Kind.CAPTION]
    captions = np.flatnonzero(cols["cue_caption"] > 0)
    beside_credit = set(captions.tolist()) | set((captions - 1).tolist()) | set((captions + 1).tolist())
    beside_credit |= set(np.flatnonzero((cols["ruled_above"] == credit) | (cols["ruled_below"] == credit)).tolist())
    cued = cols["cue_boilerplate"] > 0
    after_cued, before_cued = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    after_cued[1:], before_cued[:-1] = cued[:-1], cued[1:]
    footer = (cued & (after_cued | before_cued)).tolist()  # boilerplate cues in a row: a footer
    under_heading = _under_ad_headings(
        (cols["cue_ad"] > 0).tolist(), (cols["ruled_above"] == RULED_CODES[Kind.AD]).tolist(), keep.tolist()
    )
    cued_kind = _first_cue(cols).tolist()
    for i in np.flatnonzero(~keep).tolist():
        cue = CUE_KINDS[cued_kind[i]][1:] if cued_kind[i] >= 0 else None
        in_comments = comment_start is not None and i >= comment_start
        if cue is not None and not (in_comments and cue[0] is Kind.BOILERPLATE and not footer[i]):
            out[i] = cue  # a lone date or share link among comments is the comment's furniture
        elif in_comments:
            out[i] = (Kind.COMMENT, "below the comment section's heading")
        elif i in beside_credit:
            out[i] = (Kind.CAPTION, "beside a photo credit")
        elif under_heading[i]:
            out[i] = (Kind.AD, "under a related-articles or promotion heading")
    return out


def _first_cue(cols: Mapping[str, np.ndarray]) -> np.ndarray:
    """For each line, the index in CUE_KINDS of the first cue it carries, or -1."""
    out = np.full(len(cols["cue_comment"]), -1)
    for k in reversed(range(len(CUE_KINDS))):
        out[cols[CUE_KINDS[k][0]] > 0] = k
    return out


def _first(indexes: np.ndarray) -> int | None:
    return int(indexes[0]) if len(indexes) else None


def _under_ad_headings(headings: list[bool], below_ruled_heading: list[bool], keep: list[bool]) -> list[bool]:
    """Lines below an ad or related heading (one of the lines, or one a rule dropped) with no article line between."""
    out = [False] * len(keep)
    open_heading = False
    for i, (kept, heading, ruled) in enumerate(zip(keep, headings, below_ruled_heading, strict=True)):
        open_heading = open_heading or ruled
        if kept:
            open_heading = False
        elif heading:
            open_heading = True
        else:
            out[i] = open_heading
    return out
