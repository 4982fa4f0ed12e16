"""JSONL, WARC/WET and compressed inputs and outputs: the samples wrapped in each format come out exact."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from boilercut.cli import app
from boilercut.io.compression import BZIP2, GZIP, XZ, ZSTD
from boilercut.io.formats import FileKind, Format, kind_of, output_name

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_NAMES = sorted(path.stem for path in (ROOT / "samples" / "raw").glob("*.txt"))
WIDE = {"COLUMNS": "1000"}  # rich never wraps a message: tests compare whole lines

Run = Callable[..., Result]


def raw(name: str) -> str:
    return (ROOT / "samples" / "raw" / f"{name}.txt").read_text(encoding="utf-8")


def expected(name: str) -> str:
    return (ROOT / "samples" / "expected" / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """The CLI in-process, in an empty working folder (no boilercut.toml picked up)."""
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    runner = CliRunner(env=WIDE)

    def invoke(*args: str | Path, input: bytes | str | None = None) -> Result:
        return runner.invoke(app, [str(arg) for arg in args], input=input, catch_exceptions=False)

    return invoke


def write_bytes(path: Path, data: bytes) -> Path:
    """Write a file, compressed by its extension."""
    if path.suffix == GZIP:
        data = gzip.compress(data)
    elif path.suffix == BZIP2:
        data = bz2.compress(data)
    elif path.suffix == XZ:
        data = lzma.compress(data)
    elif path.suffix == ZSTD:
        import zstandard

        data = zstandard.ZstdCompressor().compress(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == GZIP:
        return gzip.decompress(data)
    if path.suffix == BZIP2:
        return bz2.decompress(data)
    if path.suffix == XZ:
        return lzma.decompress(data)
    if path.suffix == ZSTD:
        import zstandard

        return zstandard.ZstdDecompressor().decompressobj().decompress(data)
    return data


def jsonl(records: list[dict[str, Any]]) -> bytes:
    return b"".join(json.dumps(record, ensure_ascii=False).encode() + b"\n" for record in records)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in read_bytes(path).splitlines()]


def warc(records: list[tuple[str, str, bytes, str]]) -> bytes:
    """A WARC file of (type, url, payload, content type) records; responses get HTTP headers."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for kind, url, payload, content_type in records:
        if kind == "response":
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, kind, payload=io.BytesIO(payload), http_headers=http)
        else:
            record = writer.create_warc_record(url, kind, payload=io.BytesIO(payload), warc_content_type=content_type)
        writer.write_record(record)
    return out.getvalue()


def record_ids(path: Path) -> list[str]:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as stream:
        return [r.rec_headers.get_header("WARC-Record-ID") for r in ArchiveIterator(stream) if r.rec_type != "warcinfo"]


def as_html(text: str) -> bytes:
    """A page whose paragraphs are the lines of a text."""
    paragraphs = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
    page = f"<!DOCTYPE html><html><head><title>t</title></head><body><article>{paragraphs}</article></body></html>"
    return page.encode()


def one_line(text: str) -> str:
    return " ".join(text.split())


# --- names -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "mirrored"),
    [
        ("a/b.txt", "a/b.txt"),
        ("a/b.html", "a/b.txt"),
        ("a/b.htm", "a/b.txt"),
        ("a/b.html.gz", "a/b.txt.gz"),
        ("a/b.jsonl", "a/b.jsonl"),
        ("a/b.jsonl.gz", "a/b.jsonl.gz"),
        ("a/b.jsonl.zst", "a/b.jsonl.zst"),
        ("a/b.txt.bz2", "a/b.txt.bz2"),
        ("a/b.html.xz", "a/b.txt.xz"),
        ("a/b.wet.xz", "a/b.jsonl.xz"),
        ("a/b.warc", "a/b.jsonl"),
        ("a/b.warc.gz", "a/b.jsonl.gz"),
        ("a/b.wet.gz", "a/b.jsonl.gz"),
        ("a/b.c.WARC.GZ", "a/b.c.jsonl.gz"),
    ],
)
def test_output_names_mirror_the_input(name: str, mirrored: str) -> None:
    kind = kind_of(Path(name))
    assert kind is not None
    assert str(output_name(Path(name), kind)) == mirrored


def test_files_of_other_kinds_are_not_inputs() -> None:
    assert kind_of(Path("a.json")) is None
    assert kind_of(Path("a.gz")) is None
    assert kind_of(Path("a.wet.gz")) == FileKind(Format.WARC, ".gz")


