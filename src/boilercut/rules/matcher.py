"""Compiled rules of one stage for one site, and the fast path that finds their lines.

Most lines match no rule. Each rule carries a gate read from its pattern (the
characters a match can start with, literals every match contains); a line is
handed to a rule's regex only if it passes the gate, and rules are bucketed by
first character so a line meets only the rules that could start on it.
Patterns run under a time-out: a catastrophic one is reported once and its rule
switched off for the rest of the run (the RuleBook's `switched_off`), instead of
costing a second on every document. Lines short enough that the pattern
provably cannot run long on them skip the time-out, which costs more than most
searches (see workbound).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import regex

from ..document import Block
from .gate import Gate, gate_for
from .model import Rule
from .workbound import untimed_length

# One search may take this long before its rule is reported and skipped:
# a sane pattern needs microseconds on a line; a second means it is runaway.
PATTERN_TIMEOUT_SECONDS = 1.0
ANY_DIGIT = regex.compile(r"\d")  # a digit as the rules' patterns read \d


class Guarded:
    """A pattern, compiled on first use, searched without the time-out on lines too short for it to run long."""

    __slots__ = ("_compiled", "_untimed_up_to", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: regex.Pattern[str] | None = None
        self._untimed_up_to: int | None = None

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The compiled pattern. Compiled when a line first passes the rule's gate: a short
        run meets few rules, and compiling them all was a third of its start-up."""
        if self._compiled is None:
            self._compiled = regex.compile(self.source)
        return self._compiled

    @property
    def untimed_up_to(self) -> int:
        """The longest line searched without the time-out (see workbound).

        Taken from the rule book's cache when there is one (see `RuleBook.load`);
        else worked out on first use, not at compile time: a short run (one small
        page at a terminal) meets few of the rules, and start-up counts there.
        """
        if self._untimed_up_to is None:
            self._untimed_up_to = untimed_length(self.source)
        return self._untimed_up_to

    def search(self, text: str, rule: Rule, line: int) -> bool:
        """Whether the pattern is found in the line; RunawayPattern if it ran past the time-out."""
        if len(text) <= self.untimed_up_to:
            return self.pattern.search(text) is not None
        return search(self.pattern, text, rule, line)


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: Rule
    guarded: Guarded
    gate: Gate
    end: Guarded | None
    while_: Guarded | None
    neighbour_unless: Guarded | None = None

    @classmethod
    def of(cls, rule: Rule) -> CompiledRule:
        def optional(source: str | None) -> Guarded | None:
            return Guarded(source) if source is not None else None

        return cls(
            rule,
            Guarded(rule.pattern),
            gate_for(rule.pattern),
            optional(rule.end),
            optional(rule.while_),
            optional(rule.neighbour_unless),
        )

    @property
    def conditional(self) -> bool:
        """Whether the rule has conditions besides its pattern (most have none)."""
        return self.rule.min_blank_before > 0 or self.rule.max_words is not None

    def admits(self, block: Block) -> bool:
        """The conditions besides the pattern: blank lines before, length."""
        rule = self.rule
        if block.blank_before < rule.min_blank_before:
            return False
        return rule.max_words is None or at_most_words(block.text, rule.max_words)


@dataclass(frozen=True, slots=True)
class Hit:
    index: int
    rule: CompiledRule


