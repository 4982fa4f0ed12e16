"""The catalogue of rule ids: every non-body label names one, like a linter code."""

from __future__ import annotations

import functools

from .labels import Kind, Label

RULES: dict[str, tuple[Kind, str]] = {
    "G001": (Kind.TITLE, "the headline: headline-like line echoing the page title, just before the text"),
    "G101": (Kind.BOILERPLATE, "short line among boilerplate (no body paragraph on both sides)"),
    "G102": (Kind.BOILERPLATE, "navigation, account, share or footer word making up the whole line"),
    "G103": (Kind.BOILERPLATE, "cookie, privacy, sign-up or copyright phrase"),
    "G104": (Kind.BOILERPLATE, "page chrome before the headline"),
    "G105": (Kind.BOILERPLATE, "prose outside the article's main run of text"),
    "G106": (Kind.BOILERPLATE, "repeated copy of the headline"),
    "G107": (Kind.BOILERPLATE, "date, time or byline line"),
    "G108": (Kind.BOILERPLATE, "URL or e-mail address"),
    "G109": (Kind.BOILERPLATE, "tag or topic list"),
    "G111": (Kind.BOILERPLATE, "repeated copy of article text"),
    "G201": (Kind.COMMENT, "comment-section heading or comment-form text"),
    "G202": (Kind.COMMENT, "inside the comment section (after its heading, below the article)"),
    "G203": (Kind.COMMENT, "comment widget word (reply, sort order, report)"),
    "G301": (Kind.CAPTION, "photo credit or agency name"),
    "G302": (Kind.CAPTION, "caption beside a photo credit"),
    "G303": (Kind.CAPTION, "image widget text (click to enlarge, gallery)"),
    "G401": (Kind.AD, "heading of a related-articles or recommendations list"),
    "G402": (Kind.AD, "link title under a related-articles heading"),
    "G403": (Kind.AD, "advertisement, sponsor or donation label"),
    "G404": (Kind.AD, "run of headline-like links between paragraphs"),
    "G405": (Kind.AD, "promotion, donation call or follow-us line"),
}


# Verdicts an HTML extractor has already made when it cut a page down to its
# main text: where a line stands in the whole page (outside the main run, above
# the headline, in a run of links), and bare URLs (link bars are gone; a URL
# the extractor kept is the article's). On extracted text they do not apply.
EXTRACTOR_DECIDED_RULES = frozenset({"G101", "G104", "G105", "G108", "G202", "G302", "G404"})


# Labels are immutable and most reasons recur (a word count, a vocabulary entry),
# so each is built once: analyse labels every line of a page.
@functools.lru_cache(maxsize=4096)
def make(rule: str, reason: str) -> Label:
    """A label for ``rule`` (its kind taken from the catalogue) with a specific reason."""
    return Label(RULES[rule][0], rule, reason)
