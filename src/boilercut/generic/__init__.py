"""Generic line classifier for scraped news text: which lines are the article, and why not the rest.

``analyse(lines)`` returns one ``Label`` (kind, rule id, reason) per line; see ``rules.RULES``.
"""

from __future__ import annotations

from .analyse import analyse
from .labels import Kind, Label
from .rules import EXTRACTOR_DECIDED_RULES, RULES

__all__ = ["EXTRACTOR_DECIDED_RULES", "RULES", "Kind", "Label", "analyse"]
