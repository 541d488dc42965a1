"""Clean a JSONL corpus with Apache Spark and write Parquet (or JSONL).

Local run (2 cores)::

    pip install 'newsclean[spark]'
    python examples/spark_job.py 'raw/*.jsonl.gz' clean/ --master 'local[2]'

On a cluster, ship newsclean to the executors (install it in their Python environment,
or zip it with ``--py-files``) and submit::

    spark-submit --master yarn --num-executors 50 examples/spark_job.py \\
        's3a://bucket/raw/*.jsonl.gz' s3a://bucket/clean/ --format parquet

Each input line is a JSON object with ``id``, ``url`` and ``text`` (raw scraped text) or
``html`` fields (names configurable). Each output row has ``id``, ``url``, ``title``,
``text``, ``teasers``, ``counts`` (blocks removed per label) and ``error`` (why a row
failed; ``text`` is then null).
"""

from __future__ import annotations

import argparse
from typing import Any, Literal

from newsclean.integrations.spark import OUTPUT_SCHEMA, partition_cleaner


def run(spark: Any, source: str, target: str, *, fmt: str = "parquet", text_field: str = "text",
        html_field: str = "html", prefer: Literal["text", "html"] = "text") -> None:  # fmt: skip
    """Read JSONL from ``source``, clean every row, write ``fmt`` files into ``target``."""
    raw = spark.read.json(source)
    clean = partition_cleaner(text_field=text_field, html_field=html_field, prefer=prefer)
    rows = raw.rdd.mapPartitions(clean)
    out = spark.createDataFrame(rows, OUTPUT_SCHEMA)
    writer = out.write.mode("overwrite")
    if fmt == "parquet":
        writer.parquet(target)
    else:
        writer.json(target)


def main() -> None:
    """Parse the command line, start Spark, run the job."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", help="JSONL input: a file, a directory or a glob")
    parser.add_argument("target", help="output directory")
    parser.add_argument("--format", choices=["parquet", "json"], default="parquet")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--html-field", default="html")
    parser.add_argument("--prefer", choices=["text", "html"], default="text")
    parser.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's)")
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("newsclean")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        run(spark, args.source, args.target, fmt=args.format, text_field=args.text_field,
            html_field=args.html_field, prefer=args.prefer)  # fmt: skip
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
