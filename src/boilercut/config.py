"""Run configuration: defaults, then boilercut.toml or [tool.boilercut], then flags.

Validated once, at load, into a frozen Config. Unknown keys are errors.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .registry import DEFAULT_ORDER

CONFIG_FILE = "boilercut.toml"
PYPROJECT = "pyproject.toml"
KEYS = {"stages", "skip", "rules", "title", "site_rules", "generic", "model"}


@dataclass(frozen=True, slots=True)
class Config:
    stages: tuple[str, ...] = DEFAULT_ORDER
    skip: tuple[str, ...] = ()
    rule_dirs: tuple[Path, ...] = ()  # extra rule folders, after the shipped one
    title: bool = True
    site_rules: bool = True
    generic: bool = True  # the generic classifier judges lines no rule decided
    site: str | None = None  # force this site's rules for every document
    model: Path | None = None  # a model file from `boilercut train` (None: the shipped model)

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


def config_with(base: Config, options: Mapping[str, Any], where: str) -> Config:
    """`base` with the given fields replaced: any field of Config, checked and converted by its type.

    Lists become tuples, strings become Paths where the field holds paths; an
    unknown name or a value of the wrong kind is a ConfigError naming `where`.
    """
    if not options:
        return base
    hints = typing.get_type_hints(Config)
    for name in options:
        if name not in hints:
            close = difflib.get_close_matches(name, sorted(hints), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (options: {', '.join(sorted(hints))})"
            raise ConfigError(f"{where}: {name}: unknown option{hint}")
    values = {name: _converted(value, hints[name], f"{where}: {name}") for name, value in options.items()}
    return dataclasses.replace(base, **values)


def _converted(value: Any, hint: Any, where: str) -> Any:
    """A value as a field of type `hint` holds it, or a ConfigError saying what was expected."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None and type(None) in args:
            return None
        return _converted(value, next(arg for arg in args if arg is not type(None)), where)
    if origin is tuple:
        if isinstance(value, str | bytes | os.PathLike) or not isinstance(value, Iterable):
            raise ConfigError(f"{where}: must be a list, not {type(value).__name__}")
        return tuple(_converted(item, args[0], where) for item in value)
    if hint is Path and isinstance(value, str | os.PathLike):
        return Path(value)
    if isinstance(value, hint) and (hint is not int or not isinstance(value, bool)):
        return value
    raise ConfigError(f"{where}: must be {getattr(hint, '__name__', hint)}, not {type(value).__name__}")


def shipped_rules_dir() -> Path:
    """The rules/ folder that ships in the wheel, or the checkout's in a dev install.

    Found beside this file, as the model and the vocabulary files are: importing
    importlib.resources cost about 5 ms of a one-line run's start-up.
    """
    installed = Path(__file__).parent / "_rules"
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
    if "model" in table:
        if not isinstance(table["model"], str):
            raise ConfigError(f"{path}: {prefix}model: must be a path (a string)")
        values["model"] = path.parent / table["model"]
    rule_dirs = tuple(path.parent / folder for folder in values.pop("rules", ()))
    return Config(rule_dirs=rule_dirs, **values)
