"""strip_comments: comment threads and their widgets, moderation rules."""

from __future__ import annotations

from ..generic import Kind
from .stripping import RuleStage


class StripComments(RuleStage):
    name = "strip_comments"
    description = "comment threads and their widgets, moderation rules"
    kind = Kind.COMMENT
