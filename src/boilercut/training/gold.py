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

from collections.abc import Sequence

from ..classify.coverage import covered_share

MIN_COVERED = 0.5


def label_lines(lines: Sequence[str], gold: str) -> list[bool]:
    """Keep (True) or drop for each line of a page, from the page's gold text."""
    share, counts = covered_share(lines, gold)
    return ((counts > 0) & (share >= MIN_COVERED)).tolist()
