"""What the page model (`classify.gate`) learns from: pages with an article, and pages without one.

Every training page holds an article, so pages without one are made: each page
read from its text gives its head of chrome (the lines above its first article
line, as `pages.chrome_head` takes them: what a scrape that lost the article
leaves). A head of chrome is short and every whole page long, so short articles
are made too, lest size alone decide: each article page read from text gives
its opening (its first two and first three paragraphs of prose) alone, as a
brief is sent, and with the page above it, as a page cut short after them.
All are judged by the models of an inner fold that never saw them, as the page
model will meet the line model's probabilities on new sites.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from ..classify.classifier import page_features
from ..classify.model import Model
from ..classify.view import View
from .pages import ARTICLE_KINDS, Page, chrome_head, prose_of

SHORT_ARTICLE = (2, 3)  # paragraphs of prose in a short article made of a page's opening


def page_rows(page: Page, model: Model) -> Iterator[tuple[np.ndarray, bool, float]]:
    """The page model's features of ``page`` (with whether it holds an article, and its weight)
    and of the pages made from it (`chrome_head`, `short_articles`), each judged by ``model``.
    The short articles of a page weigh one in all, as the page does."""
    if not page.lines:
        return
    yield page_features(page.view, model)[0], bool(page.keep.any()), 1.0
    head = chrome_head(page)
    if head:
        yield page_features(page.view.window(0, len(head)), model)[0], False, 1.0
    short = short_articles(page)
    for view in short:
        yield page_features(view, model)[0], True, 1.0 / len(short)


def short_articles(page: Page) -> list[View]:
    """Of an article page read from text, its opening as short articles: its first paragraphs of
    prose alone (one blank line between them), and the page down to the last of them."""
    if page.html_file is not None or page.kind not in ARTICLE_KINDS:
        return []
    prose = prose_of(page)
    views = []
    for count in SHORT_ARTICLE:
        if len(prose) > count:
            views.append(View.plain([page.lines[i] for i in prose[:count]]))
            views.append(page.view.window(0, prose[count - 1] + 1))
    return views
