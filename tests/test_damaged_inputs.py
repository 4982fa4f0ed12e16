"""Damaged inputs: a truncated compressed file, JSONL stream or WARC record is one failed document, named
with what to do; everything before the damage, and every other file, is still cleaned and written."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from support import ALL_SAMPLES

GOOD = ALL_SAMPLES[:3]
PAGE = (
    "<html><head><title>Council approves the new bridge</title></head><body><article>"
    "<h1>Council approves the new bridge</h1>"
    + "<p>The council voted on Monday to build a new bridge over the river, ending a debate of ten years.</p>" * 20
    + "</article></body></html>"
)


def truncated_gzip(data: bytes) -> bytes:
    compressed = gzip.compress(data)
    return compressed[: len(compressed) // 2]


def errors(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


# -- item: a truncated .txt.gz or .html.gz -----------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_truncated_gzip_file_in_a_folder_is_one_failed_document(jobs: str, cli, tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for sample in GOOD:
        shutil.copy(sample.raw_path, source / sample.name)
    (source / "cut.txt.gz").write_bytes(truncated_gzip(ALL_SAMPLES[3].raw.encode()))
    (source / "page.html.gz").write_bytes(truncated_gzip(PAGE.encode()))
    out = tmp_path / "out"
    result = cli("clean", source, out, "--jobs", jobs)
    assert result.exit_code == 1, result.stderr
    assert {path.name: path.read_bytes() for path in out.iterdir()} == {s.name: s.expected_bytes for s in GOOD}
    assert errors(result) == [
        f"error: {source / name}: truncated gzip stream (it ends before gzip's end-of-stream marker): the file "
        "was cut short, e.g. by an interrupted download or copy; fetch or copy it again (`gzip -t` checks it): skipped"
        for name in ("cut.txt.gz", "page.html.gz")
    ]
    assert f"{len(GOOD)} documents cleaned, 2 failed" in result.stderr


def test_a_truncated_gzip_file_given_alone_exits_1_and_writes_nothing(cli, tmp_path: Path) -> None:
    source = tmp_path / "cut.txt.gz"
    source.write_bytes(truncated_gzip(ALL_SAMPLES[0].raw.encode()))
    result = cli("clean", source, tmp_path / "out.txt")
    assert result.exit_code == 1
    assert [f"{source}: truncated gzip stream" in line for line in errors(result)] == [True]
    assert not (tmp_path / "out.txt").exists()


def test_gzip_bytes_on_stdin_are_decompressed_and_truncated_ones_are_one_failed_document(cli) -> None:
    data = ALL_SAMPLES[0].raw.encode()
    whole = cli("clean", "-", "-", input=gzip.compress(data))
    assert (whole.exit_code, whole.stdout) == (0, ALL_SAMPLES[0].expected)
    cut = cli("clean", "-", "-", input=truncated_gzip(data))
    assert cut.exit_code == 1
    assert cut.stdout == ""
    assert errors(cut) == [
        "error: <stdin>: truncated gzip stream (it ends before gzip's end-of-stream marker): the file was cut "
        "short, e.g. by an interrupted download or copy; fetch or copy it again (`gzip -t` checks it): skipped"
    ]
