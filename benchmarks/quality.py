#!/usr/bin/env python3
"""Quality benchmark: how well boilercut keeps the article and drops the rest.

Two public sets with scraped text, original HTML and gold main text (read from
../shared/bench, or --data): scrapinghub (181 pages, 126 sites) and wcxb (999
pages, 820 sites, with page types). The metric is the benchmark's own: word
4-gram shingles, per-page shares, precision and recall averaged over pages.

    python benchmarks/quality.py --cv      # the figures that count: site-held-out cross-validation
    python benchmarks/quality.py           # the shipped model (trained on these pages: in-sample)
    python benchmarks/quality.py --worst 20
    python benchmarks/quality.py --cv --foreign   # also as pages of a language the lexicon never learned

--cv trains a model on four fifths of the sites and cleans the pages of the
fifth with it, five times over (a site's pages are all in one fold): every page
is cleaned by a model that never saw its site. It needs the train extra and
takes about 25 minutes on two cores (folds train in parallel, --jobs; each worker holds about
7 GB, the first process 3.5 GB more: with less memory, fewer jobs). Site files are not used (none
exists for a benchmark domain: a rule written for these pages would measure
nothing). The last line sums it up for scripts:
`cv scrapinghub=F wcxb=F wcxb-article=F html-scrapinghub=F html-wcxb=F`.

--foreign cleans each held-out page a second time with its words disguised from
the lexicon (letters substituted: `boilercut.training.foreign`), the rest of the
page as it is: a measure, on English pages, of how the model judges pages in a
language its lexicon never learned (German, French, ... of which the benchmark
has almost none). It prints that table too and a `cv-foreign ...` line.

wcxb's pages also give snippets: sentences the output must hold and furniture it
must not (`boilercut.training.snippets`). Their figures follow the table, next
to those of the unchanged text and trafilatura (`benchmarks/baselines.py`), and
in a `cv-snippets ...` line before the last.

After the cross-validation, each fold model cleans pages unlike the training pages,
made of its held-out pages (`boilercut.training.stress`): long articles of their gold
paragraphs (300, 1,000 and 2,000: longer than nearly every training page; each drawn
three times, the lowest share counting; all should be kept), their heads of chrome
alone, as a scrape that lost the article leaves them (none should be), and their
openings as short articles (their first two and three paragraphs of prose: all should be kept),
alone and below the lines above them on their page, as a paywall leaves a page (the share
of the paragraphs' words kept).
The shares kept are printed, and a `cv-stress ...` line.

--save FOLDER keeps what a run made, for a closer look: each page's output
(outputs.jsonl.gz), the five fold models (fold-1.npz ...; `--model` takes one) and
the split (split.json). `benchmarks/compare.py BEFORE AFTER` compares two saved runs
page by page.

--cv --models RUN cleans every page again with the fold models and split an earlier
`--cv --save RUN` kept, with the code as it is now, and trains nothing (about four
minutes): a change after the model (a rule, the headline, the page's cut) measured
out of site, against RUN with `compare.py`. A change to the features or the
training needs a run of its own.

--cv --split RUN trains on the folds an earlier `--cv --save RUN` kept instead of
drawing them by the seed: with another `--seed`, the same sites are held out with
models trained otherwise, so that runs differ by their training alone.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from boilercut.classify.model import Model
from boilercut.pipeline import Pipeline
from boilercut.training.evaluate import (
    BENCH_CONFIG,
    ceiling,
    clean_page,
    cross_validated,
    load_split,
    refolded,
    scored,
    snippet_scored,
)
from boilercut.training.fit import Prepared, Settings
from boilercut.training.foreign import lexicon_blind
from boilercut.training.metric import Score
from boilercut.training.pages import Page, load_pages
from boilercut.training.snippets import SnippetScore
from boilercut.training.stress import (
    DRAWS,
    PARAGRAPHS,
    article_share,
    chrome_pages,
    cut_short_pages,
    kept_share,
    long_page,
    paragraphs_of,
    short_pages,
)

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench"
SETS = ("scrapinghub", "wcxb")
TYPES = ("article", "forum", "product", "documentation", "listing", "collection", "service")

# Figures measured by others on these pages (2026-12-02, F1), for comparison:
# raw text, jusText on the text, boilercut 0.1's hand-tuned classifier (not
# cross-validated: it was tuned on scrapinghub), trafilatura 2.3.1 given the HTML.
BASELINES: dict[str, dict[str, float]] = {
    "scrapinghub": {"raw": 0.665, "jusText": 0.795, "boilercut 0.1": 0.922, "trafilatura (HTML)": 0.960},
    "wcxb": {"raw": 0.703, "jusText": 0.690, "boilercut 0.1": 0.746, "trafilatura (HTML)": 0.776},
    "wcxb-article": {"raw": 0.813, "jusText": 0.837, "boilercut 0.1": 0.920, "trafilatura (HTML)": 0.935},
    "html-scrapinghub": {"boilercut 0.1": 0.966, "trafilatura (HTML)": 0.960},
    "html-wcxb": {"boilercut 0.1": 0.739, "trafilatura (HTML)": 0.776},
    "html-wcxb-article": {"boilercut 0.1": 0.928, "trafilatura (HTML)": 0.935},
}
# Snippet figures (`boilercut.training.snippets`: `with` snippets found, `without` ones
# left out) of the unchanged text and of trafilatura 2.3.1 given the HTML, on the pages
# that give snippets: `python benchmarks/baselines.py` (2026-12-04).
SNIPPET_BASELINES: dict[str, dict[str, float]] = {
    "wcxb": {"raw": 0.621, "trafilatura (HTML)": 0.792},
    "wcxb-article": {"raw": 0.612, "trafilatura (HTML)": 0.917},
    "html-wcxb": {"trafilatura (HTML)": 0.792},
    "html-wcxb-article": {"trafilatura (HTML)": 0.917},
}
# The targets of issue 9 (cross-validated).
TARGETS = {
    "scrapinghub": 0.95,
    "wcxb": 0.82,
    "wcxb-article": 0.945,
    "html-scrapinghub": 0.960 + 0.01,
    "html-wcxb": 0.776 + 0.01,
}
LONG_TARGET = 0.99  # every line of a long article is article text
CHROME_TARGET = 0.05  # no line of a page's chrome is
SHORT_TARGET = 0.95  # a brief is kept as an article is


def cases_files(data: Path) -> list[Path]:
    """The cases file of each set (gzipped or not), in SETS order."""
    found = []
    for name in SETS:
        plain = data / name / "cases.jsonl"
        found.append(plain if plain.is_file() else data / name / "cases.jsonl.gz")
    return found


def set_of(page: Page) -> str:
    return Path(page.source).parent.name


def groups(pages: Sequence[Page]) -> dict[str, Callable[[int], bool]]:
    """Name -> which labeled pages it scores: each set and wcxb page type read from text,
    then each set read from its HTML."""

    def pick(name: str, html: bool, kind: str | None = None) -> Callable[[int], bool]:
        def keep(i: int) -> bool:
            page = pages[i]
            return (page.html_file is not None) == html and set_of(page) == name and kind in (None, page.kind)

        return keep

    found = {name: pick(name, html=False) for name in SETS}
    found |= {f"wcxb-{kind}": pick("wcxb", html=False, kind=kind) for kind in TYPES}
    found |= {f"html-{name}": pick(name, html=True) for name in SETS}
    return found | {"html-wcxb-article": pick("wcxb", html=True, kind="article")}


def row(name: str, score: Score, ceiling_f1: float | None = None) -> str:
    target = TARGETS.get(name)
    verdict = "" if target is None else f"  target >= {target:.3f} {'met' if score.f1 >= target else 'NOT MET'}"
    base = "  ".join(f"{k} {v:.3f}" for k, v in BASELINES.get(name, {}).items())
    limit = f"  ceiling {ceiling_f1:.3f}" if ceiling_f1 is not None else ""
    figures = f"F1 {score.f1:.4f}  P {score.precision:.4f}  R {score.recall:.4f}  ({score.pages} pages)"
    return f"{name:<22} {figures}{limit}{verdict}\n{'':<24}{base}"


def table(prepared: Prepared, outputs: list[str], with_ceiling: bool = True) -> dict[str, Score]:
    """Print and return the figures of each group of pages."""
    labeled = prepared.pages[: prepared.originals]
    golds = [page.gold for page in labeled]
    figures = {}
    for name, keep in groups(labeled).items():
        if not any(keep(i) for i in range(len(labeled))):
            continue
        figures[name] = scored(golds, outputs, keep)
        print(row(name, figures[name], ceiling(prepared, keep).f1 if with_ceiling else None))
    return figures


def snippet_table(prepared: Prepared, outputs: list[str]) -> dict[str, SnippetScore]:
    """Print and return the snippet figures of each group of pages that gives snippets."""
    labeled = prepared.pages[: prepared.originals]
    figures = {}
    for name, keep in groups(labeled).items():
        if not any(keep(i) and (page.must or page.must_not) for i, page in enumerate(labeled)):
            continue
        found = figures[name] = snippet_scored(labeled, outputs, keep)
        base = "  ".join(f"{k} {v:.3f}" for k, v in SNIPPET_BASELINES.get(name, {}).items())
        line = f"F1 {found.f1:.4f}  P {found.precision:.4f}  R {found.recall:.4f}  ({found.snippets} snippets)"
        print(f"{name:<22} {line}\n{'':<24}{base}")
    return figures


def summary_of(figures: dict[str, Score]) -> str:
    keys = ("scrapinghub", "wcxb", "wcxb-article", "html-scrapinghub", "html-wcxb")
    return " ".join(f"{key}={figures[key].f1:.4f}" for key in keys if key in figures)


def snippet_summary_of(figures: dict[str, SnippetScore]) -> str:
    return " ".join(f"{key}={found.f1:.4f}" for key, found in figures.items() if key in ("wcxb", "html-wcxb"))


def save(folder: Path, pages: Sequence[Page], outputs: dict[str, list[str]]) -> None:
    """Each labeled page's outputs, as JSON lines in ``folder``/outputs.jsonl.gz (made at start-up)."""
    with gzip.open(folder / "outputs.jsonl.gz", "wt", encoding="utf-8") as handle:
        for i, page in enumerate(pages):
            record = {"id": page.id, "set": set_of(page), "html": page.html_file is not None}
            handle.write(json.dumps(record | {name: values[i] for name, values in outputs.items()}) + "\n")


