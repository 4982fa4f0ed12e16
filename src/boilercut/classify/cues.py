"""The vocabulary cues as features: which furniture word or phrase a line carries, coded."""

from __future__ import annotations

from ..generic.labels import Kind, Label
from ..generic.rules import RULES

# The cue rules, numbered from 1 (0: no cue); the order is fixed, as models store codes.
CUE_RULES: tuple[str, ...] = ("G102", "G103", "G107", "G108", "G109", "G201", "G203", "G301", "G303", "G401", "G403", "G405")
CUE_CODES: dict[str, int] = {rule: code for code, rule in enumerate(CUE_RULES, start=1)}
DATE_CUES = frozenset({"G107"})


def kind_flags(cue: Label | None) -> tuple[bool, bool, bool, bool, bool]:
    """(boilerplate, comment, caption, ad, date) flags of a line's cue."""
    if cue is None:
        return (False, False, False, False, False)
    kind = RULES[cue.rule][0]
    return (
        kind is Kind.BOILERPLATE,
        kind is Kind.COMMENT,
        kind is Kind.CAPTION,
        kind is Kind.AD,
        cue.rule in DATE_CUES,
    )
