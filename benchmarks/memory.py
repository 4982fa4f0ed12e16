#!/usr/bin/env python3
"""Peak memory of one `boilercut clean` process on very large documents, beside the target.

    python benchmarks/memory.py

Builds, in a temporary folder, a 30 MB JSONL record (a book-length page of
many lines) and a 50 MB text of one single line, and a 100 KB document of each
kind; cleans each in a child process (`--jobs 1`) and reads its peak resident
memory. The target (issue 11): peak memory at most 10 times the largest
document plus a constant; the constant is taken as the peak of cleaning the
small document of the same kind (interpreter, libraries, model, stoplists).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

PROSE = (
    "The council voted on Tuesday to approve a new budget that raises funding for the city's public libraries "
    "by a tenth over two years, after months of debate about opening hours and books."
)
FURNITURE = ("Share this article", "Read more", "Advertisement", "Sign up for our newsletter")
TARGET_TIMES = 10

MEASURE = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def many_lines(size: int) -> str:
    """A page of numbered paragraphs with a furniture line every fifth line."""
    lines: list[str] = []
    total = number = 0
    while total < size:
        line = FURNITURE[number // 5 % len(FURNITURE)] if number % 5 == 4 else f"{PROSE} Paragraph {number}."
        lines.append(line)
        total += len(line) + 2
        number += 1
    return "\n\n".join(lines)


def one_line(size: int) -> str:
    return " ".join([PROSE] * (size // (len(PROSE) + 1)))


def peak_kb(source: Path, target: Path) -> int:
    """The peak resident memory (KB) of `boilercut clean source target` in a child process."""
    command = [sys.executable, "-m", "boilercut", "clean", str(source), str(target), "--jobs", "1"]
    found = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True)
    return int(found.stdout.strip())


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        cases = {
            "JSONL record, 30 MB of lines": ("big.jsonl", json.dumps({"text": many_lines(30_000_000)}) + "\n"),
            "text, one line of 50 MB": ("line.txt", one_line(50_000_000) + "\n"),
        }
        smalls = {
            "big.jsonl": ("small.jsonl", json.dumps({"text": many_lines(100_000)}) + "\n"),
            "line.txt": ("small.txt", one_line(100_000) + "\n"),
        }
        print(f"{'document':32} {'size':>8} {'peak':>9} {'constant':>9} {'above it':>9}  target")
        for label, (name, data) in cases.items():
            small_name, small_data = smalls[name]
            (root / name).write_text(data, encoding="utf-8")
            (root / small_name).write_text(small_data, encoding="utf-8")
            size = (root / name).stat().st_size / 1e6
            constant = peak_kb(root / small_name, root / f"out-{small_name}") / 1e3
            peak = peak_kb(root / name, root / f"out-{name}") / 1e3
            above = (peak - constant) / size
            verdict = "met" if above <= TARGET_TIMES else "NOT met"
            print(
                f"{label:32} {size:6.1f}MB {peak:7.0f}MB {constant:7.0f}MB {above:8.1f}x  "
                f"<= {TARGET_TIMES}x the document + constant: {verdict}"
            )


if __name__ == "__main__":
    main()
