"""The headline after a breadcrumb (issue 11, item 5): the most common scraped layout loses nothing.

A breadcrumb trail, a blank line, the headline, the paragraphs: the trail goes and
the headline stays, in English, French and Japanese, with the default rules only
and under a site's rule file.
"""

from __future__ import annotations

import numpy as np
import pytest

from boilercut import Cleaner
from boilercut.classify import headline
from boilercut.classify.headline import fold
from boilercut.stages.dedupe import joins_headline

PAGES = {
    "en": (
        "Home > News > Local",
        "City council approves new budget for public libraries",
        [
            "The city council voted on Tuesday to approve a new budget that increases funding for public libraries "
            "by ten percent over the next two years.",
            "Council members said the money would pay for longer opening hours and new books, and that the vote "
            "followed months of debate.",
            "The mayor welcomed the decision and said libraries were a vital part of the community.",
        ],
    ),
    "fr": (
        "Accueil > Actualités > Local",
        "Le conseil municipal adopte un nouveau budget pour les bibliothèques",
        [
            "Le conseil municipal a voté mardi un nouveau budget qui augmente de dix pour cent le financement des "
            "bibliothèques publiques au cours des deux prochaines années.",
            "Les élus ont déclaré que cet argent servirait à allonger les horaires d’ouverture et à acheter de "
            "nouveaux livres.",
            "Le maire a salué la décision et a déclaré que les bibliothèques étaient essentielles pour la communauté.",
        ],
    ),
    "ja": (
        "ホーム > ニュース > 地域",
        "市議会、公共図書館の新予算を承認",
        [
            "市議会は火曜日、今後二年間で公共図書館への資金を一割増やす新しい予算を賛成多数で承認した。",
            "議員らは、この資金で開館時間を延長し、新しい本を購入すると述べ、採決は数か月に及ぶ議論の末に行われたと説明した。",
            "市長はこの決定を歓迎し、図書館は地域社会にとって欠かせない存在だと語った。",
        ],
    ),
}


@pytest.mark.parametrize("site", [None, "express.co.uk"], ids=["default rules", "a site's rule file"])
@pytest.mark.parametrize("language", sorted(PAGES))
def test_the_headline_after_a_breadcrumb_is_kept_and_the_breadcrumb_dropped(language: str, site: str | None) -> None:
    crumbs, headline, paragraphs = PAGES[language]
    page = "\n\n".join([crumbs, headline, *paragraphs]) + "\n"
    result = Cleaner(site=site).clean(page)
    assert result.title == headline
    assert result.text == "\n\n".join([headline, *paragraphs]) + "\n"
    assert [line.stage for line in result.dropped if line.text == crumbs] == ["strip_boilerplate"]


@pytest.mark.parametrize("crumbs", ["News > Local > Transport", "Sport » Football » Premier League"])
def test_a_breadcrumb_without_a_home_item_goes_too(crumbs: str) -> None:
    _, headline, paragraphs = PAGES["en"]
    result = Cleaner().clean("\n\n".join([crumbs, headline, *paragraphs]))
    assert result.text.startswith(headline + "\n\n")
    assert crumbs not in result.text


def _find(lines: list[str], kept_from: int, language: str | None = "English") -> int | None:
    words = np.array([len(line.split()) for line in lines], dtype=np.float64)
    keep = np.arange(len(lines)) >= kept_from
    return headline.find(lines, words, np.zeros(len(lines)), keep, language)


PARAGRAPH = PAGES["en"][2][0]


def test_the_title_line_is_the_headline_where_none_stands_above_the_text() -> None:
    lines = ["City council approves new budget | Example News", "Sport", "Weather", PARAGRAPH, PARAGRAPH]
    assert _find(lines, kept_from=3) == 0


def test_a_line_repeating_the_title_line_is_the_headline() -> None:
    lines = ["City council approves new budget | Example News", "Latest news and local events"]
    lines += ["City council approves new budget", "Read the full story in print", PARAGRAPH]
    assert _find(lines, kept_from=4) == 2


