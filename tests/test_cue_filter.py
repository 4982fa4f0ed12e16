"""The cheap test that skips lines in cue_all never skips a line the full cue test would label."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boilercut.classify import vocabulary
from boilercut.classify.cues import _may_have_cue, cue
from boilercut.classify.lines import measure_all
from support import ALL_SAMPLES, ROOT


def corpus_lines() -> list[str]:
    texts = [s.raw for s in ALL_SAMPLES]
    texts += [path.read_text(encoding="utf-8") for path in sorted((ROOT / "tests" / "generic_cases").glob("*.txt"))]
    return [line.strip() for text in texts for line in text.splitlines() if line.strip()]


def test_no_line_of_the_corpus_with_a_cue_is_skipped() -> None:
    missed = [line.text for line in measure_all(corpus_lines(), None).lines if not _may_have_cue(line) and cue(line)]
    assert missed == []


# Vocabulary and shapes the cues look for, for lines built from pieces of them.
V = vocabulary.load().merged
PIECES = [
    *sorted(V.agencies)[:20],
    *sorted(V.tag_prefixes)[:10],
    *sorted(V.months)[:12],
    *sorted(V.meta_prefixes)[:10],
    "by",
    "Jane",
    "Doe",
    "3 of 12",
    "12:30",
    "2021",
    "©",
    "www.example.com",
    "a@b.org",
    "share",
    "reply",
    "the",
    "said",
    ":",
    ".",
    "Photo:",
]


@settings(max_examples=600, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8))
def test_no_built_line_with_a_cue_is_skipped(pieces: list[str]) -> None:
    for text in (" ".join(pieces), "".join(pieces), " ".join(pieces).upper()):
        (line,) = measure_all([text], None).lines
        assert _may_have_cue(line) or cue(line) is None, text
