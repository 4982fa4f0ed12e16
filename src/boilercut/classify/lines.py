"""Cheap per-line measurements: word count, stopword density, closing punctuation.

Two loops over a document's lines do the work, each compiled in `_core.c` where
the install built it and each with a pure-Python twin: `line_words` (the lower
case and letter words of each new line) and `line_values` (every line's numbers,
as the rows that make its `Line` and as the table the classifier's columns are
read from).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import compiled, language, vocabulary
from . import thresholds as T

TITLE_SMALL_WORDS = vocabulary.load().merged.title_small_words
WORD = re.compile(r"[^\W\d_]+")
# Chinese, Japanese kana and ideographs: written without spaces, so counted by characters.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A sentence ends in . ! ? … (or their CJK forms), possibly followed by quotes or brackets.
ENDERS = frozenset(".!?…。！？")
CLOSERS = "\"'”’»)]）」』"
# A sentence boundary inside a line: ". Next", "? “Next", "。". Written to open
# with one character set, which lets the regex engine skip to the stops in C
# (an alternation of two sets is tried at every position).
INNER_STOP = re.compile(r"[.!?…。！？](?:(?<=[.!?…])[\"'”’»)\]]*\s+[\"'“‘«(\[]?[^\W\d_](?=\w)|(?<=[。！？])(?=.))")
NOT_LETTERS = re.compile(r"[\W\d_]+")
ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
# Every byte but the ASCII letters (what WORD matches in ASCII text) made a space.
ASCII_LETTERS_ONLY = bytes(byte if chr(byte).isascii() and chr(byte).isalpha() else ord(" ") for byte in range(256))

# A line's numbers, in the order of `Measured.table`'s columns; a `Row` holds them and then `norm`.
VALUES = ("words", "stop", "terminal", "colon", "titled", "sentences")
Row = tuple[int, float, bool, bool, bool, bool, str]
# The thresholds `values` reads, in the order the compiled loop takes them.
LIMITS = (
    T.LONG_LINE_CHARS,
    T.CJK_CHARS_PER_WORD,
    T.VOCABULARY_MAX_WORDS,
    T.TITLED_MIN_WORDS,
    T.TITLED_SCAN_CHARS,
    T.TITLED_MIN_SHARE,
    T.UNENDED_PROSE_MIN_WORDS,
    T.UNKNOWN_LANGUAGE_STOP_DENSITY,
)


@dataclass(slots=True)
class Line:
    """One line and its measurements."""

    text: str
    lower: str  # the text in lower case
    tokens: list[str]  # its lower-case letter words
    words: int  # word count (CJK characters count as fractions of a word)
    stop: float  # share of words that are stopwords of the document's language
    terminal: bool  # ends like a sentence
    colon: bool  # ends with a colon (introduces a list or a quote)
    norm: str  # lower case letters only, for vocabulary look-ups ("" for long lines)
    blank: int  # blank lines before it in the raw text (0 if unknown)
    titled: bool  # opens with Title Case words ("Man Bites Dog In Park ..."): a headline
    sentences: bool  # has a sentence boundary inside (so is prose even if its end is cut)
    stoplist: frozenset[str]  # the stoplist ``stop`` was measured against

    @property
    def normalised(self) -> str:
        """``normalise(text)``, from the words already found (cheaper than normalising again)."""
        return " ".join(self.tokens)


@dataclass(slots=True)
class Measured:
    """A document's lines measured: a `Line` each, and their numbers as a table (lines x VALUES)."""

    lines: list[Line]
    table: np.ndarray
    language: str | None  # the language guessed for the document (a stoplist's name), if any


def normalise(text: str) -> str:
    """Lower case, letters only, single spaces: the key for vocabulary look-ups."""
    return NOT_LETTERS.sub(" ", text.lower()).strip()


def letter_words(text: str) -> list[str]:
    """The runs of letters in ``text``: ``WORD.findall(text)``.

    Run on every line. Most lines are ASCII, and for them translating the
    non-letters to spaces in bytes and splitting takes two thirds of the time.
    """
    if text.isascii():
        return text.encode().translate(ASCII_LETTERS_ONLY).decode().split()
    return WORD.findall(text)


