"""The vocabulary's cues: what a furniture word or phrase says a line is, each with a stable id.

Cues are features of the classifier, not verdicts: a line carrying one is
usually, not always, furniture, and the model weighs the cue with the rest. A
cue's kind also names the kind of a line the model drops (see `kinds.py`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .labels import Kind

CUES: dict[str, tuple[Kind, str]] = {
    "G102": (Kind.BOILERPLATE, "navigation, account, share or footer word making up the whole line"),
    "G103": (Kind.BOILERPLATE, "cookie, privacy, sign-up or copyright phrase"),
    "G107": (Kind.BOILERPLATE, "date, time or byline line"),
    "G108": (Kind.BOILERPLATE, "URL or e-mail address"),
    "G109": (Kind.BOILERPLATE, "tag or topic list"),
    "G201": (Kind.COMMENT, "comment-section heading or comment-form text"),
    "G203": (Kind.COMMENT, "comment widget word (reply, sort order, report)"),
    "G301": (Kind.CAPTION, "photo credit or agency name"),
    "G303": (Kind.CAPTION, "image widget text (click to enlarge, gallery)"),
    "G401": (Kind.AD, "heading of a related-articles or recommendations list"),
    "G403": (Kind.AD, "advertisement, sponsor or donation label"),
    "G405": (Kind.AD, "promotion, donation call or follow-us line"),
}


@dataclass(frozen=True, slots=True)
class Cue:
    """A line's vocabulary cue: its id, the kind it suggests and the words that gave it away."""

    rule: str
    kind: Kind
    reason: str


# Cues are immutable and most reasons recur, so each is built once.
@functools.lru_cache(maxsize=4096)
def make(rule: str, reason: str) -> Cue:
    """The cue ``rule`` (its kind taken from the catalogue) with a specific reason."""
    return Cue(rule, CUES[rule][0], reason)
