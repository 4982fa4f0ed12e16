"""Which rules' required literals occur on which lines: one Aho-Corasick pass a document.

Every gated rule needs one of its literals in a line before its regex runs.
Rather than testing each literal on each line, one automaton of all the
literals of a site's rules scans the case-folded document once; the result is
shared by every rule stage and recomputed only if a stage changed the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

import ahocorasick

from ..document import Block
from .matcher import lines_by_first_char
from .model import Rule

LINE_BREAK = re.compile("\n")
SCAN_WINDOW = 1 << 20  # characters the automaton scans at a time


class LiteralIndex:
    def __init__(self, rules: Sequence[tuple[Rule, tuple[str, ...]]]) -> None:
        """`rules`: each gated rule with its (case-folded) literals."""
        owners: dict[str, list[str]] = {}
        for rule, literals in rules:
            for literal in literals:
                owners.setdefault(literal, []).append(rule.id)
        self._automaton = ahocorasick.Automaton() if owners else None
        self._overlap = max(map(len, owners), default=1) - 1  # a literal across a window's edge is found once
        for literal, ids in owners.items():
            self._automaton.add_word(literal, tuple(ids))  # type: ignore[union-attr]
        if self._automaton is not None:
            self._automaton.make_automaton()

    def lines(self, texts: Sequence[str]) -> dict[str, list[int]]:
        """For each gated rule, the lines (in order) holding one of its literals; rules with none are left out."""
        if self._automaton is None:
            return {}
        folded = "\n".join(texts).casefold()  # case folding never adds or removes a line break
        starts = [0, *(match.end() for match in LINE_BREAK.finditer(folded))]
        found: dict[str, set[int]] = {}
        for end, ids in self._matches(folded):
            line = bisect_right(starts, end) - 1
            for rule in ids:
                found.setdefault(rule, set()).add(line)
        return {rule: sorted(lines) for rule, lines in found.items()}

    def _matches(self, folded: str) -> Iterator[tuple[int, tuple[str, ...]]]:
        """(end, rule ids) of every literal found, scanning a window of the text at a time:
        the automaton copies what it scans into four bytes a character."""
        assert self._automaton is not None
        if len(folded) <= SCAN_WINDOW:
            yield from self._automaton.iter(folded)
            return
        for start in range(0, len(folded), SCAN_WINDOW):
            first = max(0, start - self._overlap)  # the window's start, reaching back over its edge
            for end, ids in self._automaton.iter(folded[first : start + SCAN_WINDOW]):
                if first + end >= start:  # ends in this window's own part: not found by the one before
                    yield first + end, ids


class DocumentLiterals:
    """One document's line indexes shared by the rule stages: the literal scan and the lines
    by first character, each redone only if a stage changed the text."""

    def __init__(self, index: LiteralIndex, blocks: Sequence[Block]) -> None:
        self._index = index
        self._blocks = blocks
        self._texts: list[str] | None = None
        self._lines: dict[str, list[int]] = {}
        self._first: dict[str, list[int]] = {}

    def indexes(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """For each gated rule, the lines holding one of its literals (see LiteralIndex.lines),
        and the lines grouped by their first character (see matcher.lines_by_first_char)."""
        self._refresh()
        return self._lines, self._first

    def _refresh(self) -> None:
        texts = [block.text for block in self._blocks]
        if texts != self._texts:
            self._texts, self._lines = texts, self._index.lines(texts)
            self._first = lines_by_first_char(self._blocks)
