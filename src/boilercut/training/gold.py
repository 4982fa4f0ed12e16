"""Line labels from a gold text: which input lines are the article.

The rule, reproducible and independent of any cleaner: a line is labeled keep
when at least half of its words are covered by the gold, as `classify.cover`
defines it (words in a run of four consecutive page words that the gold also
has; runs may cross line ends). Lines without words are labeled drop (they add
nothing to a shingle score either way). A gold of fewer than four words uses
runs of its own length.

Keeping exactly the lines labeled keep gives the ceiling of a line cleaner on
the page: `ceiling` prints it next to every result.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..classify.cover import cover

MIN_COVERED = 0.5


def label_lines(lines: Sequence[str], gold: str) -> list[bool]:
    """Keep (True) or drop for each line of a page, from the page's gold text."""
    return (cover(lines, gold) >= MIN_COVERED).tolist()  # type: ignore[no-any-return]
