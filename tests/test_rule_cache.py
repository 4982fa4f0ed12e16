"""Many site files load from a cache; any change to a file re-reads and re-validates all."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from boilercut.cache import cache_dir
from boilercut.config import Config
from boilercut.errors import RuleFileError
from boilercut.pipeline import Pipeline, Source
from boilercut.rules import gate, workbound

SITE = """[site]
domains = ["site{n}.example"]

[[rules]]
id = "S{n:03d}001"
stage = "strip_boilerplate"
action = "drop"
description = "site {n} menu"
pattern = '^Site {n} Menu$'
examples = [{{ drop = "Site {n} Menu" }}]
"""


def write_sites(folder: Path, count: int = 20) -> None:
    folder.mkdir(exist_ok=True)
    for n in range(count):
        (folder / f"site{n}.example.toml").write_text(SITE.format(n=n), encoding="utf-8")


def cleaned(folder: Path, n: int) -> str:
    pipeline = Pipeline(Config(rule_dirs=(folder,), generic=False))
    text = f"Headline of the day\n\nSite {n} Menu\n\nThe body of the story, told in one line."
    return pipeline.clean(Source(text, url=f"https://site{n}.example/a"))


def test_a_second_run_reads_the_cache_and_cleans_the_same(tmp_path: Path) -> None:
    write_sites(tmp_path / "rules")
    first = cleaned(tmp_path / "rules", 3)
    folder = cache_dir()
    assert folder is not None and list(folder.glob("rules-*.pickle"))
    assert cleaned(tmp_path / "rules", 3) == first
    assert "Site 3 Menu" not in first


def test_the_gates_of_the_patterns_are_kept_too_and_taken_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOILERCUT_CACHE_DIR", str(tmp_path / "cache"))
    write_sites(tmp_path / "rules")
    cleaned(tmp_path / "rules", 3)
    [entry] = (tmp_path / "cache").glob("gates-*.pickle")
    _, kept = pickle.loads(entry.read_bytes())
    assert kept["^Site 3 Menu$"] == gate.gate_for("^Site 3 Menu$")
    gate.known({"^a made-up pattern$": gate.Gate(max_length=99)})
    assert gate.gate_for("^a made-up pattern$").max_length == 99  # a kept gate is not read again


def test_the_untimed_lengths_of_the_patterns_are_kept_too_and_taken_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    bound = workbound._bound
    monkeypatch.setattr(workbound, "_KNOWN", {})
    monkeypatch.setattr(workbound, "_bound", lambda pattern: read.append(pattern) or bound(pattern))
    monkeypatch.setenv("BOILERCUT_CACHE_DIR", str(tmp_path / "cache"))
    write_sites(tmp_path / "rules")
    Pipeline(Config(rule_dirs=(tmp_path / "rules",), generic=False))
    assert "^Site 3 Menu$" in read and len(read) > 40  # every pattern of the rule book, once
    [entry] = (tmp_path / "cache").glob("workbounds-*.pickle")
    _, kept = pickle.loads(entry.read_bytes())
    assert sorted(kept) == sorted(read) and kept["^Site 3 Menu$"] == bound("^Site 3 Menu$") > 1000
    monkeypatch.setattr(workbound, "_KNOWN", {})
    read.clear()
    assert "Site 3 Menu" not in cleaned(tmp_path / "rules", 3)
    assert read == []  # the second run took them from the cache
    workbound.known({"^a made-up pattern$": 7})
    assert workbound.untimed_length("^a made-up pattern$") == 7


def test_without_a_cache_a_pattern_is_bounded_when_a_line_first_meets_it(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    monkeypatch.setattr(workbound, "_KNOWN", {})
    monkeypatch.setattr(workbound, "_bound", lambda pattern: read.append(pattern) or 0)
    monkeypatch.setenv("BOILERCUT_CACHE_DIR", "")
    Pipeline(Config(generic=False))
    assert read == []  # a short run meets few rules: none is read up front


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    write_sites(tmp_path / "rules")
    cleaned(tmp_path / "rules", 3)
    changed = tmp_path / "rules" / "site3.example.toml"
    changed.write_text(SITE.format(n=3).replace("Menu$", "Navigation$"), encoding="utf-8")
    os.utime(changed, ns=(1, 1))  # a different size and time: the key must change
    assert "Site 3 Menu" in cleaned(tmp_path / "rules", 3)


def test_a_file_broken_after_caching_still_stops_the_run(tmp_path: Path) -> None:
    write_sites(tmp_path / "rules")
    cleaned(tmp_path / "rules", 3)
    (tmp_path / "rules" / "site4.example.toml").write_text("[site\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"site4\.example\.toml:1: invalid TOML"):
        cleaned(tmp_path / "rules", 3)


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("BOILERCUT_CACHE_DIR", str(blocker / "cache"))
    write_sites(tmp_path / "rules")
    assert "Site 3 Menu" not in cleaned(tmp_path / "rules", 3)
