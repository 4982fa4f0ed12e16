"""Pages as a language the lexicon never learned would show them.

The lexicon learns the words of its training pages, nearly all English. On a
German or Polish page it knows few words, and a model that only ever saw its
score on English pages trusts it where it says little. So training also shows
the trees each page with its words made unknown: the letters substituted by a
fixed permutation, so that every word is new to the lexicon while lengths,
case, digits and punctuation stay; everything else the trees read (stopwords of
the page's language, vocabulary cues, rules) is the page's own, as on a page of
a language boilercut has word lists for.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

LETTERS = "abcdefghijklmnopqrstuvwxyz"
SEED = 7


def _table() -> dict[int, int]:
    shuffled = list(LETTERS)
    random.Random(SEED).shuffle(shuffled)
    substitute = "".join(shuffled)
    return str.maketrans(LETTERS + LETTERS.upper(), substitute + substitute.upper())


TABLE = _table()


def disguise(text: str) -> str:
    """``text`` with its ASCII letters substituted: the same shape, unknown words."""
    return text.translate(TABLE)


@contextmanager
def lexicon_blind() -> Iterator[None]:
    """While open, the classifier reads each page's words for its lexicon in disguise (its
    lexical scores and the share of words it knows), all else as it is: how a page of a
    language the lexicon never learned, but boilercut has word lists for, is judged.
    For measuring (`benchmarks/quality.py --cv --foreign`); not for use in threads."""
    from ..classify import features, lexicon

    lexical, word_buckets = features.lexical, lexicon.word_buckets
    features.lexical = lambda lines, weights, intercept, memo: lexical(
        list(map(disguise, lines)), weights, intercept, None
    )
    lexicon.word_buckets = lambda lines: word_buckets(list(map(disguise, lines)))
    try:
        yield
    finally:
        features.lexical, lexicon.word_buckets = lexical, word_buckets
