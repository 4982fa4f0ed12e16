"""Each rule action and condition on a small document; a catastrophic pattern is reported, not hung on."""

from __future__ import annotations

from pathlib import Path

import pytest

from boilercut import Cleaner
from boilercut.document import Document
from boilercut.rules.actions import apply_rules
from boilercut.rules.matcher import RuleSet
from boilercut.rules.model import Action, Rule
from support import write

STAGE = "strip_ads"


def rule(action: Action, pattern: str, **options: object) -> Rule:
    return Rule(
        id="TS001",
        stage=STAGE,
        action=action,
        pattern=pattern,
        description="test rule",
        source="test.toml:1",
        **options,
    )  # type: ignore[arg-type]


def run(text: str, *rules: Rule) -> list[str]:
    """The verdict on each non-empty line: 'keep' or the id of the rule that dropped it."""
    doc = Document.from_text(text)
    apply_rules(doc, STAGE, RuleSet(rules))
    return [block.drop.rule if block.drop else "keep" for block in doc.blocks]


def lines(*items: str) -> str:
    return "\n\n".join(items) + "\n"


# -- drop ----------------------------------------------------------------------------


def test_drop_takes_only_the_matching_line() -> None:
    text = lines("Body one.", "Advertisement", "Body two.", "Advertisement")
    assert run(text, rule(Action.DROP, "^Advertisement$")) == ["keep", "TS001", "keep", "TS001"]


def test_drop_records_stage_rule_and_reason() -> None:
    doc = Document.from_text(lines("Body.", "Advertisement"))
    apply_rules(doc, STAGE, RuleSet([rule(Action.DROP, "^Advertisement$")]))
    drop = doc.blocks[1].drop
    assert drop is not None
    assert (drop.stage, drop.rule, drop.reason) == (STAGE, "TS001", "test rule")


def test_pattern_is_searched_not_matched_at_the_start() -> None:
    assert run(lines("Read the full story here", "Here"), rule(Action.DROP, "full story")) == ["TS001", "keep"]


def test_the_first_decision_stands() -> None:
    first = rule(Action.DROP, "^Ad")
    second = Rule(id="TS002", stage=STAGE, action=Action.DROP, pattern="^Advert", description="x", source="t:2")
    assert run(lines("Advert"), first, second) == ["TS001"]
    assert run(lines("Advert"), second, first) == ["TS002"]


# -- drop_with_previous / drop_with_next ------------------------------------------------


def test_drop_with_previous() -> None:
    text = lines("Body.", "Xi and Putin held a call", "(Image: GETTY)", "More body.")
    assert run(text, rule(Action.DROP_WITH_PREVIOUS, r"^\(Image:")) == ["keep", "TS001", "TS001", "keep"]


def test_drop_with_previous_on_the_first_line_drops_only_it() -> None:
    assert run(lines("(Image: GETTY)", "Body."), rule(Action.DROP_WITH_PREVIOUS, r"^\(Image:")) == ["TS001", "keep"]


def test_drop_with_previous_respects_neighbour_max_words() -> None:
    r = rule(Action.DROP_WITH_PREVIOUS, r"^\(Image:", neighbour_max_words=5)
    assert run(lines("A caption of five words", "(Image: GETTY)"), r) == ["TS001", "TS001"]
    assert run(lines("A caption of six short words", "(Image: GETTY)"), r) == ["keep", "TS001"]


@pytest.mark.parametrize("action", [Action.DROP_WITH_PREVIOUS, Action.DROP_WITH_NEXT])
def test_a_neighbour_matching_neighbour_unless_stays(action: Action) -> None:
    r = rule(action, r"^\(Image:", neighbour_unless=r"\. \p{Lu}")
    around = ["The minister in Brussels", "(Image: GETTY)", "The minister in Brussels"]
    assert run(lines(*around), r) == (
        ["TS001", "TS001", "keep"] if action is Action.DROP_WITH_PREVIOUS else ["keep", "TS001", "TS001"]
    )
    around = ["Talks went on. They ended late.", "(Image: GETTY)", "Talks went on. They ended late."]
    assert run(lines(*around), r) == ["keep", "TS001", "keep"]


def test_drop_with_next() -> None:
    text = lines("Body.", "Tags:", "China, Russia", "More body.")
    assert run(text, rule(Action.DROP_WITH_NEXT, "^Tags:$")) == ["keep", "TS001", "TS001", "keep"]


def test_drop_with_next_on_the_last_line_drops_only_it() -> None:
    assert run(lines("Body.", "Tags:"), rule(Action.DROP_WITH_NEXT, "^Tags:$")) == ["keep", "TS001"]


def test_drop_with_next_respects_neighbour_max_words() -> None:
    r = rule(Action.DROP_WITH_NEXT, "^Tags:$", neighbour_max_words=3)
    assert run(lines("Tags:", "China, Russia, Afghanistan"), r) == ["TS001", "TS001"]
    assert run(lines("Tags:", "The talks went on for hours."), r) == ["TS001", "keep"]


