"""Two runs over the same pages compared page by page: is the difference more than chance?

Retraining moves the benchmark by itself (a change to the features of the HTML
pages alone moved scrapinghub's text pages by 0.004), so a difference of two
cross-validated runs is read with its bootstrap interval: the pages are drawn
with replacement, the same draw for both runs, and the F1 difference computed
again each time. An interval that holds zero is no evidence of a gain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .metric import Shares, score

DRAWS = 1000
LEVEL = 0.95


@dataclass(frozen=True, slots=True)
class Difference:
    before: float  # F1 of the first run
    after: float  # F1 of the second
    low: float  # the bootstrap interval of after - before
    high: float
    better: int  # pages whose own F1 rose
    worse: int  # ... fell
    pages: int

    @property
    def delta(self) -> float:
        return self.after - self.before

    @property
    def clear(self) -> bool:
        """Whether the interval leaves zero out."""
        return self.low > 0 or self.high < 0


def paired(before: Sequence[Shares], after: Sequence[Shares], draws: int = DRAWS, seed: int = 0) -> Difference:
    """The F1 difference of two runs over the same pages (in the same order), with its interval."""
    if len(before) != len(after):
        raise ValueError(f"the runs score {len(before)} and {len(after)} pages: not the same pages")
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(before), size=(draws, len(before)))
    differences = _f1s(after, picks) - _f1s(before, picks)
    tail = (1 - LEVEL) / 2 * 100
    low, high = np.percentile(differences, [tail, 100 - tail])
    own = [(score([a]).f1, score([b]).f1) for a, b in zip(before, after, strict=True)]
    return Difference(
        before=score(before).f1,
        after=score(after).f1,
        low=float(low),
        high=float(high),
        better=sum(b > a for a, b in own),
        worse=sum(b < a for a, b in own),
        pages=len(before),
    )


def _f1s(pages: Sequence[Shares], picks: np.ndarray) -> np.ndarray:
    """`score(...).f1` of each row of drawn pages, all rows at once."""
    precision = np.array([page.precision for page in pages])
    recall = np.array([page.recall for page in pages])
    has_p = np.array([page.tp + page.fp > 0 for page in pages], dtype=np.float64)
    has_r = np.array([page.tp + page.fn > 0 for page in pages], dtype=np.float64)
    p = _mean_where(precision[picks], has_p[picks])
    r = _mean_where(recall[picks], has_r[picks])
    total = p + r
    return np.divide(2 * p * r, total, out=np.zeros_like(total), where=total > 0)


def _mean_where(values: np.ndarray, counted: np.ndarray) -> np.ndarray:
    """Each row's mean over its counted entries (0 where none counts, as `score` has it)."""
    counts = counted.sum(axis=1)
    sums = (values * counted).sum(axis=1)
    return np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)
