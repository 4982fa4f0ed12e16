"""Memory on very large documents (issue 11, item 7): a few times the document, not tens of times.

`benchmarks/memory.py` measures whole processes on 30 and 50 MB documents; these
tests hold the same bound, at most ten times the document, in process on smaller
ones, counting what cleaning allocates after the model and word lists are loaded.
"""

from __future__ import annotations

import random
import re
import tracemalloc

import pytest

from boilercut import Cleaner

PROSE = (
    "The council voted on Tuesday to approve a new budget that raises funding for the city's public libraries "
    "by a tenth over two years, after months of debate about opening hours and books."
)
TIMES = 10


def peak_of_cleaning(text: str) -> tuple[int, str]:
    cleaner = Cleaner()
    cleaner.clean(f"A warm-up page.\n\n{PROSE}")  # the model, stoplists and rules load here, once
    tracemalloc.start()
    try:
        cleaned = cleaner.clean(text).text
        return tracemalloc.get_traced_memory()[1], cleaned
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_a_line_of_five_megabytes_costs_less_than_ten_times_its_size() -> None:
    text = " ".join([PROSE] * 27_000)
    peak, cleaned = peak_of_cleaning(text)
    assert cleaned == text + "\n"
    assert peak <= TIMES * len(text.encode("utf-8"))


@pytest.mark.slow
def test_a_page_of_twenty_thousand_lines_is_judged_in_windows_within_ten_times_its_size() -> None:
    lines = ["Share this article" if number % 5 == 4 else f"{PROSE} Paragraph {number}." for number in range(20_000)]
    text = "\n\n".join(lines)
    peak, cleaned = peak_of_cleaning(text)
    assert "Share this article" not in cleaned
    kept = {int(number) for number in re.findall(r"Paragraph (\d+)\.", cleaned)}
    assert kept == {number for number in range(20_000) if number % 5 != 4}  # every paragraph, in every window
    assert peak <= TIMES * len(text.encode("utf-8"))


@pytest.mark.slow
def test_a_page_of_a_thousand_paragraphs_of_prose_is_kept_whole() -> None:
    pick = random.Random(1)
    lines = [" ".join(pick.sample(REPORT, 3)) + f" ({number})." for number in range(1000)]
    cleaned = Cleaner().clean("\n\n".join(lines)).text
    assert len(re.findall(r"\(\d+\)\.$", cleaned, re.MULTILINE)) == 1000


REPORT = [
    "The council voted on Tuesday to approve a new budget that raises funding for the city's public libraries",
    "Opponents said the money would be better spent on roads, and asked for a second vote before the summer",
    "The mayor told reporters that the plan had been changed three times to answer the concerns of residents",
    "Librarians welcomed the decision, saying that longer opening hours would help students and older readers",
    "A spokesman for the finance office said the cost would be covered by savings made in other departments",
    "Residents of the northern districts have asked for a new branch since the old one closed a decade ago",
    "The budget also sets aside money for repairs to the roof of the central library, which leaks in winter",
]
