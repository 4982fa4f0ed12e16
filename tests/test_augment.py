"""Training pages of shapes the labeled pages hardly hold (`boilercut.training.augment`)."""

from __future__ import annotations

import random

import numpy as np

from boilercut.training.augment import LONG_PARAGRAPHS, fold_pages, long_article
from boilercut.training.fit import Prepared, Settings
from boilercut.training.pages import Page, view_of

PROSE = "The council voted on Tuesday to approve a new budget for the city's public libraries."
MENU = "Home\nNews\nSport\nWeather\nCulture"


def page(text: str, keep: list[bool], site: str = "site", kind: str = "", html_file: str | None = None) -> Page:
    view = view_of(text)
    assert len(view) == len(keep), view.lines
    gold = "\n".join(line for line, kept in zip(view.lines, keep, strict=True) if kept)
    return Page(f"{site}-page", site, view, np.array(keep), gold, kind=kind, html_file=html_file)


def article(site: str, paragraphs: int = 3) -> Page:
    body = "\n\n".join(f"{PROSE} It was vote {number} at {site}." for number in range(paragraphs))
    return page(f"{MENU}\nA Headline\n\n{body}", [False] * 5 + [True] * (1 + paragraphs), site)


def test_a_long_article_holds_the_paragraphs_in_one_block_among_its_article_lines_all_kept() -> None:
    base = article("one")
    added = [f"Another paragraph of prose, number {number}, from another page." for number in range(4)]
    long = long_article(base, added, random.Random(0))
    assert long is not None and len(long.lines) == len(base.lines) + 4
    at = long.lines.index(added[0])
    assert long.lines[at : at + 4] == tuple(added)
    assert at > 5  # after an article line
    assert long.keep.tolist() == base.keep[:at].tolist() + [True] * 4 + base.keep[at:].tolist()
    assert long.view.blank_before[at : at + 4].tolist() == [1.0] * 4
    for name in ("blank_before", "ruled_above", "ruled_below", "ruled_gap", "extracted"):
        assert len(getattr(long.view, name)) == len(long.lines)
    assert long.lines[:at] == base.lines[:at] and long.lines[at + 4 :] == base.lines[at:]


def test_a_page_without_an_article_line_makes_no_long_article() -> None:
    assert long_article(page(MENU, [False] * 5), [PROSE], random.Random(0)) is None


def test_a_fold_makes_long_articles_of_other_sites_paragraphs() -> None:
    pages = [article(f"site{number}", paragraphs=40) for number in range(3)]
    pages.append(page(f"{MENU}\n{PROSE}", [False] * 5 + [True], "forum", kind="forum"))
    made = fold_pages(pages, seed=0)
    assert len(made) == len(LONG_PARAGRAPHS)
    for long in made:
        base = next(p for p in pages if long.id.startswith(p.id))
        added = set(long.lines) - set(base.lines)
        assert added and not any(base.site in line for line in added)  # other sites' paragraphs only
        assert long.id.endswith(f"#long{len(added)}") and long.kind == ""
    again = fold_pages(pages, seed=0)
    assert [(p.id, p.lines) for p in again] == [(p.id, p.lines) for p in made]  # the seed fixes the draws


def test_training_adds_the_made_pages_to_their_inner_fold_and_leaves_the_prepared_pages_alone() -> None:
    pages = [article(f"site{number}", paragraphs=30) for number in range(6)]
    prepared = Prepared.of(pages, copies=False)
    inner = [[0, 1], [2, 3], [4, 5]]
    extended, folds = prepared.with_long_articles(inner, Settings())
    assert len(prepared.pages) == 6 and not prepared.made
    assert len(extended.pages) == len(extended.columns) == len(extended.weights) == 6 + len(extended.made)
    for fold, made in zip(inner, folds, strict=True):
        assert made[: len(fold)] == fold and set(made[len(fold) :]) <= extended.made
        sites = {pages[i].site for i in fold}
        for i in made[len(fold) :]:
            assert extended.pages[i].site in sites