# --- JSONL -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".jsonl.bz2", ".jsonl.xz", ".jsonl.zst"])
def test_jsonl_samples_come_out_exact_and_other_fields_are_kept(run: Run, tmp_path: Path, suffix: str) -> None:
    records = [
        {"id": name, "text": raw(name), "meta": {"n": i, "tags": ["a", "é"]}, "score": 0.5}
        for i, name in enumerate(SAMPLE_NAMES)
    ]
    source = write_bytes(tmp_path / f"in{suffix}", jsonl(records))
    target = tmp_path / f"out{suffix}"
    result = run("clean", source, target, "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    out = read_jsonl(target)
    assert [record["id"] for record in out] == SAMPLE_NAMES  # input order
    for before, after in zip(records, out, strict=True):
        assert list(after) == list(before)  # same keys, same order
        assert after["text"] == expected(before["id"])
        assert {k: v for k, v in after.items() if k != "text"} == {k: v for k, v in before.items() if k != "text"}
    assert f"{len(SAMPLE_NAMES)} documents cleaned, 0 failed" in result.stderr


def test_a_bad_line_is_reported_with_its_line_number_and_the_rest_is_written(run: Run, tmp_path: Path) -> None:
    good = [{"id": name, "text": raw(name)} for name in SAMPLE_NAMES[:2]]
    data = jsonl(good[:1]) + b'{"id": "broken", "text": \n' + b'["a list"]\n' + b'{"id": "none"}\n\n'
    data += jsonl(good[1:]) + b'{"id": "n", "text": 5}\n'
    source = write_bytes(tmp_path / "in.jsonl", data)
    result = run("clean", source, tmp_path / "out.jsonl", "--jobs", "1")
    assert result.exit_code == 1
    errors = result.stderr
    assert f"{source}:2: not valid JSON: Expecting value (column 26): line skipped" in errors
    assert f"{source}:3: an array, not a JSON object: line skipped" in errors
    assert f"{source}:4: no 'text' field; name the field that holds the text with --text-field: line skipped" in errors
    assert f"{source}:7: a number in the 'text' field, not a string; name the field that holds the text" in errors
    assert "2 documents cleaned, 4 failed" in errors
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [record["id"] for record in out] == SAMPLE_NAMES[:2]
    assert [record["text"] for record in out] == [expected(name) for name in SAMPLE_NAMES[:2]]


def test_text_field_names_the_text_and_nested_fields_are_written_back(run: Run, tmp_path: Path) -> None:
    name = SAMPLE_NAMES[0]
    source = write_bytes(tmp_path / "in.jsonl", jsonl([{"body": {"content": raw(name)}, "text": "not this"}]))
    result = run("clean", source, tmp_path / "out.jsonl", "--text-field", "body.content", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    (record,) = read_jsonl(tmp_path / "out.jsonl")
    assert record == {"body": {"content": expected(name)}, "text": "not this"}


SITE_RULES = """
[site]
domains = ["example.org"]

[[rules]]
id = "EXO001"
stage = "strip_boilerplate"
action = "drop"
description = "a line only example.org prints"
pattern = '^The editors of this site add this sentence'
examples = [{ drop = "The editors of this site add this sentence to every one of their articles, as a house habit." }]
"""
SITE_LINE = "The editors of this site add this sentence to every one of their articles, as a house habit."
SITE_TEXT = (
    f"A headline for the test of site rules\n\n{SITE_LINE}\n\n"
    "The body of the article is one sentence long, and it says what happened in the town on Monday.\n"
)


@pytest.fixture
def site_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "example.org.toml").write_text(SITE_RULES, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("record", "options"),
    [
        ({"metadata": {"url": "https://www.example.org/a"}}, []),  # datatrove and dolma
        ({"url": "https://example.org/a"}, []),
        ({"link": "https://example.org/a"}, ["--url-field", "link"]),
    ],
    ids=["metadata.url", "url", "--url-field"],
)
def test_the_url_picks_the_site(
    run: Run, tmp_path: Path, site_rules: Path, record: dict[str, Any], options: list[str]
) -> None:
    source = write_bytes(tmp_path / "in.jsonl", jsonl([{"text": SITE_TEXT, **record}, {"text": SITE_TEXT}]))
    result = run("clean", source, tmp_path / "out.jsonl", "--rules", site_rules, "--jobs", "1", "--stats", *options)
    assert result.exit_code == 0, result.stderr
    with_site, without = (record["text"] for record in read_jsonl(tmp_path / "out.jsonl"))
    assert SITE_LINE not in with_site
    assert SITE_LINE in without
    assert "EXO001" in result.stderr  # in the summary of dropped lines


def test_stdin_jsonl_to_stdout(run: Run) -> None:
    name = SAMPLE_NAMES[1]
    result = run("clean", "-", "-", "--format", "jsonl", "--jobs", "1", input=jsonl([{"text": raw(name), "n": 1}]))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"text": expected(name), "n": 1}


