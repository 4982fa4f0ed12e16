"""Whether a page holds an article at all, judged from what the line model made of it.

A scrape whose article never loaded (a consent wall, a page of menus, a listing)
still has lines the line model finds likelier than the rest, and the page's cut
(`decision`) keeps them: menus come out as if they were the article. The line
model cannot tell, since every page it learned from held an article. A small
forest, the page model, reads the page as a whole: how much text and how many
lines the cut keeps, how sure the model is of the likeliest of them, the longest
kept line. Text is counted in characters, not words: a Japanese or Chinese line
is one "word" between spaces, and counted so a long article reads as a short menu.
It learns from each training page beside the page's own head of chrome (the lines
above its first article line) as a page without an article, and the page's opening
as short articles (lest size alone decide), all judged by models that never saw
them (`training.gate`). Below the model's `page_threshold`, every
line of the page is dropped, with rule ML102 and the page model's probability.

A page of fewer than MIN_LINES lines is never emptied: the page model learned
pages without an article from heads of chrome of five lines or more, and a line
or two of text is a brief or a note far more often than a page that lost its
article (emptied, one sentence of news was lost).

The features describe the kept lines only, so that a page judged again without
its dropped lines (settling, or cleaning an output again) reads about the same.
"""

from __future__ import annotations

import numpy as np

from .trees import Forest

# The fewest lines of a page the page model may empty: those of the shortest head of chrome it
# learns from (`training.pages.chrome_head`).
MIN_LINES = 5
# Lines surer than these, counted in characters: an article has a run of prose the line
# model is sure of; a page of chrome at most a teaser or two it half believes.
SURE = (0.7, 0.8, 0.9, 0.95, 0.98)
PAGE_FEATURES: tuple[str, ...] = (
    "kept_chars",
    "kept_lines",
    "max_p",
    *(f"chars_above_{level:g}" for level in SURE),
    "longest_kept",
    "kept_mean_p",
)


def page_row(probability: np.ndarray, chars: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """The page model's features of one page, from each line's probability, characters and
    whether the cut keeps it: a row of PAGE_FEATURES (counts as log(1 + n))."""
    weight = chars.astype(np.float64)
    kept_weight = weight[keep]
    kept_chars = float(kept_weight.sum())
    row = [
        np.log1p(kept_chars),
        np.log1p(float(keep.sum())),
        float(probability.max()) if len(probability) else 0.0,
        *(np.log1p(float(weight[probability > level].sum())) for level in SURE),
        np.log1p(float(kept_weight.max())) if len(kept_weight) else 0.0,
        float((probability[keep] * kept_weight).sum()) / (kept_chars + 1.0),
    ]
    return np.array([row], dtype=np.float64)


def article_chance(page: Forest | None, probability: np.ndarray, chars: np.ndarray, keep: np.ndarray) -> float:
    """The page model's probability that the page holds an article (1 without a page model, or
    for a page of fewer than MIN_LINES lines)."""
    if page is None or len(probability) < MIN_LINES:
        return 1.0
    return float(page.probability(page_row(probability, chars, keep))[0])
