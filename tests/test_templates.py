"""Template lines: a line on most pages of a site in one run is dropped (TP001)."""

from __future__ import annotations

import gzip
from pathlib import Path

from boilercut import Cleaner
from boilercut.config import Config
from boilercut.pipeline import Pipeline, Source, site_group
from boilercut.run.plan import Files, plan_clean
from boilercut.run.prepass import count_templates
from boilercut.templates import TEMPLATE_MIN_DOCUMENTS, TemplateCounter, Templates, line_key

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
    result = cli("clean", tmp_path / "in", tmp_path / "out", "--stats")
    assert result.exit_code == 0, result.stderr
    assert "TP001" in result.stderr
    cleaned = (tmp_path / "out" / "ledger.example" / "a1.txt").read_text(encoding="utf-8")
    assert MENU not in cleaned and "day 1" in cleaned
    result = cli("clean", "--no-templates", tmp_path / "in", tmp_path / "out2")
    assert MENU in (tmp_path / "out2" / "ledger.example" / "a1.txt").read_text(encoding="utf-8")


def site_folder(root: Path, *, compressed: bool) -> Path:
    site = root / "ledger.example"
    site.mkdir(parents=True)
    for number in range(TEMPLATE_MIN_DOCUMENTS + 1):
        data = article(number).encode("utf-8")
        if compressed:
            (site / f"a{number}.txt.gz").write_bytes(gzip.compress(data))
        else:
            (site / f"a{number}.txt").write_bytes(data)
    return root


def first_pass(root: Path, out: Path) -> Templates:
    plan = plan_clean(str(root), str(out))
    assert isinstance(plan, Files)
    return count_templates(Cleaner(), [step.job for step in plan.steps])


def test_the_first_pass_reads_compressed_files_as_the_second_does(cli, tmp_path: Path) -> None:
    plain = first_pass(site_folder(tmp_path / "plain", compressed=False), tmp_path / "out")
    packed = first_pass(site_folder(tmp_path / "packed", compressed=True), tmp_path / "out")
    # Counted under the site's folder (no rule file knows ledger.example), the same lines either way.
    assert list(plain.by_site.values()) == list(packed.by_site.values()) == [frozenset({line_key(MENU)})]
    assert cli("clean", tmp_path / "plain", tmp_path / "plain-out").exit_code == 0
    result = cli("clean", tmp_path / "packed", tmp_path / "packed-out")
    assert result.exit_code == 0, result.stderr
    for number in range(TEMPLATE_MIN_DOCUMENTS + 1):
        text = (tmp_path / "plain-out" / "ledger.example" / f"a{number}.txt").read_bytes()
        assert gzip.decompress((tmp_path / "packed-out" / "ledger.example" / f"a{number}.txt.gz").read_bytes()) == text
        assert MENU.encode() not in text