def test_stdin_text_is_the_default(run: Run) -> None:
    name = SAMPLE_NAMES[1]
    result = run("clean", "-", "-", input=raw(name).encode())
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected(name)


def test_a_jsonl_file_to_stdout_is_jsonl(run: Run, tmp_path: Path) -> None:
    name = SAMPLE_NAMES[2]
    source = write_bytes(tmp_path / "in.jsonl.gz", jsonl([{"text": raw(name)}]))
    result = run("clean", source, "-", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"text": expected(name)}


def test_a_text_file_into_a_jsonl_file(run: Run, tmp_path: Path) -> None:
    name = SAMPLE_NAMES[3]
    source = write_bytes(tmp_path / "page.txt", raw(name).encode())
    result = run("clean", source, tmp_path / "out.jsonl")
    assert result.exit_code == 0, result.stderr
    assert read_jsonl(tmp_path / "out.jsonl") == [{"id": str(source), "url": None, "text": expected(name)}]


def test_many_documents_into_a_text_file_is_refused(run: Run, tmp_path: Path) -> None:
    source = write_bytes(tmp_path / "in.jsonl", jsonl([{"text": "a"}]))
    result = run("clean", source, tmp_path / "out.txt")
    assert result.exit_code == 2
    assert f"OUT {tmp_path / 'out.txt'}: IN {source} holds many documents, written as JSONL;" in result.stderr
    assert not (tmp_path / "out.txt").exists()


