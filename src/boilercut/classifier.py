"""The generic classifier's labels for one Document: computed once, shared by the stages."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from .document import Document
from .generic import Kind, Label, Seen, analyse

ANALYSIS_KEY = "generic"
SEEN_KEY = "generic-seen"


def labels_for(doc: Document) -> list[Label]:
    labels = cached_labels(doc)
    if labels is None:
        blocks = doc.blocks
        labels = analyse([block.text for block in blocks], [block.blank_before for block in blocks], seen_in(doc))
        doc.analysis[ANALYSIS_KEY] = labels
    return labels


def seen_in(doc: Document) -> Seen:
    """The lines the classifier has measured in this document, for its next analysis to reuse."""
    seen: Seen = doc.analysis.setdefault(SEEN_KEY, Seen())
    return seen


def cached_labels(doc: Document) -> list[Label] | None:
    """The labels if a stage has asked for them already (None when the classifier is off)."""
    labels: list[Label] | None = doc.analysis.get(ANALYSIS_KEY)
    return labels


def classifier_title(doc: Document) -> int | None:
    """The block the classifier took for the headline, if it is still kept."""
    labels = labels_for(doc)
    for index, label in enumerate(labels):
        if label.kind is Kind.TITLE and doc.blocks[index].kept:
            return index
    return None


# Rounds of settling before giving up; each round only drops lines, and one or
# two rounds settle every page of the benchmark.
MAX_SETTLE_ROUNDS = 4


def judge_again(doc: Document, stage_for: Mapping[Kind, str], skip: Collection[str] = ()) -> bool:
    """One round of settling: the kept lines judged again without the dropped ones.

    The classifier weighs a line by its neighbours; a second run over the
    output sees only the kept lines. Rounds of this until nothing changes make
    that second run find nothing more to drop, so cleaning twice equals
    cleaning once. `stage_for` maps each kind to the stage that drops it (kinds
    of stages that did not run are left alone); rules in `skip` are not
    applied. True if a line was dropped.
    """
    kept = doc.kept()
    blanks = [0] + [1] * (len(kept) - 1)  # as the rendered output has them
    labels = analyse([doc.blocks[index].text for index in kept], blanks, seen_in(doc))
    changed = False
    for index, label in zip(kept, labels, strict=True):
        stage = stage_for.get(label.kind)
        if stage is not None and label.rule not in skip:
            changed |= doc.drop(index, stage, label.rule, f"{label.reason} (judged again without the dropped lines)")
    return changed
