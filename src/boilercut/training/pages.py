"""Labeled pages for training: read from cases files, repaired and split as the pipeline does.

A case is a page's scraped ``text`` and its ``gold`` main text. Where the
page's HTML lies beside the cases file (``html/<id>.html`` or ``.html.gz``, as
in the benchmark sets), the page is also read as boilercut reads an HTML page
(its text rendered, trafilatura's extraction known to each line): a second
labeled page, from which the model learns what an extractor's say is worth.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

from ..classify import gate
from ..classify.view import View
from ..config import Config
from ..errors import DocumentError, UsageError
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
    text: str = ""  # the case's scraped text
    html_file: str | None = None  # the HTML file the page was read from (None: it was read from ``text``)
    must: tuple[str, ...] = ()  # snippets the output must hold (the case's ``with``; see snippets.py)
    must_not: tuple[str, ...] = ()  # snippets it must not (``without``)

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


def load_pages(paths: list[Path], html: bool = True) -> list[Page]:
    """The cases of the files at ``paths`` as labeled pages: every case's text, then (if
    ``html``) every case whose HTML lies beside its file, read as an HTML page."""
    pages = []
    pipeline = Pipeline(VIEW_CONFIG)
    for path in paths:
        for number, record in enumerate(read_cases(path), start=1):
            page_id = str(record.get("id", f"{path.name}:{number}"))
            pages.append(_page(record, page_id, path, view_of(str(record["text"]), pipeline)))
    if html:
        pages += [page for page in map(partial(html_page, pipeline=pipeline), pages) if page is not None]
    return pages


def _page(record: dict[str, object], page_id: str, path: Path, view: View) -> Page:
    gold = str(record["gold"])
    url = record.get("url")
    return Page(
        id=page_id,
        site=site_of(record, page_id),
        view=view,
        keep=np.array(label_lines(view.lines, gold), dtype=bool),
        gold=gold,
        url=url if isinstance(url, str) else None,
        kind=str(record.get("type", "")),
        source=str(path),
        text=str(record["text"]),
        must=_snippets(record.get("with")),
        must_not=_snippets(record.get("without")),
    )


def _snippets(value: object) -> tuple[str, ...]:
    return tuple(str(snippet) for snippet in value) if isinstance(value, list) else ()


def html_file(page: Page) -> Path | None:
    """Where the HTML of a case lies, if beside its cases file."""
    folder = Path(page.source).parent / "html"
    for name in (f"{page.id}.html.gz", f"{page.id}.html"):
        if (folder / name).is_file():
            return folder / name
    return None


def html_source(path: Path, page_id: str) -> Source:
    """A page's HTML file as `boilercut clean` reads it (decompressed, decoded, read as a page)."""
    from ..run.read import document_source, read_file

    return document_source(read_file(path, page_id), name=page_id, html=True)


def source_of(page: Page) -> Source:
    """The document a labeled page was read from, as the pipeline takes it."""
    if page.html_file is not None:
        return html_source(Path(page.html_file), page.id)
    return Source(page.text, name=page.id)


def html_page(page: Page, pipeline: Pipeline) -> Page | None:
    """The case read from its HTML, labeled from the same gold; None if it has no HTML beside it
    (or one with no text)."""
    path = html_file(page)
    if path is None:
        return None
    try:
        view = pipeline.classifier_view(html_source(path, page.id))
    except DocumentError:
        return None
    keep = np.array(label_lines(view.lines, page.gold), dtype=bool)
    return replace(page, id=f"{page.id}#html", view=view, keep=keep, text="", html_file=str(path))


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


# A page's head of chrome long enough to stand for a page of its own (the fewest lines of a page
# the page model may empty).
CHROME_MIN_LINES = gate.MIN_LINES


def chrome_head(page: Page) -> tuple[str, ...]:
    """The lines above the page's first article line (read from text; CHROME_MIN_LINES or more,
    else none): what a scrape leaves when the article never loaded."""
    if page.html_file is not None or not page.keep.any():
        return ()
    head = page.lines[: int(np.argmax(page.keep))]
    return head if len(head) >= CHROME_MIN_LINES else ()


ARTICLE_KINDS = ("", "article")  # page types that are articles (scrapinghub gives none: all are)

# A paragraph of prose: a sentence's end, and this many characters or more (characters, not
# words: a Japanese paragraph is one "word" between spaces). Titles and credits are not.
PROSE_MIN_CHARS = 40
SENTENCE_ENDS = frozenset(".!。！")
CLOSING = "\"'”’»)」』"


def is_prose(line: str) -> bool:
    return len(line) >= PROSE_MIN_CHARS and line.rstrip().rstrip(CLOSING)[-1:] in SENTENCE_ENDS


def prose_of(page: Page) -> list[int]:
    """The indexes of the article lines of ``page`` that are paragraphs of prose (`is_prose`)."""
    return [int(i) for i in np.flatnonzero(page.keep) if is_prose(page.lines[i])]