def test_a_truncated_file_is_reported_and_keeps_what_came_before(run: Run, tmp_path: Path) -> None:
    data = gzip.compress(jsonl([{"text": raw(name)} for name in SAMPLE_NAMES]))
    source = tmp_path / "in.jsonl.gz"
    source.write_bytes(data[: len(data) // 2])
    out = tmp_path / "out"
    result = run("clean", source, out / "x.jsonl", "--jobs", "1")
    assert result.exit_code == 1
    assert f"{source}: after line " in result.stderr
    assert "truncated gzip stream" in result.stderr
    assert [path.name for path in out.iterdir()] == ["x.jsonl"]  # the lines before the damage, no temporary file


def test_a_truncated_text_file_in_a_folder_fails_alone(run: Run, tmp_path: Path) -> None:
    data = gzip.compress(raw(SAMPLE_NAMES[0]).encode())
    write_bytes(tmp_path / "in" / "a.txt", raw(SAMPLE_NAMES[1]).encode())
    (tmp_path / "in" / "b.txt.gz").write_bytes(data[: len(data) // 2])
    result = run("clean", tmp_path / "in", tmp_path / "out")
    assert result.exit_code == 1
    assert (
        f"error: {tmp_path / 'in' / 'b.txt.gz'}: truncated gzip stream (it ends before gzip's end-of-stream marker)"
    ) in result.stderr
    assert "1 documents cleaned, 1 failed" in result.stderr
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["a.txt"]
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == expected(SAMPLE_NAMES[1])


# --- WARC and WET ------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".wet", ".wet.gz", ".warc.gz"])
def test_wet_conversions_come_out_exact(run: Run, tmp_path: Path, suffix: str) -> None:
    records = [("conversion", f"https://example.com/{name}", raw(name).encode(), "text/plain") for name in SAMPLE_NAMES]
    source = write_bytes(
        tmp_path / f"in{suffix}", warc([("warcinfo", "", b"software: test\r\n", "application/warc-fields"), *records])
    )
    result = run("clean", source, tmp_path / "out.jsonl", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [list(record) for record in out] == [["id", "url", "text"]] * len(SAMPLE_NAMES)
    assert [record["url"] for record in out] == [f"https://example.com/{name}" for name in SAMPLE_NAMES]
    assert [record["text"] for record in out] == [expected(name) for name in SAMPLE_NAMES]
    plain = tmp_path / "plain.warc"
    plain.write_bytes(read_bytes(source))
    assert [record["id"] for record in out] == record_ids(plain)[: len(SAMPLE_NAMES)]


def test_warc_html_responses_are_extracted_like_html_files_and_other_records_skipped(run: Run, tmp_path: Path) -> None:
    name = SAMPLE_NAMES[4]
    page = as_html(raw(name))
    html_file = write_bytes(tmp_path / "page.html", page)
    alone = run("clean", html_file, "-")
    assert alone.exit_code == 0, alone.stderr
    records = [
        ("request", "https://example.com/a", b"GET /a HTTP/1.1\r\n\r\n", "application/http; msgtype=request"),
        ("response", "https://example.com/a", page, "text/html; charset=utf-8"),
        ("response", "https://example.com/b.png", b"\x89PNG", "image/png"),
        ("metadata", "https://example.com/a", b"a: b\r\n", "application/warc-fields"),
    ]
    source = write_bytes(tmp_path / "crawl.warc.gz", warc(records))
    result = run("clean", source, "-", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    (record,) = (json.loads(line) for line in result.stdout.splitlines())
    assert record["url"] == "https://example.com/a"
    assert record["text"] == alone.stdout
    assert "1 documents cleaned, 0 failed" in result.stderr


def test_the_warc_target_uri_picks_the_site(run: Run, tmp_path: Path, site_rules: Path) -> None:
    records = [
        ("conversion", "https://example.org/x", SITE_TEXT.encode(), "text/plain"),
        ("conversion", "https://example.net/x", SITE_TEXT.encode(), "text/plain"),
    ]
    source = write_bytes(tmp_path / "in.wet", warc(records))
    result = run("clean", source, tmp_path / "out.jsonl", "--rules", site_rules, "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    with_site, without = (record["text"] for record in read_jsonl(tmp_path / "out.jsonl"))
    assert SITE_LINE not in with_site
    assert SITE_LINE in without


def test_stdin_warc(run: Run) -> None:
    name = SAMPLE_NAMES[0]
    data = warc([("conversion", "https://example.com/", raw(name).encode(), "text/plain")])
    result = run("clean", "-", "-", "--format", "warc", "--jobs", "1", input=data)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["text"] == expected(name)


def test_not_a_warc_file_is_reported(run: Run, tmp_path: Path) -> None:
    source = write_bytes(tmp_path / "in.warc", b"this is not an archive\n")
    result = run("clean", source, tmp_path / "out.jsonl", "--jobs", "1")
    assert result.exit_code == 1
    assert f"{source}: cannot read at its start: not a WARC file" in one_line(result.stderr)
    assert not (tmp_path / "out.jsonl").exists()


# --- folders -----------------------------------------------------------------------------------------


def test_a_folder_of_every_format_is_mirrored(run: Run, tmp_path: Path) -> None:
    a, b, c, d, e = SAMPLE_NAMES
    source = tmp_path / "in"
    write_bytes(source / "x" / "a.txt", raw(a).encode())
    write_bytes(source / "x" / "b.txt.gz", raw(b).encode())
    write_bytes(source / "y" / "c.jsonl.gz", jsonl([{"text": raw(c)}]))
    write_bytes(
        source / "y" / "d.wet.gz", warc([("conversion", "https://example.com/d", raw(d).encode(), "text/plain")])
    )
    write_bytes(source / "e.warc", warc([("conversion", "https://example.com/e", raw(e).encode(), "text/plain")]))
    write_bytes(source / "x" / "a2.txt.bz2", raw(a).encode())
    write_bytes(source / "y" / "c2.jsonl.xz", jsonl([{"text": raw(c)}]))
    write_bytes(source / "notes.md", b"not an input")
    out = tmp_path / "out"
    result = run("clean", source, out, "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    found = sorted(str(path.relative_to(out)) for path in out.rglob("*") if path.is_file())
    assert found == [
        "e.jsonl",
        "x/a.txt",
        "x/a2.txt.bz2",
        "x/b.txt.gz",
        "y/c.jsonl.gz",
        "y/c2.jsonl.xz",
        "y/d.jsonl.gz",
    ]
    assert read_bytes(out / "x" / "a.txt").decode() == expected(a)
    assert read_bytes(out / "x" / "a2.txt.bz2").decode() == expected(a)
    assert read_bytes(out / "x" / "b.txt.gz").decode() == expected(b)
    assert read_jsonl(out / "y" / "c.jsonl.gz") == [{"text": expected(c)}]
    assert read_jsonl(out / "y" / "c2.jsonl.xz") == [{"text": expected(c)}]
    assert [record["text"] for record in read_jsonl(out / "y" / "d.jsonl.gz")] == [expected(d)]
    assert [record["text"] for record in read_jsonl(out / "e.jsonl")] == [expected(e)]
    assert "7 documents cleaned, 0 failed" in result.stderr


def test_files_of_other_formats_in_a_folder_are_counted_in_one_warning(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "in"
    write_bytes(source / "a.txt", raw(SAMPLE_NAMES[0]).encode())
    for name in ("notes.md", "sub/photo.jpg", "sub/scan.jpg", "data.json.gz", "README", ".hidden"):
        write_bytes(source / name, b"not an input")
    result = run("clean", source, tmp_path / "out", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert warnings == [
        f"warning: {source}: 5 files left out, in no format boilercut reads (.jpg 2, .json.gz 1, .md 1, no extension "
        "1); it reads .txt .html .htm .jsonl .warc .wet files, each maybe compressed (.gz .bz2 .xz .zst)"
    ]
    assert (tmp_path / "out" / "a.txt").read_text() == expected(SAMPLE_NAMES[0])


def test_the_format_option_is_refused_for_a_folder(run: Run, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "samples" / "raw", tmp_path / "in")
    result = run("clean", tmp_path / "in", tmp_path / "out", "--format", "jsonl")
    assert result.exit_code == 2
    assert "--format: IN" in result.stderr


def test_stdin_jsonl_into_a_file(run: Run, tmp_path: Path) -> None:
    name = SAMPLE_NAMES[3]
    target = tmp_path / "out.jsonl.gz"
    result = run("clean", "-", target, "--format", "jsonl", "--jobs", "1", input=jsonl([{"text": raw(name)}]))
    assert result.exit_code == 0, result.stderr
    assert read_jsonl(target) == [{"text": expected(name)}]
    assert [path.name for path in tmp_path.iterdir() if path.name != "cwd"] == ["out.jsonl.gz"]


def test_a_bug_in_one_record_exits_3_and_the_others_are_written(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from boilercut.pipeline import Pipeline

    process = Pipeline.process

    def failing(self, source, **options):  # type: ignore[no-untyped-def]
        if source.name.endswith(":2"):
            raise RuntimeError("boom")
        return process(self, source, **options)

    monkeypatch.setattr(Pipeline, "process", failing)
    source = write_bytes(tmp_path / "in.jsonl", jsonl([{"text": raw(name)} for name in SAMPLE_NAMES[:3]]))
    result = run("clean", source, tmp_path / "out.jsonl", "--jobs", "1")
    assert result.exit_code == 3
    assert f"{source}:2: internal error RuntimeError: boom" in result.stderr
    assert [record["text"] for record in read_jsonl(tmp_path / "out.jsonl")] == [
        expected(SAMPLE_NAMES[0]),
        expected(SAMPLE_NAMES[2]),
    ]


def test_zst_without_zstandard_says_what_to_install(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = write_bytes(tmp_path / "in.jsonl.zst", jsonl([{"text": "a"}]))
    monkeypatch.setitem(__import__("sys").modules, "zstandard", None)  # as if it were not installed
    result = run("clean", source, tmp_path / "out.jsonl", "--jobs", "1")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {source}: .zst files need the zstandard package; install it with "
        "`pip install zstandard` (or `pip install 'boilercut[zstd]'`)\n"
    )


def test_two_inputs_with_the_same_output_are_reported(run: Run, tmp_path: Path) -> None:
    a, b = SAMPLE_NAMES[:2]
    source = tmp_path / "in"
    write_bytes(source / "page.txt", raw(a).encode())
    write_bytes(source / "page.html", as_html(raw(b)))
    write_bytes(source / "crawl.jsonl", jsonl([{"text": raw(a)}]))
    write_bytes(source / "crawl.wet", warc([("conversion", "https://example.com/", raw(b).encode(), "text/plain")]))
    out = tmp_path / "out"
    result = run("clean", source, out, "--jobs", "1")
    assert result.exit_code == 1
    assert (
        f"{source / 'page.txt'}: its output {out / 'page.txt'} is also that of {source / 'page.html'};" in result.stderr
    )
    assert f"{source / 'crawl.wet'}: its output {out / 'crawl.jsonl'} is also that of {source / 'crawl.jsonl'};" in (
        result.stderr
    )
    assert read_jsonl(out / "crawl.jsonl") == [{"text": expected(a)}]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_text_field_no_record_has_is_one_error_and_exit_2(jobs: str, run: Run, tmp_path: Path) -> None:
    records = [{"id": n, "content": raw(name)} for n, name in enumerate(SAMPLE_NAMES)]
    source = write_bytes(tmp_path / "in.jsonl", jsonl(records))
    result = run("clean", source, tmp_path / "out.jsonl", "--jobs", jobs)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: no record has the text field 'text' ({len(SAMPLE_NAMES)} records); name the field that holds the "
        "text with --text-field (the first record's fields: id, content)\n"
    )
    stdin = run("clean", "-", "-", "--format", "jsonl", "--text-field", "body", input=source.read_bytes())
    assert stdin.exit_code == 2
    assert stdin.stderr.count("error: ") == 1
    assert "no record has the text field 'body'" in stdin.stderr


def test_records_missing_the_text_field_among_others_are_each_reported(run: Run, tmp_path: Path) -> None:
    records = [{"text": raw(SAMPLE_NAMES[0])}, {"content": "x"}, {"text": raw(SAMPLE_NAMES[1])}]
    source = write_bytes(tmp_path / "in.jsonl", jsonl(records))
    result = run("clean", source, tmp_path / "out.jsonl", "--jobs", "1")
    assert result.exit_code == 1
    assert f"error: {source}:2: no 'text' field; name the field that holds the text with --text-field" in result.stderr
    assert len(read_jsonl(tmp_path / "out.jsonl")) == 2


# -- explain, on one record of a JSONL or WARC file ------------------------------------------------------

RECORDS = [
    {"id": "a1", "url": "https://example.org/a", "text": "Share this article\n\nThe first record's article text."},
    {"id": "b2", "text": "Home > News > Local\n\nThe second record's article text, with a breadcrumb."},
]


@pytest.mark.parametrize("compressed", [False, True], ids=["jsonl", "jsonl.gz"])
def test_explain_picks_a_jsonl_record_by_number_or_id(compressed: bool, cli, tmp_path: Path) -> None:
    data = b"".join(json.dumps(record).encode() + b"\n" for record in RECORDS)
    path = tmp_path / ("in.jsonl.gz" if compressed else "in.jsonl")
    path.write_bytes(gzip.compress(data) if compressed else data)
    first, second, by_id = (
        cli("explain", path),
        cli("explain", path, "--record", "2"),
        cli("explain", path, "--id", "b2"),
    )
    assert first.exit_code == second.exit_code == by_id.exit_code == 0, first.stderr + second.stderr
    assert first.stdout.startswith(f"{path}:1: site none")  # the record's place, not the JSON judged as text
    assert "BP003: share-bar button | Share this article" in first.stdout
    assert second.stdout.startswith(f"{path}:2: site none") and second.stdout == by_id.stdout
    assert "BP001: breadcrumb trail | Home > News > Local" in second.stdout
    missing = cli("explain", path, "--record", "3")
    assert missing.exit_code == 2 and "record 3 is not among its 2 records" in missing.stderr


def test_explain_picks_a_warc_record_by_number_id_or_url(cli, tmp_path: Path) -> None:
    path = tmp_path / "in.warc"
    path.write_bytes(
        warc(
            [
                ("response", "https://example.org/a", as_html(RECORDS[0]["text"]), "text/html"),
                ("conversion", "https://example.org/b", RECORDS[1]["text"].encode(), "text/plain"),
            ]
        )
    )
    ids = record_ids(path)
    second = cli("explain", path, "--record", "2")
    assert second.exit_code == 0, second.stderr
    assert second.stdout.startswith(f"{path}: record {ids[1]}: site none")
    assert "BP001: breadcrumb trail" in second.stdout
    assert cli("explain", path, "--id", ids[1]).stdout == second.stdout
    assert cli("explain", path, "--id", "https://example.org/b").stdout == second.stdout
    assert "The first record's article text." in cli("explain", path).stdout
