"""Long articles built from gold paragraphs (`boilercut.training.long_pages`)."""

from __future__ import annotations

import numpy as np

from boilercut.pipeline import Pipeline
from boilercut.training.evaluate import BENCH_CONFIG
from boilercut.training.long_pages import kept_share, long_page, paragraphs_of
from boilercut.training.pages import Page, view_of

PROSE = "The council voted on Tuesday to approve a new budget for the city's public libraries."


def page(gold: str, kind: str = "", html_file: str | None = None) -> Page:
    return Page("id", "site", view_of(gold), np.ones(1, dtype=bool), gold, kind=kind, html_file=html_file)


def test_only_prose_paragraphs_of_articles_read_from_text_are_taken() -> None:
    gold = f"A Headline\n{PROSE}\nShort caption here"
    pages = [page(gold), page(gold, "article"), page(gold, "forum"), page(gold, html_file="page.html")]
    assert paragraphs_of(pages) == [PROSE, PROSE]


def test_a_long_page_holds_the_count_asked_for_in_an_order_the_seed_fixes() -> None:
    paragraphs = [f"{PROSE} ({number})" for number in range(10)]
    first = long_page(paragraphs, 6, seed=1)
    assert first is not None and first == long_page(paragraphs, 6, seed=1)
    assert len(first.split("\n\n")) == 6 and set(first.split("\n\n")) <= set(paragraphs)
    assert first != long_page(paragraphs, 6, seed=2)
    assert long_page(paragraphs, 11) is None


def test_the_share_kept_counts_the_words_of_the_page_left_in_the_output() -> None:
    pipeline = Pipeline(BENCH_CONFIG)
    prose = long_page([f"{PROSE} It was the {number}th vote of the year on the matter." for number in range(40)], 40)
    assert prose is not None
    assert kept_share(pipeline, prose) == 1.0
    assert kept_share(pipeline, "Home\nNews\nSport\nWeather\nContact us") == 0.0
