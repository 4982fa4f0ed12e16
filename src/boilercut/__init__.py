"""boilercut: turn scraped news text into clean article text."""

from __future__ import annotations

__version__ = "0.1.0"


def clean_text(text: str, *, url: str | None = None, site: str | None = None, title: bool = True) -> str:
    """Clean one document with the shipped rules: the library's simplest entry point.

    For many documents build one `Pipeline` and call its `clean` method instead:
    rules are loaded and compiled once per pipeline.
    """
    from .config import Config
    from .pipeline import Pipeline, Source

    pipeline = Pipeline(Config(site=site, title=title))
    return pipeline.clean(Source(text, url=url))
