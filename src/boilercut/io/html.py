"""HTML input: the main text, extracted by trafilatura (imported only when needed)."""

from __future__ import annotations

from ..errors import DocumentError


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<head" in head and "<body" in text[:65536].lower())


def extract_text(html: str, name: str) -> str:
    """Headline and main text of a page, one paragraph per line."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=True, with_metadata=True)
    if extracted is None:
        raise DocumentError(f"{name}: trafilatura found no main text in this HTML: skipped")
    title = extracted.title or ""  # type: ignore[union-attr]  # a Document unless as_dict=True
    body = extracted.text or ""  # type: ignore[union-attr]
    return f"{title}\n\n{body}" if title and not body.startswith(title) else body
