"""Compiled rules of one stage for one site, with a combined pre-filter.

Most lines match no rule, so one combined pattern answers "any rule here?" and
only lines it finds are tried rule by rule. Patterns run under a time-out: a
pattern that backtracks catastrophically is reported, not allowed to hang.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from ..document import Block
from .model import Rule

# One search may take this long before its rule is reported and skipped:
# a sane pattern needs microseconds on a line; a second means it is runaway.
PATTERN_TIMEOUT_SECONDS = 1.0
LEADING_FLAGS = regex.compile(r"^\(\?([imsx]+)\)")
NUMBERED_BACKREFERENCE = regex.compile(r"\\[1-9]|\\g<[0-9]")
PASS_EVERYTHING = regex.compile("")


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: Rule
    pattern: regex.Pattern[str]
    end: regex.Pattern[str] | None
    while_: regex.Pattern[str] | None

    @classmethod
    def of(cls, rule: Rule) -> CompiledRule:
        def compile_optional(source: str | None) -> regex.Pattern[str] | None:
            return regex.compile(source) if source is not None else None

        return cls(rule, regex.compile(rule.pattern), compile_optional(rule.end), compile_optional(rule.while_))

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
        self.prefilter = _combine([rule.pattern for rule in rules]) if rules else None

    def __bool__(self) -> bool:
        return bool(self.rules)

    def scan(self, blocks: Sequence[Block], warnings: list[str]) -> Iterator[Hit]:
        """Every (line, rule) whose pattern and conditions match, in line order."""
        if self.prefilter is None:
            return
        for index, block in enumerate(blocks):
            if not _search(self.prefilter, block.text, None, warnings, index):
                continue
            for compiled in self.rules:
                if compiled.admits(block) and _search(compiled.pattern, block.text, compiled.rule, warnings, index):
                    yield Hit(index, compiled)


def search(pattern: regex.Pattern[str], text: str, rule: Rule, warnings: list[str], index: int) -> bool:
    """One guarded search, for the actions' end and `while` patterns."""
    return _search(pattern, text, rule, warnings, index)


def _search(pattern: regex.Pattern[str], text: str, rule: Rule | None, warnings: list[str], index: int) -> bool:
    try:
        return pattern.search(text, timeout=PATTERN_TIMEOUT_SECONDS) is not None
    except TimeoutError:
        if rule is None:
            return True  # the combined pre-filter gave up: let each rule decide
        warnings.append(
            f"rule {rule.id} ({rule.source}) took over {PATTERN_TIMEOUT_SECONDS:g} s on block {index + 1} "
            f"and was skipped there; its pattern backtracks catastrophically: rewrite it"
        )
        return False


def _combine(patterns: Sequence[str]) -> regex.Pattern[str]:
    """One alternation of all patterns; leading global flags become scoped ones."""
    if any(NUMBERED_BACKREFERENCE.search(source) for source in patterns):
        return PASS_EVERYTHING  # group numbers shift when patterns are combined
    parts = []
    for source in patterns:
        flags = LEADING_FLAGS.match(source)
        if flags:
            parts.append(f"(?{flags.group(1)}:{source[flags.end() :]})")
        else:
            parts.append(f"(?:{source})")
    try:
        return regex.compile("|".join(parts))
    except regex.error:
        # Some patterns do not combine (a group name used twice, flags that
        # cannot be scoped): let every line through to the individual rules.
        return PASS_EVERYTHING
