"""The datatrove step and the Spark helpers, on a few real pages (local mode only)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean.integrations.spark import clean_partition, partition_cleaner

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus" / "dev-sample.jsonl"
BOILER = "Copyright © 2024 Example News. All Rights Reserved."


def corpus() -> list[dict[str, Any]]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


def test_import_newsclean_does_not_import_the_engines() -> None:
    code = (
        "import sys, newsclean, newsclean.integrations, newsclean.integrations.spark; "
        "bad = [m for m in ('datatrove', 'pyspark', 'pandas') if m in sys.modules]; "
        "sys.exit(1 if bad else 0)"
    )
    import subprocess

    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# -- Spark helpers without Spark -----------------------------------------------------------


def test_clean_partition_on_real_pages() -> None:
    pages = corpus()
    rows = list(clean_partition(iter(pages)))
    assert [r["id"] for r in rows] == [p["id"] for p in pages]
    for page, row in zip(pages, rows, strict=True):
        res = newsclean.clean_and_explain(page["text"])
        assert row["text"] == res.text
        assert row["counts"] == dict(res.counts())
        assert row["error"] is None


def test_partition_cleaner_fields_keep_and_errors() -> None:
    clean = partition_cleaner(id_field="doc", text_field="body", keep=("lang",))
    rows = list(clean([{"doc": 7, "body": f"A story.\n{BOILER}", "lang": "en"}, {"doc": 8}]))
    assert rows[0]["id"] == "7"
    assert rows[0]["lang"] == "en"
    assert BOILER not in rows[0]["text"]
    assert rows[0]["counts"].get("legal") == 1
    assert (rows[1]["id"], rows[1]["text"], rows[1]["lang"]) == ("8", None, None)
    assert "'body'" in rows[1]["error"]


def stat_total(value: Any) -> int:
    """datatrove writes a plain counter as a number, other stats as {"total": ...}."""
    return int(value if isinstance(value, int | float) else value["total"])


# -- datatrove --------------------------------------------------------------------------------


def test_datatrove_step_under_the_local_executor(tmp_path: Path) -> None:
    pytest.importorskip("datatrove")
    from datatrove.executor import LocalPipelineExecutor  # type: ignore[import-untyped,import-not-found,unused-ignore]
    from datatrove.pipeline.readers import JsonlReader  # type: ignore[import-untyped,import-not-found,unused-ignore]
    from datatrove.pipeline.writers import JsonlWriter  # type: ignore[import-untyped,import-not-found,unused-ignore]

    from newsclean.integrations.datatrove import NewscleanStep

    src = tmp_path / "in"
    src.mkdir()
    pages = corpus()
    empty = {"id": "empty", "text": "Home | News | Sport\n" + BOILER}  # nothing left
    rows = [*pages, empty]
    for part in range(2):  # two files, two tasks, two worker processes
        with (src / f"part{part}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows[part::2]:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    out = tmp_path / "out"
    logs = tmp_path / "logs"
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(src)),
            NewscleanStep(counts_key="newsclean"),
            JsonlWriter(str(out), compression=None),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(logs),
    )
    executor.run()
    written = [
        json.loads(line)
        for f in sorted(out.glob("*.jsonl"))
        for line in f.read_text(encoding="utf-8").splitlines()
    ]
    expected = {p["id"]: newsclean.clean_and_explain(p["text"]) for p in pages}
    assert {w["id"]: w["text"] for w in written} == {k: r.text for k, r in expected.items()}
    for w in written:
        assert w["metadata"]["newsclean"] == dict(expected[w["id"]].counts())
    stats = json.loads((logs / "stats.json").read_text())
    step = next(s for s in stats if "newsclean" in s["name"])
    totals = {k: stat_total(v) for k, v in step["stats"].items()}
    assert totals["total"] == len(pages) + 1
    assert totals["forwarded"] == len(pages)
    assert totals["dropped_empty"] == 1
    removed = {k: v for k, v in totals.items() if k.startswith("removed_")}
    want: dict[str, int] = {}
    for res in [*expected.values(), newsclean.clean_and_explain(empty["text"])]:
        for label, n in res.counts().items():
            want[f"removed_{label}"] = want.get(f"removed_{label}", 0) + n
    assert removed == want


def test_datatrove_step_reads_html_from_metadata_and_drops_errors() -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document  # type: ignore[import-untyped,import-not-found,unused-ignore]

    from newsclean.integrations.datatrove import NewscleanStep

    step = NewscleanStep(kind="text", html_key="page_text")
    docs = [
        Document(text="ignored", id="a", metadata={"page_text": f"A story.\n{BOILER}"}),
        Document(text=f"Another story.\n{BOILER}", id="b"),
    ]
    got = list(step.run(iter(docs)))
    assert [(d.id, d.text) for d in got] == [("a", "A story."), ("b", "Another story.")]
    assert "page_text" not in got[0].metadata


def test_datatrove_step_drops_or_raises_on_a_failing_filter(tmp_path: Path) -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document  # type: ignore[import-untyped,import-not-found,unused-ignore]

    from newsclean.integrations.datatrove import NewscleanStep

    def boom(block: newsclean.Block) -> str | None:
        if "EXPLODE" in block.text:
            raise RuntimeError("kaboom")
        return None

    newsclean.register_filter("boom_for_dt_test", newsclean.block_rule(label="boom")(boom))
    config = tmp_path / "p.toml"
    config.write_text('[[steps]]\nfilter = "legal"\n[[steps]]\nfilter = "boom_for_dt_test"\n')
    try:
        step = NewscleanStep(config=str(config))
        docs = [Document(text="EXPLODE", id="a"), Document(text=f"Story.\n{BOILER}", id="b")]
        assert [d.id for d in step.run(iter(docs))] == ["b"]
        assert step.stats["dropped_error"].total == 1
        assert step.stats["removed_legal"].total == 1
        strict = NewscleanStep(config=str(config), on_error="raise")
        with pytest.raises(newsclean.FilterError):
            list(strict.run(iter([Document(text="EXPLODE", id="c")])))
    finally:
        newsclean.unregister_filter("boom_for_dt_test")


# -- Spark in local mode -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark")
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        if os.environ.get("CI"):
            pytest.fail("pyspark is installed but Java is not (CI must install a JRE)")
        pytest.skip("pyspark needs Java; install a JRE (17+) to run the Spark tests")
    from pyspark.sql import SparkSession

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("newsclean-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_spark_map_partitions_and_udf(spark: Any) -> None:
    from newsclean.integrations.spark import OUTPUT_SCHEMA, clean_udf

    pages = corpus()
    df = spark.createDataFrame([{"id": p["id"], "url": p["url"], "text": p["text"]} for p in pages])
    rows = spark.createDataFrame(
        df.rdd.repartition(2).mapPartitions(clean_partition), OUTPUT_SCHEMA
    )
    got = {r["id"]: r.asDict(recursive=True) for r in rows.collect()}
    for p in pages:
        res = newsclean.clean_and_explain(p["text"])
        assert got[p["id"]]["text"] == res.text
        assert got[p["id"]]["counts"] == dict(res.counts())
    articles = df.select("id", clean_udf()("text").alias("article")).collect()
    assert {r["id"]: r["article"] for r in articles} == {
        p["id"]: newsclean.clean(p["text"]) for p in pages
    }


def test_spark_example_job(spark: Any, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("spark_job", ROOT / "examples" / "spark_job.py")
    assert spec is not None
    assert spec.loader is not None
    job = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(job)
    src = tmp_path / "in.jsonl"
    pages = corpus()
    src.write_text(
        "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pages), encoding="utf-8"
    )
    job.run(spark, str(src), str(tmp_path / "pq"), fmt="parquet")
    job.run(spark, str(src), str(tmp_path / "js"), fmt="json")
    back = spark.read.parquet(str(tmp_path / "pq")).collect()
    assert sorted((r["id"], r["text"]) for r in back) == sorted(
        (p["id"], newsclean.clean(p["text"])) for p in pages
    )
    lines = [
        json.loads(line)
        for f in (tmp_path / "js").glob("*.json")
        for line in f.read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(row["id"] for row in lines) == sorted(p["id"] for p in pages)
