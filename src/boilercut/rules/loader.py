"""Read and validate one rule file (TOML) into a RuleFile, or say exactly what is wrong.

Errors name the file, the line, the key path and the rule id, and suggest a fix.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any, NoReturn

import regex

from ..errors import RuleFileError
from .model import Action, Example, Input, Rule, RuleFile, SiteSpec, Verdict

RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*[0-9]{3}$")
SITE_KEYS = {"name", "domains", "fingerprints", "min_fingerprints", "chrome_above_title"}
RULE_KEYS = {
    "id", "stage", "action", "pattern", "description", "end", "while", "keep_marker",
    "max_words", "neighbour_max_words", "neighbour_unless", "min_blank_before", "min_lines", "inputs", "examples",
}  # fmt: skip
EXAMPLE_KEYS = {"drop", "keep", "lines", "expect"}
TOP_KEYS = {"site", "rules"}
ACTIONS = {action.value: action for action in Action}
INPUTS = {kind.value: kind for kind in Input}
# Keys about the line beside a match, and the actions that have one.
NEIGHBOUR_KEYS = {
    "neighbour_unless": (Action.DROP_WITH_PREVIOUS, Action.DROP_WITH_NEXT),
    "neighbour_max_words": (Action.DROP_WITH_PREVIOUS, Action.DROP_WITH_NEXT, Action.DROP_WITH_FOLLOWING),
}


def load_rule_file(path: Path, known_stages: Collection[str]) -> RuleFile:
    import tomllib  # here: a run whose files come from the cache never reads TOML

    text = _read(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = _toml_error_line(str(error))
        raise RuleFileError(str(path), f"invalid TOML: {error}", line=line) from None
    return _FileParser(path, text, known_stages).parse(data)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleFileError(str(path), f"cannot read the rule file: {error}") from None


def _toml_error_line(message: str) -> int | None:
    found = re.search(r"at line (\d+)", message)
    return int(found.group(1)) if found else None


class _FileParser:
    """Validates the parsed TOML of one file, knowing its text to point at lines."""

    def __init__(self, path: Path, text: str, known_stages: Collection[str]) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.known_stages = known_stages

    def parse(self, data: dict[str, Any]) -> RuleFile:
        self._check_keys(data, TOP_KEYS, "", None)
        site = None
        if not self.path.name.startswith("_"):
            site = self._site(data.get("site", {}))
        elif "site" in data:
            self._fail("a defaults file has no [site] table; put site rules in a file named after the domain", "site")
        raw_rules = data.get("rules", [])
        if not isinstance(raw_rules, list):
            self._fail("must be an array of tables: write [[rules]]", "rules")
        rules = tuple(self._rule(i, raw) for i, raw in enumerate(raw_rules))
        self._check_unique(rules)
        return RuleFile(str(self.path), site, rules)

    # -- [site] --------------------------------------------------------------
    def _site(self, raw: Any) -> SiteSpec:
        if not isinstance(raw, dict):
            self._fail("must be a table: write [site]", "site")
        self._check_keys(raw, SITE_KEYS, "site", None)
        stem = self.path.name.removesuffix(".toml")
        name = self._typed(raw, "name", str, "site", None, default=stem)
        domains = self._strings(raw, "domains", "site", None, default=[stem])
        fingerprints = self._strings(raw, "fingerprints", "site", None, default=[])
        minimum = self._typed(raw, "min_fingerprints", int, "site", None, default=min(2, len(fingerprints)))
        chrome = self._typed(raw, "chrome_above_title", bool, "site", None, default=False)
        if fingerprints and not 1 <= minimum <= len(fingerprints):
            self._fail(
                f"must be between 1 and the number of fingerprints ({len(fingerprints)})", "site.min_fingerprints"
            )
        return SiteSpec(name, tuple(d.lower() for d in domains), tuple(fingerprints), minimum, chrome)

    # -- [[rules]] -----------------------------------------------------------
    def _rule(self, index: int, raw: Any) -> Rule:
        where = f"rules[{index}]"
        if not isinstance(raw, dict):
            self._fail("must be a table", where)
        rule_id = raw.get("id")
        if rule_id is None:
            self._fail('is required: an id of capitals then three digits, like "BP001"', f"{where}.id", table=index)
        if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
            self._fail(
                f'needs an id of capitals then three digits, like "BP001" (found {rule_id!r})',
                f"{where}.id",
                table=index,
            )
        self._check_keys(raw, RULE_KEYS, where, rule_id, table=index)
        stage = self._required(raw, "stage", str, where, rule_id, index)
        if stage not in self.known_stages:
            hint = _did_you_mean(stage, self.known_stages)
            self._fail(f"unknown stage {stage!r}{hint}", f"{where}.stage", rule_id, index)
        action_name = self._required(raw, "action", str, where, rule_id, index)
        if action_name not in ACTIONS:
            hint = _did_you_mean(action_name, ACTIONS)
            self._fail(f"unknown action {action_name!r}{hint}", f"{where}.action", rule_id, index)
        action = ACTIONS[action_name]
        for key, actions in NEIGHBOUR_KEYS.items():
            if key in raw and action not in actions:
                names = ", ".join(sorted(name for name, known in ACTIONS.items() if known in actions))
                message = f"applies only to the actions {names}, not {action_name!r}"
                self._fail(message, f"{where}.{key}", rule_id, index)
        description = self._required(raw, "description", str, where, rule_id, index)
        pattern = self._pattern(raw, "pattern", where, rule_id, index, required=True)
        end = self._pattern(raw, "end", where, rule_id, index, required=action is Action.DROP_BETWEEN)
        while_ = self._pattern(raw, "while", where, rule_id, index, required=action is Action.DROP_WITH_FOLLOWING)
        return Rule(
            id=rule_id,
            stage=stage,
            action=action,
            pattern=pattern or "",
            description=description,
            source=f"{self.path}:{self._table_line(index)}",
            end=end,
            while_=while_,
            keep_marker=self._typed(raw, "keep_marker", bool, where, rule_id, index, default=False),
            max_words=self._count(raw, "max_words", where, rule_id, index),
            neighbour_max_words=self._count(raw, "neighbour_max_words", where, rule_id, index),
            min_blank_before=self._count(raw, "min_blank_before", where, rule_id, index) or 0,
            min_lines=self._count(raw, "min_lines", where, rule_id, index) or 1,
            inputs=self._inputs(raw, where, rule_id, index),
            examples=self._examples(raw.get("examples", []), where, rule_id, index),
            neighbour_unless=self._pattern(raw, "neighbour_unless", where, rule_id, index, required=False),
        )

    def _pattern(
        self, raw: dict[str, Any], key: str, where: str, rule_id: str, table: int, *, required: bool
    ) -> str | None:
        if key not in raw:
            if required:
                self._fail("is required for this action", f"{where}.{key}", rule_id, table)
            return None
        value: str = self._typed(raw, key, str, where, rule_id, table)
        if not value:
            self._fail(
                "is empty, so it would match every line; write what the rule looks for",
                f"{where}.{key}",
                rule_id,
                table,
            )
        try:
            regex.compile(value)
        except regex.error as error:
            self._fail(f"bad regular expression {value!r}: {error}", f"{where}.{key}", rule_id, table)
        return value

    def _inputs(self, raw: dict[str, Any], where: str, rule_id: str, table: int) -> frozenset[Input]:
        names = self._strings(raw, "inputs", where, rule_id, table, default=list(INPUTS))
        unknown = [name for name in names if name not in INPUTS]
        if unknown or not names:
            found = repr(unknown[0]) if unknown else "an empty list"
            self._fail(f'takes "text" and/or "html", not {found}', f"{where}.inputs", rule_id, table)
        return frozenset(INPUTS[name] for name in names)

    def _examples(self, raw: Any, where: str, rule_id: str, table: int) -> tuple[Example, ...]:
        if not isinstance(raw, list):
            self._fail("must be an array of tables", f"{where}.examples", rule_id, table)
        return tuple(self._example(item, f"{where}.examples[{i}]", rule_id, table) for i, item in enumerate(raw))

    def _example(self, raw: Any, where: str, rule_id: str, table: int) -> Example:
        if not isinstance(raw, dict):
            self._fail('must be a table like { drop = "line" }', where, rule_id, table)
        self._check_keys(raw, EXAMPLE_KEYS, where, rule_id, table=table, key_line="examples")
        given = [verdict.value for verdict in Verdict if verdict.value in raw]
        if len(given) > 1 or (given and {"lines", "expect"} & raw.keys()):
            message = 'is either { drop = "line" }, { keep = "line" } or { lines = [...], expect = [...] }'
            self._fail(message, where, rule_id, table)
        for verdict in Verdict:
            if verdict.value in raw:
                line = self._typed(raw, verdict.value, str, where, rule_id, table)
                return Example((line,), (verdict,))
        lines = self._strings(raw, "lines", where, rule_id, table)
        expect = self._strings(raw, "expect", where, rule_id, table)
        if len([line for line in lines if line.strip()]) != len(expect) or not expect:
            self._fail("needs `expect`: one verdict per non-empty line of `lines`", where, rule_id, table)
        verdicts = {v.value: v for v in Verdict}
        unknown = [e for e in expect if e not in verdicts]
        if unknown:
            self._fail(f'expect takes "keep" or "drop", not {unknown[0]!r}', f"{where}.expect", rule_id, table)
        return Example(tuple(lines), tuple(verdicts[e] for e in expect))

    # -- checks and typed access --------------------------------------------
    def _check_unique(self, rules: tuple[Rule, ...]) -> None:
        seen: set[str] = set()
        for index, rule in enumerate(rules):
            if rule.id in seen:
                self._fail(
                    "this id is used twice in the file; ids must be unique", f"rules[{index}].id", rule.id, index
                )
            seen.add(rule.id)

    def _check_keys(
        self, raw: dict[str, Any], allowed: Collection[str], where: str, rule_id: str | None,
        *, table: int | None = None, key_line: str | None = None,
    ) -> None:  # fmt: skip
        for key in raw:
            if key not in allowed:
                hint = _did_you_mean(key, allowed) or f" (allowed: {', '.join(sorted(allowed))})"
                path = f"{where}.{key}" if where else key
                self._fail(f"unknown key {key!r}{hint}", path, rule_id, table, key_line or key)

    def _required(self, raw: dict[str, Any], key: str, kind: type, where: str, rule_id: str, table: int) -> Any:
        if key not in raw:
            self._fail("is required", f"{where}.{key}", rule_id, table)
        return self._typed(raw, key, kind, where, rule_id, table)

    def _typed(
        self, raw: dict[str, Any], key: str, kind: type, where: str, rule_id: str | None,
        table: int | None = None, *, default: Any = None,
    ) -> Any:  # fmt: skip
        if key not in raw:
            return default
        value = raw[key]
        # bool is an int in Python; a count must not accept `true`.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self._fail(
                f"must be {_a(kind.__name__)}, not {type(value).__name__} {value!r}", f"{where}.{key}", rule_id, table
            )
        return value

    def _strings(
        self, raw: dict[str, Any], key: str, where: str, rule_id: str | None,
        table: int | None = None, *, default: list[str] | None = None,
    ) -> list[str]:  # fmt: skip
        if key not in raw and default is not None:
            return default
        value = raw.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self._fail("must be an array of strings", f"{where}.{key}", rule_id, table)
        strings: list[str] = value
        return strings

    def _count(self, raw: dict[str, Any], key: str, where: str, rule_id: str, table: int) -> int | None:
        value: int | None = self._typed(raw, key, int, where, rule_id, table)
        if value is not None and value < 0:
            self._fail(f"must be zero or more, not {value}", f"{where}.{key}", rule_id, table)
        return value

    def _fail(
        self, message: str, key_path: str, rule_id: str | None = None,
        table: int | None = None, key: str | None = None,
    ) -> NoReturn:  # fmt: skip
        # An example is an inline table: point at the `examples` line it stands on.
        leaf = key or ("examples" if ".examples[" in key_path else key_path.rsplit(".", 1)[-1].split("[")[0])
        line = self._key_line(table, leaf) if table is not None else self._site_line(leaf)
        raise RuleFileError(str(self.path), message, line=line, key_path=key_path, rule_id=rule_id)

    # -- pointing at lines ----------------------------------------------------
    def _table_line(self, table: int) -> int:
        headers = [n for n, line in enumerate(self.lines, 1) if line.split("#", 1)[0].strip() == "[[rules]]"]
        return headers[table] if table < len(headers) else 1

    def _key_line(self, table: int, key: str) -> int:
        start = self._table_line(table)
        key_at = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number in range(start, len(self.lines) + 1):
            text = self.lines[number - 1]
            if number > start and text.strip().startswith("["):
                break
            if key_at.match(text):
                return number
        return start

    def _site_line(self, key: str) -> int | None:
        key_at = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number, text in enumerate(self.lines, 1):
            if key_at.match(text) or text.strip() == f"[{key}]":
                return number
        return None


def _did_you_mean(word: str, choices: Collection[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    if close:
        return f"; did you mean {close[0]!r}?"
    return f" (choose from: {', '.join(sorted(choices))})"


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"
