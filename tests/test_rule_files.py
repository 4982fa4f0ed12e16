"""Loading rule files: exact error messages (library and CLI), and --rules folders overriding shipped files."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from boilercut.config import Config, shipped_rules_dir
from boilercut.errors import ExitCode, RuleFileError
from boilercut.pipeline import Pipeline, Source
from boilercut.rules import loader
from support import ROOT, sample_by_number, write

# A valid rule; cases below break one thing in it.
RULE = """\
[[rules]]
id = "XX001"
stage = "strip_ads"
action = "drop"
description = "a buy-now button"
pattern = "^Buy now$"
"""
STAGES = "strip_ads, strip_boilerplate, strip_captions, strip_comments"
RULE_KEYS = ", ".join(sorted(loader.RULE_KEYS))  # the hint lists every key a rule may have


@dataclass(frozen=True)
class Broken:
    name: str
    files: dict[str, str]  # file name -> content, written into one --rules folder
    message: str  # the exact message; {dir} is the folder


BROKEN = [
    Broken(
        "bad TOML syntax",
        {"x.com.toml": '[[rules]]\nid = "XX001"\nstage = strip_ads\n'},
        "{dir}/x.com.toml:3: invalid TOML: Invalid value (at line 3, column 9)",
    ),
    Broken(
        "unknown top-level key",
        {"x.com.toml": "rule = 1\n" + RULE},
        "{dir}/x.com.toml:1: rule: unknown key 'rule'; did you mean 'rules'?",
    ),
    Broken(
        "unknown top-level table",
        {"x.com.toml": RULE + '\n[sites]\nname = "x"\n'},
        "{dir}/x.com.toml:8: sites: unknown key 'sites'; did you mean 'site'?",
    ),
    Broken(
        "unknown rule key with a close match",
        {"x.com.toml": RULE + "max_wrods = 3\n"},
        "{dir}/x.com.toml:7: rule XX001: rules[0].max_wrods: unknown key 'max_wrods'; did you mean 'max_words'?",
    ),
    Broken(
        "unknown rule key without a close match",
        {"x.com.toml": RULE + "zzzz = 3\n"},
        f"{{dir}}/x.com.toml:7: rule XX001: rules[0].zzzz: unknown key 'zzzz' (choose from: {RULE_KEYS})",
    ),
    Broken(
        "unknown stage with a close match",
        {"x.com.toml": RULE.replace('"strip_ads"', '"strip_add"')},
        "{dir}/x.com.toml:3: rule XX001: rules[0].stage: unknown stage 'strip_add'; did you mean 'strip_ads'?",
    ),
    Broken(
        "a stage that takes no rules",
        {"x.com.toml": RULE.replace('"strip_ads"', '"reflow"')},
        f"{{dir}}/x.com.toml:3: rule XX001: rules[0].stage: unknown stage 'reflow' (choose from: {STAGES})",
    ),
    Broken(
        "unknown action",
        {"x.com.toml": RULE.replace('"drop"', '"dropp"')},
        "{dir}/x.com.toml:4: rule XX001: rules[0].action: unknown action 'dropp'; did you mean 'drop'?",
    ),
    Broken(
        "bad regex",
        {"x.com.toml": RULE.replace('"^Buy now$"', '"(Buy now"')},
        "{dir}/x.com.toml:6: rule XX001: rules[0].pattern: bad regular expression '(Buy now': missing ) at position 8",
    ),
    Broken(
        "bad regex in an end marker",
        {"x.com.toml": RULE.replace('"drop"', '"drop_between"') + 'end = "[More info"\n'},
        "{dir}/x.com.toml:7: rule XX001: rules[0].end: bad regular expression '[More info': "
        "unterminated character set at position 10",
    ),
    Broken(
        "missing description",
        {"x.com.toml": "# a comment\n\n" + RULE.replace('description = "a buy-now button"\n', "")},
        "{dir}/x.com.toml:3: rule XX001: rules[0].description: is required",
    ),
    Broken(
        "missing end for drop_between",
        {"x.com.toml": RULE.replace('"drop"', '"drop_between"')},
        "{dir}/x.com.toml:1: rule XX001: rules[0].end: is required for this action",
    ),
    Broken(
        "missing while for drop_with_following",
        {"x.com.toml": RULE.replace('"drop"', '"drop_with_following"')},
        "{dir}/x.com.toml:1: rule XX001: rules[0].while: is required for this action",
    ),
    Broken(
        "a neighbour's exception on an action without a neighbour",
        {"x.com.toml": RULE + "neighbour_unless = 'x'\n"},
        "{dir}/x.com.toml:7: rule XX001: rules[0].neighbour_unless: applies only to the actions "
        "drop_with_next, drop_with_previous, not 'drop'",
    ),
    Broken(
        "a neighbour's length on an action without a neighbour",
        {"x.com.toml": RULE.replace('"drop"', '"drop_from"') + "neighbour_max_words = 5\n"},
        "{dir}/x.com.toml:7: rule XX001: rules[0].neighbour_max_words: applies only to the actions "
        "drop_with_following, drop_with_next, drop_with_previous, not 'drop_from'",
    ),
    Broken(
        "an empty pattern, which would match every line",
        {"x.com.toml": RULE.replace('"^Buy now$"', '""')},
        "{dir}/x.com.toml:6: rule XX001: rules[0].pattern: is empty, so it would match every line; "
        "write what the rule looks for",
    ),
    Broken(
        "missing id",
        {"x.com.toml": RULE.replace('id = "XX001"\n', "")},
        '{dir}/x.com.toml:1: rules[0].id: is required: an id of capitals then three digits, like "BP001"',
    ),
    Broken(
        "bad id format",
        {"x.com.toml": RULE.replace('"XX001"', '"xx1"')},
        "{dir}/x.com.toml:2: rules[0].id: needs an id of capitals then three digits, like \"BP001\" (found 'xx1')",
    ),
    Broken(
        "duplicate id within a file",
        {"x.com.toml": RULE + "\n" + RULE},
        "{dir}/x.com.toml:9: rule XX001: rules[1].id: this id is used twice in the file; ids must be unique",
    ),
    Broken(
        "the same id in two files",
        {"a.com.toml": RULE, "b.com.toml": "# b.com\n\n" + RULE},
        "{dir}/b.com.toml:3: rule XX001: id already used in {dir}/a.com.toml; "
        "rule ids must be unique across rule files",
    ),
    Broken(
        "an id the shipped rules already use",
        {"x.com.toml": RULE.replace('"XX001"', '"BP001"')},
        f"{{dir}}/x.com.toml:1: rule BP001: id already used in {shipped_rules_dir()}/_default.toml; "
        "rule ids must be unique across rule files",
    ),
    Broken(
        "wrong type: max_words = true",
        {"x.com.toml": RULE + "max_words = true\n"},
        "{dir}/x.com.toml:7: rule XX001: rules[0].max_words: must be an int, not bool True",
    ),
    Broken(
        "negative count",
        {"x.com.toml": RULE.replace('"drop"', '"drop_with_next"') + "neighbour_max_words = -1\n"},
        "{dir}/x.com.toml:7: rule XX001: rules[0].neighbour_max_words: must be zero or more, not -1",
    ),
    Broken(
        "unknown input kind",
        {"x.com.toml": RULE + 'inputs = ["pdf"]\n'},
        '{dir}/x.com.toml:7: rule XX001: rules[0].inputs: takes "text" and/or "html", not \'pdf\'',
    ),
    Broken(
        "a [site] table in a defaults-style file",
        {"_extra.toml": '[site]\ndomains = ["x.com"]\n\n' + RULE},
        "{dir}/_extra.toml:1: site: a defaults file has no [site] table; "
        "put site rules in a file named after the domain",
    ),
    Broken(
        "unknown site key",
        {"x.com.toml": '[site]\ndomain = ["x.com"]\n\n' + RULE},
        "{dir}/x.com.toml:2: site.domain: unknown key 'domain'; did you mean 'domains'?",
    ),
    Broken(
        "min_fingerprints above the number of fingerprints",
        {"x.com.toml": '[site]\nfingerprints = ["Buy now at X"]\nmin_fingerprints = 2\n\n' + RULE},
        "{dir}/x.com.toml:3: site.min_fingerprints: must be between 1 and the number of fingerprints (1)",
    ),
    Broken(
        "rules written as a table instead of an array of tables",
        {"x.com.toml": '[rules]\nid = "XX001"\n'},
        "{dir}/x.com.toml:1: rules: must be an array of tables: write [[rules]]",
    ),
    Broken(
        "unknown example key",
        {"x.com.toml": RULE + 'examples = [ { dorp = "Buy now" } ]\n'},
        "{dir}/x.com.toml:7: rule XX001: rules[0].examples[0].dorp: unknown key 'dorp'; did you mean 'drop'?",
    ),
    Broken(
        "example verdicts that do not match its lines",
        {"x.com.toml": RULE + 'examples = [ { lines = ["Buy now", "Text."], expect = ["drop"] } ]\n'},
        "{dir}/x.com.toml:7: rule XX001: rules[0].examples[0]: "
        "needs `expect`: one verdict per non-empty line of `lines`",
    ),
    Broken(
        "an unknown example verdict",
        {"x.com.toml": RULE + 'examples = [ { lines = ["Buy now", "Text."], expect = ["drop", "kept"] } ]\n'},
        '{dir}/x.com.toml:7: rule XX001: rules[0].examples[0].expect: expect takes "keep" or "drop", not \'kept\'',
    ),
    Broken(
        "a rule header with a comment after it",
        {
            "x.com.toml": RULE.replace("[[rules]]", "[[rules]]  # buy buttons")
            + "\n[[rules]]\n"
            + RULE.split("\n", 1)[1].replace("XX001", "XX002")
            + "max_wrods = 1\n"
        },
        "{dir}/x.com.toml:14: rule XX002: rules[1].max_wrods: unknown key 'max_wrods'; did you mean 'max_words'?",
    ),
]


def write_rules(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        write(folder / name, text)
    return folder


@pytest.mark.parametrize("case", BROKEN, ids=[case.name for case in BROKEN])
def test_rule_file_error_message(case: Broken, tmp_path: Path) -> None:
    folder = write_rules(tmp_path / "rules", case.files)
    with pytest.raises(RuleFileError) as caught:
        Pipeline(Config(rule_dirs=(folder,)))
    assert str(caught.value) == case.message.format(dir=folder)


@pytest.mark.parametrize("case", BROKEN, ids=[case.name for case in BROKEN])
def test_cli_exits_2_with_the_message(case: Broken, cli, tmp_path: Path) -> None:
    folder = write_rules(tmp_path / "rules", case.files)
    doc = write(tmp_path / "doc.txt", "Buy now\n\nThe talks ended.\n")
    result = cli("clean", doc, "-", "--rules", folder)
    assert result.exit_code == ExitCode.USAGE == 2
    assert result.stderr == f"error: {case.message.format(dir=folder)}\n"
    assert result.stdout == ""


def test_rules_path_that_is_not_a_folder(cli, tmp_path: Path) -> None:
    not_a_folder = write(tmp_path / "rules.toml", RULE)
    missing = tmp_path / "nowhere"
    doc = write(tmp_path / "doc.txt", "Text.\n")
    for path in (not_a_folder, missing):
        message = f"{path}: not a folder of rule files; check the --rules path"
        with pytest.raises(RuleFileError, match="^" + message.replace(".", r"\.") + "$"):
            Pipeline(Config(rule_dirs=(path,)))
        result = cli("clean", doc, "-", "--rules", path)
        assert result.exit_code == 2
        assert result.stderr == f"error: {message}\n"


def test_rules_check_reports_the_broken_file(cli, tmp_path: Path) -> None:
    folder = write_rules(tmp_path / "rules", {"x.com.toml": RULE + "max_wrods = 3\n"})
    result = cli("rules", "check", "--rules", folder)
    assert result.exit_code == 2
    assert "rules[0].max_wrods: unknown key 'max_wrods'; did you mean 'max_words'?" in result.stderr


def test_an_example_with_two_verdicts_is_an_error(tmp_path: Path) -> None:
    # { drop = ..., keep = ... } cannot be both; silently taking the first hides a typo.
    folder = write_rules(
        tmp_path / "rules", {"x.com.toml": RULE + 'examples = [ { drop = "Buy now", keep = "Buy" } ]\n'}
    )
    with pytest.raises(RuleFileError, match=r"rules\[0\]\.examples\[0\]"):
        Pipeline(Config(rule_dirs=(folder,)))


def test_a_valid_extra_rule_file_loads_and_acts(tmp_path: Path) -> None:
    folder = write_rules(tmp_path / "rules", {"_extra.toml": RULE})
    pipeline = Pipeline(Config(rule_dirs=(folder,), generic=False))
    doc = pipeline.process(Source("Buy now\n\nThe talks ended.\n"))
    assert [(b.text, b.drop.rule if b.drop else None) for b in doc.blocks] == [
        ("Buy now", "XX001"),
        ("The talks ended.", None),
    ]


# -- a --rules folder overrides shipped files of the same name -----------------------


def test_site_file_in_rules_folder_replaces_the_shipped_one(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    shipped = (ROOT / "rules" / "express.co.uk.toml").read_text(encoding="utf-8")
    # The same file without EXP003 (story links set off by two blank lines).
    without_exp003 = shipped[: shipped.index('[[rules]]\nid = "EXP003"')]
    write(folder / "express.co.uk.toml", without_exp003)

    s = sample_by_number("000")
    # The generic classifier off: these tests are about which rules apply.
    shipped_doc = Pipeline(Config(generic=False)).process(Source(s.raw))
    override = Pipeline(Config(rule_dirs=(folder,), generic=False))
    doc = override.process(Source(s.raw))

    assert override.book.sites["express.co.uk"].path == str(folder / "express.co.uk.toml")
    assert doc.site == "express.co.uk"
    link = "WHO warns China’s delays make it impossible to find COVID-19 origin"
    assert _verdict(shipped_doc, link) == "EXP003"
    assert _verdict(doc, link) is None  # the override has no EXP003: the link stays
    ids = {rule.id for rule in override.book.all_rules("express.co.uk")}
    assert {"EXP001", "EXP002"} <= ids and "EXP003" not in ids


def test_override_with_new_rules_replaces_all_of_the_shipped_ones(tmp_path: Path) -> None:
    folder = write_rules(
        tmp_path / "rules",
        {
            "southfront.org.toml": '[site]\nfingerprints = ["Support SouthFront"]\nmin_fingerprints = 1\n\n'
            + RULE.replace("XX001", "SFX001").replace("^Buy now$", "^Arch Bungle$")
        },
    )
    s = sample_by_number("001")
    doc = Pipeline(Config(rule_dirs=(folder,), generic=False)).process(Source(s.raw))
    assert doc.site == "southfront.org"
    rules = {b.drop.rule for b in doc.blocks if b.drop}
    assert not rules & {"SF001", "SF002", "SF003"}
    # CM001 (a default rule) took the thread from "Notify of" before SFX001 could act.
    assert _verdict(doc, "Arch Bungle") == "CM001"


def test_override_folder_changes_cli_output(cli, tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder, ignore=shutil.ignore_patterns("_default.toml"))
    write(folder / "world-today-news.com.toml", '[site]\nfingerprints = ["Home » today »"]\nmin_fingerprints = 1\n')
    s = sample_by_number("004")
    result = cli("explain", s.raw_path, "--rules", folder)
    assert result.exit_code == 0, result.stderr
    assert "WTN002" not in result.stdout  # the shipped file's rules are gone
    assert "site world-today-news.com" in result.stdout


def _verdict(doc, text: str) -> str | None:
    block = next(b for b in doc.blocks if b.text == text)
    return block.drop.rule if block.drop else None
