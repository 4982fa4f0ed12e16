"""The standfirst: the sentence or two under the headline, kept though furniture parts it from the text.

News pages set a summary under the headline, then the author, the date, the share
bar and the lead picture with its caption, and only then the article. Scraped, the
summary stands alone among furniture, and the model, which reads each line with its
neighbours, takes it for a teaser: on pages written for the purpose in German, French,
Italian, Spanish and Polish it dropped eight standfirsts of eighteen. Once the headline
is known, the first long line just under it (past a byline or a date) is kept when it
reads as prose the model did not rule out, and the article's text goes on a few lines
below.
"""

from __future__ import annotations

import numpy as np

from .context import PROSE_MIN_STOP

MIN_WORDS, MAX_WORDS = 10, 80  # a sentence or two: shorter is a kicker or a date, longer a paragraph
MIN_P = 0.15  # the model's keep probability (as the page's cut reads it) of a standfirst it half believes
BELOW = 4  # it stands within this many lines under the headline, past short lines (a byline, a date) only
REACH = 12  # the article's text resumes within this many lines below it


def find(keep: np.ndarray, title: int | None, cols: dict[str, np.ndarray], p: np.ndarray) -> int | None:
    """The index of the standfirst under the headline (``title``), if the model dropped one
    (``keep``: the lines it keeps; ``cols``: the first-stage columns; ``p``: the probabilities
    the page's cut read)."""
    line = None if title is None else first_long_line(cols["words"], title + 1)
    if line is None or keep[line] or not reads_as_standfirst(cols, p, line):
        return None
    return line if keep[line + 1 : line + 1 + REACH].any() else None


def first_long_line(words: np.ndarray, start: int) -> int | None:
    """The first line of `MIN_WORDS` or more among the `BELOW` lines from ``start``, if any."""
    for line in range(start, min(start + BELOW, len(words))):
        if words[line] >= MIN_WORDS:
            return line
    return None


def reads_as_standfirst(cols: dict[str, np.ndarray], p: np.ndarray, line: int) -> bool:
    """A sentence or two of prose (ended, or with a sentence's end inside: a closing quote
    may end it), without a furniture cue, that the model did not rule out."""
    return bool(
        (cols["terminal"][line] > 0 or cols["sentences"][line] > 0)
        and cols["words"][line] <= MAX_WORDS
        and cols["stop"][line] >= PROSE_MIN_STOP
        and cols["cue"][line] == 0
        and p[line] >= MIN_P
    )
