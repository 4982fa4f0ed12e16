"""Damaged and mixed inputs: a truncated compressed file, JSONL stream or WARC record is one failed document,
named with what to do; everything before the damage, and every other file, is still cleaned and written.
Text in mixed or guessed charsets is read as a browser would, with a warning where it had to guess."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

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


# -- item: a truncated JSONL or WARC stream keeps what came before the damage ---------------------------

RECORDS = [{"id": str(n), "text": sample.raw} for n, sample in enumerate(ALL_SAMPLES * 2)]


def jsonl(records: list[dict[str, str]]) -> bytes:
    return b"".join(json.dumps(record, ensure_ascii=False).encode() + b"\n" for record in records)


def lines_of(path: Path) -> list[str]:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode().splitlines()


@pytest.fixture(scope="module")
def clean_lines(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The output lines of the whole, undamaged JSONL file."""
    from typer.testing import CliRunner

    from boilercut.cli import app

    folder = tmp_path_factory.mktemp("whole")
    (folder / "whole.jsonl").write_bytes(jsonl(RECORDS))
    result = CliRunner().invoke(app, ["clean", str(folder / "whole.jsonl"), str(folder / "out.jsonl"), "-j", "1"])
    assert result.exit_code == 0
    return (folder / "out.jsonl").read_text().splitlines()


def check_cut_jsonl(result: Result, source: str, written: list[str], clean_lines: list[str]) -> None:
    assert result.exit_code == 1, result.stderr
    assert 0 < len(written) < len(clean_lines)
    assert written == clean_lines[: len(written)]  # every record before the damage, cleaned and written
    count = len(written)
    assert errors(result) == [
        f"error: {source}: after line {count}: truncated gzip stream (it ends before gzip's end-of-stream marker): "
        "the file was cut short, e.g. by an interrupted download or copy; fetch or copy it again (`gzip -t` checks "
        f"it); lines 1-{count} were cleaned and written"
    ]
    assert f"{count} documents cleaned, 1 failed" in result.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("folder", [False, True], ids=["file", "folder"])
def test_a_truncated_jsonl_file_keeps_every_record_before_the_damage(
    jobs: str, folder: bool, clean_lines: list[str], cli, tmp_path: Path
) -> None:
    source = tmp_path / "in" / "crawl.jsonl.gz"
    source.parent.mkdir()
    source.write_bytes(truncated_gzip(jsonl(RECORDS)))
    if folder:
        result = cli("clean", source.parent, tmp_path / "out", "--jobs", jobs)
        out = tmp_path / "out" / "crawl.jsonl.gz"
    else:
        out = tmp_path / "out.jsonl"
        result = cli("clean", source, out, "--jobs", jobs)
    check_cut_jsonl(result, str(source), lines_of(out), clean_lines)


def test_a_truncated_jsonl_stream_on_stdin_keeps_every_record_before_the_damage(clean_lines: list[str], cli) -> None:
    result = cli("clean", "-", "-", "--format", "jsonl", input=truncated_gzip(jsonl(RECORDS)))
    check_cut_jsonl(result, "<stdin>", result.stdout.splitlines(), clean_lines)


def pages(count: int) -> list[tuple[str, bytes]]:
    return [(f"https://example.com/{n}", PAGE.replace("Monday", f"day {n}").encode()) for n in range(count)]


