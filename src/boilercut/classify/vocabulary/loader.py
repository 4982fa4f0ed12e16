"""Read the vocabulary data files once, check every entry, and merge them by concept.

A bad file is reported with its name, the line, the table and the entry, and what to write instead.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from types import MappingProxyType

from ...cache import cached
from ...errors import VocabularyError
from .model import COMMON, LANGUAGES, TABLES, Vocabulary, Words, merge

SHIPPED = Path(__file__).parent


@functools.cache
def load(folder: Path = SHIPPED) -> Vocabulary:
    """The vocabulary of every ``*.toml`` file in ``folder`` (the shipped one by default), read
    once a run, and parsed again only when a file changed (see `boilercut.cache`)."""
    try:
        paths = sorted(path for path in folder.iterdir() if path.suffix == ".toml")  # glob would import fnmatch
    except OSError as error:
        raise VocabularyError(f"{folder}: cannot read the vocabulary folder: {error.strerror}") from None
    if not paths:
        raise VocabularyError(f"{folder}: no vocabulary files (*.toml); expected common.toml and files like en.toml")
    by_file = cached("vocabulary", paths, repr(TABLES), lambda: {path.stem: _FileReader(path).read() for path in paths})
    return Vocabulary(merge(by_file.values()), MappingProxyType(by_file))


class _FileReader:
    """Checks one data file, knowing its text to point at lines."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.where = f"{path.parent.name}/{path.name}" if path.parent.name else path.name
        self.lines: list[str] = []

    def read(self) -> Words:
        import tomllib  # here: a run whose files come from the cache never reads TOML

        if self.path.stem != COMMON and self.path.stem not in LANGUAGES:
            raise self._error(
                f"unknown language file: name it {COMMON}.toml or after a language code "
                f"({', '.join(sorted(LANGUAGES))}); a new language also needs its code in LANGUAGES "
                "(boilercut/classify/vocabulary/model.py)"
            )
        try:
            text = self.path.read_text(encoding="utf-8")
            data = tomllib.loads(text)
        except (OSError, UnicodeDecodeError) as error:
            raise self._error(f"cannot read the vocabulary file: {error}") from None
        except tomllib.TOMLDecodeError as error:
            found = re.search(r"at line (\d+)", str(error))
            raise self._error(f"invalid TOML: {error}", line=int(found.group(1)) if found else None) from None
        self.lines = text.splitlines()
        return Words(**{table: self._table(table, entries) for table, entries in data.items()})

    def _table(self, table: str, entries: object) -> frozenset[str]:
        if table not in TABLES:
            import difflib  # only for this error: start-up stays light

            close = difflib.get_close_matches(table, TABLES, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (tables: {', '.join(TABLES)})"
            raise self._error(f"unknown table{hint}", table)
        if not isinstance(entries, list):
            raise self._error(f'must be an array of strings, like {table} = ["..."]', table)
        first_at: dict[str, int] = {}
        for index, entry in enumerate(entries):
            if not isinstance(entry, str) or entry != entry.strip().lower() or not entry or entry in first_at:
                raise self._bad_entry(table, index, entry, first_at)
            first_at[entry] = index
        return frozenset(first_at)

    def _bad_entry(self, table: str, index: int, entry: object, first_at: dict[str, int]) -> VocabularyError:
        """The error for an entry that fails a check of ``_table``."""
        import json  # only for this error: start-up stays light

        key = f"{table}[{index}]"
        if not isinstance(entry, str):
            return self._error(f"{entry!r}: entries must be strings", table, key)
        quoted = json.dumps(entry, ensure_ascii=False)  # as TOML writes it
        if not entry.strip():
            return self._error(f"{quoted}: entries must not be empty", table, key, quoted)
        if entry in first_at:
            message = f"{quoted}: listed twice in this table (first at [{first_at[entry]}]); remove one"
            return self._error(message, table, key, quoted, skip=1)
        fixed = json.dumps(entry.strip().lower(), ensure_ascii=False)
        return self._error(f"{quoted}: entries must be stripped lower-case text; write {fixed}", table, key, quoted)

    def _error(
        self, message: str, table: str | None = None, key: str | None = None,
        literal: str | None = None, *, skip: int = 0, line: int | None = None,
    ) -> VocabularyError:  # fmt: skip
        """``message`` prefixed with the file, the line (of ``literal`` in ``table``, if given) and the key."""
        if line is None and table is not None:
            line = self._line(table, literal, skip)
        where = self.where if line is None else f"{self.where}:{line}"
        parts = [where, key or table, message] if table else [where, message]
        return VocabularyError(": ".join(parts))

    def _line(self, table: str, literal: str | None, skip: int) -> int | None:
        """The line of ``table``, or of its entry written as ``literal`` (the one after ``skip`` others)."""
        start = next((n for n, text in enumerate(self.lines, 1) if _opens(text, table)), None)
        if start is None or literal is None:
            return start
        for number in range(start, len(self.lines) + 1):
            text = self.lines[number - 1]
            if number > start and _opens(text, None):
                break
            if literal in text:
                if not skip:
                    return number
                skip -= 1
        return start


def _opens(text: str, table: str | None) -> bool:
    """Whether the line ``text`` opens ``table`` (any table, if None): ``name = ...`` or ``[name]``."""
    name = r"[\w\"'.-]+" if table is None else re.escape(table)
    return re.match(rf"\s*(?:{name}\s*=|\[+\s*{name}\s*\])", text) is not None
