"""Everything boilercut shows a person: summaries, explanations, rule and stage tables (rich).

rich is imported on first use: a clean run in a pipe shows nothing and should
not pay its import at start-up.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from .cleaner import Cleaned, Verdict
from .registry import StageInfo
from .rules.model import Rule
from .rules.selftest import ExampleFailure
from .run.summary import Summary

if TYPE_CHECKING:
    from rich.console import Console

DIFF_STYLES = {"+": "green", "-": "red", "@": "cyan"}
VERDICT_STYLES = {Verdict.TITLE: "bold green", Verdict.KEEP: "green", Verdict.DROP: "red"}


@functools.cache
def err() -> Console:
    """Messages, progress and summaries go to stderr so that stdout stays clean for pipes."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, markup=False, soft_wrap=True)  # names may hold [brackets]


@functools.cache
def out() -> Console:
    from rich.console import Console

    return Console(highlight=False, markup=False, soft_wrap=True)


def note(message: str, style: str = "") -> None:
    """A plain line on stderr."""
    err().print(message, style=style)


def error(message: str) -> None:
    from rich.text import Text

    err().print(Text("error: ", style="bold red") + Text(message))


def warn(message: str) -> None:
    from rich.text import Text

    err().print(Text("warning: ", style="yellow") + Text(message))


def summary(result: Summary, *, stats: bool = False) -> None:
    """A run's messages and a few lines of figures; with ``stats``, the lines each rule dropped."""
    for message in result.all_warnings():
        warn(message)
    for message in result.failures:
        error(message)
    lines = sum(result.dropped.values())
    skipped = f", {result.skipped} files up to date (skipped)" if result.skipped else ""
    stale = f", {len(result.stale)} temporary files of a killed run removed" if result.stale else ""
    err().print(
        f"{result.documents} documents cleaned, {len(result.failures)} failed, {lines} lines dropped{skipped}{stale}",
        style="bold" if not result.failures else "bold red",
    )
    if result.switched_off:
        note(f"rules switched off after a time-out: {', '.join(sorted(result.switched_off))} (see the warnings above)")
    if not lines:
        return
    if not stats:
        by_stage = ", ".join(f"{stage} {count}" for stage, count in result.by_stage().most_common())
        note(f"lines dropped by stage: {by_stage} (--stats: by rule)", style="dim")
        return
    rule_table(result)


def rule_table(result: Summary) -> None:
    """The lines dropped by stage and rule, most first."""
    from rich.table import Table

    table = Table(title="lines dropped", title_justify="left", show_edge=False)
    table.add_column("stage")
    table.add_column("rule")
    table.add_column("lines", justify="right")
    for stage, count in result.by_stage().most_common():
        table.add_row(stage, "", str(count), style="bold")
        for (rule_stage, rule), rule_count in result.dropped.most_common():
            if rule_stage == stage:
                table.add_row("", rule, str(rule_count))
    err().print(table)


def explain(name: str, cleaned: Cleaned) -> None:
    """Every input line with its verdict, stage, rule id and reason."""
    from rich.text import Text

    site = cleaned.site or "none (default rules only)"
    out().print(Text(f"{name}: site {site}", style="bold"))
    for line in cleaned.lines:
        style = VERDICT_STYLES[line.verdict]
        row = Text(f"{line.line:>5} ", style="dim") + Text(f"{line.verdict.value:<5} ", style=style)
        if line.verdict is Verdict.DROP:
            row += Text(f"{line.stage} {line.rule}: {line.reason}", style="yellow") + Text(" | ", style="dim")
        row += Text(line.text, style="dim" if line.verdict is Verdict.DROP else "")
        out().print(row, soft_wrap=True)
    for warning in cleaned.warnings:
        warn(warning)


def diff(name: str, before: str, after: str) -> None:
    from rich.text import Text

    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"{name} (now)", f"{name} (clean)"
    )
    for line in lines:
        out().print(Text(line.rstrip("\n"), style=DIFF_STYLES.get(line[:1], "")), soft_wrap=True)


def rules_table(rules: Iterable[Rule], builtin: Iterable[tuple[str, str, str]]) -> None:
    rows = [(rule_id, stage, "built-in", "code", description) for stage, rule_id, description in builtin]
    rows += [(rule.id, rule.stage, rule.action.value, rule.source, rule.description) for rule in rules]
    _listing(("id", "stage", "action", "where", "description"), rows)


def example_failures(count: int, failures: list[ExampleFailure], untested: list[Rule]) -> None:
    for failure in failures:
        out().print(failure.describe(), highlight=False, markup=False, soft_wrap=True)
    for rule in untested:
        warn(f"{rule.source}: rule {rule.id} has no examples; add some so `rules test` can check it")
    style = "bold red" if failures else "bold green"
    err().print(f"{count - len(failures)} passed, {len(failures)} failed", style=style)


def stages_table(stages: Iterable[StageInfo]) -> None:
    rows = [(stage.name, _yes(stage.runs), _yes(stage.takes_rules), stage.description) for stage in stages]
    _listing(("stage", "runs", "rules from files", "description"), rows)


def _listing(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """A table on a terminal; elsewhere (a pipe, a file) tab-separated rows, header first, no cell cut short."""
    if not out().is_terminal:
        for row in (columns, *rows):
            sys.stdout.write("\t".join(" ".join(cell.split()) for cell in row) + "\n")
        return
    from rich.table import Table

    table = Table(show_edge=False)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    out().print(table)


def _yes(value: bool) -> str:
    return "yes" if value else "no"


@contextlib.contextmanager
def progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr when it is a terminal; a no-op otherwise."""
    if total < 2 or not err().is_terminal:  # the count first: one document never loads rich
        yield lambda: None
        return
    from rich.progress import MofNCompleteColumn, Progress

    with Progress(*Progress.get_default_columns(), MofNCompleteColumn(), console=err(), transient=True) as bar:
        task = bar.add_task("cleaning", total=total)
        yield lambda: bar.advance(task)
