"""Two runs compared page by page: the difference, its bootstrap interval, the pages that moved."""

from __future__ import annotations

import pytest

from boilercut.training.metric import Shares, score
from boilercut.training.paired import paired, paired_runs

GOLD = "The council approved the new budget on Tuesday after a long debate about schools and roads."
WHOLE = Shares.of(GOLD, GOLD)
HALF = Shares.of(GOLD, "The council approved the new budget on Tuesday.")
NOISY = Shares.of(GOLD, GOLD + " Sign up for our newsletter to get the news in your inbox every day.")


def test_a_run_against_itself_differs_by_nothing() -> None:
    pages = [WHOLE, HALF, NOISY] * 5
    found = paired(pages, pages)
    assert (found.delta, found.low, found.high, found.better, found.worse) == (0.0, 0.0, 0.0, 0, 0)
    assert not found.clear


def test_a_run_better_on_every_page_is_clearly_better() -> None:
    before, after = [HALF, NOISY] * 20, [WHOLE, WHOLE] * 20
    found = paired(before, after)
    assert found.before == pytest.approx(score(before).f1) and found.after == 1.0
    assert 0 < found.low <= found.delta <= found.high
    assert found.clear and (found.better, found.worse, found.pages) == (40, 0, 40)


def test_one_page_of_many_is_no_evidence() -> None:
    before = [WHOLE] * 39 + [HALF]
    after = [WHOLE] * 40
    found = paired(before, after)
    assert found.delta > 0 and found.better == 1
    assert found.low == 0.0 and not found.clear  # most draws miss that page


def test_runs_over_different_pages_are_refused() -> None:
    with pytest.raises(ValueError, match="not the same pages"):
        paired([WHOLE], [WHOLE, HALF])


def test_two_seeds_a_side_are_averaged_and_their_spread_widens_the_interval() -> None:
    good, poor = [WHOLE, NOISY] * 20, [HALF, NOISY] * 20
    # The same code twice, one seed scoring well and one poorly: no difference, but not a sure one.
    found = paired_runs([good, poor], [poor, good])
    assert found.delta == pytest.approx(0.0) and found.before_runs == (score(good).f1, score(poor).f1)
    assert found.low < 0 < found.high  # drawing the seeds moves each side by the seeds' spread
    assert paired(good, good).low == paired(good, good).high == 0.0  # one run a side: pages alone


def test_one_run_a_side_is_the_plain_comparison() -> None:
    before, after = [HALF, NOISY] * 20, [WHOLE, NOISY] * 20
    assert paired_runs([before], [after]) == paired(before, after)


def test_sides_over_different_pages_are_refused() -> None:
    with pytest.raises(ValueError, match="not the same pages"):
        paired_runs([[WHOLE, HALF], [WHOLE]], [[WHOLE, HALF]])