REWORDED = [
    ("Bundesliga: Freiburg schlägt Stuttgart im Derby | Sport", "Freiburg gewinnt das Derby gegen Stuttgart"),
    (
        "Energiewende: Bundesregierung einigt sich auf neues Heizungsgesetz - DER SPIEGEL",
        "Einigung in der Koalition: Bundesregierung beschließt neues Heizungsgesetz",
    ),
    (
        "Disney+ glitches blamed on heavy demand, says executive - Example Times",
        "Executive blames Disney+ glitches on demand",
    ),
]


@pytest.mark.parametrize(("title", "reworded"), REWORDED)
def test_a_headline_reworded_from_the_title_line_is_the_headline(title: str, reworded: str) -> None:
    lines = [title, "Sport", reworded, "06.12.2026, 17:28 Uhr", PARAGRAPH, PARAGRAPH]
    assert _find(lines, kept_from=4) == 2


@pytest.mark.parametrize(
    "piece",
    ["Bad Lindenau", "Weserbergland Kurier"],
    ids=["the kicker, a menu item", "the site's name"],
)
def test_a_short_piece_of_the_title_in_the_menu_is_not_the_headline(piece: str) -> None:
    title = "Bad Lindenau: Geburtsstation im Kreisklinikum schließt Ende März | Weserbergland Kurier"
    headline = "Geburtsstation im Kreisklinikum Bad Lindenau schließt Ende März"
    lines = [title, "Lokales", piece, "Polizei", "Sport regional", headline, "03.12.2026", PARAGRAPH]
    assert _find(lines, kept_from=7) == 5


def test_the_texts_first_line_rewording_the_title_is_the_headline() -> None:
    title = "Last-Minute-Sieg: Grünau dreht Spiel gegen Ellernfeld | Flanke24"
    lines = [title, "3. Liga", "Grünau dreht Spiel gegen Ellernfeld in der Nachspielzeit", PARAGRAPH, PARAGRAPH]
    assert _find(lines, kept_from=2) == 2


def test_of_two_lines_rewording_the_title_the_one_keeping_more_of_it_is_the_headline() -> None:
    title = 'Ciepło w Zalesiu Wielkim drożeje o 18 procent. "To nie do udźwignięcia" - Nadwiślański.pl'
    headline = "Ciepło w Zalesiu Wielkim drożeje o 18 procent. Mieszkańcy bloków: to nie do udźwignięcia"
    caption = "Ciepłownia miejska przy ul. Kolejowej w Zalesiu Wielkim"
    lines = [title, "Wiadomości", headline, "Katarzyna Lis", "05.12.2026, 08:41", caption, PARAGRAPH]
    assert _find(lines, kept_from=6) == 2


def test_a_line_sharing_a_word_or_two_with_the_title_is_no_headline() -> None:
    lines = ["City council approves new budget | Example News", "Council elections: the candidates", PARAGRAPH]
    assert _find(lines, kept_from=2) == 0


def test_a_reworded_title_inside_the_text_is_a_subheading_not_the_headline() -> None:
    lines = [
        "City council approves new budget | Example News",
        PARAGRAPH,
        "Why the council approves a budget",
        PARAGRAPH,
    ]
    assert _find(lines, kept_from=1) == 0


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("Council approves the new bridge - Springfield Gazette", True),
        ("Local | Council approves the new bridge | Springfield Gazette", True),
        ("Springfield Gazette » Council approves the new bridge", True),
        ("council approves  the NEW bridge | Gazette", True),
        ("Council approves the new bridge over the river after ten years", False),
        ("Council approves the new bridge", False),  # the same line: DD001's repeat, not a title
        ("Bridge - Council approves the new bridge plan - Gazette", False),
        ("Verkehr: Council approves the new bridge - Gazette", True),  # a kicker's colon
        ("Council approves the new bridge: what it means | Gazette", True),
        ("Council approves the new bridge:no space | Gazette", False),
        ("Bridges:Council approves the new bridge", False),
    ],
)
def test_the_page_title_line_is_the_headline_joined_to_other_pieces(first: str, expected: bool) -> None:
    assert joins_headline(fold(first), fold("Council approves the new bridge")) is expected


def test_the_page_title_line_goes_and_the_headline_stays() -> None:
    _, title, paragraphs = PAGES["en"]
    text = "\n\n".join([f"{title} - Springfield Gazette", "Log in", title, *paragraphs])
    cleaned = Cleaner(site_rules=False).clean(text)
    first = cleaned.lines[0]
    assert (first.rule, cleaned.title) == ("DD003", title)
    assert cleaned.text.count(title) == 1


