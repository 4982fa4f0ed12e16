"""The glossary: German forms the lexicon reads in English, for its score and the words it knows."""

from __future__ import annotations

from pathlib import Path

import pytest

from boilercut import Cleaner
from boilercut.classify import glossary, lexicon
from boilercut.classify import model as models
from boilercut.classify.features import first_columns
from boilercut.classify.lines import measure_all
from boilercut.classify.memo import Memo
from boilercut.classify.view import View
from boilercut.errors import VocabularyError

GERMAN = [
    "Abonnieren Sie unseren kostenlosen Newsletter.",
    "Die Ministerin sagte, dass der Haushalt bereits beschlossen sei.",
]


def test_a_german_line_is_read_with_its_glossed_forms_in_english() -> None:
    glossed = glossary.gloss(GERMAN, "German")
    assert glossed[0] == "subscribe Sie our kostenlosen newsletter."
    assert glossed[1] == "the Ministerin said, that the Haushalt already beschlossen sei."


def test_only_whole_words_are_glossed_and_other_languages_are_left_as_they_are() -> None:
    assert glossary.gloss(["Dasein, Derby, Abos"], "German") == ["Dasein, Derby, subscribe"]
    lines = ["The war was over; die hard."]
    assert glossary.gloss(lines, "English") is lines  # "war", "die": English words too
    assert glossary.gloss(lines, None) is lines


def test_the_page_language_decides_and_the_lexicon_knows_more_of_a_glossed_german_page() -> None:
    assert measure_all(GERMAN * 3, None).language == "German"
    known = models.shipped().known
    before = lexicon.coverage(lexicon.word_buckets(GERMAN), known)
    after = lexicon.coverage(lexicon.word_buckets(glossary.gloss(GERMAN, "German")), known)
    assert after > before


def test_cleaning_a_german_page_reads_the_glossed_lines_in_the_lexicon(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    scores = lexicon.scores
    monkeypatch.setattr(lexicon, "scores", lambda lines, *rest: read.extend(lines) or scores(lines, *rest))
    Cleaner(site_rules=False).clean("\n\n".join(GERMAN * 3))
    assert "the Ministerin said, that the Haushalt already beschlossen sei." in read
    assert not any("sagte" in line for line in read)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('Said = ["sagte"]', "lower-case words"),
        ('said = "sagte"', "as a list"),
        ('said = ["Sagte"]', "lower-case word of letters"),
        ('said = ["e-mail"]', "lower-case word of letters"),
        ('said = ["sagte"]\ntold = ["sagte"]', "keep one"),
    ],
)
def test_a_bad_glossary_entry_is_named(tmp_path: Path, entry: str, message: str) -> None:
    path = tmp_path / "de.toml"
    path.write_text(f"[glossary]\n{entry}\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=message):
        glossary.read(path)


def test_the_shipped_glossaries_load() -> None:
    forms = glossary.table("German")
    assert forms["abonnieren"] == "subscribe" and forms["sagte"] == "said"
    assert glossary.table("English") == {}
    for name in ("French", "Spanish", "Italian", "Portuguese", "Dutch", "Polish", "Russian"):
        assert len(glossary.table(name)) > 100, name


def test_a_later_round_reads_its_glosses_from_the_memo_and_gets_the_same_table() -> None:
    model = models.shipped()
    page = GERMAN * 3 + ["Folgen Sie uns auf Facebook.", "Die Regierung will das Gesetz ändern, sagte sie."]
    memo = Memo()
    first_columns(View.plain(page), model, memo)
    assert memo.glossed["German"][GERMAN[0]] == "subscribe Sie our kostenlosen newsletter."
    for kept in (page[1:], page[:2]):  # a settling round; one too short for a language guess
        again = first_columns(View.plain(kept), model, memo)[0]
        fresh = first_columns(View.plain(kept), model, None)[0]
        assert again.keys() == fresh.keys()
        for name, column in fresh.items():
            assert again[name].tobytes() == column.tobytes(), name
