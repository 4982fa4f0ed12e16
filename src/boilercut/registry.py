"""The stages boilercut knows: the built-in ones and those installed as plugins.

Plugins join through the `boilercut.stages` entry-point group: the entry point's
name is the stage name and it loads a class (or factory) that makes a Stage.
Entry points are read only when a stage outside the built-in set is asked for.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from importlib.metadata import entry_points

from .errors import UsageError
from .stage import Stage
from .stages.ads import StripAds
from .stages.boilerplate import StripBoilerplate
from .stages.captions import StripCaptions
from .stages.comments import StripComments
from .stages.dedupe import Dedupe
from .stages.encoding import FixEncoding
from .stages.reflow import Reflow

ENTRY_POINT_GROUP = "boilercut.stages"

BUILTIN_STAGES: dict[str, Callable[[], Stage]] = {
    "dedupe": Dedupe,
    "fix_encoding": FixEncoding,
    "reflow": Reflow,
    "strip_ads": StripAds,
    "strip_boilerplate": StripBoilerplate,
    "strip_captions": StripCaptions,
    "strip_comments": StripComments,
}

DEFAULT_ORDER: tuple[str, ...] = (
    "fix_encoding",
    "strip_boilerplate",
    "strip_comments",
    "strip_captions",
    "strip_ads",
    "dedupe",
    "reflow",
)


def available_stages() -> dict[str, Callable[[], Stage]]:
    """Built-in stages, then plugins (a plugin cannot replace a built-in name)."""
    found: dict[str, Callable[[], Stage]] = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        found[entry.name] = _loader(entry.name, entry.load)
    return {**found, **BUILTIN_STAGES}


def build_stages(names: Iterable[str]) -> list[Stage]:
    """Instances of the named stages, in the order given."""
    names = list(names)
    known: dict[str, Callable[[], Stage]] = dict(BUILTIN_STAGES)
    if any(name not in known for name in names):
        known = available_stages()
    stages = []
    for name in names:
        if name not in known:
            raise UsageError(f"unknown stage {name!r}{_hint(name, known)}")
        stages.append(known[name]())
    return stages


def rule_stage_names() -> list[str]:
    """Names of the stages that take rules from rule files."""
    return [name for name, make in available_stages().items() if make().accepts_rules]


def _loader(name: str, load: Callable[[], object]) -> Callable[[], Stage]:
    def make() -> Stage:
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
