"""Per-site rule files: loading, compiling, site resolution and actions."""

from .book import RuleBook
from .model import Action, Rule, RuleFile, SiteSpec
from .sites import SiteResolver

__all__ = ["Action", "Rule", "RuleBook", "RuleFile", "SiteResolver", "SiteSpec"]
