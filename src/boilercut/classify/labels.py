"""The classifier's verdicts on one document: keep or drop each line, with the kind,
rule id, reason and probability of every drop, and the headline."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np


class Kind(enum.Enum):
    """What a line is; each kind of dropped line belongs to one pipeline stage."""

    BODY = "body"
    TITLE = "title"
    BOILERPLATE = "boilerplate"
    COMMENT = "comment"
    CAPTION = "caption"
    AD = "ad"


# The model's rule ids, one per kind of dropped line (stable, like a linter's codes).
RULES: dict[str, tuple[Kind, str]] = {
    "ML001": (
        Kind.TITLE,
        "the headline: a headline-shaped line just above the article, best one echoing the page title",
    ),
    "ML101": (Kind.BOILERPLATE, "judged not article text by the model: page furniture"),
    "ML102": (Kind.BOILERPLATE, "the page holds no article (judged by the page model): every line is furniture"),
    "ML201": (Kind.COMMENT, "judged not article text by the model: in or of the comment section"),
    "ML301": (Kind.CAPTION, "judged not article text by the model: a caption or photo credit"),
    "ML401": (Kind.AD, "judged not article text by the model: an ad, promotion or related-articles list"),
}
RULE_OF_KIND = {kind: rule for rule, (kind, _) in reversed(RULES.items())}  # each kind's first rule
NO_ARTICLE = "ML102"


class Verdict(NamedTuple):
    """One line's verdict.

    A named tuple, not the frozen dataclass the other value objects are: one is made for
    every line of every judgement, at half a frozen dataclass's cost (250 against 530 ns),
    and the 30 MB record of `benchmarks/memory.py` peaked 15-20 MB lower with them (390-392
    against 407-410 MB, over the 10x target with the dataclass)."""

    kind: Kind
    rule: str  # "" for article text
    reason: str
    probability: float  # the model's probability that the line is article text

    @property
    def dropped(self) -> bool:
        return self.kind not in (Kind.BODY, Kind.TITLE)


@dataclass(frozen=True, slots=True)
class Labels:
    """Verdicts for every line of a document, and the arrays they came from."""

    verdicts: tuple[Verdict, ...]
    title: int | None  # index of the headline line
    probability: np.ndarray  # keep probability of each line

    def __len__(self) -> int:
        return len(self.verdicts)
