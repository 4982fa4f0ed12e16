"""How much of each line another text holds: the share of a line's words that
stand in a run of four consecutive words (runs may cross line ends) found in
the other text.

Training labels a line keep when its gold text covers at least half of it
(`training.gold`); on an HTML page, the share of each line that trafilatura's
extraction covers is a feature of the line (`features.EXTRACTION_FEATURES`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

TOKEN = re.compile(r"\w+")  # word tokens as the benchmark's metric counts them
RUN = 4  # the metric's shingle length


def covered_share(lines: Sequence[str], reference: str) -> tuple[np.ndarray, np.ndarray]:
    """(share of each line's tokens covered by ``reference``, each line's token count).

    A reference of fewer than four tokens uses runs of its own length."""
    reference_tokens = TOKEN.findall(reference)
    counts = np.zeros(len(lines))
    tokens: list[str] = []
    owner: list[int] = []
    for number, line in enumerate(lines):
        found = TOKEN.findall(line)
        counts[number] = len(found)
        tokens += found
        owner += [number] * len(found)
    if not reference_tokens or not tokens:
        return np.zeros(len(lines)), counts
    run = min(RUN, len(reference_tokens))
    runs = {tuple(reference_tokens[i : i + run]) for i in range(len(reference_tokens) - run + 1)}
    covered = np.zeros(len(tokens), dtype=bool)
    for i in range(len(tokens) - run + 1):
        if tuple(tokens[i : i + run]) in runs:
            covered[i : i + run] = True
    hits = np.bincount(np.asarray(owner)[covered], minlength=len(lines)).astype(np.float64)
    return np.divide(hits, counts, out=np.zeros(len(lines)), where=counts > 0), counts
