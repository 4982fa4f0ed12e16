"""Vocabulary compiled once into sets and regexes, and the look-ups that use them."""

from __future__ import annotations

import re
from collections.abc import Iterable

import ahocorasick

from . import vocabulary
from .lines import WORD, normalise

V = vocabulary.load().merged


def keys(entries: Iterable[str]) -> frozenset[str]:
    """Normalised look-up keys of entries."""
    return frozenset(filter(None, map(normalise, entries)))


# A trie of characters; the key "" marks the end of a phrase.
Trie = dict[str, "Trie"]


def alternation(entries: Iterable[str]) -> str:
    """A regex alternation of literal phrases, factored as a trie (much faster than a flat list).

    Longer phrases are tried before their prefixes, so the longest phrase matches.
    """
    trie: Trie = {}
    for entry in set(entries):
        node = trie
        for char in entry:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: Trie) -> str:
    """The regex for one trie node: its branches, and an optional end of phrase."""
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return "(?:" + body + ")?"
    return body


BOILERPLATE_LINES = keys(V.boilerplate_lines)
COMMENT_LINES = keys(V.comment_lines)
RELATED_PREFIXES = keys(V.related_prefixes)
AD_LINES = keys(V.ad_lines)
COMMENT_WIDGETS = keys(V.comment_widget_lines)
META_PREFIXES = keys(V.meta_prefixes)

# Phrases found anywhere in a line: one regex, the kind told by which phrase matched.
_PHRASE_KIND = {p: "boilerplate" for p in V.boilerplate_phrases}
_PHRASE_KIND.update({p: "comment" for p in V.comment_phrases})
_PHRASE_KIND.update({p: "caption" for p in V.caption_phrases})
_PHRASE_KIND.update({p: "promo" for p in V.promo_phrases})


def _phrase_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for phrase in _PHRASE_KIND:
        automaton.add_word(phrase, phrase)
    automaton.make_automaton()
    return automaton


# All phrases found in one Aho-Corasick pass (three times faster than a regex of them).
PHRASES = _phrase_automaton()


def first_phrase(lower: str) -> str | None:
    """The phrase starting leftmost in ``lower``, the longest of those starting there (as a regex
    alternation would find it). Not ``iter_long``: it misses matches (pyahocorasick issues 133, 185)."""
    found = [(end - len(phrase), -len(phrase), phrase) for end, phrase in PHRASES.iter(lower)]
    return min(found)[2] if found else None


# Each phrase's longest word: a line without any of them cannot hold a phrase (a cheap gate).
PHRASE_ANCHORS = frozenset(max(normalise(p).split(), key=len) for p in _PHRASE_KIND if normalise(p))

_CREDIT = alternation(V.credit_words)
_AGENCY = alternation(V.agencies)
# "Photo: X", "Foto © X", "Image by X", "(Image: GETTY)", "© AFP 2021 / X", "Getty Images".
CREDIT = re.compile(
    rf"^[^\w\n]*(?:{_CREDIT})[ \t]*(?:by\b|:|/|©|\|)"
    rf"|\((?:[^()\n]{{0,40}}\b)?(?:{_CREDIT})[ \t]*(?:credit)?[ \t]*(?:by\b|:|/|©)[^()\n]*\)[^\w\n]*$"
    rf"|(?:^|[ \t])(?:photo|image|picture)?[ \t]*credits?[ \t]*:"
    rf"|©|\(c\)|\bcopyright\b",
    re.IGNORECASE | re.MULTILINE,
)
# "3 of 12", "Bild 3 von 12": the counter of a photo gallery opening its caption.
GALLERY_COUNTER = re.compile(
    rf"^(?:(?:{_CREDIT})\s+)?\d{{1,3}}\s+(?:/|{alternation(V.counter_words)})\s+\d{{1,3}}\b", re.IGNORECASE
)
SOCIAL_WORDS = frozenset(V.social_networks)
# Words without which a line holds no credit pattern (the gate before the CREDIT regex).
CREDIT_ANCHORS = frozenset(V.credit_words) | {"c", "copyright", "credit", "credits"}
AGENCY = re.compile(rf"(?<!\w)(?:{_AGENCY})(?!\w)", re.IGNORECASE)
# Each agency's first word: a match starts at a word start, so an ASCII line holds
# it among its letter words (a cheap gate before the AGENCY regex, which tries every
# name at every word start).
AGENCY_FIRST_WORDS = frozenset(WORD.findall(agency)[0] for agency in V.agencies)
COPYRIGHT_NOTICE = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}|[^\n]*\ball rights\b)", re.IGNORECASE)

_TAGS = alternation(V.tag_prefixes)
TAG_LINE = re.compile(rf"^(?:{_TAGS})\s*:|^(?:{_TAGS})$", re.IGNORECASE)  # "Tags: a, b" or "Tags"
# Each tag prefix's first word: an ASCII line the regex matches opens with one (a cheap gate).
TAG_FIRST_WORDS = frozenset(WORD.findall(prefix)[0] for prefix in V.tag_prefixes)

