"""Training the classifier from labeled pages: gold labels, stacked learners, cross-validation.

Needs the `train` extra (scikit-learn, LightGBM); the classifier itself runs on numpy alone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from ..classify.model import Model
from ..errors import UsageError
from ..version import __version__
from .fit import Prepared, Settings, fit
from .pages import Page, load_pages

__all__ = ["Page", "Prepared", "Settings", "load_pages", "require_extra", "train"]


def require_extra() -> None:
    """Stop with a clear message when the training libraries are missing."""
    try:
        import lightgbm  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError as error:
        raise UsageError(
            f"training needs the train extra ({error.name} is missing): pip install 'boilercut[train]'"
        ) from None


def train(
    paths: list[Path], settings: Settings, progress: Callable[[str], None] = lambda message: None, html: bool = True
) -> Model:
    """A model trained on every page of the cases files at ``paths`` (and, if ``html``, on
    the pages whose HTML lies beside them, read from it: see `pages`)."""
    require_extra()
    pages = load_pages(paths, html=html)
    if not any(page.keep.any() for page in pages):
        raise UsageError("no page has a line of its gold text: nothing to learn from")
    sites = len({page.site for page in pages})
    if sites < settings.inner_folds:
        raise UsageError(
            f"pages of {sites} site(s): training holds sites out, {settings.inner_folds} at least are needed "
            "(give each case a 'url' or 'site')"
        )
    read_html = sum(page.html_file is not None for page in pages)
    lines = sum(len(page.lines) for page in pages)
    progress(f"{len(pages)} pages of {sites} sites ({read_html} read from their HTML), {lines} lines")
    prepared = Prepared.of(pages)
    info = {
        "boilercut": __version__,
        "trained_on": [{"file": path.name, "sha256": _digest(path)} for path in paths],
        "pages": len(pages),
        "sites": sites,
        "settings": {name: getattr(settings, name) for name in settings.__dataclass_fields__},
        "libraries": library_versions(),
    }
    model = fit(prepared, range(len(pages)), settings, info)
    return with_check(model, pages)


# The libraries a model's numbers come from: another version of one can learn other trees from
# the same pages (the version ranges allow several), and a model says which it was trained with.
TRAINING_LIBRARIES = ("numpy", "scikit-learn", "lightgbm")


def library_versions() -> dict[str, str]:
    """The installed version of each of TRAINING_LIBRARIES."""
    from importlib.metadata import version

    return {name: version(name) for name in TRAINING_LIBRARIES}


def with_check(model: Model, pages: list[Page]) -> Model:
    """The model with a check page in its header: the first page's lines and the
    probabilities the model gave them when trained, and the page model's probability that
    they hold an article. Loading the model and judging the page again must give the same
    (the test suite checks the shipped model)."""
    from dataclasses import replace

    from ..classify.classifier import article_chance, probabilities
    from ..classify.view import View

    page = next(page for page in pages if page.lines)
    lines, blanks = list(page.lines[:CHECK_LINES]), page.view.blank_before[:CHECK_LINES].astype(int).tolist()
    view = View.plain(lines, blanks)
    found = probabilities(view, model)[0]
    check = {
        "lines": lines,
        "blank_before": blanks,
        "probability": [round(float(p), 12) for p in found],
        "article": round(article_chance(view, model), 12),
    }
    return replace(model, info={**model.info, "check": check})


CHECK_LINES = 60


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
