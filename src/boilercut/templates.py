"""Template lines: lines that recur across many documents of one site in a run.

Menus, sign-up boxes and footers are printed on every page of a site, whatever
they look like. A first pass over a corpus counts, per site, in how many
documents each line appears; lines found in enough of them are template text,
and strip_boilerplate drops them (rule TP001).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

# A line is template text when it appears in at least this many documents of
# its site...
TEMPLATE_MIN_DOCUMENTS = 5
# ...and in at least this share of them. Half is far above what a paragraph
# shared by a series of articles reaches, and far below a menu's share (all).
TEMPLATE_MIN_SHARE = 0.5


def line_key(text: str) -> bytes:
    """A stable digest of a stripped line: the same in every worker process."""
    return _blake2b()(text.encode("utf-8"), digest_size=8).digest()


@functools.cache
def _blake2b() -> Callable[..., Any]:
    import hashlib  # here: it loads OpenSSL, 8 ms of the start of every run, most of which count no lines

    return hashlib.blake2b


@dataclass(slots=True)
class TemplateCounter:
    """The first pass: per site, how many documents hold each line."""

    documents: Counter[str] = field(default_factory=Counter)
    lines: dict[str, Counter[bytes]] = field(default_factory=dict)
    seen: set[bytes] = field(default_factory=set)  # digests of documents counted already

    def add(self, site: str, lines: Sequence[str]) -> None:
        """Count one document; a copy of one counted before is not counted again:
        a corpus holding an article many times must not make its lines template."""
        document = line_key(site + "\n" + "\n".join(lines))
        if document in self.seen:
            return
        self.seen.add(document)
        self.documents[site] += 1
        self.lines.setdefault(site, Counter()).update({line_key(line) for line in lines})

    def templates(self) -> Templates:
        found = {}
        for site, counts in self.lines.items():
            needed = max(TEMPLATE_MIN_DOCUMENTS, TEMPLATE_MIN_SHARE * self.documents[site])
            keys = frozenset(key for key, count in counts.items() if count >= needed)
            if keys:
                found[site] = keys
        return Templates(found, dict(self.documents))


@dataclass(frozen=True, slots=True)
class Templates:
    """The template lines of each site, for the second pass."""

    by_site: dict[str, frozenset[bytes]] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)

    def of(self, site: str | None) -> frozenset[bytes]:
        return self.by_site.get(site, frozenset()) if site else frozenset()
