"""dedupe: find the headline, drop its repeats (the page's title line among them),
captions repeated around a credit, and a table of contents listing the subheadings below.

Other repeated lines stay: articles repeat lines of their own (lists, refrains,
quotes), and cutting the later copy loses article text.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..classify import vocabulary
from ..classify.headline import TITLE_SEPARATOR, first_headline, fold
from ..document import Block, Document
from ..registry import describe
from ..stage import StageContext

# A caption printed above and below its credit: two equal lines one line apart.
CAPTION_ECHO_DISTANCE = 2
CAPTION_STAGE = "strip_captions"
# The pieces of a page's title line: the title's separators, and a kicker's colon
# ("Verkehr: Headline - Site", as German news sites write their <title>).
TITLE_PIECES = re.compile(rf"{TITLE_SEPARATOR.pattern}|:\s+")
# A table of contents: a contents heading ("Inhaltsverzeichnis", "In this article": the
# vocabulary's contents_lines), then the page's subheadings listed, each standing again
# below where its section opens. The listed copies go and the subheadings stay; the
# heading goes with them when CONTENTS_MIN_ENTRIES or more are listed.
CONTENTS_HEADING_MAX_CHARS = 40
HEADING_MARKS = " \t:.·•–—-*#>|»«()[]"  # around a heading's words ("Inhaltsverzeichnis:", "» Contents")
CONTENTS_ENTRY_MAX_WORDS = 12
CONTENTS_MIN_ENTRIES = 2


class Dedupe:
    name: ClassVar[str] = "dedupe"
    description: ClassVar[str] = describe("dedupe")
    accepts_rules: ClassVar[bool] = False
    builtin_rules: ClassVar[dict[str, str]] = {
        "DD001": "a repeat of the headline",
        "DD002": "a caption repeated above and below its credit",
        "DD003": "the page's title line: the headline and the site's name",
        "DD004": "page chrome above the headline (site setting chrome_above_title)",
        "DD005": "a table of contents: its heading and the subheadings it lists, which stand again below",
    }

    def apply(self, doc: Document, context: StageContext) -> None:
        # With the classifier on, its headline is the answer, none included: guessing
        # one among body lines would cut a paragraph under --no-title.
        doc.title = context.judgement.title() if context.judgement is not None else _first_headline(doc)
        if doc.title is not None and context.site is not None and context.site.chrome_above_title:
            for index in doc.kept():
                if index >= doc.title:
                    break
                doc.drop(index, self.name, "DD004", "above the headline, where this site keeps its page chrome")
        self._drop_caption_echoes(doc)
        self._drop_contents(doc)
        self._drop_headline_repeats(doc)
        self._drop_title_line(doc)

    def _drop_caption_echoes(self, doc: Document) -> None:
        blocks = doc.blocks
        for index in range(len(blocks) - CAPTION_ECHO_DISTANCE):
            echo = index + CAPTION_ECHO_DISTANCE
            # Captions are echoed verbatim around the credit a caption stage dropped;
            # plain equality, no folding, on the hot path.
            if (
                blocks[index].text == blocks[echo].text
                and index != doc.title
                and blocks[index].kept
                and _is_credit(blocks[index + 1])
            ):
                reason = f"the same line stands at lines {blocks[index].line} and {blocks[echo].line}, around a credit"
                doc.drop(index, self.name, "DD002", reason)
                doc.drop(echo, self.name, "DD002", reason)

    def _drop_contents(self, doc: Document) -> None:
        blocks = doc.blocks
        headings = vocabulary.load().merged.contents_lines
        # One comprehension over the page: this runs on every page, most have no such heading.
        found = [
            index
            for index, block in enumerate(blocks)
            if len(block.text) <= CONTENTS_HEADING_MAX_CHARS and block.text.lower().strip(HEADING_MARKS) in headings
        ]
        for index in found:
            entries = listed_again(blocks, index + 1)
            if len(entries) < CONTENTS_MIN_ENTRIES:
                continue
            listed = f"{len(entries)} subheadings that stand again below"
            reason = f"a table of contents under line {blocks[index].line}: {listed}"
            for entry in (index, *entries):
                if entry != doc.title:
                    doc.drop(entry, self.name, "DD005", reason)

    def _drop_headline_repeats(self, doc: Document) -> None:
        if doc.title is None:
            return
        headline = fold(doc.blocks[doc.title].text)
        for index in doc.kept():
            text = doc.blocks[index].text
            # Folding changes a length only slightly: compare lengths first, fold rarely.
            if index != doc.title and abs(len(text) - len(headline)) <= 2 and fold(text) == headline:
                doc.drop(index, self.name, "DD001", f"repeats the headline (line {doc.blocks[doc.title].line})")

    def _drop_title_line(self, doc: Document) -> None:
        """The first kept line, above the headline, when it is the page's <title>: the
        headline joined to the site's name or section ("Headline - Site", "Section |
        Headline | Site"). The first kept line, not the first line: the output opens with
        it, and a second cleaning would take it for the first line."""
        if doc.title is None:
            return
        first = next((index for index in range(doc.title) if doc.blocks[index].kept), None)
        if first is not None and joins_headline(fold(doc.blocks[first].text), fold(doc.blocks[doc.title].text)):
            reason = f"the page's title: the headline (line {doc.blocks[doc.title].line}) and the site's name"
            doc.drop(first, self.name, "DD003", reason)


def joins_headline(line: str, headline: str) -> bool:
    """Whether ``line`` is ``headline`` with other pieces joined to it by title separators
    or a kicker's colon (before it, after it, or both; both texts folded)."""
    cuts = [(match.start(), match.end()) for match in TITLE_PIECES.finditer(line)]
    starts = [0, *(end for _, end in cuts)]
    ends = [*(start for start, _ in cuts), len(line)]
    return line != headline and headline in {line[a:b] for a in starts for b in ends if a < b}


def listed_again(blocks: list[Block], start: int) -> list[int]:
    """The indexes of the short lines from ``start`` on that each stand again further down,
    up to the first line that does not (blank lines skipped)."""
    later: dict[str, int] = {}
    for index in range(len(blocks) - 1, start - 1, -1):
        later.setdefault(fold(blocks[index].text), index)
    entries = []
    for index in range(start, len(blocks)):
        text = blocks[index].text
        if not text:
            continue
        if len(text.split(None, CONTENTS_ENTRY_MAX_WORDS)) > CONTENTS_ENTRY_MAX_WORDS or later[fold(text)] == index:
            break
        entries.append(index)
    return entries


def _first_headline(doc: Document) -> int | None:
    kept = doc.kept()
    found = first_headline([doc.blocks[index].text for index in kept])
    return kept[found] if found is not None else None


def _is_credit(block: Block) -> bool:
    return block.drop is not None and block.drop.stage == CAPTION_STAGE
