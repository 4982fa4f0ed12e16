"""The benchmark's metric: word 4-gram shingles, per-page shares, precision and recall averaged over pages.

As the public article-extraction benchmark defines it: for each page the true
and false positives and false negatives of the output's shingles against the
gold's, normalised to sum to one; precision and recall averaged over pages; F1
from the two averages. Pages with an empty output count against recall only.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text)
    return Counter(
        tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)) if tokens[i : i + SHINGLE]
    )


@dataclass(frozen=True, slots=True)
class Shares:
    """One page's true positives, false positives and false negatives, summing to one."""

    tp: float
    fp: float
    fn: float

    @classmethod
    def of(cls, gold: str, output: str) -> Shares:
        expected, got = shingles(gold), shingles(output)
        tp = sum((expected & got).values())
        fp = sum((got - expected).values())
        fn = sum((expected - got).values())
        total = tp + fp + fn
        return cls(tp / total, fp / total, fn / total) if total else cls(0.0, 0.0, 0.0)

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return 0.0 if self.tp == self.fp == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return 0.0 if self.tp == self.fn == 0 else self.tp / (self.tp + self.fn)


@dataclass(frozen=True, slots=True)
class Score:
    f1: float
    precision: float
    recall: float
    pages: int


def score(pages: Iterable[Shares]) -> Score:
    pages = list(pages)
    p = statistics.mean([s.precision for s in pages if s.tp + s.fp > 0] or [0.0])
    r = statistics.mean([s.recall for s in pages if s.tp + s.fn > 0] or [0.0])
    return Score(2 * p * r / (p + r) if p + r else 0.0, p, r, len(pages))
