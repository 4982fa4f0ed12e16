"""Bytes to text: UTF-16 and UTF-32 by their byte-order mark (or UTF-16 by its zero bytes), UTF-8, a UTF-8
text with stray single-byte lines repaired line by line, then the detected charset (cp1252 when it reads the
text as well as the guess); binary files refused."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Any

from ..errors import DocumentError

# A NUL byte never occurs in text; a few in the first block mean binary data.
BINARY_SNIFF_BYTES = 8192
# The single-byte charset of stray lines in a UTF-8 text, as browsers read them (HTML's "latin-1").
WESTERN = "cp1252"
# charset-normalizer's measures: a guess is "clearly better" than cp1252 only beyond these margins;
# a guess whose chaos (its mess ratio) reaches LOW_CONFIDENCE is reported.
CHAOS_MARGIN = 0.05
COHERENCE_MARGIN = 0.1
LOW_CONFIDENCE = 0.1
# The languages cp1252 is made for, as charset-normalizer names them ("Unknown": too short to tell).
WESTERN_LANGUAGES = frozenset(
    {"Unknown", "English", "French", "German", "Spanish", "Portuguese", "Italian", "Dutch", "Danish",
     "Swedish", "Norwegian", "Finnish", "Catalan", "Icelandic", "Indonesian", "Malay", "Tagalog"}
)  # fmt: skip


# Byte-order marks, UTF-32's first: its little-endian mark begins with UTF-16's.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# UTF-16 without a mark (as some Windows tools write it): in text of Latin, Greek or Cyrillic
# script the high byte of many characters is zero (of every ASCII one: spaces, digits, marks), so
# one byte of each pair is often zero and the other never is: binary data has zeros at both.
WIDE_ZERO_SHARE = 0.1
# Decoded text must be this much letters, digits, punctuation and white space (not controls).
WIDE_PRINTABLE_SHARE = 0.95


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    warning: str | None = None  # what the reader should check, when decoding had to guess


def decode(data: bytes, name: str) -> str:
    return decode_noting(data, name).text


def decode_noting(data: bytes, name: str) -> Decoded:
    """The text of a document's bytes, and a warning when its charset was mixed or guessed weakly."""
    wide = _wide(data)
    if wide is not None:
        return wide
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise DocumentError(f"{name}: binary data (NUL bytes), not text: skipped")
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    return _mixed(data) or _decode_detected(data, name)


def _wide(data: bytes) -> Decoded | None:
    """UTF-32 or UTF-16 text, told by its byte-order mark or, for UTF-16, by where its zero bytes
    fall; None for anything else (bytes that do not decode so are left to the other readings)."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            text = _strictly(data, encoding)
            return Decoded(text) if text is not None else None
    head = data[:BINARY_SNIFF_BYTES]
    if b"\x00" not in head:
        return None
    pairs = len(head) // 2
    high_first, high_second = head[0 : 2 * pairs : 2].count(0), head[1 : 2 * pairs : 2].count(0)
    if high_first == 0 and high_second >= WIDE_ZERO_SHARE * pairs:
        encoding = "utf-16-le"
    elif high_second == 0 and high_first >= WIDE_ZERO_SHARE * pairs:
        encoding = "utf-16-be"
    else:
        return None
    text = _strictly(data, encoding)
    if text is None or not _printable(text):
        return None
    return Decoded(
        text, f"read as {encoding.upper()} (no byte-order mark): check the output, or convert the file to UTF-8"
    )


def _strictly(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def _printable(text: str) -> bool:
    sample = text[:BINARY_SNIFF_BYTES]
    readable = sum(1 for char in sample if char.isprintable() or char.isspace())
    return readable >= WIDE_PRINTABLE_SHARE * len(sample)


def _mixed(data: bytes) -> Decoded | None:
    """A UTF-8 text with some lines in a single-byte charset (a latin-1 line pasted in): each line read
    as UTF-8 when it is, else as cp1252. None when no line holds UTF-8 beyond ASCII: not a UTF-8 text."""
    lines = data.splitlines(keepends=True)
    texts, strays, utf8 = [], 0, False
    for line in lines:
        try:
            text = line.decode("utf-8")
            utf8 = utf8 or not line.isascii()
        except UnicodeDecodeError:
            text = _western(line)
            strays += 1
        texts.append(text)
    if not utf8:
        return None
    text = "".join(texts).removeprefix("\ufeff")
    return Decoded(text, f"mixed encodings: {strays} of {len(lines)} lines are not UTF-8 and were read as {WESTERN}")


def _western(line: bytes) -> str:
    try:
        return line.decode(WESTERN)
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined: latin-1's C1 controls
        return line.decode("latin-1")


def _decode_detected(data: bytes, name: str) -> Decoded:
    from charset_normalizer import from_bytes  # only for the rare file that is not UTF-8

    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(f"{name}: neither UTF-8 nor any charset that could be detected: skipped")
    western = _western_instead(data, best)
    if western is not None:
        return Decoded(western)
    warning = None
    if best.chaos >= LOW_CONFIDENCE:
        warning = (
            f"charset guessed as {best.encoding} with low confidence ({best.percent_chaos:.0f}% of the text looks "
            "garbled): check the output, or convert the file to UTF-8"
        )
    return Decoded(str(best), warning)


def _western_instead(data: bytes, best: Any) -> str | None:
    """cp1252's text when the guess is another Latin-script single-byte charset and cp1252 reads the text
    as well: cp1252 is by far the common one, and the guesses differ from it only in a few accented
    letters (à -> ŕ, è -> č, ã -> ă), where charset-normalizer's measures barely tell them apart.

    cp1252 must decode the bytes without C1 controls and without symbols inside words (Polish read as
    cp1252 gives 'Rz¹d'); its text must read as a language cp1252 is made for (or as none detected); and
    the guess must not be clearly better by charset-normalizer's own chaos and coherence."""
    if best.encoding == WESTERN or not _latin_script(best.alphabets):
        return None
    text = _clean_western(data)
    if text is None:
        return None
    from charset_normalizer import from_bytes

    western = from_bytes(data, cp_isolation=[WESTERN]).best()
    if western is None or western.language not in WESTERN_LANGUAGES:
        return None
    clearly_better = best.chaos + CHAOS_MARGIN < western.chaos or best.coherence - COHERENCE_MARGIN > western.coherence
    return None if clearly_better else text


def _clean_western(data: bytes) -> str | None:
    try:
        text = data.decode(WESTERN)  # bytes cp1252 leaves undefined raise here
    except UnicodeDecodeError:
        return None
    if any("\x80" <= char <= "\x9f" for char in text) or not _plausible_letters(text):
        return None
    return text


# Characters beyond ASCII between ASCII letters: inside a word, so they should be letters too.
IN_WORD = re.compile(r"(?<=[A-Za-z])[^\x00-\x7f]+(?=[A-Za-z])")


def _plausible_letters(text: str) -> bool:
    """No symbol inside a word: Polish in cp1250 read as cp1252 gives 'Rz¹d', 'dziœ', 'przysz³ego'."""
    return all(match.group().isalpha() for match in IN_WORD.finditer(text))


def _latin_script(alphabets: list[str]) -> bool:
    allowed = ("Basic Latin", "Latin", "General Punctuation", "Control character")
    return all(alphabet.startswith(allowed) for alphabet in alphabets)
