"""What the page model (`classify.gate`) learns from: pages with an article, and pages without one.

Every training page holds an article, so pages without one are made: each page
read from its text gives its head of chrome (the lines above its first article
line, as `pages.chrome_head` takes them: what a scrape that lost the article
leaves). Both are judged by the models of an inner fold that never saw them,
as the page model will meet the line model's probabilities on new sites.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from ..classify.classifier import page_features
from ..classify.model import Model
from .pages import Page, chrome_head


def page_rows(page: Page, model: Model) -> Iterator[tuple[np.ndarray, bool]]:
    """The page model's features of ``page`` (with whether it holds an article) and, for a page
    read from text, of its head of chrome (holding none), each judged by ``model``."""
    if not page.lines:
        return
    yield page_features(page.view, model)[0], bool(page.keep.any())
    head = chrome_head(page)
    if head:
        yield page_features(page.view.window(0, len(head)), model)[0], False
