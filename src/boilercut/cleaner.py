"""The public API: a Cleaner built once from options, and the Cleaned result of each text or page.

Every way of running boilercut goes through a Cleaner: the command line, the
run package's workers, the datatrove and Spark steps.
"""

from __future__ import annotations

import enum
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .config import Config, config_with
from .templates import Templates

if TYPE_CHECKING:
    from .document import Block, Document
    from .pipeline import Pipeline, Source


class Verdict(enum.Enum):
    KEEP = "keep"
    TITLE = "title"  # kept, as the headline
    DROP = "drop"


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty input line and what became of it; a dropped line says which stage and rule dropped it, and why.

    `text` is the line as the stages left it: repaired by fix_encoding, and for
    a line that reflow joined others into, the whole joined paragraph.
    """

    line: int  # 1-based line number in the input (the page's text, for an HTML page)
    text: str
    verdict: Verdict
    stage: str = ""
    rule: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The clean text of one document, with its headline, the site whose rules applied, and every line's fate."""

    text: str
    title: str | None  # the headline found, even when the text leaves it out (title=False)
    site: str | None  # the site whose rule file applied; None: default rules only
    warnings: tuple[str, ...] = ()
    # The finished document's lines; `lines` and `dropped` are built from them only when asked for.
    _blocks: tuple[Block, ...] = field(default=(), repr=False, compare=False)
    _title: int | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, doc: Document, text: str) -> Cleaned:
        title = doc.blocks[doc.title].text if doc.title is not None else None
        return cls(text, title, doc.site, tuple(doc.warnings), tuple(doc.blocks), doc.title)

    @property
    def lines(self) -> tuple[Line, ...]:
        """Every non-empty input line, in order, with its verdict."""
        return tuple(self._line(index, block) for index, block in enumerate(self._blocks))

    @property
    def dropped(self) -> tuple[Line, ...]:
        """The lines left out, each with its stage, rule id and reason."""
        return tuple(self._line(index, block) for index, block in enumerate(self._blocks) if block.drop is not None)

    def drop_counts(self) -> Counter[tuple[str, str]]:
        """Lines dropped by (stage, rule id): what run summaries and engine statistics add up."""
        return Counter((block.drop.stage, block.drop.rule) for block in self._blocks if block.drop is not None)

    def _line(self, index: int, block: Block) -> Line:
        if block.drop is not None:
            drop = block.drop
            return Line(block.line, block.text, Verdict.DROP, drop.stage, drop.rule, drop.reason)
        return Line(block.line, block.text, Verdict.TITLE if index == self._title else Verdict.KEEP)


class Cleaner:
    """Cleans texts and pages with one configuration; rules load and compile once.

    Built from a Config, or from its fields as keywords (`Cleaner(site="bbc.co.uk",
    title=False, rule_dirs=["my-rules"])`), or both (the keywords win). Safe to
    share across threads. Cheap to pickle: only the configuration travels, and
    the receiving process compiles the rules on its first document, so one
    Cleaner sent to every worker of an engine is built once per worker process.
    """

    def __init__(self, config: Config | None = None, /, *, templates: Templates | None = None, **options: Any) -> None:
        self._config = config_with(config or Config(), options, "Cleaner")
        self._templates = templates or Templates()  # template lines of a corpus's sites, from a first pass
        self._lock = threading.Lock()
        self._pipeline: Pipeline | None = None
        self._engine()  # a bad stage name or rule file is an error here, not on the first document

    @property
    def config(self) -> Config:
        return self._config

    @property
    def templates(self) -> Templates:
        return self._templates

    def with_templates(self, templates: Templates) -> Cleaner:
        """The same cleaner, with the template lines a first pass over a corpus found (compiled on first use)."""
        cleaner = Cleaner.__new__(Cleaner)
        cleaner.__setstate__((self._config, templates))
        return cleaner

    def load(self) -> Cleaner:
        """Compile the rules now; a Cleaner that was unpickled does it on its first document otherwise."""
        self._engine()
        return self

    def clean(self, text: str, *, url: str | None = None) -> Cleaned:
        """Clean one scraped text; the URL, if known, picks the site's rules."""
        from .pipeline import Source

        return self.clean_source(Source(text, name="<text>", url=url))

    def clean_html(self, html: str, *, url: str | None = None) -> Cleaned:
        """Clean one HTML page: its text, judged knowing what trafilatura extracts as its main text.

        Raises DocumentError when the page holds no text.
        """
        from .pipeline import page_source

        return self.clean_source(page_source(html, name="<html>", url=url))

    def clean_many(self, texts: Iterable[str | tuple[str, str | None]]) -> Iterator[Cleaned]:
        """Clean texts (or (text, url) pairs) one after another, as they come: a stream in, a stream out."""
        for item in texts:
            text, url = (item, None) if isinstance(item, str) else item
            yield self.clean(text, url=url)

    def clean_source(self, source: Source, *, explain: bool = False) -> Cleaned:
        """Clean one document given with what is known of where it came from (name, URL, path, extraction).

        ``explain``: each line the model drops also names the features that weighed most
        in its verdict (slower: for `boilercut explain`, not for corpus runs).
        """
        pipeline = self._engine()
        doc = pipeline.process(source, explain=explain)
        return Cleaned.of(doc, _render(doc, self._config.title))

    def site_of(self, source: Source) -> str | None:
        """The site whose rule file a document gets: the configured one, else by its URL, folder or fingerprints."""
        return self._engine().site_of(source)

    def _engine(self) -> Pipeline:
        """The pipeline, built once per process (after unpickling, on first use)."""
        pipeline = self._pipeline
        if pipeline is None:
            with self._lock:
                if self._pipeline is None:
                    from .pipeline import Pipeline

                    self._pipeline = Pipeline(self._config, self._templates)
                pipeline = self._pipeline
        return pipeline

    def __getstate__(self) -> tuple[Config, Templates]:
        return self._config, self._templates

    def __setstate__(self, state: tuple[Config, Templates]) -> None:
        self._config, self._templates = state
        self._lock = threading.Lock()
        self._pipeline = None

    def __repr__(self) -> str:
        return f"Cleaner({self._config!r})"


def _render(doc: Document, title: bool) -> str:
    from .render import render

    return render(doc, title=title)
