"""The feature tables of one document: per-line measurements, the lexical score, context.

`first_columns` gives the first stage's columns, `matrix` makes them its matrix
(lines x FIRST_FEATURES); `second_matrix` adds the first stage's probabilities in
context (SECOND_FEATURES). The names, and their order: `feature_names`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from . import context, glossary, lexicon
from .feature_names import FIRST_FEATURES, SECOND_FEATURES
from .measure import char_counts, measure
from .memo import Memo
from .model import Model
from .view import View


def token_counts(lines: Sequence[str]) -> np.ndarray:
    """Words of each line as the benchmark's metric counts them (runs of \\w): weights for the run features."""
    return np.ascontiguousarray(char_counts(lines)[:, 3])


def first_columns(view: View, model: Model, memo: Memo | None = None) -> tuple[dict[str, np.ndarray], str | None]:
    """The first stage's columns, and the language guessed for the document (a stoplist's name, or None)."""
    cols, language = measure(view, memo)
    lines = glossed(view.lines, language, memo)  # what the lexicon reads
    cols["lexical"] = lexical(lines, model.lexicon, model.lexicon_intercept, memo)
    cols["lexicon_coverage"] = np.full(len(view), lexicon.coverage(lexicon.word_buckets(lines), model.known))
    return context.first_stage(cols), language


def glossed(lines: Sequence[str], language: str | None, memo: Memo | None) -> Sequence[str]:
    """`glossary.gloss` of the lines; those ``memo`` holds for the language are not glossed again."""
    if memo is None or not glossary.table(language):
        return glossary.gloss(lines, language)
    known = memo.glossed.setdefault(language, {})
    new = [text for text in dict.fromkeys(lines) if text not in known]
    known.update(zip(new, glossary.gloss(new, language), strict=True))
    return [known[text] for text in lines]


def lexical(lines: Sequence[str], weights: np.ndarray, intercept: float, memo: Memo | None) -> np.ndarray:
    """The lexical score of each line; those ``memo`` holds are not computed again."""
    if memo is None:
        return lexicon.scores(lines, weights, intercept)
    known = memo.lexical
    new = list(dict.fromkeys(text for text in lines if text not in known))
    known.update(zip(new, lexicon.scores(new, weights, intercept).tolist(), strict=True))
    return np.fromiter((known[text] for text in lines), dtype=np.float64, count=len(lines))


def matrix(table: Mapping[str, np.ndarray], names: Sequence[str]) -> np.ndarray:
    """The columns ``names`` of ``table`` as a lines x names matrix, in C order (as a forest reads it)."""
    if not names:
        return np.zeros((0, 0))
    return np.array([table[name] for name in names], dtype=np.float64).T.copy()


def second_matrix(first: np.ndarray, table: Mapping[str, np.ndarray]) -> np.ndarray:
    """The second stage's matrix: the first stage's ``first``, then the columns the second stage adds."""
    return np.hstack((first, matrix(table, SECOND_FEATURES[len(FIRST_FEATURES) :])))
