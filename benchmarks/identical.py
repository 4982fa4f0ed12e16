#!/usr/bin/env python3
"""Check that a change to the code leaves every output and every drop decision as it was.

    python benchmarks/identical.py record REF.json.gz   # before a change
    python benchmarks/identical.py compare REF.json.gz  # after it: exit 1 on any difference

Cleans the 181 scrapinghub pages (with and without the headline, with and
without their URL, and without the classifier), the samples in samples/raw (and
mojibake copies of them), and the 999 wcxb pages (with the default settings);
their HTML is not used. Records each output and each block's verdict: kept, or
dropped by (stage, rule id, reason). Reasons' wording is reported but does not
fail the comparison.

The compiled core and the pure-Python path must agree on all of it:

    BOILERCUT_PURE_PYTHON=1 python benchmarks/identical.py record pure.json.gz
    python benchmarks/identical.py compare pure.json.gz
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import ftfy  # noqa: F401  (registers the sloppy-windows-1252 codec)

from boilercut.config import Config
from boilercut.pipeline import Pipeline, Source

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT.parent / "shared" / "bench" / "scrapinghub" / "cases.jsonl"
WCXB = ROOT.parent / "shared" / "bench" / "wcxb" / "cases.jsonl.gz"


def sources() -> list[tuple[str, Source]]:
    found: list[tuple[str, Source]] = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        found.append((f"case:{case['id']}", Source(case["text"], url=case["url"])))
        found.append((f"case-nourl:{case['id']}", Source(case["text"])))
    for path in sorted((ROOT / "samples" / "raw").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        found.append((f"sample:{path.name}", Source(raw, name=path.name)))
        damaged = raw.encode("utf-8").decode("sloppy-windows-1252")
        found.append((f"mojibake:{path.name}", Source(damaged, name=path.name)))
    return found


def result(pipeline: Pipeline, source: Source) -> dict[str, object]:
    """One document's output, headline, site, warnings and every block's verdict."""
    doc = pipeline.process(source)
    verdicts = [None if b.drop is None else [b.drop.stage, b.drop.rule, b.drop.reason] for b in doc.blocks]
    return {
        "output": pipeline.clean(source),
        "title": doc.title,
        "site": doc.site,
        "warnings": doc.warnings,
        "verdicts": verdicts,
    }


def results() -> dict[str, dict[str, object]]:
    configs = {"notitle": Config(title=False), "default": Config(), "nogeneric": Config(generic=False)}
    out: dict[str, dict[str, object]] = {}
    for config_name, config in configs.items():
        pipeline = Pipeline(config)
        for name, source in sources():
            out[f"{config_name}/{name}"] = result(pipeline, source)
    default = Pipeline(configs["default"])
    with gzip.open(WCXB, "rt", encoding="utf-8") as cases:
        for line in cases:
            case = json.loads(line)
            out[f"default/wcxb:{case['id']}"] = result(default, Source(case["text"], url=case.get("url")))
    for path in sorted((ROOT / "samples" / "raw").glob("*.txt")):
        expected = (ROOT / "samples" / "expected" / path.name).read_text(encoding="utf-8")
        assert out[f"default/sample:{path.name}"]["output"] == expected, f"{path.name}: not the expected output"
    return out


def compare(before: dict[str, dict[str, object]], after: dict[str, dict[str, object]]) -> int:
    failures = reworded = 0
    for key, old in before.items():
        new = after[key]
        for field in ("output", "title", "site", "warnings"):
            if old[field] != new[field]:
                failures += 1
                print(f"{key}: {field} differs")
        for index, (a, b) in enumerate(zip(old["verdicts"], new["verdicts"], strict=True)):  # type: ignore[call-overload]
            if (a is None) != (b is None) or (a is not None and a[:2] != b[:2]):
                failures += 1
                print(f"{key}: block {index}: {a} -> {b}")
            elif a is not None and a[2] != b[2]:
                reworded += 1
    print(f"{len(before)} documents compared: {failures} differences, {reworded} reasons reworded")
    return 1 if failures else 0


def main() -> int:
    mode, path = sys.argv[1], Path(sys.argv[2])
    now = results()
    if mode == "record":
        path.write_bytes(gzip.compress(json.dumps(now).encode()))
        print(f"recorded {len(now)} documents in {path}")
        return 0
    return compare(json.loads(gzip.decompress(path.read_bytes())), now)


if __name__ == "__main__":
    sys.exit(main())
