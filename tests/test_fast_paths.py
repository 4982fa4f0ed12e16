"""Shortcuts taken for speed in the classifier's measurements give what the plain version gives."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boilercut.classify import measure, vocabulary
from boilercut.classify.context import median
from boilercut.classify.lines import INNER_STOP, WORD, letter_words, title_cased
from boilercut.classify.patterns import AGENCY, AGO, DATE, TAG_LINE, WHEN, names_agency, opens_tag_list

V = vocabulary.load().merged
AGENCIES, TAG_PREFIXES, MONTHS = sorted(V.agencies), sorted(V.tag_prefixes), sorted(V.months)
TITLE_SMALL_WORDS = V.title_small_words
MANY = settings(max_examples=2000, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))

# Letters, digits and separators of several scripts, the whitespace str.split knows, underscores.
PIECES = st.sampled_from(
    ["a", "Z", "é", "ß", "я", "中", "1", "٣", "²", "_", " ", "\t", "\n", "\x1c", "\u00a0", "\u2003", "-", ".", "•", ":"]
)
texts = st.lists(PIECES, max_size=12).map("".join) | st.text(max_size=20)


@pytest.mark.slow
@MANY
@given(texts)
def test_letter_words_are_the_regex_matches(text: str) -> None:
    assert letter_words(text) == WORD.findall(text)


def test_letter_words_of_an_ascii_line() -> None:
    assert letter_words("Photo: AP/Jane_Doe, 2021") == ["Photo", "AP", "Jane", "Doe"]
    assert letter_words("x1y2z") == ["x", "y", "z"]


@pytest.mark.slow
@MANY
@given(st.lists(st.sampled_from([*AGENCIES, "x", "1", "_", "-", " ", "(", "ı", "İ", "ſ", "K", "é"]), max_size=6))
def test_agency_gate_agrees_with_the_regex(pieces: list[str]) -> None:
    for text in (" ".join(pieces), "".join(pieces), " ".join(pieces).upper()):
        lower = text.lower()
        assert names_agency(lower, letter_words(lower)) == (AGENCY.search(lower) is not None), text


PLAIN_INNER_STOP = re.compile(r"[.!?…][\"'”’»)\]]*\s+[\"'“‘«(\[]?[^\W\d_](?=\w)|[。！？](?=.)")
STOP_PIECES = st.sampled_from([".", "!", "…", "。", "？", '"', "”", ")", "“", "(", " ", "\n", "a", "B", "é", "1", "_"])


@pytest.mark.slow
@MANY
@given(st.lists(STOP_PIECES, max_size=10).map("".join))
def test_inner_stop_finds_what_the_plain_pattern_finds(text: str) -> None:
    assert (INNER_STOP.search(text) is None) == (PLAIN_INNER_STOP.search(text) is None)


def plain_title_cased(text: str) -> bool:
    opening = WORD.findall(text[:60])
    if len(opening) < 8:
        return False
    capitals = [w for w in opening if w[0].isupper()]
    if len(capitals) < 0.8 * len(opening):
        return False
    return any(w.lower() in TITLE_SMALL_WORDS for w in capitals[1:])


TITLE_PIECES = st.sampled_from(["The", "the", "Man", "man", "Of", "of", "In", "ÉTÉ", "Été", "été", "A", "9", " ", ", "])


@pytest.mark.slow
@MANY
@given(st.lists(TITLE_PIECES, max_size=16).map(" ".join) | st.lists(TITLE_PIECES, max_size=24).map("".join))
def test_title_cased_matches_the_plain_version(text: str) -> None:
    assert title_cased(text) == plain_title_cased(text)


@pytest.mark.slow
@MANY
@given(st.lists(st.sampled_from([*TAG_PREFIXES, "x", "1", ":", " ", "-", "ı", "ſ", "K", "é"]), max_size=5))
def test_tag_gate_agrees_with_the_regex(pieces: list[str]) -> None:
    for text in (" ".join(pieces), "".join(pieces), " ".join(pieces).upper()):
        assert opens_tag_list(text, letter_words(text.lower())) == (TAG_LINE.match(text) is not None), text


PLAIN_WHEN = re.compile(DATE + "|" + AGO, re.IGNORECASE)
WHEN_PIECES = [*MONTHS[::7], "vor", "il y a", "hace", "há", "ago", "read", "hours", "stunden", "минут", "назад"]
WHEN_PIECES += ["de", "er", "stunde", "ore", "fa", "uur", "geleden", "godzin", "temu"]
WHEN_PIECES += ["1", "26", "2021", ".", ":", "/", "-", " ", "x", "_", "ı", "ſ", "K", "A"]


@pytest.mark.slow
@MANY
@given(st.lists(st.sampled_from(WHEN_PIECES), max_size=8))
def test_guarded_when_finds_what_the_plain_pattern_finds(pieces: list[str]) -> None:
    for text in (" ".join(pieces), "".join(pieces), " ".join(pieces).upper()):
        assert WHEN.subn(" ", text) == PLAIN_WHEN.subn(" ", text), text


@MANY
@given(
    st.lists(
        st.floats(min_value=0.0, max_value=1.0) | st.sampled_from([0.0, 0.25, 1 / 3, 0.5]), min_size=1, max_size=40
    )
)
def test_median_is_numpys_to_the_bit(values: list[float]) -> None:
    column = np.array(values, dtype=np.float64)
    assert median(column) == float(np.median(column))
    assert median(column[::-1]) == float(np.median(column))


def regex_counts(text: str) -> tuple[int, int, int, int]:
    return (
        len(measure.DIGIT.findall(text)),
        sum(1 for c in measure.UPPER.findall(text) if c.isupper()),
        len(measure.PUNCT.findall(text)),
        len(measure.WORD_RUN.findall(text)),
    )


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_character_counts_are_the_regex_counts(text: str) -> None:
    assert measure._ascii_counts(text) == regex_counts(text)


def test_character_counts_of_ascii_and_other_lines() -> None:
    lines = ["Photo: AP/Jane_Doe, 2021 \x1c!", "Été à Zürich: 3 £", "日本語 テキスト٣"]
    assert measure.char_counts_python(lines).tolist() == [list(map(float, regex_counts(text))) for text in lines]


def test_a_long_ascii_line_is_counted_without_copies_of_it(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Word1 B, c! " * (measure.LONG_LINE // 10)
    expected = list(map(float, regex_counts(text)))

    def refuse(text: str) -> tuple[int, int, int, int]:
        raise AssertionError("a line past LONG_LINE takes the path that holds no copy of it")

    monkeypatch.setattr(measure, "_ascii_counts", refuse)
    assert measure.char_counts_python([text]).tolist() == [expected]
