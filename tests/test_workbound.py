"""The untimed length of a pattern: lines that short are searched without the time-out,
so on them no search may come anywhere near it, whatever the line holds."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
import regex

from boilercut.rules.matcher import PATTERN_TIMEOUT_SECONDS
from boilercut.rules.workbound import untimed_length

# (pattern, a line of a given length on which the pattern does its most work)
WORST_CASES: list[tuple[str, Callable[[int], str]]] = [
    (r"(a+)+$", lambda n: "a" * (n - 1) + "b"),
    (r"(?:a|a)*b", lambda n: "a" * n),
    (r"(?i)(k|K)*x", lambda n: "k" * n),
    (r"(?:ab|ab)*c", lambda n: "ab" * (n // 2)),
    (r"(\w+\s?)*$", lambda n: "a" * (n - 1) + "!"),
    (r"\s*\s*\s*\s*x", lambda n: " " * n),
    (r"(?:\s+\S+){0,4}$", lambda n: "a " * (n // 2)),
    (r"^(?:By|Von)(?:\s+[\p{Lu}][\p{L}.'’-]+){0,4}$", lambda n: "By" + " Aa" * ((n - 2) // 3)),
    (r"a.*b.*c.*d", lambda n: "a" + "b" * (n - 1)),
    (r"(?=(\w+\s?)*)x", lambda n: "a" * n),
    (r"(?i)\b(?:we use cookies|privacy policy)\b", lambda n: "we use cookie" * (n // 13)),
    (r"[^.!?\"”’)]$", lambda n: "a" * (n - 1) + "."),
    (r"^.*[^.!?:;\"”’»)]$|^.{1,120}\?$", lambda n: "a" * (n - 1) + "."),
]


@pytest.mark.parametrize(("pattern", "worst"), WORST_CASES, ids=[p for p, _ in WORST_CASES])
def test_a_search_within_the_untimed_length_stays_far_below_the_time_out(
    pattern: str, worst: Callable[[int], str]
) -> None:
    length = untimed_length(pattern)
    assert length >= 1
    line = worst(length)
    assert len(line) <= length
    compiled = regex.compile(pattern)
    started = time.process_time()
    compiled.search(line)
    assert time.process_time() - started < PATTERN_TIMEOUT_SECONDS / 10


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\w+\s?)*$", r"(?:a|a)*b"])
def test_a_catastrophic_pattern_is_untimed_only_on_a_few_characters(pattern: str) -> None:
    assert untimed_length(pattern) < 20


@pytest.mark.parametrize(
    "pattern",
    [
        r"(.)\1",
        r"\X+",
        r"(?:Subscribe){e<=1}",
        r"(a)?(?(1)b|c)",
        r"(?fi)straße",
        r"(?:x?)*y",
        r"\L<words>",
        "(unclosed",
    ],
)
def test_what_the_analysis_cannot_bound_is_always_timed(pattern: str) -> None:
    assert untimed_length(pattern) == 0


def test_a_plain_whole_line_pattern_needs_no_time_out_on_any_real_line() -> None:
    assert untimed_length(r"(?i)^(?:advertisement|sponsored(?: content)?|anzeige)$") > 100_000
