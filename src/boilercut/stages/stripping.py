"""What the four stripping stages share: their rules from rule files, then the
classifier's verdicts of their own kind (for lines no rule decided)."""

from __future__ import annotations

from typing import ClassVar

from ..classify.labels import RULES, Kind
from ..document import Document
from ..rules.actions import apply_rules
from ..stage import StageContext


class RuleStage:
    """A stage whose decisions come from rule files and from the classifier."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    accepts_rules: ClassVar[bool] = True
    kind: ClassVar[Kind]  # the classifier's verdicts this stage acts on

    own_rules: ClassVar[dict[str, str]] = {}  # ids of decisions the stage itself makes in code

    def __init_subclass__(cls) -> None:
        model = {rule: text for rule, (kind, text) in RULES.items() if kind is cls.kind}
        cls.builtin_rules = {**cls.own_rules, **model}

    builtin_rules: ClassVar[dict[str, str]] = {}

    def apply_rules(self, doc: Document, context: StageContext) -> None:
        """The stage's rules from rule files. The pipeline runs every stage's rules before
        any stage's verdicts, so that the classifier judges the lines the rules left."""
        apply_rules(doc, self.name, context.rules, context.literals)

    def apply(self, doc: Document, context: StageContext) -> None:
        """The classifier's verdicts of the stage's kind (after every stage's rules)."""
        if context.judgement is None:
            return
        for index, verdict in context.judgement.verdicts().items():
            if verdict.kind is self.kind:
                doc.drop(index, self.name, verdict.rule, verdict.reason)
