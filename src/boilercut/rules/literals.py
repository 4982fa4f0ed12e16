"""Which rules' required literals occur on which lines: one Aho-Corasick pass a document.

Every gated rule needs one of its literals in a line before its regex runs.
Rather than testing each literal on each line, one automaton of all the
literals of a site's rules scans the case-folded document once; the result is
shared by every rule stage and recomputed only if a stage changed the text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

import ahocorasick

from ..document import Block
from .model import Rule

# What a line's set of present rules is when no gated rule can match on it.
NOTHING: frozenset[str] = frozenset()


class LiteralIndex:
    def __init__(self, rules: Sequence[tuple[Rule, tuple[str, ...]]]) -> None:
        """`rules`: each gated rule with its (case-folded) literals."""
        owners: dict[str, list[str]] = {}
        for rule, literals in rules:
            for literal in literals:
                owners.setdefault(literal, []).append(rule.id)
        self._automaton = ahocorasick.Automaton() if owners else None
        for literal, ids in owners.items():
            self._automaton.add_word(literal, tuple(ids))  # type: ignore[union-attr]
        if self._automaton is not None:
            self._automaton.make_automaton()

    def present(self, texts: Sequence[str]) -> list[frozenset[str]]:
        """For each line, the ids of the rules one of whose literals it contains."""
        if self._automaton is None:
            return [NOTHING] * len(texts)
        folded = "\n".join(texts).casefold()  # case folding never adds or removes a line break
        starts = list(accumulate((len(line) + 1 for line in folded.split("\n")), initial=0))
        found: dict[int, set[str]] = {}
        for end, ids in self._automaton.iter(folded):
            found.setdefault(bisect_right(starts, end) - 1, set()).update(ids)
        return [frozenset(found[i]) if i in found else NOTHING for i in range(len(texts))]


class DocumentLiterals:
    """One document's literal scan, shared by the rule stages, redone if a stage changed the text."""

    def __init__(self, index: LiteralIndex, blocks: Sequence[Block]) -> None:
        self._index = index
        self._blocks = blocks
        self._texts: list[str] | None = None
        self._present: list[frozenset[str]] = []

    def present(self) -> list[frozenset[str]]:
        texts = [block.text for block in self._blocks]
        if texts != self._texts:
            self._texts, self._present = texts, self._index.present(texts)
        return self._present
