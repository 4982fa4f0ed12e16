"""Words of other languages read in English by the lexicon: one data file per language.

The lexicon's weights were learned from the training pages' words, nearly all
English, so on a German page it knows the names and little else, and the trees
fall back on the line's shape (see `lexicon`, `training.foreign`). A glossary
per language (``de.toml``, ``fr.toml``, ...: the codes of `vocabulary.model.LANGUAGES`)
lists that language's forms of words whose weight carries over, furniture
("abonnieren": subscribe) and reporting prose ("sagte": said); `gloss` rewrites
a page's lines with those forms in English for the lexicon alone (its score and
the share of words it knows). Every other measurement reads the line as written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from ...errors import VocabularyError
from ..vocabulary.model import CODES

SHIPPED = Path(__file__).parent
# A form is a word as the lexicon splits lines into words: a run of letters.
FORM = re.compile(r"[^\W\d_]+")
ENGLISH = re.compile(r"[a-z]+(?: [a-z]+)*")


@functools.cache
def table(language: str | None) -> Mapping[str, str]:
    """Form -> English of ``language`` (a stoplist's name, "German"); empty without a glossary."""
    code = CODES.get(language or "")
    path = SHIPPED / f"{code}.toml"
    if code is None or not path.is_file():
        return MappingProxyType({})
    return MappingProxyType(read(path))


def read(path: Path) -> dict[str, str]:
    """A glossary file's forms, each with its English; a bad entry raises VocabularyError naming it."""
    import tomllib

    where = f"{path.parent.name}/{path.name}"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise VocabularyError(f"{where}: cannot read the glossary: {error}") from None
    if set(data) != {"glossary"}:
        raise VocabularyError(f"{where}: expected one table, [glossary], not {sorted(data)}")
    out: dict[str, str] = {}
    for english, forms in data["glossary"].items():
        if not ENGLISH.fullmatch(english):
            raise VocabularyError(f"{where}: {english!r}: the English side is lower-case words (a-z) and spaces")
        if not isinstance(forms, list) or not forms:
            raise VocabularyError(f"{where}: {english!r}: give its forms as a list of words")
        for form in forms:
            if not isinstance(form, str) or not FORM.fullmatch(form) or form != form.lower():
                raise VocabularyError(f"{where}: {english!r}: {form!r} is not one lower-case word of letters")
            if out.setdefault(form, english) != english:
                raise VocabularyError(f"{where}: {form!r} is given for {out[form]!r} and {english!r}; keep one")
    return out


def gloss(lines: Sequence[str], language: str | None) -> Sequence[str]:
    """``lines`` with each glossed form of ``language`` in English (``lines`` itself without a glossary)."""
    forms = table(language)
    if not forms:
        return lines
    return [_gloss_line(text, forms) for text in lines]


def _gloss_line(text: str, forms: Mapping[str, str]) -> str:
    if forms.keys().isdisjoint(FORM.findall(text.lower())):
        return text
    return FORM.sub(lambda word: forms.get(word.group().lower(), word.group()), text)
