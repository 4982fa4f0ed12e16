#!/usr/bin/env python3
"""Two saved runs of quality.py compared page by page, each difference with its bootstrap interval.

    python benchmarks/quality.py --cv --save runs/before    # on the code before a change
    python benchmarks/quality.py --cv --save runs/after     # on the code after it
    python benchmarks/compare.py runs/before runs/after

    # several seeds a side (quality.py --cv --seed N --save ...): their mean, and
    # an interval that also draws the seeds
    python benchmarks/compare.py --before runs/before-0 runs/before-1 --after runs/after-0 runs/after-1

    # the outputs of pages in disguise (runs of quality.py --cv --foreign)
    python benchmarks/compare.py --field foreign runs/before runs/after

For each set (and wcxb's articles, and each set read from its HTML) it prints
F1 before and after, the difference with its 95% interval (pages drawn with
replacement, the same draw for both runs: `boilercut.training.paired`), and how
many pages rose or fell. Retraining alone moves a set by a few thousandths, and
another seed by up to 0.0045: a difference whose interval holds zero is marked
as noise, and with one run a side the interval knows nothing of the seed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from quality import DEFAULT_DATA, cases_files

from boilercut.training.metric import Shares
from boilercut.training.pages import read_cases
from boilercut.training.paired import paired_runs


def outputs(run: Path, field: str = "output") -> dict[tuple[str, bool], tuple[str, str]]:
    """(page id, read from HTML) -> (set, output) of a run saved by `quality.py --save` (``field``:
    "output", or "foreign" for the pages in disguise of a `--foreign` run)."""
    found = {}
    with gzip.open(run / "outputs.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if field not in record:
                raise SystemExit(f"{run}: no {field!r} outputs saved (`--field foreign`: runs of `--cv --foreign`)")
            found[(record["id"].removesuffix("#html"), record["html"])] = (record["set"], record[field])
    return found


def golds(data: Path) -> dict[str, tuple[str, str]]:
    """Page id -> (gold text, page type) of every case of the sets."""
    found = {}
    for path in cases_files(data):
        for number, record in enumerate(read_cases(path), start=1):
            found[str(record.get("id", f"{path.name}:{number}"))] = (str(record["gold"]), str(record.get("type", "")))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("runs", type=Path, nargs="*", help="BEFORE AFTER: two folders `quality.py --save` wrote")
    parser.add_argument("--before", type=Path, nargs="+", default=[], help="runs of the code before (seeds)")
    parser.add_argument("--after", type=Path, nargs="+", default=[], help="runs of the code after")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding scrapinghub/ and wcxb/")
    parser.add_argument(
        "--field", choices=("output", "foreign"), default="output", help="which outputs: as written, or in disguise"
    )
    args = parser.parse_args()
    if args.runs and (len(args.runs) != 2 or args.before or args.after):
        parser.error("give BEFORE AFTER, or --before RUN... --after RUN...")
    before_runs, after_runs = (args.runs[:1], args.runs[1:]) if args.runs else (args.before, args.after)
    if not before_runs or not after_runs:
        parser.error("give BEFORE AFTER, or --before RUN... --after RUN...")
    before = [outputs(run, args.field) for run in before_runs]
    after = [outputs(run, args.field) for run in after_runs]
    if any(run.keys() != before[0].keys() for run in before + after):
        print("the runs cleaned different pages: compare runs over the same sets", file=sys.stderr)
        return 2
    gold = golds(args.data)
    groups: dict[str, list[tuple[list[Shares], list[Shares]]]] = {}
    for (page, html), (name, _) in sorted(before[0].items()):
        text, kind = gold[page]
        pair = (
            [Shares.of(text, run[(page, html)][1]) for run in before],
            [Shares.of(text, run[(page, html)][1]) for run in after],
        )
        prefix = "html-" if html else ""
        groups.setdefault(prefix + name, []).append(pair)
        if kind == "article":
            groups.setdefault(f"{prefix}{name}-article", []).append(pair)
    print(f"{'set':22s} {'before':>7s} {'after':>7s} {'change':>8s}   95% interval        pages up / down")
    for name in sorted(groups, key=lambda key: (key.startswith("html-"), key)):
        pairs = groups[name]
        found = paired_runs(
            [[b[run] for b, _ in pairs] for run in range(len(before))],
            [[a[run] for _, a in pairs] for run in range(len(after))],
        )
        verdict = "" if found.clear else "   noise"
        print(
            f"{name:22s} {found.before:7.4f} {found.after:7.4f} {found.delta:+8.4f}   "
            f"[{found.low:+.4f}, {found.high:+.4f}]   {found.better} / {found.worse} of {found.pages}{verdict}"
        )
        for side, f1s in (("before", found.before_runs), ("after", found.after_runs)):
            if f1s:
                print(f"{'':22s} {side} by seed: {' '.join(f'{f1:.4f}' for f1 in f1s)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
