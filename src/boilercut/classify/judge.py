"""The classifier applied to a Document: labels computed when a stage first asks, and settling.

Stages read the labels from their context (`StageContext.judgement`). The model
judges every non-empty line once, after encoding repair; each stripping stage
drops the lines of its own kind. Settling then judges the kept lines again, as
a second run over the output would see them, until nothing changes: so that
cleaning twice equals cleaning once.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from ..document import Document
from .classifier import classify, weighed
from .labels import Kind, Labels, Verdict
from .memo import Memo
from .model import Model
from .view import View

# Rounds of settling before giving up; each round only drops lines, so it ends
# anyway, and the cap only bounds the cost. A listing page of the bench needed 15
# (with 10, a second cleaning still dropped lines from its output); news pages need 1.
MAX_SETTLE_ROUNDS = 30


class Judgement:
    """The labels of one document's blocks, computed on first use."""

    def __init__(
        self,
        doc: Document,
        model: Model,
        stage_kinds: Mapping[str, Kind],
        *,
        explain: bool = False,
        extraction: str | None = None,
    ) -> None:
        self._doc = doc
        self._extraction = extraction  # an HTML extractor's main text of the page, if any
        self._extracted: dict[int, float] = {}  # block index -> its ``extracted`` feature, as first judged
        self._model = model
        self._stage_kinds = stage_kinds
        self._explain = explain
        self._labels: dict[int, Verdict] | None = None
        self._title: int | None = None
        self._memo = Memo()  # what each round measured of the lines, for the next

    def verdicts(self) -> Mapping[int, Verdict]:
        """Block index -> verdict, for every block still kept when first asked (after the rules)."""
        if self._labels is None:
            view, indexes = View.of(self._doc, self._stage_kinds, self._extraction)
            if self._extraction is not None:  # kept for settling; plain text has none to keep
                self._extracted = dict(zip(indexes, view.extracted.tolist(), strict=True))
            self._labels, self._title = judge(view, indexes, self._model, self._explain, self._memo)
        return self._labels

    def title(self) -> int | None:
        """The block taken for the headline, if it is still kept."""
        self.verdicts()
        if self._title is not None and self._doc.blocks[self._title].kept:
            return self._title
        return None

    def judge_again(self, stage_for: Mapping[Kind, str], skip: Collection[str] = ()) -> bool:
        """One round of settling: the kept lines judged as the rendered output shows them
        (one blank line between paragraphs; each with what an extractor kept of it, as first
        judged). `stage_for` maps each kind to the stage that drops it (kinds of stages that
        did not run are left alone). True if a line was dropped."""
        doc = self._doc
        kept = [index for index in doc.kept() if doc.blocks[index].text]
        extracted = None if self._extraction is None else [self._extracted.get(i, 0.0) for i in kept]
        view = View.plain([doc.blocks[i].text for i in kept], extracted=extracted)
        verdicts, title = judge(view, kept, self._model, self._explain, self._memo)
        changed = False
        for index, verdict in verdicts.items():
            stage = stage_for.get(verdict.kind)
            # The headline stays unless, seen as the output shows it, it is no headline and
            # the model drops it: as a second run over the output would.
            headline = index == doc.title and title == index
            if stage is not None and verdict.rule not in skip and not headline:
                why = f"{verdict.reason} (judged again without the dropped lines)"
                changed |= doc.drop(index, stage, verdict.rule, why)
        # The headline is the one the output shows, as a second run would find it: the
        # stages after stripping (dedupe drops its repeats) run again when it moved.
        retitled = title is not None and title != self._title and doc.blocks[title].kept
        if retitled:
            self._title = title
        return changed or retitled


def judge(
    view: View, indexes: list[int], model: Model, explain: bool, memo: Memo | None = None
) -> tuple[dict[int, Verdict], int | None]:
    """Verdicts for the blocks at ``indexes``, shown to the classifier as ``view``."""
    labels: Labels = classify(view, model, memo)
    verdicts = dict(zip(indexes, labels.verdicts, strict=True))
    if explain:
        for position, (index, verdict) in enumerate(zip(indexes, labels.verdicts, strict=True)):
            if verdict.dropped:
                pulls = ", ".join(f"{name} {pull:+.2f}" for name, pull in weighed(view, model, position))
                verdicts[index] = Verdict(
                    verdict.kind, verdict.rule, f"{verdict.reason}; weighed most: {pulls}", verdict.probability
                )
    title = indexes[labels.title] if labels.title is not None else None
    return verdicts, title
