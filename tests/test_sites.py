"""Which site's rules a document gets: --site, then its URL, then a folder named after a domain, then fingerprints."""

from __future__ import annotations

from pathlib import Path

import pytest

from boilercut.config import Config
from boilercut.errors import UsageError
from boilercut.pipeline import Pipeline, Source
from support import sample_by_number, write

PLAIN = "The talks ended on Friday without an agreement.\n"
# One fingerprint of each site (southfront and world-today-news need only one).
SOUTHFRONT = "Support SouthFront"
WTN = "Home » today » World"
EXPRESS_1 = "(Image: GETTY)"
EXPRESS_2 = "Sign up to receive our rundown of the day’s"
SPUTNIK_1 = "Sputnik International"
SPUTNIK_2 = "Get short URL"


def site_of(
    text: str = PLAIN, *, url: str | None = None, path: str | None = None, site: str | None = None
) -> str | None:
    return Pipeline(Config(site=site)).process(Source(text, url=url, path=path)).site


@pytest.mark.parametrize("given", ["express.co.uk", "www.express.co.uk", "EXPRESS.CO.UK", "video.uk.express.co.uk"])
def test_explicit_site_by_domain_or_subdomain(given: str) -> None:
    assert site_of(site=given) == "express.co.uk"


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.express.co.uk/news/world/1480000/xi-putin", "express.co.uk"),
        ("https://express.co.uk/news", "express.co.uk"),
        ("http://WWW.SPUTNIKNEWS.COM/asia/2021/", "sputniknews.com"),
        ("https://southfront.org:443/putin-and-xi/", "southfront.org"),
        ("www.world-today-news.com/first-xi-putin-interview/", "world-today-news.com"),
        ("https://notexpress.co.uk/news", None),
        ("https://express.co.uk.example.com/news", None),
        ("https://example.com/?from=express.co.uk", None),
    ],
)
def test_site_from_url(url: str, site: str | None) -> None:
    assert site_of(url=url) == site


@pytest.mark.parametrize(
    ("path", "site"),
    [
        ("in/express.co.uk/a.txt", "express.co.uk"),
        ("in/www.express.co.uk/2021/08/a.txt", "express.co.uk"),
        ("corpus/sputniknews.com/asia/page.html", "sputniknews.com"),
        ("in/express.co.uk.txt", None),  # the file name is not a folder
        ("in/notes.v2/a.txt", None),
        ("in/a.txt", None),
    ],
)
def test_site_from_a_folder_in_the_path(path: str, site: str | None) -> None:
    assert site_of(path=path) == site


def test_fingerprints_need_min_fingerprints_distinct_hits() -> None:
    # express.co.uk declares min_fingerprints = 2.
    assert site_of(f"{EXPRESS_1}\n\n{PLAIN}") is None
    assert site_of(f"{EXPRESS_1}\n\n{PLAIN}\n{EXPRESS_1}\n") is None  # the same one twice is one hit
    assert site_of(f"{EXPRESS_2}\n\n{PLAIN}\n{EXPRESS_1}\n") == "express.co.uk"
    # sputniknews.com also needs two.
    assert site_of(f"{SPUTNIK_1}\n{PLAIN}") is None
    assert site_of(f"{SPUTNIK_2}\n{SPUTNIK_1}\n{PLAIN}") == "sputniknews.com"


def test_one_fingerprint_is_enough_where_min_is_1() -> None:
    assert site_of(f"{PLAIN}\n{SOUTHFRONT}\n") == "southfront.org"
    assert site_of(f"{WTN} » First Xi-Putin interview\n{PLAIN}") == "world-today-news.com"


def test_fingerprints_are_literal_and_case_sensitive() -> None:
    assert site_of(f"{PLAIN}\nsupport southfront\n") is None
    assert site_of(f"{PLAIN}\n(Image: GETTYIMAGES) Sign up to receive our rundown\n") is None


