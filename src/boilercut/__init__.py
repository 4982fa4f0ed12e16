"""boilercut: turn scraped news text into clean article text.

from boilercut import Cleaner
cleaner = Cleaner(title=False)          # rules load and compile once
cleaned = cleaner.clean(text, url=url)  # cleaned.text, .title, .site, .dropped
"""

from __future__ import annotations

from .cleaner import Cleaned, Cleaner, Line, Verdict

__version__ = "0.1.0"
__all__ = ["Cleaned", "Cleaner", "Line", "Verdict", "__version__", "clean_text"]


def clean_text(text: str, *, url: str | None = None, site: str | None = None, title: bool = True) -> str:
    """Clean one document with the shipped rules: the library's simplest entry point.

    For many documents build one `Cleaner` and call its `clean` method instead:
    rules are loaded and compiled once per cleaner.
    """
    return Cleaner(site=site, title=title).clean(text, url=url).text
