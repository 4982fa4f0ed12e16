"""Site-held-out cross-validation: every page judged by a model that never saw its site.

Folds can run in worker processes (``jobs``): each forks from the process that
prepared the pages, trains its model and returns what the caller asked of it;
LightGBM itself trains on one thread, so the models are the same whatever ``jobs``.
A worker that dies (the kernel kills the largest process when memory runs out:
each fold's worker holds about 7 GB of the bench's prepared pages) ends the run
with an error saying so, rather than leaving it waiting for the fold forever.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from ..classify.model import Model
from ..errors import BoilercutError
from .fit import Prepared, Settings, fit, site_folds

FOLDS = 5
T = TypeVar("T")

# What a forked worker runs: set just before the pool forks, read by `_run_fold`.
_FOLD_WORK: Callable[[int], Any] | None = None


def fold_split(prepared: Prepared, settings: Settings, folds: int = FOLDS) -> list[list[int]]:
    """The labeled pages split into folds; a site's pages share a fold."""
    return site_folds(prepared.pages, range(prepared.originals), folds, settings.seed + 1)


def fold_model(prepared: Prepared, settings: Settings, held: Sequence[int], number: int) -> Model:
    """The model trained on every labeled page but those ``held`` out."""
    held_set = set(held)
    rest = [i for i in range(prepared.originals) if i not in held_set]
    return fit(prepared, rest, settings, {"fold": number})


def each_fold(work: Callable[[int], T], folds: int, jobs: int = 1) -> Iterator[T]:
    """``work(number)`` for fold numbers 1..folds, in ``jobs`` forked processes (in the order
    they finish), or here one after the other. ``work`` need not pickle; its results must."""
    if jobs <= 1 or folds <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(work, range(1, folds + 1))
        return
    global _FOLD_WORK
    _FOLD_WORK = work
    try:
        with ProcessPoolExecutor(min(jobs, folds), mp_context=multiprocessing.get_context("fork")) as pool:
            for done in as_completed([pool.submit(_run_fold, number) for number in range(1, folds + 1)]):
                yield done.result()
    except BrokenProcessPool:
        raise BoilercutError(
            f"a worker training a fold died (killed for lack of memory?): run with fewer jobs than {jobs}"
        ) from None
    finally:
        _FOLD_WORK = None


def _run_fold(number: int) -> Any:
    assert _FOLD_WORK is not None, "each_fold sets the work before forking"
    return _FOLD_WORK(number)
