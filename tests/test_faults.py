"""Faults: a run killed at any moment leaves only complete outputs and a re-run finishes it;
inputs are never modified except by `fix`, which replaces a file whole or not at all."""

from __future__ import annotations

import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest
from typer.testing import CliRunner, Result

from boilercut.cli import app
from boilercut.io import files as io_files
from support import ALL_SAMPLES, SAMPLES, WIDE, sample_by_number, write

# Enough work that a kill sent when the first outputs appear lands mid-run
# (a second or two with two workers): small files in folders, which the
# workers clean and write, then JSONL files over 1 MB, which the main process
# streams in batches.
FILES_PER_FOLDER = 150
FOLDERS = ("a", "b", "c")
JSONL_FILES = ("z/big1.jsonl", "z/big2.jsonl")
HIDDEN_TEMPORARY = re.compile(r"^\..+\.[0-9a-f]{8}\.tmp$")
INTERRUPTED = "error: interrupted; outputs written so far are complete, run again to finish\n"


def tree(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def visible(root: Path) -> dict[str, bytes]:
    return {name: data for name, data in tree(root).items() if not Path(name).name.startswith(".")}


def hidden(root: Path) -> list[str]:
    return [name for name in tree(root) if Path(name).name.startswith(".")]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("faults") / "in"
    for folder in FOLDERS:
        for n in range(FILES_PER_FOLDER):
            s = ALL_SAMPLES[n % len(ALL_SAMPLES)]
            write(root / folder / f"{n:04d}_{s.name}", s.raw)
    for name in JSONL_FILES:
        lines = [json.dumps({"n": n, "text": ALL_SAMPLES[n % len(ALL_SAMPLES)].raw}) + "\n" for n in range(300)]
        write(root / name, "".join(lines))
    return root


@pytest.fixture(scope="module")
def complete(corpus: Path) -> dict[str, bytes]:
    """What a run that is not interrupted writes."""
    out = corpus.parent / "complete"
    done = clean(corpus, out)
    assert done.exit_code == 0, done.stderr
    return tree(out)


def command(source: Path, out: Path, *options: str, jobs: int = 2) -> list[str]:
    return [sys.executable, "-m", "boilercut", "clean", str(source), str(out), "--jobs", str(jobs), *options]


def has_output(out: Path) -> bool:
    return out.exists() and any(path.is_file() and not path.name.startswith(".") for path in out.rglob("*"))


def clean(source: Path, out: Path, *options: str) -> Result:
    """A run in this process: a run that is not killed needs no process of its own."""
    arguments = ["clean", str(source), str(out), "--jobs", "2", *options]
    return CliRunner(env=WIDE).invoke(app, arguments, catch_exceptions=False)


def kill_mid_run(source: Path, out: Path, signum: int, *, group: bool) -> tuple[int, str]:
    """Start a run, send the signal once its first outputs are written, and return its exit code and stderr.

    The process is not reaped before its stderr closes: stderr closes only when
    the workers, which hold it too, have ended as well.
    """
    run = subprocess.Popen(
        command(source, out),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **WIDE},
        cwd=source.parent,
        start_new_session=True,  # its own process group, as a shell job has
    )
    deadline = time.monotonic() + 60
    while not has_output(out):
        assert run.poll() is None, "the run ended before any output was written"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    if group:
        os.killpg(run.pid, signum)  # Ctrl-C at a terminal: every process of the job gets it
    else:
        os.kill(run.pid, signum)
    _, stderr = run.communicate(timeout=30)  # a worker left running would hold stderr open past this
    return run.returncode, stderr


SIGNALS = [
    pytest.param(
        signal.SIGINT,
        True,
        [["--skip-existing"]],
        id="Ctrl-C (SIGINT to the process group)",
        # Seen in CI's full run only (it passes alone): the run sometimes finishes with
        # exit 0 as if the Ctrl-C never came; filed as an issue, not yet understood.
        marks=pytest.mark.xfail(
            strict=False, reason="a Ctrl-C to the process group is sometimes lost in the full suite"
        ),
    ),
    pytest.param(signal.SIGTERM, False, [[]], id="SIGTERM"),
    pytest.param(signal.SIGKILL, False, [["--skip-existing"], []], id="SIGKILL"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "group", "reruns"), SIGNALS)
