"""`boilercut check` and `boilercut fix`: the pre-commit pair."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from support import ALL_SAMPLES, Sample, sample_by_number

ids = [s.number for s in ALL_SAMPLES]


@pytest.mark.parametrize("s", ALL_SAMPLES, ids=ids)
def test_check_fails_on_a_raw_sample_and_shows_a_diff(s: Sample, cli, tmp_path: Path) -> None:
    path = shutil.copy(s.raw_path, tmp_path / s.name)
    before = Path(path).read_bytes()
    result = cli("check", path)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"--- {path} (now)\n+++ {path} (clean)\n@@ ")
    body = result.stdout.splitlines()[2:]
    removed = [line[1:] for line in body if line.startswith("-")]
    added = [line[1:] for line in body if line.startswith("+")]
    assert removed  # the dropped lines show as removals...
    assert set(added) <= set(s.expected.splitlines())  # ...and every addition is a line of the clean text
    assert "1 of 1 files would change; run `boilercut fix` on them" in result.stderr
    assert Path(path).read_bytes() == before  # check changes nothing


def test_check_diff_names_the_dropped_lines(cli, tmp_path: Path) -> None:
    s = sample_by_number("004")
    path = shutil.copy(s.raw_path, tmp_path / s.name)
    result = cli("check", path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "-Home » today » World » First Xi-Putin interview on the situation in Afghanistan" in lines
    assert "-Leave a Comment" in lines
    assert "-Xinhua News Agency via Getty Images" in lines
    assert " First Xi-Putin interview on the situation in Afghanistan" in lines


def test_check_of_a_file_not_in_utf8_diffs_its_decoded_text_and_fix_writes_utf8(cli, tmp_path: Path) -> None:
    s = sample_by_number("004")
    path = tmp_path / s.name
    path.write_bytes(s.expected.encode("utf-16"))  # clean text, but UTF-16 (a Windows "Unicode" text)
    result = cli("check", path)
    assert result.exit_code == 1
    assert f"{path}: not UTF-8 text now; `boilercut fix` writes it as UTF-8" in result.stderr
    assert result.stdout == ""  # the text is clean: no line to show as changed
    raw = tmp_path / "raw.txt"
    raw.write_bytes(s.raw.encode("utf-16"))
    lines = cli("check", raw).stdout.splitlines()
    assert "-Leave a Comment" in lines  # the dropped lines, as against the decoded text...
    assert " First Xi-Putin interview on the situation in Afghanistan" in lines  # ...and kept ones unchanged
    assert cli("fix", path).exit_code == 0
    assert path.read_bytes() == s.expected_bytes


@pytest.mark.parametrize("s", ALL_SAMPLES, ids=ids)
def test_check_passes_on_the_expected_output(s: Sample, cli, tmp_path: Path) -> None:
    path = shutil.copy(s.expected_path, tmp_path / s.name)
    result = cli("check", path)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_check_counts_only_the_files_that_would_change(cli, tmp_path: Path) -> None:
    raw = shutil.copy(sample_by_number("001").raw_path, tmp_path / "raw.txt")
    clean = shutil.copy(sample_by_number("002").expected_path, tmp_path / "clean.txt")
    result = cli("check", raw, clean)
    assert result.exit_code == 1
    assert "1 of 2 files would change" in result.stderr
    assert f"--- {raw} (now)" in result.stdout
    assert f"--- {clean} (now)" not in result.stdout


@pytest.mark.parametrize("s", ALL_SAMPLES, ids=ids)
def test_fix_then_fix_again_changes_nothing(s: Sample, cli, tmp_path: Path) -> None:
    path = Path(shutil.copy(s.raw_path, tmp_path / s.name))
    result = cli("fix", path)
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == s.expected_bytes
    assert f"fixed {path}" in result.stderr

    # Set the clock back so that a rewrite with the same bytes would still show.
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    stamp = path.stat().st_mtime_ns
    again = cli("fix", path)
    assert again.exit_code == 0, again.stderr
    assert path.read_bytes() == s.expected_bytes
    assert path.stat().st_mtime_ns == stamp
    assert "fixed" not in again.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [s.name]  # no temporary file left behind


def test_fix_names_files_exactly_even_with_brackets(cli, tmp_path: Path) -> None:
    # Rich would read "[b]" as markup and swallow it: the message must show the real name.
    path = Path(shutil.copy(sample_by_number("004").raw_path, tmp_path / "a[b]c.txt"))
    result = cli("fix", path)
    assert result.exit_code == 0
    assert f"fixed {path}\n" in result.stderr


def test_check_then_fix_agree(cli, tmp_path: Path) -> None:
    path = Path(shutil.copy(sample_by_number("000").raw_path, tmp_path / "a.txt"))
    assert cli("check", path).exit_code == 1
    assert cli("fix", path).exit_code == 0
    assert cli("check", path).exit_code == 0


def test_check_of_a_missing_file_fails_and_says_which(cli, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = cli("check", missing)
    assert result.exit_code == 1
    assert f"{missing}: cannot read" in result.stderr


def test_fix_and_check_warn_that_no_title_output_is_not_stable(cli, tmp_path: Path) -> None:
    path = Path(shutil.copy(sample_by_number("002").expected_path, tmp_path / "a.txt"))
    for command in ("fix", "check"):
        result = cli(command, "--no-title", path)
        assert "warning: --no-title: text without its headline" in result.stderr


def readme_hook_config() -> dict:  # type: ignore[type-arg]
    yaml = pytest.importorskip("yaml")
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### As a pre-commit hook on a corpus") :]
    block = section[section.index("```yaml") + len("```yaml") : section.index("```\n", section.index("```yaml") + 7)]
    return yaml.safe_load(block)


def test_the_readme_pre_commit_snippet_works_as_written(cli, tmp_path: Path) -> None:
    """No URL or tag to invent: a local hook running the installed command, as the shipped hook does."""
    yaml = pytest.importorskip("yaml")
    (repo,) = readme_hook_config()["repos"]
    assert repo["repo"] == "local" and "rev" not in repo
    hooks_file = Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml"
    shipped = {hook["id"]: hook for hook in yaml.safe_load(hooks_file.read_text(encoding="utf-8"))}
    for hook in repo["hooks"]:
        assert hook["language"] == "system"
        assert (hook["entry"], hook["files"]) == (shipped[hook["id"]]["entry"], shipped[hook["id"]]["files"])
        page = tmp_path / "page.txt"
        page.write_text("The council voted on Monday to build a new bridge over the river.\n", encoding="utf-8")
        assert cli(*hook["entry"].split()[1:], page).exit_code == 0


# -- folders, and worker processes -------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", pytest.param("2", marks=pytest.mark.slow)])
def test_check_and_fix_take_folders_recursively_and_leave_other_formats_alone(jobs: str, cli, tmp_path: Path) -> None:
    tree = tmp_path / "corpus"
    for index, s in enumerate(ALL_SAMPLES):
        (tree / f"part{index % 2}").mkdir(parents=True, exist_ok=True)
        shutil.copy(s.raw_path, tree / f"part{index % 2}" / s.name)
    others = {"page.html": "<html><body><p>Menu</p></body></html>\n", "rows.jsonl": '{"text": "Menu"}\n'}
    for name, text in others.items():
        (tree / name).write_text(text, encoding="utf-8")
    checked = cli("check", tree, "--jobs", jobs)
    assert checked.exit_code == 1, checked.stderr
    assert f"{len(ALL_SAMPLES)} of {len(ALL_SAMPLES)} files would change" in checked.stderr
    fixed = cli("fix", tree, "--jobs", jobs)
    assert fixed.exit_code == 0, fixed.stderr
    for index, s in enumerate(ALL_SAMPLES):
        assert (tree / f"part{index % 2}" / s.name).read_bytes() == s.expected_bytes
    assert {name: (tree / name).read_text(encoding="utf-8") for name in others} == others
    again = cli("check", tree, "--jobs", jobs)
    assert again.exit_code == 0, again.stderr
