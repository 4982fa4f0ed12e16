"""What the page's title says of each line (classify/title.py): the article speaks of what its headline names."""

from __future__ import annotations

import numpy as np

from boilercut.classify import title
from boilercut.classify.language import stopwords
from boilercut.classify.lines import letter_words

ENGLISH = stopwords("English")
PAGE = [
    "Floods close the main bridge in Riverton | Example News",
    "Home",
    "Police seek witnesses after a robbery downtown",
    "Floods close the main bridge in Riverton",
    "The main bridge in Riverton was closed on Monday after floods reached the road.",
    "Engineers will inspect the bridge once the water falls.",
    "A new bakery opens on Elm Street this weekend",
]


def columns(lines: list[str], words: frozenset[str] = ENGLISH) -> dict[str, np.ndarray]:
    return title.columns(lines, [letter_words(line.lower()) for line in lines], words)


def test_lines_naming_what_the_headline_names_share_its_words_and_other_stories_do_not() -> None:
    share = columns(PAGE)["title_share"]
    assert share[4] > 0.4  # bridge, Riverton, floods (of bridge, Riverton, closed, Monday, floods, reached, road)
    assert 0 < share[5] < share[4]  # "bridge" among other words
    assert share[2] == share[6] == 0.0  # other stories
    assert share[3] == 1.0  # the headline itself


def test_words_are_compared_by_their_opening_so_inflections_match() -> None:
    lines = ["Officials report flooding", "The official reported floods."]
    assert columns(lines)["title_share"][1] == 1.0  # official(s), report(ed), flood(s/ing)
    lines[1] += " Roads stay shut."
    assert 0 < columns(lines)["title_share"][1] < 1.0


def test_stopwords_and_short_words_do_not_count() -> None:
    lines = ["Floods close the bridge", "It is at the end of the day"]
    assert columns(lines)["title_share"][1] == 0.0
    assert columns(["The bridge", "the the the bridge"])["title_share"][1] == 1.0


def test_distance_is_counted_from_the_line_repeating_the_title() -> None:
    cols = columns(PAGE)
    assert cols["title_below"].tolist() == [-3, -2, -1, 0, 1, 2, 3]
    assert cols["title_echoed"].tolist() == [1.0] * len(PAGE)
    # The words of the repeated headline, not those of the site's name in the title line.
    headline_words = title.content_words(letter_words(PAGE[3].lower()), ENGLISH)
    assert cols["title_words"][0] == len(headline_words) > 0
    assert "examp" not in headline_words and len(headline_words) < len(
        title.content_words(letter_words(PAGE[0].lower()), ENGLISH)
    )


def test_without_a_repeated_title_distance_is_counted_from_the_first_line_and_capped() -> None:
    lines = ["Floods close the main bridge"] + ["Engineers will inspect the bridge."] * 80
    cols = columns(lines)
    assert cols["title_echoed"][0] == 0.0
    assert cols["title_below"][:3].tolist() == [0, 1, 2]
    assert cols["title_below"].max() == title.DISTANCE_CAP


def test_a_page_in_another_language_is_read_the_same_way() -> None:
    lines = ["Hochwasser: Brücke in Flussheim gesperrt", "Die Brücke in Flussheim ist wegen Hochwassers gesperrt."]
    assert columns(lines, stopwords("German"))["title_share"][1] == 1.0  # Hochwasser(s): the same opening


def test_an_empty_page_has_empty_columns() -> None:
    assert all(len(values) == 0 for values in columns([]).values())


def test_a_window_of_a_long_page_reads_the_pages_headline_not_its_own_first_line() -> None:
    lines = PAGE + [f"Engineers measured the Riverton bridge again on day {n}." for n in range(60)]
    tokens = [letter_words(line.lower()) for line in lines]
    whole = title.columns(lines, tokens, ENGLISH)
    head = title.heading(tokens)
    for start in (1, 4, 30):
        window = title.columns(lines[start:], tokens[start:], ENGLISH, head.at(start))
        for name in title.COLUMNS:
            assert window[name].tolist() == whole[name][start:].tolist(), name


def test_every_window_of_a_page_too_long_for_one_pass_is_given_the_pages_headline(monkeypatch) -> None:
    from boilercut.classify import classifier, measure
    from boilercut.classify.model import shipped
    from boilercut.classify.view import View

    monkeypatch.setattr(classifier, "WINDOW", 8)
    monkeypatch.setattr(classifier, "MARGIN", 2)
    seen: list[title.Heading | None] = []
    real = title.columns

    def spy(lines, tokens, stopwords, head=None):  # type: ignore[no-untyped-def]
        seen.append(head)
        return real(lines, tokens, stopwords, head)

    monkeypatch.setattr(measure.title, "columns", spy)
    lines = PAGE + [f"Engineers inspected the bridge again on day {n}." for n in range(20)]
    labels = classifier.classify(View.plain(lines), shipped())
    assert len(labels.verdicts) == len(lines)
    assert [head.start for head in seen if head] == [0, 6, 14, 22]  # each window opens MARGIN lines early
    assert {head.words for head in seen if head} == {tuple(letter_words(PAGE[3].lower()))}
    assert {head.echo for head in seen if head} == {3}
