"""What the tests share: the sample pairs, a real-process runner, file writing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SAMPLE_NAMES = sorted(path.name for path in (SAMPLES / "raw").glob("*.txt"))
# The site each sample comes from, by its number; 002 has no site file.
SAMPLE_SITES = {
    "000": "express.co.uk",
    "001": "southfront.org",
    "002": None,
    "003": "sputniknews.com",
    "004": "world-today-news.com",
}
# Wide enough that rich never wraps a message: the CLI tests compare whole lines.
# (That messages are not wrapped in a narrow pipe is tested on its own.)
WIDE = {"COLUMNS": "1000"}


@dataclass(frozen=True)
class Sample:
    name: str
    raw_path: Path
    expected_path: Path

    @property
    def number(self) -> str:
        return self.name[:3]

    @property
    def site(self) -> str | None:
        return SAMPLE_SITES[self.number]

    @property
    def raw(self) -> str:
        return self.raw_path.read_text(encoding="utf-8")

    @property
    def expected(self) -> str:
        return self.expected_path.read_text(encoding="utf-8")

    @property
    def expected_bytes(self) -> bytes:
        return self.expected_path.read_bytes()


def sample(name: str) -> Sample:
    return Sample(name, SAMPLES / "raw" / name, SAMPLES / "expected" / name)


def sample_by_number(number: str) -> Sample:
    return sample(next(name for name in SAMPLE_NAMES if name.startswith(number)))


ALL_SAMPLES = [sample(name) for name in SAMPLE_NAMES]
SITE_SAMPLES = [s for s in ALL_SAMPLES if s.site is not None]


def run_module(
    *args: str | Path, input: bytes | None = None, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """`python -m boilercut ARGS` in a real process, with real pipes."""
    environment = {**os.environ, **WIDE} if env is None else env
    return subprocess.run(
        [sys.executable, "-m", "boilercut", *map(str, args)],
        input=input if input is not None else b"",
        capture_output=True,
        cwd=cwd,
        env=environment,
        timeout=120,
        check=False,
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# The public benchmark beside the project (../shared/bench), as CI lays it out too.
BENCH = ROOT.parent / "shared" / "bench" / "scrapinghub" / "cases.jsonl"
BENCH_HTML = BENCH.parent / "html"


def bench_cases() -> list[dict[str, str]]:
    return [json.loads(line) for line in BENCH.read_text(encoding="utf-8").splitlines()]
