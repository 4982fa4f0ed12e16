"""The command line: parse options, call the library, show results, map errors to exit codes."""

import contextlib
import enum
import gc
import json
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from . import report
from .cleaner import Cleaner
from .config import Config, load_config
from .errors import BoilercutError, ExitCode, UsageError
from .io.files import write_atomically
from .io.formats import Format, kind_of
from .io.jsonl import Fields
from .pipeline import Pipeline, Source
from .registry import DEFAULT_ORDER, stage_listing
from .rules import SiteResolver
from .rules.selftest import run_examples
from .run import read
from .run.execute import RunOptions, execute
from .run.plan import Files, plan_clean
from .run.summary import Summary
from .version import __version__

if TYPE_CHECKING:
    from .run.inplace import Change

app = typer.Typer(
    help="Turn scraped news text into clean article text: headline and body, nothing else.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
rules_app = typer.Typer(help="List, test and check rule files.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

Site = Annotated[
    str | None, typer.Option("--site", metavar="DOMAIN", help="Use this site's rules for every document (a domain).")
]
RuleDirs = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules", metavar="FOLDER", help="Extra rule folder (repeatable); its site files override shipped ones."
    ),
]
Stages = Annotated[
    str | None, typer.Option("--stages", metavar="NAMES", help="Comma-separated stages to run, in order.")
]
Skip = Annotated[str | None, typer.Option("--skip", metavar="NAMES", help="Comma-separated stages not to run.")]
NoTitle = Annotated[bool, typer.Option("--no-title", help="Leave the headline out.")]
NoSiteRules = Annotated[bool, typer.Option("--no-site-rules", help="Use only the default rules and generic stages.")]
Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")]
ModelFile = Annotated[
    Path | None,
    typer.Option("--model", metavar="FILE", help="A model file from `boilercut train` (default: the shipped model)."),
]

TextField = Annotated[str, typer.Option("--text-field", metavar="FIELD", help="JSONL field holding the text.")]
Jobs = Annotated[
    int | None, typer.Option("--jobs", "-j", min=1, metavar="N", help="Worker processes (default: one per core).")
]


# How a process killed by SIGPIPE ends: what shells expect of `tool | head`.
BROKEN_PIPE_EXIT = 141


def main() -> None:
    # A polite kill (SIGTERM) ends a run as Ctrl-C does: outputs not complete are removed.
    signal.signal(signal.SIGTERM, _interrupt)
    app()


