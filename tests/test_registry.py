"""The stage table: one place for each stage; importing the configuration imports no stage; plugins load lazily."""

from __future__ import annotations

import gc
import importlib.metadata
import subprocess
import sys
from dataclasses import dataclass
from typing import ClassVar

import pytest

from boilercut import Cleaner
from boilercut.document import Document
from boilercut.errors import UsageError
from boilercut.registry import DEFAULT_ORDER, STAGES, build_stages, stage_listing
from boilercut.run.execute import RunOptions, execute
from boilercut.run.plan import plan_clean
from boilercut.stage import StageContext
from support import ALL_SAMPLES


def test_importing_the_configuration_imports_no_stage_and_no_classifier() -> None:
    code = (
        "import sys, boilercut.config; "
        "print(sorted(m for m in sys.modules if m.startswith(('boilercut.stages', 'boilercut.classify', 'regex'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_table_gives_each_stage_its_order_class_and_description() -> None:
    assert DEFAULT_ORDER == (
        "fix_encoding", "strip_boilerplate", "strip_comments", "strip_captions", "strip_ads", "dedupe", "reflow"
    )  # fmt: skip
    assert list(STAGES) == sorted(STAGES)
    for name, entry in STAGES.items():
        stage = entry.load()()
        assert (stage.name, stage.description, stage.accepts_rules) == (name, entry.description, entry.takes_rules)


@dataclass
class FakeEntryPoint:
    name: str
    value: object

    def load(self) -> object:
        return self.value


class Shout:
    name: ClassVar[str] = "shout"
    description: ClassVar[str] = "a plugin stage for the test"
    accepts_rules: ClassVar[bool] = False
    builtin_rules: ClassVar[dict[str, str]] = {"SH001": "a line in capitals"}

    def apply(self, doc: Document, context: StageContext) -> None:
        for index, block in enumerate(doc.blocks):
            if block.text.isupper():
                doc.drop(index, self.name, "SH001", "a line in capitals")


def test_entry_points_are_read_only_for_a_stage_that_is_not_built_in(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []

    def entry_points(group: str) -> list[FakeEntryPoint]:
        reads.append(group)
        return [FakeEntryPoint("shout", Shout)]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    Cleaner().clean(ALL_SAMPLES[0].raw)
    assert reads == []
    text = "A headline\n\nBUY NOW\n\nSome text of the article here."
    cleaned = Cleaner(stages=["shout", *DEFAULT_ORDER], generic=False).clean(text)
    assert reads == ["boilercut.stages"]
    assert [(line.text, line.stage, line.rule) for line in cleaned.dropped] == [("BUY NOW", "shout", "SH001")]
    assert [info.name for info in stage_listing(["shout"])] == ["shout", *sorted(STAGES)]
    with pytest.raises(UsageError, match="unknown stage 'shuot'; did you mean 'shout'"):
        build_stages(["shuot"])


def test_library_runs_leave_the_collector_alone(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    def refuse() -> None:
        raise AssertionError("gc.freeze called from library code")

    monkeypatch.setattr(gc, "freeze", refuse)
    source = tmp_path / "in"
    source.mkdir()
    for s in ALL_SAMPLES:
        (source / s.name).write_text(s.raw, encoding="utf-8")
    summary = execute(plan_clean(str(source), str(tmp_path / "out")), Cleaner(), RunOptions(jobs=1))
    assert summary.documents == len(ALL_SAMPLES) and not summary.failures
