"""Per-line measurements: what each line of a document is, read from its own text.

One pass over the lines fills a table of columns (one numpy array per signal):
lengths, letters, capitals, digits, punctuation, stopwords of the page's
language, sentence ends, the vocabulary cue, the line's shape. What a line's
neighbours and the page say about it is derived from these columns afterwards
(`context.py`), with array operations over the whole document.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from .cues import CUE_CODES, cue_all, kind_flags
from .lines import measure_all
from .view import View

# Shapes compare lines by their opening: "by Name ( 123 ) writes:" -> "a A ( 9 ) a :".
SHAPE_TOKEN = re.compile(r"[^\W\d_]+|\d+|\S")
SHAPE_TOKENS = 6
DIGIT = re.compile(r"\d")
UPPER = re.compile(r"[^\W\d_]")
PUNCT = re.compile(r"[^\w\s]")
BULLETS = frozenset("•·-–—*▪►✓→")

# The per-line columns, in table order.
COLUMNS: tuple[str, ...] = (
    "chars",
    "words",
    "stop",
    "terminal",
    "colon",
    "comma_end",
    "titled",
    "sentences",
    "blank_before",
    "digits",
    "upper",
    "punct",
    "first_lower",
    "first_bullet",
    "first_digit",
    "cue",
    "cue_boilerplate",
    "cue_comment",
    "cue_caption",
    "cue_ad",
    "cue_date",
    "repeats",
    "shape_repeats",
    "first_word_repeats",
    "last_word_repeats",
    "language_known",
    "ruled_above",
    "ruled_below",
    "ruled_gap",
)


def shape(text: str) -> str:
    """The line's opening as classes of tokens, and its last character."""
    parts = []
    for token in SHAPE_TOKEN.findall(text)[:SHAPE_TOKENS]:
        if token.isdigit():
            parts.append("9")
        elif token[0].isalpha():
            parts.append("A" if token[0].isupper() else "a")
        else:
            parts.append(token)
    return " ".join(parts) + "|" + text[-1:]


def measure(view: View) -> dict[str, np.ndarray]:
    """The per-line columns of one document."""
    lines = view.lines
    blank_before = view.blank_before.astype(int).tolist()
    measured = measure_all(lines, blank_before)
    cues = cue_all(measured)
    n = len(lines)
    cols: dict[str, list[float]] = {name: [] for name in COLUMNS}
    shapes = [shape(text) for text in lines]
    firsts = [text.split(None, 1)[0].lower() for text in lines]
    lasts = [text.rsplit(None, 1)[-1].lower() for text in lines]
    counts, shape_counts = Counter(lines), Counter(shapes)
    first_counts, last_counts = Counter(firsts), Counter(lasts)
    known = float(bool(measured and measured[0].stoplist))
    for i, (text, line, cue) in enumerate(zip(lines, measured, cues, strict=True)):
        size = len(text)
        code = CUE_CODES[cue.rule] if cue is not None else 0
        flags = kind_flags(cue)
        first = text[0]
        row = (
            size,
            line.words,
            line.stop,
            line.terminal,
            line.colon,
            text.endswith(","),
            line.titled,
            line.sentences,
            min(blank_before[i], 3),
            len(DIGIT.findall(text)) / size,
            sum(1 for c in UPPER.findall(text) if c.isupper()) / size,
            len(PUNCT.findall(text)) / size,
            first.islower(),
            first in BULLETS,
            first.isdigit(),
            code,
            *flags,
            counts[text] - 1,
            shape_counts[shapes[i]] - 1,
            first_counts[firsts[i]] - 1,
            last_counts[lasts[i]] - 1,
            known,
            view.ruled_above[i],
            view.ruled_below[i],
            view.ruled_gap[i],
        )
        for name, value in zip(COLUMNS, row, strict=True):
            cols[name].append(float(value))
    return {name: np.array(values, dtype=np.float64).reshape(n) for name, values in cols.items()}

