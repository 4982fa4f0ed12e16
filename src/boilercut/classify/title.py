"""What the page's title says about each line: an article speaks of what its headline names.

Scraped text opens with the page's <title> ("Headline - Site"), and the headline
stands again above the article. The article's lines name the people, places and
things the headline names; a list of other stories, a sidebar or a footer speaks
of other things. For each line: the share of its content words that the headline
holds, how far below the headline it stands, and how many words the headline
gives to go by. In a language of any alphabet: only words are compared.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from . import compiled
from . import thresholds as T
from .headline import echoes, title_parts

CONTENT_MIN_CHARS = 3  # shorter words say little of a topic ("a", "of", "in")
STEM_CHARS = T.STEM_CHARS  # words are compared by their opening
ECHO_MAX_WORDS = 30  # the headline repeated is a short line
DISTANCE_CAP = 50.0  # lines below (or above) the headline; past it, far is far
WORDS_CAP = 15.0


@dataclass(frozen=True, slots=True)
class Heading:
    """Where a page's headline stands, for lines judged a window of the page at a time."""

    words: tuple[str, ...]  # the headline's lower-case letter words
    echo: int  # index in the page of the line repeating the title (0: none; the headline is the first line)
    start: int = 0  # index in the page of the window's first line

    def at(self, start: int) -> Heading:
        """The same headline, seen from a window opening at line ``start`` of the page."""
        return Heading(self.words, self.echo, start)


def heading(tokens: Sequence[list[str]]) -> Heading:
    """The headline of a page (``tokens``: each line's lower-case letter words, from the first)."""
    echo = headline_echo(tokens)
    return Heading(tuple(tokens[echo]), echo)


def columns(
    lines: Sequence[str], tokens: Sequence[list[str]], stopwords: frozenset[str], head: Heading | None = None
) -> dict[str, np.ndarray]:
    """The title columns of one document (``tokens``: each line's lower-case letter words;
    ``head``: the page's headline when the lines are a window of a longer page)."""
    n = len(lines)
    if not n:
        return {name: np.zeros(0) for name in COLUMNS}
    head = head or heading(tokens)
    topic = content_words(head.words, stopwords)
    share = shares(tokens, topic, stopwords)
    below = np.clip(np.arange(head.start, head.start + n, dtype=np.float64) - head.echo, -DISTANCE_CAP, DISTANCE_CAP)
    return {
        "title_share": share,
        "title_below": below,
        "title_echoed": np.full(n, float(head.echo > 0)),
        "title_words": np.full(n, min(float(len(topic)), WORDS_CAP)),
    }


COLUMNS = ("title_share", "title_below", "title_echoed", "title_words")


def headline_echo(tokens: Sequence[list[str]]) -> int:
    """The first line after the first that repeats the first (the title), or 0 if none does."""
    parts = title_parts(" ".join(tokens[0]))
    if not parts:
        return 0
    for i in range(1, len(tokens)):
        if len(tokens[i]) <= ECHO_MAX_WORDS and echoes(" ".join(tokens[i]), parts):
            return i
    return 0


def content_words(words: Iterable[str], stopwords: frozenset[str]) -> frozenset[str]:
    """The stems of the words of a line that name something: not stopwords, not the shortest words."""
    return frozenset(word[:STEM_CHARS] for word in words if len(word) >= CONTENT_MIN_CHARS and word not in stopwords)


def shares(tokens: Sequence[list[str]], topic: frozenset[str], stopwords: frozenset[str]) -> np.ndarray:
    """Of each line's content words (``tokens``: its lower-case letter words), the share whose
    stems ``topic`` holds (0 for a line without any)."""
    if compiled.CORE is None:
        return shares_python(tokens, topic, stopwords)
    out = np.empty(len(tokens))
    compiled.CORE.title_shares(tokens, topic, stopwords, CONTENT_MIN_CHARS, STEM_CHARS, out)
    return out


def shares_python(tokens: Sequence[list[str]], topic: frozenset[str], stopwords: frozenset[str]) -> np.ndarray:
    """`shares`, word by word (the reference the compiled loop follows)."""
    return np.fromiter((_share(words, topic, stopwords) for words in tokens), dtype=np.float64, count=len(tokens))


def _share(words: list[str], topic: frozenset[str], stopwords: frozenset[str]) -> float:
    """Share of a line's content words whose stems the headline holds (0 for a line without any)."""
    content = [word[:STEM_CHARS] for word in words if len(word) >= CONTENT_MIN_CHARS and word not in stopwords]
    return sum(map(topic.__contains__, content)) / len(content) if content else 0.0
