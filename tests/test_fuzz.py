"""Fuzzing the reader and the pipeline: no input makes boilercut fail with an internal error
(exit 3), and what it writes cleans to itself.

Raw bytes under every name the reader knows, compressed streams cut anywhere, and
text that mixes article lines, boilerplate, control characters and odd line ends.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import tempfile
from pathlib import Path

import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from boilercut import Cleaner
from boilercut.cli import app
from support import ALL_SAMPLES

INTERNAL_ERROR = 3
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))

SAMPLE_LINES = sorted({line.strip() for s in ALL_SAMPLES for line in s.raw.splitlines() if line.strip()})
ODD = ["\r", "\r\n", "\u2028", "\u2029", "\x0c", "\x0b", "\x00", "\x1b[0m", "\u200b", "\u200f", "\ufeff", "\t", "\xa0"]
LINE_ENDS = ["\n", "\n\n", "\r\n", "\r", "\u2028", "\x0c", "\n\n\n"]

pieces = st.one_of(
    st.sampled_from(SAMPLE_LINES),
    st.sampled_from(ODD),
    st.text(min_size=1, max_size=40),
    st.sampled_from(["Share this article", "Advertisement", "Home > News > Local", "Comments (12)", "© 2024"]),
)
mixed_texts = st.lists(st.tuples(pieces, st.sampled_from(LINE_ENDS)), max_size=25).map(
    lambda parts: "".join(piece + end for piece, end in parts)
)
NAMES = [
    "in.txt",
    "in.html",
    "in.jsonl",
    "in.warc",
    "in.txt.gz",
    "in.jsonl.gz",
    "in.txt.zst",
    "in.txt.bz2",
    "in.jsonl.xz",
]


def run_cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def cleans_to_itself(output: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        again = Path(folder) / "again.txt"
        again.write_text(output, encoding="utf-8")
        code, twice, errors = run_cli("clean", str(again), "-")
        assert code == 0, errors
        assert twice == output


@SETTINGS
@given(mixed_texts)
def test_any_mix_of_lines_controls_and_line_ends_cleans_and_cleans_to_itself(text: str) -> None:
    cleaner = Cleaner()
    once = cleaner.clean(text).text
    assert cleaner.clean(once).text == once


@pytest.mark.slow
@SETTINGS
@given(st.binary(max_size=600), st.sampled_from(NAMES))
def test_any_bytes_under_any_name_fail_as_one_document_never_as_a_bug(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        code, output, errors = run_cli("clean", str(path), "-")
    assert code != INTERNAL_ERROR, errors
    assert code in (0, 1), errors
    if code == 0 and name.startswith("in.txt"):
        cleans_to_itself(output)


def compress(data: bytes, kind: str) -> bytes:
    if kind == "gz":
        return gzip.compress(data)
    if kind == "bz2":
        return bz2.compress(data)
    if kind == "xz":
        return lzma.compress(data)
    out = io.BytesIO()
    with zstandard.ZstdCompressor().stream_writer(out, closefd=False) as writer:
        writer.write(data)
    return out.getvalue()


@pytest.mark.slow
@SETTINGS
@given(mixed_texts, st.sampled_from(["gz", "bz2", "xz", "zst"]), st.floats(min_value=0.0, max_value=1.0))
def test_a_compressed_file_cut_anywhere_is_one_failed_document(text: str, kind: str, where: float) -> None:
    whole = compress(text.encode("utf-8", "surrogatepass"), kind)
    cut = whole[: int(len(whole) * where)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"in.txt.{kind}"
        path.write_bytes(cut)
        code, output, errors = run_cli("clean", str(path), "-")
    assert code in (0, 1), errors
    if 0 < len(cut) < len(whole):
        assert code == 1 and output == ""  # a cut stream is reported, never cleaned in part
    else:  # whole, or empty (an empty file is an empty document, whatever its name)
        cleans_to_itself(output)
