"""Two runs over the same pages compared page by page: is the difference more than chance?

Retraining moves the benchmark by itself (a change to the features of the HTML
pages alone moved scrapinghub's text pages by 0.004; the same code with
another seed moved a set by 0.0045), so a difference of two cross-validated
runs is read with its bootstrap interval: the pages are drawn with
replacement, the same draw for both runs, and the F1 difference computed again
each time. An interval that holds zero is no evidence of a gain.

Each side may be several runs of the same code with other seeds (`paired_runs`):
a side's F1 is then the mean of its runs', and each draw also draws the runs of
each side with replacement, so that the interval holds the chance in the
training as well as in the pages.
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
    before: float  # F1 of the first run (the mean of its runs' F1s)
    after: float  # F1 of the second
    low: float  # the bootstrap interval of after - before
    high: float
    better: int  # pages whose own F1 rose (mean over the runs)
    worse: int  # ... fell
    pages: int
    before_runs: tuple[float, ...] = ()  # each run's F1, when a side has several
    after_runs: tuple[float, ...] = ()

    @property
    def delta(self) -> float:
        return self.after - self.before

    @property
    def clear(self) -> bool:
        """Whether the interval leaves zero out."""
        return self.low > 0 or self.high < 0


def paired(before: Sequence[Shares], after: Sequence[Shares], draws: int = DRAWS, seed: int = 0) -> Difference:
    """The F1 difference of two runs over the same pages (in the same order), with its interval."""
    return paired_runs([before], [after], draws, seed)


def paired_runs(
    before: Sequence[Sequence[Shares]], after: Sequence[Sequence[Shares]], draws: int = DRAWS, seed: int = 0
) -> Difference:
    """`paired` for sides of one run or more each (``before[run][page]``; every run over the
    same pages, in the same order): pages and each side's runs drawn with replacement."""
    runs = [*before, *after]
    if not before or not after or len({len(run) for run in runs}) != 1:
        raise ValueError(f"the runs score {sorted({len(run) for run in runs})} pages: not the same pages")
    rng = np.random.default_rng(seed)
    pages = len(runs[0])
    picks = rng.integers(0, pages, size=(draws, pages))
    differences = _side(after, picks, rng) - _side(before, picks, rng)
    tail = (1 - LEVEL) / 2 * 100
    low, high = np.percentile(differences, [tail, 100 - tail])
    own_before = np.mean([[score([page]).f1 for page in run] for run in before], axis=0)
    own_after = np.mean([[score([page]).f1 for page in run] for run in after], axis=0)
    before_f1s = tuple(score(run).f1 for run in before)
    after_f1s = tuple(score(run).f1 for run in after)
    return Difference(
        before=float(np.mean(before_f1s)),
        after=float(np.mean(after_f1s)),
        low=float(low),
        high=float(high),
        better=int((own_after > own_before).sum()),
        worse=int((own_after < own_before).sum()),
        pages=pages,
        before_runs=before_f1s if len(before) > 1 else (),
        after_runs=after_f1s if len(after) > 1 else (),
    )


def _side(runs: Sequence[Sequence[Shares]], picks: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Each draw's F1 of one side: its runs drawn with replacement, their F1s on the drawn pages averaged."""
    f1s = np.array([_f1s(run, picks) for run in runs])  # runs x draws
    if len(runs) == 1:
        return f1s[0]
    chosen = rng.integers(0, len(runs), size=(len(runs), picks.shape[0]))
    return np.take_along_axis(f1s, chosen, axis=0).mean(axis=0)


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
