"""The standfirst: the sentence or two under the headline stays, though a byline, dates,
share buttons and a picture part it from the article's text (a whole page of it:
tests/generic_cases/fr_standfirst.txt)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from boilercut import Cleaner
from boilercut.classify import standfirst
from test_generic_cases import read_case

PAGE = Path(__file__).parent / "generic_cases" / "fr_standfirst.txt"


def test_the_standfirst_between_the_headline_and_the_byline_stays() -> None:
    # Scraped without blank lines between the blocks, the model drops it (p 0.21).
    kinds, lines = read_case(PAGE)
    cleaned = Cleaner(site_rules=False).clean("\n".join(lines))
    headline, lead = kinds.index("TITLE"), kinds.index("TITLE") + 1
    assert cleaned.title == lines[headline]
    assert cleaned.text.split("\n\n")[:2] == [lines[headline], lines[lead]]


def _cols(words: list[int], terminal: list[int], stop: float = 0.5) -> dict[str, np.ndarray]:
    n = len(words)
    return {
        "words": np.array(words, dtype=np.float64),
        "terminal": np.array(terminal, dtype=np.float64),
        "sentences": np.zeros(n),
        "stop": np.full(n, stop),
        "cue": np.zeros(n),
    }


# headline, standfirst, byline, date, article, article
WORDS = [8, 30, 3, 2, 60, 55]
TERMINAL = [0, 1, 0, 0, 1, 1]
KEEP = np.array([False, False, False, False, True, True])
P = np.array([0.4, 0.3, 0.05, 0.02, 0.9, 0.9])


def test_the_first_long_line_under_the_headline_is_the_standfirst() -> None:
    assert standfirst.find(KEEP, 0, _cols(WORDS, TERMINAL), P) == 1
    # past a byline and a date
    words, terminal = [8, 3, 2, 30, 60, 55], [0, 0, 0, 1, 1, 1]
    p = np.array([0.4, 0.05, 0.02, 0.3, 0.9, 0.9])
    assert standfirst.find(KEEP, 0, _cols(words, terminal), p) == 3


def test_no_standfirst_without_a_headline_or_when_the_line_is_no_prose() -> None:
    assert standfirst.find(KEEP, None, _cols(WORDS, TERMINAL), P) is None
    assert standfirst.find(KEEP, 0, _cols(WORDS, [0, 0, 0, 0, 1, 1]), P) is None  # no sentence's end
    assert standfirst.find(KEEP, 0, _cols(WORDS, TERMINAL, stop=0.05), P) is None  # a list of names
    cues = _cols(WORDS, TERMINAL)
    cues["cue"][1] = 1.0  # a disclosure, a sign-up
    assert standfirst.find(KEEP, 0, cues, P) is None


def test_no_standfirst_the_model_rules_out_or_far_from_the_text() -> None:
    assert standfirst.find(KEEP, 0, _cols(WORDS, TERMINAL), np.array([0.4, 0.1, 0.05, 0.02, 0.9, 0.9])) is None
    far = np.zeros(20, dtype=bool)
    far[18:] = True  # the text resumes too far below
    words, terminal = [8, 30, *[2] * 16, 60, 55], [0, 1, *[0] * 16, 1, 1]
    p = np.array([0.4, 0.3, *[0.02] * 16, 0.9, 0.9])
    assert standfirst.find(far, 0, _cols(words, terminal), p) is None


def test_a_standfirst_the_model_kept_is_left_alone() -> None:
    keep = KEEP.copy()
    keep[1] = True
    assert standfirst.find(keep, 0, _cols(WORDS, TERMINAL), P) is None
