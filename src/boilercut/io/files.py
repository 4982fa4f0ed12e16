"""Finding input files under a folder and writing outputs safely (temporary file, rename)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import signal
import stat
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

from ..errors import DocumentError
from .compression import COMPRESSIONS, compression_of, reader, writer
from .formats import FORMAT_SUFFIXES, FileKind, kind_of, output_name

UNREAD_FOLDER_HINT = "the files in it were not cleaned: check its permissions"
LINKED_FOLDER_NOTE = "a link to a folder, not followed; give its target as IN to clean it"
SPECIAL_FILE_NOTE = "not a regular file (a pipe, socket or device), whose reading may never end: skipped"
HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM}
# The temporary name of output NAME, as _create_temporary draws it.
TEMPORARY_NAME = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{8}\.tmp")


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    relative: Path  # below the input folder; the output mirrors it
    kind: FileKind

    @property
    def output_relative(self) -> Path:
        return Path(output_name(self.relative, self.kind))


@dataclass(frozen=True, slots=True)
class Skipped:
    """What the walk left out: a folder it cannot read or a special file (failures), a link to a folder (a warning)."""

    path: str
    reason: str
    failed: bool

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def find_inputs(
    root: Path, skipped: list[Skipped] | None = None, others: dict[str, int] | None = None
) -> Iterator[InputFile]:
    """Every file of a format boilercut reads under root, in a stable (sorted) order.

    Links to folders are not followed (a loop would never end, and a linked
    folder's files would be cleaned twice); each is added to `skipped`, as is
    every folder that cannot be read and every pipe, socket or device. Files
    of other formats are counted in `others` by extension (hidden ones, named
    ".*", are not).
    """
    notes: list[Skipped] = [] if skipped is None else skipped
    others = {} if others is None else others

    def unreadable(error: OSError) -> None:
        why = error.strerror or str(error)
        notes.append(Skipped(str(error.filename), f"cannot read this folder: {why}; {UNREAD_FOLDER_HINT}", True))

    for folder, subfolders, names in os.walk(root, onerror=unreadable):
        subfolders.sort()
        for name in [name for name in subfolders if os.path.islink(os.path.join(folder, name))]:
            subfolders.remove(name)
            notes.append(Skipped(os.path.join(folder, name), LINKED_FOLDER_NOTE, False))
        for name in sorted(names):
            path = Path(folder) / name
            kind = kind_of(path)
            if kind is None:
                if not name.startswith("."):
                    others[_extension(path)] = others.get(_extension(path), 0) + 1
                continue
            if _special(path):
                notes.append(Skipped(str(path), SPECIAL_FILE_NOTE, True))
                continue
            yield InputFile(path, path.relative_to(root), kind)


def _extension(path: Path) -> str:
    """A file's extension as a note names it: ".pdf", ".json.gz", or "no extension"."""
    suffixes = path.suffixes[-2:] if compression_of(path) else path.suffixes[-1:]
    return "".join(suffixes).lower() or "no extension"


def other_formats(root: Path, others: dict[str, int]) -> Skipped:
    """The note of a folder's files of other formats (counts by extension), with the formats boilercut reads."""
    count = sum(others.values())
    listed = ", ".join(f"{suffix} {n}" for suffix, n in sorted(others.items(), key=lambda item: (-item[1], item[0])))
    return Skipped(
        str(root),
        f"{count} file{'s' * (count != 1)} left out, in no format boilercut reads ({listed}); "
        f"it reads {' '.join(FORMAT_SUFFIXES)} files, each maybe compressed ({' '.join(COMPRESSIONS)})",
        False,
    )


def _special(path: Path) -> bool:
    """A pipe, socket or device (or a link to one): reading it may never end."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False  # a broken link or an unreadable entry: reading it says why


def open_input(path: Path) -> IO[bytes]:
    """A binary reader of a file's content, decompressed by its extension."""
    raw = path.open("rb")
    try:
        return reader(raw, compression_of(path))
    except BaseException:
        raw.close()
        raise


def same_file(one: Path, other: Path) -> bool:
    """True when both names lead to one existing file (however spelled, through links too)."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def is_up_to_date(source: Path, output: Path) -> bool:
    """True when the output exists and was written after its input last changed."""
    try:
        return output.stat().st_mtime_ns > source.stat().st_mtime_ns
    except OSError:
        return False


def write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then rename over the target."""
    with AtomicWriter(path) as out:
        out.write(text.encode("utf-8"))
        out.commit()


class AtomicWriter:
    """An output written under a temporary name in its folder and renamed only on commit.

    A run that stops before `commit` leaves no file under the final name; the
    temporary file is removed by `discard` (or on leaving the `with` block).
    Compressed by the final name's extension. The temporary file stays locked
    until it is renamed or removed (see `remove_stale_temporaries`).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with _signals_held():  # until the finalizer below is set to remove the new file
                handle, self._temporary = _create_temporary(path)
                # Ctrl-C or SIGTERM may also come between this constructor and
                # the `with` block that would discard the file: the finalizer
                # removes it then, when the writer is collected or at exit.
                self._abandon = weakref.finalize(self, _remove_temporary, self._temporary, handle)
        except OSError as error:
            raise cannot_write(path, error) from None
        self._lock = handle  # kept open, and so locked, after the stream is closed: until the rename
        try:
            self._stream: IO[bytes] | None = writer(os.fdopen(os.dup(handle), "wb"), compression_of(path))
        except BaseException:
            self._release(remove=True)
            raise

    def write(self, data: bytes) -> None:
        if self._stream is None:
            raise ValueError(f"{self.path}: written after commit or discard")
        try:
            self._stream.write(data)
        except OSError as error:  # a full disk, a quota: the caller discards
            raise cannot_write(self.path, error) from None

    def commit(self) -> None:
        """Finish the file and rename it to its final name."""
        if self._stream is None:
            return
        stream, self._stream = self._stream, None
        try:
            stream.close()
            _keep_mode(self.path, self._temporary)
            os.replace(self._temporary, self.path)
        except BaseException as error:
            self._release(remove=True)
            if isinstance(error, OSError):
                raise cannot_write(self.path, error) from None
            raise
        self._release(remove=False)

    def discard(self) -> None:
        """Remove the temporary file; nothing appears under the final name."""
        if self._stream is None:
            return
        stream, self._stream = self._stream, None
        try:
            with contextlib.suppress(OSError):  # what is left to flush is thrown away anyway
                stream.close()
        finally:
            self._release(remove=True)

    def _release(self, *, remove: bool) -> None:
        """Unlock the temporary file, removing it first unless it was renamed."""
        if remove:
            self._abandon()
        elif self._abandon.detach():
            os.close(self._lock)

    def __enter__(self) -> AtomicWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.discard()


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold back Ctrl-C and SIGTERM in this block: they are delivered as it ends."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _remove_temporary(temporary: Path, lock: int) -> None:
    """Remove a temporary file that was not renamed, then drop its lock."""
    try:
        temporary.unlink(missing_ok=True)
    finally:
        os.close(lock)


def cannot_write(path: Path, error: OSError) -> DocumentError:
    """An output that cannot be written: that document's failure, named by the output (not its temporary name)."""
    return DocumentError(
        f"{path}: cannot write: {error.strerror or error}; nothing was written under this name: "
        "check the folder's permissions and free space"
    )


def _create_temporary(path: Path) -> tuple[int, Path]:
    """A new hidden file beside `path`, open for writing and locked.

    Created with the mode any new file gets (0o666 less the umask), not
    mkstemp's 0o600: outputs must be readable by whoever could read a file
    written by `>`.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
        handle = -1
        try:
            handle = os.open(temporary, flags, 0o666)
            fcntl.flock(handle, fcntl.LOCK_EX)
            if _named(handle, temporary):
                return handle, temporary
        except FileExistsError:
            continue  # another writer's: draw another name
        except BaseException:  # the lock or the name check failed: the new file is ours to remove
            if handle >= 0:
                os.close(handle)
            temporary.unlink(missing_ok=True)
            raise
        os.close(handle)  # another run removed it as stale before it was locked: draw another name


def remove_stale_temporaries(outputs: Iterable[Path]) -> list[Path]:
    """Remove the temporary files that runs killed with SIGKILL left for these outputs; return them.

    Only a file in an output's folder named as `_create_temporary` names that
    output's temporaries is removed, and only if no process holds its lock.
    Every writer locks its temporary file (flock) from creation until it is
    renamed or removed, and the system drops a lock when the process holding
    it ends, however it ends. So a free lock means the writer is gone, while a
    run writing to the same folder at the same time, however slowly, keeps its
    files; an age limit could not tell a stalled writer from a dead one.
    """
    wanted: dict[Path, set[str]] = {}
    for output in outputs:
        wanted.setdefault(output.parent, set()).add(output.name)
    removed: list[Path] = []
    for folder, names in wanted.items():
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue  # not there yet, or unreadable: writing into it will say why
        for entry in entries:
            match = TEMPORARY_NAME.fullmatch(entry.name)
            ours = match is not None and match["name"] in names and entry.is_file(follow_symlinks=False)
            if ours and _remove_if_abandoned(Path(entry.path)):
                removed.append(Path(entry.path))
    return sorted(removed)


def _remove_if_abandoned(temporary: Path) -> bool:
    """Remove a temporary file if no writer holds its lock; True if removed."""
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_NOFOLLOW)  # nothing is written: locks over NFS need write access
    except OSError:
        return False
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if not _named(handle, temporary):
            return False  # renamed by its writer before the lock was free
        temporary.unlink()
        return True
    except OSError:  # locked by a live writer, or not ours to remove
        return False
    finally:
        os.close(handle)


def _named(handle: int, path: Path) -> bool:
    """True if `path` still names the open file `handle`."""
    try:
        return os.path.samestat(os.fstat(handle), os.stat(path, follow_symlinks=False))
    except OSError:
        return False


def _keep_mode(path: Path, temporary: Path) -> None:
    """Give the new file the permissions of the one it replaces, if any (`fix` must not change them)."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    os.chmod(temporary, mode)
