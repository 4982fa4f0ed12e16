"""The generic classifier on small named pages in several languages (tests/generic_cases)."""

from __future__ import annotations

from pathlib import Path

import pytest

from boilercut.generic import Kind, analyse

CASES = sorted((Path(__file__).parent / "generic_cases").glob("*.txt"))


def read_case(path: Path) -> tuple[list[Kind], list[str]]:
    kinds, lines = [], []
    for number, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not row.strip():
            continue
        kind, separator, text = row.partition(" | ")
        assert separator, f"{path.name}:{number}: expected 'KIND | text'"
        kinds.append(Kind[kind.strip()])
        lines.append(text.strip())
    return kinds, lines


def test_cases_exist_in_three_languages() -> None:
    assert {path.name.split("_")[0] for path in CASES} >= {"en", "de", "fr"}


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.stem)
def test_classifier_gives_every_line_its_kind(path: Path) -> None:
    expected, lines = read_case(path)
    labels = analyse(lines)
    wrong = [
        f"  line {i + 1}: expected {want.name}, got {got.kind.name} ({got.rule}: {got.reason}) | {text[:70]}"
        for i, (want, got, text) in enumerate(zip(expected, labels, lines, strict=True))
        if want is not got.kind
    ]
    assert not wrong, f"{path.name}:\n" + "\n".join(wrong)


def test_every_non_body_label_names_a_rule_and_a_reason() -> None:
    for path in CASES:
        _, lines = read_case(path)
        for label in analyse(lines):
            if label.kind is not Kind.BODY:
                assert label.rule.startswith("G") and label.reason, (path.name, label)
