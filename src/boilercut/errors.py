"""Named exit codes and the errors that map to them at the one CLI boundary."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0
    FINDINGS = 1  # check found changes, or some document failed
    USAGE = 2  # bad arguments, configuration or rule files
    BUG = 3  # an unexpected error: a bug in boilercut


class BoilercutError(Exception):
    """An expected error: its message says where, what and what next."""

    exit_code = ExitCode.USAGE


class UsageError(BoilercutError):
    """Bad command-line arguments or configuration."""


class ConfigError(BoilercutError):
    """A bad [tool.boilercut] table or boilercut.toml."""


class RuleFileError(BoilercutError):
    """A rule file that cannot be used: bad TOML, unknown key, bad regex..."""

    def __init__(
        self,
        path: str,
        message: str,
        *,
        line: int | None = None,
        key_path: str | None = None,
        rule_id: str | None = None,
    ) -> None:
        where = path if line is None else f"{path}:{line}"
        parts = [where]
        if rule_id:
            parts.append(f"rule {rule_id}")
        if key_path:
            parts.append(key_path)
        super().__init__(": ".join(parts) + ": " + message)
        self.path = path
        self.line = line
        self.key_path = key_path
        self.rule_id = rule_id


class VocabularyError(ConfigError):
    """A vocabulary data file that cannot be used: bad TOML, unknown table, bad entry..."""


class DocumentError(BoilercutError):
    """One document could not be read or cleaned; the run goes on."""

    exit_code = ExitCode.FINDINGS
