"""What the four stripping stages share: their rules from rule files, then the
generic classifier's verdicts of their own kind (for lines no rule decided)."""

from __future__ import annotations

from typing import ClassVar

from ..classifier import labels_for
from ..document import Document
from ..generic import EXTRACTOR_DECIDED_RULES, RULES, Kind
from ..rules.actions import apply_rules
from ..stage import StageContext


class RuleStage:
    """A stage whose decisions come from rule files and from the generic classifier."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    accepts_rules: ClassVar[bool] = True
    kind: ClassVar[Kind]  # the classifier's verdicts this stage acts on

    def __init_subclass__(cls) -> None:
        cls.builtin_rules = {rule: text for rule, (kind, text) in RULES.items() if kind is cls.kind}

    builtin_rules: ClassVar[dict[str, str]] = {}

    def apply(self, doc: Document, context: StageContext) -> None:
        apply_rules(doc, self.name, context.rules, context.literals)
        if not context.generic:
            return
        for index, label in enumerate(labels_for(doc)):
            if label.kind is self.kind and not (context.extracted and label.rule in EXTRACTOR_DECIDED_RULES):
                doc.drop(index, self.name, label.rule, label.reason)
