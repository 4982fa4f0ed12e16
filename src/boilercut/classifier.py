"""The generic classifier's labels for one Document: computed once, shared by the stages."""

from __future__ import annotations

from .document import Document
from .generic import Kind, Label, analyse

ANALYSIS_KEY = "generic"


def labels_for(doc: Document) -> list[Label]:
    labels = cached_labels(doc)
    if labels is None:
        blocks = doc.blocks
        labels = analyse([block.text for block in blocks], [block.blank_before for block in blocks])
        doc.analysis[ANALYSIS_KEY] = labels
    return labels


def cached_labels(doc: Document) -> list[Label] | None:
    """The labels if a stage has asked for them already (None when the classifier is off)."""
    labels: list[Label] | None = doc.analysis.get(ANALYSIS_KEY)
    return labels


def classifier_title(doc: Document) -> int | None:
    """The block the classifier took for the headline, if it is still kept."""
    labels = cached_labels(doc)
    if labels is None:
        return None
    for index, label in enumerate(labels):
        if label.kind is Kind.TITLE and doc.blocks[index].kept:
            return index
    return None
