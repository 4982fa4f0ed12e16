"""What the classifier is shown of a document: the lines still kept, and what stood around them.

The rules run first and the classifier judges the lines they left. Where a rule
dropped lines, the view says which kind of line stood just above or below a
line (a credit under a caption, a comment heading above a post): the model reads
it as a feature, and the kind of a dropped line is read from it too. On an
HTML page it also says how much of each line the main text trafilatura
extracted holds (`cover.aligned`; -1 where there is no such text).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..document import Document
from .cover import aligned
from .labels import Kind
from .title import Heading

# Kinds of lines a rule dropped, as the model reads them (0: no line dropped there).
RULED_CODES: dict[Kind, int] = {Kind.BOILERPLATE: 1, Kind.COMMENT: 2, Kind.CAPTION: 3, Kind.AD: 4}
GAP_CAP = 10  # more dropped lines in a row say nothing new
NOT_EXTRACTED = -1.0  # the ``extracted`` value of a line of a page no extractor read (plain text)


@dataclass(frozen=True, slots=True)
class View:
    """Lines to judge (stripped, non-empty) with their surroundings in the input."""

    lines: tuple[str, ...]
    blank_before: np.ndarray  # blank lines before each line in the input
    ruled_above: np.ndarray  # RULED_CODES kind of the line a rule dropped right above (0: none)
    ruled_below: np.ndarray  # ... right below
    ruled_gap: np.ndarray  # lines rules dropped between the line before and this one
    extracted: np.ndarray  # share of the line an HTML extractor kept (NOT_EXTRACTED: no extractor read it)
    head: Heading | None = None  # the page's headline, when these lines are a window of a longer page

    def __len__(self) -> int:
        return len(self.lines)

    def window(self, start: int, stop: int) -> View:
        """Lines start to stop (not included), with their surroundings (and the page's
        headline, if known, as seen from the window)."""
        cut = slice(start, stop)
        return View(
            self.lines[cut],
            self.blank_before[cut],
            self.ruled_above[cut],
            self.ruled_below[cut],
            self.ruled_gap[cut],
            self.extracted[cut],
            self.head.at(self.head.start + start) if self.head else None,
        )

    @classmethod
    def plain(
        cls, lines: Sequence[str], blank_before: Sequence[int] | None = None, extracted: Sequence[float] | None = None
    ) -> View:
        """Lines with nothing dropped between them (``blank_before`` default: one blank line
        between lines, as boilercut's own output has them; ``extracted`` default: none)."""
        n = len(lines)
        default = [0] + [1] * (n - 1) if n else []
        blanks = np.asarray(blank_before if blank_before is not None else default, dtype=np.float64)
        shares = np.full(n, NOT_EXTRACTED) if extracted is None else np.asarray(extracted, dtype=np.float64)
        zeros = np.zeros(n)
        return cls(tuple(lines), blanks.reshape(n), zeros, zeros.copy(), zeros.copy(), shares.reshape(n))

    @classmethod
    def of(
        cls, doc: Document, stage_kinds: Mapping[str, Kind], extraction: str | None = None
    ) -> tuple[View, list[int]]:
        """The kept, non-empty blocks of ``doc`` and what rules dropped around them (and, given
        an HTML extractor's main text of the page, how much of each it holds); with their indexes."""
        indexes: list[int] = []
        above: list[int] = []
        gaps: list[int] = []
        below: list[int] = []
        last_dropped = 0  # kind code of the most recent block a rule dropped
        gap = 0
        for index, block in enumerate(doc.blocks):
            if not block.text:
                continue  # emptied by encoding repair: nothing stood there
            if block.drop is not None:
                kind = stage_kinds.get(block.drop.stage)
                last_dropped = RULED_CODES.get(kind, 1) if kind is not None else 1
                gap += 1
                if indexes and below[-1] == 0 and gap == 1:
                    below[-1] = last_dropped
                continue
            indexes.append(index)
            above.append(last_dropped if gap else 0)
            gaps.append(min(gap, GAP_CAP))
            below.append(0)
            gap = 0
        blanks = [doc.blocks[i].blank_before for i in indexes]
        as_array = lambda values: np.asarray(values, dtype=np.float64).reshape(len(values))  # noqa: E731
        lines = tuple(doc.blocks[i].text for i in indexes)
        extracted = np.full(len(lines), NOT_EXTRACTED) if extraction is None else aligned(lines, extraction)
        view = cls(lines, as_array(blanks), as_array(above), as_array(below), as_array(gaps), extracted)
        return view, indexes
