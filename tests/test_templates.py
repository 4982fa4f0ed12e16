"""Template lines: a line on most pages of a site in one run is dropped (TP001)."""

from __future__ import annotations

from boilercut.config import Config
from boilercut.pipeline import Pipeline, Source, site_group
from boilercut.templates import TEMPLATE_MIN_DOCUMENTS, TemplateCounter

# Template text that reads like prose: only its recurrence across the site's pages gives it away.
MENU = "The Riverside Ledger is funded by its readers and keeps every story free for everyone to read."


def article(number: int) -> str:
    return (
        f"Headline number {number} about the river\n\n"
        f"The council met on day {number} and agreed to repair the flood wall before the winter storms arrive.\n\n"
        f"{MENU}\n\n"
        f"Residents said on day {number} that the repairs were long overdue and welcomed the decision."
    )


def counted(documents: int, site: str = "ledger.example") -> TemplateCounter:
    counter = TemplateCounter()
    for number in range(documents):
        counter.add(site, [line for line in article(number).split("\n") if line])
    return counter


def test_a_line_on_every_page_of_a_site_is_template_text() -> None:
    templates = counted(TEMPLATE_MIN_DOCUMENTS).templates()
    doc = Pipeline(Config(), templates).process(Source(article(1), url="https://www.ledger.example/a"))
    menu = next(block for block in doc.blocks if block.text == MENU)
    assert menu.drop is not None and (menu.drop.stage, menu.drop.rule) == ("strip_boilerplate", "TP001")
    assert all(block.kept for block in doc.blocks if "day 1" in block.text)


def test_too_few_documents_make_no_template() -> None:
    templates = counted(TEMPLATE_MIN_DOCUMENTS - 1).templates()
    assert templates.of("ledger.example") == frozenset()


def test_templates_belong_to_their_site() -> None:
    templates = counted(TEMPLATE_MIN_DOCUMENTS).templates()
    doc = Pipeline(Config(), templates).process(Source(article(1), url="https://other.example/a"))
    assert all(block.drop is None or block.drop.rule != "TP001" for block in doc.blocks)


def test_site_group_falls_back_from_site_to_host_to_folder() -> None:
    assert site_group("express.co.uk", Source("x", url="https://www.other.example/")) == "express.co.uk"
    assert site_group(None, Source("x", url="https://www.other.example/a")) == "other.example"
    assert site_group(None, Source("x", path="in/batch1/a.txt")) == "in/batch1"
    assert site_group(None, Source("x")) is None


def test_a_folder_run_counts_template_lines_first(cli, tmp_path) -> None:
    site = tmp_path / "in" / "ledger.example"
    site.mkdir(parents=True)
    for number in range(TEMPLATE_MIN_DOCUMENTS + 1):
        (site / f"a{number}.txt").write_text(article(number), encoding="utf-8")
    result = cli("clean", tmp_path / "in", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "TP001" in result.stderr
    cleaned = (tmp_path / "out" / "ledger.example" / "a1.txt").read_text(encoding="utf-8")
    assert MENU not in cleaned and "day 1" in cleaned
    result = cli("clean", "--no-templates", tmp_path / "in", tmp_path / "out2")
    assert MENU in (tmp_path / "out2" / "ledger.example" / "a1.txt").read_text(encoding="utf-8")
