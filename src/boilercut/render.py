"""Rendering a cleaned Document: the kept lines, one blank line between paragraphs."""

from __future__ import annotations

from .document import Document


def render(doc: Document, *, title: bool = True) -> str:
    """Kept lines in input order; the headline left out when `title` is false.

    An empty result is the empty string, not a lone newline.
    """
    lines = [block.text for index, block in enumerate(doc.blocks) if block.kept and (title or index != doc.title)]
    return "\n\n".join(lines) + "\n" if lines else ""
