"""`boilercut rules test`: run every rule on its own examples and compare verdicts."""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from .actions import apply_rules
from .matcher import RuleSet
from .model import Example, Rule, Verdict


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    rule: Rule
    example: Example
    got: tuple[Verdict, ...]

    def describe(self) -> str:
        rows = [f"{self.rule.source}: rule {self.rule.id}: example gives other verdicts than expected"]
        lines = [line for line in self.example.lines if line.strip()]
        for line, want, got in zip(lines, self.example.expect, self.got, strict=True):
            mark = "  " if want is got else "!!"
            rows.append(f"  {mark} expected {want.value:<4} got {got.value:<4} | {line}")
        return "\n".join(rows)


def run_example(rule: Rule, example: Example) -> tuple[Verdict, ...]:
    doc = Document.from_text("\n\n".join(example.lines))
    apply_rules(doc, rule.stage, RuleSet([rule]))
    return tuple(Verdict.KEEP if block.kept else Verdict.DROP for block in doc.blocks)


def run_examples(rules: list[Rule]) -> tuple[int, list[ExampleFailure], list[Rule]]:
    """(examples run, failures, rules without examples)."""
    failures: list[ExampleFailure] = []
    count = 0
    for rule in rules:
        for example in rule.examples:
            count += 1
            got = run_example(rule, example)
            if got != example.expect:
                failures.append(ExampleFailure(rule, example, got))
    return count, failures, [rule for rule in rules if not rule.examples]
