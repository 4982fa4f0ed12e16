"""An HTML page as a scraper saves its text: every visible line, in page order.

Block elements (paragraphs, headings, list items, table rows, divisions, line
breaks) end a line; inline elements run on; scripts, styles and other
invisible parts are left out. This is what a browser's ``innerText`` gives,
roughly, and what boilercut's classifier is trained to read.
"""

from __future__ import annotations

import re

BLOCK = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot td th tr ul "
    "caption center menu option select button label legend".split()
)
HIDDEN = frozenset("script style noscript template svg math head iframe object canvas".split())
SPACES = re.compile(r"\s+")


def page_text(html: str) -> str:
    """The visible text of a page, one line per block."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):  # type: ignore[attr-defined]
        return ""
    pieces: list[str] = []
    _walk(root, pieces)
    lines = (SPACES.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(element, pieces: list[str]) -> None:  # type: ignore[no-untyped-def]
    tag = element.tag if isinstance(element.tag, str) else ""
    if not tag or tag.lower() in HIDDEN or element.get("hidden") is not None:
        return  # a comment, a processing instruction, or nothing to see
    block = tag.lower() in BLOCK
    if block:
        pieces.append("\n")
    if element.text:
        pieces.append(element.text.replace("\n", " "))
    for child in element:
        _walk(child, pieces)
        if child.tail:
            pieces.append(child.tail.replace("\n", " "))
    if block:
        pieces.append("\n")
