"""The classifier's one entry point: labels for the lines of a document.

features (per line, then in context) -> first forest -> its probabilities in
context -> second forest -> keep where the probability passes the page's cut
(`decision`: the model's threshold, or lower on a page the model is unsure of)
-> whether the page holds an article at all (`gate`; if not, every line is dropped)
-> the headline among the lines above the text -> the standfirst under it (`standfirst`)
-> for each dropped line, its kind (from its vocabulary cue and where it stands), rule id
and reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from . import decision, gate, headline, standfirst
from .feature_names import FIRST_FEATURES, SECOND_FEATURES
from .features import first_columns, matrix, second_matrix, token_counts
from .kinds import kinds_of_drops
from .labels import NO_ARTICLE, RULE_OF_KIND, Kind, Labels, Verdict
from .lines import letter_words, opening
from .memo import Memo
from .model import Model
from .title import heading
from .view import View

TOP_FEATURES = 3


@dataclass(frozen=True, slots=True)
class Tables:
    """The feature tables of one document, kept for explanations, and its language (a stoplist's name, or None)."""

    first: np.ndarray
    second: np.ndarray
    language: str | None


def probabilities(
    view: View, model: Model, memo: Memo | None = None, tokens: np.ndarray | None = None
) -> tuple[np.ndarray, dict[str, np.ndarray], Tables]:
    """The keep probability of each line, the first-stage columns, and both feature tables
    (``memo``: what earlier rounds measured of the same document; ``tokens``: the lines'
    `token_counts`, if the caller has them)."""
    from .context import second_stage

    cols, language = first_columns(view, model, memo)
    first = matrix(cols, FIRST_FEATURES)
    p1 = model.first.probability(first)
    second_cols = second_stage(cols, p1, token_counts(view.lines) if tokens is None else tokens)
    second = second_matrix(first, second_cols)
    return model.second.probability(second), cols, Tables(first, second, language)


# A document of more lines than this (a book in one JSONL record) is judged a window of
# lines at a time, each seen with MARGIN lines of context on either side: memory stays
# that of a window, not a few kilobytes a line of the whole. Below it, one pass.
WINDOW = 4096
MARGIN = 256


def classify(view: View, model: Model, memo: Memo | None = None) -> Labels:
    """Labels for each line of one document (``memo``: see `probabilities`)."""
    if len(view) > WINDOW + 2 * MARGIN:
        return classify_windows(view, model)
    return classify_whole(view, model, memo)


def classify_windows(view: View, model: Model) -> Labels:
    """`classify` a window at a time; the headline is looked for in the first window only,
    and every window's lines are compared with it."""
    verdicts: list[Verdict] = []
    probabilities: list[np.ndarray] = []
    title = None
    first = view.lines[: WINDOW + MARGIN]
    view = replace(view, head=heading([letter_words(opening(text).lower()) for text in first]))
    for start in range(0, len(view), WINDOW):
        low, high = max(0, start - MARGIN), min(len(view), start + WINDOW + MARGIN)
        # No memo: it would hold every line. No page model: a window is not a page.
        labels = classify_whole(view.window(low, high), model, None, whole_page=False)
        own = slice(start - low, min(start + WINDOW, len(view)) - low)
        for position, verdict in enumerate(labels.verdicts[own], start=own.start):
            if position != labels.title:
                verdicts.append(verdict)
            elif start == 0:
                title = position
                verdicts.append(verdict)
            else:  # a later window's "headline" is a subheading: article text
                verdicts.append(Verdict(Kind.BODY, "", "article text", verdict.probability))
        probabilities.append(labels.probability[own])
    return Labels(tuple(verdicts), title, np.concatenate(probabilities))


def classify_whole(view: View, model: Model, memo: Memo | None = None, whole_page: bool = True) -> Labels:
    """Labels for each line of one document, judged in one pass (``whole_page``: the lines
    are a whole page, and the page model may find it holds no article)."""
    if not len(view):
        return Labels((), None, np.zeros(0))
    lines = view.lines
    tokens = token_counts(lines)
    p, q, cols, keep, cut, language = cut_page(view, model, memo, tokens)
    chance = gate.article_chance(model.page if whole_page else None, q, cols["chars"], keep)
    if chance < model.page_threshold:
        return no_article(p, chance, model.page_threshold)
    title = headline.find(lines, cols["words"], cols["cue"], keep, language)
    lead = standfirst.find(keep, title, cols, q)
    if lead is not None:
        keep = keep.copy()
        keep[lead] = True
    kinds = kinds_of_drops(cols, keep)
    bar = f"above {model.threshold:.2f}" if cut >= model.threshold else f"from {cut:.2f} on this page"
    verdicts = []
    for i, probability in enumerate(p.tolist()):
        if i == title:
            verdicts.append(Verdict(Kind.TITLE, "ML001", "the headline", probability))
        elif i == lead:
            verdicts.append(Verdict(Kind.BODY, "", "the standfirst under the headline", probability))
        elif keep[i]:
            verdicts.append(Verdict(Kind.BODY, "", "article text", probability))
        else:
            kind, why = kinds[i]
            reason = f"{why}: article text with probability {probability:.2f} (keeps {bar})"
            verdicts.append(Verdict(kind, RULE_OF_KIND[kind], reason, probability))
    return Labels(tuple(verdicts), title, p)


def cut_page(
    view: View, model: Model, memo: Memo | None, tokens: np.ndarray
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray], np.ndarray, float, str | None]:
    """Each line's probability, as judged with its paragraph (`paragraph_verdicts`), the
    first-stage columns, which lines the page's cut keeps, the cut (`decision`) and the
    page's language."""
    p, cols, tables = probabilities(view, model, memo, tokens)
    q = paragraph_verdicts(view.lines, cols, p)
    keep, cut = decision.kept(q, tokens, model.threshold)
    return p, q, cols, keep, cut, tables.language


