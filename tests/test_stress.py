"""Pages unlike the training pages, built from labeled ones (`boilercut.training.stress`)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from boilercut.classify.view import View
from boilercut.pipeline import Pipeline
from boilercut.training.evaluate import BENCH_CONFIG
from boilercut.training.pages import Page, is_prose, view_of
from boilercut.training.stress import (
    article_share,
    chrome_pages,
    cut_short_pages,
    kept_share,
    long_page,
    paragraphs_of,
    short_pages,
)

PROSE = "The council voted on Tuesday to approve a new budget for the city's public libraries."


def page(gold: str, kind: str = "", html_file: str | None = None, keep: list[bool] | None = None) -> Page:
    labels = np.array(keep if keep is not None else [True])
    return Page("id", "site", view_of(gold), labels, gold, kind=kind, html_file=html_file)


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


def test_a_page_of_chrome_is_the_lines_above_the_first_article_line_where_there_are_enough() -> None:
    text = "Home\nNews\nSport\nWeather\nCulture\nA Headline\n" + PROSE
    labeled = page(text, keep=[False] * 5 + [True, True])
    assert chrome_pages([labeled]) == ["Home\nNews\nSport\nWeather\nCulture"]
    short = page(text, keep=[False] * 4 + [True] * 3)
    unlabeled = page(text, keep=[False] * 7)
    assert chrome_pages([short, unlabeled, page(text, html_file="page.html", keep=[False] * 5 + [True] * 2)]) == []


def test_a_short_article_is_the_first_two_or_three_paragraphs_of_prose_of_an_article() -> None:
    second = "Crews expect to reopen the roads by Wednesday, once the water has gone down."
    third = "「大雨のため、月曜日に谷の三本の道路が閉鎖され、住民は水が引くまで迂回するよう求められた」と議会は述べた。"
    fourth = "Residents were asked to avoid the area and to report blocked drains."
    text = "\n".join(["Home", "A Headline", PROSE, "Photo: Jane Doe/Getty", second, third, fourth, "Tags: rain"])
    lines = text.split("\n")
    labeled = Page("id", "site", View.plain(lines), np.array([False] + [True] * 6 + [False]), text)
    assert short_pages([labeled]) == [f"{PROSE}\n\n{second}", f"{PROSE}\n\n{second}\n\n{third}"]
    three = replace(labeled, keep=np.array([False] * 4 + [True] * 3 + [False]))  # no opening of three of three
    assert short_pages([three]) == [f"{second}\n\n{third}"]
    assert short_pages([replace(labeled, kind="forum"), replace(labeled, html_file="page.html")]) == []
    assert cut_short_pages([labeled]) == [
        ("\n".join(lines[:5]), f"{PROSE}\n\n{second}"),
        ("\n".join(lines[:6]), f"{PROSE}\n\n{second}\n\n{third}"),
    ]


def test_prose_ends_a_sentence_and_is_not_short() -> None:
    assert (
        is_prose(PROSE)
        and is_prose(f"“{PROSE}”")
        and is_prose("これは日本語で書かれた文章の段落であり、句点で終わる、四十文字を超える長さのある一文です。")
    )
    assert not is_prose("Which Is Right for Your Business? A Guide for Owners Who Move")
    assert not is_prose("Short, but it ends.") and not is_prose("Photo: Jane Doe/Getty Images for the Council")


def test_the_share_kept_counts_the_words_of_the_page_left_in_the_output() -> None:
    pipeline = Pipeline(BENCH_CONFIG)
    prose = long_page([f"{PROSE} It was the {number}th vote of the year on the matter." for number in range(40)], 40)
    assert prose is not None
    assert kept_share(pipeline, prose) == 1.0
    with_ad = prose.replace("\n\n", "\n\nAdvertisement\n\n", 1)
    assert 0.95 < kept_share(pipeline, with_ad) < 1.0  # the ad line's words are not kept
    assert article_share(pipeline, f"Advertisement\n\n{prose}", prose) == 1.0
