"""What a line's neighbours and its page say about it: features derived from the columns.

Everything here is an array operation over the whole document: neighbours one
and two lines away, shares of kinds of lines in windows around each line, counts
above it, and the page's own scale (so that a line is long or wordy *for this
page*). The second stage adds the same views of the first stage's probabilities.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from . import compiled

# Columns seen on the lines one and two above and below.
NEIGHBOUR_COLUMNS = ("words", "stop", "terminal", "cue", "blank_before", "shape_repeats", "lexical", "extracted")
NEIGHBOUR_OFFSETS = (1, 2)
# Window half-widths for the shares of kinds of lines around a line: the paragraph
# around it, and the page region.
WINDOWS = (5, 15)
# A line of prose: a sentence of six words or more, a third of them stopwords or more.
PROSE_MIN_WORDS = 6
PROSE_MIN_STOP = 0.2
SHORT_MAX_WORDS = 4
# Counts above a line are capped: past these, more says nothing new.
CAP_COMMENT_CUES = 10
CAP_DATES = 20
CAP_AD_CUES = 10
MISSING = -1.0  # a neighbour beyond the page's first or last line
POSITION_CAP = 200  # lines from the page's start or end
# A page's size (its lines, its prose words) is left out on purpose: the long pages
# of the training sets are listings and threads, and models that learned "a long page
# is furniture" dropped the second half of long articles (`training/stress.py`).
# The page is described by shares instead (of prose, of what an extractor kept).


def shift(values: np.ndarray, offset: int, fill: float = MISSING) -> np.ndarray:
    """values[i - offset] at i (a line ``offset`` above; below for a negative offset), along
    the last axis (a row per column of a columns x lines block shifts each column at once)."""
    out = np.full_like(values, fill)
    n = values.shape[-1]
    if offset > 0 and offset < n:
        out[..., offset:] = values[..., :-offset]
    elif offset < 0 and -offset < n:
        out[..., :offset] = values[..., -offset:]
    return out


def window_means(values: np.ndarray, halves: tuple[int, ...]) -> np.ndarray:
    """Mean of the values within each half-width of lines around each line, the line itself
    left out, along the last axis: shape (*rows, halves, lines) (a columns x lines block's
    rows at once)."""
    n = values.shape[-1]
    total = np.zeros((*values.shape[:-1], n + 1))
    np.cumsum(values, axis=-1, out=total[..., 1:])
    index = np.arange(n)
    spans = np.array(halves)[:, None]
    low, high = np.maximum(0, index - spans), np.minimum(n, index + spans + 1)
    return (total[..., high] - total[..., low] - values[..., None, :]) / np.maximum(1, high - low - 1)


def count_above(values: np.ndarray) -> np.ndarray:
    """Sum of the values on the lines above each line."""
    return np.cumsum(values) - values


def median(values: np.ndarray) -> float:
    """``np.median`` of a non-empty column, to the bit, without the import of ``numpy.ma``
    that ``np.median``'s first call makes (7 ms of the command's start-up)."""
    ordered = np.sort(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[mid])
    return float((ordered[mid - 1] + ordered[mid]) / 2)


def first_stage(cols: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The features of the first stage: the columns, their neighbours, windows and page scale."""
    out = dict(cols)
    n = len(cols["words"])
    index = np.arange(n, dtype=np.float64)
    out["blank_after"] = shift(cols["blank_before"], -1, 0.0)
    block = np.array([cols[name] for name in NEIGHBOUR_COLUMNS])  # a row per column: each shifted at once
    moved = {offset: (shift(block, offset), shift(block, -offset)) for offset in NEIGHBOUR_OFFSETS}
    for k, name in enumerate(NEIGHBOUR_COLUMNS):
        for offset, (above, below) in moved.items():
            out[f"{name}_above{offset}"] = above[k]
            out[f"{name}_below{offset}"] = below[k]
    prose = (cols["terminal"] > 0) & (cols["words"] >= PROSE_MIN_WORDS) & (cols["stop"] >= PROSE_MIN_STOP)
    prose_words = prose * cols["words"]
    kinds = {
        "prose": prose.astype(np.float64),
        "short": (cols["words"] <= SHORT_MAX_WORDS).astype(np.float64),
        "cue": (cols["cue"] > 0).astype(np.float64),
        "date": cols["cue_date"],
        "comment_cue": cols["cue_comment"],
        "repeated_shape": (cols["shape_repeats"] >= 3).astype(np.float64),
        "lexical": cols["lexical"],
        "extracted": cols["extracted"],
        "title_share": cols["title_share"],
    }
    table = np.array(list(kinds.values()))
    means = window_means(table, WINDOWS)
    for k, name in enumerate(kinds):
        for j, half in enumerate(WINDOWS):
            out[f"{name}_window{half}"] = means[k, j]
    out["comment_cues_above"] = np.minimum(count_above(cols["cue_comment"]), CAP_COMMENT_CUES)
    out["dates_above"] = np.minimum(count_above(cols["cue_date"]), CAP_DATES)
    out["ad_cues_above"] = np.minimum(count_above(cols["cue_ad"]), CAP_AD_CUES)
    total = prose_words.sum()
    out["prose_above"] = count_above(prose_words) / max(total, 1.0)
    out["prose_below"] = (total - np.cumsum(prose_words)) / max(total, 1.0)
    out["position"] = index / max(1, n - 1)
    out["from_start"] = np.minimum(index, POSITION_CAP)
    out["from_end"] = np.minimum(n - 1 - index, POSITION_CAP)
    out["page_prose_share"] = np.full(n, total / max(float(cols["words"].sum()), 1.0))
    longest = cols["words"].max() if n else 1.0
    out["words_of_longest"] = cols["words"] / max(longest, 1.0)
    prose_stop = cols["stop"][prose]
    out["stop_over_prose"] = cols["stop"] - (median(prose_stop) if len(prose_stop) else PROSE_MIN_STOP)
    out["page_extracted"] = np.full(n, _weighted_mean(cols["extracted"], cols["words"], MISSING))
    return out


