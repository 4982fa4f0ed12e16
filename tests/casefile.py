"""Reading the per-stage golden cases in tests/cases/*.cases (format: tests/cases/README.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CASES_DIR = Path(__file__).parent / "cases"
ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
EXPECT_LINE = re.compile(r"^(keep|title|drop (\S+)) \|(?: (.*))?$")
HEADER_KEYS = ("stages", "site", "generic")


@dataclass(frozen=True)
class Expected:
    verdict: str  # "keep", "title" or "drop"
    rule: str | None  # the rule id, for drops
    text: str

    def show(self) -> str:
        head = f"drop {self.rule}" if self.verdict == "drop" else self.verdict
        return f"{head} | {self.text}"


@dataclass(frozen=True)
class Case:
    file: str  # the stage the file is named after
    name: str
    line: int  # where the case starts, for messages
    stages: tuple[str, ...]
    site: str | None  # None: resolve as a run would; "none": site rules off; else --site
    generic: bool  # the generic classifier's verdicts apply (off unless the case says on)
    text: str
    expect: tuple[Expected, ...]

    @property
    def id(self) -> str:
        return f"{self.file}: {self.name}"


class CaseFileError(Exception):
    pass


def unescape(text: str) -> str:
    return ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)


def load_all() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(CASES_DIR.glob("*.cases")):
        cases.extend(parse(path))
    return cases


def parse(path: Path) -> list[Case]:
    stage = path.stem
    chunks: list[tuple[int, str, list[str]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("=== "):
            chunks.append((number, line[4:].strip(), []))
        elif chunks:
            chunks[-1][2].append(line)
        elif line.strip() and not line.startswith("#"):
            raise CaseFileError(f"{path}:{number}: text before the first '=== name' header")
    cases = [_case(path, stage, number, name, body) for number, name, body in chunks]
    names = [case.name for case in cases]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise CaseFileError(f"{path}: case names used twice: {sorted(duplicates)}")
    return cases


def _case(path: Path, stage: str, number: int, name: str, body: list[str]) -> Case:
    where = f"{path}:{number} ({name})"
    headers: dict[str, str] = {}
    section = "header"
    inputs: list[str] = []
    expects: list[Expected] = []
    for line in body:
        if line in ("--- input", "--- expect"):
            section = line[4:]
            continue
        if section == "input":
            inputs.append(unescape(line))
        elif not line.strip() or line.startswith("#"):
            continue
        elif section == "header":
            key, sep, value = line.partition(":")
            if not sep or key.strip() not in HEADER_KEYS:
                raise CaseFileError(f"{where}: bad header line {line!r}; known: {', '.join(HEADER_KEYS)}")
            headers[key.strip()] = value.strip()
        else:
            match = EXPECT_LINE.match(line)
            if not match:
                raise CaseFileError(f"{where}: bad expect line {line!r}; write 'keep | text' or 'drop ID | text'")
            verdict = match.group(1).split()[0]
            expects.append(Expected(verdict, match.group(2), unescape(match.group(3) or "")))
    while inputs and not inputs[-1].strip():
        inputs.pop()  # the blank lines that separate cases
    if not inputs or not expects:
        raise CaseFileError(f"{where}: needs a '--- input' and a '--- expect' section")
    stages = tuple(s.strip() for s in headers.get("stages", stage).split(",") if s.strip())
    if stage not in stages:
        raise CaseFileError(f"{where}: stages must include {stage!r}, the stage this file is for")
    generic = headers.get("generic", "off")
    if generic not in ("on", "off"):
        raise CaseFileError(f"{where}: generic: takes on or off, not {generic!r}")
    non_empty = [line for line in inputs if line.strip()]
    if len(non_empty) != len(expects):
        raise CaseFileError(f"{where}: {len(non_empty)} non-empty input lines but {len(expects)} expect lines")
    text = "\n".join(inputs) + "\n"
    return Case(stage, name, number, stages, headers.get("site"), generic == "on", text, tuple(expects))
