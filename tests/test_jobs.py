"""--jobs and --skip-existing: workers change nothing in the outputs, and an interrupted run resumes."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result
from warcio.warcwriter import WARCWriter

from boilercut import Cleaner
from boilercut.cli import app
from boilercut.io.files import AtomicWriter, find_inputs
from boilercut.run.batch import BATCH_DOCUMENTS, Outcome
from boilercut.run.execute import RunOptions, execute
from boilercut.run.plan import plan_clean
from boilercut.run.pool import WINDOW_PER_JOB, Pool
from boilercut.run.summary import Summary

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_NAMES = sorted(path.stem for path in (ROOT / "samples" / "raw").glob("*.txt"))
WIDE = {"COLUMNS": "1000"}  # rich never wraps a message: outputs compare line for line


def raw(name: str) -> str:
    return (ROOT / "samples" / "raw" / f"{name}.txt").read_text(encoding="utf-8")


def expected(name: str) -> str:
    return (ROOT / "samples" / "expected" / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _empty_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)


def run(*args: str | Path) -> Result:
    return CliRunner(env=WIDE).invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def records(count: int) -> bytes:
    """`count` JSONL records cycling over the samples, numbered, with a bad line among them."""
    lines = [
        json.dumps({"n": n, "text": raw(SAMPLE_NAMES[n % len(SAMPLE_NAMES)])}).encode() + b"\n" for n in range(count)
    ]
    lines.insert(count // 2, b"{not json}\n")
    return b"".join(lines)


def wet(count: int) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for n in range(count):
        text = raw(SAMPLE_NAMES[n % len(SAMPLE_NAMES)]).encode()
        record = writer.create_warc_record(
            f"https://example.com/{n}", "conversion", payload=io.BytesIO(text), warc_content_type="text/plain"
        )
        writer.write_record(record)
    return out.getvalue()


def tree(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of small files in nested folders, a small and a large JSONL file, and a WET file."""
    root = tmp_path / "in"
    for n in range(3 * BATCH_DOCUMENTS // 2):
        name = SAMPLE_NAMES[n % len(SAMPLE_NAMES)]
        path = root / f"part{n % 3}" / f"{n:03d}_{name}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(raw(name), encoding="utf-8")
    (root / "small.jsonl").write_bytes(records(7))
    (root / "large.jsonl.gz").write_bytes(gzip.compress(records(250), compresslevel=1))  # > 1 MB: streamed in batches
    (root / "crawl.wet.gz").write_bytes(wet(12))
    return root


@pytest.mark.slow
def test_two_jobs_write_the_same_folder_and_summary_as_one(corpus: Path, tmp_path: Path) -> None:
    one = run("clean", corpus, tmp_path / "one", "--jobs", "1")
    two = run("clean", corpus, tmp_path / "two", "--jobs", "2")
    assert one.exit_code == two.exit_code == 1  # the bad lines
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert one.stderr == two.stderr  # the same counts, failures in the same order
    assert f"{len(list(find_inputs(corpus))) - 3 + 7 + 250 + 12} documents cleaned, 2 failed" in one.stderr
    large = [
        json.loads(line) for line in gzip.decompress((tmp_path / "two" / "large.jsonl.gz").read_bytes()).splitlines()
    ]
    assert [record["n"] for record in large] == list(range(250))
    assert [record["text"] for record in large[:5]] == [expected(name) for name in SAMPLE_NAMES]


@pytest.mark.slow
def test_two_jobs_write_the_same_jsonl_file_as_one(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(records(400))
    one = run("clean", source, tmp_path / "one.jsonl", "--jobs", "1")
    two = run("clean", source, tmp_path / "two.jsonl", "--jobs", "2")
    assert one.exit_code == two.exit_code == 1
    assert one.stderr == two.stderr
    assert f"{source}:201: not valid JSON" in one.stderr
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    numbers = [json.loads(line)["n"] for line in (tmp_path / "two.jsonl").read_bytes().splitlines()]
    assert numbers == list(range(400))


@pytest.mark.slow
def test_a_wet_file_to_stdout_is_the_same_with_two_jobs(tmp_path: Path) -> None:
    source = tmp_path / "crawl.wet.gz"
    source.write_bytes(wet(3 * BATCH_DOCUMENTS))
    one = run("clean", source, "-", "--jobs", "1")
    two = run("clean", source, "-", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert [json.loads(line)["url"] for line in two.stdout.splitlines()] == [
        f"https://example.com/{n}" for n in range(3 * BATCH_DOCUMENTS)
    ]


# --- the window ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sleep:
    """A task that takes a random while and says which it was and where it ran."""

    index: int
    seconds: float

    def run(self, cleaner: Cleaner) -> Outcome:
        time.sleep(self.seconds)
        return Outcome(Summary(documents=1), f"{self.index} {os.getpid()}".encode())


@pytest.mark.parametrize("jobs", [1, 2])
def test_outcomes_come_back_in_order_with_a_bounded_window(jobs: int) -> None:
    rng = random.Random(4)
    tasks = [Sleep(index, rng.uniform(0, 0.02)) for index in range(40)]
    produced = 0
    handed: list[int] = []
    pids: set[int] = set()
    ahead = 0

    def then(outcome: Outcome) -> None:
        index, pid = outcome.data.decode().split()
        handed.append(int(index))
        pids.add(int(pid))

    with Pool(Cleaner(), jobs) as pool:
        for task in tasks:
            produced += 1
            pool.submit(task, then)
            ahead = max(ahead, produced - len(handed))
    assert handed == list(range(40))
    assert ahead <= WINDOW_PER_JOB * jobs + 1  # reading never runs further ahead than the window
    if jobs == 1:
        assert pids == {os.getpid()}  # no pool at all
    else:
        assert os.getpid() not in pids


# --- skip-existing and atomic outputs ---------------------------------------------------------------


def test_skip_existing_skips_up_to_date_outputs_and_redoes_stale_ones(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for name in SAMPLE_NAMES[:2]:
        (source / f"{name}.txt").write_text(raw(name), encoding="utf-8")
    (source / "docs.jsonl").write_bytes(records(3))
    out = tmp_path / "out"
    assert run("clean", source, out, "--jobs", "1").exit_code == 1
    a, b = (out / f"{name}.txt" for name in SAMPLE_NAMES[:2])
    for output in (a, b, out / "docs.jsonl"):
        output.write_text("left alone\n", encoding="utf-8")  # still newer than its input

    again = run("clean", source, out, "--skip-existing", "--jobs", "2")
    assert again.exit_code == 0
    assert "0 documents cleaned, 0 failed, 0 lines dropped, 3 files up to date (skipped)" in again.stderr
    assert {a.read_text(), b.read_text(), (out / "docs.jsonl").read_text()} == {"left alone\n"}

    later = time.time() + 10
    os.utime(source / f"{SAMPLE_NAMES[1]}.txt", (later, later))  # the input changed after its output
    stale = run("clean", source, out, "--skip-existing", "--jobs", "2")
    assert stale.exit_code == 0
    assert "1 documents cleaned, 0 failed" in stale.stderr
    assert "2 files up to date (skipped)" in stale.stderr
    assert a.read_text() == "left alone\n"
    assert b.read_text(encoding="utf-8") == expected(SAMPLE_NAMES[1])


def test_skip_existing_on_one_file(tmp_path: Path) -> None:
    name = SAMPLE_NAMES[0]
    source = tmp_path / "page.txt"
    source.write_text(raw(name), encoding="utf-8")
    target = tmp_path / "page.clean.txt"
    target.write_text("left alone\n", encoding="utf-8")
    os.utime(source, (time.time() - 10, time.time() - 10))
    assert run("clean", source, target, "--skip-existing").exit_code == 0
    assert target.read_text() == "left alone\n"
    assert run("clean", source, target).exit_code == 0
    assert target.read_text(encoding="utf-8") == expected(name)


class Stop(Exception):
    """Stands for Ctrl-C or a crash in the middle of a run."""


# Stopped by an exception from inside the run; test_faults.py kills real runs with signals.
@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
def test_an_interrupted_run_leaves_complete_outputs_only_and_resumes(tmp_path: Path, jobs: int) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for part in ("a", "b", "c"):
        (source / f"{part}.jsonl").write_bytes(records(200))  # each > 1 MB: streamed in batches
    out = tmp_path / "out"
    finished: list[int] = []

    def advance() -> None:
        finished.append(1)
        if len(finished) == 1:
            raise Stop

    with pytest.raises(Stop):
        execute(plan_clean(str(source), str(out)), Cleaner(), RunOptions(jobs=jobs), advance)
    assert sorted(path.name for path in out.iterdir()) == ["a.jsonl"]  # no partial file, no temporary file
    assert len((out / "a.jsonl").read_bytes().splitlines()) == 200

    resumed = run("clean", source, out, "--skip-existing", "--jobs", str(jobs))
    assert "1 files up to date (skipped)" in resumed.stderr
    assert sorted(path.name for path in out.iterdir()) == ["a.jsonl", "b.jsonl", "c.jsonl"]


def test_an_atomic_writer_that_is_not_committed_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    target = folder / "x.jsonl.gz"
    with AtomicWriter(target) as out:
        out.write(b"partial")
    assert list(folder.iterdir()) == []
    with AtomicWriter(target) as out:
        out.write(b"whole\n")
        out.commit()
    assert gzip.decompress(target.read_bytes()) == b"whole\n"
    assert list(folder.iterdir()) == [target]


def test_workers_use_the_run_s_rules_not_the_defaults(tmp_path: Path) -> None:
    line = "The editors of this site add this sentence to every one of their articles, as a house habit."
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "example.org.toml").write_text(
        '[site]\ndomains = ["example.org"]\n\n[[rules]]\nid = "EXO001"\nstage = "strip_boilerplate"\n'
        'action = "drop"\ndescription = "a line only example.org prints"\n'
        "pattern = '^The editors of this site add this sentence'\n"
        f'examples = [{{ drop = "{line}" }}]\n',
        encoding="utf-8",
    )
    text = f"A headline for the test of site rules\n\n{line}\n\n{raw(SAMPLE_NAMES[2])}"
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b"".join(json.dumps({"url": "https://example.org/a", "text": text}).encode() + b"\n" for _ in range(150))
    )
    one = run("clean", source, tmp_path / "one.jsonl", "--rules", rules, "--jobs", "1")
    two = run("clean", source, tmp_path / "two.jsonl", "--rules", rules, "--jobs", "2", "--stats")
    assert one.exit_code == two.exit_code == 0
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert line not in (tmp_path / "two.jsonl").read_text(encoding="utf-8")
    assert "EXO001" in two.stderr


@pytest.mark.parametrize("jobs", [1, 2])
def test_workers_get_the_run_s_template_lines(jobs: int) -> None:
    from boilercut.io.formats import Format
    from boilercut.run.execute import clean_stream
    from boilercut.run.write import StreamSink
    from boilercut.templates import Templates, line_key

    line = "The editors of this site add this sentence to every one of their articles, as a house habit."
    templates = Templates({"example.org": frozenset({line_key(line)})})
    text = f"A headline for the test of template lines\n\n{line}\n\n{raw(SAMPLE_NAMES[2])}"
    record = json.dumps({"url": "https://www.example.org/a", "text": text}).encode() + b"\n"
    out = io.BytesIO()
    cleaner = Cleaner(templates=templates)
    stream = io.BytesIO(record * 3 * BATCH_DOCUMENTS)
    summary = clean_stream(cleaner, stream, Format.JSONL, StreamSink(out), RunOptions(jobs))
    texts = [json.loads(line)["text"] for line in out.getvalue().splitlines()]
    assert len(texts) == 3 * BATCH_DOCUMENTS
    assert all(line not in cleaned for cleaned in texts)
    assert summary.dropped["strip_boilerplate", "TP001"] == 3 * BATCH_DOCUMENTS
