"""Site-held-out cross-validation: every page judged by a model that never saw its site."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from ..classify.model import Model
from .fit import Prepared, Settings, fit, site_folds

FOLDS = 5


def fold_models(
    prepared: Prepared, settings: Settings, folds: int = FOLDS, progress: Callable[[int, int], None] | None = None
) -> Iterator[tuple[Model, Sequence[int]]]:
    """(model, indexes of the pages it must judge) for each fold; a site's pages share a fold."""
    everything = list(range(prepared.originals))
    split = site_folds(prepared.pages, everything, folds, settings.seed + 1)
    for number, held in enumerate(split, start=1):
        if progress:
            progress(number, folds)
        held_set = set(held)
        yield fit(prepared, [i for i in everything if i not in held_set], settings, {"fold": number}), held
