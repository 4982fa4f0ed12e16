"""Pages in a language the lexicon never learned: the words it knows, and training in disguise."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from boilercut.classify import lexicon
from boilercut.classify import model as models
from boilercut.training.foreign import disguise
from support import bench_cases

ENGLISH = [
    "The council voted on Tuesday to approve a new budget for the city's public libraries.",
    "Opponents said the money would be better spent on roads, and asked for a second vote.",
]
GERMAN = [
    "Der Stadtrat hat am Dienstag einen neuen Haushalt für die öffentlichen Bibliotheken beschlossen.",
    "Gegner sagten, das Geld wäre besser für Straßen ausgegeben worden, und forderten eine zweite Abstimmung.",
]


def test_a_disguised_text_keeps_its_shape_and_changes_its_words() -> None:
    text = "Read more: 12 ways to Save money (2021)!"
    hidden = disguise(text)
    assert hidden != text and disguise(text) == hidden
    assert len(hidden) == len(text)
    assert [c.isupper() for c in hidden] == [c.isupper() for c in text]
    assert re.sub(r"[A-Za-z]", "x", hidden) == re.sub(r"[A-Za-z]", "x", text)  # digits, spaces, punctuation
    assert set(re.findall(r"[a-z]+", hidden.lower())).isdisjoint({"read", "more", "ways", "to", "save", "money"})


def test_a_word_is_known_when_two_sites_use_it() -> None:
    one, two = lexicon.word_buckets(["budget council tuesday"]), lexicon.word_buckets(["budget vote"])
    known = lexicon.known_words([one, two])
    assert lexicon.coverage(lexicon.word_buckets(["Budget"]), known) == 1.0
    assert lexicon.coverage(lexicon.word_buckets(["council vote"]), known) == 0.0
    assert lexicon.coverage(lexicon.word_buckets(["budget council"]), known) == 0.5
    assert lexicon.coverage(lexicon.word_buckets(["123 ..."]), known) == 0.0  # no words


def test_a_page_is_read_from_its_first_thousand_words() -> None:
    lines = ["word " * 600, "other " * 600]
    assert len(lexicon.word_buckets(lines)) == lexicon.COVERAGE_SAMPLE_WORDS


def test_the_shipped_model_knows_most_words_of_english_prose_and_few_of_german() -> None:
    known = models.shipped().known
    english = lexicon.coverage(lexicon.word_buckets(ENGLISH), known)
    german = lexicon.coverage(lexicon.word_buckets(GERMAN), known)
    assert english > 0.9 > 0.5 > german


@pytest.mark.slow
def test_training_shows_each_page_once_more_in_disguise_and_the_lexicon_learns_from_own_words_only(
    tmp_path: Path,
) -> None:
    from boilercut.training import Settings
    from boilercut.training.fit import Prepared, _fit_lexicon
    from boilercut.training.pages import load_pages

    cases = tmp_path / "cases.jsonl"
    cases.write_text("".join(json.dumps({"text": c["text"], "gold": c["gold"]}) + "\n" for c in bench_cases()[:4]))
    pages = load_pages([cases], html=False)
    with_disguise = Prepared.of(pages)
    assert len(with_disguise.foreign) == 4
    for i in range(4):
        copy = with_disguise.copies[i][-1]
        assert copy in with_disguise.foreign and with_disguise.pages[copy] is pages[i]
        assert with_disguise.vectors[copy] != with_disguise.vectors[i]
    indexes = with_disguise.with_copies(range(4))
    weights, intercept, known = _fit_lexicon(with_disguise, indexes, Settings())
    own_words = [i for i in indexes if i not in with_disguise.foreign]
    weights_alone, intercept_alone, known_alone = _fit_lexicon(with_disguise, own_words, Settings())
    assert np.array_equal(weights, weights_alone) and intercept == intercept_alone
    assert np.array_equal(known, known_alone)


def test_a_blind_lexicon_reads_the_words_in_disguise_and_sees_again_after() -> None:
    from boilercut.classify import features
    from boilercut.training.foreign import lexicon_blind

    model = models.shipped()
    plain = features.lexical(ENGLISH, model.lexicon, model.lexicon_intercept, None)
    hidden = features.lexical([disguise(text) for text in ENGLISH], model.lexicon, model.lexicon_intercept, None)
    with lexicon_blind():
        assert np.array_equal(features.lexical(ENGLISH, model.lexicon, model.lexicon_intercept, None), hidden)
        assert lexicon.coverage(lexicon.word_buckets(ENGLISH), model.known) < 0.5
    assert np.array_equal(features.lexical(ENGLISH, model.lexicon, model.lexicon_intercept, None), plain)
    assert lexicon.coverage(lexicon.word_buckets(ENGLISH), model.known) > 0.9
