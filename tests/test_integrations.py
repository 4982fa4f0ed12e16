"""The engine steps: datatrove's local executor and Spark clean a JSONL of bench pages as `boilercut clean` does."""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from boilercut import Cleaner
from support import BENCH, bench_cases

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not BENCH.is_file(), reason="../shared/bench is not beside the project"),
]
PARTS = ("a.jsonl", "b.jsonl")  # two files, so that each of two datatrove tasks reads one


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bench pages as JSONL in two files, each record with fields besides its text, one nested."""
    folder = tmp_path_factory.mktemp("corpus") / "in"
    folder.mkdir()
    cases = bench_cases()
    for part, name in enumerate(PARTS):
        records = [
            {"id": case["id"], "text": case["text"], "url": case["url"], "extra": {"site": case["site"], "n": n}}
            for n, case in enumerate(cases)
            if n % len(PARTS) == part
        ]
        (folder / name).write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def cli_texts(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What `boilercut clean` writes for the corpus, by record id."""
    from typer.testing import CliRunner

    from boilercut.cli import app

    out = tmp_path_factory.mktemp("cli") / "out"
    result = CliRunner().invoke(app, ["clean", str(corpus), str(out), "--jobs", "2"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return {record["id"]: record["text"] for name in PARTS for record in read_jsonl(out / name)}


def read_jsonl(path: Path) -> Iterator[dict[str, object]]:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return (json.loads(line) for line in data.splitlines())


def drop_counts(cases: list[dict[str, str]]) -> Counter[str]:
    """Lines dropped over the cases, by stage and by stage and rule, as the datatrove step names them."""
    counts: Counter[str] = Counter()
    cleaner = Cleaner()
    for case in cases:
        for (stage, rule), count in cleaner.clean(case["text"], url=case["url"]).drop_counts().items():
            counts[f"lines_dropped/{stage}"] += count
            counts[f"lines_dropped/{stage}/{rule}"] += count
    return counts


def test_datatrove_local_executor_cleans_as_the_command_line(
    corpus: Path, cli_texts: dict[str, str], tmp_path: Path
) -> None:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from boilercut.integrations.datatrove import BoilercutFormatter

    step = BoilercutFormatter()
    executor = LocalPipelineExecutor(
        [JsonlReader(str(corpus), add_file_path=False), step, JsonlWriter(str(tmp_path / "out"))],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    )
    stats = executor.run()

    written = [record for path in sorted((tmp_path / "out").iterdir()) for record in read_jsonl(path)]
    cases = {case["id"]: case for case in bench_cases()}
    assert sorted(str(record["id"]) for record in written) == sorted(cases)
    for record in written:
        case = cases[str(record["id"])]
        assert record["text"] == cli_texts[case["id"]]
        metadata = record["metadata"]
        assert isinstance(metadata, dict) and set(metadata) == {"url", "extra"}
        assert metadata["url"] == case["url"] and metadata["extra"]["site"] == case["site"]  # type: ignore[index]
    ours = next(step_stats for step_stats in stats.stats if step_stats.name == str(step))
    found = {name: metric.total for name, metric in ours.stats.items() if name.startswith("lines_dropped/")}
    assert found == drop_counts(list(cases.values()))
    assert ours.stats["total"].total == ours.stats["forwarded"].total == len(cases)


def test_datatrove_step_drops_documents_left_empty_and_counts_them() -> None:
    from datatrove.data import Document

    from boilercut.integrations.datatrove import BoilercutFormatter

    docs = [
        Document(text="Share this article\n\nSign up for our newsletter", id="empty", metadata={"k": 1}),
        Document(text=bench_cases()[0]["text"], id="page", metadata={"url": bench_cases()[0]["url"]}),
    ]
    step = BoilercutFormatter(drop_empty=True)
    kept = list(step.run(iter(docs)))
    assert [doc.id for doc in kept] == ["page"]
    assert step.stats.stats["dropped_empty"].total == 1
    assert BoilercutFormatter(title=False).cleaner.config.title is False


def test_spark_pandas_udf_cleans_as_the_command_line(
    corpus: Path, cli_texts: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pyspark.sql import SparkSession

    from boilercut.integrations.spark import clean_column

    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # workers run this interpreter, which has boilercut
    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("boilercut-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        frame = spark.read.json(str(corpus))
        rows = frame.select("id", clean_column("text", url="url").alias("clean")).collect()
    finally:
        spark.stop()
    assert {row["id"]: row["clean"] for row in rows} == cli_texts
