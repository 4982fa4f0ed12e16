"""fix_encoding: repair mojibake, entities, Unicode form, stray characters, spacing.

ftfy does the repair, but costs about 1.7 MB/s; it runs only on documents in
which a cheap pattern sees the marks of mojibake. Curly quotes, dashes and
no-break spaces are kept as they are: they are the article's characters.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import ClassVar

import regex

from ..document import Document
from ..registry import describe
from ..stage import StageContext

# UTF-8 read as cp1252 or Latin-1: a lead byte shown as Â..ô followed by a
# continuation byte shown as a C1 control or one of cp1252's 0x80-0xBF signs;
# or a lone C1 control (U+0080-U+009F never appears in real text).
# Plain character classes run faster under re than under regex, with the same meaning.
# The pattern opens with one class (either kind of first character), checked
# behind once found: re then skips to candidates in a tight loop, twice as fast
# as an alternation of the two shapes.
# What a piece of mojibake opens with: a lead byte (Â..ô) or a lone C1 control.
MOJIBAKE_FIRST = "\u0080-\u009f\u00c2-\u00f4"
LIKELY_MOJIBAKE = re.compile(
    f"[{MOJIBAKE_FIRST}]"
    "(?:(?<=[\u00c2-\u00f4])[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|(?<=[\u0080-\u009f]))"
)
HTML_ENTITY = regex.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# C0/C1 controls (tab aside), zero-width space, word joiner, BOM and soft hyphen.
# Zero-width (non-)joiners stay: Persian, Indic scripts and emoji need them.
STRAY = "\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u2060\ufeff\u00ad"
STRAY_CHARACTERS = re.compile(f"[{STRAY}]")
# Either kind of character above: mojibake's first characters and the stray ones. Most
# documents hold none, and one scan for both then spares the mojibake search and the
# removal of stray characters (normalising to NFC never makes a stray character).
MARKED = re.compile(f"[{STRAY}{MOJIBAKE_FIRST}]")
# Runs of spaces and tabs become one space; so do line and paragraph
# separators that a repair or an entity produced inside a line.
SPACE_RUN = regex.compile("[ \t\u2028\u2029]{2,}|[\t\u2028\u2029]")
# Characters without which SPACE_RUN finds nothing: looked for first, in C, as
# most documents hold none and the substitution would scan them for nothing.
SPACE_RUN_MARKS = ("  ", "\t", "\u2028", "\u2029")


class FixEncoding:
    name: ClassVar[str] = "fix_encoding"
    description: ClassVar[str] = describe("fix_encoding")
    accepts_rules: ClassVar[bool] = False
    builtin_rules: ClassVar[dict[str, str]] = {"EN001": "a line left empty once stray characters are removed"}

    def apply(self, doc: Document, context: StageContext) -> None:
        before = [block.text for block in doc.blocks]
        if not before:
            return  # "".split("\n") is one line, not none
        # One pass over the whole document: every pattern runs in C over the
        # joined text, and only lines that changed are touched in Python.
        after = fix_text("\n".join(before)).split("\n")
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            if new != old:
                doc.blocks[index].text = new = new.strip()
                if not new:
                    doc.drop(index, self.name, "EN001", "nothing left once stray characters were removed")


def fix_text(text: str) -> str:
    """Repair a text without adding or removing line breaks."""
    marked = MARKED.search(text) is not None
    if not text.isascii():
        if marked and LIKELY_MOJIBAKE.search(text):
            # A repair can decode a line break out of mojibake: it must not split the line.
            text = "\n".join(_repair_mojibake(line).replace("\n", " ") for line in text.split("\n"))
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    if "&" in text:
        unescaped = _unescape_all(text)
        marked = marked or unescaped != text  # an entity may stand for a stray character
        text = unescaped
    if marked:
        text = STRAY_CHARACTERS.sub("", text)
    if any(mark in text for mark in SPACE_RUN_MARKS):
        text = SPACE_RUN.sub(" ", text)
    return text


def _unescape_all(text: str) -> str:
    """Entities unescaped until none is left ("&amp;amp;" is "&"), so a second run changes nothing.

    Each round makes the text shorter, so the loop ends.
    """
    while True:
        unescaped = HTML_ENTITY.sub(_unescape, text)
        if unescaped == text:
            return text
        text = unescaped


def _unescape(entity: regex.Match[str]) -> str:
    # An entity for a line break must not split the line it stands in.
    return html.unescape(entity.group()).replace("\n", " ").replace("\r", " ")


def _repair_mojibake(text: str) -> str:
    import ftfy  # imported only for documents that look damaged: it is slow to load

    config = ftfy.TextFixerConfig(
        unescape_html=False,  # done separately, on entities only
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,  # full-width forms are normal in CJK text
        fix_line_breaks=False,
        explain=False,
    )
    return ftfy.fix_text(text, config)
