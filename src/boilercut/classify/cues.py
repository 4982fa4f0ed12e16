"""What the vocabulary alone says about a line: a furniture cue, or None; and cues coded as features."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import patterns as P
from . import thresholds as T
from .cue_rules import CUES, Cue, make
from .labels import Kind
from .lines import Line, normalise

# An ellipsis ends a heading that leads on to a list, not a sentence.
ELLIPSES = ("...", "…")
# Meta words that must be followed by a name to make a byline.
NAME_PREFIXES = frozenset({"by", "von", "par", "por", "di", "door", "автор", "autor"})
BULLET = re.compile(r"^(?:[-•·*▪►–—]|\d{1,2}[.)]\s)")


def cue_all(lines: Sequence[Line], seen: dict[str, Cue | None] | None = None) -> list[Cue | None]:
    """The vocabulary cue of every line; lines that cannot carry one are not looked at.

    ``seen``: cues found by an earlier call for the same document, by text (and updated here).
    """
    seen = {} if seen is None else seen
    cues = [seen[line.text] if line.text in seen else cue(line) if _may_have_cue(line) else None for line in lines]
    seen.update(zip((line.text for line in lines), cues, strict=True))
    return cues


def _may_have_cue(line: Line) -> bool:
    """False only if ``cue`` surely finds nothing: a cheap stand-in for each of its tests in turn."""
    text = line.text
    if not P.CUE_ANCHORS.isdisjoint(line.tokens) or "©" in text or text[:1].isdecimal():
        return True  # phrases, social networks, credits; a gallery counter opens with a digit
    if " " not in text and ("." in text or "/" in text):
        return True  # every URL form holds a dot or a slash
    norm = line.norm
    if norm and (norm in P.WHOLE_LINES or line.tokens[0] in P.PREFIX_FIRST_WORDS):  # norm is the tokens joined
        return True  # whole-line vocabulary, related-articles headings, bylines
    if (norm or line.words <= T.TAG_LINE_MAX_WORDS) and P.opens_tag_list(text, line.tokens):
        return True
    if not norm or line.terminal:
        return False
    if line.words <= T.AGENCY_LINE_MAX_WORDS and P.names_agency(line.lower, line.tokens):
        return True
    return P.DIGIT.search(line.lower) is not None  # dates and times


def cue(line: Line) -> Cue | None:
    """The furniture label the vocabulary gives ``line``, if any.

    Regexes run only on lines holding one of their anchor words (set look-ups are cheap).
    """
    tokens = line.tokens
    phrase = P.first_phrase(line.lower) if not P.PHRASE_ANCHORS.isdisjoint(tokens) else None
    networks = 0 if P.SOCIAL_WORDS.isdisjoint(tokens) else sum(map(P.SOCIAL_WORDS.__contains__, tokens))
    credit = ("©" in line.text or not P.CREDIT_ANCHORS.isdisjoint(tokens)) and P.CREDIT.search(line.text)
    text = line.text
    kind = P.phrase_kind(phrase) if phrase else None
    if kind == "boilerplate":
        return make("G103", "cookie, privacy, sign-up or copyright wording")
    if kind == "comment":
        return make("G201", "comment-form wording")
    if kind == "caption":
        return make("G303", "image widget wording")
    if kind == "promo" and line.words <= T.PROMO_MAX_WORDS:
        return make("G405", "promotion, donation call or follow-us line")
    if networks >= T.SOCIAL_MIN_NAMES and line.words <= T.PROMO_MAX_WORDS:
        return make("G102", "share or follow bar (names social networks)")
    if P.GALLERY_COUNTER.match(text):
        return make("G303", 'photo gallery caption ("3 of 12")')
    if " " not in text and P.URL.match(text):
        return make("G108", "URL or e-mail address")
    if credit and line.words <= T.CREDIT_MAX_WORDS:
        if P.COPYRIGHT_NOTICE.search(text):
            return make("G103", "copyright notice")
        return make("G301", "photo credit")
    if line.norm:
        return _short_cue(line, line.lower)
    if line.words <= T.TAG_LINE_MAX_WORDS and P.opens_tag_list(text, line.tokens):
        return make("G109", "tag list")
    return None


def _short_cue(line: Line, lower: str) -> Cue | None:
    """Cues that only short lines can carry: whole-line vocabulary, credits, dates, links."""
    norm = line.norm
    if norm in P.COMMENT_LINES:
        return make("G201", f"comment-section heading ({norm!r})")
    if norm in P.COMMENT_WIDGETS:
        return make("G203", f"comment widget ({norm!r})")
    if norm in P.AD_LINES:
        return make("G403", f"advertisement label ({norm!r})")
    if line.words <= T.RELATED_HEADING_MAX_WORDS and _unended(line) and P.prefix_in(norm, P.RELATED_BY_FIRST):
        return make("G401", "related-articles heading")
    if norm in P.BOILERPLATE_LINES or not norm:
        return make("G102", "navigation or share word" if norm else "no letters")
    if P.opens_tag_list(line.text, line.tokens):
        return make("G109", "tag list")
    if line.terminal:
        return None
    if line.words <= T.AGENCY_LINE_MAX_WORDS and P.names_agency(lower, line.tokens):
        return make("G301", "agency credit")
    if line.words <= T.META_MAX_WORDS and P.DIGIT.search(lower) and _is_dateline(lower):
        return make("G107", "date or time")
    if line.words <= T.META_MAX_WORDS and _is_byline(line.text, norm):
        return make("G107", "byline or dateline")
    return None


def _unended(line: Line) -> bool:
    """Not ending a sentence: no full stop, or an ellipsis ("You may also like…" heads a list)."""
    return not line.terminal or line.text.rstrip().endswith(ELLIPSES)


def _is_byline(text: str, norm: str) -> bool:
    """A "By Jane Doe" / "Updated ..." line: a meta word, then (for "by" words) a name."""
    if not P.prefix_in(norm, P.META_BY_FIRST) or BULLET.match(text):
        return False
    first, _, rest = text.partition(" ")
    return normalise(first) not in NAME_PREFIXES or rest[:1].isupper()


def _is_dateline(lower: str) -> bool:
    """A line that is mostly a date or time ("Nov 19, 2019 at 9:41 am"), not a dated list item."""
    rest, found = P.WHEN.subn(" ", lower)
    return found > 0 and len(rest.split()) <= T.DATELINE_REST_MAX_WORDS


# The cues numbered from 1 (0: no cue), as models store them: the order is fixed.
CUE_RULES: tuple[str, ...] = tuple(CUES)
CUE_CODES: dict[str, int] = {rule: code for code, rule in enumerate(CUE_RULES, start=1)}
DATE_CUES = frozenset({"G107"})


def kind_flags(cue: Cue | None) -> tuple[bool, bool, bool, bool, bool]:
    """(boilerplate, comment, caption, ad, date) flags of a line's cue."""
    if cue is None:
        return (False, False, False, False, False)
    kind = cue.kind
    return (
        kind is Kind.BOILERPLATE,
        kind is Kind.COMMENT,
        kind is Kind.CAPTION,
        kind is Kind.AD,
        cue.rule in DATE_CUES,
    )
