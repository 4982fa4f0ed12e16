"""Long articles for training, made from the labeled pages.

Few labeled pages are long, and those that are are mostly listings and threads,
so models learn that far down a long page lies furniture: the stress check
(`stress.py`) saw a fold model keep a third of an article of 2,000 paragraphs.
Training meets long articles here, made inside each inner fold of `fit` from
that fold's own pages, so that no text crosses a fold: an article page read
from text, with gold paragraphs of the fold's other sites inserted in one block
among its article lines (all labeled keep), its chrome above and below as it was.

(Pages of chrome alone, made the same way, were tried and cost the benchmark
more than they gained: docs/quality-log.md.)
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from ..classify.view import NOT_EXTRACTED
from .pages import ARTICLE_KINDS, Page
from .stress import paragraphs_of

# The paragraphs added to make each long article of an inner fold (one article a length;
# fewer where the fold holds fewer).
LONG_PARAGRAPHS = (150, 400, 1000, 2000)


def long_article(page: Page, paragraphs: Sequence[str], rng: random.Random) -> Page | None:
    """``page`` with ``paragraphs`` inserted in one block after one of its article lines
    (drawn by ``rng``), each a line of its own after a blank line, labeled keep
    (None if the page has no article line)."""
    kept = np.flatnonzero(page.keep)
    if not len(kept) or not paragraphs:
        return None
    at = int(rng.choice(kept.tolist())) + 1
    count = len(paragraphs)
    view = page.view

    def splice(values: np.ndarray, fill: float) -> np.ndarray:
        return np.concatenate((values[:at], np.full(count, fill, dtype=values.dtype), values[at:]))

    long_view = replace(
        view,
        lines=view.lines[:at] + tuple(paragraphs) + view.lines[at:],
        blank_before=splice(view.blank_before, 1.0),
        ruled_above=splice(view.ruled_above, 0.0),
        ruled_below=splice(view.ruled_below, 0.0),
        ruled_gap=splice(view.ruled_gap, 0.0),
        extracted=splice(view.extracted, NOT_EXTRACTED),  # pages read from text only
        head=None,
    )
    return replace(
        page,
        id=f"{page.id}#long{count}",
        view=long_view,
        keep=np.concatenate((page.keep[:at], np.ones(count, dtype=bool), page.keep[at:])),
        gold="\n".join((page.gold, *paragraphs)),
        text="",
        must=(),
        must_not=(),
    )


def fold_pages(pages: Sequence[Page], seed: int) -> list[Page]:
    """The long articles made from ``pages`` (one inner fold's): one for each length of
    LONG_PARAGRAPHS, each on an article page drawn by ``seed``, with paragraphs of the
    pages of other sites."""
    rng = random.Random(seed)
    articles = [page for page in pages if page.html_file is None and page.kind in ARTICLE_KINDS and page.keep.any()]
    made: list[Page] = []
    if len(articles) < 2:
        return made
    for count in LONG_PARAGRAPHS:
        base = rng.choice(articles)
        pool = paragraphs_of([page for page in articles if page.site != base.site])
        long = long_article(base, rng.sample(pool, min(count, len(pool))), rng)
        if long is not None:
            made.append(long)
    return made