def _stop_on_closed_pipe() -> NoReturn:
    """A reader that stopped early (`| head`): end quietly, as Unix tools do (128 + SIGPIPE)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # so that flushing at exit cannot fail again
    os.dup2(devnull, sys.stderr.fileno())
    sys.exit(BROKEN_PIPE_EXIT)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@app.callback(invoke_without_command=True)
def _root(version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False) -> None:
    if version:
        typer.echo(f"boilercut {__version__}")
        raise typer.Exit()


@contextlib.contextmanager
def _boundary(debug: bool) -> Iterator[None]:
    """The one error boundary: expected errors say what and where; bugs exit 3."""
    try:
        yield
    except (typer.Exit, typer.Abort):
        raise
    except BrokenPipeError:
        _stop_on_closed_pipe()  # before click turns it into a plain exit 1
    except BoilercutError as error:
        report.error(str(error))
        raise typer.Exit(int(error.exit_code)) from None
    except KeyboardInterrupt:
        report.error("interrupted; outputs written so far are complete, run again to finish")
        raise typer.Exit(130) from None
    except Exception as error:
        if debug:
            traceback.print_exc()
        report.error(
            f"internal error: {type(error).__name__}: {error}. A bug in boilercut: rerun with --debug and report it"
        )
        raise typer.Exit(int(ExitCode.BUG)) from None


def _config(
    site: str | None,
    rules: list[Path] | None,
    stages: str | None,
    skip: str | None,
    no_title: bool,
    no_site_rules: bool,
    **fields: object,
) -> Config:
    """The configuration: boilercut.toml (or [tool.boilercut]), then the flags given.

    `fields` are further Config fields given as flags (None: not given), so a new
    option is one Annotated alias, one parameter and one keyword here.
    """
    return load_config(Path.cwd()).with_flags(
        site=site,
        rule_dirs=tuple(rules) if rules else None,
        stages=_names(stages),
        skip=_names(skip),
        title=False if no_title else None,
        site_rules=False if no_site_rules else None,
        **fields,
    )


def _names(option: str | None) -> tuple[str, ...] | None:
    return tuple(name.strip() for name in option.split(",") if name.strip()) if option else None


def _finish(
    summary: Summary, *, folder: bool, debug: bool, stats: bool = False, stats_json: Path | None = None
) -> NoReturn:
    misnamed = summary.field_nowhere()
    if misnamed is not None:  # one error, not one a record
        report.error(misnamed)
        raise typer.Exit(int(ExitCode.USAGE))
    if stats_json is not None:
        write_atomically(stats_json, json.dumps(summary.as_json(), indent=2, ensure_ascii=False) + "\n")
    if folder or stats:
        report.summary(summary, stats=stats)
    else:
        for message in summary.all_warnings():
            report.warn(message)
        for message in summary.failures:
            report.error(message)
        if summary.skipped:
            report.note("OUT is newer than IN: skipped (--skip-existing)")
        for path in summary.stale:
            report.note(f"{path}: removed, a temporary file of a killed run")
    if debug:
        for trace in summary.bugs:
            report.note(trace)
    code = ExitCode.BUG if summary.bugs else ExitCode.FINDINGS if summary.failures else ExitCode.OK
    raise typer.Exit(int(code))


IN_HELP = "A file, a folder (recursive: .txt .html .jsonl .warc .wet, each maybe .gz .bz2 .xz .zst) or - for stdin."
OUT_HELP = "A file (.jsonl for JSONL, .gz/.bz2/.xz/.zst compressed), a folder mirroring IN, or - for stdout."


class InputFormat(enum.StrEnum):
    text = "text"
    html = "html"
    jsonl = "jsonl"
    warc = "warc"


@app.command()
def clean(
    source: Annotated[str, typer.Argument(metavar="IN", help=IN_HELP)],
    target: Annotated[str, typer.Argument(metavar="OUT", help=OUT_HELP)],
    site: Site = None, rules: RuleDirs = None, stages: Stages = None, skip: Skip = None,
    no_title: NoTitle = False, no_site_rules: NoSiteRules = False,
    jobs: Jobs = None,
    skip_existing: Annotated[
        bool, typer.Option("--skip-existing", help="Skip outputs newer than their input.")
    ] = False,
    text_field: TextField = "text",
    url_field: Annotated[
        str | None,
        typer.Option(
            "--url-field", metavar="FIELD", help="JSONL field holding the URL (default: url, then metadata.url)."
        ),
    ] = None,
    no_templates: Annotated[
        bool, typer.Option("--no-templates", help="Folders: do not first count lines repeated across a site's pages.")
    ] = False,
    input_format: Annotated[
        InputFormat | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="What IN holds, when its name does not say: text, html, jsonl or warc (stdin: text).",
        ),
    ] = None,
    model: ModelFile = None,
    stats: Annotated[bool, typer.Option("--stats", help="Print the lines each rule dropped.")] = False,
    stats_json: Annotated[
        Path | None, typer.Option("--stats-json", metavar="FILE", help="Write the run's figures as JSON to FILE.")
    ] = None,
    debug: Debug = False,
) -> None:  # fmt: skip
    """Clean IN into OUT."""
    with _boundary(debug):
        cleaner = Cleaner(_config(site, rules, stages, skip, no_title, no_site_rules, model=model))
        given = Format(input_format.value) if input_format else None
        plan = plan_clean(source, target, given, skip_existing=skip_existing, templates=not no_templates)
        options = RunOptions(jobs or os.cpu_count() or 1, Fields(text_field, url_field))
        files = len(plan.steps) if isinstance(plan, Files) and plan.many else 0
        with report.progress(files) as advance:
            # What the first batch loads (stoplists, indexes) stays for the run: frozen, the
            # collector's full passes leave it alone (measured: 2% of a run over the bench pages).
            summary = execute(plan, cleaner, options, advance, warmed=gc.freeze)
        _finish(summary, folder=plan.many, debug=debug, stats=stats, stats_json=stats_json)


FilesOrFolders = Annotated[
    list[Path],
    typer.Argument(metavar="PATH...", help="Files, or folders (recursive: their .txt files)."),
]


@app.command()
def fix(
    paths: FilesOrFolders,
    site: Site = None, rules: RuleDirs = None, stages: Stages = None, skip: Skip = None,
    no_title: NoTitle = False, no_site_rules: NoSiteRules = False, model: ModelFile = None, jobs: Jobs = None,
    debug: Debug = False,
) -> None:  # fmt: skip
    """Clean files in place (atomically); unchanged files are left alone."""
    with _boundary(debug):
        _warn_if_no_title(no_title)
        from .run import inplace

        def fixed(change: inplace.Change, summary: Summary) -> None:
            if inplace.apply(change, summary):
                report.note(f"fixed {change.path}")

        config = _config(site, rules, stages, skip, no_title, no_site_rules, model=model)
        summary, _ = _each_change(paths, config, jobs, fixed)
        _finish(summary, folder=False, debug=debug)


@app.command()
def check(
    paths: FilesOrFolders,
    site: Site = None, rules: RuleDirs = None, stages: Stages = None, skip: Skip = None,
    no_title: NoTitle = False, no_site_rules: NoSiteRules = False, model: ModelFile = None, jobs: Jobs = None,
    debug: Debug = False,
) -> None:  # fmt: skip
    """Change nothing; show a diff and exit 1 when a file would change."""
    with _boundary(debug):
        _warn_if_no_title(no_title)
        from .run import inplace

        def differs(change: inplace.Change, summary: Summary) -> None:
            summary.changed += 1
            before = change.current
            if before is None:  # decoded as clean reads it: the diff shows what cleaning changes
                report.note(f"{change.path}: not UTF-8 text now; `boilercut fix` writes it as UTF-8")
                before = read.decoded_text(change.path)
            report.diff(str(change.path), before, change.text)

        config = _config(site, rules, stages, skip, no_title, no_site_rules, model=model)
        summary, files = _each_change(paths, config, jobs, differs)
        if summary.changed:
            report.note(f"{summary.changed} of {len(files)} files would change; run `boilercut fix` on them")
            for message in summary.failures:
                report.error(message)
            raise typer.Exit(int(ExitCode.FINDINGS))
        _finish(summary, folder=False, debug=debug)


def _each_change(
    paths: list[Path], config: Config, jobs: int | None, on_change: Callable[["Change", Summary], None]
) -> tuple[Summary, list[Path]]:
    """What fix and check share: the files their arguments name cleaned (``jobs`` processes),
    ``on_change`` called for each file whose clean text differs from what it holds."""
    from .run import inplace

    cleaner = Cleaner(config)
    summary, files = _in_place_files(paths)
    inplace.each_change(cleaner, files, jobs or os.cpu_count() or 1, summary, lambda c: on_change(c, summary))
    return summary, files


def _in_place_files(paths: list[Path]) -> tuple[Summary, list[Path]]:
    """The files fix and check take from their arguments; folders' unreadable parts are failures."""
    from .io.files import Skipped
    from .run import inplace

    summary, skipped = Summary(), list[Skipped]()
    files = inplace.expand(paths, skipped)
    for note in skipped:
        (summary.fail if note.failed else summary.warnings.append)(str(note))
    return summary, files


