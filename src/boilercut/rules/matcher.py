"""Compiled rules of one stage for one site, and the fast path that finds their lines.

Most lines match no rule. Each rule carries a gate read from its pattern (the
characters a match can start with, literals every match contains); a line is
handed to a rule's regex only if it passes the gate, and rules are bucketed by
first character so a line meets only the rules that could start on it.
Patterns run under a time-out: a catastrophic one is reported, not left to hang.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from ..document import Block
from .gate import Gate, gate_for
from .model import Rule

# One search may take this long before its rule is reported and skipped:
# a sane pattern needs microseconds on a line; a second means it is runaway.
PATTERN_TIMEOUT_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: Rule
    pattern: regex.Pattern[str]
    gate: Gate
    end: regex.Pattern[str] | None
    while_: regex.Pattern[str] | None

    @classmethod
    def of(cls, rule: Rule) -> CompiledRule:
        def compile_optional(source: str | None) -> regex.Pattern[str] | None:
            return regex.compile(source) if source is not None else None

        return cls(
            rule,
            regex.compile(rule.pattern),
            gate_for(rule.pattern),
            compile_optional(rule.end),
            compile_optional(rule.while_),
        )

    def admits(self, block: Block) -> bool:
        """The conditions besides the pattern: blank lines before, length."""
        rule = self.rule
        if block.blank_before < rule.min_blank_before:
            return False
        return rule.max_words is None or len(block.text.split()) <= rule.max_words


@dataclass(frozen=True, slots=True)
class Hit:
    index: int
    rule: CompiledRule


class RuleSet:
    """The rules one stage applies to one site's documents, compiled once."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(CompiledRule.of(rule) for rule in rules)
        self._buckets = _buckets_by_first_char(self.rules)
        self._other_ascii = tuple(r for r in self.rules if r.gate.first_chars is None)
        self._other_non_ascii = tuple(r for r in self.rules if r.gate.first_chars is None or r.gate.non_ascii_first)

    def __bool__(self) -> bool:
        return bool(self.rules)

    def candidates(self, text: str) -> tuple[CompiledRule, ...]:
        """The rules whose first-character gate lets this (non-empty) line through."""
        first = text[0]
        bucket = self._buckets.get(first)
        if bucket is not None:
            return bucket
        return self._other_ascii if first.isascii() else self._other_non_ascii

    def scan(
        self, blocks: Sequence[Block], warnings: list[str], present: Sequence[frozenset[str]] | None = None
    ) -> Iterator[Hit]:
        """Every (line, rule) whose pattern and conditions match, in line order.

        `present[i]`: the ids of the rules whose literals line i contains (from a
        LiteralIndex); without it each line is case-folded and tested here.
        """
        if not self.rules:
            return
        for index, block in enumerate(blocks):
            text = block.text
            if not text:
                continue
            found = present[index] if present is not None else None
            for compiled in self.candidates(text):
                literals = compiled.gate.literals
                if literals is not None:
                    if found is not None:
                        if compiled.rule.id not in found:
                            continue
                    elif not any(literal in text.casefold() for literal in literals):
                        continue
                if compiled.admits(block) and _search(compiled.pattern, text, compiled.rule, warnings, index):
                    yield Hit(index, compiled)


def _buckets_by_first_char(rules: Sequence[CompiledRule]) -> dict[str, tuple[CompiledRule, ...]]:
    """For each character some rule lists as a possible start, the rules that may start with it."""
    listed = {char for rule in rules if rule.gate.first_chars for char in rule.gate.first_chars}
    buckets = {}
    for char in listed:
        buckets[char] = tuple(rule for rule in rules if _may_start(rule.gate, char))
    return buckets


def _may_start(gate: Gate, char: str) -> bool:
    if gate.first_chars is None or char in gate.first_chars:
        return True
    return gate.non_ascii_first and not char.isascii()


def search(pattern: regex.Pattern[str], text: str, rule: Rule, warnings: list[str], index: int) -> bool:
    """One guarded search, for the actions' end and `while` patterns."""
    return _search(pattern, text, rule, warnings, index)


def _search(pattern: regex.Pattern[str], text: str, rule: Rule, warnings: list[str], index: int) -> bool:
    try:
        return pattern.search(text, timeout=PATTERN_TIMEOUT_SECONDS) is not None
    except TimeoutError:
        warnings.append(
            f"rule {rule.id} ({rule.source}) took over {PATTERN_TIMEOUT_SECONDS:g} s on block {index + 1} "
            f"and was skipped there; its pattern backtracks catastrophically: rewrite it"
        )
        return False
