"""Run configuration: defaults, then boilercut.toml or [tool.boilercut], then flags.

Validated once, at load, into a frozen Config. Unknown keys are errors.
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .registry import DEFAULT_ORDER

CONFIG_FILE = "boilercut.toml"
PYPROJECT = "pyproject.toml"
KEYS = {"stages", "skip", "rules", "title", "site_rules", "generic"}


@dataclass(frozen=True, slots=True)
class Config:
    stages: tuple[str, ...] = DEFAULT_ORDER
    skip: tuple[str, ...] = ()
    rule_dirs: tuple[Path, ...] = ()  # extra rule folders, after the shipped one
    title: bool = True
    site_rules: bool = True
    generic: bool = True  # the generic classifier judges lines no rule decided
    site: str | None = None  # force this site's rules for every document

    @property
    def active_stages(self) -> tuple[str, ...]:
        return tuple(name for name in self.stages if name not in self.skip)

    @property
    def rule_folders(self) -> tuple[Path, ...]:
        return (shipped_rules_dir(), *self.rule_dirs)

    def with_flags(self, **flags: Any) -> Config:
        """This config with every flag that was given (not None) replacing its value."""
        given = {key: value for key, value in flags.items() if value is not None}
        if "rule_dirs" in given:
            given["rule_dirs"] = (*self.rule_dirs, *given["rule_dirs"])
        return dataclasses.replace(self, **given)


def shipped_rules_dir() -> Path:
    """The rules/ folder that ships in the wheel, or the checkout's in a dev install."""
    from importlib.resources import files  # here, not at the top: importing the config stays cheap

    installed = Path(str(files("boilercut"))) / "_rules"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "rules"


def load_config(directory: Path) -> Config:
    """The project configuration found in `directory`, or the defaults."""
    own = directory / CONFIG_FILE
    if own.is_file():
        return _from_table(_read_toml(own), own, "")
    pyproject = directory / PYPROJECT
    if pyproject.is_file():
        table = _read_toml(pyproject).get("tool", {}).get("boilercut")
        if table is not None:
            return _from_table(table, pyproject, "tool.boilercut.")
    return Config()


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the configuration: {error}") from None


def _from_table(table: dict[str, Any], path: Path, prefix: str) -> Config:
    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(key, sorted(KEYS), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (allowed: {', '.join(sorted(KEYS))})"
            raise ConfigError(f"{path}: {prefix}{key}: unknown key{hint}")
    values: dict[str, Any] = {}
    for key in ("stages", "skip", "rules"):
        if key in table:
            items = table[key]
            if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
                raise ConfigError(f"{path}: {prefix}{key}: must be an array of strings")
            values[key] = tuple(items)
    for key in ("title", "site_rules", "generic"):
        if key in table:
            if not isinstance(table[key], bool):
                raise ConfigError(f"{path}: {prefix}{key}: must be true or false")
            values[key] = table[key]
    rule_dirs = tuple(path.parent / folder for folder in values.pop("rules", ()))
    return Config(rule_dirs=rule_dirs, **values)