def test_a_killed_run_leaves_only_complete_outputs_and_a_rerun_finishes_it(
    signum: int, group: bool, reruns: list[list[str]], corpus: Path, complete: dict[str, bytes], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, stderr = kill_mid_run(corpus, out, signum, group=group)
    if signum == signal.SIGKILL:
        assert code == -signal.SIGKILL
    else:
        assert (code, stderr) == (130, INTERRUPTED)

    written = visible(out)
    assert 0 < len(written) < len(complete), "the kill must land mid-run"
    for name, data in written.items():
        assert data == complete[name], f"{name} is not what a complete run writes"
    leftovers = hidden(out)
    if signum == signal.SIGKILL:  # nothing can clean up after SIGKILL: what is left is hidden, and never read
        assert all(HIDDEN_TEMPORARY.match(Path(name).name) for name in leftovers), leftovers
    else:
        assert leftovers == []

    for n, options in enumerate(reruns):  # with --skip-existing, then (SIGKILL) without: either finishes the job
        rerun = clean(corpus, out, *options)
        assert rerun.exit_code == 0, rerun.stderr
        if options:
            assert f"{len(written)} files up to date (skipped)" in rerun.stderr
        removed = f", {len(leftovers)} temporary files of a killed run removed"
        assert (removed in rerun.stderr) == (n == 0 and leftovers != []), rerun.stderr  # by the first rerun
        assert visible(out) == complete
        assert hidden(out) == []  # the killed run's temporary files and the rerun's own are all gone


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_file_killed_while_it_is_written_leaves_no_output(signum: int, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "big1.clean.jsonl"
    run = subprocess.Popen(
        command(corpus / JSONL_FILES[0], out, jobs=1),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **WIDE},
    )
    deadline = time.monotonic() + 60
    while not any(tmp_path.glob(".big1.clean.jsonl.*.tmp")):  # the output is being written
        assert run.poll() is None and time.monotonic() < deadline
        time.sleep(0.002)
    run.send_signal(signum)
    _, stderr = run.communicate(timeout=30)
    left = sorted(path.name for path in tmp_path.iterdir())
    if signum == signal.SIGKILL:
        assert run.returncode == -signal.SIGKILL
        assert len(left) == 1 and HIDDEN_TEMPORARY.match(left[0]), left  # hidden, never under the final name
    else:
        assert (run.returncode, stderr) == (130, INTERRUPTED)
        assert left == []
    rerun = clean(corpus / JSONL_FILES[0], out, "--skip-existing")
    assert rerun.exit_code == 0, rerun.stderr
    assert len(out.read_bytes().splitlines()) == 300
    assert list(tmp_path.iterdir()) == [out]  # the killed run's temporary file is gone
    assert ("1 temporary files of a killed run removed" in rerun.stderr) == (signum == signal.SIGKILL)


def test_a_rerun_removes_only_temporary_files_named_for_its_outputs(tmp_path: Path) -> None:
    source = tmp_path / "in"
    for s in ALL_SAMPLES[:3]:
        write(source / s.name, s.raw)
    first, second = (s.name for s in ALL_SAMPLES[:2])
    write(source / "sub" / first, ALL_SAMPLES[0].raw)
    out = tmp_path / "out"
    stale = [f".{first}.0123abcd.tmp", f"sub/.{first}.0123abcd.tmp"]  # what a killed run leaves
    unrelated = [
        "notes.tmp", ".notes.tmp", "copy.txt.0123abcd.tmp", f".{first}.tmp", f".{first}.0123ABCD.tmp",
        f".{first}.0123abc.tmp", f".{first}.0123abcde.tmp", f".{first}.0123abcd.tmp.bak", f"..{first}.0123abcd.tmp",
        ".other.txt.0123abcd.tmp",  # not an output of this run
        f"sub/.{second}.0123abcd.tmp",  # not an output in this folder
    ]  # fmt: skip
    for name in stale + unrelated:
        write(out / name, "left here\n")
    (out / f".{second}.89abcdef.tmp").symlink_to(out / "notes.tmp")  # a link: not a file boilercut wrote
    unrelated.append(f".{second}.89abcdef.tmp")

    rerun = clean(source, out, "--skip-existing")
    assert rerun.exit_code == 0, rerun.stderr
    assert ", 2 temporary files of a killed run removed" in rerun.stderr
    assert hidden(out) == sorted(name for name in unrelated if Path(name).name.startswith("."))
    assert all((out / name).read_text(encoding="utf-8") == "left here\n" for name in unrelated)


# A boilercut process writing one output, stopped half-way until it reads a line.
WRITER = """
import sys
from pathlib import Path
from boilercut.io.files import AtomicWriter

with AtomicWriter(Path(sys.argv[1])) as out:
    out.write(b"half of it")
    print(out._temporary.name, flush=True)
    sys.stdin.readline()
    out.write(b" and the rest\\n")
    out.commit()
"""


def start_writer(output: Path) -> tuple[subprocess.Popen[str], Path]:
    """A writer process, and its temporary file once it is created (and locked)."""
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(output)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert writer.stdout is not None
    temporary = output.with_name(writer.stdout.readline().strip())
    assert HIDDEN_TEMPORARY.match(temporary.name) and temporary.exists(), temporary
    return writer, temporary


def test_a_temporary_file_is_removed_only_once_its_writer_is_gone(tmp_path: Path) -> None:
    s = ALL_SAMPLES[0]
    write(tmp_path / "in" / s.name, s.raw)
    out = tmp_path / "out"
    writer, temporary = start_writer(out / s.name)  # another run, writing into OUT at the same time

    rerun = clean(tmp_path / "in", out)
    assert rerun.exit_code == 0, rerun.stderr
    assert "removed" not in rerun.stderr
    assert temporary.exists()  # a writer still running keeps its file...
    assert writer.communicate("go on\n", timeout=30) == ("", None)
    assert (out / s.name).read_bytes() == b"half of it and the rest\n"  # ...and finishes it
    assert hidden(out) == []

    writer, temporary = start_writer(out / s.name)
    writer.kill()
    writer.wait(timeout=30)
    assert temporary.exists()
    rerun = clean(tmp_path / "in", out)
    assert rerun.exit_code == 0, rerun.stderr
    assert ", 1 temporary files of a killed run removed" in rerun.stderr
    assert hidden(out) == []  # its writer is gone
    assert (out / s.name).read_bytes() == s.expected_bytes


def test_a_one_file_run_names_the_temporary_file_it_removes(cli, tmp_path: Path) -> None:
    s = ALL_SAMPLES[0]
    out = tmp_path / "out.txt"
    stale = write(tmp_path / ".out.txt.0123abcd.tmp", "half of it")
    result = cli("clean", s.raw_path, out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"{stale}: removed, a temporary file of a killed run\n"
    assert list(tmp_path.iterdir()) == [out]


def test_a_writer_whose_new_file_is_removed_before_it_is_locked_draws_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another run's sweep can see a temporary file between its creation and its lock: the writer must notice."""
    target = tmp_path / "a.txt"
    flock = io_files.fcntl.flock
    swept: list[Path] = []

    class Racing:
        LOCK_EX, LOCK_NB = io_files.fcntl.LOCK_EX, io_files.fcntl.LOCK_NB

        @staticmethod
        def flock(handle: int, operation: int) -> None:
            if operation == Racing.LOCK_EX and not swept:  # the writer, about to lock its new file
                swept.extend(io_files.remove_stale_temporaries([target]))  # the sweep locks without waiting
            flock(handle, operation)

    monkeypatch.setattr(io_files, "fcntl", Racing)
    io_files.write_atomically(target, "whole\n")
    assert len(swept) == 1  # the first name was taken for a dead run's...
    assert sorted(tmp_path.iterdir()) == [target]  # ...and the text went through another
    assert target.read_text(encoding="utf-8") == "whole\n"


# -- outputs' permissions ------------------------------------------------------------------------------


def test_outputs_get_the_permissions_of_any_new_file(cli, tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        assert cli("clean", SAMPLES / "raw", tmp_path / "out").exit_code == 0
        assert cli("clean", ALL_SAMPLES[0].raw_path, tmp_path / "one.jsonl.gz").exit_code == 0
    finally:
        os.umask(umask)
    for path in [*(tmp_path / "out").iterdir(), tmp_path / "one.jsonl.gz"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path  # not mkstemp's 0o600: others may read


# -- outputs that cannot be written -------------------------------------------------------------------

CANNOT_WRITE = "cannot write: {why}; nothing was written under this name: check the folder's permissions and free space"


def test_an_output_that_cannot_be_created_fails_alone(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "in"
    for s in ALL_SAMPLES:
        write(source / s.name, s.raw)
    out = tmp_path / "out"
    refused = out / ALL_SAMPLES[1].name
    create = io_files._create_temporary

    def read_only(path: Path) -> tuple[int, Path]:
        if path == refused:
            raise PermissionError(13, "Permission denied", f"{out}/.{path.name}.0123abcd.tmp")
        return create(path)

    monkeypatch.setattr(io_files, "_create_temporary", read_only)
    result = cli("clean", source, out, "--jobs", "1")
    assert result.exit_code == 1
    assert f"error: {refused}: {CANNOT_WRITE.format(why='Permission denied')}\n" in result.stderr  # not the temp name
    assert tree(out) == {s.name: s.expected_bytes for s in ALL_SAMPLES if s.name != refused.name}
    assert f"{len(ALL_SAMPLES) - 1} documents cleaned, 1 failed" in result.stderr  # counted once, as a failure


@pytest.mark.slow
def test_a_streamed_output_on_a_full_disk_fails_alone(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "in"
    lines = [json.dumps({"n": n, "text": ALL_SAMPLES[n % len(ALL_SAMPLES)].raw}) + "\n" for n in range(300)]
    write(source / "a.jsonl", "".join(lines))  # over 1 MB: streamed, written batch by batch
    write(source / "b.jsonl", "".join(lines))
    write(source / "c.txt", ALL_SAMPLES[0].raw)
    out = tmp_path / "out"
    full = out / "a.jsonl"
    writes: list[int] = []
    write_batch = io_files.AtomicWriter.write

    class FullDisk:
        """The file under the writer, once the disk is full."""

        def __init__(self, stream: BinaryIO) -> None:
            self.stream = stream

        def write(self, data: bytes) -> int:
            raise OSError(28, "No space left on device")

        def close(self) -> None:
            self.stream.close()

    def filling(self: io_files.AtomicWriter, data: bytes) -> None:
        if self.path == full:
            writes.append(1)
            if len(writes) == 2:
                self._stream = FullDisk(self._stream)  # type: ignore[arg-type, assignment]
        write_batch(self, data)

    monkeypatch.setattr(io_files.AtomicWriter, "write", filling)
    result = cli("clean", source, out, "--jobs", "2")
    assert result.exit_code == 1
    assert f"error: {full}: {CANNOT_WRITE.format(why='No space left on device')}\n" in result.stderr
    assert len(writes) == 2  # nothing more was sent to it
    assert sorted(tree(out)) == ["b.jsonl", "c.txt"]  # no partial a.jsonl, no temporary file
    assert len((out / "b.jsonl").read_bytes().splitlines()) == 300


def test_stdin_into_a_file_that_cannot_be_written_exits_1(cli, tmp_path: Path) -> None:
    blocker = write(tmp_path / "blocker", "a file where a folder should be\n")
    result = cli("clean", "-", blocker / "out.txt", input="The talks ended on Friday without an agreement.\n")
    assert result.exit_code == 1  # a document that failed, not a bug (3)
    assert result.stderr == f"error: {blocker / 'out.txt'}: {CANNOT_WRITE.format(why='File exists')}\n"


# -- inputs are never modified -------------------------------------------------------------------------


def snapshot(root: Path) -> dict[str, tuple[bytes, int, int]]:
    """Each file's bytes, modification time and permissions."""
    return {
        str(path.relative_to(root)): (path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_mode)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_clean_check_and_explain_never_modify_their_inputs(cli, tmp_path: Path) -> None:
    import gzip

    source = tmp_path / "in"
    for s in ALL_SAMPLES:
        write(source / "text" / s.name, s.raw)
    write(source / "page.html", "<html><head><title>T</title></head><body><p>Body text of a page.</p></body></html>")
    write(source / "docs.jsonl", "".join(json.dumps({"text": s.raw}) + "\n" for s in ALL_SAMPLES))
    (source / "docs.jsonl.gz").write_bytes(gzip.compress((source / "docs.jsonl").read_bytes()))
    (source / "latin1.txt").write_bytes("Café society returns to Paris, owners said on Friday.\n".encode("cp1252"))
    old = time.time() - 3600  # an hour ago: a rewrite, even of the same bytes, would show
    for path in source.rglob("*"):
        os.utime(path, (old, old))
    before = snapshot(source)
    inputs = [path for path in sorted(source.rglob("*")) if path.is_file()]

    results = [
        cli("clean", source, tmp_path / "out"),
        cli("clean", source, tmp_path / "out", "--skip-existing", "--jobs", "2"),
        *(cli("clean", path, "-") for path in inputs),
        *(cli("explain", path) for path in inputs if path.suffix in (".txt", ".html")),
        cli("check", *(path for path in inputs if path.suffix == ".txt")),
    ]
    assert [result.exit_code for result in results[:2]] == [0, 0]
    assert results[-1].exit_code == 1  # the raw samples would change
    assert snapshot(source) == before


# -- fix writes atomically ---------------------------------------------------------------------------


def test_fix_replaces_the_file_whole_keeping_its_permissions(cli, tmp_path: Path) -> None:
    s = sample_by_number("004")
    page = write(tmp_path / "page.txt", s.raw)
    page.chmod(0o640)
    twin = tmp_path / "twin.txt"
    os.link(page, twin)  # a second name for the same bytes on disk
    result = cli("fix", page)
    assert result.exit_code == 0, result.stderr
    assert page.read_bytes() == s.expected_bytes
    assert twin.read_text(encoding="utf-8") == s.raw  # a new file took the name: the old bytes were not rewritten
    assert stat.S_IMODE(page.stat().st_mode) == 0o640
    assert sorted(path.name for path in tmp_path.iterdir()) == ["page.txt", "twin.txt"]


@pytest.mark.parametrize(
    ("fault", "code", "message"),
    [
        (OSError(28, "No space left on device"), 1, "error: {page}: cannot write: No space left on device; "
         "nothing was written under this name: check the folder's permissions and free space\n"),
        (KeyboardInterrupt(), 130, INTERRUPTED),
    ],
    ids=["disk full", "Ctrl-C"],
)  # fmt: skip
def test_fix_stopped_at_the_rename_leaves_the_file_as_it_was(
    fault: BaseException, code: int, message: str, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = (sample_by_number(n) for n in ("000", "004"))
    done = write(tmp_path / "a.txt", first.raw)
    page = write(tmp_path / "b.txt", second.raw)
    replace: Callable[..., None] = os.replace

    def failing_replace(source: str, target: str) -> None:
        if Path(target) == page:
            raise fault
        replace(source, target)

    monkeypatch.setattr(io_files.os, "replace", failing_replace)
    result = cli("fix", done, page)
    assert result.exit_code == code
    assert result.stderr.endswith(message.format(page=page))
    assert done.read_bytes() == first.expected_bytes  # fixed before the fault
    assert page.read_text(encoding="utf-8") == second.raw  # untouched
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.txt", "b.txt"]  # no temporary file left
