"""The command line: exit codes, usage errors, options, configuration files and the other commands."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import boilercut
from boilercut.config import Config
from boilercut.pipeline import Pipeline
from boilercut.registry import DEFAULT_ORDER
from support import ALL_SAMPLES, SAMPLES, run_module, sample_by_number, write

STAGE_LIST = "dedupe, fix_encoding, reflow, strip_ads, strip_boilerplate, strip_captions, strip_comments"


# -- exit 0 and the simple forms -----------------------------------------------------


def test_clean_file_into_an_existing_folder_keeps_the_name(cli, tmp_path: Path) -> None:
    s = sample_by_number("004")
    out = tmp_path / "out"
    out.mkdir()
    result = cli("clean", s.raw_path, out)
    assert result.exit_code == 0, result.stderr
    assert (out / s.name).read_bytes() == s.expected_bytes


def test_clean_stdin_into_a_file(cli, tmp_path: Path) -> None:
    s = sample_by_number("001")
    out = tmp_path / "clean.txt"
    result = cli("clean", "-", out, input=s.raw_path.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes() == s.expected_bytes


def test_clean_writes_nothing_but_clean_text_to_stdout(cli) -> None:
    s = sample_by_number("000")
    result = cli("clean", s.raw_path, "-")
    assert result.exit_code == 0
    assert result.stdout == s.expected


@pytest.mark.parametrize("text", ["", "\n\n\n", "   \n\t\n"])
def test_an_empty_document_cleans_to_nothing(text: str, cli) -> None:
    result = cli("clean", "-", "-", input=text)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert boilercut.clean_text(text) == ""


def test_text_that_is_not_utf8_is_decoded(cli, tmp_path: Path) -> None:
    doc = tmp_path / "latin1.txt"
    doc.write_bytes("Café society returns to Paris after the long winter closures, owners said.\n".encode("cp1252"))
    result = cli("clean", doc, "-", "--stages", "fix_encoding")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Café society returns to Paris after the long winter closures, owners said.\n"


def test_version(cli) -> None:
    result = cli("--version")
    assert (result.exit_code, result.stdout) == (0, f"boilercut {boilercut.__version__}\n")


def test_the_version_is_the_one_the_package_is_built_with() -> None:
    import tomllib

    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert boilercut.__version__ == project["project"]["version"]


def test_python_dash_m_entry_point() -> None:
    done = run_module("--version")
    assert done.returncode == 0
    assert done.stdout == f"boilercut {boilercut.__version__}\n".encode()


def test_the_command_pauses_the_collector_only_while_it_imports(monkeypatch) -> None:
    import gc

    import boilercut.cli
    from boilercut.__main__ import main

    seen: list[tuple[bool, bool]] = []
    monkeypatch.setattr(boilercut.cli, "main", lambda: seen.append((gc.isenabled(), gc.get_freeze_count() > 0)))
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    gc.unfreeze()  # what earlier runs in this process froze
    try:
        main()
    finally:
        gc.unfreeze()
    assert seen == [(True, True)]  # the command runs with the collector on, what it imported frozen
    assert gc.isenabled()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"  # numpy's BLAS starts no thread per core


def test_the_command_leaves_a_chosen_blas_thread_count(monkeypatch) -> None:
    import gc

    import boilercut.cli
    from boilercut.__main__ import main

    monkeypatch.setattr(boilercut.cli, "main", lambda: None)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    main()
    gc.unfreeze()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4"


def test_python_dash_m_exit_code_and_stderr_for_a_usage_error(tmp_path: Path) -> None:
    done = run_module("clean", tmp_path / "missing.txt", "-")
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode() == (
        f"error: IN {tmp_path / 'missing.txt'}: no such file or folder; give a file, a folder or - for stdin\n"
    )


def test_messages_are_not_wrapped_in_a_narrow_pipe(tmp_path: Path) -> None:
    # A log or an editor parses "path:line: message": one message, one line, whatever the width.
    folder = write(tmp_path / "rules" / "x.com.toml", '[[rules]]\nid = "XX001"\nstage = "strip_add"\n').parent
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    done = run_module("clean", "-", "-", "--rules", folder, env=env)
    assert done.returncode == 2
    assert done.stderr.decode() == (
        f"error: {folder}/x.com.toml:3: rule XX001: rules[0].stage: unknown stage 'strip_add'; "
        "did you mean 'strip_ads'?\n"
    )


# -- exit 1: a document fails, the others are written ------------------------------


def test_a_binary_file_in_a_folder_fails_alone(cli, tmp_path: Path) -> None:
    source = tmp_path / "in"
    shutil.copytree(SAMPLES / "raw", source)
    (source / "broken.txt").write_bytes(b"PK\x03\x04\x00\x00binary\x00data")
    out = tmp_path / "out"
    result = cli("clean", source, out)
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == [s.name for s in ALL_SAMPLES]
    for s in ALL_SAMPLES:
        assert (out / s.name).read_bytes() == s.expected_bytes
    assert f"error: {source / 'broken.txt'}: binary data (NUL bytes), not text: skipped\n" in result.stderr
    assert "5 documents cleaned, 1 failed" in result.stderr
    assert result.stdout == ""


def test_a_binary_file_alone_exits_1(cli, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_bytes(b"\x00\x01\x02")
    result = cli("clean", doc, tmp_path / "out.txt")
    assert result.exit_code == 1
    assert result.stderr == f"error: {doc}: binary data (NUL bytes), not text: skipped\n"
    assert not (tmp_path / "out.txt").exists()


def test_a_bug_in_one_document_exits_3_and_the_others_are_written(cli, tmp_path: Path, monkeypatch) -> None:
    process = Pipeline.process

    def failing(self, source, **options):  # type: ignore[no-untyped-def]
        if source.name.endswith("002_c19650a554b403ad.txt"):
            raise RuntimeError("boom")
        return process(self, source, **options)

    monkeypatch.setattr(Pipeline, "process", failing)
    out = tmp_path / "out"
    result = cli("clean", SAMPLES / "raw", out)
    assert result.exit_code == 3
    assert "RuntimeError: boom" in result.stderr
    assert "bug in boilercut" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [s.name for s in ALL_SAMPLES if s.number != "002"]


# -- exit 2: usage errors --------------------------------------------------------------


def test_missing_in(cli, tmp_path: Path) -> None:
    result = cli("clean", tmp_path / "nope.txt", tmp_path / "out.txt")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: IN {tmp_path / 'nope.txt'}: no such file or folder; give a file, a folder or - for stdin\n"
    )


def test_missing_arguments(cli) -> None:
    result = cli("clean")
    assert result.exit_code == 2
    assert "Missing argument 'IN'" in result.stderr


def test_out_inside_in(cli, tmp_path: Path) -> None:
    source = tmp_path / "in"
    shutil.copytree(SAMPLES / "raw", source)
    result = cli("clean", source, source / "out")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: OUT {source / 'out'} is inside IN {source}: outputs would be read as inputs; "
        "choose a folder outside IN\n"
    )
    assert not (source / "out").exists()


def test_out_same_as_in(cli, tmp_path: Path) -> None:
    source = tmp_path / "in"
    shutil.copytree(SAMPLES / "raw", source)
    result = cli("clean", source, source)
    assert result.exit_code == 2
    assert "outputs would be read as inputs" in result.stderr


def test_folder_to_stdout(cli) -> None:
    result = cli("clean", SAMPLES / "raw", "-")
    assert result.exit_code == 2
    assert result.stderr == f"error: OUT -: IN {SAMPLES / 'raw'} is a folder, so OUT must be a folder too\n"


def test_unknown_stage_with_did_you_mean(cli) -> None:
    result = cli("clean", "-", "-", "--stages", "fix_encoding,dedup", input="Text.\n")
    assert result.exit_code == 2
    assert result.stderr == f"error: unknown stage 'dedup'; did you mean 'dedupe'? (available stages: {STAGE_LIST})\n"
    assert result.stdout == ""


def test_unknown_stage_without_a_close_match(cli) -> None:
    result = cli("clean", "-", "-", "--stages", "qqq", input="Text.\n")
    assert result.exit_code == 2
    assert result.stderr == f"error: unknown stage 'qqq' (available stages: {STAGE_LIST})\n"


def test_skip_of_a_stage_that_is_not_running(cli) -> None:
    result = cli("clean", "-", "-", "--stages", "fix_encoding,dedupe", "--skip", "reflow", input="Text.\n")
    assert result.exit_code == 2
    assert result.stderr == "error: --skip reflow: not among the stages that run (fix_encoding, dedupe)\n"


def test_skip_of_an_unknown_stage(cli) -> None:
    result = cli("clean", "-", "-", "--skip", "reflo", input="Text.\n")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --skip reflo: not among the stages that run (fix_encoding, ")


def test_bad_rule_file(cli, tmp_path: Path) -> None:
    folder = write(tmp_path / "rules" / "x.com.toml", "[[rules]\n").parent
    result = cli("clean", "-", "-", "--rules", folder, input="Text.\n")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {folder}/x.com.toml:1: invalid TOML: ")


# -- options -------------------------------------------------------------------------


def test_no_title_leaves_out_the_headline(cli) -> None:
    s = sample_by_number("004")
    result = cli("clean", s.raw_path, "-", "--no-title")
    assert result.exit_code == 0
    headline, rest = s.expected.split("\n\n", 1)
    assert headline == "First Xi-Putin interview on the situation in Afghanistan"
    assert result.stdout == rest


def test_skipping_the_stages_that_drop_it_keeps_the_repeated_headline(cli) -> None:
    # The page opens with the headline twice: the classifier judges the first copy
    # page furniture (strip_boilerplate) and dedupe would drop it too.
    s = sample_by_number("002")
    headline = "Afghanistan crisis: China and Russia collusion on Afghanistan crisis, now Chinese and Russian brothers"
    assert s.expected.startswith(f"{headline}\n\nThe nexus")
    result = cli("clean", s.raw_path, "-", "--skip", "dedupe,strip_boilerplate")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{headline}\n\n{headline}\n\nThe nexus")


def test_stages_choose_what_runs(cli) -> None:
    s = sample_by_number("004")
    result = cli("clean", s.raw_path, "-", "--stages", "strip_comments")
    assert result.exit_code == 0
    # Only the comment form goes: the breadcrumb and the captions stay.
    assert result.stdout.startswith("Home » today » World » First Xi-Putin interview")
    assert "Xinhua News Agency via Getty Images" in result.stdout
    assert "Leave a Comment" not in result.stdout
    assert "Akismet" not in result.stdout


def test_no_site_rules_still_cleans_the_samples_close_to_their_expected_output(cli) -> None:
    # The site files make the samples exact; the classifier alone, never trained on
    # them, comes close (shingle F1 0.93 to 1.00 with the shipped model: it keeps four
    # teaser headlines in 000 and drops two closing paragraphs in 003).
    from boilercut.training.metric import Shares, score

    for s in ALL_SAMPLES:
        result = cli("clean", s.raw_path, "-", "--no-site-rules")
        assert result.exit_code == 0
        assert result.stdout.split("\n\n", 1)[0] == s.expected.split("\n\n", 1)[0], s.name  # the headline
        figures = score([Shares.of(s.expected, result.stdout)])
        assert figures.f1 >= 0.9 and figures.recall >= 0.85, (s.name, figures)


# -- configuration in the working directory ------------------------------------------------


def test_boilercut_toml_is_honoured(cli) -> None:
    s = sample_by_number("004")
    write(Path.cwd() / "boilercut.toml", 'stages = ["fix_encoding", "strip_comments"]\n')
    result = cli("clean", s.raw_path, "-")
    assert result.exit_code == 0, result.stderr
    # Only the comment form goes: the breadcrumb and the captions stay.
    assert result.stdout.startswith("Home » today » World » First Xi-Putin interview")
    assert "Xinhua News Agency via Getty Images" in result.stdout
    assert "Leave a Comment" not in result.stdout


def test_tool_boilercut_in_pyproject_is_honoured(cli) -> None:
    s = sample_by_number("004")
    write(Path.cwd() / "pyproject.toml", '[project]\nname = "corpus"\n\n[tool.boilercut]\ntitle = false\n')
    result = cli("clean", s.raw_path, "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == s.expected.split("\n\n", 1)[1]


def test_pyproject_without_a_boilercut_table_changes_nothing(cli) -> None:
    s = sample_by_number("004")
    write(Path.cwd() / "pyproject.toml", '[project]\nname = "corpus"\n\n[tool.other]\ntitle = false\n')
    assert cli("clean", s.raw_path, "-").stdout == s.expected


def test_boilercut_toml_wins_over_pyproject(cli) -> None:
    s = sample_by_number("004")
    write(Path.cwd() / "pyproject.toml", "[tool.boilercut]\ntitle = false\n")
    write(Path.cwd() / "boilercut.toml", "title = true\n")
    assert cli("clean", s.raw_path, "-").stdout == s.expected


def test_flags_win_over_the_configuration(cli) -> None:
    s = sample_by_number("004")
    write(Path.cwd() / "boilercut.toml", 'stages = ["fix_encoding"]\n')
    assert "Leave a Comment" in cli("clean", s.raw_path, "-").stdout
    result = cli("clean", s.raw_path, "-", "--stages", "fix_encoding,strip_comments")
    assert result.exit_code == 0
    assert "Leave a Comment" not in result.stdout
    assert "Home » today » World" in result.stdout


def test_rule_folders_in_the_configuration_are_relative_to_it(cli, tmp_path: Path) -> None:
    write(Path.cwd() / "boilercut.toml", 'rules = ["my-rules"]\n')
    write(
        Path.cwd() / "my-rules" / "_house.toml",
        '[[rules]]\nid = "HS001"\nstage = "strip_boilerplate"\naction = "drop"\ndescription = "house ad"\n'
        'pattern = "^Buy the print edition$"\n',
    )
    s = sample_by_number("004")
    doc = write(tmp_path / "a.txt", s.raw.replace("Leave a Comment", "Buy the print edition\n\nLeave a Comment"))
    result = cli("explain", doc)
    assert result.exit_code == 0, result.stderr
    assert any("HS001" in line and "Buy the print edition" in line for line in result.stdout.splitlines())


def test_unknown_key_in_boilercut_toml(cli) -> None:
    write(Path.cwd() / "boilercut.toml", 'skp = ["dedupe"]\n')
    result = cli("clean", "-", "-", input="Text.\n")
    assert result.exit_code == 2
    assert result.stderr == f"error: {Path.cwd() / 'boilercut.toml'}: skp: unknown key; did you mean 'skip'?\n"


def test_unknown_key_in_tool_boilercut(cli) -> None:
    write(Path.cwd() / "pyproject.toml", "[tool.boilercut]\ntitel = false\n")
    result = cli("clean", "-", "-", input="Text.\n")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {Path.cwd() / 'pyproject.toml'}: tool.boilercut.titel: unknown key; did you mean 'title'?\n"
    )


def test_wrong_type_in_boilercut_toml(cli) -> None:
    write(Path.cwd() / "boilercut.toml", 'title = "no"\n')
    result = cli("clean", "-", "-", input="Text.\n")
    assert result.exit_code == 2
    assert result.stderr == f"error: {Path.cwd() / 'boilercut.toml'}: title: must be true or false\n"


def test_unknown_stage_in_boilercut_toml(cli) -> None:
    write(Path.cwd() / "boilercut.toml", 'stages = ["fix_encoding", "strip_add"]\n')
    result = cli("clean", "-", "-", input="Text.\n")
    assert result.exit_code == 2
    assert "unknown stage 'strip_add'; did you mean 'strip_ads'?" in result.stderr


# -- explain, rules, stages ----------------------------------------------------------


def test_explain_shows_every_input_line(cli) -> None:
    s = sample_by_number("004")
    result = cli("explain", s.raw_path)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{s.raw_path}: site world-today-news.com"
    numbered = [n for n, line in enumerate(s.raw.splitlines(), 1) if line.strip()]
    assert [int(line.split()[0]) for line in lines[1:]] == numbered
    assert lines[1] == (
        "    1 drop  strip_boilerplate BP001: breadcrumb trail | "
        "Home » today » World » First Xi-Putin interview on the situation in Afghanistan"
    )
    assert lines[2] == "    3 title First Xi-Putin interview on the situation in Afghanistan"
    assert lines[-2] == "   29 drop  strip_comments CM002: comment-section heading or button | Leave a Comment"
    assert lines[-1].startswith("   31 drop  strip_comments WTN002: the comment form at the end of the page")
    kept = [line for line in lines[1:] if line.split()[1] == "keep"]
    assert len(kept) == len(s.expected.split("\n\n")) - 1  # every paragraph but the headline


def test_explain_from_stdin(cli) -> None:
    result = cli("explain", "-", input="Menu\n\nThe talks ended on Friday without an agreement, officials said.\n")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "<stdin>: site none (default rules only)"
    assert lines[1] == "    1 drop  strip_boilerplate BP006: account, menu or search control | Menu"


def test_explain_of_a_missing_file(cli, tmp_path: Path) -> None:
    result = cli("explain", tmp_path / "nope.txt")
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'nope.txt'}: no such file\n"


def test_rules_test_passes_on_the_shipped_rules(cli) -> None:
    result = cli("rules", "test")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert result.stderr.endswith(" passed, 0 failed\n")


def test_rules_test_fails_on_a_failing_example(cli, tmp_path: Path) -> None:
    folder = write(
        tmp_path / "rules" / "x.com.toml",
        '[[rules]]\nid = "XX001"\nstage = "strip_ads"\naction = "drop"\ndescription = "buy button"\n'
        'pattern = "^Buy"\nexamples = [\n  { drop = "Buy now" },\n  { keep = "Buyers queued for hours." },\n]\n',
    ).parent
    result = cli("rules", "test", "--rules", folder)
    assert result.exit_code == 1
    assert result.stdout == (
        f"{folder}/x.com.toml:1: rule XX001: example gives other verdicts than expected\n"
        "  !! expected keep got drop | Buyers queued for hours.\n"
    )
    assert result.stderr.endswith(" passed, 1 failed\n")


def test_rules_list_lists_every_rule_id(cli) -> None:
    result = cli("rules", "list")
    assert result.exit_code == 0
    listed = {line.split("\t")[0] for line in result.stdout.splitlines()[1:]}
    pipeline = Pipeline(Config())
    file_ids = {rule.id for rule in pipeline.book.every_rule()}
    builtin_ids = {rule for stage in pipeline.stages for rule in stage.builtin_rules}
    assert {"BP001", "CP001", "EXP001", "SF001", "SPN001", "WTN001", "DD001", "RF001", "EN001"} <= listed
    assert listed == file_ids | builtin_ids


def test_rules_list_for_one_site(cli) -> None:
    result = cli("rules", "list", "--site", "southfront.org")
    assert result.exit_code == 0
    listed = {line.split("\t")[0] for line in result.stdout.splitlines()[1:]}
    assert {"SF001", "SF002", "SF003", "BP001"} <= listed
    assert not listed & {"EXP001", "SPN001", "WTN001"}


def test_rules_check_on_the_shipped_rules(cli) -> None:
    result = cli("rules", "check")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(" files: ok\n")


def test_stages_lists_running_and_available_stages(cli) -> None:
    result = cli("stages", "--skip", "reflow")
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()[1:]]
    assert [row[0] for row in rows] == [name for name in DEFAULT_ORDER if name != "reflow"] + ["reflow"]
    runs = {row[0]: row[1] for row in rows}
    assert runs == {name: "no" if name == "reflow" else "yes" for name in DEFAULT_ORDER}


def test_generic_false_in_the_configuration_turns_the_classifier_off(cli) -> None:
    s = sample_by_number("002")
    headline = s.expected.split("\n\n", 1)[0]
    write(Path.cwd() / "boilercut.toml", "generic = false\n")
    result = cli("clean", s.raw_path, "-", "--skip", "dedupe")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"{headline}\n\n{headline}\n\nThe nexus")


@pytest.mark.parametrize(("command", "header"), [
    (("rules", "list"), "id\tstage\taction\twhere\tdescription"),
    (("stages",), "stage\truns\trules from files\tdescription"),
])  # fmt: skip
def test_listings_print_tab_separated_rows_off_a_terminal(command: tuple[str, ...], header: str, cli) -> None:
    result = cli(*command)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == header
    assert len(lines) > 1 and all(line.count("\t") == header.count("\t") for line in lines)
    assert "…" not in result.stdout  # no cell cut short
    if command == ("rules", "list"):
        pipeline = Pipeline(Config())
        descriptions = {rule.id: " ".join(rule.description.split()) for rule in pipeline.book.every_rule()}
        rows = {line.split("\t")[0]: line.split("\t")[4] for line in lines[1:]}
        assert all(rows[rule_id] == description for rule_id, description in descriptions.items())


# -- the run summary: a few lines, the rule table on request ----------------------------------------


def test_a_folder_run_summary_is_a_few_lines_and_stats_adds_the_rule_table(cli, tmp_path: Path) -> None:
    short = cli("clean", SAMPLES / "raw", tmp_path / "out")
    assert short.exit_code == 0, short.stderr
    lines = short.stderr.splitlines()
    assert lines[0].startswith(f"{len(ALL_SAMPLES)} documents cleaned, 0 failed, ")
    assert lines[1].startswith("lines dropped by stage: strip_ads ") and lines[1].endswith("(--stats: by rule)")
    assert len(lines) == 2
    full = cli("clean", SAMPLES / "raw", tmp_path / "again", "--stats")
    assert full.exit_code == 0, full.stderr
    assert "SPN005" in full.stderr and "RF002" in full.stderr  # rows of the table, rule by rule
    assert len(full.stderr.splitlines()) > 10


def test_stats_json_writes_the_run_figures(cli, tmp_path: Path) -> None:
    target = tmp_path / "stats" / "run.json"
    result = cli("clean", SAMPLES / "raw", tmp_path / "out", "--stats-json", target)
    assert result.exit_code == 0, result.stderr
    figures = json.loads(target.read_text(encoding="utf-8"))
    assert (figures["documents"], figures["failed"], figures["rules_switched_off"]) == (len(ALL_SAMPLES), 0, [])
    by_rule = figures["dropped_by_rule"]
    assert sum(count for rules in by_rule.values() for count in rules.values()) == figures["lines_dropped"] > 0
    assert {stage: sum(rules.values()) for stage, rules in by_rule.items()} == figures["dropped_by_stage"]
    assert [path.name for path in target.parent.iterdir()] == ["run.json"]  # no temporary file left


# -- help and shell completion -------------------------------------------------------------------------

COMMANDS = [["clean"], ["fix"], ["check"], ["explain"], ["train"], ["stages"], ["rules", "list"], ["rules", "test"]]
TYPE_PLACEHOLDER = re.compile(r"<[a-z][^>]*>")  # typer's default metavars: <str>, <path>, <list[Path]>, <int range>


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_shows_plain_metavars(command: list[str], cli) -> None:
    result = cli(*command, "--help")
    assert result.exit_code == 0
    assert TYPE_PLACEHOLDER.findall(result.stdout) == []


@pytest.mark.slow
def test_shell_completion_is_offered_and_completes_commands() -> None:
    program = str(Path(sys.executable).parent / "boilercut")
    # typer reads the shell from the command's parent processes (shellingham), not from an
    # argument: run it from bash, as a user's terminal would, whatever started the tests
    # (a second command keeps bash from replacing itself with the program).
    script = subprocess.run(["bash", "-c", f"'{program}' --show-completion && true"], capture_output=True, text=True)
    assert script.returncode == 0 and "_boilercut_completion" in script.stdout
    env = os.environ | {"_BOILERCUT_COMPLETE": "complete_bash", "COMP_WORDS": "boilercut cl", "COMP_CWORD": "1"}
    completed = subprocess.run([program], capture_output=True, text=True, env=env)
    assert completed.stdout.split() == ["clean"]
