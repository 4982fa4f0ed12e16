"""Long articles: does a model keep a page of hundreds or thousands of paragraphs whole?

Few training pages are that long, and those that are are mostly listings and
threads, so a model can learn "a long page is mostly furniture" and drop the
second half of a long report or book chapter. A retrained model once did, on a
page of 1,000 paragraphs, at probabilities just under one half. This check builds
such pages from the gold paragraphs of articles a model never saw (the pages
of its held-out fold) and measures the share of their words the model keeps:
all of it is right, as every line is article text.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from ..pipeline import Pipeline, Source
from .metric import Shares
from .pages import Page

PARAGRAPHS = (300, 1000, 2000)  # page lengths checked, in paragraphs
MIN_WORDS = 8  # a paragraph of prose, not a heading or a caption
ARTICLE_KINDS = ("", "article")  # scrapinghub's pages are all articles (no type given)


def paragraphs_of(pages: Sequence[Page]) -> list[str]:
    """The prose paragraphs of the gold text of the article pages among ``pages`` (read from text)."""
    return [
        line.strip()
        for page in pages
        if page.html_file is None and page.kind in ARTICLE_KINDS
        for line in page.gold.splitlines()
        if len(line.split()) >= MIN_WORDS
    ]


def long_page(paragraphs: Sequence[str], count: int, seed: int = 0) -> str | None:
    """``count`` of the paragraphs in a shuffled order, blank lines between them (None: too few)."""
    if len(paragraphs) < count:
        return None
    return "\n\n".join(random.Random(seed).sample(list(paragraphs), count))


def kept_share(pipeline: Pipeline, page: str) -> float:
    """The share of the page's words (as shingles) the pipeline keeps."""
    return Shares.of(page, pipeline.clean(Source(page, name="long page"))).recall
