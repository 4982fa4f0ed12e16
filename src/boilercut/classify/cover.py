"""How much of each line of a page another text holds.

A word of a line is *covered* when some run of four consecutive words of the
page (``\\w+`` tokens, as the benchmark's metric counts them; runs may cross
line ends) that contains it also occurs in the other text. A line's cover is
the share of its words covered; a line without words has cover 0.

A page's gold text labels its lines for training so (`training/gold.py`).

`aligned` is the same share with the words matched in order: the page's words
and the other text's are aligned (difflib's longest matching blocks), and a
word is covered when it lies in a matched block of four words or more. A text
that an extractor took from the page covers each of its passages once: where
the page shows a passage twice (a teaser of the lead, a hidden copy of the
article), only one copy is covered. On an HTML page it gives each line its
``extracted`` feature from trafilatura's main text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

import numpy as np

TOKEN = re.compile(r"\w+")
RUN = 4  # the metric's shingle length


def cover(lines: Sequence[str], other: str) -> np.ndarray:
    """The share of each line's words that ``other`` holds in runs of four (of its own
    length when it has fewer than four words)."""
    theirs = TOKEN.findall(other)
    if not theirs:
        return np.zeros(len(lines))
    run = min(RUN, len(theirs))
    runs = {tuple(theirs[i : i + run]) for i in range(len(theirs) - run + 1)}
    tokens: list[str] = []
    counts = np.zeros(len(lines))
    for number, line in enumerate(lines):
        found = TOKEN.findall(line)
        tokens += found
        counts[number] = len(found)
    covered = np.zeros(len(tokens) + 1, dtype=np.int8)  # +1: a run starting at i marks i..i+run
    for i in range(len(tokens) - run + 1):
        if tuple(tokens[i : i + run]) in runs:
            covered[i] += 1
            covered[i + run] -= 1
    return _line_shares(np.cumsum(covered[:-1]) > 0, counts.astype(np.int64))


# Past this many page words times other words, the alignment could take seconds: `cover` stands in.
MAX_ALIGNED_WORK = 400_000_000


def aligned(lines: Sequence[str], other: str) -> np.ndarray:
    """The share of each line's words matched in order with ``other`` in blocks of four
    words or more (see the module's text)."""
    theirs = TOKEN.findall(other)
    words = [TOKEN.findall(line) for line in lines]
    ours = [word for found in words for word in found]
    if len(ours) * len(theirs) > MAX_ALIGNED_WORK:
        return cover(lines, other)
    counts = np.fromiter((len(found) for found in words), dtype=np.int64, count=len(lines))
    covered = np.zeros(len(ours))
    for start, _, size in SequenceMatcher(None, ours, theirs, autojunk=False).get_matching_blocks():
        if size >= RUN:
            covered[start : start + size] = 1.0
    return _line_shares(covered, counts)


def _line_shares(covered: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Each line's share of covered words, from a flag per word and each line's word count."""
    hits = np.bincount(np.repeat(np.arange(len(counts)), counts), weights=covered, minlength=len(counts))
    return np.divide(hits, counts, out=np.zeros(len(counts)), where=counts > 0)
