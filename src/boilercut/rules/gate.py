"""Which lines a pattern could possibly match, decided before running it.

Read from the pattern's parse tree: the characters a match anchored at the
line start can begin with, literals one of which every match contains, and
for a pattern anchored at both ends, the longest line it can match.
Lines that fail the gate skip the rule. The analysis is sound, never clever:
whatever it cannot read (regex-only syntax, lookarounds, classes it cannot
list) gives no gate, and the rule runs on every line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# Properties of the regex module that re's parser does not know: outside a
# class they stand for one character of some kind, inside for some members.
PROPERTY = re.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]|\\L<[^>]*>|\\X")
# Syntax re would misread as literals: POSIX classes ([:digit:], also inside a
# class), and braces that are not a repeat count (fuzzy matching: {e}, {e<=1}).
MISREAD = re.compile(r"\[:\^?[a-z]+:\]|(?<!\\)\{(?!\d+(?:,\d*)?\}|,\d+\})")
# Regex-only syntax that matches several characters where re reads one.
MULTI_CHARACTER = re.compile(r"\\X|\\L<")
# Literals shorter than this occur in most lines: gating on them costs more
# than it saves, so a rule with one goes ungated by literals.
MIN_LITERAL_LENGTH = 3
# ...except marks that prose seldom holds: one alone ("@" of a handle, "©", a breadcrumb's
# arrows, the slash of a credit's "NAME / AGENCY") gates well; and words of the scripts
# whose one or two characters make a word (Chinese 首页, Japanese トップ, Korean 홈 "home"):
# a page in another script never holds them.
RARE_MARKS = frozenset("@©®™#$€£>»›/")
WORD_SCRIPTS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
# A character class wider than this is not listed character by character.
MAX_LISTED_RANGE = 256
ASCII_WORD = frozenset("0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
ASCII_DIGITS = frozenset("0123456789")


@dataclass(frozen=True, slots=True)
class Gate:
    """None in a field means: no restriction known."""

    first_chars: frozenset[str] | None = None  # a match can only start a line with these...
    non_ascii_first: bool = True  # ...or, if true, with any non-ASCII character
    literals: tuple[str, ...] | None = None  # casefolded; a match contains one of them
    max_length: int | None = None  # a whole-line pattern: longer lines cannot match
    digit: bool = False  # every match holds a decimal digit (a date, a time, a count)

    def admits(self, text: str, folded: str) -> bool:
        first = self.first_chars
        if first is not None and text[0] not in first and not (self.non_ascii_first and not text[0].isascii()):
            return False
        return self.literals is None or any(literal in folded for literal in self.literals)


NO_GATE = Gate()
END_ANCHORS = ((sre.AT, sre.AT_END), (sre.AT, sre.AT_END_STRING))


# Each site's rule sets hold the default rules again, and the literal index reads every
# rule's gate once more: a pattern's gate is read once a run, or taken from `known`.
_KNOWN: dict[str, Gate] = {}


def gates_of(patterns: Iterable[str]) -> dict[str, Gate]:
    """The gate of each pattern: what a rule book keeps between runs (see `known`)."""
    return {pattern: gate_for(pattern) for pattern in patterns}


def known(gates: Mapping[str, Gate]) -> None:
    """Take ``gates`` (from `gates_of`, kept between runs) instead of reading those patterns again."""
    _KNOWN.update(gates)


def gate_for(pattern: str) -> Gate:
    gate = _KNOWN.get(pattern)
    if gate is None:
        gate = _KNOWN[pattern] = _read_gate(pattern)
    return gate


def _read_gate(pattern: str) -> Gate:
    widened = _widen_properties(pattern)
    if MISREAD.search(widened):  # once properties are widened: the braces of \p{Lu} are not a repeat
        return NO_GATE
    try:
        tree = sre_parse.parse(widened)
    except Exception:  # re cannot read it (regex-only syntax): no gate, always run
        return NO_GATE
    ignore_case = bool(tree.state.flags & sre.SRE_FLAG_IGNORECASE)
    items = list(tree)
    first_chars: frozenset[str] | None = None
    non_ascii = True
    if items and items[0] == (sre.AT, sre.AT_BEGINNING):
        first = _first(items[1:], ignore_case)
        if first is not None and not first.nullable:
            first_chars, non_ascii = frozenset(first.chars), first.non_ascii
    literals = _required(items, ignore_case)
    if not literals or not all(map(_selective, literals)):
        literals = None
    max_length = None if MULTI_CHARACTER.search(pattern) else _whole_line_max_length(tree, items)
    return Gate(first_chars, non_ascii, tuple(sorted(literals)) if literals else None, max_length, _needs_digit(items))


def _whole_line_max_length(tree: Any, items: list[tuple[Any, Any]]) -> int | None:
    """The longest line a pattern between ^ and $ can match, if it is bounded.

    Lines hold no line break, so $ matches only at their end and a match spans
    the whole line. Case-insensitive matching folds one character to one (the
    regex module's default), so the width read by re is the width matched.
    """
    if len(items) < 2 or items[0] != (sre.AT, sre.AT_BEGINNING) or items[-1] not in END_ANCHORS:
        return None
    longest = tree.getwidth()[1]
    return longest if longest < sre.MAXREPEAT - 1 else None


def _widen_properties(pattern: str) -> str:
    """Replace each property by what re reads as "any character" in its place."""
    out: list[str] = []
    in_class = False
    position = 0
    while position < len(pattern):
        found = PROPERTY.match(pattern, position)
        if found:
            out.append("\\x00-\\U0010ffff" if in_class else ".")
            position = found.end()
            continue
        char = pattern[position]
        step = 2 if char == "\\" else 1
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class and out and out[-1] != "[":
            in_class = False
        out.append(pattern[position : position + step])
        position += step
    return "".join(out)


# ----------------------------------------------------------- first characters


@dataclass(slots=True)
class _First:
    chars: set[str]
    non_ascii: bool = False  # some non-ASCII first character is possible
    nullable: bool = False  # the item can match the empty string


def _folds_plainly(literal: str) -> bool:
    """Case folding maps each character of the literal one to one, as regex's matching does.

    Not so for Turkish İ ("i̇", two characters) or dotless ı (upper case I): a
    case-insensitive pattern with them matches text their casefold is not in.
    """
    return all(len(char.casefold()) == 1 and char.upper().lower() == char.lower() for char in literal)


def _first(items: list[tuple[Any, Any]], ignore_case: bool) -> _First | None:
    result = _First(set(), nullable=True)
    for op, arg in items:
        item = _first_of(op, arg, ignore_case)
        if item is None:
            return None
        result.chars |= item.chars
        result.non_ascii = result.non_ascii or item.non_ascii
        if not item.nullable:
            result.nullable = False
            return result
    return result


def _first_of(op: Any, arg: Any, ignore_case: bool) -> _First | None:
    if op is sre.LITERAL:
        return _literal_first(chr(arg), ignore_case)
    if op is sre.AT:
        return _First(set(), nullable=True)
    if op is sre.IN:
        return _class_first(arg, ignore_case)
    if op is sre.BRANCH:
        return _branch_first(arg[1], ignore_case)
    if op is sre.SUBPATTERN:
        return _first(list(arg[-1]), _scoped_case(ignore_case, arg[1], arg[2]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        inner = _first(list(arg[2]), ignore_case)
        if inner is not None and arg[0] == 0:
            inner.nullable = True
        return inner
    return None  # ANY, lookarounds, backreferences...: anything may start


def _literal_first(char: str, ignore_case: bool) -> _First:
    if not ignore_case:
        return _First({char}, non_ascii=not char.isascii())
    # Case-insensitive matching pairs characters beyond lower and upper case
    # (the Kelvin sign and K, Turkish İ and i): take every character that
    # folds or cases to the same first letter, and allow any non-ASCII start.
    partners = {char, char.lower()[0], char.upper()[0], char.casefold()[0]}
    partners |= {p.lower()[0] for p in partners} | {p.upper()[0] for p in partners}
    return _First(partners, non_ascii=True)


def _class_first(members: list[tuple[Any, Any]], ignore_case: bool) -> _First | None:
    result = _First(set())
    for op, arg in members:
        if op is sre.LITERAL:
            item = _literal_first(chr(arg), ignore_case)
            result.chars |= item.chars
            result.non_ascii = result.non_ascii or item.non_ascii
        elif op is sre.RANGE and arg[1] - arg[0] <= MAX_LISTED_RANGE:
            for code in range(arg[0], arg[1] + 1):
                item = _literal_first(chr(code), ignore_case)
                result.chars |= item.chars
                result.non_ascii = result.non_ascii or item.non_ascii
        elif op is sre.CATEGORY and arg is sre.CATEGORY_DIGIT:
            result.chars |= ASCII_DIGITS
            result.non_ascii = True
        elif op is sre.CATEGORY and arg is sre.CATEGORY_WORD:
            result.chars |= ASCII_WORD
            result.non_ascii = True
        elif not (op is sre.CATEGORY and arg is sre.CATEGORY_SPACE):  # lines never start with space
            return None
    return result


def _branch_first(branches: list[Any], ignore_case: bool) -> _First | None:
    result = _First(set())
    for branch in branches:
        item = _first(list(branch), ignore_case)
        if item is None:
            return None
        result.chars |= item.chars
        result.non_ascii = result.non_ascii or item.non_ascii
        result.nullable = result.nullable or item.nullable
    return result


def _scoped_case(ignore_case: bool, add_flags: int, del_flags: int) -> bool:
    if add_flags & sre.SRE_FLAG_IGNORECASE:
        return True
    return ignore_case and not del_flags & sre.SRE_FLAG_IGNORECASE


# ------------------------------------------------------------ a required digit


def _needs_digit(items: list[tuple[Any, Any]]) -> bool:
    """Whether every match of the sequence holds a decimal digit (as \\d finds one)."""
    return any(_item_needs_digit(op, arg) for op, arg in items)


def _item_needs_digit(op: Any, arg: Any) -> bool:
    if op is sre.LITERAL:
        return chr(arg).isdecimal()
    if op is sre.IN:  # a class of digits only: \d, [0-9], [0-5]
        return bool(arg) and all(_digits_only(member, value) for member, value in arg)
    if op is sre.SUBPATTERN:
        return _needs_digit(list(arg[-1]))
    if op is sre.BRANCH:
        return all(_needs_digit(list(branch)) for branch in arg[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        return arg[0] >= 1 and _needs_digit(list(arg[2]))
    return False


def _digits_only(op: Any, arg: Any) -> bool:
    if op is sre.CATEGORY:
        return arg is sre.CATEGORY_DIGIT
    if op is sre.LITERAL:
        return chr(arg).isdecimal()
    if op is sre.RANGE:
        return ord("0") <= arg[0] <= arg[1] <= ord("9")
    return False  # NEGATE and anything else


# ---------------------------------------------------------- required literals


def _required(items: list[tuple[Any, Any]], ignore_case: bool) -> set[str] | None:
    """Literals, casefolded, one of which every match of the sequence contains.

    Of all the choices a sequence offers, the most selective: one whose
    literals are all selective, and of those the one whose shortest literal is
    longest.
    """
    best: set[str] | None = None
    for option in _sequence_options(items, ignore_case):
        if best is None or _strength(option) > _strength(best):
            best = option
    return best


def _strength(option: set[str]) -> tuple[bool, int]:
    return all(map(_selective, option)), min(map(len, option))


def _selective(literal: str) -> bool:
    """Whether a literal is rare enough in text for gating on it to pay."""
    if len(literal) >= MIN_LITERAL_LENGTH or all(char in RARE_MARKS for char in literal):
        return True
    return WORD_SCRIPTS.fullmatch(literal) is not None


def _sequence_options(items: list[tuple[Any, Any]], ignore_case: bool) -> list[set[str]]:
    options: list[set[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            options.extend(_folded_run(run))
            run = []
        if op is sre.BRANCH:
            each = [_required(list(branch), ignore_case) for branch in arg[1]]
            if all(each):
                options.append(set().union(*each))  # type: ignore[arg-type]
        elif op is sre.SUBPATTERN:
            inner = _required(list(arg[-1]), _scoped_case(ignore_case, arg[1], arg[2]))
            if inner:
                options.append(inner)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1:
            inner = _required(list(arg[2]), ignore_case)
            if inner:
                options.append(inner)
        elif op is sre.IN:
            members = _listed_members(arg)
            if members:
                options.append(members)
    if run:
        options.extend(_folded_run(run))
    return options


# A class of at most this many plain characters ("[>»›]") is an option of literals, one a character.
MAX_CLASS_LITERALS = 8


def _listed_members(members: list[tuple[Any, Any]]) -> set[str] | None:
    """The characters of a small class of plain characters, casefolded; None for any other class."""
    if len(members) > MAX_CLASS_LITERALS or any(op is not sre.LITERAL for op, _ in members):
        return None  # negated, ranges, categories: not listed here
    chars = [chr(arg) for _, arg in members]
    if not all(map(_folds_plainly, chars)):
        return None
    return {char.casefold() for char in chars}


def _folded_run(run: list[str]) -> list[set[str]]:
    """A run of literal characters as gate options: its pieces that case folding keeps one to one.

    "schließen" gives "schlie" and "en": every match holds both, whatever ß matched.
    """
    pieces: list[str] = []
    piece = ""
    for char in run:
        if _folds_plainly(char):
            piece += char
        elif piece:
            pieces.append(piece)
            piece = ""
    pieces.append(piece)
    return [{piece.casefold()} for piece in pieces if piece]
