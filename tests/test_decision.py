"""The page's cut: which lines are kept, given their probabilities and words."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from boilercut.classify.decision import FLOOR, PRECISION_WEIGHT, kept, page_cut

THRESHOLD = 0.5


def keep(probabilities: list[float], words: list[int]) -> list[bool]:
    return kept(np.array(probabilities), np.array(words), THRESHOLD)[0].tolist()


def test_a_page_the_model_is_sure_of_is_cut_at_the_threshold() -> None:
    p = [0.02, 0.97, 0.95, 0.99, 0.45, 0.03]
    words = [3, 40, 35, 50, 8, 2]
    assert keep(p, words) == [x > THRESHOLD for x in p]
    assert page_cut(np.array(p), np.array(words), THRESHOLD) == THRESHOLD


def test_on_a_page_the_model_is_unsure_of_the_likelier_lines_under_the_threshold_are_kept() -> None:
    # A forum thread: every post reads halfway between article and furniture.
    p = [0.45, 0.44, 0.42, 0.1, 0.05]
    words = [30, 25, 40, 3, 2]
    assert PRECISION_WEIGHT == 1.2  # the figures below
    assert keep(p, words) == [True, True, True, False, False]
    # Expected precision (weighed 1.2) plus recall, by hand: T = 0.45*30 + 0.44*25 + 0.42*40 + 0.1*3
    # + 0.05*2 = 41.7. The three posts: S = 41.3, W = 95: 1.2 * 41.3/95 + 41.3/41.7 = 1.512; all five
    # lines: 1.2 * 0.417 + 1 = 1.500; the first two: 1.2 * 24.5/55 + 24.5/41.7 = 1.122.
    assert page_cut(np.array(p), np.array(words), THRESHOLD) == 0.42


def test_nothing_under_the_floor_is_kept() -> None:
    # Menus alone: every line unlikely, and the expected sum still rises with each line kept.
    p = [0.2, 0.25, 0.15, 0.3]
    words = [2, 3, 1, 2]
    assert keep(p, words) == [False, False, False, False]
    p = [FLOOR + 0.05, FLOOR - 0.05]
    assert keep(p, [10, 10]) == [True, False]


def test_lines_without_words_need_the_threshold() -> None:
    p = [0.45, 0.44, 0.43]
    assert keep(p, [30, 0, 25]) == [True, False, True]
    assert keep([0.6, 0.44], [0, 30]) == [True, True]


def test_an_empty_page_and_a_page_without_words() -> None:
    assert keep([], []) == []
    assert keep([0.45, 0.7], [0, 0]) == [False, True]


@given(
    st.lists(
        st.tuples(st.floats(0.0, 1.0, allow_nan=False), st.integers(0, 200)),
        max_size=60,
    )
)
def test_the_cut_only_ever_keeps_more_than_the_threshold(rows: list[tuple[float, int]]) -> None:
    p = np.array([row[0] for row in rows])
    words = np.array([row[1] for row in rows])
    chosen, cut = kept(p, words, THRESHOLD)
    assert FLOOR <= cut <= THRESHOLD
    assert (chosen >= (p > THRESHOLD)).all()  # every line above the threshold is kept
    assert not (chosen & (p < cut)).any()  # nothing under the page's cut
    # Kept lines are the likeliest: a line with words under a kept line with words is kept too.
    with_words = words > 0
    if (chosen & with_words).any():
        lowest = p[chosen & with_words].min()
        assert chosen[with_words & (p >= lowest)].all()
