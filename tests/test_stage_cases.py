"""Per-stage golden cases (tests/cases/*.cases) run through the pipeline with the shipped rules."""

from __future__ import annotations

from functools import cache

import pytest

from boilercut.config import Config
from boilercut.document import Document
from boilercut.pipeline import Pipeline, Source
from boilercut.registry import DEFAULT_ORDER
from casefile import CASES_DIR, Case, CaseFileError, Expected, load_all, parse

CASES = load_all()


@cache
def pipeline(stages: tuple[str, ...], site: str | None, generic: bool) -> Pipeline:
    if site == "none":
        return Pipeline(Config(stages=stages, site_rules=False, generic=generic))
    return Pipeline(Config(stages=stages, site=site, generic=generic))


def verdicts(doc: Document) -> list[str]:
    rows = []
    for index, block in enumerate(doc.blocks):
        if block.drop is not None:
            rows.append(Expected("drop", block.drop.rule, block.text))
        else:
            rows.append(Expected("title" if index == doc.title else "keep", None, block.text))
    return [row.show() for row in rows]


def test_every_stage_has_a_case_file_with_enough_cases() -> None:
    counts = {stage: sum(case.file == stage for case in CASES) for stage in DEFAULT_ORDER}
    assert {path.stem for path in CASES_DIR.glob("*.cases")} == set(DEFAULT_ORDER)
    assert all(count >= 5 for count in counts.values()), counts


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case(case: Case) -> None:
    doc = pipeline(case.stages, case.site, case.generic).process(Source(case.text, name=case.id))
    assert verdicts(doc) == [expected.show() for expected in case.expect]
    # Every drop says why, in the stage that made it.
    for block in doc.blocks:
        if block.drop is not None:
            assert block.drop.stage in case.stages and block.drop.reason


def test_a_case_file_with_a_missing_verdict_is_rejected(tmp_path) -> None:
    # The runner must not silently pass a case whose expect section is short.
    path = tmp_path / "strip_ads.cases"
    path.write_text(
        "=== two lines, one verdict\n--- input\nAdvertisement\nBody.\n--- expect\ndrop AD001 | Advertisement\n"
    )
    with pytest.raises(CaseFileError, match="2 non-empty input lines but 1 expect lines"):
        parse(path)


def test_a_case_file_parses_headers_escapes_and_blank_lines(tmp_path) -> None:
    path = tmp_path / "dedupe.cases"
    path.write_text(
        "# comment\n\n=== one\nstages: strip_ads, dedupe\nsite: none\ngeneric: on\n--- input\nA\\u00a0b\n\n\nC\n\n"
        "--- expect\nkeep | A\\u00a0b\ntitle | C\n"
    )
    (case,) = parse(path)
    assert (case.stages, case.site, case.generic) == (("strip_ads", "dedupe"), "none", True)
    assert case.text == "A\u00a0b\n\n\nC\n"
    assert [e.show() for e in case.expect] == ["keep | A\u00a0b", "title | C"]