def clean_blind(pipeline: Pipeline, page: Page) -> str:
    """`clean_page` with the page's words disguised from the lexicon (`training.foreign`)."""
    with lexicon_blind():
        return clean_page(pipeline, page)


def stress_table(prepared: Prepared, settings: Settings, models: Path) -> dict[str, float]:
    """Each fold model on pages of shapes the training sets hardly hold, made of its held-out
    pages: long articles (the share kept, by length: the lowest of the five models, each
    model's the lowest of DRAWS draws of paragraphs) and their
    heads of chrome alone and their openings as short articles, alone and cut short (the share
    kept, over all such pages; and how many short articles lost more than half their words)."""
    print("pages of held-out sites unlike the training pages: share of their words kept by each fold's model")
    kept: dict[str, list[float]] = {f"long{count}": [] for count in PARAGRAPHS}
    chrome: list[list[float]] = []
    short: list[list[float]] = []
    cut: list[list[float]] = []
    for number, held in enumerate(load_split(models, prepared), start=1):
        pipeline = Pipeline(BENCH_CONFIG, model=Model.load(models / f"fold-{number}.npz"))
        pages = [prepared.pages[i] for i in held]
        paragraphs = paragraphs_of(pages)
        for count in PARAGRAPHS:
            drawn = [long_page(paragraphs, count, settings.seed + draw) for draw in range(DRAWS)]
            lowest = min((kept_share(pipeline, page) for page in drawn if page is not None), default=None)
            if lowest is not None:
                kept[f"long{count}"].append(lowest)
        chrome.append([kept_share(pipeline, page) for page in chrome_pages(pages)])
        short.append([kept_share(pipeline, page) for page in short_pages(pages)])
        cut.append([article_share(pipeline, page, article) for page, article in cut_short_pages(pages)])
    for count in PARAGRAPHS:
        shares = "  ".join(f"{share:.3f}" for share in kept[f"long{count}"])
        print(f"  long article, {count:4d} paragraphs   {shares}   target >= {LONG_TARGET}")
    print(
        f"  chrome alone ({sum(map(len, chrome))} pages)    "
        + "  ".join(f"{sum(shares) / max(len(shares), 1):.3f}" for shares in chrome)
        + f"   target <= {CHROME_TARGET}"
    )
    briefs = [share for shares in short for share in shares]
    openings = [share for shares in cut for share in shares]
    for name, shares, every in (("short articles", short, briefs), ("pages cut short", cut, openings)):
        print(
            f"  {name} ({len(every)} pages)  "
            + "  ".join(f"{sum(part) / max(len(part), 1):.3f}" for part in shares)
            + f"   target >= {SHORT_TARGET}; {sum(share < 0.5 for share in every)} lost more than half their words"
        )
    figures = {name: min(shares) for name, shares in kept.items() if shares}
    every = [share for shares in chrome for share in shares]
    figures["chrome"] = sum(every) / max(len(every), 1)
    figures["short"] = sum(briefs) / max(len(briefs), 1)
    figures["cut"] = sum(openings) / max(len(openings), 1)
    return figures