def warc_bytes(records: list[tuple[str, bytes]], compress: bool) -> tuple[bytes, list[int]]:
    """A WARC file of HTML responses, and the offset where each record ends."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    ends = []
    for url, payload in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http))
        ends.append(out.tell())
    return out.getvalue(), ends


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
@pytest.mark.parametrize("cut", [0.5, 0.02], ids=["mid-record", "mid-header"])
def test_a_warc_file_cut_mid_record_keeps_every_record_before_the_damage(
    cut: float, suffix: str, jobs: str, cli, tmp_path: Path
) -> None:
    data, ends = warc_bytes(pages(5), compress=suffix.endswith(".gz"))
    source = tmp_path / f"crawl{suffix}"
    source.write_bytes(data[: ends[2] + int((ends[3] - ends[2]) * cut)])  # record 4 cut short
    whole = tmp_path / f"whole{suffix}"
    whole.write_bytes(data)
    assert cli("clean", whole, tmp_path / "whole.jsonl", "-j", jobs).exit_code == 0
    result = cli("clean", source, tmp_path / "out.jsonl", "-j", jobs)
    assert result.exit_code == 1, result.stderr
    written = (tmp_path / "out.jsonl").read_text().splitlines()
    assert written == (tmp_path / "whole.jsonl").read_text().splitlines()[:3]
    assert "trafilatura" not in result.stderr
    (error,) = errors(result)
    assert error.startswith(f"error: {source}: after record 3: ")
    assert error.endswith("records 1-3 were cleaned and written")
    assert "3 documents cleaned, 1 failed" in result.stderr


# -- item: a UTF-8 text with stray single-byte lines --------------------------------------------------

MIXED_LINES = [
    ("Le président a déclaré mercredi à la presse qu'il était prêt à négocier avec les syndicats.", "utf-8"),
    ("Le ministre a confirmé la réunion de lundi, à Paris, avec les représentants des fédérations.", "latin-1"),
    ("« Nous avons entendu les inquiétudes des Français », a-t-il ajouté depuis l'Élysée ce matin.", "utf-8"),
    ("Les négociations reprendront jeudi prochain, selon un communiqué publié à l'issue de la réunion.", "cp1252"),
]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_utf8_text_with_latin1_lines_is_repaired_line_by_line_with_one_warning(
    jobs: str, cli, tmp_path: Path
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "mixed.txt").write_bytes(b"\n\n".join(text.encode(encoding) for text, encoding in MIXED_LINES) + b"\n")
    shutil.copy(GOOD[0].raw_path, source / GOOD[0].name)
    result = cli("clean", source, tmp_path / "out", "--jobs", jobs)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "mixed.txt").read_text(encoding="utf-8") == "\n\n".join(t for t, _ in MIXED_LINES) + "\n"
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert warnings == [
        f"warning: {source / 'mixed.txt'}: mixed encodings: 2 of 7 lines are not UTF-8 and were read as cp1252"
    ]


def test_a_mixed_text_on_stdin_is_repaired_with_one_warning(cli) -> None:
    data = b"\n\n".join(text.encode(encoding) for text, encoding in MIXED_LINES) + b"\n"
    result = cli("clean", "-", "-", input=data)
    assert result.exit_code == 0
    assert result.stdout == "\n\n".join(t for t, _ in MIXED_LINES) + "\n"
    assert result.stderr.count("warning: ") == 1
    assert "warning: <stdin>: mixed encodings: 2 of 7 lines are not UTF-8" in result.stderr


# -- item: cp1252 text is not taken for a Central European charset -------------------------------------

WESTERN_TEXTS = {
    "fr": "Le président de la République a déclaré mercredi à la presse qu'il était prêt à négocier avec les "
    "syndicats. « Nous avons entendu les inquiétudes des Français », a-t-il ajouté depuis l'Élysée, où il "
    "recevait les représentants des fédérations agricoles après trois semaines de grève.",
    "de": "Der Bürgermeister der Stadt äußerte sich am Freitag zur neuen Brücke über den Fluss. Die Gespräche mit "
    "dem Land seien schwierig gewesen, sagte er, doch man habe sich auf eine gemeinsame Lösung geeinigt. Die "
    "Bauarbeiten sollen im Frühjahr beginnen und drei Jahre dauern.",
    "es": "El presidente del Gobierno anunció este miércoles que la reunión con los sindicatos se celebrará la "
    "próxima semana en León. «Queremos llegar a un acuerdo», afirmó ante los periodistas de España, después de "
    "una jornada de negociaciones que terminó sin avances; el niño del ministro asistió.",
    "pt": "O presidente da República disse nesta quarta-feira que a situação da educação no país não é fácil e que "
    "o governo vai apresentar um plano de ação até ao fim do mês. As negociações com os sindicatos continuam, "
    "mas ainda não há acordo sobre os salários dos professores.",
}


def first_sentence(text: str) -> str:
    return text.split(". ")[0] + "."


@pytest.mark.parametrize("length", ["short", "long"])
@pytest.mark.parametrize("language", sorted(WESTERN_TEXTS))
def test_cp1252_text_in_western_languages_is_decoded_as_cp1252(language: str, length: str, cli, tmp_path: Path) -> None:
    text = WESTERN_TEXTS[language] if length == "long" else first_sentence(WESTERN_TEXTS[language])
    source = tmp_path / "page.txt"
    source.write_bytes((text + "\n").encode("cp1252"))
    result = cli("clean", source, tmp_path / "out.txt", "--no-title")
    assert (result.exit_code, result.stderr) == (0, "")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == text + "\n"


OTHER_TEXTS = {
    "cp1250": "Rząd przyjął dziś nową ustawę o podatkach, która zacznie obowiązywać od stycznia przyszłego roku.",
    "cp1251": "Правительство сегодня приняло новый закон о налогах, который вступит в силу с января следующего года.",
}


@pytest.mark.parametrize("encoding", sorted(OTHER_TEXTS))
def test_text_in_other_single_byte_charsets_keeps_its_charset(encoding: str, cli, tmp_path: Path) -> None:
    text = OTHER_TEXTS[encoding]
    source = tmp_path / "page.txt"
    source.write_bytes((text + "\n").encode(encoding))
    result = cli("clean", source, tmp_path / "out.txt", "--no-title")
    assert (result.exit_code, result.stderr) == (0, "")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == text + "\n"


def test_a_charset_guessed_with_low_confidence_is_a_warning(cli, tmp_path: Path) -> None:
    source = tmp_path / "prices.txt"
    source.write_bytes("Prix: 5€ • 10€ — «offre» ‰ † ‡ ˆ ‹ › œ Ÿ\n".encode("cp1252"))
    result = cli("clean", source, tmp_path / "out.txt", "--no-title")
    assert result.exit_code == 0
    assert result.stderr.startswith(f"warning: {source}: charset guessed as ")
    assert "with low confidence" in result.stderr
    assert "convert the file to UTF-8" in result.stderr


@pytest.mark.parametrize(
    ("suffix", "compress", "name"), [(".bz2", bz2.compress, "bzip2"), (".xz", lzma.compress, "xz")]
)
def test_truncated_bzip2_and_xz_files_are_one_failed_document_each(
    suffix: str, compress: Callable[[bytes], bytes], name: str, cli, tmp_path: Path
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    whole = compress(ALL_SAMPLES[0].raw.encode())
    (source / f"whole.txt{suffix}").write_bytes(whole)
    (source / f"cut.txt{suffix}").write_bytes(whole[: len(whole) // 2])
    out = tmp_path / "out"
    result = cli("clean", source, out)
    assert result.exit_code == 1, result.stderr
    assert errors(result) == [
        f"error: {source / f'cut.txt{suffix}'}: truncated {name} stream (it ends before {name}'s end-of-stream "
        "marker): the file was cut short, e.g. by an interrupted download or copy; fetch or copy it again "
        f"(`{name} -t` checks it): skipped"
    ]
    assert [path.name for path in out.iterdir()] == [f"whole.txt{suffix}"]
    assert (out / f"whole.txt{suffix}").read_bytes() != b""


@pytest.mark.parametrize(("compress", "name"), [(bz2.compress, "bzip2"), (lzma.compress, "xz")])
def test_bzip2_and_xz_bytes_on_stdin_are_decompressed_and_cut_ones_fail(
    compress: Callable[[bytes], bytes], name: str, cli
) -> None:
    data = compress(ALL_SAMPLES[0].raw.encode())
    whole = cli("clean", "-", "-", input=data)
    assert (whole.exit_code, whole.stdout) == (0, ALL_SAMPLES[0].expected)
    cut = cli("clean", "-", "-", input=data[: len(data) // 2])
    assert (cut.exit_code, cut.stdout) == (1, "")
    assert [f"truncated {name} stream" in line for line in errors(cut)] == [True]


def test_a_text_that_begins_like_bzip2_is_read_as_text(cli) -> None:
    # bzip2's magic is "BZh" and a digit, then the first block's own magic: a text may begin "BZh9".
    text = "BZh9 is what the first bytes of a bzip2 file say, and this line says it too.\n"
    result = cli("clean", "-", "-", "--no-title", input=text.encode())
    assert (result.exit_code, result.stdout) == (0, text)


# -- item: UTF-16 and UTF-32 text (as Windows tools write "Unicode" text) --------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be-bom", "utf-32"])
def test_utf16_and_utf32_text_with_a_byte_order_mark_is_read_without_a_warning(
    encoding: str, cli, tmp_path: Path
) -> None:
    sample = ALL_SAMPLES[0]
    data = (
        (b"\xfe\xff" + sample.raw.encode("utf-16-be")) if encoding == "utf-16-be-bom" else sample.raw.encode(encoding)
    )
    source = tmp_path / "page.txt"
    source.write_bytes(data)
    result = cli("clean", source, tmp_path / "out.txt")
    assert (result.exit_code, result.stderr) == (0, "")
    assert (tmp_path / "out.txt").read_bytes() == sample.expected_bytes


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("language", ["English", "Russian"])
def test_utf16_text_without_a_byte_order_mark_is_read_with_a_warning(
    encoding: str, language: str, cli, tmp_path: Path
) -> None:
    text = (
        ALL_SAMPLES[0].raw
        if language == "English"
        else OTHER_TEXTS["cp1251"] + "\n\n" + OTHER_TEXTS["cp1251"].replace("налогах", "пошлинах") + "\n"
    )
    source = tmp_path / "page.txt"
    source.write_bytes(text.encode(encoding))
    result = cli("clean", source, tmp_path / "out.txt", "--no-title")
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: {source}: read as {encoding.upper()} (no byte-order mark): check the output, "
        "or convert the file to UTF-8\n"
    )
    reference = tmp_path / "reference.txt"
    reference.write_text(text, encoding="utf-8")
    assert cli("clean", reference, tmp_path / "ref-out.txt", "--no-title").exit_code == 0
    assert (tmp_path / "out.txt").read_bytes() == (tmp_path / "ref-out.txt").read_bytes()


def test_binary_data_with_zero_bytes_at_both_parities_is_still_refused(cli, tmp_path: Path) -> None:
    source = tmp_path / "image.txt"
    source.write_bytes(bytes(range(256)) * 40)
    result = cli("clean", source, tmp_path / "out.txt")
    assert result.exit_code == 1
    assert errors(result) == [f"error: {source}: binary data (NUL bytes), not text: skipped"]


def test_a_truncated_zstd_file_is_one_failed_document_too(cli, tmp_path: Path) -> None:
    # zstandard's stream reader stops quietly where a frame is cut: found by tests/test_fuzz.py.
    import zstandard

    whole = zstandard.ZstdCompressor().compress(ALL_SAMPLES[3].raw.encode())
    source = tmp_path / "cut.txt.zst"
    source.write_bytes(whole[: len(whole) // 2])
    result = cli("clean", source, tmp_path / "out.txt")
    assert result.exit_code == 1, result.stderr
    assert errors(result) == [
        f"error: {source}: truncated zstd stream (it ends inside a frame): the file was cut short, e.g. by an "
        "interrupted download or copy; fetch or copy it again (`zstd -t` checks it): skipped"
    ]
    assert not (tmp_path / "out.txt").exists()
