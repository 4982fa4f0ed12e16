#!/usr/bin/env python3
"""The figures boilercut is compared with: the unchanged text, and trafilatura given the HTML.

For each set of ../shared/bench (or --data) and, on wcxb, each page type: the
shingle F1 (the benchmark's metric) and, where pages give snippets, the snippet
F1 (`boilercut.training.snippets`) of

- the scraped text, unchanged (what a cleaner starts from), and
- trafilatura's main text of the page's HTML (`trafilatura.extract` without
  comments, as the gold is: the figures of ../shared/bench/README.md).

`benchmarks/quality.py` prints these next to boilercut's own figures.

    python benchmarks/baselines.py        # a few minutes on two cores (trafilatura on 1,180 pages)
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
from collections.abc import Sequence
from multiprocessing import Pool
from pathlib import Path

from quality import DEFAULT_DATA, cases_files, groups  # beside this script

from boilercut.training.evaluate import scored, snippet_scored
from boilercut.training.pages import Page, html_file, load_pages


def extract(path: Path | None) -> str:
    """trafilatura's main text of one HTML file ("" when it finds none)."""
    import trafilatura

    if path is None:
        return ""
    data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
    return trafilatura.extract(data, include_comments=False) or ""


def report(pages: Sequence[Page], name: str, outputs: Sequence[str]) -> None:
    print(name)
    for group, keep in groups(pages).items():
        if not any(keep(i) for i in range(len(pages))):
            continue
        shingles = scored([page.gold for page in pages], outputs, keep)
        line = f"  {group:<22} F1 {shingles.f1:.4f}  P {shingles.precision:.4f}  R {shingles.recall:.4f}"
        if any(keep(i) and (page.must or page.must_not) for i, page in enumerate(pages)):
            found = snippet_scored(pages, outputs, keep)
            line += f"   snippets F1 {found.f1:.4f}  P {found.precision:.4f}  R {found.recall:.4f}"
        print(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding scrapinghub/ and wcxb/")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    pages = load_pages(cases_files(args.data), html=False)
    report(pages, "the scraped text, unchanged", [page.text for page in pages])
    with Pool(args.jobs) as pool:
        extracted = pool.map(extract, [html_file(page) for page in pages], chunksize=8)
    report(pages, "trafilatura, given the HTML", extracted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
