"""The headline: a headline-shaped line just above the article text, best one echoing the page title.

Scraped text usually opens with the page's <title> ("Headline - Site"), and the
headline itself stands a few lines above the first paragraph, past the bylines
and dates. Candidates near the article's first kept line are scored by their
shape and distance; one echoing the first line wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from . import thresholds as T
from . import vocabulary
from .lines import normalise, opening
from .vocabulary.model import CODES

# "Headline - Site", "Section | Headline | Site": the parts of a <title>-like first line.
TITLE_SEPARATOR = re.compile(r"\s+[-|–—:·»]\s+|\s*\|\s*")
ECHO_MIN_CHARS = 12  # a title echo must be long enough not to match by chance
ECHO_BONUS = 10.0  # echoing the page title outweighs any shape or distance score
# A line inside the title names the headline when it holds most of the title's lead piece
# (the first of "Headline - Site", "Thread - Forum - Site"): a kicker ("Bad Lindenau" of
# "Bad Lindenau: Geburtsstation ... schließt | Kurier"), a forum's or a site's name is a
# piece of the title too, and stands in the menu above the article.
LEAD_MIN_SHARE = 0.5
MIN_WORDS, MAX_WORDS = 2, 30  # one word is a section name; longer lines are paragraphs
GOOD_MIN_WORDS, GOOD_MAX_WORDS = 4, 25  # headlines have 4 to 25 words
WINDOW = 25  # the headline sits within 25 lines above the text
LOOKAHEAD = 6  # ... or among the first lines kept
DISTANCE_COST = 0.1  # each line between headline and text costs a little (bylines, dates)
INSIDE_COST = 1.0  # a headline inside the text is unlikely
MIN_SCORE = 1.0  # without a title echo, only a well-shaped nearby line is the headline
# A headline reworded from the title ("Freiburg gewinnt das Derby gegen Stuttgart" under
# "Bundesliga: Freiburg schlägt Stuttgart im Derby | Sport") keeps most of its words:
# at least NEAR_ECHO_MIN_WORDS of its words of four letters or more (compared by their
# first STEM_CHARS, as `title` compares words, but without a stoplist: none is at hand
# here) and at least half of them are the title's.
NEAR_ECHO_MIN_CHARS = 4
NEAR_ECHO_MIN_WORDS, NEAR_ECHO_MIN_SHARE = 3, 0.5
NEAR_ECHO_BONUS = 5.0  # below an exact echo, above any shape or distance score
# ... and up to this much more, by the share of the title's words it keeps: a caption
# below the headline speaks of the same place, but keeps fewer of the title's words.
NEAR_ECHO_COVER_BONUS = 3.0
SHORT_ECHO_BONUS = 4.0  # a short piece of the title: below a reworded headline


def title_parts(first: str) -> list[str]:
    """Normalised parts of the first line, if it looks like a page title: whole, then pieces."""
    parts = [first, *TITLE_SEPARATOR.split(first)]
    return [p for p in parts if len(p) >= ECHO_MIN_CHARS]


def echoes(norm: str, parts: Sequence[str]) -> bool:
    """Whether a normalised line equals, or contains, a title part (or lies inside the whole title)."""
    if len(norm) < ECHO_MIN_CHARS:
        return False
    return any(norm == p or p in norm for p in parts[1:]) or (bool(parts) and norm in parts[0])


def lead_piece(first: str) -> str:
    """The title's lead piece, normalised: its first piece of `ECHO_MIN_CHARS` or more (a
    section's name before it is shorter), or all of it."""
    for piece in TITLE_SEPARATOR.split(first):
        norm = normalise(piece)
        if len(norm) >= ECHO_MIN_CHARS:
            return norm
    return normalise(first)


def holds_lead(norm: str, lead: str) -> bool:
    """Whether a normalised line holds the title's lead piece, or most of it."""
    return lead in norm or (norm in lead and len(norm) >= LEAD_MIN_SHARE * len(lead))


def stems(norm: str) -> set[str]:
    """The opening letters of the longer words of a normalised line."""
    return {word[: T.STEM_CHARS] for word in norm.split() if len(word) >= NEAR_ECHO_MIN_CHARS}


def near_echo(norm: str, title: set[str]) -> float:
    """The share of the title's words (``title``: its `stems`) a normalised line keeps, if it
    keeps enough of them and is mostly made of them (0 if not)."""
    own = stems(norm)
    shared = len(own & title)
    if shared >= NEAR_ECHO_MIN_WORDS and shared >= NEAR_ECHO_MIN_SHARE * len(own):
        return shared / len(title)
    return 0.0


