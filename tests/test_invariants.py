"""What boilercut guarantees on any input: no exception; nothing invented (every output
paragraph is input lines joined in their order); no line duplicated; cleaning twice equals
cleaning once. Over generated documents, and over the 181 pages of ../shared/bench when
that folder is present."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boilercut.config import Config
from boilercut.document import split_lines
from boilercut.pipeline import Pipeline, Source
from boilercut.stages.encoding import fix_text
from support import ALL_SAMPLES, ROOT

BENCH = ROOT.parent / "shared" / "bench" / "scrapinghub" / "cases.jsonl"
ARTICLE_LINES = sorted({line.strip() for s in ALL_SAMPLES for line in s.expected.splitlines() if line.strip()})
BOILERPLATE = [
    "Share this article", "Log in", "Subscribe", "Notify of", "Newest Most Voted", "(Image: GETTY)",
    "© AP Photo / Eraldo Peres", "Related articles", "Advertisement", "We use cookies to improve your experience.",
    "Home » News » World", "Tags:", "China, Russia", "0 $", "Leave a Comment", "Click to see full-size image",
]  # fmt: skip
LINE_ENDINGS = ["\n", "\r\n", "\r", "\u2028", "\n\n", "\r\n\r\n"]

part = st.one_of(
    st.sampled_from(ARTICLE_LINES),
    st.sampled_from(BOILERPLATE),
    st.text(max_size=60),  # any Unicode, controls and stray line breaks included
)
documents = st.lists(st.tuples(part, st.sampled_from(LINE_ENDINGS)), max_size=25).map(
    lambda parts: "".join(text + ending for text, ending in parts)
)
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))


@cache
def pipeline(*, title: bool = True) -> Pipeline:
    return Pipeline(Config(title=title))


def assert_nothing_invented(text: str, output: str) -> None:
    """Each output paragraph is repaired input lines joined in their order, and the
    paragraphs use the input's lines in order: nothing made up, nothing reordered."""
    repaired = fix_text("\n".join(line.strip() for line in split_lines(text))).split("\n")
    lines = [line.strip() for line in repaired if line.strip()]
    position = 0
    for paragraph in output.split("\n\n"):
        if not paragraph.strip():
            continue
        after = joined_from(paragraph.strip(), lines, position)
        assert after is not None, f"not input lines in order: {paragraph[:80]!r}"
        position = after


def joined_from(paragraph: str, lines: list[str], start: int) -> int | None:
    """The smallest index after the last input line (from `start` on) that the paragraph
    can be made of (the earliest: a later copy of a line must stay free for what follows)."""
    best = None
    for index in range(start, len(lines)):
        if best is not None and index + 1 >= best:
            break
        line = lines[index]
        if paragraph == line:
            return index + 1
        if paragraph.startswith(line + " "):
            rest = joined_from(paragraph[len(line) + 1 :], lines, index + 1)
            if rest is not None and (best is None or rest < best):
                best = rest
    return best


def assert_no_line_duplicated(text: str, output: str) -> None:
    inputs = Counter(fix_text(line).strip() for line in split_lines(text))
    for paragraph, count in Counter(p.strip() for p in output.split("\n\n") if p.strip()).items():
        assert count <= max(1, inputs[paragraph]), f"{paragraph[:60]!r} appears {count} times"


@SETTINGS
@given(documents)
def test_any_document_is_cleaned_without_invention_or_duplication(text: str) -> None:
    output = pipeline().clean(Source(text))
    assert_nothing_invented(text, output)
    assert_no_line_duplicated(text, output)


@SETTINGS
@given(documents)
def test_any_document_cleaned_twice_is_cleaned_once(text: str) -> None:
    once = pipeline().clean(Source(text))
    assert pipeline().clean(Source(once)) == once


@pytest.mark.slow
@SETTINGS
@given(documents)
def test_the_same_input_gives_the_same_bytes(text: str) -> None:
    assert Pipeline(Config()).clean(Source(text)) == pipeline().clean(Source(text))


def bench_cases() -> list[dict[str, str]]:
    if not BENCH.is_file():
        return []
    return [json.loads(line) for line in BENCH.open(encoding="utf-8")]


def assert_idempotent_and_inventing_nothing(cases: list[dict[str, str]]) -> None:
    for case in cases:
        once = pipeline().clean(Source(case["text"], url=case["url"]))
        assert_nothing_invented(case["text"], once)
        assert pipeline().clean(Source(once, url=case["url"])) == once, case["url"]


@pytest.mark.slow
@pytest.mark.skipif(not BENCH.is_file(), reason="../shared/bench is not beside the project")
def test_the_181_bench_pages_are_cleaned_idempotently_and_invent_nothing() -> None:
    cases = bench_cases()
    assert len(cases) == 181
    assert_idempotent_and_inventing_nothing(cases)


WCXB = BENCH.parent.parent / "wcxb" / "cases.jsonl.gz"


@pytest.mark.slow
@pytest.mark.skipif(not WCXB.is_file(), reason="../shared/bench is not beside the project")
def test_the_999_wcxb_pages_are_cleaned_idempotently_and_invent_nothing() -> None:
    # Forums, listings and shops too: pages whose headline the output shows differently, and
    # long lists that take several settling rounds.
    with gzip.open(WCXB, "rt", encoding="utf-8") as lines:
        cases = [json.loads(line) for line in lines]
    assert len(cases) == 999
    assert_idempotent_and_inventing_nothing(cases)
