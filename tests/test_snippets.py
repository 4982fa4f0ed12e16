"""The snippet metric of the quality benchmark (training/snippets.py)."""

from __future__ import annotations

import gzip
import json

import pytest

from boilercut.training.snippets import Counts, counts, score
from support import BENCH

OUTPUT = "Floods close the bridge\n\nThe bridge was closed on Monday\nafter floods reached the road."


def test_a_snippet_is_found_with_white_space_folded_and_furniture_kept_counts_against_precision() -> None:
    must = ["closed on Monday after floods", "Engineers will inspect it."]
    must_not = ["Share this article", "Floods close"]
    assert counts(OUTPUT, must, must_not) == Counts(found=1, missed=1, kept_furniture=1, dropped_furniture=1)


def test_counts_are_summed_over_pages_before_precision_and_recall() -> None:
    pages = [Counts(found=3, missed=1), Counts(found=1, missed=3, kept_furniture=4, dropped_furniture=2)]
    found = score(pages)
    assert (found.precision, found.recall, found.snippets) == (0.5, 0.5, 14)
    assert found.f1 == pytest.approx(0.5)
    assert score([]).f1 == 0.0  # no snippet: nothing to be right about
    assert score([counts("", [], ["Home"])]).f1 == 0.0


def test_the_unchanged_text_of_a_bench_page_holds_most_of_its_own_snippets() -> None:
    path = BENCH.parent.parent / "wcxb" / "cases.jsonl.gz"
    if not path.is_file():
        pytest.skip("the shared benchmark is not here")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        case = json.loads(handle.readline())
    raw = counts(case["text"], case["with"], case["without"])
    gold = counts(case["gold"], case["with"], case["without"])
    assert gold.found == len(case["with"]) and gold.kept_furniture == 0
    assert raw.kept_furniture > 0
