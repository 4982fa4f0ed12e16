"""The classifier on small named pages in several languages (tests/generic_cases).

Each page runs through the whole pipeline with the shipped rules and model (no
site file); every line must get the kind the case names: kept as TITLE or BODY,
or dropped by the stage of its kind.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from boilercut import Cleaner
from boilercut.cleaner import Verdict

CASES = sorted((Path(__file__).parent / "generic_cases").glob("*.txt"))
STAGE_KINDS = {
    "strip_boilerplate": "BOILERPLATE",
    "strip_comments": "COMMENT",
    "strip_captions": "CAPTION",
    "strip_ads": "AD",
    "dedupe": "BOILERPLATE",
}


def read_case(path: Path) -> tuple[list[str], list[str]]:
    kinds, lines = [], []
    for number, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not row.strip():
            continue
        kind, separator, text = row.partition(" | ")
        assert separator, f"{path.name}:{number}: expected 'KIND | text'"
        kinds.append(kind.strip())
        lines.append(text.strip())
    return kinds, lines


def kind_of(line) -> str:  # type: ignore[no-untyped-def]
    if line.verdict is Verdict.TITLE:
        return "TITLE"
    if line.verdict is Verdict.KEEP:
        return "BODY"
    return STAGE_KINDS.get(line.stage, line.stage)


def test_cases_exist_in_three_languages() -> None:
    assert {path.name.split("_")[0] for path in CASES} >= {"en", "de", "fr"}


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.stem)
def test_every_line_gets_its_kind(path: Path) -> None:
    expected, lines = read_case(path)
    cleaned = Cleaner(site_rules=False).clean("\n\n".join(lines))
    wrong = [
        f"  line {i + 1}: expected {want}, got {kind_of(got)} ({got.rule}: {got.reason}) | {got.text[:70]}"
        for i, (want, got) in enumerate(zip(expected, cleaned.lines, strict=True))
        if want != kind_of(got)
    ]
    assert not wrong, f"{path.name}:\n" + "\n".join(wrong)
