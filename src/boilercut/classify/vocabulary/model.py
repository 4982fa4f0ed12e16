"""The vocabulary as frozen values: each data file's words by concept, and all files merged."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType

# The codes a language file may be named after, each with its jusText stoplist:
# the name classify.language.detect() gives a document, so its language finds its file.
LANGUAGES: Mapping[str, str] = MappingProxyType(
    {
        "de": "German",
        "en": "English",
        "es": "Spanish",
        "fr": "French",
        "it": "Italian",
        "nl": "Dutch",
        "pl": "Polish",
        "pt": "Portuguese",
        "ru": "Russian",
    }
)
# A stoplist's name -> the code of its language's files ("German" -> "de").
CODES: Mapping[str, str] = MappingProxyType({name: code for code, name in LANGUAGES.items()})
COMMON = "common"  # the file of words that belong to no one language: names of networks and agencies


@dataclass(frozen=True, slots=True)
class Words:
    """Lower-case entries by concept, one field per table of the data files.

    How each is matched is said in the data files' comments: ``*_lines`` make up a
    whole short line, ``*_phrases`` occur anywhere in a line, ``*_prefixes`` start one.
    """

    boilerplate_lines: frozenset[str] = frozenset()
    boilerplate_phrases: frozenset[str] = frozenset()
    comment_lines: frozenset[str] = frozenset()
    comment_widget_lines: frozenset[str] = frozenset()
    comment_phrases: frozenset[str] = frozenset()
    related_prefixes: frozenset[str] = frozenset()
    ad_lines: frozenset[str] = frozenset()
    promo_phrases: frozenset[str] = frozenset()
    social_networks: frozenset[str] = frozenset()
    credit_words: frozenset[str] = frozenset()
    agencies: frozenset[str] = frozenset()
    caption_phrases: frozenset[str] = frozenset()
    meta_prefixes: frozenset[str] = frozenset()
    tag_prefixes: frozenset[str] = frozenset()
    contents_lines: frozenset[str] = frozenset()
    counter_words: frozenset[str] = frozenset()
    months: frozenset[str] = frozenset()
    title_small_words: frozenset[str] = frozenset()
    connectives: frozenset[str] = frozenset()


TABLES: tuple[str, ...] = tuple(field.name for field in fields(Words))


def merge(parts: Iterable[Words]) -> Words:
    """One Words holding every entry of ``parts``, concept by concept."""
    parts = tuple(parts)
    return Words(**{table: frozenset().union(*(getattr(part, table) for part in parts)) for table in TABLES})


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Every data file's words merged by concept, and each file's own (per-language access)."""

    merged: Words
    by_file: Mapping[str, Words]  # by file name without .toml: COMMON and codes of LANGUAGES
