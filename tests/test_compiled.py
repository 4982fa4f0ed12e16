"""The compiled core and its pure-Python twins: the same tables, the same output, to the bit.

CI builds the extension and sets BOILERCUT_REQUIRE_COMPILED=1, so these tests run
there; on a machine without a compiler they are skipped (the pure path is then
the only one, and the rest of the suite tests it).
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boilercut import Cleaner
from boilercut.classify import compiled, lexicon, measure, title
from boilercut.classify.features import FIRST_FEATURES, first_columns, matrix
from boilercut.classify.language import stopwords
from boilercut.classify.lines import letter_words
from boilercut.classify.model import shipped
from boilercut.classify.view import View
from support import BENCH, bench_cases

needs_core = pytest.mark.skipif(compiled.CORE is None, reason="the compiled core is not built here")
needs_bench = pytest.mark.skipif(not BENCH.is_file(), reason="../shared/bench is not beside the project")
WCXB = BENCH.parent.parent / "wcxb" / "cases.jsonl.gz"

# Text the tokenizers must agree on: combining marks, CJK, right-to-left, digits of
# other scripts, superscripts, title case, ligatures, emoji, and lone surrogates (as
# bytes decoded with surrogateescape leave them).
ODD = "e\u0301\u0308İıßẞǅﬁ²³½Ⅷ٣३〇五日本語テキスト한국어עבריתالعربية🙂\u200d\u00a0\t\udc80 _-–.,;:!?«»“”'\"()[]"
ODD_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(ODD), st.characters(blacklist_categories=())), min_size=1, max_size=80
)


def page_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def pages() -> list[list[str]]:
    found = [page_lines(case["text"]) for case in bench_cases()]
    if WCXB.is_file():
        with gzip.open(WCXB, "rt", encoding="utf-8") as cases:
            found += [page_lines(json.loads(line)["text"]) for line in cases]
    return [lines for lines in found if lines]


def both_paths(function, *args):  # type: ignore[no-untyped-def]
    """``function(*args)`` with the compiled core, then with the pure-Python path."""
    core = compiled.CORE
    try:
        first = function(*args)
        compiled.CORE = None
        return first, function(*args)
    finally:
        compiled.CORE = core


def check_lexicon(lines: list[str]) -> None:
    model = shipped()
    fast, pure = both_paths(lexicon.scores, lines, model.lexicon, model.lexicon_intercept)
    assert fast.tobytes() == pure.tobytes()


@pytest.mark.slow
@needs_core
@needs_bench
def test_lexicon_scores_are_identical_on_every_bench_line(pages: list[list[str]]) -> None:
    check_lexicon([line for lines in pages for line in lines])


@needs_core
@settings(max_examples=300, deadline=None)
@given(st.lists(ODD_TEXT, min_size=1, max_size=8))
def test_lexicon_scores_are_identical_on_any_unicode_text(lines: list[str]) -> None:
    check_lexicon(lines)


@needs_core
def test_lexicon_scores_are_identical_on_lines_of_ten_thousand_characters() -> None:
    check_lexicon(["Les élus ont voté. " * 600, "数" * 12000, "x" * 20000, "1 2 3 " * 3000])


@needs_core
@settings(max_examples=200, deadline=None)
@given(st.lists(ODD_TEXT, min_size=1, max_size=8))
def test_character_counts_are_identical_on_any_unicode_text(lines: list[str]) -> None:
    fast, pure = both_paths(measure.char_counts, lines)
    assert fast.tobytes() == pure.tobytes()


@needs_core
@settings(max_examples=200, deadline=None)
@given(st.lists(ODD_TEXT, min_size=1, max_size=8))
def test_line_shapes_are_identical_on_any_unicode_text(lines: list[str]) -> None:
    fast, pure = both_paths(measure.shapes, lines)
    assert fast == pure


@needs_core
@settings(max_examples=200, deadline=None)
@given(st.lists(ODD_TEXT, min_size=1, max_size=8))
def test_page_word_buckets_are_identical_on_any_unicode_text(lines: list[str]) -> None:
    fast, pure = both_paths(lexicon.word_buckets, lines)
    assert fast.tolist() == pure.tolist()


@needs_core
def test_page_word_buckets_are_identical_past_the_sample_and_on_long_lines() -> None:
    lines = ["Ärger über die Straße " * 100, "x" * 30000 + " tail", "Word " * 2000, "İSTANBUL ǅemal ﬁne"]
    fast, pure = both_paths(lexicon.word_buckets, lines)
    assert len(fast) == lexicon.COVERAGE_SAMPLE_WORDS
    assert fast.tolist() == pure.tolist()
    fast, pure = both_paths(lexicon.word_buckets, lines[1:2] + lines[3:])
    assert 0 < len(fast) < lexicon.COVERAGE_SAMPLE_WORDS
    assert fast.tolist() == pure.tolist()


def check_title_shares(lines: list[str], language: str = "English") -> None:
    tokens = [letter_words(text.lower()) for text in lines]
    stop = stopwords(language)
    for topic_words in (tokens[0], [word for words in tokens for word in words][::3]):
        topic = title.content_words(topic_words, stop)
        fast, pure = both_paths(title.shares, tokens, topic, stop)
        assert fast.tobytes() == pure.tobytes()


@needs_core
@settings(max_examples=200, deadline=None)
@given(st.lists(ODD_TEXT, min_size=1, max_size=8), st.sampled_from(["English", "German"]))
def test_title_shares_are_identical_on_any_unicode_text(lines: list[str], language: str) -> None:
    check_title_shares(lines, language)


@needs_core
def test_title_shares_are_identical_on_long_words_and_lines() -> None:
    check_title_shares(["Überschwemmungsgefahr an der Brücke", "x" * 30000 + " Brücken " * 500, "the of and", ""])


@pytest.mark.slow
@needs_core
@needs_bench
def test_title_shares_are_identical_on_every_bench_page(pages: list[list[str]]) -> None:
    for lines in pages:
        check_title_shares(lines)


@pytest.mark.slow
@needs_core
@needs_bench
def test_page_word_buckets_are_identical_on_every_bench_page(pages: list[list[str]]) -> None:
    for lines in pages:
        fast, pure = both_paths(lexicon.word_buckets, lines)
        assert fast.tolist() == pure.tolist()


@pytest.mark.slow
@needs_core
@needs_bench
def test_character_counts_and_shapes_are_identical_on_every_bench_line(pages: list[list[str]]) -> None:
    lines = [line for found in pages for line in found]
    counts, pure_counts = both_paths(measure.char_counts, lines)
    assert counts.tobytes() == pure_counts.tobytes()
    assert both_paths(measure.shapes, lines)[0] == both_paths(measure.shapes, lines)[1]


@pytest.mark.slow
@needs_core
@needs_bench
def test_forest_outputs_are_identical_on_bench_feature_tables(pages: list[list[str]]) -> None:
    model = shipped()
    tables = [matrix(first_columns(View.plain(lines), model), FIRST_FEATURES) for lines in pages[:120]]
    features = np.vstack(tables)
    fast, pure = both_paths(model.first.raw, features)
    assert fast.tobytes() == pure.tobytes()


@needs_core
@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=40), st.integers(min_value=0, max_value=2**32 - 1))
def test_forest_outputs_are_identical_on_any_values_nan_and_infinities_included(rows: int, seed: int) -> None:
    model = shipped()
    generator = np.random.default_rng(seed)
    features = generator.normal(scale=3.0, size=(rows, len(FIRST_FEATURES)))
    features[generator.random(features.shape) < 0.05] = np.nan
    features[generator.random(features.shape) < 0.02] = np.inf
    fast, pure = both_paths(model.first.raw, features)
    assert fast.tobytes() == pure.tobytes()


@needs_core
@pytest.mark.slow
@needs_bench
def test_cleaned_outputs_are_identical_on_every_scrapinghub_page() -> None:
    texts = [case["text"] for case in bench_cases()]
    fast, pure = both_paths(lambda: [Cleaner().clean(text).text for text in texts])
    assert fast == pure


@pytest.mark.slow
def test_the_environment_switch_forces_the_pure_path() -> None:
    code = "from boilercut.classify import compiled; print(compiled.CORE is None)"
    env = os.environ | {"BOILERCUT_PURE_PYTHON": "1"}
    env.pop("BOILERCUT_REQUIRE_COMPILED", None)
    found = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "True"
