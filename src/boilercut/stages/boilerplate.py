"""strip_boilerplate: navigation, breadcrumbs, date, login and search bars, sign-ups,
cookie and privacy notices, share bars, tags, and a site's template lines."""

from __future__ import annotations

from typing import ClassVar

from ..classify.labels import Kind
from ..document import Document
from ..registry import describe
from ..stage import StageContext
from ..templates import line_key
from .stripping import RuleStage


class StripBoilerplate(RuleStage):
    name = "strip_boilerplate"
    description = describe("strip_boilerplate")
    kind = Kind.BOILERPLATE
    own_rules: ClassVar[dict[str, str]] = {"TP001": "template text: a line on most pages of the site in this run"}

    def apply_rules(self, doc: Document, context: StageContext) -> None:
        if context.templates:
            for index, block in enumerate(doc.blocks):
                if line_key(block.text) in context.templates:
                    doc.drop(index, self.name, "TP001", "template text: on most pages of this site in this run")
        super().apply_rules(doc, context)
