"""The lexical score: what a line's own words say, learned from labeled pages.

A line becomes a bag of hashed tokens (its lower-case words, word pairs, first
and last word, how it ends, how it opens, how long it is), scaled to unit length;
the score is a linear model's weighted sum of them. It learns the furniture words
of the training pages ("share", "subscribe", "read more") without a word list.
"""

from __future__ import annotations

import itertools
import math
import re
import zlib
from collections import Counter
from collections.abc import Sequence

import numpy as np

from . import compiled
from .lines import letter_words

# 2^18 buckets: collisions are rare among the few hundred thousand tokens that matter.
BITS = 18
MASK = (1 << BITS) - 1
WORD = re.compile(r"[^\W\d_]+|\d+")
WORD_COUNT_CAP = 12
# Longer lines are hashed in one pass, without the list of their tokens (the same counts).
LONG_LINE = 1 << 16


def tokens(text: str) -> list[str]:
    """The hashed features of one line, as strings (before hashing)."""
    words = ["0" if word.isdigit() else word.lower() for word in WORD.findall(text)]
    out = list(words)
    out += [f"{a} {b}" for a, b in itertools.pairwise(words)]
    if words:
        out += ["F:" + words[0], "L:" + words[-1]]
    out.append("E:" + text[-1:])
    out.append("S:" + (text[:1] if not text[:1].isalnum() else "alnum"))
    out.append(f"N:{min(len(words), WORD_COUNT_CAP)}")
    return out


def bucket(token: str) -> int:
    # surrogatepass: a lone surrogate (text decoded with surrogateescape) hashes like any character.
    return zlib.crc32(token.encode("utf-8", "surrogatepass")) & MASK


def line_vector(text: str) -> tuple[list[int], list[float]]:
    """(buckets, values) of one line: token counts scaled to unit length."""
    counts = Counter(map(bucket, tokens(text)))
    norm = float(np.sqrt(sum(c * c for c in counts.values())))
    return list(counts), [c / norm for c in counts.values()]


def scores(lines: Sequence[str], weights: np.ndarray, intercept: float) -> np.ndarray:
    """The lexical score of each line (a log-odds of being article text)."""
    if compiled.CORE is None:
        return scores_python(lines, weights, intercept)
    out = np.empty(len(lines))
    compiled.CORE.lexicon_scores(lines, np.ascontiguousarray(weights, dtype=np.float32), float(intercept), out)
    return out


def scores_python(lines: Sequence[str], weights: np.ndarray, intercept: float) -> np.ndarray:
    """`scores` in Python: each line's weighted sum added up token by token, in the order
    the tokens first occur (the compiled loop adds in the same order, to the same bits)."""
    out = np.empty(len(lines))
    for i, text in enumerate(lines):
        counts = Counter(map(bucket, tokens(text))) if len(text) <= LONG_LINE else bucket_counts(text)
        norm = math.sqrt(sum(c * c for c in counts.values()))
        total = 0.0
        for weight, count in zip(weights[list(counts)].tolist(), counts.values(), strict=True):
            total += weight * (count / norm)
        out[i] = intercept + total
    return out


def bucket_counts(text: str) -> Counter[int]:
    """``Counter(map(bucket, tokens(text)))``, in the same order, from one pass over the line
    that holds no list of its words: a line of 50 MB costs the counts, not millions of strings."""
    words: Counter[int] = Counter()
    pairs: Counter[int] = Counter()
    first = previous = ""
    count = 0
    for match in WORD.finditer(text):
        word = match.group()
        word = "0" if word.isdigit() else word.lower()
        words[bucket(word)] += 1
        if count:
            pairs[bucket(f"{previous} {word}")] += 1
        else:
            first = word
        previous, count = word, count + 1
    out = Counter(words)  # the words first, then pairs not among them, then the rest: as `tokens` lists them
    out.update(pairs)
    if count:
        out[bucket("F:" + first)] += 1
        out[bucket("L:" + previous)] += 1
    out[bucket("E:" + text[-1:])] += 1
    out[bucket("S:" + (text[:1] if not text[:1].isalnum() else "alnum"))] += 1
    out[bucket(f"N:{min(count, WORD_COUNT_CAP)}")] += 1
    return out


# The lexicon knows the words of the languages it learned from. How much of a page's
# vocabulary it knows tells the trees how far to trust its score: on a page in a
# language it never saw (German, when it learned from English pages), its score rests
# on the line's shape alone, and the trees learned what to do then (see
# `training.foreign`). A word counts as known when the training pages of two sites or
# more used it; a page's share is read from its first words.
COVERAGE_SAMPLE_WORDS = 1000


COVERAGE_LINE_CHARS = COVERAGE_SAMPLE_WORDS * 20  # what of a line its words are read from


def page_words(lines: Sequence[str]) -> list[str]:
    """The page's first COVERAGE_SAMPLE_WORDS letter words, in lower case."""
    words: list[str] = []
    for text in lines:
        words += letter_words(text[:COVERAGE_LINE_CHARS].lower())
        if len(words) >= COVERAGE_SAMPLE_WORDS:
            break
    return words[:COVERAGE_SAMPLE_WORDS]


def word_buckets(lines: Sequence[str]) -> np.ndarray:
    """The buckets of the page's words (`page_words`)."""
    if compiled.CORE is None:
        return word_buckets_python(lines)
    out = np.empty(COVERAGE_SAMPLE_WORDS, dtype=np.int64)
    count = compiled.CORE.word_buckets(lines, COVERAGE_SAMPLE_WORDS, COVERAGE_LINE_CHARS, out)
    return out[:count]


def word_buckets_python(lines: Sequence[str]) -> np.ndarray:
    return np.fromiter(map(bucket, page_words(lines)), dtype=np.int64)


def coverage(buckets: np.ndarray, known: np.ndarray) -> float:
    """Share of the words (`word_buckets`) that are ``known`` (a bool array over buckets); 0 without words."""
    return float(known[buckets].mean()) if len(buckets) else 0.0


def known_words(buckets_by_site: Sequence[np.ndarray], min_sites: int = 2) -> np.ndarray:
    """Buckets used by at least ``min_sites`` of the sites (one array of buckets per site)."""
    sites = np.zeros(1 << BITS, dtype=np.int32)
    for buckets in buckets_by_site:
        sites[np.unique(buckets)] += 1
    return sites >= min_sites