def page_features(view: View, model: Model) -> np.ndarray:
    """The page model's features of a whole page judged by ``model`` (`gate.page_row`)."""
    _, q, cols, keep, _, _ = cut_page(view, model, None, token_counts(view.lines))
    return gate.page_row(q, cols["chars"], keep)


def article_chance(view: View, model: Model) -> float:
    """The page model's own probability that a whole page holds an article (1 without a page
    model), whatever the page's size: the model file's check reads it. Cleaning reads
    `gate.article_chance`, which leaves pages of fewer than `gate.MIN_LINES` lines alone."""
    if model.page is None or not len(view):
        return 1.0
    return float(model.page.probability(page_features(view, model))[0])


def no_article(p: np.ndarray, chance: float, needed: float) -> Labels:
    """Every line of a page the page model finds holds no article, dropped as furniture."""
    why = f"the page holds no article: an article page with probability {chance:.3f} (needs {needed:.3f})"
    verdicts = tuple(
        Verdict(Kind.BOILERPLATE, NO_ARTICLE, f"{why}; this line article text with probability {q:.2f}", q)
        for q in p.tolist()
    )
    return Labels(verdicts, None, p)


# A link's text between two halves of a sentence is a name or a short phrase.
LINK_TEXT_MAX_WORDS = 5


def paragraph_verdicts(lines: Sequence[str], cols: dict[str, np.ndarray], p: np.ndarray) -> np.ndarray:
    """Keep probabilities with the pieces of a paragraph the scraper split at inline links
    judged as one: each piece gets the pieces' mean probability, weighted by their length.

    A line goes on in the next when it has no sentence end and the next opens in
    lower case, or through a short link text to a line that does."""
    n = len(lines)
    opens_lower = np.array([text[:1].islower() for text in lines] + [False, False])
    open_end = cols["terminal"] == 0
    link_text = open_end & (cols["words"] <= LINK_TEXT_MAX_WORDS)
    joins = (
        open_end[:-1] & (opens_lower[1:n] | (link_text[1:] & opens_lower[2 : n + 1])) if n > 1 else np.zeros(0, bool)
    )
    if not joins.any():
        return p
    group = np.concatenate(([0], np.cumsum(~joins)))
    weight = cols["chars"]
    mean = np.bincount(group, weights=p * weight) / np.bincount(group, weights=weight)
    return mean[group]


def weighed(view: View, model: Model, index: int) -> list[tuple[str, float]]:
    """The features that weighed most in line ``index``'s probability, with their pull on
    its log-odds (negative: towards dropping). The second stage's pull through the first
    stage's probabilities is handed on to the first stage's features, in proportion."""
    _, _, tables = probabilities(view, model)
    second = model.second.contributions(tables.second[index])
    first = model.first.contributions(tables.first[index])
    pulls: dict[str, float] = {}
    relayed = 0.0
    for name, pull in zip(SECOND_FEATURES, second.tolist(), strict=False):
        if name == "p" or name.startswith(("p_", "run", "kept_", "page_max_p", "page_mean_p")):
            relayed += pull
        else:
            pulls[name] = pulls.get(name, 0.0) + pull
    total = float(np.abs(first).sum()) or 1.0
    for name, pull in zip(FIRST_FEATURES, first.tolist(), strict=False):
        pulls[name] = pulls.get(name, 0.0) + relayed * abs(pull) / total * np.sign(pull) * np.sign(relayed or 1.0)
    return sorted(pulls.items(), key=lambda item: -abs(item[1]))[:TOP_FEATURES]
