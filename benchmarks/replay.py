#!/usr/bin/env python3
"""What a decision after the model could score: a cross-validation run's held-out probabilities, replayed.

    python benchmarks/replay.py runs/base                      # the text pages: about a minute
    python benchmarks/replay.py runs/base --html               # and the pages read from their HTML
    python benchmarks/replay.py runs/base --save replay.pickle # the judged pages (`replay.Judged`), for loops of
                                                               # your own (unpickled with benchmarks/ on the path)

Each saved page also holds its fold, site and type, its first-stage feature
table and the first forest's probabilities: a learner tried after the forests
(a sequence model over the lines, a stack) is trained on the held-out pages of
four folds and applied to the fifth, with no ad hoc dump of its own.

RUN is a folder `quality.py --cv --save` wrote: its five fold models and its
split. Each page is judged once by the fold model that never saw its site, as
a cleaning judges it first (after the rules; without the settling judgement
and the rules' second pass), and each line keeps its probability, its
paragraph's (`classifier.paragraph_verdicts`), whether the page's cut keeps it
and its label from the gold. Printed, as F1 of each set:

- the model's decision, replayed: near the run's own figures (the settling
  judgement moves scrapinghub by a few thousandths);
- the ceiling: exactly the lines the gold labels keep;
- three oracles, which say where there is room and where there is none: each
  run of lines the model keeps dropped when most of its words are not in the
  gold; each run it drops kept when most of them are; each page cut at the
  best of its own cut and CUTS.

A decision made after the model (the page's cut, a smoothing, a choice over
runs of lines) is tried on the saved pages in seconds; what it gains there is
then measured for real with `quality.py --cv --models RUN`, which cleans every
page again.
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from quality import DEFAULT_DATA, cases_files, set_of  # beside this script

from boilercut.classify import decision
from boilercut.classify.classifier import paragraph_verdicts, probabilities
from boilercut.classify.features import token_counts
from boilercut.classify.model import Model
from boilercut.training.evaluate import load_split
from boilercut.training.fit import Prepared
from boilercut.training.metric import Score, Shares, score
from boilercut.training.pages import load_pages

PARAGRAPH_COLUMNS = ("terminal", "words", "chars")  # what `paragraph_verdicts` reads of the columns
CUTS = (0.5, 0.6, 0.7, 0.8)  # the page cuts the page-cut oracle may choose from, besides the page's own
MOST = 0.5  # a run of lines is the article's when at least this share of its words is


@dataclass(frozen=True, slots=True)
class Judged:
    """One held-out page as its fold model judged it."""

    id: str
    group: str  # scrapinghub, wcxb, wcxb-article; html-... when read from its HTML
    fold: int  # the run's fold that held out the page's site (1 to 5)
    site: str
    kind: str  # the page's type ("" where the set gives none)
    lines: tuple[str, ...]
    gold: str
    label: np.ndarray  # bool: the gold keeps the line
    probability: np.ndarray
    paragraph: np.ndarray  # the probability the page's cut reads (`paragraph_verdicts`)
    keep: np.ndarray  # bool: the page's cut keeps the line
    cut: float
    words: np.ndarray  # the metric's words of each line
    features: np.ndarray  # float32, lines x FIRST_FEATURES: the first stage's table
    first: np.ndarray  # the first forest's probability of each line
    columns: dict[str, np.ndarray]  # the columns `paragraph_verdicts` reads, to decide again from other probabilities

    def output(self, keep: np.ndarray) -> str:
        return "\n".join(text for text, kept in zip(self.lines, keep.tolist(), strict=True) if kept)


def judged(run: Path, data: Path, html: bool) -> list[Judged]:
    """Every labeled page of ``data``, judged by the fold model of ``run`` that held out its site."""
    pages = load_pages(cases_files(data), html=html)
    out = []
    split = load_split(run, Prepared(pages, originals=len(pages)), loaded_only=True)
    for number, fold in enumerate(split, start=1):
        model = Model.load(run / f"fold-{number}.npz")
        for i in fold:
            page = pages[i]
            if not len(page.view):
                continue
            p, cols, tables = probabilities(page.view, model)
            words = token_counts(page.lines)
            q = paragraph_verdicts(page.lines, cols, p)
            keep, cut = decision.kept(q, words, model.threshold)
            group = set_of(page) + ("-article" if page.kind == "article" else "")
            prefix = "html-" if page.html_file is not None else ""
            out.append(
                Judged(
                    id=page.id,
                    group=prefix + group,
                    fold=number,
                    site=page.site,
                    kind=page.kind,
                    lines=page.lines,
                    gold=page.gold,
                    label=page.keep,
                    probability=p,
                    paragraph=q,
                    keep=keep,
                    cut=cut,
                    words=words,
                    features=tables.first.astype(np.float32),
                    first=model.first.probability(tables.first),  # `probabilities` keeps only the second's
                    columns={name: cols[name] for name in PARAGRAPH_COLUMNS},
                )
            )
    return out


Decide = Callable[[Judged], np.ndarray]


def figures(pages: Sequence[Judged], decide: Decide) -> dict[str, Score]:
    """Each set's figures when every page keeps the lines ``decide`` gives it."""
    shares: dict[str, list[Shares]] = {}
    for page in pages:
        found = Shares.of(page.gold, page.output(decide(page)))
        names = [page.group] + ([page.group.removesuffix("-article")] if page.group.endswith("-article") else [])
        for name in names:
            shares.setdefault(name, []).append(found)
    return {name: score(found) for name, found in shares.items()}


