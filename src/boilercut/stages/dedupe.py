"""dedupe: find the headline, drop its repeats, captions repeated around a credit, repeated lines."""

from __future__ import annotations

from ..document import Document
from ..headline import find_headline, fold
from ..stage import StageContext

# A caption printed above and below its credit: two equal lines one line apart.
CAPTION_ECHO_DISTANCE = 2


class Dedupe:
    name = "dedupe"
    description = "the headline repeated on the page, captions repeated around a credit, repeated lines"
    accepts_rules = False
    builtin_rules = {
        "DD001": "a repeat of the headline",
        "DD002": "a caption repeated above and below its credit",
        "DD003": "a repeat of a line that appeared earlier on the page",
        "DD004": "page chrome above the headline (site setting chrome_above_title)",
    }

    def apply(self, doc: Document, context: StageContext) -> None:
        doc.title = find_headline(doc)
        if doc.title is not None and context.site is not None and context.site.chrome_above_title:
            for index in doc.kept():
                if index >= doc.title:
                    break
                doc.drop(index, self.name, "DD004", "above the headline, where this site keeps its page chrome")
        self._drop_caption_echoes(doc)
        self._drop_repeats(doc)

    def _drop_caption_echoes(self, doc: Document) -> None:
        blocks = doc.blocks
        for index in range(len(blocks) - CAPTION_ECHO_DISTANCE):
            echo = index + CAPTION_ECHO_DISTANCE
            if index != doc.title and blocks[index].kept and fold(blocks[index].text) == fold(blocks[echo].text):
                reason = f"the same line stands at lines {blocks[index].line} and {blocks[echo].line}, around a credit"
                doc.drop(index, self.name, "DD002", reason)
                doc.drop(echo, self.name, "DD002", reason)

    def _drop_repeats(self, doc: Document) -> None:
        first_seen: dict[str, int] = {}
        for index in doc.kept():
            key = fold(doc.blocks[index].text)
            earlier = first_seen.setdefault(key, index)
            if earlier == index:
                continue
            line = doc.blocks[earlier].line
            if earlier == doc.title:
                doc.drop(index, self.name, "DD001", f"repeats the headline (line {line})")
            else:
                doc.drop(index, self.name, "DD003", f"repeats line {line}")