def test_the_page_title_line_below_dropped_chrome_goes_and_cleaning_twice_changes_nothing() -> None:
    _, title, paragraphs = PAGES["en"]
    text = "\n\n".join(["Log in", "Search", f"{title} | Springfield Gazette", "Menu", title, *paragraphs])
    cleaner = Cleaner(site_rules=False)
    once = cleaner.clean(text)
    assert [line.rule for line in once.lines if line.text.endswith("Springfield Gazette")] == ["DD003"]
    assert cleaner.clean(once.text).text == once.text


# German headlines often end in a verb's separable particle, which English reads as a
# connecting word: "an", "in".
GERMAN_HEADLINE = "Bahn kündigt neue Verbindungen zwischen Berlin und Warschau an"
GERMAN_PARAGRAPHS = [
    "Berlin (dpa) - Die Deutsche Bahn will ab dem Fahrplanwechsel im Dezember mehr Züge zwischen Berlin und "
    "Warschau fahren lassen. Statt bisher vier sollen künftig sechs Verbindungen am Tag angeboten werden.",
    "Die Fahrzeit soll sich durch den Ausbau der Strecke auf polnischer Seite um etwa 30 Minuten verkürzen. "
    "Gemeinsam mit der polnischen Staatsbahn setze man auf modernisierte Wagen mit WLAN und Bordbistro.",
    "Verkehrsverbände begrüßten die Pläne. Die Verbindung sei jedoch weiterhin zu langsam, um mit dem Flugzeug "
    "konkurrieren zu können, sagte ein Sprecher des Fahrgastverbands.",
]


@pytest.mark.parametrize(
    ("title", "language"),
    [
        (GERMAN_HEADLINE, "German"),
        ("Aktie von Kessler Automotive bricht nach Prognosesenkung ein", "German"),
        ("Grootste supermarktketen neemt concurrent over", "Dutch"),  # English "over"
    ],
    ids=["an", "ein", "over"],
)
def test_a_headline_is_judged_by_its_own_languages_connecting_words(title: str, language: str) -> None:
    lines = [f"{title} | Oberland-Kurier", "Wirtschaft", title, "05.12.2026, 11:42 Uhr", *GERMAN_PARAGRAPHS]
    assert _find(lines, kept_from=4, language=language) == 2


def test_a_line_ending_in_a_connecting_word_of_its_language_is_no_headline() -> None:
    piece = "Die Regierung will die Verbindungen zwischen Berlin und"
    lines = ["Neue Züge | Oberland-Kurier", "Wirtschaft", piece, "05.12.2026, 11:42 Uhr", *GERMAN_PARAGRAPHS]
    assert _find(lines, kept_from=4, language="German") == 0
    english = [f"{GERMAN_HEADLINE} | Oberland-Kurier", "Wirtschaft", GERMAN_HEADLINE, "05.12.2026", PARAGRAPH]
    assert _find(english, kept_from=4, language=None) == 0  # every language's words: English "an" too


def test_a_german_headline_ending_in_a_particle_stays_and_the_title_line_goes() -> None:
    text = "\n\n".join([f"{GERMAN_HEADLINE} | Oberland-Kurier", "Startseite", "Wirtschaft", GERMAN_HEADLINE])
    text += "\n\n" + "\n\n".join([*GERMAN_PARAGRAPHS, "Zur Startseite"])
    cleaned = Cleaner(site_rules=False).clean(text)
    assert cleaned.title == GERMAN_HEADLINE
    assert cleaned.text == "\n\n".join([GERMAN_HEADLINE, *GERMAN_PARAGRAPHS]) + "\n"


def test_a_title_line_with_a_kicker_goes_and_the_headline_stays() -> None:
    title = "Mieten in Großstädten steigen erneut deutlich"
    text = "\n\n".join([f"Wohnungsmarkt: {title} - DER MAGAZIN", title, *GERMAN_PARAGRAPHS])
    cleaned = Cleaner(site_rules=False).clean(text)
    assert [line.rule for line in cleaned.lines[:1]] == ["DD003"]
    assert cleaned.text == "\n\n".join([title, *GERMAN_PARAGRAPHS]) + "\n"