def agreement(extracted: np.ndarray, p: np.ndarray, tokens: np.ndarray) -> tuple[float, float]:
    """On an HTML page, how far the first stage and the extractor agree: the share of the
    words the first stage keeps that the extractor kept, and the reverse (MISSING on plain text)."""
    if not len(extracted) or extracted[0] == MISSING:
        return MISSING, MISSING
    kept, taken = p > 0.5, extracted >= 0.5
    return (
        _weighted_mean(extracted[kept], tokens[kept], MISSING),
        _weighted_mean(kept[taken].astype(np.float64), tokens[taken], MISSING),
    )


def _weighted_mean(values: np.ndarray, weights: np.ndarray, missing: float) -> float:
    """Mean of ``values`` weighted by ``weights`` (+1, so that lines without words count
    a little); ``missing`` where there is no line or the values say none was measured."""
    if not len(values) or values[0] == MISSING:
        return missing
    weights = weights + 1.0
    return float((values * weights).sum() / weights.sum())


# Second stage: the first stage's keep probability seen around each line.
PROBABILITY_WINDOWS = (1, 2, 3, 5, 10, 25)
# The best run of lines for several costs of a line: sum of (p - cost) * weight is largest.
RUN_COSTS = (0.3, 0.5, 0.7)


def best_run(scores: np.ndarray) -> tuple[int, int]:
    """[start, end) of the run with the largest sum of scores (Kadane); (0, 0) if none is positive."""
    if compiled.CORE is None:
        return best_run_python(scores)
    return compiled.CORE.best_run(np.ascontiguousarray(scores, dtype=np.float64))  # type: ignore[no-any-return]


def best_run_python(scores: np.ndarray) -> tuple[int, int]:
    best, span, total, start = 0.0, (0, 0), 0.0, 0
    for i, score in enumerate(scores.tolist()):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, span = total, (start, i + 1)
    return span


def second_stage(first: Mapping[str, np.ndarray], p: np.ndarray, tokens: np.ndarray) -> dict[str, np.ndarray]:
    """The features of the second stage: the first stage's, plus its probabilities in context."""
    out = dict(first)
    n = len(p)
    index = np.arange(n)
    out["p"] = p
    means = window_means(p, PROBABILITY_WINDOWS)
    for k, half in enumerate(PROBABILITY_WINDOWS):
        out[f"p_window{half}"] = means[k]
    for offset in NEIGHBOUR_OFFSETS:
        out[f"p_above{offset}"] = shift(p, offset)
        out[f"p_below{offset}"] = shift(p, -offset)
    kept = tokens * (p > 0.5)
    total = kept.sum()
    out["kept_above"] = count_above(kept) / max(total, 1.0)
    out["kept_below"] = (total - np.cumsum(kept)) / max(total, 1.0)
    for cost in RUN_COSTS:
        start, end = best_run((p - cost) * (tokens + 1))
        out[f"run{cost}_inside"] = ((index >= start) & (index < end)).astype(np.float64)
        out[f"run{cost}_distance"] = np.where(index < start, start - index, np.where(index >= end, index - end + 1, 0))
    weight = tokens.sum()
    out["page_max_p"] = np.full(n, p.max() if n else 0.0)
    out["page_mean_p"] = np.full(n, float((p * tokens).sum() / weight) if weight else 0.0)
    of_kept, of_extracted = agreement(first["extracted"], p, tokens)
    out["extracted_of_kept"] = np.full(n, of_kept)
    out["kept_of_extracted"] = np.full(n, of_extracted)
    order = np.argsort(-p, kind="stable")
    rank = np.empty(n)
    rank[order] = np.arange(n)
    out["p_rank"] = rank / max(n - 1, 1)
    return out
