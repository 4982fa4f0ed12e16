"""The page model: whether a page holds an article at all, and what becomes of one that holds none."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from boilercut import Cleaner
from boilercut.classify import model as models
from boilercut.classify.classifier import WINDOW, classify
from boilercut.classify.gate import MIN_LINES, PAGE_FEATURES, article_chance, page_row
from boilercut.classify.model import Model
from boilercut.classify.trees import Forest
from boilercut.classify.view import View
from boilercut.training.gate import page_rows, short_articles
from boilercut.training.pages import Page
from support import sample_by_number


def constant(log_odds: float) -> Forest:
    """A forest of one leaf: the same probability for every page."""
    one = np.array([0], dtype=np.int32)
    return Forest(one, np.array([np.inf]), one, one.copy(), np.array([log_odds]), one.copy(), depth=0)


def gated(log_odds: float, threshold: float = 0.02) -> Model:
    return dataclasses.replace(models.shipped(), page=constant(log_odds), page_threshold=threshold)


ARTICLE = sample_by_number("000").raw


def test_the_page_row_describes_the_kept_lines() -> None:
    p = np.array([0.95, 0.6, 0.2])
    chars = np.array([30, 5, 4])
    row = page_row(p, chars, np.array([True, True, False]))[0]
    found = dict(zip(PAGE_FEATURES, row.tolist(), strict=True))
    assert found["kept_chars"] == pytest.approx(np.log1p(35))
    assert found["kept_lines"] == pytest.approx(np.log1p(2))
    assert found["max_p"] == 0.95
    assert found["chars_above_0.7"] == found["chars_above_0.9"] == pytest.approx(np.log1p(30))
    assert found["chars_above_0.95"] == found["chars_above_0.98"] == 0.0
    assert found["longest_kept"] == pytest.approx(np.log1p(30))
    assert found["kept_mean_p"] == pytest.approx((0.95 * 30 + 0.6 * 5) / 36)


def test_without_a_page_model_every_page_holds_an_article() -> None:
    assert article_chance(None, np.array([0.1]), np.array([3]), np.array([False])) == 1.0


def test_a_page_without_an_article_is_emptied_with_the_rule_and_the_page_models_probability(tmp_path: Path) -> None:
    path = tmp_path / "gate.npz"
    gated(-10.0).save(path)
    cleaned = Cleaner(model=path, title=False).clean(ARTICLE)
    assert cleaned.text == ""
    classified = [line for line in cleaned.dropped if line.rule.startswith("ML")]  # the rest went to rules
    assert classified and all(line.rule == "ML102" and line.stage == "strip_boilerplate" for line in classified)
    assert "the page holds no article: an article page with probability 0.000 (needs 0.020)" in classified[0].reason


def test_a_page_of_fewer_lines_than_a_head_of_chrome_is_never_emptied(tmp_path: Path) -> None:
    path = tmp_path / "gate.npz"
    gated(-10.0).save(path)
    lines = [
        "Heavy rain closed three roads in the valley on Monday, the council said.",
        "Crews expect to reopen them by Wednesday, once the water has gone down.",
        "Residents were asked to avoid the area and to report blocked drains.",
        "The council will meet on Thursday to discuss the cost of the repairs.",
    ]
    assert len(lines) == MIN_LINES - 1
    cleaner = Cleaner(model=path, title=False)
    assert cleaner.clean("\n\n".join(lines)).text == "\n\n".join(lines) + "\n"
    one_more = [*lines, "Two bridges were checked for damage and found safe to use."]
    assert cleaner.clean("\n\n".join(one_more)).text == ""
    assert article_chance(constant(-10.0), np.full(4, 0.99), np.full(4, 70), np.ones(4, dtype=bool)) == 1.0


def test_a_page_the_page_model_finds_an_article_in_is_cleaned_as_before(tmp_path: Path) -> None:
    sure, unsure = tmp_path / "sure.npz", tmp_path / "off.npz"
    gated(10.0).save(sure)
    gated(-10.0, threshold=0.0).save(unsure)  # a threshold of 0 empties nothing
    without = dataclasses.replace(models.shipped(), page=None, page_threshold=0.0)
    plain = tmp_path / "plain.npz"
    without.save(plain)
    expected = Cleaner(model=plain, title=False).clean(ARTICLE).text
    assert expected
    assert Cleaner(model=sure, title=False).clean(ARTICLE).text == expected
    assert Cleaner(model=unsure, title=False).clean(ARTICLE).text == expected


def test_a_page_judged_a_window_at_a_time_is_never_emptied() -> None:
    paragraph = "The council met on Tuesday and voted to keep the library open for another year."
    lines = [f"{paragraph} Item {i}." for i in range(WINDOW + 1000)]
    labels = classify(View.plain(lines), gated(-10.0))
    assert not any(verdict.rule == "ML102" for verdict in labels.verdicts)
    assert sum(not verdict.dropped for verdict in labels.verdicts) > len(lines) // 2


def test_the_page_model_is_saved_and_loaded_and_a_model_without_one_still_loads(tmp_path: Path) -> None:
    model = gated(-1.5, threshold=0.07)
    model.save(tmp_path / "m.npz")
    again = Model.load(tmp_path / "m.npz")
    assert again.page_threshold == 0.07 and again.page is not None
    assert again.page.probability(np.zeros((1, len(PAGE_FEATURES))))[0] == pytest.approx(1 / (1 + np.exp(1.5)))
    with np.load(tmp_path / "m.npz") as archive:
        arrays = {name: archive[name] for name in archive.files if not name.startswith("page.")}
    header = json.loads(arrays["header"].tobytes()) | {"format": 2}
    del header["page_features"], header["page_threshold"]
    arrays["header"] = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
    np.savez(tmp_path / "old.npz", **arrays)
    old = Model.load(tmp_path / "old.npz")
    assert old.page is None and old.page_threshold == 0.0


def test_training_reads_each_page_its_head_of_chrome_and_its_opening_as_short_articles() -> None:
    menu = ["Home", "News", "Sport", "Weather", "Sign in", "Subscribe"]
    body = [
        "Storm closes roads",
        "Heavy rain closed three roads in the valley on Monday, the council said.",
        "Crews expect to reopen them by Wednesday once the water has gone down.",
        "Residents were asked to avoid the area and to report blocked drains.",
        "The council will meet on Thursday to discuss the cost of the repairs.",
    ]
    view = View.plain(menu + body)
    keep = np.array([False] * len(menu) + [True] * len(body))
    page = Page("p", "example.org", view, keep, "\n".join(body))
    rows = list(page_rows(page, models.shipped()))
    # The page, its head of chrome, then its opening of two and of three paragraphs (the headline is no
    # paragraph of prose), alone and down from the menu.
    assert [holds for _, holds, _ in rows] == [True, False, True, True, True, True]
    assert [weight for _, _, weight in rows] == [1.0, 1.0, 0.25, 0.25, 0.25, 0.25]
    assert all(row.shape == (len(PAGE_FEATURES),) for row, _, _ in rows)
    assert [view.lines for view in short_articles(page)] == [
        tuple(body[1:3]),
        tuple(menu + body[:3]),
        tuple(body[1:4]),
        tuple(menu + body[:4]),
    ]
    html = dataclasses.replace(page, html_file="p.html")
    assert [holds for _, holds, _ in page_rows(html, models.shipped())] == [True]
    listing = dataclasses.replace(page, kind="listing")
    assert short_articles(listing) == []
