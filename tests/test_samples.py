"""End to end: each raw sample cleans to its expected output, byte for byte, however it is fed in."""

from __future__ import annotations

from pathlib import Path

import ftfy  # noqa: F401  (registers the sloppy-windows-1252 codec)
import pytest

from boilercut import clean_text
from boilercut.config import Config
from boilercut.pipeline import Pipeline, Source
from support import ALL_SAMPLES, SAMPLES, SITE_SAMPLES, Sample, run_module

ids = [s.number for s in ALL_SAMPLES]
site_ids = [s.number for s in SITE_SAMPLES]


def mojibake(text: str) -> str:
    """UTF-8 text as a scraper that read it as Windows-1252 would have stored it."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


def test_there_are_five_sample_pairs() -> None:
    assert len(ALL_SAMPLES) == 5
    assert all(s.expected_path.is_file() for s in ALL_SAMPLES)


@pytest.mark.parametrize("s", ALL_SAMPLES, ids=ids)
def test_clean_file_to_file(s: Sample, cli, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    result = cli("clean", s.raw_path, out)
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes() == s.expected_bytes


@pytest.mark.parametrize("s", ALL_SAMPLES, ids=ids)
def test_clean_stdin_to_stdout_in_a_real_pipe(s: Sample) -> None:
    done = run_module("clean", "-", "-", input=s.raw_path.read_bytes())
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout == s.expected_bytes
    assert done.stderr == b""


@pytest.mark.parametrize("s", SITE_SAMPLES, ids=site_ids)
def test_clean_with_explicit_site(s: Sample, cli, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    result = cli("clean", s.raw_path, out, "--site", s.site)
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes() == s.expected_bytes


@pytest.mark.parametrize("s", ALL_SAMPLES, ids=ids)
def test_fingerprints_find_the_site_without_site_flag(s: Sample) -> None:
    pipeline = Pipeline(Config())
    doc = pipeline.process(Source(s.raw, name=s.name))
    assert doc.site == s.site
    assert pipeline.clean(Source(s.raw, name=s.name)) == s.expected


@pytest.mark.parametrize("s", ALL_SAMPLES, ids=ids)
def test_clean_from_a_mojibake_copy(s: Sample, cli, tmp_path: Path) -> None:
    damaged = tmp_path / "mojibake.txt"
    damaged.write_text(mojibake(s.raw), encoding="utf-8")
    if not s.raw.isascii():
        assert damaged.read_bytes() != s.raw_path.read_bytes()  # the copy really is damaged
    out = tmp_path / "out.txt"
    result = cli("clean", damaged, out)
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes() == s.expected_bytes


@pytest.mark.parametrize("s", ALL_SAMPLES, ids=ids)
def test_mojibake_copy_is_recognised_as_the_same_site(s: Sample) -> None:
    # Fingerprints are the site's own text; a damaged copy still comes from that site.
    doc = Pipeline(Config()).process(Source(mojibake(s.raw), name=s.name))
    assert doc.site == s.site


def test_clean_a_folder_writes_every_sample_under_its_name(cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("clean", SAMPLES / "raw", out)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [s.name for s in ALL_SAMPLES]
    for s in ALL_SAMPLES:
        assert (out / s.name).read_bytes() == s.expected_bytes, s.name
    assert "5 documents cleaned, 0 failed" in result.stderr


@pytest.mark.parametrize("s", ALL_SAMPLES, ids=ids)
def test_library_entry_point(s: Sample) -> None:
    assert clean_text(s.raw) == s.expected
    assert clean_text(s.raw, site=s.site) == s.expected


@pytest.mark.parametrize("s", ALL_SAMPLES, ids=ids)
def test_cleaning_the_expected_output_changes_nothing(s: Sample) -> None:
    assert clean_text(s.expected) == s.expected
