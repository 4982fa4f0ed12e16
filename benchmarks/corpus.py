#!/usr/bin/env python3
"""Corpus-scale speed benchmark: every figure printed next to its target.

Builds a JSONL corpus from the benchmark's 181 scraped pages, repeated to the
size asked (200 MB by default), and runs the installed `boilercut` on it:

- throughput of one process, end to end (reading, all default stages, writing);
- `--jobs 2` against one job;
- peak memory (RSS): the largest process, and the whole process tree of the
  `--jobs 2` run sampled from /proc;
- start-up: `echo text | boilercut clean - -`;
- 1,000 site rule files: loading time (from the second run on) and the
  per-document cost with them present.

    python benchmarks/corpus.py                 # about five minutes on two cores
    python benchmarks/corpus.py --size-mb 50    # quicker, same figures but memory
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = Path(__file__).resolve().parents[2] / "shared" / "bench" / "scrapinghub" / "cases.jsonl"
TARGETS = {
    "throughput, one process (MB/s)": (14.0, ">="),
    "--jobs 2 speed-up over one job": (1.8, ">="),
    "peak RSS, one process (MB)": (150.0, "<="),
    "start-up, echo | clean - - (s)": (0.2, "<="),
    "loading 1,000 site files (ms)": (50.0, "<="),
    "per-document cost with 1,000 site files (ratio)": (1.05, "<="),
}


def build_corpus(path: Path, size_mb: float) -> float:
    cases = [json.loads(line) for line in CASES.open(encoding="utf-8")]
    written = 0
    with path.open("w", encoding="utf-8") as out:
        number = 0
        while written < size_mb * 1e6:
            case = cases[number % len(cases)]
            line = json.dumps({"id": f"{number}", "text": case["text"]}, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode())
            number += 1
    return written / 1e6


def run_clean(boilercut: str, source: Path, target: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds, and the peak RSS (MB) of the whole process tree sampled every 50 ms."""
    started = time.perf_counter()
    process = subprocess.Popen([boilercut, "clean", str(source), str(target), "--jobs", str(jobs)],
                               stderr=subprocess.DEVNULL)  # fmt: skip
    peak = _sample_tree_rss(process)
    process.wait()
    return time.perf_counter() - started, peak


def _sample_tree_rss(process: subprocess.Popen[bytes]) -> float:
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, sum(_rss_mb(pid) for pid in _tree(process.pid)))
        time.sleep(0.05)
    return peak


def _tree(root: int) -> list[int]:
    pids, children = [root], {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    for pid in pids:
        pids.extend(children.get(pid, []))
    return pids


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def startup(boilercut: str, runs: int = 10) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([boilercut, "clean", "-", "-"], input=b"Some scraped text.\n", capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def many_site_files(folder: Path, count: int = 1000) -> None:
    folder.mkdir()
    for n in range(count):
        (folder / f"site{n:04d}.example.toml").write_text(
            f'[site]\ndomains = ["site{n:04d}.example"]\nfingerprints = ["Welcome to Site {n:04d} News"]\n'
            f'min_fingerprints = 1\n\n[[rules]]\nid = "S{n:04d}001"\nstage = "strip_boilerplate"\n'
            f'action = "drop"\ndescription = "site {n} menu"\npattern = \'^Site {n:04d} (?:Home|Menu)$\'\n'
            f'examples = [{{ drop = "Site {n:04d} Home" }}]\n',
            encoding="utf-8",
        )


def rule_file_figures(folder: Path) -> tuple[float, float]:
    """Loading milliseconds (second run) and the per-document cost ratio with the files present."""
    code = f"""
import json, time
from pathlib import Path
from boilercut.config import Config
from boilercut.pipeline import Pipeline, Source
texts = [json.loads(line)["text"] for line in open({str(CASES)!r}, encoding="utf-8")]
Pipeline(Config(rule_dirs=(Path({str(folder)!r}),)))  # the first run parses and caches
started = time.perf_counter()
with_files = Pipeline(Config(rule_dirs=(Path({str(folder)!r}),)))
loading = time.perf_counter() - started
plain = Pipeline(Config())
def cost(pipeline):
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for text in texts:
            pipeline.clean(Source(text))
        best = min(best, time.perf_counter() - started)
    return best
print(loading * 1000, cost(with_files) / cost(plain))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loading, ratio = map(float, result.stdout.split())
    return loading, ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=200.0)
    # The command on PATH, else the one installed beside this Python (a venv not activated).
    beside = Path(sys.executable).with_name("boilercut")
    parser.add_argument("--boilercut", default=shutil.which("boilercut") or str(beside))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="boilercut-bench-") as work:
        folder = Path(work)
        corpus = folder / "corpus.jsonl"
        size = build_corpus(corpus, args.size_mb)
        print(f"corpus: {size:.0f} MB of JSONL, the 181 benchmark pages repeated; {os.cpu_count()} cores")
        one, _ = run_clean(args.boilercut, corpus, folder / "one.jsonl", 1)
        peak_one = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        two, peak_tree = run_clean(args.boilercut, corpus, folder / "two.jsonl", 2)
        identical = (folder / "one.jsonl").read_bytes() == (folder / "two.jsonl").read_bytes()
        many_site_files(folder / "rules")
        loading, ratio = rule_file_figures(folder / "rules")
        figures = {
            "throughput, one process (MB/s)": size / one,
            "--jobs 2 speed-up over one job": one / two,
            "peak RSS, one process (MB)": peak_one,
            "start-up, echo | clean - - (s)": startup(args.boilercut),
            "loading 1,000 site files (ms)": loading,
            "per-document cost with 1,000 site files (ratio)": ratio,
        }
    for name, value in figures.items():
        target, sense = TARGETS[name]
        met = value >= target if sense == ">=" else value <= target
        print(f"{name:<50} {value:>8.2f}   target {sense} {target:<6} {'met' if met else 'NOT MET'}")
    # A sum of RSS counts the pages the workers share (stoplists, code) once per process.
    print(f"{'--jobs 2 process tree, peak sum of RSS (MB)':<50} {peak_tree:>8.1f}   (shared pages counted twice)")
    print(f"{'--jobs 2 output identical to --jobs 1':<50} {'yes' if identical else 'NO'}")
    print(f"{'wall time, --jobs 1 / --jobs 2 (s)':<50} {one:>8.1f} / {two:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
