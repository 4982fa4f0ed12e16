"""reflow: join a paragraph the scraper broke where it had inline links.

A line joins the one before when that line breaks off mid-sentence (a comma or
a lower-case last word) and this one goes on in lower case. Lines that earlier
stages dropped between the two (an ad, a credit) are skipped over, as a second
run over the output would skip them: the halves are joined in their order,
nothing else is put between them.
"""

from __future__ import annotations

from typing import ClassVar

from ..document import Document
from ..registry import describe
from ..stage import StageContext

# A line ending in one of these closes its sentence: what follows is new.
CLOSING = frozenset(".!?:;…\"”’»)]'|")
# A link's text between two halves of a sentence is a name or a short phrase.
LINK_TEXT_MAX_WORDS = 5


class Reflow:
    name: ClassVar[str] = "reflow"
    description: ClassVar[str] = describe("reflow")
    accepts_rules: ClassVar[bool] = False
    builtin_rules: ClassVar[dict[str, str]] = {
        "RF001": "a line that continues the sentence left open by the line before",
        "RF002": "a link's text between the two halves of a broken sentence",
    }

    def apply(self, doc: Document, context: StageContext) -> None:
        kept = [i for i in doc.kept() if i != doc.title]
        host: int | None = None  # the paragraph being rebuilt, while its sentence is open
        for position, index in enumerate(kept):
            text = doc.blocks[index].text
            if host is not None and _continues(text):
                self._join(doc, host, index, "RF001", "continues the sentence left open")
            elif host is not None and _is_link_text(text) and _next_continues(doc, kept, position):
                self._join(doc, host, index, "RF002", "a link's text inside the sentence")
                continue  # the sentence goes on in the next line, whatever the link's last word
            else:
                host = index
            if not _breaks_off(doc.blocks[host].text):
                host = None

    def _join(self, doc: Document, host: int, index: int, rule: str, reason: str) -> None:
        target = doc.blocks[host]
        target.text = f"{target.text} {doc.blocks[index].text}"
        doc.drop(index, self.name, rule, f"{reason}: joined into line {target.line}")


def _closes(text: str) -> bool:
    return text[-1] in CLOSING


def _breaks_off(text: str) -> bool:
    """The line stops mid-sentence: after a comma, or on a lower-case word ("where", "to")."""
    if text[-1] == ",":
        return True
    last = text.rsplit(maxsplit=1)[-1]
    return not _closes(text) and last[0].islower() and " " in text


def _continues(text: str) -> bool:
    return text[0].islower()


def _is_link_text(text: str) -> bool:
    return len(text.split(None, LINK_TEXT_MAX_WORDS)) <= LINK_TEXT_MAX_WORDS and not _closes(text)


def _next_continues(doc: Document, kept: list[int], position: int) -> bool:
    following = position + 1
    return following < len(kept) and _continues(doc.blocks[kept[following]].text)
