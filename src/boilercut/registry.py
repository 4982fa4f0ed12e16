"""The stages boilercut knows: one table of the built-in ones, and plugins found through entry points.

A stage's name is its key in `STAGES`, its switch in the configuration
(`stages = [...]`, `skip = [...]`, `--stages`, `--skip`), and its label in
explanations and statistics. The table names each stage's class by import
path, so reading it imports no stage: a stage's module (and the classifier
behind the stripping stages) is imported when a pipeline builds the stage.

Plugins join through the `boilercut.stages` entry-point group: the entry point's
name is the stage name and it loads a class (or factory) that makes a Stage.
Entry points are read only when a stage outside the built-in set is asked for.
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import UsageError

if TYPE_CHECKING:
    from .stage import Stage

ENTRY_POINT_GROUP = "boilercut.stages"


@dataclass(frozen=True, slots=True)
class StageEntry:
    """One built-in stage: where it runs by default, what it does, where its class lives."""

    place: int | None  # its position in the default order (1 first); None: runs only when named
    takes_rules: bool  # rule files may name it as a rule's stage
    description: str
    target: str  # "module:Class", the module relative to boilercut.stages

    def load(self) -> Callable[[], Stage]:
        module, _, name = self.target.partition(":")
        factory: Callable[[], Stage] = getattr(importlib.import_module(f"boilercut.stages.{module}"), name)
        return factory


STAGES: dict[str, StageEntry] = {
    "dedupe": StageEntry(
        place=6,
        takes_rules=False,
        description="the headline repeated on the page, captions repeated around a credit",
        target="dedupe:Dedupe",
    ),
    "fix_encoding": StageEntry(
        place=1,
        takes_rules=False,
        description="repair mojibake (ftfy), HTML entities, Unicode NFC, stray control and zero-width characters, "
        "spacing",
        target="encoding:FixEncoding",
    ),
    "reflow": StageEntry(
        place=7,
        takes_rules=False,
        description="join paragraphs the scraper split at inline links",
        target="reflow:Reflow",
    ),
    "strip_ads": StageEntry(
        place=5,
        takes_rules=True,
        description="ads, promos, donation widgets, related-article lists",
        target="ads:StripAds",
    ),
    "strip_boilerplate": StageEntry(
        place=2,
        takes_rules=True,
        description="navigation, breadcrumbs, date/login/search bars, newsletter sign-ups, "
        "cookie and privacy notices, share bars, tags, template lines",
        target="boilerplate:StripBoilerplate",
    ),
    "strip_captions": StageEntry(
        place=4,
        takes_rules=True,
        description="image captions and photo credits",
        target="captions:StripCaptions",
    ),
    "strip_comments": StageEntry(
        place=3,
        takes_rules=True,
        description="comment threads and their widgets, moderation rules",
        target="comments:StripComments",
    ),
}

# The stages that run when the configuration does not say, in their places.
DEFAULT_ORDER: tuple[str, ...] = tuple(
    name for _, name in sorted((entry.place, name) for name, entry in STAGES.items() if entry.place is not None)
)


def describe(name: str) -> str:
    """A built-in stage's description, for its class to show: written once, in the table."""
    return STAGES[name].description


def build_stages(names: Iterable[str]) -> list[Stage]:
    """Instances of the named stages, in the order given; entry points are read only for a name not built in."""
    names = list(names)
    plugins: dict[str, Callable[[], Stage]] = {}
    if any(name not in STAGES for name in names):
        plugins = plugin_stages()
    stages = []
    for name in names:
        if name in STAGES:
            stages.append(STAGES[name].load()())
        elif name in plugins:
            stages.append(plugins[name]())
        else:
            raise UsageError(f"unknown stage {name!r}{_hint(name, [*plugins, *STAGES])}")
    return stages


def plugin_stages() -> dict[str, Callable[[], Stage]]:
    """The stages installed through entry points (a plugin cannot replace a built-in name)."""
    from importlib.metadata import entry_points

    found = {entry.name: _loader(entry.name, entry.load) for entry in entry_points(group=ENTRY_POINT_GROUP)}
    return {name: make for name, make in found.items() if name not in STAGES}


def available_stages() -> dict[str, Callable[[], Stage]]:
    """Every stage: built-in ones, then plugins (this reads the entry points)."""
    return {**plugin_stages(), **{name: entry.load() for name, entry in STAGES.items()}}


@dataclass(frozen=True, slots=True)
class StageInfo:
    """A stage as `boilercut stages` lists it."""

    name: str
    runs: bool
    takes_rules: bool
    description: str


def stage_listing(running: Iterable[str]) -> list[StageInfo]:
    """The stages that run, in their order, then every other one available (this reads the entry points)."""
    running = list(running)
    plugins = plugin_stages()

    def info(name: str, runs: bool) -> StageInfo:
        if name in STAGES:
            entry = STAGES[name]
            return StageInfo(name, runs, entry.takes_rules, entry.description)
        stage = plugins[name]()
        return StageInfo(name, runs, stage.accepts_rules, stage.description)

    others = sorted(name for name in {*STAGES, *plugins} if name not in running)
    return [info(name, True) for name in running] + [info(name, False) for name in others]


class RuleStages:
    """The stages rule files may name: the built-in rule stages and those of the stages that run.

    Asked about any other name, it reads the entry points once: a rule file may
    name a plugin stage that this run does not use.
    """

    def __init__(self, running: Iterable[Stage]) -> None:
        builtin = [name for name, entry in STAGES.items() if entry.takes_rules]
        self._names = sorted({*builtin, *(stage.name for stage in running if stage.accepts_rules)})
        self._plugins: list[str] | None = None

    def __contains__(self, name: object) -> bool:
        if name in self._names:
            return True
        if self._plugins is None:
            self._plugins = [name for name, make in plugin_stages().items() if make().accepts_rules]
        return name in self._plugins

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def _loader(name: str, load: Callable[[], object]) -> Callable[[], Stage]:
    def make() -> Stage:
        from .stage import Stage

        try:
            factory = load()
            stage = factory() if callable(factory) else factory
        except Exception as error:  # a broken plugin is the user's to fix, not a bug here
            raise UsageError(f"stage plugin {name!r} ({ENTRY_POINT_GROUP}) failed to load: {error}") from error
        if not isinstance(stage, Stage):
            raise UsageError(f"stage plugin {name!r} does not provide name, description and apply(doc, context)")
        return stage

    return make


def _hint(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    choices = ", ".join(sorted(known))
    return f"; did you mean {close[0]!r}? (available stages: {choices})" if close else f" (available stages: {choices})"
