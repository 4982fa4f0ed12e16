"""Labeled pages for training: read from cases files, repaired and split as the pipeline does."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

from ..classify.view import View
from ..config import Config
from ..errors import UsageError
from ..pipeline import Pipeline, Source
from .gold import label_lines


@dataclass(frozen=True, slots=True)
class Page:
    """One labeled page: its lines as the classifier sees them, and their labels."""

    id: str
    site: str  # pages of one site are kept together in cross-validation
    view: View  # what the classifier judges of the page
    keep: np.ndarray  # bool, from the gold text (see gold.py)
    gold: str
    url: str | None = None
    kind: str = ""  # the page type, where the set gives one (article, forum, ...)
    source: str = ""  # the cases file it came from

    @property
    def lines(self) -> tuple[str, ...]:
        return self.view.lines


def read_cases(path: Path) -> Iterator[dict[str, object]]:
    """The records of a cases file (JSON lines, gzipped if the name ends in .gz)."""
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise UsageError(f"{path}:{number}: not a JSON object: {error.msg}") from None
                if (
                    not isinstance(record, dict)
                    or not isinstance(record.get("text"), str)
                    or not isinstance(record.get("gold"), str)
                ):
                    raise UsageError(f"{path}:{number}: a case needs string fields 'text' and 'gold'")
                yield record
    except OSError as error:
        raise UsageError(f"{path}: cannot read: {error.strerror or error}") from None


# Pages are read as the benchmark runs a cleaner: shipped rules, no site files.
VIEW_CONFIG = Config(title=False, site_rules=False)


def view_of(text: str, pipeline: Pipeline | None = None) -> View:
    """What the classifier judges of a text: encoding repaired, rules applied."""
    pipeline = pipeline or Pipeline(VIEW_CONFIG)
    return pipeline.classifier_view(Source(text))


def site_of(record: dict[str, object], page_id: str) -> str:
    """The site a page belongs to: its ``site``, else its URL's host, else the page
    alone (a page of unknown site is kept apart from every other)."""
    site = record.get("site")
    if isinstance(site, str) and site:
        return site
    url = record.get("url")
    host = urlsplit(url).hostname if isinstance(url, str) else None
    return host.removeprefix("www.") if host else page_id


def load_pages(paths: list[Path]) -> list[Page]:
    pages = []
    pipeline = Pipeline(VIEW_CONFIG)
    for path in paths:
        for number, record in enumerate(read_cases(path), start=1):
            view = view_of(str(record["text"]), pipeline)
            gold = str(record["gold"])
            page_id = str(record.get("id", f"{path.name}:{number}"))
            url = record.get("url")
            pages.append(
                Page(
                    id=page_id,
                    site=site_of(record, page_id),
                    view=view,
                    keep=np.array(label_lines(view.lines, gold), dtype=bool),
                    gold=gold,
                    url=url if isinstance(url, str) else None,
                    kind=str(record.get("type", "")),
                    source=path.name,
                )
            )
    return pages


def clean_copies(page: Page) -> list[Page]:
    """The page as boilercut's own output shows it: its gold lines only, one blank line
    between them, every line kept. Cleaning an output again judges exactly such a page
    (and settling judges one after each change): a model that never saw one drops
    article lines there."""
    lines = [line for line, kept in zip(page.lines, page.keep, strict=True) if kept]
    if not lines:
        return []
    view = View.plain(lines)
    keep = np.ones(len(lines), dtype=bool)
    return [
        Page(
            id=f"{page.id}#clean",
            site=page.site,
            view=view,
            keep=keep,
            gold=page.gold,
            url=page.url,
            kind=page.kind,
            source=page.source,
        )
    ]
