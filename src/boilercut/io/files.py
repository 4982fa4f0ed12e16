"""Finding input files under a folder and writing outputs safely (temporary file, rename)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

from .compression import compression_of, reader, writer
from .formats import FileKind, kind_of, output_name

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
INPUT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    relative: Path  # below the input folder; the output mirrors it
    kind: FileKind

    @property
    def output_relative(self) -> Path:
        return Path(output_name(self.relative, self.kind))


def find_inputs(root: Path) -> Iterator[InputFile]:
    """Every file of a format boilercut reads under root, in a stable (sorted) order."""
    for folder, subfolders, names in os.walk(root):
        subfolders.sort()
        for name in sorted(names):
            path = Path(folder) / name
            kind = kind_of(path)
            if kind is not None:
                yield InputFile(path, path.relative_to(root), kind)


def open_input(path: Path) -> IO[bytes]:
    """A binary reader of a file's content, decompressed by its extension."""
    raw = path.open("rb")
    try:
        return reader(raw, compression_of(path))
    except BaseException:
        raw.close()
        raise


def read_input(path: Path) -> bytes:
    with open_input(path) as stream:
        return stream.read()


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
    Compressed by the final name's extension.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        self._temporary = Path(temporary)
        try:
            self._stream: IO[bytes] | None = writer(os.fdopen(handle, "wb"), compression_of(path))
        except BaseException:
            self._temporary.unlink(missing_ok=True)
            raise

    def write(self, data: bytes) -> None:
        if self._stream is None:
            raise ValueError(f"{self.path}: written after commit or discard")
        self._stream.write(data)

    def commit(self) -> None:
        """Finish the file and rename it to its final name."""
        if self._stream is None:
            return
        stream, self._stream = self._stream, None
        try:
            stream.close()
            os.replace(self._temporary, self.path)
        except BaseException:
            self._temporary.unlink(missing_ok=True)
            raise

    def discard(self) -> None:
        """Remove the temporary file; nothing appears under the final name."""
        if self._stream is None:
            return
        stream, self._stream = self._stream, None
        try:
            stream.close()
        finally:
            self._temporary.unlink(missing_ok=True)

    def __enter__(self) -> AtomicWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.discard()
