"""Bad inputs and bad arguments: every case is reported where it happens, the run goes on,
good documents are still written, and the exit code says whether anything failed."""

from __future__ import annotations

import errno
import gzip
import io
import json
import os
import pathlib
import shutil
import struct
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from support import ALL_SAMPLES, SAMPLES, sample_by_number, write


def files(root: Path) -> dict[str, bytes]:
    """Every file under root (hidden ones too), by its path relative to root."""
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def everything(root: Path) -> set[str]:
    """Every entry under root, files and folders, as relative paths."""
    return {str(path.relative_to(root)) for path in root.rglob("*")}


def stderr_lines(result) -> list[str]:  # type: ignore[no-untyped-def]
    return result.stderr.splitlines()


def png() -> bytes:
    """A real one-pixel PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


# -- empty files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.txt.gz", "blank.txt"])
def test_an_empty_file_gives_an_empty_output(name: str, cli, tmp_path: Path) -> None:
    source = tmp_path / name
    source.write_bytes(b"\n \n\t\n" if name == "blank.txt" else b"")
    out = tmp_path / "out.txt"
    result = cli("clean", source, out)
    assert (result.exit_code, result.stderr) == (0, "")
    assert out.read_bytes() == b""


def test_empty_files_in_a_folder_give_empty_outputs(cli, tmp_path: Path) -> None:
    source = tmp_path / "in"
    for name in ("a.txt", "b.html", "c.jsonl", "d.wet", "e.txt.gz"):
        write(source / name, "")
    shutil.copy(ALL_SAMPLES[0].raw_path, source / "z.txt")
    result = cli("clean", source, tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    written = files(tmp_path / "out")
    assert sorted(written) == ["a.txt", "b.txt", "c.jsonl", "d.jsonl", "e.txt.gz", "z.txt"]
    assert {name: data for name, data in written.items() if name.endswith((".txt", ".jsonl"))} == {
        "a.txt": b"",
        "b.txt": b"",
        "c.jsonl": b"",
        "d.jsonl": b"",
        "z.txt": ALL_SAMPLES[0].expected_bytes,
    }
    assert gzip.decompress(written["e.txt.gz"]) == b""
    assert "4 documents cleaned, 0 failed" in result.stderr  # the text, HTML and .gz files; JSONL and WET hold none


def test_an_empty_page_in_a_warc_file_gives_an_empty_text(cli, tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    source = tmp_path / "crawl.warc"
    with source.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        page = writer.create_warc_record("https://example.com/", "response", payload=io.BytesIO(b""), http_headers=http)
        writer.write_record(page)
    result = cli("clean", source, "-")
    assert (result.exit_code, result.stderr) == (0, "1 documents cleaned, 0 failed, 0 lines dropped\n")
    assert json.loads(result.stdout) == {
        "id": page.rec_headers.get_header("WARC-Record-ID"),
        "url": "https://example.com/",
        "text": "",
    }


# -- text not in UTF-8 ---------------------------------------------------------------------------

ENCODED = {
    "cp1252": "Café society returns to Paris after the long winter closures, owners said on Friday.\n\n"
    "« Nous sommes prêts », a déclaré le propriétaire d’un café près de l’Opéra — critics called it “premature”.\n",
    "latin-1": "Der Bürgermeister sagte am Freitag, dass die Gespräche über die neue Brücke ohne Einigung endeten.\n\n"
    "Die Stadt will nächste Woche weiterverhandeln, hieß es aus dem Rathaus.\n",
    "cp1251": "Переговоры завершились в пятницу без соглашения, заявили официальные лица.\n\n"
    "Представитель министерства добавил, что новые встречи запланированы на следующей неделе в столице.\n",
    "shift_jis": "交渉は金曜日に合意なしで終了したと当局者が述べた。\n\n"
    "省の報道官は、来週首都で新たな会合が予定されていると付け加えた。\n",
}


@pytest.mark.parametrize("encoding", sorted(ENCODED))
def test_text_not_in_utf8_is_decoded_and_cleaned(encoding: str, cli, tmp_path: Path) -> None:
    text = ENCODED[encoding]
    source = tmp_path / "page.txt"
    data = f"Menu\n\nShare this article\n\n{text}\nAdvertisement\n".encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the case is real: these bytes are not UTF-8
    source.write_bytes(data)
    result = cli("clean", source, tmp_path / "out.txt")
    assert (result.exit_code, result.stderr) == (0, "")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == text  # decoded, and the page's furniture gone


# -- binary files --------------------------------------------------------------------------------


def test_binary_files_in_a_folder_are_skipped_with_their_names_and_the_rest_is_written(cli, tmp_path: Path) -> None:
    source = tmp_path / "in"
    shutil.copytree(SAMPLES / "raw", source)
    (source / "image.txt").write_bytes(png())
    (source / "photo.html").write_bytes(png())
    (source / "archive.txt").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4)
    noise = bytes((n * 7919 + 13) % 255 + 1 for n in range(20_000))  # binary without a NUL byte
    (source / "noise.txt").write_bytes(noise)
    out = tmp_path / "out"
    result = cli("clean", source, out, "--jobs", "2")
    assert result.exit_code == 1
    assert files(out) == {s.name: s.expected_bytes for s in ALL_SAMPLES}
    errors = [line for line in stderr_lines(result) if line.startswith("error: ")]
    assert errors == [
        f"error: {source / 'archive.txt'}: binary data (NUL bytes), not text: skipped",
        f"error: {source / 'image.txt'}: binary data (NUL bytes), not text: skipped",
        f"error: {source / 'noise.txt'}: neither UTF-8 nor any charset that could be detected: skipped",
        f"error: {source / 'photo.html'}: binary data (NUL bytes), not text: skipped",
    ]
    assert f"{len(ALL_SAMPLES)} documents cleaned, 4 failed" in result.stderr


def test_a_png_given_alone_exits_1_and_writes_nothing(cli, tmp_path: Path) -> None:
    source = tmp_path / "image.txt"
    source.write_bytes(png())
    result = cli("clean", source, tmp_path / "out.txt")
    assert result.exit_code == 1
    assert result.stderr == f"error: {source}: binary data (NUL bytes), not text: skipped\n"
    assert everything(tmp_path) == {"image.txt"}


# -- one very long line --------------------------------------------------------------------------

PROSE = (
    "Les négociations ont repris à Genève &amp; à Vienne, a déclaré vendredi un porte-parole du ministère;  "
    "the talks ended without an agreement, officials said, and “further meetings” are planned for next week. "
)


def one_line_file(path: Path, size: int) -> Path:
    path.write_text((PROSE * (size // len(PROSE) + 1))[:size] + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_a_file_on_one_line_is_cleaned_in_time_linear_in_its_size(cli, tmp_path: Path) -> None:
    small, large = one_line_file(tmp_path / "small.txt", 5_000_000), one_line_file(tmp_path / "large.txt", 20_000_000)
    assert cli("clean", "-", "-", input=PROSE).exit_code == 0  # warm up: imports and first compiles
    seconds = {}
    for source in (small, large):
        start = time.perf_counter()
        result = cli("clean", source, tmp_path / f"{source.stem}.out.txt", "--jobs", "1")
        seconds[source.stem] = time.perf_counter() - start
        assert result.exit_code == 0, result.stderr
    output = (tmp_path / "large.out.txt").read_text(encoding="utf-8")
    assert output.count("\n") == 1 and len(output) > 19_000_000  # cleaned, not dropped: the line is prose
    assert "&amp;" not in output and "  " not in output  # and repaired
    # Four times the size may take up to six times as long (timer noise); a quadratic step takes sixteen.
    assert seconds["large"] < 6 * seconds["small"], seconds


# -- file names ----------------------------------------------------------------------------------

# An HTML page among them, in Japanese: its title and its one paragraph come out.
PAGE_TITLE = "交渉は合意なしで終了".encode()
PAGE_TEXT = (
    "交渉は金曜日に合意なしで終了したと当局者が述べた。省の報道官は来週首都で新たな会合が予定されていると付け加えた。\n"
).encode()
PAGE = (
    b"<!DOCTYPE html><html><head><title>" + PAGE_TITLE + b"</title></head>"
    b"<body><article><p>" + PAGE_TEXT + b"</p></article></body></html>"
)
ODD_NAMES = [
    "with space.txt",
    "dossier été/Ünïcødé name 北京.txt",
    "日本語 フォルダ/記事 1.html",
    "   leading and trailing spaces   .txt",
    "[brackets] and (parentheses) #1.txt",
    'quote\'s "double".txt',
]


def test_odd_file_names_in_a_folder_are_mirrored_exactly(cli, tmp_path: Path) -> None:
    source = tmp_path / "in put"
    s = sample_by_number("004")
    for name in ODD_NAMES:
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(PAGE if name.endswith(".html") else s.raw_path.read_bytes())
    undecodable = os.fsencode(source) + b"/caf\xe9 latin-1 name.txt"  # not UTF-8: kept as bytes
    shutil.copy(s.raw_path, undecodable)
    out = tmp_path / "out ü"
    result = cli("clean", source, out, "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    mirrored = [name.removesuffix(".html") + ".txt" if name.endswith(".html") else name for name in ODD_NAMES]
    written = files(out)
    assert sorted(written) == sorted([*mirrored, os.fsdecode(b"caf\xe9 latin-1 name.txt")])
    for name in mirrored:
        page = PAGE_TITLE + b"\n\n" + PAGE_TEXT
        assert written[name] == (page if name.endswith("記事 1.txt") else s.expected_bytes), name
    assert os.path.exists(os.fsencode(out) + b"/caf\xe9 latin-1 name.txt")


@pytest.mark.parametrize("name", ["with space.txt", "Ünïcødé 北京 name.txt", "[x] (y).txt"])
def test_an_odd_file_name_alone_and_into_a_folder(name: str, cli, tmp_path: Path) -> None:
    s = sample_by_number("001")
    source = tmp_path / name
    shutil.copy(s.raw_path, source)
    assert cli("clean", source, tmp_path / f"clean {name}").exit_code == 0
    assert (tmp_path / f"clean {name}").read_bytes() == s.expected_bytes
    folder = tmp_path / "dossier ß"
    folder.mkdir()
    assert cli("clean", source, folder).exit_code == 0
    assert files(folder) == {name: s.expected_bytes}


# -- symbolic links and unreadable entries -------------------------------------------------------


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], None]]:
    """Make a file or folder unreadable: chmod 000, and where that does not stop reading
    (running as root), the same refusal from the calls that read it, monkeypatched."""
    blocked: list[Path] = []
    open_path, scandir = pathlib.Path.open, os.scandir

    def refuse(path: object) -> None:
        if Path(os.fsdecode(path)) in blocked:  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))  # type: ignore[arg-type]

    def guarded_open(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        refuse(self)
        return open_path(self, *args, **kwargs)

    def guarded_scandir(path: object = ".") -> object:
        refuse(path)
        return scandir(path)  # type: ignore[arg-type]

    def block(path: Path) -> None:
        path.chmod(0)
        try:
            os.listdir(path) if path.is_dir() else path.read_bytes()
        except PermissionError:
            return  # chmod is enough
        blocked.append(path)
        monkeypatch.setattr(pathlib.Path, "open", guarded_open)
        monkeypatch.setattr(os, "scandir", guarded_scandir)

    yield block
    for path in blocked:
        path.chmod(0o755)


def test_links_unreadable_files_and_folders_are_reported_and_the_run_goes_on(
    cli, tmp_path: Path, unreadable: Callable[[Path], None]
) -> None:
    source = tmp_path / "in"
    shutil.copytree(SAMPLES / "raw", source / "good")
    (source / "loop.txt").symlink_to("loop.txt")  # a link to itself
    (source / "ping.txt").symlink_to("pong.txt")
    (source / "pong.txt").symlink_to("ping.txt")
    (source / "good" / "up").symlink_to("..", target_is_directory=True)  # a folder loop
    (source / "gone.txt").symlink_to("nowhere.txt")
    write(source / "secret.txt", sample_by_number("000").raw)
    write(source / "locked" / "inside.txt", sample_by_number("001").raw)
    unreadable(source / "secret.txt")
    unreadable(source / "locked")
    out = tmp_path / "out"

    result = cli("clean", source, out, "--jobs", "1")  # in this process: the monkeypatch holds
    assert result.exit_code == 1
    assert files(out) == {f"good/{s.name}": s.expected_bytes for s in ALL_SAMPLES}
    lines = stderr_lines(result)
    assert lines[:7] == [
        f"warning: {source / 'good' / 'up'}: a link to a folder, not followed; give its target as IN to clean it",
        f"error: {source / 'locked'}: cannot read this folder: Permission denied; "
        "the files in it were not cleaned: check its permissions",
        f"error: {source / 'gone.txt'}: cannot read: No such file or directory; check the file and its permissions",
        f"error: {source / 'loop.txt'}: cannot read: Too many levels of symbolic links; "
        "check the file and its permissions",
        f"error: {source / 'ping.txt'}: cannot read: Too many levels of symbolic links; "
        "check the file and its permissions",
        f"error: {source / 'pong.txt'}: cannot read: Too many levels of symbolic links; "
        "check the file and its permissions",
        f"error: {source / 'secret.txt'}: cannot read: Permission denied; check the file and its permissions",
    ]
    assert lines[7].startswith(f"{len(ALL_SAMPLES)} documents cleaned, 6 failed, ")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_pipes_and_devices_in_a_folder_are_reported_not_read(cli, tmp_path: Path) -> None:
    source = tmp_path / "in"
    shutil.copytree(SAMPLES / "raw", source)
    os.mkfifo(source / "pipe.txt")  # reading it would wait for a writer forever
    (source / "zero.txt").symlink_to(os.devnull if not Path("/dev/zero").exists() else "/dev/zero")  # endless
    out = tmp_path / "out"
    result = cli("clean", source, out, "--jobs", "1")
    assert result.exit_code == 1
    assert files(out) == {s.name: s.expected_bytes for s in ALL_SAMPLES}
    note = "not a regular file (a pipe, socket or device), whose reading may never end: skipped"
    lines = stderr_lines(result)
    assert lines[:2] == [f"error: {source / 'pipe.txt'}: {note}", f"error: {source / 'zero.txt'}: {note}"]
    assert lines[2].startswith(f"{len(ALL_SAMPLES)} documents cleaned, 2 failed, ")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_given_as_in_exits_2_and_says_to_use_stdin(cli, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    result = cli("clean", tmp_path / "pipe.txt", tmp_path / "out.txt")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: IN {tmp_path / 'pipe.txt'}: not a regular file or folder (a pipe, socket or device); "
        "send its content to standard input and give IN as -\n"
    )
    assert everything(tmp_path) == {"pipe.txt"}


def test_an_unreadable_file_given_alone_exits_1(cli, tmp_path: Path, unreadable: Callable[[Path], None]) -> None:
    source = write(tmp_path / "secret.txt", sample_by_number("000").raw)
    unreadable(source)
    result = cli("clean", source, tmp_path / "out.txt")
    assert result.exit_code == 1
    assert result.stderr == f"error: {source}: cannot read: Permission denied; check the file and its permissions\n"
    assert not (tmp_path / "out.txt").exists()


def test_explain_of_an_unreadable_file_or_a_folder(cli, tmp_path: Path, unreadable: Callable[[Path], None]) -> None:
    source = write(tmp_path / "secret.txt", sample_by_number("000").raw)
    unreadable(source)
    result = cli("explain", source)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"error: {source}: cannot read: Permission denied; check the file and its permissions\n"
    result = cli("explain", tmp_path)
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {tmp_path}: a folder; explain takes one file, or - for stdin\n",
    )


# -- bad arguments -------------------------------------------------------------------------------


def bad_arguments(tmp_path: Path) -> list[tuple[str, list[str | Path], str]]:
    source = tmp_path / "in"
    page = source / "page.txt"
    return [
        (
            "OUT inside IN",
            [source, source / "out"],
            f"OUT {source / 'out'} is inside IN {source}: outputs would be read as inputs; choose a folder outside IN",
        ),
        (
            "OUT equal to IN",
            [source, source],
            f"OUT {source} is inside IN {source}: outputs would be read as inputs; choose a folder outside IN",
        ),
        (
            "OUT the same folder as IN, spelled otherwise",
            [source, tmp_path / "in" / "." / ".." / "in"],
            f"OUT {tmp_path / 'in' / '..' / 'in'} is inside IN {source}: outputs would be read as inputs; "
            "choose a folder outside IN",
        ),
        (
            "IN missing",
            [tmp_path / "missing", tmp_path / "out"],
            f"IN {tmp_path / 'missing'}: no such file or folder; give a file, a folder or - for stdin",
        ),
        (
            "OUT equal to a file IN",
            [page, page],
            f"OUT {page} is IN {page}: cleaning would overwrite the input; "
            "give another OUT, or run `boilercut fix` to clean files in place",
        ),
        (
            "OUT the folder of a file IN",
            [page, source],
            f"OUT {page} is IN {page}: cleaning would overwrite the input; "
            "give another OUT, or run `boilercut fix` to clean files in place",
        ),
    ]


@pytest.mark.parametrize("case", range(6), ids=[case[0] for case in bad_arguments(Path("x"))])
def test_bad_arguments_exit_2_with_one_line_and_write_nothing(case: int, cli, tmp_path: Path) -> None:
    _, arguments, message = bad_arguments(tmp_path)[case]
    shutil.copytree(SAMPLES / "raw", tmp_path / "in")
    write(tmp_path / "in" / "page.txt", sample_by_number("004").raw)
    before = files(tmp_path)
    result = cli("clean", *arguments)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"error: {message}\n")
    assert files(tmp_path) == before
    assert everything(tmp_path) == set(before) | {"in"}  # not even an empty folder


def test_an_output_that_would_overwrite_another_input_is_refused(cli, tmp_path: Path) -> None:
    # IN inside OUT: `data/raw/raw/a.txt` would be written to `data/raw/a.txt`, itself an input.
    data = tmp_path / "data"
    write(data / "raw" / "a.txt", sample_by_number("000").raw)
    write(data / "raw" / "raw" / "a.txt", sample_by_number("001").raw)
    before = files(tmp_path)
    result = cli("clean", data / "raw", data)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: OUT {data}: the output of {data / 'raw' / 'raw' / 'a.txt'} would overwrite the input "
        f"{data / 'raw' / 'a.txt'}; choose an OUT folder apart from IN\n"
    )
    assert files(tmp_path) == before


def test_in_inside_out_without_a_clash_is_allowed(cli, tmp_path: Path) -> None:
    data = tmp_path / "data"
    s = sample_by_number("000")
    write(data / "raw" / "a.txt", s.raw)
    result = cli("clean", data / "raw", data)
    assert result.exit_code == 0, result.stderr
    assert (data / "a.txt").read_bytes() == s.expected_bytes
    assert (data / "raw" / "a.txt").read_text(encoding="utf-8") == s.raw


# -- a catastrophic pattern ----------------------------------------------------------------------


@pytest.mark.slow
def test_a_catastrophic_pattern_is_cut_short_and_the_other_rules_still_clean_the_page(cli, tmp_path: Path) -> None:
    folder = write(
        tmp_path / "rules" / "_runaway.toml",
        '[[rules]]\nid = "XX999"\nstage = "strip_ads"\naction = "drop"\ndescription = "runaway"\npattern = "(a+)+$"\n',
    ).parent
    s = sample_by_number("004")
    runaway = "a" * 5000 + "b"
    raw_lines = s.raw.splitlines()
    # Three runaway lines: the rule is stopped on the first and switched off for the rest of the run.
    lines = [*raw_lines[:6], "", runaway, "", *raw_lines[6:12], "", runaway, "", *raw_lines[12:], "", runaway]
    doc = write(tmp_path / "page.txt", "\n".join(lines) + "\n")
    out = tmp_path / "out.txt"
    result = cli("clean", doc, out, "--rules", folder)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"warning: {doc}: rule XX999 ({folder}/_runaway.toml:1) took over 1 s on line 8 "
        "and was stopped there and switched off for the rest of this run; "
        "its pattern backtracks catastrophically: rewrite it\n"
    )
    # Every line the other rules drop is still dropped: the page is cleaned as without the runaway rule.
    assert out.read_text(encoding="utf-8").replace(f"{runaway}\n\n", "") == s.expected