def _warn_if_no_title(no_title: bool) -> None:
    if no_title:
        report.warn(
            "--no-title: text without its headline may have its first line taken for one when cleaned again; "
            "keep the headline in files you fix or check, and leave it out when you export"
        )


@app.command()
def explain(
    file: Annotated[str, typer.Argument(metavar="FILE", help="A file (text, HTML, JSONL, WARC/WET), or - for stdin.")],
    record: Annotated[
        int | None,
        typer.Option("--record", min=1, metavar="N", help="JSONL, WARC: the Nth record (from 1) as clean counts them."),
    ] = None,
    record_id: Annotated[
        str | None, typer.Option("--id", metavar="ID", help="JSONL, WARC: the record with this id (or URL).")
    ] = None,
    text_field: TextField = "text",
    site: Site = None, rules: RuleDirs = None, stages: Stages = None, skip: Skip = None,
    no_site_rules: NoSiteRules = False, model: ModelFile = None, debug: Debug = False,
) -> None:  # fmt: skip
    """Show every input line with its verdict, stage, rule id and reason (and, for the
    model's drops, its probability and the features that weighed most). Of a JSONL or
    WARC file, one record: the first, or the one --record or --id names."""
    with _boundary(debug):
        if record is not None and record_id is not None:
            raise UsageError("--record and --id both name a record: give one")
        cleaner = Cleaner(_config(site, rules, stages, skip, False, no_site_rules, model=model))
        source = _explained_source(file, read.Wanted(record, record_id), Fields(text_field))
        report.explain(source.name, cleaner.clean_source(source, explain=True))