def runs(keep: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of each run of lines of equal ``keep``."""
    edges = np.flatnonzero(np.diff(keep.astype(np.int8))) + 1
    bounds = [0, *edges.tolist(), len(keep)]
    return list(itertools.pairwise(bounds))


def article_share(page: Judged, start: int, end: int) -> float:
    """The share of a run's words (each line counting one more) that the gold keeps."""
    weight = page.words[start:end] + 1.0
    return float((weight * page.label[start:end]).sum() / weight.sum())


def runs_dropped(page: Judged) -> np.ndarray:
    """Oracle: each run of kept lines dropped when most of its words are not the article's."""
    keep = page.keep.copy()
    for start, end in runs(keep):
        if keep[start] and article_share(page, start, end) < MOST:
            keep[start:end] = False
    return keep


def runs_restored(page: Judged) -> np.ndarray:
    """Oracle: each run of dropped lines kept when most of its words are the article's."""
    keep = page.keep.copy()
    for start, end in runs(keep):
        if not keep[start] and article_share(page, start, end) >= MOST:
            keep[start:end] = True
    return keep


def best_cut(page: Judged) -> np.ndarray:
    """Oracle: the page cut where its own F1 is highest, of its own cut and CUTS."""
    choices = [page.keep, *(page.paragraph > cut for cut in CUTS)]

    def f1(keep: np.ndarray) -> float:
        found = Shares.of(page.gold, page.output(keep))
        return 2 * found.tp / (2 * found.tp + found.fp + found.fn) if found.tp else 0.0

    return max(choices, key=f1)  # the first of equals: the page's own cut before the others


DECISIONS: dict[str, Decide] = {
    "the model's decision, replayed": lambda page: page.keep,
    "ceiling: the lines the gold keeps": lambda page: page.label,
    "oracle: furniture runs dropped": runs_dropped,
    "oracle: article runs restored": runs_restored,
    "oracle: each page's best cut": best_cut,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("run", type=Path, help="a folder `quality.py --cv --save` wrote")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding scrapinghub/ and wcxb/")
    parser.add_argument("--html", action="store_true", help="the pages read from their HTML too (a few minutes more)")
    parser.add_argument("--save", type=Path, help="pickle the judged pages here (a list of `Judged`)")
    args = parser.parse_args()
    if not (args.run / "split.json").is_file() or not (args.run / "fold-1.npz").is_file():
        parser.error(f"{args.run}: no fold models and split (written by `quality.py --cv --save`)")
    # Built by this file imported as `replay`, so that a pickle of them names `replay.Judged`
    # (which a loop of your own finds with benchmarks/ on the path), not `__main__.Judged`.
    import replay

    pages = replay.judged(args.run, args.data, args.html)
    if args.save:
        args.save.write_bytes(pickle.dumps(pages))
    names = sorted({name for page in pages for name in (page.group, page.group.removesuffix("-article"))})
    print(f"{len(pages)} held-out pages of {args.run}, F1 of each set:")
    print(f"{'':<36}" + "".join(f"{name:>20}" for name in names))
    for label, decide in DECISIONS.items():
        found = figures(pages, decide)
        print(f"{label:<36}" + "".join(f"{found[name].f1:>20.4f}" for name in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
