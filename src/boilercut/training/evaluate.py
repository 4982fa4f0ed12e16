"""Cross-validated outputs: each labeled page cleaned by the whole pipeline, under a model
that never saw its site, and scored with the benchmark's metric (and, where a page
gives snippets, with the snippet metric)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from ..classify.model import Model
from ..config import Config
from ..errors import DocumentError
from ..pipeline import Pipeline
from . import snippets
from .crossval import each_fold, fold_model, fold_split
from .fit import Prepared, Settings
from .metric import Score, Shares, score
from .pages import Page, source_of
from .snippets import SnippetScore

# As the benchmark runs a cleaner: shipped rules without site files, headline left out.
BENCH_CONFIG = Config(title=False, site_rules=False)


def cross_validated(
    prepared: Prepared,
    settings: Settings,
    config: Config = BENCH_CONFIG,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
    cleaners: Sequence[Callable[[Pipeline, Page], str]] = (),
    models: Path | None = None,
    split: Sequence[Sequence[int]] | None = None,
) -> list[list[str]]:
    """The output for each labeled page (read from its text or its HTML), each from a fold
    model; ``jobs`` folds train at once (the outputs are the same whatever ``jobs``).
    One list of outputs for each of ``cleaners`` (default: `clean_page` alone).
    ``models``: a folder to keep the fold models in (fold-1.npz ... fold-5.npz), and the
    split (`save_split`). ``split``: the pages of each fold (`load_split`; default: drawn
    by the settings' seed), so that runs of other seeds can hold out the same sites."""
    split = split or fold_split(prepared, settings)
    cleaners = cleaners or (clean_page,)
    if models is not None:
        save_split(models, prepared, split)

    def outputs_of(number: int) -> list[dict[int, str]]:
        held = split[number - 1]
        model = fold_model(prepared, settings, held, number)
        if models is not None:
            model.save(models / f"fold-{number}.npz")
        pipeline = Pipeline(config, model=model)
        return [{i: clean(pipeline, prepared.pages[i]) for i in held} for clean in cleaners]

    outputs = [[""] * prepared.originals for _ in cleaners]
    for done, parts in enumerate(each_fold(outputs_of, len(split), jobs), start=1):
        for out, part in zip(outputs, parts, strict=True):
            for i, output in part.items():
                out[i] = output
        if progress:
            progress(done, len(split))
    return outputs


SPLIT_FILE = "split.json"


def save_split(folder: Path, prepared: Prepared, split: Sequence[Sequence[int]]) -> None:
    """The pages of each fold, by id and input (text or HTML), beside the fold models: the
    split depends on the lines the rules leave, so a later code's split may differ."""
    pages = prepared.pages
    folds = [[[pages[i].id, pages[i].html_file is not None] for i in held] for held in split]
    (folder / SPLIT_FILE).write_text(json.dumps(folds), encoding="utf-8")


def load_split(folder: Path, prepared: Prepared, loaded_only: bool = False) -> list[list[int]]:
    """The split `save_split` wrote, as indexes of ``prepared``'s labeled pages (``loaded_only``:
    leaving out the pages ``prepared`` does not hold, as the pages read from HTML when only
    the text was loaded; otherwise such a page is an error)."""
    index = {(page.id, page.html_file is not None): i for i, page in enumerate(prepared.pages[: prepared.originals])}
    folds = json.loads((folder / SPLIT_FILE).read_text(encoding="utf-8"))
    return [[index[key] for key in map(tuple, held) if not loaded_only or key in index] for held in folds]


def refolded(
    prepared: Prepared,
    models: Path,
    config: Config = BENCH_CONFIG,
    cleaners: Sequence[Callable[[Pipeline, Page], str]] = (),
) -> list[list[str]]:
    """`cross_validated`'s outputs from the fold models and split an earlier run saved in
    ``models``, with the code as it is now: no training. For changes after the model (rules,
    the headline, the page's cut): every page is still cleaned by a model that never saw its site."""
    cleaners = cleaners or (clean_page,)
    outputs = [[""] * prepared.originals for _ in cleaners]
    for number, held in enumerate(load_split(models, prepared), start=1):
        pipeline = Pipeline(config, model=Model.load(models / f"fold-{number}.npz"))
        for out, clean in zip(outputs, cleaners, strict=True):
            for i in held:
                out[i] = clean(pipeline, prepared.pages[i])
    return outputs


def clean_page(pipeline: Pipeline, page: Page) -> str:
    """A labeled page's output; a page that cannot be read (an HTML page of no text) is empty."""
    try:
        return pipeline.clean(source_of(page))
    except DocumentError:
        return ""


def scored(golds: Sequence[str], outputs: Sequence[str], keep: Callable[[int], bool] = lambda i: True) -> Score:
    """The benchmark's figures over the pages for which ``keep(i)`` holds."""
    return score(Shares.of(golds[i], outputs[i]) for i in range(len(golds)) if keep(i))


def snippet_scored(
    pages: Sequence[Page], outputs: Sequence[str], keep: Callable[[int], bool] = lambda i: True
) -> SnippetScore:
    """The snippet figures (`snippets.py`) over the pages for which ``keep(i)`` holds."""
    return snippets.score(
        snippets.counts(outputs[i], page.must, page.must_not) for i, page in enumerate(pages) if keep(i)
    )


def ceiling(prepared: Prepared, keep: Callable[[int], bool] = lambda i: True) -> Score:
    """The figures of keeping exactly the lines the gold labels keep: the line cleaner's best."""
    pages = prepared.pages[: prepared.originals]
    return score(
        Shares.of(page.gold, "\n\n".join(line for line, kept in zip(page.lines, page.keep, strict=True) if kept))
        for i, page in enumerate(pages)
        if keep(i)
    )
