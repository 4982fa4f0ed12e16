"""The result type of the generic classifier: one Label (kind, rule id, reason) per line."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Kind(enum.Enum):
    """What a line is; each non-body kind maps to one pipeline stage."""

    BODY = "body"
    TITLE = "title"
    BOILERPLATE = "boilerplate"
    COMMENT = "comment"
    CAPTION = "caption"
    AD = "ad"


@dataclass(frozen=True, slots=True)
class Label:
    """The verdict on one line: its kind, the id of the rule that decided it and why."""

    kind: Kind
    rule: str
    reason: str


BODY = Label(Kind.BODY, "", "article text")
