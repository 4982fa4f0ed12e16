"""HTML input: trafilatura picks the main text, the stages clean what it keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

PARAGRAPHS = [
    "The city council approved the new bridge on Tuesday after two years of debate about its cost and its route.",
    "Construction will begin in the spring, and the mayor said the work should be finished before the end of 2026.",
    "Residents of the old town had asked for a crossing since the ferry stopped running, the council's report said.",
    "Opponents argued that the money would be better spent on schools, but the vote passed by nine votes to four.",
]
PAGE = f"""<!DOCTYPE html>
<html><head><title>Council approves new bridge - Example Times</title></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Council approves new bridge</h1>
{"".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)}
</article>
<footer><p>Copyright 2021 Example Times. All rights reserved.</p></footer>
</body></html>
"""


def test_an_html_file_comes_out_as_its_article(cli, tmp_path: Path) -> None:
    page = tmp_path / "bridge.html"
    page.write_text(PAGE, encoding="utf-8")
    result = cli("clean", page, "-")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.split("\n\n")
    assert lines[0] == "Council approves new bridge"
    assert [line.strip() for line in lines[1:]] == PARAGRAPHS
    assert "Sport" not in result.stdout and "Copyright" not in result.stdout


def test_an_html_folder_is_mirrored_as_text(cli, tmp_path: Path) -> None:
    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "a" / "bridge.html").write_text(PAGE, encoding="utf-8")
    result = cli("clean", tmp_path / "in", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert (
        (tmp_path / "out" / "a" / "bridge.txt")
        .read_text(encoding="utf-8")
        .startswith("Council approves new bridge\n\n")
    )


# -- what the classifier knows of an HTML page -----------------------------------------------------


def test_an_html_page_is_judged_as_its_whole_text_knowing_what_trafilatura_kept() -> None:
    from boilercut.config import Config
    from boilercut.pipeline import Pipeline, page_source

    source = page_source(PAGE, name="bridge.html")
    assert source.html and source.extraction is not None
    assert "Sport" in source.text and "Copyright 2021" in source.text  # the whole page, menus and all
    view = Pipeline(Config()).classifier_view(source)
    extracted = dict(zip(view.lines, view.extracted.tolist(), strict=True))
    assert all(extracted[paragraph] == 1.0 for paragraph in PARAGRAPHS)
    assert extracted["Sport"] == 0.0
    assert "Copyright 2021 Example Times. All rights reserved." not in extracted  # a rule dropped it first


def test_plain_text_has_no_extractor_to_know_of() -> None:
    from boilercut.classify.view import NOT_EXTRACTED
    from boilercut.config import Config
    from boilercut.pipeline import Pipeline, Source

    view = Pipeline(Config()).classifier_view(Source("\n\n".join(PARAGRAPHS)))
    assert view.extracted.tolist() == [NOT_EXTRACTED] * len(PARAGRAPHS)


def test_a_page_trafilatura_finds_no_main_text_in_is_cleaned_as_plain_text(monkeypatch) -> None:
    from boilercut import Cleaner
    from boilercut.io import html

    plain = Cleaner().clean(html.read_page(PAGE, "bridge.html").text).text
    monkeypatch.setattr(html, "main_text", lambda page: None)
    assert Cleaner().clean_html(PAGE).text == plain
    assert all(paragraph in plain for paragraph in PARAGRAPHS)


def test_an_html_page_with_a_lone_surrogate_is_one_failed_document() -> None:
    from boilercut import Cleaner
    from boilercut.errors import DocumentError

    with pytest.raises(DocumentError, match="not readable as HTML"):
        Cleaner().clean_html("<html><body><p>The council met \udcff on Monday.</p></body></html>")
