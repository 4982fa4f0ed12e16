"""The public API: a Cleaner gives what `boilercut clean` writes, explains every line, pickles and shares."""

from __future__ import annotations

import gzip
import json
import multiprocessing
import pickle
import re
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

import boilercut
from boilercut import Cleaned, Cleaner, Verdict, clean_text
from boilercut.config import Config
from boilercut.document import split_lines
from boilercut.errors import ConfigError, DocumentError
from boilercut.registry import DEFAULT_ORDER
from support import ALL_SAMPLES, BENCH, BENCH_HTML, SITE_SAMPLES, Sample, bench_cases, write

ids = [s.number for s in ALL_SAMPLES]
needs_bench = pytest.mark.skipif(not BENCH.is_file(), reason="../shared/bench is not beside the project")
RULE_ID = re.compile(r"[A-Z]{1,4}\d{3}")


def cli_jsonl(cli, path: Path, records: list[dict[str, str]]) -> list[str]:
    """The texts `boilercut clean` writes for a JSONL file of these records."""
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    out = path.with_name("out.jsonl")
    result = cli("clean", path, out, "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    return [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]


# --- Cleaner().clean equals the command line ------------------------------------------------------


@pytest.mark.parametrize("s", ALL_SAMPLES, ids=ids)
def test_a_sample_cleans_as_the_command_line_cleans_it(s: Sample, cli, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    assert cli("clean", s.raw_path, out).exit_code == 0
    cleaned = Cleaner().clean(s.raw)
    assert cleaned.text == out.read_text(encoding="utf-8") == s.expected
    assert cleaned.site == s.site


@needs_bench
@pytest.mark.slow
def test_every_bench_page_cleans_as_the_command_line_cleans_it(cli, tmp_path: Path) -> None:
    cases = bench_cases()
    cleaner = Cleaner()
    bare = cli_jsonl(cli, tmp_path / "bare.jsonl", [{"text": case["text"]} for case in cases])
    assert [cleaner.clean(case["text"]).text for case in cases] == bare
    with_url = cli_jsonl(cli, tmp_path / "url.jsonl", [{"url": case["url"], "text": case["text"]} for case in cases])
    assert [cleaner.clean(case["text"], url=case["url"]).text for case in cases] == with_url
    assert len(bare) == len(cases) == 181


@needs_bench
def test_an_html_page_cleans_as_the_command_line_cleans_the_file(cli, tmp_path: Path) -> None:
    case = bench_cases()[0]
    html = gzip.decompress((BENCH_HTML / f"{case['id']}.html.gz").read_bytes()).decode("utf-8")
    page = write(tmp_path / "page.html", html)
    result = cli("clean", page, "-")
    assert result.exit_code == 0, result.stderr
    cleaned = Cleaner().clean_html(html)
    assert cleaned.text == result.stdout
    assert cleaned.title is not None and cleaned.text.startswith(cleaned.title)


def test_an_html_page_without_text_is_a_document_error() -> None:
    with pytest.raises(DocumentError, match="holds no text"):
        Cleaner().clean_html("<html><head></head><body></body></html>")


def test_what_reading_a_source_had_to_guess_comes_first_among_its_warnings() -> None:
    from boilercut.pipeline import Source

    note = "page.txt: mixed encodings: 2 of 7 lines are not UTF-8 and were read as cp1252"
    text = ALL_SAMPLES[0].raw
    plain = Cleaner().clean_source(Source(text, name="page.txt"))
    noted = Cleaner().clean_source(Source(text, name="page.txt", notes=(note,)))
    assert noted.warnings == (note, *plain.warnings)
    assert noted.text == plain.text


def test_clean_text_is_the_one_line_form_of_a_cleaner() -> None:
    s = ALL_SAMPLES[0]
    assert clean_text(s.raw) == s.expected
    assert clean_text(s.raw, title=False) == Cleaner(title=False).clean(s.raw).text


def test_clean_text_compiles_the_rules_once_for_each_site_and_title(monkeypatch) -> None:
    from boilercut.pipeline import Pipeline

    built: list[Config] = []
    build = Pipeline.__init__

    def counted(self: Pipeline, config: Config, *args: object, **kwargs: object) -> None:
        built.append(config)
        build(self, config, *args, **kwargs)

    monkeypatch.setattr(Pipeline, "__init__", counted)
    boilercut._cleaner.cache_clear()
    s = SITE_SAMPLES[0]
    assert [clean_text(s.raw) for _ in range(3)] == [s.expected] * 3
    assert clean_text(s.raw, title=False) == clean_text(s.raw, title=False) != s.expected
    assert clean_text(s.raw, site=s.site) == s.expected
    assert [(config.site, config.title) for config in built] == [(None, True), (None, False), (s.site, True)]


# --- Cleaned: the headline, the site and every line's fate ------------------------------------------


def check_lines(raw: str, cleaned: Cleaned) -> None:
    numbers = [number for number, line in enumerate(split_lines(raw), start=1) if line.strip()]
    assert [line.line for line in cleaned.lines] == numbers  # every non-empty input line, once, in order
    assert cleaned.dropped == tuple(line for line in cleaned.lines if line.verdict is Verdict.DROP)
    for line in cleaned.dropped:
        assert line.stage in DEFAULT_ORDER and RULE_ID.fullmatch(line.rule) and line.reason, line
    kept = [line for line in cleaned.lines if line.verdict is not Verdict.DROP]
    assert all(line.stage == line.rule == line.reason == "" for line in kept)
    assert cleaned.text == "".join(f"{line.text}\n\n" for line in kept)[:-1]
    titles = [line.text for line in kept if line.verdict is Verdict.TITLE]
    assert titles == ([cleaned.title] if cleaned.title is not None else [])
    counts = {(line.stage, line.rule) for line in cleaned.dropped}
    assert set(cleaned.drop_counts()) == counts and sum(cleaned.drop_counts().values()) == len(cleaned.dropped)


@pytest.mark.parametrize("s", ALL_SAMPLES, ids=ids)
def test_cleaned_lists_every_line_and_why_each_dropped_one_went(s: Sample) -> None:
    cleaned = Cleaner().clean(s.raw)
    check_lines(s.raw, cleaned)
    assert cleaned.dropped  # every sample has boilerplate


@pytest.mark.slow
@needs_bench
def test_cleaned_lists_every_line_of_every_bench_page() -> None:
    cleaner = Cleaner()
    for case in bench_cases():
        check_lines(case["text"], cleaner.clean(case["text"], url=case["url"]))


def test_the_title_is_found_even_when_the_text_leaves_it_out() -> None:
    s = ALL_SAMPLES[4]
    with_title, without = Cleaner().clean(s.raw), Cleaner(title=False).clean(s.raw)
    assert with_title.title == without.title == s.expected.split("\n")[0]
    assert with_title.text == f"{with_title.title}\n\n{without.text}"


# --- options ---------------------------------------------------------------------------------------


def test_options_are_the_config_s_fields_converted_by_their_types(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    cleaner = Cleaner(stages=["fix_encoding", "dedupe"], rule_dirs=[str(rules)], title=False, site="express.co.uk")
    assert cleaner.config == Config(
        stages=("fix_encoding", "dedupe"), rule_dirs=(rules,), title=False, site="express.co.uk"
    )
    assert Cleaner(Config(title=False), site_rules=False).config == Config(title=False, site_rules=False)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"titel": False}, "Cleaner: titel: unknown option; did you mean 'title'?"),
        ({"title": "no"}, "Cleaner: title: must be bool, not str"),
        ({"stages": "dedupe"}, "Cleaner: stages: must be a list, not str"),
        ({"site": 3}, "Cleaner: site: must be str, not int"),
    ],
)
def test_a_bad_option_says_which_and_why(options: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as error:
        Cleaner(**options)
    assert str(error.value) == message


def test_a_bad_stage_name_is_an_error_when_the_cleaner_is_built() -> None:
    with pytest.raises(boilercut.errors.UsageError, match="did you mean 'strip_ads'"):
        Cleaner(stages=["strip_add"])


# --- streaming, pickling, threads -----------------------------------------------------------------


def test_clean_many_streams_in_order() -> None:
    consumed: list[int] = []

    def texts():
        for index, s in enumerate(ALL_SAMPLES):
            consumed.append(index)
            yield s.raw if index % 2 else (s.raw, None)

    stream = Cleaner().clean_many(texts())
    first = next(stream)
    assert consumed == [0]  # one text read for one result: nothing is gathered first
    assert [first.text, *(cleaned.text for cleaned in stream)] == [s.expected for s in ALL_SAMPLES]


def test_a_cleaner_pickles_as_its_configuration() -> None:
    cleaner = Cleaner(title=False)
    data = pickle.dumps(cleaner)
    assert len(data) < 1000  # no rules, no compiled patterns
    assert pickle.loads(data).config == cleaner.config


def clean_in_worker(cleaner: Cleaner, texts: list[str]) -> list[str]:
    return [cleaner.clean(text).text for text in texts]


def test_a_pickled_cleaner_cleans_the_same_in_another_process(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    write(
        rules / "example.org.toml",
        '[site]\ndomains = ["example.org"]\n\n[[rules]]\nid = "EXO001"\nstage = "strip_boilerplate"\n'
        'action = "drop"\ndescription = "a line only example.org prints"\npattern = "^Brought to you by Example"\n'
        'examples = [{ drop = "Brought to you by Example" }]\n',
    )
    cleaner = Cleaner(title=False, rule_dirs=[rules], site="example.org")
    texts = [s.raw for s in ALL_SAMPLES] + [f"Brought to you by Example\n\n{ALL_SAMPLES[2].raw}"]
    here = clean_in_worker(cleaner, texts)
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        there = pool.submit(clean_in_worker, cleaner, texts).result(timeout=120)
    assert there == here
    assert "Brought to you by Example" not in here[-1]


@pytest.mark.slow
def test_threads_sharing_one_cleaner_clean_as_one_thread_does() -> None:
    texts = [s.raw for s in ALL_SAMPLES] * 4
    alone = [Cleaner().clean(text).text for text in texts]
    shared = pickle.loads(pickle.dumps(Cleaner()))  # as a worker receives it: compiled by the first thread
    start = threading.Barrier(4)

    def work(text: str) -> str:
        return shared.clean(text).text

    def first(text: str) -> str:
        start.wait(timeout=30)
        return work(text)

    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(first, texts[:4])) + list(pool.map(work, texts[4:]))
    assert together == alone
