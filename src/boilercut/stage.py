"""The stage contract: a named object that marks lines of a Document as dropped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from .document import Document
from .rules.literals import DocumentLiterals
from .rules.matcher import RuleSet
from .rules.model import SiteSpec

if TYPE_CHECKING:
    from .classify.judge import Judgement


@dataclass(frozen=True, slots=True)
class StageContext:
    """What a stage may know about the document besides its text."""

    rules: RuleSet  # this stage's rules for the document's site (defaults included)
    site: SiteSpec | None
    judgement: Judgement | None = None  # the classifier's labels of the document (None: classifier off)
    html: bool = False  # the text is an HTML page's, rendered
    literals: DocumentLiterals | None = None  # the document's literal scan, shared by rule stages
    templates: frozenset[bytes] = frozenset()  # keys of the template lines of the document's site


@runtime_checkable
class Stage(Protocol):
    """A pipeline step. Pure: the same document and context give the same result.

    `builtin_rules` maps the ids of decisions made in code (not in rule files)
    to one-line descriptions, so `boilercut rules list` can show them too.
    """

    name: ClassVar[str]
    description: ClassVar[str]
    accepts_rules: ClassVar[bool]
    builtin_rules: ClassVar[dict[str, str]]

    def apply(self, doc: Document, context: StageContext) -> None: ...
