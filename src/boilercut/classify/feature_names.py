"""The names of the features each forest reads, in table order.

The first stage reads the per-line columns (`measure.COLUMNS`), the lexical
score and the lexicon's coverage, with their context (`context.first_stage`);
the second stage reads those, then the first stage's probabilities in context
(`context.second_stage`). A model file stores the names it was trained on, and
loading it checks them against these (`model`).
"""

from __future__ import annotations

import numpy as np

from . import context
from .measure import COLUMNS

# The columns `features.first_columns` adds to the measured ones: what the lexicon says of a line.
LEXICAL_COLUMNS = ("lexical", "lexicon_coverage")


def _names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The feature names, in table order, read off a one-line table."""
    one = {name: np.zeros(1) for name in (*COLUMNS, *LEXICAL_COLUMNS)}
    first = context.first_stage(one)
    second = context.second_stage(first, np.zeros(1), np.zeros(1))
    assert list(second)[: len(first)] == list(first), "the second stage's table extends the first's"
    return tuple(first), tuple(second)


FIRST_FEATURES, SECOND_FEATURES = _names()
