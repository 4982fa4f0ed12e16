"""Per-document language guess from jusText's stoplists, and the stopword set to use.

The word -> languages index is built once, on first use, and cached.
"""

from __future__ import annotations

import functools
import importlib.util
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from . import thresholds as T


def _load_stoplists() -> dict[str, frozenset[str]]:
    """All jusText stoplists by language name (read from its data files if its import fails)."""
    try:
        import justext  # its import pulls in lxml; fall back to the bare files if that breaks

        return {name: frozenset(justext.get_stoplist(name)) for name in justext.get_stoplists()}
    except ImportError:
        spec = importlib.util.find_spec("justext")
        if spec is None or spec.origin is None:
            return {}
        folder = Path(spec.origin).parent / "stoplists"
        return {
            path.stem: frozenset(path.read_text(encoding="utf-8").lower().split())
            for path in sorted(folder.glob("*.txt"))
        }


@functools.cache
def stoplists() -> dict[str, frozenset[str]]:
    """The stoplists, loaded once."""
    return _load_stoplists()


@functools.cache
def word_index() -> dict[str, tuple[str, ...]]:
    """word -> names of the languages whose stoplist holds it, built once."""
    index: dict[str, list[str]] = {}
    for name, words in sorted(stoplists().items()):
        for word in words:
            index.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in index.items()}


def detect(words: Sequence[str]) -> str | None:
    """The language whose stoplist covers most of ``words`` (lower case), or None if none fits."""
    sample = words[: T.LANGUAGE_SAMPLE_WORDS]
    if len(sample) < T.LANGUAGE_MIN_WORDS:
        return None
    index = word_index()
    hits: Counter[str] = Counter()
    for word, count in Counter(sample).items():
        for name in index.get(word, ()):
            hits[name] += count
    if not hits:
        return None
    sizes = stoplist_sizes()
    # Big stoplists (thousands of words, some borrowed from English) match by chance more often.
    name = max(hits, key=lambda n: (hits[n] * min(1.0, math.sqrt(T.STOPLIST_FAIR_SIZE / sizes[n])), n))
    return name if hits[name] / len(sample) >= T.LANGUAGE_MIN_COVERAGE else None


@functools.cache
def stoplist_sizes() -> dict[str, int]:
    """Number of words in each stoplist."""
    return {name: len(words) for name, words in stoplists().items()}


def stopwords(language: str | None) -> frozenset[str]:
    """The stoplist of ``language`` (empty when unknown)."""
    return stoplists().get(language, frozenset()) if language else frozenset()
