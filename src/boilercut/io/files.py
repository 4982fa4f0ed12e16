"""Finding input files under a folder and writing outputs safely (temporary file, rename)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
INPUT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    relative: Path  # below the input folder; the output mirrors it

    @property
    def output_relative(self) -> Path:
        return self.relative.with_suffix(".txt")


def find_inputs(root: Path) -> Iterator[InputFile]:
    """Every .txt/.html file under root, in a stable (sorted) order."""
    for folder, subfolders, names in os.walk(root):
        subfolders.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if path.suffix.lower() in INPUT_SUFFIXES:
                yield InputFile(path, path.relative_to(root))


def write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
