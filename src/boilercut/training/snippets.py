"""The snippet metric: does the output hold the sentences it must, and none of those it must not?

A page of the wcxb set (and of the multilingual evaluations HTML extractors
publish) comes with `with` snippets, pieces of the main text the output must
contain, often its first and last sentences, and `without` snippets, furniture
it must not ("Home", a cookie notice, a related headline). A snippet counts as
found when it stands in the output with white space folded (a paragraph the
scraper split at a link still holds its sentence). Counts are summed over the
pages; precision, recall and F1 come from the sums.

It answers a different question than the shingle metric (`metric.py`): shingles
weigh every word of a page, snippets ask about the edges of the article and the
furniture most likely to be kept, a page at a time alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SPACES = re.compile(r"\s+")


def folded(text: str) -> str:
    """White space folded to single spaces."""
    return SPACES.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class Counts:
    """Snippets of one or more pages: found and missed `with` ones, found and left out `without` ones."""

    found: int = 0  # true positives
    missed: int = 0  # false negatives
    kept_furniture: int = 0  # false positives
    dropped_furniture: int = 0  # true negatives

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.found + other.found,
            self.missed + other.missed,
            self.kept_furniture + other.kept_furniture,
            self.dropped_furniture + other.dropped_furniture,
        )


def counts(output: str, must: Sequence[str], must_not: Sequence[str]) -> Counts:
    """How one page's output fares on its snippets."""
    text = folded(output)
    present = [folded(snippet) in text for snippet in must]
    absent = [folded(snippet) not in text for snippet in must_not]
    return Counts(sum(present), len(present) - sum(present), len(absent) - sum(absent), sum(absent))


@dataclass(frozen=True, slots=True)
class SnippetScore:
    f1: float
    precision: float
    recall: float
    snippets: int


def score(pages: Iterable[Counts]) -> SnippetScore:
    """Precision, recall and F1 of the summed counts."""
    total = sum(pages, Counts())
    found = total.found
    precision = found / (found + total.kept_furniture) if found + total.kept_furniture else 0.0
    recall = found / (found + total.missed) if found + total.missed else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    snippets = found + total.missed + total.kept_furniture + total.dropped_furniture
    return SnippetScore(f1, precision, recall, snippets)