_MONTH = alternation(V.months)
# Dates and times: 2021-08-26, 26.08.2021, 8/26/21, 01:41, "26 August 2021", "Aug. 26".
DATE = (
    rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b|\b\d{{1,2}}:\d{{2}}\b"
    rf"|(?<!\w)(?:{_MONTH})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}(?:er|º)?\.?\s+(?:de\s+)?(?:{_MONTH})(?!\w)"
)
# Relative times and reading times: "3 hours ago", "5 min read", "vor 2 Stunden", "2 ore fa",
# "3 uur geleden", "2 godziny temu".
AGO = (
    r"\b\d+\s*(?:sec|second|min|minute|hour|hr|day|week|month|year|[smhdwy])s?\s+(?:ago|read)\b"
    r"|\bvor\s+\d+\s+(?:sek|min|std|stunde|tag|woche|monat|jahr)\w*"
    r"|\bil y a\s+\d+|\bhace\s+\d+|\bhá\s+\d+|\d+\s+(?:минут|час|дн|недел|месяц|год|лет)\w*\s+назад"
    r"|\b\d+\s+(?:second|minut|or[ae]|giorn|settiman|mes[ei]|ann[io])\w*\s+fa\b"
    r"|\b\d+\s+(?:second|minu|uur|dag|we(?:ek|ken)|maand|ja(?:ar|ren))\w*\s+geleden\b"
    r"|\b\d+\s+(?:sekund|minut|godzin|dni|dzień|tydzień|tygodni|miesi|lat)\w*\s+temu\b"
)
# The words that open the relative times of AGO written before their number.
AGO_LEAD_WORDS = ("vor", "il y a", "hace", "há")
# Every date or time opens with a digit, or at a word start with the first letter
# of a month or of AGO_LEAD_WORDS. Testing that first lets the regex pass over
# other positions without trying each of its branches there (_is_dateline runs
# it on every short line with a digit; this halves its time).
_WHEN_FIRST_LETTERS = re.escape("".join(sorted({word[0] for word in (*V.months, *AGO_LEAD_WORDS)})))
WHEN = re.compile(  # a date, a time or a relative time
    rf"(?:(?=\d)|(?<!\w)(?=[{_WHEN_FIRST_LETTERS}]))(?:{DATE}|{AGO})", re.IGNORECASE
)
DIGIT = re.compile(r"\d")
URL = re.compile(r"^\S*(?:https?://|www\.)\S*$|^\S+@\S+\.\w+$|^\S+\.(?:com|org|net|html?|php)\S*$")


def by_first_word(keys: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Phrases grouped by their first word, for fast prefix look-ups."""
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(key.split(" ", 1)[0], []).append(key)
    return {word: tuple(group) for word, group in groups.items()}


RELATED_BY_FIRST = by_first_word(RELATED_PREFIXES)
META_BY_FIRST = by_first_word(META_PREFIXES)

# For skipping lines that cannot carry a cue: words any token-gated test needs,
# whole-line vocabulary, and first words of the prefix tests.
CUE_ANCHORS = PHRASE_ANCHORS | SOCIAL_WORDS | CREDIT_ANCHORS
WHOLE_LINES = COMMENT_LINES | COMMENT_WIDGETS | AD_LINES | BOILERPLATE_LINES
PREFIX_FIRST_WORDS = frozenset(RELATED_BY_FIRST) | frozenset(META_BY_FIRST)


def prefix_in(norm: str, groups: dict[str, tuple[str, ...]]) -> bool:
    """Whether ``norm`` starts with one of the grouped phrases (as whole words)."""
    candidates = groups.get(norm.split(" ", 1)[0])
    return candidates is not None and any(norm == key or norm.startswith(key + " ") for key in candidates)


def names_agency(lower: str, tokens: list[str]) -> bool:
    """Whether ``lower`` (with letter words ``tokens``) names a photo or news agency.

    Non-ASCII lines always go to the regex: it folds some of their letters (ı, ſ) to ASCII ones.
    """
    if lower.isascii() and AGENCY_FIRST_WORDS.isdisjoint(tokens):
        return False
    return AGENCY.search(lower) is not None


def opens_tag_list(text: str, tokens: list[str]) -> bool:
    """Whether ``text`` (with lower-case letter words ``tokens``) is a tag list: TAG_LINE matches.

    Non-ASCII lines always go to the regex: it folds some of their letters (ı, ſ) to ASCII ones.
    """
    if text.isascii() and (not tokens or tokens[0] not in TAG_FIRST_WORDS):
        return False
    return TAG_LINE.match(text) is not None


def phrase_kind(phrase: str) -> str:
    """The kind ("boilerplate", "comment", "caption", "promo") of a vocabulary phrase."""
    return _PHRASE_KIND[phrase]