def connectives(language: str | None) -> frozenset[str]:
    """The words a headline in ``language`` (a stoplist's name) cannot end with: that language's
    list, or every language's when it has none or is not known. Each language's own: English
    "an" and "in" end German headlines ("Bahn kündigt neue Verbindungen an")."""
    words = vocabulary.load()
    own = words.by_file.get(CODES.get(language or "", ""))
    return own.connectives if own is not None and own.connectives else words.merged.connectives


def is_candidate(text: str, words: float, has_cue: bool, ends: frozenset[str]) -> bool:
    """Headline-shaped: a few words, no furniture cue, not ending in a full stop or a connecting
    word (one of ``ends``: see `connectives`)."""
    if has_cue or not MIN_WORDS <= words <= MAX_WORDS or text.endswith((".", ",", ";")):
        return False
    return text.rsplit(None, 1)[-1] not in ends


def find(
    lines: Sequence[str], words: np.ndarray, cues: np.ndarray, keep: np.ndarray, language: str | None = None
) -> int | None:
    """The index of the headline, or None; ``keep`` marks the lines judged article text,
    ``language`` is the page's (a stoplist's name), if known."""
    kept = np.flatnonzero(keep)
    if not len(lines) or not len(kept):
        return None
    ends = connectives(language)
    start = int(kept[0])
    first = normalise(opening(lines[0]))
    parts, title, lead = title_parts(first), stems(first), lead_piece(opening(lines[0]))
    best, best_score, best_echo = None, float("-inf"), False
    for i in range(max(1, start - WINDOW), min(len(lines), start + LOOKAHEAD)):
        if not is_candidate(lines[i], words[i], cues[i] > 0, ends):
            continue
        norm = normalise(lines[i])
        # A reworded line inside the text is a subheading; the text's first line may be the headline.
        near = near_echo(norm, title) if i <= start else 0.0
        echo = _echo_bonus(norm, parts, lead, near)
        score = _shape(lines, words, i) - _distance(i, start) + echo
        if score > best_score:
            best, best_score, best_echo = i, score, echo > 0
    if best is not None and best_echo:
        return best
    if is_candidate(lines[0], words[0], cues[0] > 0, ends):
        return 0
    if best is not None and best_score >= MIN_SCORE:
        return best
    return None


def _echo_bonus(norm: str, parts: Sequence[str], lead: str, near: float) -> float:
    """What echoing the title (``parts``: its `title_parts`; ``lead``: its `lead_piece`) adds
    to a candidate's score: most for its lead piece, less for a reworded headline (``near``:
    its `near_echo`), least for another piece of it."""
    if echoes(norm, parts):
        return ECHO_BONUS if holds_lead(norm, lead) else SHORT_ECHO_BONUS
    return NEAR_ECHO_BONUS + NEAR_ECHO_COVER_BONUS * near if near else 0.0


def _shape(lines: Sequence[str], words: np.ndarray, i: int) -> float:
    """How headline-like line i is: its length, and not being the first piece of a split paragraph."""
    score = 2.0 if GOOD_MIN_WORDS <= words[i] <= GOOD_MAX_WORDS else 0.0
    following = lines[i + 1] if i + 1 < len(lines) else ""
    if following[:1].islower():
        score -= ECHO_BONUS
    return score


def _distance(i: int, start: int) -> float:
    """Penalty for lying far above the text, or inside it."""
    if i < start:
        return (start - 1 - i) * DISTANCE_COST
    return (i - start + 1) * INSIDE_COST


# Without the classifier (``generic = false``): the first headline-shaped line among
# the first few kept lines. Looking further down finds subheadings instead.
FALLBACK_WINDOW = 4
FALLBACK_MAX_WORDS = 25
SENTENCE_END = (".", "。")


def first_headline(texts: Sequence[str]) -> int | None:
    """The position in ``texts`` (the first kept lines) of a headline-shaped line, if any."""
    for position, text in enumerate(texts[:FALLBACK_WINDOW]):
        words = len(text.split(None, FALLBACK_MAX_WORDS))  # no more than one word past the limit
        if MIN_WORDS <= words <= FALLBACK_MAX_WORDS and not text.endswith(SENTENCE_END):
            return position
    return None


def fold(text: str) -> str:
    """A line folded for comparing headlines: case and white space ignored."""
    return " ".join(text.casefold().split())