def test_neighbour_reason_names_the_marker_line() -> None:
    doc = Document.from_text(lines("Caption", "(Image: GETTY)"))
    apply_rules(doc, STAGE, RuleSet([rule(Action.DROP_WITH_PREVIOUS, r"^\(Image:")]))
    assert doc.blocks[0].drop is not None
    assert doc.blocks[0].drop.reason == "test rule (the line before line 3)"


# -- drop_with_following --------------------------------------------------------------


def test_drop_with_following_takes_lines_while_they_match() -> None:
    r = rule(Action.DROP_WITH_FOLLOWING, "^Related:$", while_=r"[^.]$")
    text = lines("Body.", "Related:", "Story one", "Story two", "A sentence ends here.", "Story three")
    assert run(text, r) == ["keep", "TS001", "TS001", "TS001", "keep", "keep"]


def test_drop_with_following_stops_at_a_long_neighbour() -> None:
    r = rule(Action.DROP_WITH_FOLLOWING, "^Related:$", neighbour_max_words=3, while_=r"[^.]$")
    text = lines("Related:", "Story one", "A longer story title without a stop", "Story two")
    assert run(text, r) == ["TS001", "TS001", "keep", "keep"]


def test_drop_with_following_at_the_end_of_the_page() -> None:
    r = rule(Action.DROP_WITH_FOLLOWING, "^Related:$", **{"while_": "."})
    assert run(lines("Body.", "Related:"), r) == ["keep", "TS001"]


# -- drop_between -----------------------------------------------------------------------


def test_drop_between_takes_the_block_with_both_markers() -> None:
    r = rule(Action.DROP_BETWEEN, "^Sign up", end="^More info$")
    text = lines("Body.", "Sign up for news", "top stories", "More info", "More body.")
    assert run(text, r) == ["keep", "TS001", "TS001", "TS001", "keep"]


def test_drop_between_with_keep_marker_keeps_both_markers() -> None:
    r = rule(Action.DROP_BETWEEN, "^BEGIN$", end="^END$", keep_marker=True)
    assert run(lines("BEGIN", "inside", "END", "after"), r) == ["keep", "TS001", "keep", "keep"]


def test_drop_between_without_an_end_marker_drops_nothing() -> None:
    r = rule(Action.DROP_BETWEEN, "^Sign up", end="^More info$")
    text = lines("Body.", "Sign up for news", "The article goes on here.", "And ends here.")
    assert run(text, r) == ["keep", "keep", "keep", "keep"]


def test_drop_between_ends_at_the_first_end_marker() -> None:
    r = rule(Action.DROP_BETWEEN, "^BEGIN$", end="^END$")
    assert run(lines("BEGIN", "a", "END", "b", "END"), r) == ["TS001", "TS001", "TS001", "keep", "keep"]


def test_drop_between_reason_names_the_block() -> None:
    doc = Document.from_text(lines("BEGIN", "a", "END"))
    apply_rules(doc, STAGE, RuleSet([rule(Action.DROP_BETWEEN, "^BEGIN$", end="^END$")]))
    assert doc.blocks[1].drop is not None
    assert doc.blocks[1].drop.reason == "test rule (block from line 1 to 5)"


# -- drop_from / drop_before ---------------------------------------------------------------


def test_drop_from_takes_everything_to_the_end() -> None:
    r = rule(Action.DROP_FROM, "^Notify of$")
    assert run(lines("Body.", "Notify of", "A comment.", "Another."), r) == ["keep", "TS001", "TS001", "TS001"]


def test_drop_from_with_keep_marker() -> None:
    r = rule(Action.DROP_FROM, "^Notify of$", keep_marker=True)
    assert run(lines("Body.", "Notify of", "A comment."), r) == ["keep", "keep", "TS001"]


def test_drop_before_takes_everything_above() -> None:
    r = rule(Action.DROP_BEFORE, "^JHU CSSE$")
    assert run(lines("date bar", "widget", "JHU CSSE", "Headline"), r) == ["TS001", "TS001", "TS001", "keep"]


def test_drop_before_with_keep_marker() -> None:
    r = rule(Action.DROP_BEFORE, "^JHU CSSE$", keep_marker=True)
    assert run(lines("date bar", "JHU CSSE", "Headline"), r) == ["TS001", "keep", "keep"]


# -- conditions ------------------------------------------------------------------------------


def test_max_words() -> None:
    r = rule(Action.DROP, "(?i)cookies", max_words=5)
    assert run(lines("We use cookies.", "Regulators said sites that use cookies must ask first."), r) == [
        "TS001",
        "keep",
    ]


def test_max_words_zero_is_a_limit_not_unlimited() -> None:
    assert run(lines("Advertisement"), rule(Action.DROP, "^Advertisement$", max_words=0)) == ["keep"]


