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
    kept_above = np.cumsum(keep) - keep
    comment = (cols["cue_comment"] > 0) | (cols["ruled_above"] == RULED_CODES[Kind.COMMENT])
    comment_start = _first(np.flatnonzero(comment & (kept_above > 0)))
    credit = RULED_CODES[Kind.CAPTION]
    captions = np.flatnonzero(cols["cue_caption"] > 0)
    beside_credit = set(captions.tolist()) | set((captions - 1).tolist()) | set((captions + 1).tolist())
    beside_credit |= set(np.flatnonzero((cols["ruled_above"] == credit) | (cols["ruled_below"] == credit)).tolist())
    cued = cols["cue_boilerplate"] > 0
    footer = cued & (np.r_[False, cued[:-1]] | np.r_[cued[1:], False])  # boilerplate cues in a row: a footer
    under_heading = _under_ad_headings(cols["cue_ad"] > 0, cols["ruled_above"] == RULED_CODES[Kind.AD], keep)
    for i in range(n):
        if keep[i]:
            continue
        cue = next(((kind, why) for name, kind, why in CUE_KINDS if cols[name][i] > 0), None)
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


def _first(indexes: np.ndarray) -> int | None:
    return int(indexes[0]) if len(indexes) else None


def _under_ad_headings(headings: np.ndarray, below_ruled_heading: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Lines below an ad or related heading (one of the lines, or one a rule dropped) with no article line between."""
    out = np.zeros(len(keep), dtype=bool)
    open_heading = False
    for i in range(len(keep)):
        open_heading = open_heading or bool(below_ruled_heading[i])
        if keep[i]:
            open_heading = False
        elif headings[i]:
            open_heading = True
        else:
            out[i] = open_heading
    return out
