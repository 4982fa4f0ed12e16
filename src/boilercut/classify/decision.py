"""Which lines of a page to keep, given each line's probability of being article text.

A line the model finds likelier article text than not (above the model's threshold)
is kept. Below the threshold, the page's likeliest lines are kept for as long as that
raises the page's expected precision plus recall: the two figures an extraction
benchmark averages over pages (`training.metric`), and what a reader of the output
loses to furniture kept and to article text dropped. On a page the model is sure of,
that adds nothing: every line is far from the threshold. On a page it is unsure of
(a forum thread, a product page, a listing: lines that read halfway between article
and furniture), keeping the likelier half of them beats keeping none of them.

Expected over the model's probabilities p (each line weighed by its words w): keeping
the k likeliest lines gives precision S/W and recall S/T, where S sums p*w and W sums
w over those lines, and T sums p*w over all of them. The k with the largest
PRECISION_WEIGHT * S/W + S/T sets the page's cut. A line under FLOOR is never kept:
on a page with no article at all (a scrape that lost it: menus alone), every line is
unlikely, and the sum would still rise with each line kept.
"""

from __future__ import annotations

import numpy as np

# Cross-validated on 2026-12-05 with the fold models of the shipped code
# (docs/quality-log.md, "The page's cut"; precision and recall weighed the same): pages of chrome alone kept 0.74 of
# their words without a floor, 0.49 with 0.3 and 0.425 with 0.4 (0.355 with the
# threshold alone); wcxb gained +0.0145, +0.014 and +0.009.
FLOOR = 0.4
# The F1 of the pages' mean precision P and mean recall R gains (R/P)^2 times as much
# from a point of precision as from a point of recall; boilercut's recall runs ahead of
# its precision (0.97 against 0.92 on news pages, 0.85 against 0.77 on all of wcxb:
# 1.1 to 1.2). Cross-validated over three seeds (docs/quality-log.md), 1.2 against 1: news
# pages +0.001 (noise either way), the rest the same.
PRECISION_WEIGHT = 1.2


def kept(probability: np.ndarray, words: np.ndarray, threshold: float) -> tuple[np.ndarray, float]:
    """Which lines to keep, and the page's cut: the lowest probability a line with words
    needs (``threshold`` or lower; lines without words always need more than ``threshold``)."""
    above = probability > threshold
    cut = page_cut(probability, words, threshold)
    if cut >= threshold:
        return above, threshold
    return above | ((probability >= cut) & (words > 0)), cut


def page_cut(probability: np.ndarray, words: np.ndarray, threshold: float) -> float:
    """The probability of the last line kept, the lines taken likeliest first, when their
    expected precision (weighed PRECISION_WEIGHT) plus recall is largest; never under
    FLOOR (unless ``threshold`` is), never over ``threshold``."""
    weight = words.astype(np.float64)
    order = np.argsort(-probability, kind="stable")
    gained = np.cumsum(probability[order] * weight[order])
    total = float(gained[-1]) if len(gained) else 0.0
    if total <= 0.0:
        return threshold
    taken = np.cumsum(weight[order])
    precision = np.divide(gained, taken, out=np.zeros_like(gained), where=taken > 0)
    value = PRECISION_WEIGHT * precision + gained / total
    best = float(probability[order[int(np.argmax(value))]])
    return min(max(best, FLOOR), threshold)