def _explained_source(file: str, wanted: read.Wanted, fields: Fields) -> Source:
    if file == "-":
        return read.document_source(read.read_stdin(), name="<stdin>")
    path = Path(file)
    if path.is_dir():
        raise UsageError(f"{file}: a folder; explain takes one file, or - for stdin")
    if not path.is_file():
        raise UsageError(f"{file}: no such file")
    kind = kind_of(path)
    if kind is not None and kind.format in (Format.JSONL, Format.WARC):
        return read.record_of(path, kind.format, fields, wanted)
    if wanted.number is not None or wanted.id is not None:
        raise UsageError(f"{file}: --record and --id pick a record of a JSONL or WARC file; this is one document")
    return read.file_source(path, file)


@app.command()
def train(
    cases: Annotated[
        list[Path],
        typer.Argument(
            metavar="CASES...",
            help="Cases files: JSON lines with 'text' and 'gold' (and 'id', 'url', 'site'); .gz allowed. "
            "A case's HTML in html/ID.html[.gz] beside its file is read too.",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", metavar="FILE", help="Where to write the model file (.npz).")],
    seed: Annotated[
        int, typer.Option("--seed", metavar="N", help="Random seed: the same pages and seed give the same model.")
    ] = 0,
    text_only: Annotated[
        bool, typer.Option("--text-only", help="Learn from the cases' text alone, not from their HTML files.")
    ] = False,
    debug: Debug = False,
) -> None:  # fmt: skip
    """Train a model from labeled pages; use it with --model (needs the train extra)."""
    with _boundary(debug):
        from .training import Settings
        from .training import train as train_model

        for path in cases:
            if not path.is_file():
                raise UsageError(f"{path}: no such file")
        model = train_model(cases, Settings(seed=seed), progress=report.note, html=not text_only)
        model.save(out)
        report.note(f"wrote {out} ({out.stat().st_size // 1024} KB); use it with --model {out}")


@app.command("stages")
def stages_command(stages: Stages = None, skip: Skip = None, debug: Debug = False) -> None:
    """List the stages: those that run, in order, then the others available."""
    with _boundary(debug):
        cleaner = Cleaner(_config(None, None, stages, skip, False, False))  # checks the names and rule files
        report.stages_table(stage_listing(cleaner.config.active_stages))


@rules_app.command("list")
def rules_list(
    site: Site = None, rules: RuleDirs = None, no_site_rules: NoSiteRules = False, debug: Debug = False,
) -> None:  # fmt: skip
    """List every rule: id, stage, action, file and description."""
    with _boundary(debug):
        pipeline = Pipeline(_config(None, rules, ",".join(DEFAULT_ORDER), None, False, no_site_rules))
        book = pipeline.book
        listed = book.every_rule() if site is None else book.all_rules(SiteResolver(book, site).explicit)
        builtin = [(s.name, rule_id, text) for s in pipeline.stages for rule_id, text in s.builtin_rules.items()]
        report.rules_table(listed, builtin)


@rules_app.command("test")
def rules_test(rules: RuleDirs = None, debug: Debug = False) -> None:
    """Run every rule on its examples; exit 1 if any verdict differs."""
    with _boundary(debug):
        pipeline = Pipeline(_config(None, rules, None, None, False, False))
        count, failures, untested = run_examples(pipeline.book.every_rule())
        report.example_failures(count, failures, untested)
        raise typer.Exit(int(ExitCode.FINDINGS if failures else ExitCode.OK))


@rules_app.command("check")
def rules_check(rules: RuleDirs = None, debug: Debug = False) -> None:
    """Load and validate every rule file; exit 2 on the first broken one, 1 if a rule has no examples."""
    with _boundary(debug):
        pipeline = Pipeline(_config(None, rules, None, None, False, False))
        every = pipeline.book.every_rule()
        untested = [rule for rule in every if not rule.examples]
        for rule in untested:
            report.warn(f"{rule.source}: rule {rule.id} has no examples")
        report.note(f"{len(every)} rules in {len(pipeline.book.sites) + 1} files: ok" if not untested else "")
        raise typer.Exit(int(ExitCode.FINDINGS if untested else ExitCode.OK))
