"""Two runs compared page by page: the difference, its bootstrap interval, the pages that moved."""

from __future__ import annotations

import pytest

from boilercut.training.metric import Shares, score
from boilercut.training.paired import paired

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
