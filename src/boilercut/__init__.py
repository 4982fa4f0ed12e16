"""boilercut: turn scraped news text into clean article text.

from boilercut import Cleaner
cleaner = Cleaner(title=False)          # rules load and compile once
cleaned = cleaner.clean(text, url=url)  # cleaned.text, .title, .site, .dropped
"""

from __future__ import annotations

import functools

from .cleaner import Cleaned, Cleaner, Line, Verdict
from .version import __version__

__all__ = ["Cleaned", "Cleaner", "Line", "Verdict", "__version__", "clean_text"]


def clean_text(text: str, *, url: str | None = None, site: str | None = None, title: bool = True) -> str:
    """Clean one document with the shipped rules: the library's simplest entry point.

    Each (site, title) gets one Cleaner, built on the first call and reused after it
    (a Cleaner is safe to share across threads), so a loop over documents compiles
    the rules once. For other options build a `Cleaner` and call its `clean` method.
    """
    return _cleaner(site, title).clean(text, url=url).text


# A cleaner holds its compiled rules: a few sites' worth are kept, not one per site of a corpus.
@functools.lru_cache(maxsize=16)
def _cleaner(site: str | None, title: bool) -> Cleaner:
    return Cleaner(site=site, title=title)