def given_split(run: Path, prepared: Prepared) -> list[list[int]]:
    """The folds of an earlier run, of the pages loaded now (with --no-html, its pages read
    from HTML are left out); every page loaded now must be in one of them."""
    split = load_split(run, prepared, loaded_only=True)
    missing = prepared.originals - sum(map(len, split))
    if missing:
        sys.exit(f"{run}: {missing} of the pages loaded now are in none of its folds (another data folder?)")
    return split


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding scrapinghub/ and wcxb/")
    parser.add_argument("--cv", action="store_true", help="site-held-out cross-validation (trains five models)")
    parser.add_argument("--no-html", action="store_true", help="leave out the pages read from their HTML")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--jobs", "-j", type=int, default=os.cpu_count() or 1, help="folds trained at once (default: one per core)"
    )
    parser.add_argument(
        "--foreign",
        action="store_true",
        help="with --cv: also clean each held-out page with its words disguised from the lexicon",
    )
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages of each set")
    parser.add_argument(
        "--models",
        type=Path,
        help="with --cv: the fold models and split of an earlier --cv --save run, used again (no training)",
    )
    parser.add_argument(
        "--split",
        type=Path,
        metavar="RUN",
        help="with --cv: train on the folds of an earlier --cv --save run (its split.json)",
    )
    parser.add_argument(
        "--save",
        type=Path,
        metavar="FOLDER",
        help="keep each page's output (outputs.jsonl.gz) and, with --cv, the fold models here",
    )
    args = parser.parse_args()
    if args.foreign and not args.cv:
        parser.error("--foreign needs --cv")
    if args.models and not args.cv:
        parser.error("--models needs --cv")
    if args.split and (args.models or not args.cv):
        parser.error("--split needs --cv, and trains: not with --models")
    for run in filter(None, (args.models, args.split)):
        if not (run / "split.json").is_file():
            parser.error(f"{run}: no split.json (saved by `--cv --save` since 2026-12-06)")
    if not (args.data / "scrapinghub").is_dir():
        print(f"{args.data}: no benchmark sets here; pass --data FOLDER", file=sys.stderr)
        return 2
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    pages = load_pages(cases_files(args.data), html=not args.no_html)
    prepared = Prepared.of(pages)
    labeled = prepared.pages[: prepared.originals]
    golds = [page.gold for page in labeled]
    foreign: list[str] | None = None
    stress_figures: dict[str, float] = {}
    if args.cv:
        scratch = tempfile.TemporaryDirectory(prefix="boilercut-cv-")  # removed when the run ends
        models = args.models or args.save or Path(scratch.name)
        cleaners = (clean_page, clean_blind) if args.foreign else (clean_page,)
        if args.models:
            outputs, *rest = refolded(prepared, args.models, cleaners=cleaners)
        else:
            outputs, *rest = cross_validated(
                prepared,
                Settings(seed=args.seed),
                progress=lambda n, k: print(f"{n} of {k} folds done", file=sys.stderr),
                jobs=args.jobs,
                cleaners=cleaners,
                models=models,
                split=given_split(args.split, prepared) if args.split else None,
            )
        foreign = rest[0] if rest else None
        stress_figures = stress_table(prepared, Settings(seed=args.seed), models)
        label = "cross-validated: each page cleaned by a model that never saw its site" + (
            f" (the fold models of {args.models}, not retrained)" if args.models else ""
        )
    else:
        pipeline = Pipeline(BENCH_CONFIG)
        outputs = [clean_page(pipeline, page) for page in labeled]
        label = "the shipped model, trained on these very pages: in-sample, NOT a measure of new sites"
    texts = sum(page.html_file is None for page in labeled)
    print(f"{texts} pages read from text, {len(labeled) - texts} from HTML; {label}")
    figures = table(prepared, outputs)
    print("snippets: `with` snippets found, `without` ones left out (summed over the pages)")
    snippet_figures = snippet_table(prepared, outputs)
    foreign_figures = {}
    if foreign is not None:
        print("the same, each page's words disguised from the lexicon (a language it never learned):")
        foreign_figures = table(prepared, foreign, with_ceiling=False)
    if args.save:
        save(args.save, labeled, {"output": outputs} | ({"foreign": foreign} if foreign is not None else {}))
    if args.worst:
        for name in SETS:
            print(f"worst {args.worst} pages of {name} (F1 of the page)")
            ranked = sorted(
                (scored(golds, outputs, lambda j, i=i: j == i).f1, i)
                for i in range(len(labeled))
                if groups(labeled)[name](i)
            )
            for f1, i in ranked[: args.worst]:
                print(f"  {f1:.3f} {labeled[i].id[:16]} {labeled[i].site}")
    print(f"{time.perf_counter() - started:.0f} s")
    if foreign_figures:
        print("cv-foreign " + summary_of(foreign_figures))
    if stress_figures:
        print("cv-stress " + " ".join(f"{name}={share:.4f}" for name, share in stress_figures.items()))
    print(("cv-snippets " if args.cv else "in-sample-snippets ") + snippet_summary_of(snippet_figures))
    print(("cv " if args.cv else "in-sample ") + summary_of(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