def values(text: str, words: list[str], stopwords: frozenset[str]) -> Row:
    """The numbers of one stripped, non-empty line, and its ``norm`` (``words``: the letter
    words of its lower-case opening: see `opening`)."""
    long = len(text) > T.LONG_LINE_CHARS
    count = _count(WORD, text) if long else len(words)
    if not text.isascii():
        cjk = _count(CJK, text) if long else len(CJK.findall(text))
        if cjk:
            count = count - min(count, cjk) + max(1, cjk // T.CJK_CHARS_PER_WORD)
    stop = stop_density(words, stopwords)
    norm = " ".join(words) if count <= T.VOCABULARY_MAX_WORDS else ""
    terminal = text.rstrip(CLOSERS)[-1:] in ENDERS
    titled = count >= T.TITLED_MIN_WORDS and title_cased(text)
    sentences = count >= T.UNENDED_PROSE_MIN_WORDS and INNER_STOP.search(text) is not None
    colon = text.endswith(":")
    return count, stop, terminal, colon, titled, sentences, norm


def opening(text: str) -> str:
    """What of a line its words, lower case and cues are read from: all of it, or of a line
    longer than LONG_LINE_CHARS its opening (its word count still counts every word)."""
    return text if len(text) <= T.LONG_LINE_CHARS else text[: T.LONG_LINE_CHARS]


def _count(pattern: re.Pattern[str], text: str) -> int:
    """The matches of a pattern in a long line, counted without a list of them."""
    return sum(1 for _ in pattern.finditer(text))


def stop_density(words: list[str], stopwords: frozenset[str]) -> float:
    """Share of ``words`` in the stoplist (a prose-like guess when the language is unknown)."""
    if stopwords and words:
        return sum(map(stopwords.__contains__, words)) / len(words)
    return T.UNKNOWN_LANGUAGE_STOP_DENSITY


def remeasure(line: Line, stopwords: frozenset[str], blank: int) -> Line:
    """A line measured before, against a stoplist and blank count: only those fields may change.

    Re-analysis measures kept lines, the long ones, again, mostly with the same
    stoplist: their stopword share is then reused, not counted again.
    """
    if stopwords is line.stoplist and blank == line.blank:
        return line
    stop = line.stop if stopwords is line.stoplist else stop_density(line.tokens, stopwords)
    return Line(
        line.text, line.lower, line.tokens, line.words, stop, line.terminal, line.colon, line.norm, blank,
        line.titled, line.sentences, stopwords,
    )  # fmt: skip


def title_cased(text: str) -> bool:
    """Whether the line opens in Title Case: nearly all words capitalised, small words too."""
    head = text[: T.TITLED_SCAN_CHARS]
    if head.isascii() and _capitals(head) < T.TITLED_MIN_SHARE * T.TITLED_MIN_WORDS:
        return False  # too few capitals for enough capitalised words (the common case, found in C)
    opening = letter_words(head)
    if len(opening) < T.TITLED_MIN_WORDS:
        return False
    capitals = [w for w in opening if w[0].isupper()]
    if len(capitals) < T.TITLED_MIN_SHARE * len(opening):
        return False  # most lines: prose opens with lower-case words
    return any(w.lower() in TITLE_SMALL_WORDS for w in capitals[1:])


def _capitals(ascii_text: str) -> int:
    """Number of capital letters in an ASCII string."""
    data = ascii_text.encode()
    return len(data) - len(data.translate(None, ASCII_UPPER))


def sample_words(tokens: Sequence[list[str]]) -> list[str]:
    """Words for the language guess: those of longer lines first (menus say little)."""
    long_lines = [t for t in tokens if len(t) > T.LANGUAGE_SAMPLE_MIN_SPACES]
    sample: list[str] = []
    for words in long_lines or tokens:
        sample.extend(words)
        if len(sample) >= T.LANGUAGE_SAMPLE_WORDS:
            break
    return sample


def line_words(lines: Sequence[str]) -> tuple[list[str], list[list[str]]]:
    """The lower case of each line's opening (see `opening`), and its letter words."""
    if compiled.CORE is None:
        return line_words_python(lines)
    return compiled.CORE.line_words(lines, T.LONG_LINE_CHARS)  # type: ignore[no-any-return]


def line_words_python(lines: Sequence[str]) -> tuple[list[str], list[list[str]]]:
    lowers = [opening(text).lower() for text in lines]
    return lowers, [letter_words(lower) for lower in lowers]


def line_values(
    lines: Sequence[str], tokens: Sequence[list[str]], stopwords: frozenset[str]
) -> tuple[list[Row], np.ndarray]:
    """`values` of each line (``tokens``: its letter words, from `line_words`): the rows, and
    their numbers as a lines x VALUES table."""
    if compiled.CORE is None:
        return line_values_python(lines, tokens, stopwords)
    table = np.empty((len(lines), len(VALUES)))
    rows = compiled.CORE.line_values(lines, tokens, stopwords, TITLE_SMALL_WORDS, LIMITS, table)
    return rows, table


def line_values_python(
    lines: Sequence[str], tokens: Sequence[list[str]], stopwords: frozenset[str]
) -> tuple[list[Row], np.ndarray]:
    rows = [values(text, words, stopwords) for text, words in zip(lines, tokens, strict=True)]
    table = np.array([row[: len(VALUES)] for row in rows], dtype=np.float64).reshape(len(rows), len(VALUES))
    return rows, table


def measure_all(
    lines: Sequence[str], blank_before: Sequence[int] | None, seen: dict[str, Line] | None = None
) -> Measured:
    """Measure every line, using the stoplist of the language guessed for the document.

    ``seen``: lines of the same document measured by an earlier call, by text (and
    updated here); their `Line` and words are reused, not made again (the table's
    numbers are computed for every line: in C that costs less than gathering them).
    """
    seen = {} if seen is None else seen
    earlier = [seen.get(text) for text in lines]
    lowers, tokens = _words(lines, earlier)
    guess = language.detect(sample_words(tokens))
    stop = language.stopwords(guess)
    blanks = blank_before if blank_before is not None else [0] * len(lines)
    rows, table = line_values(lines, tokens, stop)
    measured = [
        remeasure(line, stop, blank)
        if line
        else Line(text, lower, words, count, share, terminal, colon, norm, blank, titled, sentences, stop)
        for text, lower, words, blank, line, (count, share, terminal, colon, titled, sentences, norm) in zip(
            lines, lowers, tokens, blanks, earlier, rows, strict=True
        )
    ]
    for line in measured:
        seen.setdefault(line.text, line)
    return Measured(measured, table, guess)


def _words(lines: Sequence[str], earlier: list[Line | None]) -> tuple[list[str], list[list[str]]]:
    """Each line's lower-case opening and letter words: an earlier measurement's, or read now."""
    fresh = [text for text, line in zip(lines, earlier, strict=True) if line is None]
    if len(fresh) == len(lines):
        return line_words(lines)
    lowers, tokens = line_words(fresh)
    new_lowers, new_tokens = iter(lowers), iter(tokens)
    return (
        [line.lower if line else next(new_lowers) for line in earlier],
        [line.tokens if line else next(new_tokens) for line in earlier],
    )
