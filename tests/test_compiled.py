"""The compiled core and its pure-Python twins: the same tables, the same output, to the bit.

CI builds the extension and sets BOILERCUT_REQUIRE_COMPILED=1, so these tests run
there; on a machine without a compiler they are skipped (the pure path is then
the only one, and the rest of the suite tests it).
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import subprocess
import sys
from dataclasses import fields

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boilercut import Cleaner
from boilercut.classify import compiled, context, lexicon, measure, title
from boilercut.classify import thresholds as T
from boilercut.classify.feature_names import FIRST_FEATURES
from boilercut.classify.features import first_columns, matrix
from boilercut.classify.language import stopwords
from boilercut.classify.lines import (
    CLOSERS,
    ENDERS,
    TITLE_SMALL_WORDS,
    Line,
    Measured,
    letter_words,
    line_values,
    line_words,
    measure_all,
)
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
# Lines that reach every test of the line measurements: sentence ends with the quotes and
# brackets around them, prose of 20 words and more, Title Case with small words (and words
# whose lower case is longer), CJK.
LINE_WORDS = ["The", "Man", "Of", "in", "ÉTÉ", "Été", "İstanbul", "ǅemal", "said", "the", "and", "x1", "a_b"]
LINE_MARKS = [*".!?…。！？:,\"'”’»)]）」』“‘«([", " ", "\n", "\t", "\u00a0", "\u2003", "e\u0301", "\udc80", "🙂"]
LINE_PIECES = st.sampled_from([*LINE_WORDS, "日本語", "テキスト", "五", "٣", *LINE_MARKS])
TITLE_WORDS = st.sampled_from(
    ["The", "Man", "Of", "In", "A", "İn", "ÉTÉ", "Été", "été", "ǅemal", "the", "x", "9", "日本"]
)
LINE_TEXT = (
    st.lists(st.one_of(LINE_PIECES, ODD_TEXT), min_size=1, max_size=40).map(" ".join)
    | st.lists(LINE_PIECES, min_size=1, max_size=60).map("".join)
    | st.lists(st.sampled_from(LINE_WORDS) | LINE_PIECES, min_size=20, max_size=60).map(" ".join)
    | st.lists(TITLE_WORDS, min_size=6, max_size=16).map(" ".join)
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


def typed(values: tuple[object, ...]) -> list[tuple[type, object]]:
    """Values with their types: 1, 1.0 and True are equal, but not the same measurement."""
    return [(type(value), value) for value in values]


def line_fields(line: Line) -> list[tuple[type, object]]:
    return typed(tuple(getattr(line, field.name) for field in fields(Line)))


def check_line_values(lines: list[str], language: str | None = "English") -> None:
    words, pure_words = both_paths(line_words, lines)
    assert words == pure_words
    (rows, table), (pure_rows, pure_table) = both_paths(line_values, lines, pure_words[1], stopwords(language))
    assert [typed(row) for row in rows] == [typed(row) for row in pure_rows]
    assert table.tobytes() == pure_table.tobytes()


def check_measure_all(lines: list[str]) -> None:
    """Both paths measure a first round of every other line, then all of them (some seen, some
    with another stoplist or blank count) to the same Lines and the same table."""

    def rounds() -> tuple[Measured, Measured]:
        seen: dict[str, Line] = {}
        first = measure_all(lines[::2], None, seen)
        return first, measure_all(lines, [k % 3 for k in range(len(lines))], seen)

    fast, pure = both_paths(rounds)
    for found, expected in zip(fast, pure, strict=True):
        assert [line_fields(line) for line in found.lines] == [line_fields(line) for line in expected.lines]
        assert found.table.tobytes() == expected.table.tobytes()


@needs_core
@settings(max_examples=300, deadline=None)
@given(st.lists(LINE_TEXT, min_size=1, max_size=8), st.sampled_from(["English", "German", None]))
def test_line_words_and_values_are_identical_on_any_unicode_text(lines: list[str], language: str | None) -> None:
    check_line_values(lines, language)


@needs_core
@settings(max_examples=200, deadline=None)
@given(st.lists(LINE_TEXT, min_size=1, max_size=30))
def test_measured_lines_are_identical_on_any_unicode_text(lines: list[str]) -> None:
    check_measure_all(lines)


@needs_core
def test_line_values_are_identical_on_lines_longer_than_their_opening() -> None:
    long = T.LONG_LINE_CHARS
    lines = [
        "Les élus ont voté. Ensuite " * (long // 20),
        "数" * (long + 10) + "。x",
        "x" * (long - 1) + "Ü ber",
        "x" * long + "Ü ber",
        "The Man Of The Year In Paris Wins. " * (long // 30),
        "Word " * (long // 4) + "”",
        *(("İstanbul x " * (long // 10))[:size] for size in (long - 1, long, long + 1)),
    ]
    for language in ("English", "French", None):
        check_line_values(lines, language)
    check_measure_all(lines)


def marked_lines() -> list[str]:
    """Lines built around every character a line measurement tests for, and their neighbours."""
    ends = [*ENDERS, ",", ";"]
    closers = ["", *CLOSERS, "）»"]
    spaces = ["", " ", "\n", "\u2003", "  "]
    openers = ["", *"\"'“‘«([{"]
    afters = ["", "Next", "x", "x1", "x_", "é!", "1x", "日本", "\u0301x"]
    prose = "word " * T.UNENDED_PROSE_MIN_WORDS + "x"
    stops = [prose + "".join(parts) for parts in itertools.product(ends, closers, spaces, openers, afters)]
    heads = [
        "Big Man {} Big Man Big Man Big",
        "{} Big Man Big Man Big Man Big",
        "Big man {} Big Man Big Man Big Man Big",
        "Big man man {} Big Man Big Man Big Man",
    ]
    small = [word.title() for word in sorted(TITLE_SMALL_WORDS)]
    titles = [head.format(word) for word in [*small, "İn", "Été", "Big"] for head in heads]
    near = [0x303F, 0x3040, 0x30FF, 0x3100, 0x33FF, 0x3400, 0x4DBF, 0x4DC0, 0x4DFF, 0x4E00, 0x9FFF, 0xA000]
    near += [0xF8FF, 0xF900, 0xFAFF, 0xFB00]
    cjk = [f"word word {chr(code) * count}" for code in near for count in (1, 2, 3, 5)]
    return stops + titles + cjk + [f"Word{end}" for end in [*ENDERS, *CLOSERS, ":", ",", "x"]]


@needs_core
def test_line_values_are_identical_on_every_mark_they_read() -> None:
    lines = marked_lines()
    for language in ("English", None):
        check_line_values(lines, language)


@pytest.mark.slow
@needs_core
@needs_bench
def test_measured_lines_are_identical_on_every_bench_page(pages: list[list[str]]) -> None:
    for lines in pages:
        check_measure_all(lines)


@pytest.mark.slow
@needs_core
@needs_bench
def test_forest_outputs_are_identical_on_bench_feature_tables(pages: list[list[str]]) -> None:
    model = shipped()
    tables = [matrix(first_columns(View.plain(lines), model)[0], FIRST_FEATURES) for lines in pages[:120]]
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
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.floats(allow_nan=True), st.sampled_from([0.0, -0.0, 0.5, -0.5, 1e-300])), max_size=60))
def test_best_runs_are_identical_on_any_scores_ties_and_nan_included(scores: list[float]) -> None:
    fast, pure = both_paths(context.best_run, np.array(scores, dtype=np.float64))
    assert fast == pure


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
