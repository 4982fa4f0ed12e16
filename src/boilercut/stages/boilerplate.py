"""strip_boilerplate: navigation, breadcrumbs, date, login and search bars, sign-ups,
cookie and privacy notices, share bars, tags."""

from __future__ import annotations

from ..generic import Kind
from .stripping import RuleStage


class StripBoilerplate(RuleStage):
    name = "strip_boilerplate"
    description = (
        "navigation, breadcrumbs, date/login/search bars, newsletter sign-ups, "
        "cookie and privacy notices, share bars, tags"
    )
    kind = Kind.BOILERPLATE
