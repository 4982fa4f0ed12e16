"""Line labels from a gold text: which input lines are the article.

The rule, reproducible and independent of any cleaner: split the page's lines
and the gold into word tokens (``\\w+``, as the benchmark's metric does); a page
token is *covered* when some run of four consecutive page tokens that contains
it (runs may cross line ends) also occurs in the gold. A line is labeled keep
when at least half of its tokens are covered. Lines without word tokens are
labeled drop (they add nothing to a shingle score either way). A gold of fewer
than four tokens uses runs of its own length.

Keeping exactly the lines labeled keep gives the ceiling of a line cleaner on
the page: `ceiling` prints it next to every result.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

TOKEN = re.compile(r"\w+")
RUN = 4  # the metric's shingle length
MIN_COVERED = 0.5


def label_lines(lines: Sequence[str], gold: str) -> list[bool]:
    """Keep (True) or drop for each line of a page, from the page's gold text."""
    gold_tokens = TOKEN.findall(gold)
    if not gold_tokens:
        return [False] * len(lines)
    run = min(RUN, len(gold_tokens))
    runs = {tuple(gold_tokens[i : i + run]) for i in range(len(gold_tokens) - run + 1)}
    tokens: list[str] = []
    owner: list[int] = []
    for number, line in enumerate(lines):
        found = TOKEN.findall(line)
        tokens += found
        owner += [number] * len(found)
    covered = [False] * len(tokens)
    for i in range(len(tokens) - run + 1):
        if tuple(tokens[i : i + run]) in runs:
            covered[i : i + run] = [True] * run
    total = Counter(owner)
    hits = Counter(o for o, c in zip(owner, covered, strict=True) if c)
    return [bool(total[n]) and hits[n] >= MIN_COVERED * total[n] for n in range(len(lines))]
