"""The same input gives the same bytes: with any --jobs, and run after run (hash seeds differing).

Over the pages of ../shared/bench when that folder is present (half of them as
text files in per-site folders with some of its HTML pages; all 181 as one
JSONL file, streamed in batches over the workers), over the samples otherwise.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from typer.testing import CliRunner, Result

from boilercut.cli import app
from support import ALL_SAMPLES, ROOT, WIDE, run_module, write

BENCH = ROOT.parent / "shared" / "bench" / "scrapinghub"
HTML_PAGES = 6
FOLDER_SHARE = 2  # every other page in the folder: enough variety, half the time


def documents() -> list[dict[str, str]]:
    """(id, url, text) of every bench page, or of the samples cycled when the bench is absent."""
    cases = BENCH / "cases.jsonl"
    if cases.is_file():
        return [json.loads(line) for line in cases.open(encoding="utf-8")]
    return [
        {"id": f"{n:03d}", "url": f"https://example{n % 7}.com/{n}", "text": ALL_SAMPLES[n % len(ALL_SAMPLES)].raw}
        for n in range(150)
    ]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("determinism") / "in"
    for page in documents()[::FOLDER_SHARE]:
        host = (urlsplit(page["url"]).hostname or "none").removeprefix("www.")
        write(root / host / f"{page['id'][:16]}.txt", page["text"])
    for path in sorted((BENCH / "html").glob("*.html.gz"))[:HTML_PAGES]:
        (root / "html").mkdir(exist_ok=True)
        (root / "html" / path.name).write_bytes(path.read_bytes())
    return root


@pytest.fixture(scope="module")
def jsonl(corpus: Path) -> Path:
    lines = [json.dumps({"id": page["id"], "url": page["url"], "text": page["text"]}) + "\n" for page in documents()]
    path = corpus.parent / "pages.jsonl.gz"
    path.write_bytes(gzip.compress("".join(lines).encode(), compresslevel=1))
    return path


def tree(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def clean(*arguments: str | Path) -> Result:
    return CliRunner(env=WIDE).invoke(app, ["clean", *map(str, arguments)], catch_exceptions=False)


def summary_line(stderr: str) -> str:
    return next(line for line in stderr.splitlines() if " documents cleaned, " in line)


@pytest.mark.slow
def test_a_folder_gives_the_same_bytes_with_any_jobs_and_on_every_run(corpus: Path, tmp_path: Path) -> None:
    runs = {jobs: clean(corpus, tmp_path / f"jobs{jobs}", "--jobs", str(jobs)) for jobs in (1, 2, 3)}
    assert {result.exit_code for result in runs.values()} == {0}
    first = tree(tmp_path / "jobs1")
    assert len(first) == len({str(p.relative_to(corpus)) for p in corpus.rglob("*") if p.is_file()})
    assert tree(tmp_path / "jobs2") == first
    assert tree(tmp_path / "jobs3") == first
    assert len({summary_line(result.stderr) for result in runs.values()}) == 1  # the same counts too

    # A run in a fresh process with another hash seed (this one's is random): no set or dict order leaks out.
    out = tmp_path / "seed"
    done = run_module("clean", corpus, out, "--jobs", "2", env={**os.environ, **WIDE, "PYTHONHASHSEED": "4242"})
    assert done.returncode == 0, done.stderr
    assert tree(out) == first


@pytest.mark.slow
def test_a_jsonl_file_gives_the_same_bytes_with_any_jobs_and_on_every_run(jsonl: Path, tmp_path: Path) -> None:
    source = jsonl
    outputs = []
    for jobs in (1, 2, 3, 3):
        out = tmp_path / f"out{len(outputs)}.jsonl"
        result = clean(source, out, "--jobs", str(jobs))
        assert result.exit_code == 0, result.stderr
        outputs.append(out.read_bytes())
    assert len(outputs[0].splitlines()) == len(documents())
    assert outputs == [outputs[0]] * 4
