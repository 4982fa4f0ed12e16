"""HTML input: the whole page as text, and the main text trafilatura extracts from it.

The page's text is laid out as a browser shows it (html-text, guessing the
layout: one block a line), as scrapers render pages: the classifier judges
those lines as it judges any scraped text. Trafilatura's extraction is not the
output; it is one more thing the classifier knows of each line (how much of
the line trafilatura kept). Both libraries are imported only when an HTML page
comes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import DocumentError


@dataclass(frozen=True, slots=True)
class Page:
    """An HTML page read: its text, and the main text an extractor took from it."""

    text: str
    extraction: str | None  # None: the extractor found no main text (the page is judged as plain text)


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<head" in head and "<body" in text[:65536].lower())


def read_page(html: str, name: str) -> Page:
    """The text of an HTML page and trafilatura's main text of it."""
    import html_text

    try:
        text = html_text.extract_text(html, guess_layout=True)
    except UnicodeEncodeError as error:  # html-text parses UTF-8 bytes: a lone surrogate cannot be encoded
        raise DocumentError(f"{name}: not readable as HTML ({error}): skipped") from None
    if not text.strip():
        raise DocumentError(f"{name}: this HTML page holds no text: skipped")
    return Page(text, main_text(html))


def main_text(html: str) -> str | None:
    """The main text of a page as trafilatura extracts it (without the headline it reads
    from the page's metadata: the classifier finds the headline among the page's lines)."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=True)
    return (extracted.text or None) if extracted is not None else None  # type: ignore[union-attr]
