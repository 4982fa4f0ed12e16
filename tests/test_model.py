"""The learned classifier: the gold label rule, the model file, training, and explanations."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import numpy as np
import pytest

from boilercut import Cleaner
from boilercut.classify import model as models
from boilercut.classify.classifier import article_chance, probabilities
from boilercut.classify.feature_names import FIRST_FEATURES
from boilercut.classify.model import Model
from boilercut.classify.view import View
from boilercut.errors import BoilercutError, ConfigError
from boilercut.pipeline import Source
from boilercut.training.crossval import each_fold
from boilercut.training.gold import label_lines
from support import BENCH, bench_cases

# -- the label rule ------------------------------------------------------------------------------


def test_a_line_is_kept_when_most_of_its_words_run_on_in_the_gold() -> None:
    lines = [
        "Home",
        "News",
        "The council voted on Tuesday to build new lanes.",
        "Share this article",
        "Work starts in spring, the mayor said.",
    ]
    gold = "The council voted on Tuesday to build new lanes.\n\nWork starts in spring, the mayor said."
    assert label_lines(lines, gold) == [False, False, True, False, True]


def test_a_short_line_between_article_lines_is_kept_by_the_runs_that_cross_it() -> None:
    # A subheading of two words has no four-word run of its own; runs across its line ends find it.
    lines = ["The vote passed by seven votes to four.", "What next", "Work starts in spring."]
    gold = "The vote passed by seven votes to four.\n\nWhat next\n\nWork starts in spring."
    assert label_lines(lines, gold) == [True, True, True]


def test_a_menu_word_that_also_occurs_in_the_gold_is_not_kept() -> None:
    lines = ["Sport", "Weather", "The sport pages reported the weather on Monday.", "Contact"]
    gold = "The sport pages reported the weather on Monday."
    assert label_lines(lines, gold) == [False, False, True, False]


def test_half_the_words_is_the_bar_and_a_line_without_words_is_dropped() -> None:
    gold = "one two three four five six"
    assert label_lines(["one two three four nine ten eleven twelve"], gold) == [True]  # 4 of 8 covered
    assert label_lines(["one two three four nine ten eleven twelve thirteen"], gold) == [False]  # 4 of 9
    assert label_lines(["* * *", "one two three four"], gold) == [False, True]


def test_an_empty_or_tiny_gold() -> None:
    assert label_lines(["anything at all here"], "") == [False]
    assert label_lines(["Breaking: yes", "other"], "Breaking yes") == [True, False]


# -- the model file ------------------------------------------------------------------------------


def test_the_shipped_model_gives_the_probabilities_it_gave_when_trained() -> None:
    model = models.shipped()
    check = model.info["check"]
    view = View.plain(check["lines"], check["blank_before"])
    found = probabilities(view, model)[0]
    assert np.allclose(found, check["probability"], rtol=0, atol=1e-9)
    assert model.first_features == FIRST_FEATURES
    assert model.page is not None and abs(article_chance(view, model) - check["article"]) < 1e-9


def test_the_shipped_model_is_small_and_says_how_it_was_trained() -> None:
    path = models.shipped_path()
    assert path.stat().st_size < 4_000_000
    info = models.shipped().info
    assert {entry["file"] for entry in info["trained_on"]} == {"cases.jsonl", "cases.jsonl.gz"}
    assert info["settings"]["seed"] == 0


def test_a_model_saved_and_loaded_is_the_same(tmp_path: Path) -> None:
    model = models.shipped()
    model.save(tmp_path / "m.npz")
    again = Model.load(tmp_path / "m.npz")
    check = model.info["check"]
    view = View.plain(check["lines"], check["blank_before"])
    first = probabilities(view, model)[0]
    assert np.array_equal(first, probabilities(view, again)[0])


def test_a_file_that_is_not_a_model_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "m.npz").write_bytes(b"not a zip")
    with pytest.raises(ConfigError, match="not a boilercut model file"):
        Model.load(tmp_path / "m.npz")


def test_a_model_file_of_an_earlier_format_must_be_retrained(tmp_path: Path) -> None:
    model = models.shipped()
    model.save(tmp_path / "m.npz")
    with np.load(tmp_path / "m.npz") as archive:
        arrays = {name: archive[name] for name in archive.files if name != "known"}
    header = json.loads(arrays["header"].tobytes()) | {"format": 1}
    arrays["header"] = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
    np.savez(tmp_path / "old.npz", **arrays)
    with pytest.raises(ConfigError, match="model format 1, this boilercut reads 2 to 3: retrain it"):
        Model.load(tmp_path / "old.npz")


def test_a_model_of_other_features_must_be_retrained(tmp_path: Path) -> None:
    model = models.shipped()
    import dataclasses

    dataclasses.replace(model, first_features=model.first_features[:-1]).save(tmp_path / "old.npz")
    with pytest.raises(ConfigError, match="retrain it with `boilercut train`"):
        Model.load(tmp_path / "old.npz")


# -- training ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_train_on_a_handful_of_pages_makes_a_model_the_cli_uses(cli, tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    with cases.open("w", encoding="utf-8") as out:
        for case in bench_cases()[:12]:
            out.write(json.dumps({"text": case["text"], "gold": case["gold"], "url": case["url"]}) + "\n")
    model = tmp_path / "mine.npz"
    result = cli("train", cases, "--out", model)
    assert result.exit_code == 0, result.stderr
    assert "12 pages of" in result.stderr and model.is_file()
    page = tmp_path / "page.txt"
    page.write_text(bench_cases()[0]["text"], encoding="utf-8")
    result = cli("clean", page, tmp_path / "out.txt", "--model", model)
    assert result.exit_code == 0, result.stderr
    assert Cleaner(model=model).clean(bench_cases()[0]["text"]).text == (tmp_path / "out.txt").read_text(
        encoding="utf-8"
    )


@pytest.mark.slow
def test_the_same_pages_and_seed_train_the_same_model(tmp_path: Path) -> None:
    from boilercut.training import Settings, train

    cases = tmp_path / "cases.jsonl"
    cases.write_text("".join(json.dumps({"text": c["text"], "gold": c["gold"]}) + "\n" for c in bench_cases()[:8]))
    one = train([cases], Settings(seed=3, trees=20))
    two = train([cases], Settings(seed=3, trees=20))
    assert one.info["check"] == two.info["check"]
    # ... given the same libraries: the model names the versions it was trained with.
    from importlib.metadata import version

    assert one.info["libraries"] == {name: version(name) for name in ("numpy", "scikit-learn", "lightgbm")}


@pytest.mark.slow
def test_train_needs_labeled_pages(cli, tmp_path: Path) -> None:
    bad = tmp_path / "cases.jsonl"
    bad.write_text('{"text": "a page"}\n')
    result = cli("train", bad, "--out", tmp_path / "m.npz")
    assert result.exit_code == 2
    assert "a case needs string fields 'text' and 'gold'" in result.stderr


def test_the_forest_gives_what_lightgbm_gives() -> None:
    lightgbm = pytest.importorskip("lightgbm")
    from boilercut.training.fit import forest_of

    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 5))
    y = (x[:, 0] + x[:, 1] * x[:, 2] > 0).astype(int)
    booster = lightgbm.train({"objective": "binary", "verbosity": -1, "num_leaves": 8}, lightgbm.Dataset(x, y), 30)
    forest = forest_of(booster.dump_model())
    assert np.allclose(forest.raw(x), booster.predict(x, raw_score=True), atol=1e-9)


# -- explanations --------------------------------------------------------------------------------


@pytest.mark.slow
def test_explain_names_the_model_and_the_features_behind_a_drop(cli) -> None:
    assert BENCH.is_file()
    text = bench_cases()[0]["text"]
    cleaned = Cleaner().clean_source(Source(text), explain=True)
    model_drops = [line for line in cleaned.dropped if line.rule.startswith("ML")]
    assert model_drops
    for line in model_drops:
        assert "article text with probability 0." in line.reason and "weighed most:" in line.reason
        named = line.reason.split("weighed most: ")[1].split(", ")
        assert len(named) == 3 and all(name.split()[0] in FIRST_FEATURES for name in named)


def test_cover_is_the_share_of_a_lines_words_in_runs_of_four_the_other_text_has() -> None:
    from boilercut.classify.cover import cover

    lines = ["one two three four five", "six seven", "nothing here at all"]
    assert cover(lines, "two three four five six seven").tolist() == [0.8, 1.0, 0.0]
    assert cover(lines, "").tolist() == [0.0, 0.0, 0.0]
    assert cover(["", "..."], "one two three four").tolist() == [0.0, 0.0]


@pytest.mark.slow
def test_train_reads_the_html_of_a_case_beside_its_file(cli, tmp_path: Path) -> None:
    import shutil

    from support import BENCH_HTML

    (tmp_path / "html").mkdir()
    cases = tmp_path / "cases.jsonl"
    with cases.open("w", encoding="utf-8") as out:
        for case in bench_cases()[:10]:
            out.write(json.dumps({key: case[key] for key in ("id", "text", "gold", "url")}) + "\n")
            shutil.copy(BENCH_HTML / f"{case['id']}.html.gz", tmp_path / "html")
    model = tmp_path / "mine.npz"
    result = cli("train", cases, "--out", model)
    assert result.exit_code == 0, result.stderr
    assert "20 pages of" in result.stderr and "(10 read from their HTML)" in result.stderr
    page = tmp_path / "page.html.gz"
    shutil.copy(BENCH_HTML / f"{bench_cases()[0]['id']}.html.gz", page)
    result = cli("clean", page, "-", "--model", model)
    assert result.exit_code == 0, result.stderr
    assert bench_cases()[0]["gold"].split("\n")[0][:40] in result.stdout
    result = cli("train", cases, "--out", model, "--text-only")
    assert result.exit_code == 0, result.stderr
    assert "10 pages of" in result.stderr and "(0 read from their HTML)" in result.stderr


def test_aligned_cover_covers_a_passage_the_page_shows_twice_once() -> None:
    from boilercut.classify.cover import aligned, cover

    lead = "The council approved the new bridge on Tuesday."
    lines = [lead, "Read more", lead, "Work starts in the spring, the mayor said."]
    extraction = f"{lead}\nWork starts in the spring, the mayor said."
    assert cover(lines, extraction).tolist() == [1.0, 0.0, 1.0, 1.0]
    # One copy only: the one that runs on into the rest of the extracted text.
    assert aligned(lines, extraction).tolist() == [0.0, 0.0, 1.0, 1.0]
    assert aligned(["a b c", "d e"], "x y").tolist() == [0.0, 0.0]


def test_aligned_cover_of_a_page_too_large_to_align_is_cover(monkeypatch) -> None:
    from boilercut.classify import cover as module

    lines = ["one two three four five", "six seven", "one two three four five"]
    monkeypatch.setattr(module, "MAX_ALIGNED_WORK", 0)
    assert module.aligned(lines, "one two three four five six seven").tolist() == [1.0, 1.0, 1.0]


def test_folds_run_in_worker_processes_give_what_they_give_here() -> None:
    seen = {"calls": 0}  # a closure over local state: it is forked, never pickled

    def work(number: int) -> tuple[int, int]:
        seen["calls"] += 1
        return number, number * number

    here = list(each_fold(work, 5, jobs=1))
    forked = sorted(each_fold(work, 5, jobs=2))
    assert here == forked == [(n, n * n) for n in range(1, 6)]
    assert seen["calls"] == 5  # the forked calls ran in the workers, not here


def test_window_means_of_a_block_are_those_of_each_row() -> None:
    from boilercut.classify.context import window_means

    block = np.random.default_rng(0).random((4, 37))  # a row per column, a column per line
    halves = (1, 2, 5, 15, 25, 50)
    both = window_means(block, halves)
    for row in range(4):
        assert both[row].tobytes() == window_means(block[row], halves).tobytes()
        for j, half in enumerate(halves):
            assert both[row, j].tobytes() == window_means(block[row], (half,))[0].tobytes()
    assert np.allclose(window_means(np.array([1.0, 2.0, 3.0]), (1,)), [[2.0, 2.0, 2.0]])


def test_a_runs_fold_models_clean_their_held_out_pages_again_by_the_split_it_saved(tmp_path: Path) -> None:
    import dataclasses

    from boilercut.pipeline import Pipeline
    from boilercut.training.evaluate import BENCH_CONFIG, clean_page, load_split, refolded, save_split
    from boilercut.training.fit import Prepared
    from boilercut.training.pages import load_pages

    cases = tmp_path / "cases.jsonl"
    cases.write_text("".join(json.dumps({"text": c["text"], "gold": c["gold"]}) + "\n" for c in bench_cases()[:4]))
    prepared = Prepared.of(load_pages([cases], html=False))
    split = [[2, 0], [3, 1]]
    save_split(tmp_path, prepared, split)
    assert load_split(tmp_path, prepared) == split
    shipped = models.shipped()
    strict = dataclasses.replace(shipped, page_threshold=1.01)  # a second model: finds no article anywhere
    shipped.save(tmp_path / "fold-1.npz")
    strict.save(tmp_path / "fold-2.npz")
    (outputs,) = refolded(prepared, tmp_path)
    for model, held in ((shipped, split[0]), (strict, split[1])):
        pipeline = Pipeline(BENCH_CONFIG, model=model)
        assert [outputs[i] for i in held] == [clean_page(pipeline, prepared.pages[i]) for i in held]
    assert outputs[3] != clean_page(Pipeline(BENCH_CONFIG, model=shipped), prepared.pages[3])


def test_a_run_given_an_earlier_runs_split_holds_out_those_pages(tmp_path: Path, monkeypatch) -> None:
    from boilercut.training import evaluate
    from boilercut.training.fit import Prepared, Settings
    from boilercut.training.pages import load_pages

    cases = tmp_path / "cases.jsonl"
    cases.write_text("".join(json.dumps({"text": c["text"], "gold": c["gold"]}) + "\n" for c in bench_cases()[:4]))
    prepared = Prepared.of(load_pages([cases], html=False))
    held_out: list[list[int]] = []

    def fold_model(prepared, settings, held, number):  # type: ignore[no-untyped-def]
        held_out.append(list(held))
        return models.shipped()

    monkeypatch.setattr(evaluate, "fold_model", fold_model)
    split = [[3, 0], [1], [2]]
    evaluate.cross_validated(prepared, Settings(seed=5), models=tmp_path, split=split)
    assert held_out == split  # not the folds seed 5 draws
    assert evaluate.load_split(tmp_path, prepared) == split


def test_a_fold_whose_worker_dies_ends_the_run_with_an_error_not_a_wait() -> None:
    def work(number: int) -> int:
        if number == 2:
            os._exit(9)  # as the kernel's out-of-memory killer ends a worker: no exception, no result
        return number

    def waited(*_: object) -> None:
        raise AssertionError("each_fold still waits for the dead worker's fold")

    before = signal.signal(signal.SIGALRM, waited)  # a regression fails here, rather than hanging the suite
    signal.alarm(120)
    try:
        with pytest.raises(BoilercutError, match="fewer jobs"):
            list(each_fold(work, 3, jobs=2))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
