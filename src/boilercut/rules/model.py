"""Rules as validated, frozen values: what a rule file means once loaded."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


def _rebuild_from_fields(self: Any) -> tuple[Any, tuple[Any, ...]]:
    """Pickle a frozen, slotted value as its constructor call: loading a thousand
    cached rule files this way is several times faster than the default state copy."""
    return type(self), tuple(getattr(self, name) for name in self.__slots__)


class Action(enum.Enum):
    """What a rule does to the lines its pattern finds."""

    DROP = "drop"  # the matching line
    DROP_WITH_PREVIOUS = "drop_with_previous"  # it and the line before (a caption and its credit)
    DROP_WITH_NEXT = "drop_with_next"  # it and the line after
    DROP_WITH_FOLLOWING = "drop_with_following"  # it and the lines after it that match `while`
    DROP_BETWEEN = "drop_between"  # a block from the marker to the next line matching `end`
    DROP_FROM = "drop_from"  # everything from the marker to the end
    DROP_BEFORE = "drop_before"  # everything before the marker


class Input(enum.Enum):
    """What a document's text came from: a scraper's plain text, or an HTML extractor."""

    TEXT = "text"
    HTML = "html"


class Verdict(enum.Enum):
    KEEP = "keep"
    DROP = "drop"


@dataclass(frozen=True, slots=True)
class Example:
    """Input lines and the verdict the rule must give each (checked by `rules test`)."""

    __reduce__ = _rebuild_from_fields

    lines: tuple[str, ...]
    expect: tuple[Verdict, ...]


@dataclass(frozen=True, slots=True)
class Rule:
    __reduce__ = _rebuild_from_fields

    id: str
    stage: str
    action: Action
    pattern: str
    description: str
    source: str  # "path:line" of the rule's table, for messages
    end: str | None = None  # drop_between: the end marker
    while_: str | None = None  # drop_with_following: lines that go on being dropped
    keep_marker: bool = False  # drop_from / drop_before / drop_between keep the marker line
    max_words: int | None = None  # only lines of at most this many words match
    neighbour_max_words: int | None = None  # the neighbour goes only if it is this short
    min_blank_before: int = 0  # only lines set off by at least this many blank lines
    min_lines: int = 1  # only in a document where at least this many lines match (a stamp that repeats)
    inputs: frozenset[Input] = frozenset(Input)  # the kinds of input the rule applies to
    examples: tuple[Example, ...] = ()
    # drop_with_previous / drop_with_next: the neighbour stays if it matches this (last, so that
    # rule files cached before it load)
    neighbour_unless: str | None = None


@dataclass(frozen=True, slots=True)
class SiteSpec:
    """How a site file recognises its site."""

    __reduce__ = _rebuild_from_fields

    name: str
    domains: tuple[str, ...]
    fingerprints: tuple[str, ...] = ()  # literal text found on the site's pages
    min_fingerprints: int = 2  # distinct fingerprints needed to claim bare text
    chrome_above_title: bool = False  # everything above the headline is page chrome


@dataclass(frozen=True, slots=True)
class RuleFile:
    __reduce__ = _rebuild_from_fields

    __reduce__ = _rebuild_from_fields

    path: str
    site: SiteSpec | None  # None for _default.toml
    rules: tuple[Rule, ...]

    @property
    def name(self) -> str:
        return self.site.name if self.site else "_default"
