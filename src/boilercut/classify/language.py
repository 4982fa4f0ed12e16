"""Per-document language guess from jusText's stoplists, and the stopword set to use.

The stoplists and the word -> languages table are built once, on first use, and cached.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import operator
import sys
from collections.abc import Sequence
from pathlib import Path

from . import thresholds as T


def _load_stoplists() -> dict[str, frozenset[str]]:
    """All jusText stoplists by language name, read from its data files.

    Read directly rather than through ``justext.get_stoplist``: importing
    justext pulls in lxml, which costs more than reading the hundred files.
    """
    spec = importlib.util.find_spec("justext")
    if spec is None or spec.origin is None:
        return {}
    folder = Path(spec.origin).parent / "stoplists"
    return {
        path.stem: frozenset(path.read_text(encoding="utf-8").lower().split()) for path in sorted(folder.glob("*.txt"))
    }


@functools.cache
def stoplists() -> dict[str, frozenset[str]]:
    """The stoplists, loaded once."""
    return _load_stoplists()


# A sample's hits in every stoplist are counted at once, in C: each word stands
# for one integer holding a 1 in the field of each language whose stoplist has
# it, and the sum of a sample's integers holds every language's count.
FIELD_BITS = 16  # a field counts up to 65535 hits, far above LANGUAGE_SAMPLE_WORDS


@functools.cache
def languages() -> tuple[str, ...]:
    """The languages with a stoplist, in name order: field i of a count is languages()[i]."""
    return tuple(sorted(stoplists()))


@functools.cache
def word_fields() -> dict[str, int]:
    """word -> its integer: a 1 in the field of each language whose stoplist holds it (built once)."""
    fields: dict[str, int] = {}
    for position, name in enumerate(languages()):
        one = 1 << (FIELD_BITS * position)
        for word in stoplists()[name]:
            fields[word] = fields.get(word, 0) + one
    return fields


def detect(words: Sequence[str]) -> str | None:
    """The language whose stoplist covers most of ``words`` (lower case), or None if none fits."""
    sample = words[: T.LANGUAGE_SAMPLE_WORDS]
    if len(sample) < T.LANGUAGE_MIN_WORDS:
        return None
    # Words in no stoplist are left out before the sum: adding zero to a long integer costs as much.
    packed = sum(filter(None, map(word_fields().get, sample)))
    if not packed:
        return None
    names = languages()
    hits = memoryview(packed.to_bytes(len(names) * FIELD_BITS // 8, sys.byteorder)).cast("H").tolist()
    # Big stoplists (thousands of words, some borrowed from English) match by chance more often.
    # Of two stoplists that cover the sample alike, the bigger one holds more of the language.
    scored = zip(map(operator.mul, hits, stoplist_weights()), ordered_sizes(), names, hits, strict=True)
    ranked = sorted(scored, reverse=True)
    floor = T.LANGUAGE_MIN_COVERAGE * len(sample)
    if ranked[0][3] < floor:
        return None
    return settle(sample, [name for _, _, name, count in ranked[: T.LANGUAGE_RIVALS] if count >= floor])


def settle(sample: Sequence[str], ranked: Sequence[str]) -> str:
    """The first of ``ranked`` unless a rival's stoplist holds more of the sample's words that the
    other's lacks: the words two stoplists share say nothing between them. jusText's lists for
    smaller languages were drawn from web text and hold hundreds of English words (Sundanese
    holds 160 of English's, and "data", "process"), so an English page about data read as
    Sundanese. Words are counted once (a page's topic repeats its words) and one-letter words
    are left out (on a scraped page mostly an "s" of "it's" or an "x" of "3 x 4")."""
    best = ranked[0]
    if len(ranked) == 1:
        return best
    words = {word for word in sample if len(word) > 1}
    lists = stoplists()
    for rival in ranked[1:]:
        own, theirs = lists[best], lists[rival]
        if len(words.intersection(theirs).difference(own)) > len(words.intersection(own).difference(theirs)):
            best = rival
    return best


@functools.cache
def stoplist_weights() -> tuple[float, ...]:
    """What a hit counts for in each language of languages(): less in big stoplists."""
    sizes = stoplist_sizes()
    return tuple(min(1.0, math.sqrt(T.STOPLIST_FAIR_SIZE / sizes[name])) for name in languages())


@functools.cache
def ordered_sizes() -> tuple[int, ...]:
    """Number of words in each stoplist of languages()."""
    sizes = stoplist_sizes()
    return tuple(sizes[name] for name in languages())


@functools.cache
def stoplist_sizes() -> dict[str, int]:
    """Number of words in each stoplist."""
    return {name: len(words) for name, words in stoplists().items()}


def stopwords(language: str | None) -> frozenset[str]:
    """The stoplist of ``language`` (empty when unknown)."""
    return stoplists().get(language, frozenset()) if language else frozenset()
