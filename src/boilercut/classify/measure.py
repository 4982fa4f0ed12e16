"""Per-line measurements: what each line of a document is, read from its own text.

One pass over the lines fills a table of columns (one numpy array per signal):
lengths, letters, capitals, digits, punctuation, stopwords of the page's
language, sentence ends, the vocabulary cue, the line's shape; on an HTML page,
how much of the line the extractor kept; what it shares with the page's title
(`title.py`). What a line's
neighbours and the page say about it is derived from these columns afterwards
(`context.py`), with array operations over the whole document.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import partial

import numpy as np

from . import compiled, title
from .cues import CUE_CODES, cue_all, kind_flags
from .lines import ASCII_UPPER, VALUES, measure_all
from .memo import Memo
from .view import View

# Shapes compare lines by their opening: "by Name ( 123 ) writes:" -> "a A ( 9 ) a :".
SHAPE_TOKEN = re.compile(r"[^\W\d_]+|\d+|\S")
SHAPE_TOKENS = 6
DIGIT = re.compile(r"\d")
UPPER = re.compile(r"[^\W\d_]")
PUNCT = re.compile(r"[^\w\s]")
WORD_RUN = re.compile(r"\w+")  # words as the benchmark's metric counts them
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
    "extracted",
    *title.COLUMNS,
)


def shape(text: str) -> str:
    """The line's opening as classes of tokens, and its last character."""
    parts = []
    for token in (match.group() for match in itertools.islice(SHAPE_TOKEN.finditer(text), SHAPE_TOKENS)):
        if token.isdigit():
            parts.append("9")
        elif token[0].isalpha():
            parts.append("A" if token[0].isupper() else "a")
        else:
            parts.append(token)
    return " ".join(parts) + "|" + text[-1:]


def shapes(lines: Sequence[str]) -> list[str]:
    """`shape` of each line."""
    if compiled.CORE is None:
        return shapes_python(lines)
    return compiled.CORE.shapes(lines)  # type: ignore[no-any-return]


def shapes_python(lines: Sequence[str]) -> list[str]:
    return [shape(text) for text in lines]


def measure(view: View, memo: Memo | None = None) -> tuple[dict[str, np.ndarray], str | None]:
    """The per-line columns of one document, each computed over all its lines at once
    (``memo``: what earlier rounds measured of the same document), and the language
    guessed for it (a stoplist's name, or None)."""
    lines = view.lines
    blank_before = view.blank_before.astype(int).tolist()
    found = measure_all(lines, blank_before, memo.lines if memo else None)
    measured = found.lines
    cues = cue_all(measured, memo.cues if memo else None)
    column = partial(_column, count=len(lines))
    sizes = column(map(len, lines))
    classes = char_counts(lines)
    flags = np.array([kind_flags(cue) for cue in cues], dtype=np.float64).reshape(len(lines), 5)
    known = float(bool(measured and measured[0].stoplist))
    cols = {
        "chars": sizes,
        **{name: found.table[:, k] for k, name in enumerate(VALUES)},
        "comma_end": column(text.endswith(",") for text in lines),
        "blank_before": np.minimum(column(blank_before), 3.0),
        "digits": classes[:, 0] / sizes,
        "upper": classes[:, 1] / sizes,
        "punct": classes[:, 2] / sizes,
        "first_lower": column(text[0].islower() for text in lines),
        "first_bullet": column(text[0] in BULLETS for text in lines),
        "first_digit": column(text[0].isdigit() for text in lines),
        "cue": column(CUE_CODES[cue.rule] if cue is not None else 0 for cue in cues),
        **{name: flags[:, k] for k, name in enumerate(CUE_FLAGS)},
        **repeats(lines),
        "language_known": np.full(len(lines), known),
        "ruled_above": view.ruled_above,
        "ruled_below": view.ruled_below,
        "ruled_gap": view.ruled_gap,
        "extracted": view.extracted,
        **title.columns(
            lines, [line.tokens for line in measured], measured[0].stoplist if measured else frozenset(), view.head
        ),
    }
    return {name: np.ascontiguousarray(cols[name], dtype=np.float64) for name in COLUMNS}, found.language


def _column(values: Iterable[float], count: int) -> np.ndarray:
    return np.fromiter(values, dtype=np.float64, count=count)


CUE_FLAGS = ("cue_boilerplate", "cue_comment", "cue_caption", "cue_ad", "cue_date")


def repeats(lines: tuple[str, ...]) -> dict[str, np.ndarray]:
    """How many other lines of the page have the same text, opening shape, first or last word."""
    keys = {
        "repeats": lines,
        "shape_repeats": shapes(lines),
        "first_word_repeats": [text.split(None, 1)[0].lower() for text in lines],
        "last_word_repeats": [text.rsplit(None, 1)[-1].lower() for text in lines],
    }
    out = {}
    for name, values in keys.items():
        counts = Counter(values)
        out[name] = np.fromiter(map(counts.__getitem__, values), dtype=np.float64, count=len(lines)) - 1.0
    return out


def char_counts(lines: Sequence[str]) -> np.ndarray:
    """(digits, capital letters, punctuation marks, words) of each line: a lines x 4 table."""
    if compiled.CORE is None:
        return char_counts_python(lines)
    out = np.empty((len(lines), 4))
    compiled.CORE.char_counts(lines, out)
    return out


# Longer lines are counted without lists of their characters (the same counts).
LONG_LINE = 1 << 16


def _long_line_matches(text: str) -> tuple[Iterator[object], ...]:
    uppers = (match for match in UPPER.finditer(text) if match.group().isupper())
    return DIGIT.finditer(text), uppers, PUNCT.finditer(text), WORD_RUN.finditer(text)


def char_counts_python(lines: Sequence[str]) -> np.ndarray:
    """`char_counts` with regular expressions (the reference the compiled loop follows); ASCII
    lines by deleting bytes (`_ascii_counts`: the same counts, a few passes in C)."""
    rows = [
        (
            _ascii_counts(text)
            if text.isascii()
            else (
                len(DIGIT.findall(text)),
                sum(map(str.isupper, UPPER.findall(text))),
                len(PUNCT.findall(text)),
                len(WORD_RUN.findall(text)),
            )
        )
        if len(text) <= LONG_LINE
        else tuple(sum(1 for _ in matches) for matches in _long_line_matches(text))
        for text in lines
    ]
    return np.array(rows, dtype=np.float64).reshape(len(lines), 4)


def _bytes_matching(pattern: re.Pattern[str]) -> bytes:
    """The ASCII characters ``pattern`` matches alone, as bytes."""
    return bytes(byte for byte in range(128) if pattern.fullmatch(chr(byte)))


ASCII_DIGITS = _bytes_matching(DIGIT)
ASCII_PUNCT = _bytes_matching(PUNCT)
# Bytes that are not word characters made spaces: the words are what splitting leaves.
ASCII_WORDS_ONLY = bytes(byte if byte < 128 and re.fullmatch(r"\w", chr(byte)) else ord(" ") for byte in range(256))


def _ascii_counts(text: str) -> tuple[int, int, int, int]:
    """`char_counts_python`'s row of an ASCII line: each class counted as the bytes deleting it removes."""
    data = text.encode()
    size = len(data)
    return (
        size - len(data.translate(None, ASCII_DIGITS)),
        size - len(data.translate(None, ASCII_UPPER)),  # of UPPER's letters, those str.isupper
        size - len(data.translate(None, ASCII_PUNCT)),
        len(data.translate(ASCII_WORDS_ONLY).split()),
    )