def test_min_blank_before() -> None:
    r = rule(Action.DROP, r"[^.]$", min_blank_before=2)
    text = "Body.\n\n\nA link to another story\n\nA subheading\n\n\nMore body.\n"
    assert run(text, r) == ["keep", "TS001", "keep", "keep"]


def test_min_blank_before_counts_blank_lines_with_spaces() -> None:
    r = rule(Action.DROP, r"[^.]$", min_blank_before=2)
    assert run("Body.\n \n\t\nA link to another story\n", r) == ["keep", "TS001"]


# -- runaway patterns -----------------------------------------------------------------------------

CATASTROPHIC = "(a+)+$"
RUNAWAY_LINE = "a" * 10_000 + "b"


def test_a_catastrophic_pattern_is_skipped_with_a_warning_naming_the_rule() -> None:
    doc = Document.from_text(lines("Advertisement", RUNAWAY_LINE, "Body."))
    apply_rules(doc, STAGE, RuleSet([rule(Action.DROP, "^Advertisement$"), rule(Action.DROP, CATASTROPHIC)]))
    assert [block.kept for block in doc.blocks] == [False, True, True]
    assert len(doc.warnings) == 1
    assert doc.warnings[0].startswith("rule TS001 (test.toml:1) took over ")
    assert "on line 3" in doc.warnings[0]  # the input line, blank lines counted


@pytest.mark.slow
def test_cli_run_with_a_catastrophic_rule_completes_and_warns(cli, tmp_path: Path) -> None:
    folder = write(
        tmp_path / "rules" / "_extra.toml",
        '[[rules]]\nid = "XX999"\nstage = "strip_ads"\naction = "drop"\ndescription = "runaway"\n'
        f'pattern = "{CATASTROPHIC}"\n',
    ).parent
    doc = write(tmp_path / "doc.txt", f"The talks ended on Friday without an agreement.\n\n{RUNAWAY_LINE}\n")
    result = cli("clean", doc, "-", "--stages", "strip_ads", "--rules", folder)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("The talks ended on Friday without an agreement.\n")
    assert f"warning: {doc}: rule XX999 ({folder}/_extra.toml:1) took over " in result.stderr
    assert "backtracks catastrophically" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("action", [Action.DROP_BETWEEN, Action.DROP_WITH_FOLLOWING])
def test_a_catastrophic_end_or_while_pattern_is_reported_too(action: Action) -> None:
    extra = {"end": CATASTROPHIC} if action is Action.DROP_BETWEEN else {"while_": CATASTROPHIC}
    r = rule(action, "^Related:$", **extra)
    doc = Document.from_text(lines("Related:", RUNAWAY_LINE, "Related:", RUNAWAY_LINE))
    apply_rules(doc, STAGE, RuleSet([r]))
    assert len(doc.warnings) == 1  # stopped once, then not run again on this document
    assert doc.warnings[0].startswith("rule TS001 (test.toml:1) took over 1 s on line 3 and was stopped there")


def test_a_rule_that_timed_out_is_switched_off_for_the_rest_of_the_run(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "rules" / "_extra.toml",
        '[[rules]]\nid = "XX999"\nstage = "strip_ads"\naction = "drop"\ndescription = "runaway"\n'
        f'pattern = "{CATASTROPHIC}"\n',
    ).parent
    cleaner = Cleaner(rule_dirs=(folder,), stages=("strip_ads",))
    page = f"The talks ended on Friday without an agreement.\n\n{RUNAWAY_LINE}\n"
    first, second = cleaner.clean(page), cleaner.clean(page)
    assert len(first.warnings) == 1 and "switched off for the rest of this run" in first.warnings[0]
    assert f"rule XX999 ({folder}/_extra.toml:1)" in first.warnings[0]
    assert second.warnings == ()  # not run again: it would have timed out and warned again


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_run_warns_once_of_a_switched_off_rule_and_its_summary_names_it(
    jobs: str, cli, tmp_path: Path
) -> None:
    folder = write(
        tmp_path / "rules" / "_extra.toml",
        '[[rules]]\nid = "XX999"\nstage = "strip_ads"\naction = "drop"\ndescription = "runaway"\n'
        f'pattern = "{CATASTROPHIC}"\n',
    ).parent
    for number in range(4):
        write(tmp_path / "in" / f"{number}.txt", f"The talks ended on Friday, day {number}.\n\n{RUNAWAY_LINE}\n")
    result = cli("clean", tmp_path / "in", tmp_path / "out", "--stages", "strip_ads", "--rules", folder, "-j", jobs)
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1 and "rule XX999" in warnings[0] and "switched off for the rest of this run" in warnings[0]
    assert "rules switched off after a time-out: XX999" in result.stderr
    assert len(list((tmp_path / "out").iterdir())) == 4
