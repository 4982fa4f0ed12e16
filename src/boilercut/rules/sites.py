"""Which site a document comes from: --site, its URL, its folder, or fingerprints.

Tried in that order; the first that names a known site wins. Fingerprints are
literal strings declared in the site files, found in one Aho-Corasick pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import PurePath
from urllib.parse import urlsplit

import ahocorasick

from ..errors import UsageError
from .book import RuleBook


class SiteResolver:
    def __init__(self, book: RuleBook, explicit: str | None = None) -> None:
        self.book = book
        self.explicit = self._known(explicit) if explicit else None
        owners: dict[str, list[str]] = {}
        for name, site_file in book.sites.items():
            assert site_file.site is not None
            for fingerprint in site_file.site.fingerprints:
                owners.setdefault(fingerprint, []).append(name)
        self._fingerprints = _automaton(owners)

    def resolve(self, *, url: str | None, path: str | None, text: Callable[[], str]) -> str | None:
        """The site, from the first source that names one; `text` is asked for only if needed."""
        if self.explicit:
            return self.explicit
        return self.from_url(url) or self.from_path(path) or self.from_fingerprints(text())

    def from_url(self, url: str | None) -> str | None:
        if not url:
            return None
        host = urlsplit(url if "//" in url else f"//{url}").hostname
        return self.book.site_for_host(host) if host else None

    def from_path(self, path: str | None) -> str | None:
        if not path:
            return None
        for folder in reversed(PurePath(path).parent.parts):
            site = self.book.site_for_host(folder) if "." in folder else None
            if site:
                return site
        return None

    def from_fingerprints(self, text: str) -> str | None:
        if self._fingerprints is None:
            return None
        found = {match for _, match in self._fingerprints.iter(text)}
        votes: Counter[str] = Counter(site for _, owners in found for site in owners)
        # Most fingerprints first; a tie goes to the first name, never to chance.
        for site, count in sorted(votes.items(), key=lambda item: (-item[1], item[0])):
            spec = self.book.sites[site].site
            assert spec is not None
            if count >= spec.min_fingerprints:
                return site
        return None

    def _known(self, name: str) -> str:
        site = name if name in self.book.sites else self.book.site_for_host(name)
        if not site:
            known = ", ".join(sorted(self.book.sites)) or "none"
            raise UsageError(
                f"--site {name}: no rule file for this site (known sites: {known}); add one with --rules DIR"
            )
        return site


def _automaton(owners: dict[str, list[str]]) -> ahocorasick.Automaton | None:
    """One automaton of every fingerprint, each found with the sites it belongs to."""
    if not owners:
        return None
    automaton = ahocorasick.Automaton()
    for fingerprint, sites in owners.items():
        automaton.add_word(fingerprint, (fingerprint, tuple(sites)))
    automaton.make_automaton()
    return automaton
