"""strip_captions: image captions and photo credits."""

from __future__ import annotations

from ..classify.labels import Kind
from ..registry import describe
from .stripping import RuleStage


class StripCaptions(RuleStage):
    name = "strip_captions"
    description = describe("strip_captions")
    kind = Kind.CAPTION
