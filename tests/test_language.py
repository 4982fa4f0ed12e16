"""The language guess: the stoplist that covers a page's words best, settled between rivals by
the words only one of them holds."""

from __future__ import annotations

import pytest

from boilercut.classify import language
from boilercut.classify.lines import line_words, sample_words

DATA_PAGE = [
    "Data analysis is the process of inspecting data to find patterns in the data.",
    "With the right data process, teams make better decisions and show what the data means.",
    "Our data platform helps you turn raw data into information, making the process simple.",
    "Although data can be messy, a good process means your business can trust its data.",
]

PAGES = {
    "English": ["The mayor said on Tuesday that the bridge would be closed for repairs until the end of the year."],
    "German": ["Der Bürgermeister sagte am Dienstag, dass die Brücke bis zum Ende des Jahres gesperrt wird."],
    "French": ["Le maire a déclaré mardi que le pont serait fermé pour des travaux jusqu'à la fin de l'année."],
    "Spanish": ["El alcalde dijo el martes que el puente estará cerrado por obras hasta el final del año."],
    "Polish": ["Burmistrz powiedział we wtorek, że most będzie zamknięty z powodu remontu do końca roku."],
    "Dutch": [
        "Volgens de gemeente worden de werkzaamheden uitgevoerd door een aannemer uit de regio, "
        "en zijn er omleidingen voor het verkeer."
    ],
}


def guess(lines: list[str]) -> str | None:
    return language.detect(sample_words(line_words(lines)[1]))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_page_of_news_prose_is_read_in_its_language(name: str) -> None:
    assert guess(PAGES[name] * 3) == name


def test_an_english_page_about_data_is_english_though_a_bigger_stoplist_holds_its_words() -> None:
    # jusText's Sundanese list holds 160 of English's words, and "data", "process" and "means":
    # counted by hits alone, this page is Sundanese.
    assert guess(DATA_PAGE) == "English"


def test_a_rival_wins_only_with_more_words_of_its_own() -> None:
    own, rival = "English", "Sundanese"
    shared = sorted(language.stoplists()[own] & language.stoplists()[rival])[:20]
    only_rival = sorted(language.stoplists()[rival] - language.stoplists()[own])
    only_own = sorted(language.stoplists()[own] - language.stoplists()[rival])
    sample = shared + only_rival[:3] + only_own[:2]
    assert language.settle(sample, [own, rival]) == rival
    assert language.settle(sample + only_own[2:4], [own, rival]) == own  # 4 against 3: the first stays
    assert language.settle(sample + only_own[2:3], [own, rival]) == own  # a tie keeps the first


def test_words_are_counted_once_and_one_letter_words_not_at_all() -> None:
    own, rival = "English", "Slovenian"
    only_own = sorted(w for w in language.stoplists()[own] - language.stoplists()[rival] if len(w) > 1)
    letters = sorted(w for w in language.stoplists()[rival] - language.stoplists()[own] if len(w) == 1)
    assert letters, "Slovenian's prepositions s, v, z, k are one letter"
    assert language.settle(only_own[:2] + letters * 10, [own, rival]) == own
    word = next(w for w in sorted(language.stoplists()[rival] - language.stoplists()[own]) if len(w) > 1)
    assert language.settle(only_own[:2] + [word] * 10, [own, rival]) == own


def test_too_few_words_or_no_stopword_give_no_guess() -> None:
    assert guess(["The bridge is closed."]) is None
    assert guess(["Xqzv Brrtk Mmnop"] * 20) is None
