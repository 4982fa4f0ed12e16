#!/usr/bin/env python3
"""Quality benchmark: how well boilercut keeps the article and drops the rest.

Runs the library over the public "article extraction benchmark" (181 pages from
126 sites, scraped text with the article body as gold) and prints precision,
recall and F1 next to their targets, and the worst pages. The metric is the
benchmark's own: word 4-gram shingles, true/false positives and negatives per
page normalised to sum to one, precision and recall averaged over pages.

    python benchmarks/quality.py                       # plain text, shipped rules
    python benchmarks/quality.py --html                # the original HTML pages
    python benchmarks/quality.py --worst 20 --no-generic

Only the default rules apply (no site file exists for any benchmark domain):
a figure measured with rules written for these pages would measure nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from boilercut.config import Config
from boilercut.pipeline import Pipeline, Source
from boilercut.run.read import document_source as read_source

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench" / "scrapinghub"
TARGETS = {"f1": 0.92, "precision": None, "recall": 0.93}
WORD = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = WORD.findall(text)
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)))


def shares(gold: str, output: str) -> tuple[float, float, float]:
    """True positives, false positives and false negatives of one page, summing to one."""
    expected, got = shingles(gold), shingles(output)
    tp = sum((expected & got).values())
    fp = sum((got - expected).values())
    fn = sum((expected - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def averages(pages: list[tuple[float, float, float]]) -> dict[str, float]:
    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (tp / (tp + fp) if tp + fp else 0.0)

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (tp / (tp + fn) if tp + fn else 0.0)

    p = statistics.mean([precision(*page) for page in pages if page[0] + page[1] > 0] or [0.0])
    r = statistics.mean([recall(*page) for page in pages if page[0] + page[2] > 0] or [0.0])
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with cases.jsonl (and html/)")
    parser.add_argument("--html", action="store_true", help="clean the original HTML instead of the text")
    parser.add_argument("--worst", type=int, default=10, help="list the N worst pages")
    parser.add_argument("--no-generic", action="store_true", help="rules only, no generic classifier")
    args = parser.parse_args()
    cases_file = args.data / "cases.jsonl"
    if not cases_file.is_file():
        print(f"{cases_file}: not found; pass --data FOLDER holding the benchmark's cases.jsonl", file=sys.stderr)
        return 2

    pipeline = Pipeline(Config(title=False, site_rules=False, generic=not args.no_generic))
    cases = [json.loads(line) for line in cases_file.open(encoding="utf-8")]
    started = time.perf_counter()
    results = {}
    for case in cases:
        if args.html:
            raw = gzip.decompress((args.data / "html" / f"{case['id']}.html.gz").read_bytes())
            source = read_source(raw, name=case["id"], path=Path(f"{case['id']}.html"), url=case["url"])
        else:
            source = Source(case["text"], name=case["id"], url=case["url"])
        results[case["id"]] = shares(case["gold"], pipeline.clean(source))
    seconds = time.perf_counter() - started

    figures = averages(list(results.values()))
    print(f"{len(cases)} pages ({'HTML' if args.html else 'plain text'}), {seconds:.1f} s")
    targets = {"f1": 0.965, "precision": None, "recall": None} if args.html else TARGETS
    for name, value in figures.items():
        target = targets[name]
        verdict = "" if target is None else f"  target >= {target:.3f}  {'met' if value >= target else 'NOT MET'}"
        print(f"{name:>10}: {value:.4f}{verdict}")
    sites = {case["id"]: case["site"] for case in cases}
    print(f"\nworst {args.worst} pages (shares of all shingles: tp fp fn)")
    for page, (tp, fp, fn) in sorted(results.items(), key=lambda item: item[1][0])[: args.worst]:
        print(f"  {page[:16]} {sites[page]:<32} tp={tp:.2f} fp={fp:.2f} fn={fn:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
