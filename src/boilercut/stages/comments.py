"""strip_comments: comment threads and their widgets, moderation rules."""

from __future__ import annotations

from ..classify.labels import Kind
from ..registry import describe
from .stripping import RuleStage


class StripComments(RuleStage):
    name = "strip_comments"
    description = describe("strip_comments")
    kind = Kind.COMMENT
