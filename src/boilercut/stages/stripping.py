"""What the four stripping stages share: apply their rules from the rule files."""

from __future__ import annotations

from typing import ClassVar

from ..document import Document
from ..rules.actions import apply_rules
from ..stage import StageContext


class RuleStage:
    """A stage whose decisions come from rule files (defaults and site rules)."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    accepts_rules: ClassVar[bool] = True
    builtin_rules: ClassVar[dict[str, str]] = {}

    def apply(self, doc: Document, context: StageContext) -> None:
        apply_rules(doc, self.name, context.rules)
