"""What each rule action drops once its pattern has found a line."""

from __future__ import annotations

from collections.abc import Callable

from ..document import Document
from .literals import DocumentLiterals
from .matcher import CompiledRule, RuleSet, RunawayPattern, at_most_words
from .model import Action


def apply_rules(doc: Document, stage: str, rules: RuleSet, literals: DocumentLiterals | None = None) -> None:
    """Run one stage's rules over a document, marking the lines they drop."""
    if not rules:
        return
    literal_lines, first_lines = literals.indexes() if literals is not None else (None, None)
    for hit in list(rules.scan(doc.blocks, doc.warnings, literal_lines, first_lines)):
        if hit.rule.rule in rules.switched_off:  # its end or while pattern ran past its time-out
            continue
        try:
            ACTIONS[hit.rule.rule.action](doc, hit.index, hit.rule, stage)
        except RunawayPattern as error:  # what the action dropped before it stands
            doc.warnings.append(str(error))
            rules.switched_off.add(error.rule)


def _drop(doc: Document, index: int, compiled: CompiledRule, stage: str, note: str = "") -> None:
    rule = compiled.rule
    doc.drop(index, stage, rule.id, rule.description + note)


def _short_enough(doc: Document, index: int, compiled: CompiledRule) -> bool:
    limit = compiled.rule.neighbour_max_words
    return limit is None or at_most_words(doc.blocks[index].text, limit)


def _neighbour_goes(doc: Document, index: int, compiled: CompiledRule) -> bool:
    """Whether the line beside a match goes with it: short enough, and not what `neighbour_unless` spares."""
    if not _short_enough(doc, index, compiled):
        return False
    unless, block = compiled.neighbour_unless, doc.blocks[index]
    return unless is None or not unless.search(block.text, compiled.rule, block.line)


def drop_line(doc: Document, index: int, compiled: CompiledRule, stage: str) -> None:
    _drop(doc, index, compiled, stage)


def drop_with_previous(doc: Document, index: int, compiled: CompiledRule, stage: str) -> None:
    _drop(doc, index, compiled, stage)
    if index > 0 and _neighbour_goes(doc, index - 1, compiled):
        _drop(doc, index - 1, compiled, stage, f" (the line before line {doc.blocks[index].line})")


def drop_with_next(doc: Document, index: int, compiled: CompiledRule, stage: str) -> None:
    _drop(doc, index, compiled, stage)
    if index + 1 < len(doc.blocks) and _neighbour_goes(doc, index + 1, compiled):
        _drop(doc, index + 1, compiled, stage, f" (the line after line {doc.blocks[index].line})")


def drop_with_following(doc: Document, index: int, compiled: CompiledRule, stage: str) -> None:
    _drop(doc, index, compiled, stage)
    assert compiled.while_ is not None  # the loader requires it for this action
    marker = doc.blocks[index].line
    for after in range(index + 1, len(doc.blocks)):
        block = doc.blocks[after]
        if not (_short_enough(doc, after, compiled) and compiled.while_.search(block.text, compiled.rule, block.line)):
            break
        _drop(doc, after, compiled, stage, f" (listed under line {marker})")


def drop_between(doc: Document, index: int, compiled: CompiledRule, stage: str) -> None:
    assert compiled.end is not None  # the loader requires it for this action
    blocks = doc.blocks
    for last in range(index + 1, len(blocks)):
        if compiled.end.search(blocks[last].text, compiled.rule, blocks[last].line):
            break
    else:
        return  # no end marker: an open block is not dropped, the text may be article
    first = index + 1 if compiled.rule.keep_marker else index
    stop = last if compiled.rule.keep_marker else last + 1
    for inside in range(first, stop):
        _drop(doc, inside, compiled, stage, f" (block from line {blocks[index].line} to {blocks[last].line})")


def drop_from(doc: Document, index: int, compiled: CompiledRule, stage: str) -> None:
    start = index + 1 if compiled.rule.keep_marker else index
    for after in range(start, len(doc.blocks)):
        _drop(doc, after, compiled, stage, f" (everything from line {doc.blocks[index].line})")


def drop_before(doc: Document, index: int, compiled: CompiledRule, stage: str) -> None:
    stop = index if compiled.rule.keep_marker else index + 1
    for before in range(stop):
        _drop(doc, before, compiled, stage, f" (everything up to line {doc.blocks[index].line})")


ACTIONS: dict[Action, Callable[[Document, int, CompiledRule, str], None]] = {
    Action.DROP: drop_line,
    Action.DROP_BEFORE: drop_before,
    Action.DROP_BETWEEN: drop_between,
    Action.DROP_FROM: drop_from,
    Action.DROP_WITH_FOLLOWING: drop_with_following,
    Action.DROP_WITH_NEXT: drop_with_next,
    Action.DROP_WITH_PREVIOUS: drop_with_previous,
}
