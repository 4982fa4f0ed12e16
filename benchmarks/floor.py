#!/usr/bin/env python3
"""How fast per-line work can go in CPython, on the corpus the speed targets use.

    python benchmarks/floor.py

Times loops that do a fixed, small piece of work on every line of the
benchmark's 181 scraped pages (1.65 MB, 31,000 non-empty lines, median 14
characters), each printed in MB/s next to the 14 MB/s throughput target:
the floor under any line classifier written in Python, whatever its design.
The last row times the shipped model's two forests alone, walked (compiled,
or with numpy on the pure path) over the feature tables of every page once,
as the first judgement after the rules sees them: no cleaning with this model
runs faster (a cleaning also judges the kept lines again, as its output shows
them: on these pages 4,611 lines more to the first judgement's 26,411).

The line that matters is the stopword share: jusText's core feature, and the
one the generic classifier's quality rests on (a line of prose is a third
stopwords, a menu has none). Counted over letter words in the fastest way
known here (the classifier's own), with no other feature and no decision,
it already takes most of the 30 MB/s budget.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from boilercut.classify import language
from boilercut.classify.context import second_stage
from boilercut.classify.feature_names import FIRST_FEATURES
from boilercut.classify.features import first_columns, matrix, second_matrix, token_counts
from boilercut.classify.lines import letter_words
from boilercut.config import Config
from boilercut.pipeline import Pipeline, Source

CASES = Path(__file__).resolve().parents[2] / "shared" / "bench" / "scrapinghub" / "cases.jsonl"
TARGET_MB_S = 14.0
RUNS = 5

LETTER_WORD = re.compile(r"[^\W\d_]+")
ANY_DIGIT = re.compile(r"\d")
# C4's line filter (Raffel et al. 2020): keep lines ending in terminal
# punctuation, of at least five words, with no code or placeholder text.
C4_ENDINGS = (".", "!", "?", '"')
C4_MIN_WORDS = 5


def load() -> tuple[list[str], list[list[str]], float]:
    texts = [json.loads(line)["text"] for line in CASES.open(encoding="utf-8")]
    documents = [[line.strip() for line in text.split("\n") if line.strip()] for text in texts]
    return texts, documents, sum(len(text.encode()) for text in texts) / 1e6


def best_seconds(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(RUNS):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    texts, documents, size = load()
    stop = language.stopwords("English")
    pipeline = Pipeline(Config(title=False))

    def loop_only() -> None:
        for lines in documents:
            for line in lines:
                len(line)

    def one_regex() -> None:
        for lines in documents:
            for line in lines:
                ANY_DIGIT.search(line)

    def stop_share_split() -> None:
        for lines in documents:
            for line in lines:
                words = line.lower().split()
                sum(map(stop.__contains__, words))

    def stop_share_words() -> None:
        for lines in documents:
            for line in lines:
                words = LETTER_WORD.findall(line.lower())
                sum(map(stop.__contains__, words))

    def stop_share_fastest() -> None:
        for lines in documents:
            for line in lines:
                words = letter_words(line.lower())
                sum(map(stop.__contains__, words))

    def c4_line_rules() -> None:
        kept = []
        for lines in documents:
            for line in lines:
                lower = line.lower()
                if (
                    line.endswith(C4_ENDINGS)
                    and len(line.split()) >= C4_MIN_WORDS
                    and "javascript" not in lower
                    and "lorem ipsum" not in lower
                    and "{" not in line
                ):
                    kept.append(line)

    def boilercut() -> None:
        for text in texts:
            pipeline.clean(Source(text))

    model = pipeline.model
    views = [view for view in (pipeline.classifier_view(Source(text)) for text in texts) if len(view)]
    columns = [first_columns(view, model)[0] for view in views]
    firsts = [matrix(cols, FIRST_FEATURES) for cols in columns]
    seconds = [
        second_matrix(table, second_stage(cols, model.first.probability(table), token_counts(view.lines)))
        for table, cols, view in zip(firsts, columns, views, strict=True)
    ]

    def forests() -> None:
        for first, second in zip(firsts, seconds, strict=True):
            model.first.raw(first)
            model.second.raw(second)

    loops = {
        "a loop over the lines, nothing done": loop_only,
        "one regex search a line": one_regex,
        "stopword share, words split at spaces": stop_share_split,
        "stopword share, letter words (as jusText)": stop_share_words,
        "the same, ASCII lines split by bytes.translate": stop_share_fastest,
        "C4-style line rules (C4 scores F1 0.837 here)": c4_line_rules,
        "boilercut, all default stages": boilercut,
        "the model's two forests, one judgement": forests,
    }
    lines = sum(map(len, documents))
    print(f"{size:.2f} MB, {lines:,} non-empty lines; CPU time, best of {RUNS}; target {TARGET_MB_S:g} MB/s")
    for name, work in loops.items():
        rate = size / best_seconds(work)
        print(f"{name:45s} {rate:8.1f} MB/s  {TARGET_MB_S / rate:6.0%} of the {TARGET_MB_S:g} MB/s budget")


if __name__ == "__main__":
    main()