def test_no_match_gives_no_site() -> None:
    assert site_of(PLAIN) is None
    s = sample_by_number("002")
    assert site_of(s.raw) is None


def test_site_rules_off_means_no_site() -> None:
    s = sample_by_number("001")
    assert Pipeline(Config(site_rules=False)).process(Source(s.raw)).site is None


def test_precedence_explicit_then_url_then_path_then_fingerprints() -> None:
    text = f"{PLAIN}\n{SOUTHFRONT}\n"  # fingerprints say southfront.org
    url = "https://sputniknews.com/asia/1/"
    path = "in/world-today-news.com/a.txt"
    assert site_of(text, url=url, path=path, site="express.co.uk") == "express.co.uk"
    assert site_of(text, url=url, path=path) == "sputniknews.com"
    assert site_of(text, path=path) == "world-today-news.com"
    assert site_of(text) == "southfront.org"


def test_an_unknown_url_or_path_falls_through_to_the_next_source() -> None:
    text = f"{PLAIN}\n{SOUTHFRONT}\n"
    assert site_of(text, url="https://example.com/a", path="in/example.org/a.txt") == "southfront.org"


def test_unknown_explicit_site_is_a_usage_error_listing_known_sites() -> None:
    message = (
        "--site example.com: no rule file for this site (known sites: express.co.uk, southfront.org, "
        "sputniknews.com, world-today-news.com); add one with --rules DIR"
    )
    with pytest.raises(UsageError) as caught:
        Pipeline(Config(site="example.com"))
    assert str(caught.value) == message


def test_cli_unknown_site_exits_2(cli, tmp_path: Path) -> None:
    doc = write(tmp_path / "a.txt", PLAIN)
    result = cli("clean", doc, "-", "--site", "example.com")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --site example.com: no rule file for this site (known sites: express.co.uk, southfront.org, "
        "sputniknews.com, world-today-news.com); add one with --rules DIR\n"
    )
    assert result.stdout == ""


def test_cli_finds_the_site_from_the_folder_name(cli, tmp_path: Path) -> None:
    # Bare text with one express fingerprint: not enough alone, but the folder names the site.
    text = f"The talks ended on Friday.\n\n{EXPRESS_1}\n"
    doc = write(tmp_path / "in" / "express.co.uk" / "a.txt", text)
    result = cli("explain", doc)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"{doc}: site express.co.uk"
    plain = write(tmp_path / "in" / "other" / "a.txt", text)
    assert cli("explain", plain).stdout.splitlines()[0] == f"{plain}: site none (default rules only)"


def test_cli_folder_run_uses_the_folder_names(cli, tmp_path: Path) -> None:
    # Link lines set off by two blank lines are dropped only under express.co.uk's rule EXP003.
    text = (
        "Thousands are being airlifted from the country amid fears the Taliban will return.\n\n\n"
        "WHO warns China’s delays make it impossible to find COVID-19 origin\n\n"
        "Boris Johnson and the G7 have now agreed a roadmap for engaging with the group.\n"
    )
    write(tmp_path / "in" / "express.co.uk" / "a.txt", text)
    write(tmp_path / "in" / "elsewhere" / "a.txt", text)
    result = cli("clean", tmp_path / "in", tmp_path / "out", "--stages", "strip_ads")
    assert result.exit_code == 0, result.stderr
    assert "WHO warns" not in (tmp_path / "out" / "express.co.uk" / "a.txt").read_text(encoding="utf-8")
    assert "WHO warns" in (tmp_path / "out" / "elsewhere" / "a.txt").read_text(encoding="utf-8")


def test_library_entry_point_takes_url_and_site() -> None:
    from boilercut import clean_text

    text = "The talks ended on Friday.\n\nSupport SouthFront\n"
    assert clean_text(text, url="https://southfront.org/x").endswith("The talks ended on Friday.\n")
    with pytest.raises(UsageError):
        clean_text(text, site="nowhere.example")
