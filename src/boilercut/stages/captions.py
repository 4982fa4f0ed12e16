"""strip_captions: image captions and photo credits."""

from __future__ import annotations

from ..generic import Kind
from .stripping import RuleStage


class StripCaptions(RuleStage):
    name = "strip_captions"
    description = "image captions and photo credits"
    kind = Kind.CAPTION