class RuleSet:
    """The rules one stage applies to one site's documents, compiled once."""

    def __init__(self, rules: Sequence[Rule], switched_off: SwitchedOff | None = None) -> None:
        self.rules = tuple(CompiledRule.of(rule) for rule in rules)
        # Rules that ran past their time-out, shared by every rule set of a run (a RuleBook's).
        self.switched_off = switched_off if switched_off is not None else SwitchedOff()
        gates = [rule.gate for rule in self.rules]
        self._every = _ByFirstChar(gates, range(len(gates)))
        # When the lines holding each rule's literals are known, rules with literals start from those.
        self._without_literals = _ByFirstChar(gates, [i for i, gate in enumerate(gates) if gate.literals is None])

    def __bool__(self) -> bool:
        return bool(self.rules)

    def scan(
        self,
        blocks: Sequence[Block],
        warnings: list[str],
        literal_lines: Mapping[str, Sequence[int]] | None = None,
        first_lines: Mapping[str, Sequence[int]] | None = None,
    ) -> Iterator[Hit]:
        """Every (line, rule) whose pattern and conditions match, in line order, then rule order
        (a rule with ``min_lines`` only where that many lines match it).

        Each rule's regex runs only on its candidate lines, found from two
        document-wide indexes instead of rule by rule on every line: the lines
        by first character, and `literal_lines[rule id]`, the lines holding one
        of the rule's literals (from a LiteralIndex). Without `literal_lines`
        each line is case-folded and tested here. `first_lines` is
        lines_by_first_char(blocks), if the caller has it already.
        """
        if not self.rules:
            return
        found: list[tuple[int, int]] = []  # (line, rule's position in the set)
        first_lines = lines_by_first_char(blocks) if first_lines is None else first_lines
        for position, lines in enumerate(self._candidate_lines(blocks, literal_lines, first_lines)):
            compiled = self.rules[position]
            guarded, rule = compiled.guarded, compiled.rule
            if self.switched_off and rule in self.switched_off:
                continue
            if compiled.conditional:
                lines = [index for index in lines if compiled.admits(blocks[index])]
            matched: list[tuple[int, int]] = []
            try:
                for index in lines:
                    block = blocks[index]
                    if guarded.search(block.text, rule, block.line):
                        matched.append((index, position))
            except RunawayPattern as runaway:  # what it found before stands; it runs no more in this run
                self.switched_off.add(rule)
                warnings.append(str(runaway))
            if len(matched) >= rule.min_lines:
                found += matched
        found.sort()
        for index, position in found:
            yield Hit(index, self.rules[position])

    def _candidate_lines(
        self,
        blocks: Sequence[Block],
        literal_lines: Mapping[str, Sequence[int]] | None,
        first_lines: Mapping[str, Sequence[int]],
    ) -> list[list[int]]:
        """For each rule, in order, the lines its gate lets through, in line order."""
        # Rules with literals start from the few lines holding one, when those are known.
        by_first_char = self._every if literal_lines is None else self._without_literals
        per_rule: list[list[int]] = [[] for _ in self.rules]
        for first, lines in first_lines.items():
            for position in by_first_char.candidates(first):
                per_rule[position].extend(lines)
        for position, compiled in enumerate(self.rules):
            gate = compiled.gate
            if gate.literals is None:
                per_rule[position].sort()
            elif literal_lines is not None:
                holding = literal_lines.get(compiled.rule.id, ())
                per_rule[position] = [i for i in holding if blocks[i].text and _may_start(gate, blocks[i].text[0])]
            else:
                folded = [(i, blocks[i].text.casefold()) for i in sorted(per_rule[position])]
                per_rule[position] = [i for i, text in folded if any(lit in text for lit in gate.literals)]
            longest = gate.max_length
            if longest is not None:
                per_rule[position] = [i for i in per_rule[position] if len(blocks[i].text) <= longest]
            if gate.digit:  # a date's or a count's pattern: lines without a digit cannot match
                per_rule[position] = [i for i in per_rule[position] if ANY_DIGIT.search(blocks[i].text)]
        return per_rule


def lines_by_first_char(blocks: Sequence[Block]) -> dict[str, list[int]]:
    """Indexes of the non-empty lines, grouped by their first character."""
    groups: dict[str, list[int]] = {}
    for index, block in enumerate(blocks):
        if block.text:
            groups.setdefault(block.text[0], []).append(index)
    return groups


class _ByFirstChar:
    """Which of some rules (positions in a rule set) a line may match, by its first character."""

    def __init__(self, gates: Sequence[Gate], positions: Sequence[int]) -> None:
        listed = {char for i in positions for char in gates[i].first_chars or ()}
        # For each character some gate lists as a possible start, the rules that may start with it.
        self._buckets = {char: tuple(i for i in positions if _may_start(gates[i], char)) for char in listed}
        self._other_ascii = tuple(i for i in positions if gates[i].first_chars is None)
        self._other_non_ascii = tuple(i for i in positions if gates[i].first_chars is None or gates[i].non_ascii_first)

    def candidates(self, first: str) -> tuple[int, ...]:
        bucket = self._buckets.get(first)
        if bucket is not None:
            return bucket
        return self._other_ascii if first.isascii() else self._other_non_ascii


def _may_start(gate: Gate, char: str) -> bool:
    if gate.first_chars is None or char in gate.first_chars:
        return True
    return gate.non_ascii_first and not char.isascii()


def at_most_words(text: str, limit: int) -> bool:
    """``len(text.split()) <= limit``, without splitting a long line into all its words."""
    return len(text.split(None, limit)) <= limit


class SwitchedOff(set[Rule]):
    """The rules switched off for the rest of a run after a time-out."""


# What a warning about a switched-off rule says: a run's summary gives one per rule.
SWITCHED_OFF = "switched off for the rest of this run"


def switched_off_rule(warning: str) -> str | None:
    """The id of the rule a warning says was switched off, or None for other warnings."""
    if SWITCHED_OFF in warning and warning.startswith("rule "):
        return warning.split(" ", 2)[1]
    return None


class RunawayPattern(Exception):
    """A pattern that ran past its time-out on a line: its rule is switched off for the rest of the run."""

    def __init__(self, rule: Rule, line: int) -> None:
        self.rule = rule
        super().__init__(
            f"rule {rule.id} ({rule.source}) took over {PATTERN_TIMEOUT_SECONDS:g} s on line {line} "
            f"and was stopped there and {SWITCHED_OFF}; "
            "its pattern backtracks catastrophically: rewrite it"
        )


def search(pattern: regex.Pattern[str], text: str, rule: Rule, line: int) -> bool:
    """One search under the time-out; RunawayPattern past it (`line`, the input line, goes into its message)."""
    try:
        return pattern.search(text, timeout=PATTERN_TIMEOUT_SECONDS) is not None
    except TimeoutError:
        raise RunawayPattern(rule, line) from None
