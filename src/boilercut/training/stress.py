"""Pages of shapes the training sets hardly hold: very long articles, and pages with no article.

Few training pages are very long, and those that are are mostly listings and
threads, so a model can learn "a long page is mostly furniture" and drop the
second half of a long report or book chapter (a retrained model once did, on a
page of 1,000 paragraphs, at probabilities just under one half). At the other
end, a scrape whose article never loaded leaves the page's chrome alone: menus,
a sign-in link, a footer, of which nothing should be kept. Between the two, a
short article (a brief of two or three paragraphs) must not read as chrome.

Both are built from the pages a model never saw (the pages of its held-out
fold): long articles from their gold paragraphs, pages of chrome from the lines
above their first article line, short articles from their first paragraphs
(alone, and below the page's lines above them, as a paywall leaves a page).
Each is scored by the share of its words the model keeps: all of a long or short
article, none of a page of chrome.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from ..pipeline import Pipeline, Source
from .metric import Shares
from .pages import ARTICLE_KINDS, Page, chrome_head, prose_of

PARAGRAPHS = (300, 1000, 2000)  # long article lengths checked, in paragraphs
# Each long article is drawn this many times (other paragraphs, in another order), and
# the lowest share counts: one draw let a model pass that dropped two thirds of another.
DRAWS = 3
MIN_WORDS = 8  # a paragraph of prose, not a heading or a caption


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


def chrome_pages(pages: Sequence[Page]) -> list[str]:
    """Of each page read from text, the lines above its first article line, as a page of its
    own (`pages.chrome_head`): what a scrape leaves when the article is lost."""
    return ["\n".join(head) for head in map(chrome_head, pages) if head]


SHORT_PARAGRAPHS = (2, 3)  # paragraphs of prose in a short article


def short_pages(pages: Sequence[Page]) -> list[str]:
    """Of each article page read from text, its first two and its first three paragraphs of
    prose (`pages.is_prose`) alone, blank lines between them: briefs, as a feed or a wire sends them."""
    return ["\n\n".join(paragraphs) for _, paragraphs in _openings(pages)]


def cut_short_pages(pages: Sequence[Page]) -> list[tuple[str, str]]:
    """The same openings below the page's lines above them, as a paywall leaves a page: each
    such page, and its article text (the paragraphs, as `short_pages` gives them)."""
    return [("\n".join(above), "\n\n".join(paragraphs)) for above, paragraphs in _openings(pages)]


def _openings(pages: Sequence[Page]) -> list[tuple[tuple[str, ...], list[str]]]:
    """Of each article page read from text, its lines down to its SHORT_PARAGRAPHS-th paragraph of
    prose, and those paragraphs."""
    found = []
    for page in pages:
        if page.html_file is not None or page.kind not in ARTICLE_KINDS:
            continue
        prose = prose_of(page)
        for count in SHORT_PARAGRAPHS:
            if len(prose) > count:
                found.append((page.lines[: prose[count - 1] + 1], [page.lines[i] for i in prose[:count]]))
    return found


def article_share(pipeline: Pipeline, page: str, article: str) -> float:
    """The share of the words of ``article``, a part of the page, that the pipeline keeps of the page."""
    return Shares.of(article, pipeline.clean(Source(page, name="stress page"))).recall


def kept_share(pipeline: Pipeline, page: str) -> float:
    """The share of the page's words (as shingles) the pipeline keeps."""
    return Shares.of(page, pipeline.clean(Source(page, name="stress page"))).recall
