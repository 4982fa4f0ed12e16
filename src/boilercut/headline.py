"""Finding the headline among the first lines still kept after stripping."""

from __future__ import annotations

from .document import Document

# A headline sits among the first few lines that survive stripping; looking
# further down finds subheadings instead.
HEADLINE_WINDOW = 4
# Headlines run from a few words to about twenty; a longer line near the top
# is a standfirst or a photo caption.
HEADLINE_MIN_WORDS = 2
HEADLINE_MAX_WORDS = 25
# A sentence ends with a full stop; a headline does not (a question or an
# exclamation can be either).
SENTENCE_END = (".", "。")


def find_headline(doc: Document) -> int | None:
    for index in doc.kept()[:HEADLINE_WINDOW]:
        if looks_like_headline(doc.blocks[index].text):
            return index
    return None


def looks_like_headline(text: str) -> bool:
    words = len(text.split())
    return HEADLINE_MIN_WORDS <= words <= HEADLINE_MAX_WORDS and not text.endswith(SENTENCE_END)


def fold(text: str) -> str:
    return " ".join(text.casefold().split())
