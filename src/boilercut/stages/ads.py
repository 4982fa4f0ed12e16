"""strip_ads: ads, promos, donation widgets, related-article lists."""

from __future__ import annotations

from ..classify.labels import Kind
from ..registry import describe
from .stripping import RuleStage


class StripAds(RuleStage):
    name = "strip_ads"
    description = describe("strip_ads")
    kind = Kind.AD
