"""What the four stripping stages share: their rules from rule files, then the
generic classifier's verdicts of their own kind (for lines no rule decided)."""

from __future__ import annotations

from typing import ClassVar

from ..classifier import labels_for
from ..document import Document
from ..generic import EXTRACTOR_DECIDED_RULES, RULES, Kind
from ..rules.actions import apply_rules
from ..stage import StageContext

# The classifier also spots repeats of the headline; dropping them is the
# dedupe stage's job (DD001), so that skipping dedupe keeps them.
LEFT_TO_DEDUPE = frozenset({"G106"})


class RuleStage:
    """A stage whose decisions come from rule files and from the generic classifier."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    accepts_rules: ClassVar[bool] = True
    kind: ClassVar[Kind]  # the classifier's verdicts this stage acts on

    own_rules: ClassVar[dict[str, str]] = {}  # ids of decisions the stage itself makes in code

    def __init_subclass__(cls) -> None:
        generic = {rule: text for rule, (kind, text) in RULES.items() if kind is cls.kind}
        cls.builtin_rules = {**cls.own_rules, **generic}

    builtin_rules: ClassVar[dict[str, str]] = {}

    def apply(self, doc: Document, context: StageContext) -> None:
        apply_rules(doc, self.name, context.rules, context.literals)
        if not context.generic:
            return
        for index, label in enumerate(labels_for(doc)):
            if label.kind is not self.kind or label.rule in LEFT_TO_DEDUPE:
                continue
            if not (context.extracted and label.rule in EXTRACTOR_DECIDED_RULES):
                doc.drop(index, self.name, label.rule, label.reason)
