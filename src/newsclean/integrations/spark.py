"""Apache Spark helpers: a ``mapPartitions`` function and a pandas UDF.

Needs the ``spark`` extra (``pip install 'newsclean[spark]'``: pyspark, pandas, pyarrow)
only for :func:`clean_udf`; :func:`clean_partition` is plain Python. Importing this
module never imports pyspark. Each Python worker builds its pipeline once.

Row-wise, keeping ids and per-label counts::

    from newsclean.integrations.spark import OUTPUT_SCHEMA, clean_partition
    rows = spark.read.json("raw/*.jsonl.gz").rdd.mapPartitions(clean_partition)
    spark.createDataFrame(rows, OUTPUT_SCHEMA).write.parquet("clean/")

Column-wise, text in, article out::

    from newsclean.integrations.spark import clean_udf
    df.withColumn("article", clean_udf()("text"))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from newsclean._model import InputKind
from newsclean._records import Fields, clean_mapping

__all__ = ["OUTPUT_SCHEMA", "clean_partition", "clean_udf", "partition_cleaner"]

TEASER_TYPE = (
    "struct<title:string,snippet:string,source:string,time:string,"
    "blocks:array<int>,copies:array<int>>"
)
OUTPUT_SCHEMA = (
    "id string, url string, title string, text string, "
    f"teasers array<{TEASER_TYPE}>, counts map<string,int>, error string"
)
"""Spark DDL schema of the rows :func:`clean_partition` yields (without ``keep`` fields)."""


def partition_cleaner(
    *,
    id_field: str = "id",
    url_field: str = "url",
    text_field: str = "text",
    html_field: str = "html",
    prefer: InputKind = "text",
    keep: tuple[str, ...] = (),
    config: str | None = None,
    skip: tuple[str, ...] = (),
) -> Callable[[Iterable[Any]], Iterator[dict[str, Any]]]:
    """Return a function for ``rdd.mapPartitions`` with these field names and pipeline.

    The function takes rows (Spark ``Row`` objects or mappings) and yields one dict per
    row with the keys of :data:`OUTPUT_SCHEMA` plus the ``keep`` fields. A row that
    fails keeps its id, has ``text=None`` and says why in ``error``.

    >>> clean = partition_cleaner(text_field="body", keep=("lang",))
    >>> rows = [{"id": 1, "body": "Storm hits the coast", "lang": "en"}, {"id": 2}]
    >>> [(row["id"], row["lang"], row["error"]) for row in clean(rows)]
    [('1', 'en', None), ('2', None, "no page: the record has no string field 'body' or 'html'")]
    """
    fields = Fields(id_field, url_field, text_field, html_field, prefer, tuple(keep))
    skip = tuple(skip)

    def clean(rows: Iterable[Any]) -> Iterator[dict[str, Any]]:
        from newsclean.integrations._shared import runner_for

        runner = runner_for(config, skip)
        for row in rows:
            yield clean_mapping(_as_mapping(row), runner, fields)

    return clean


clean_partition = partition_cleaner()
"""Clean a partition of rows with the default field names (``id``, ``url``, ``text``, ``html``)."""


def _as_mapping(row: Any) -> Mapping[str, Any]:
    if isinstance(row, Mapping):
        return row
    as_dict = getattr(row, "asDict", None)
    if as_dict is not None:
        result: Mapping[str, Any] = as_dict()
        return result
    raise TypeError(f"rows must be mappings or Spark Rows, not {type(row).__name__}")


def clean_udf(
    *, kind: InputKind | None = "text", config: str | None = None, skip: tuple[str, ...] = ()
) -> Any:
    """Return a pandas UDF (string column in, article column out).

    Null pages give null; a page whose cleaning fails gives null too (use
    :func:`clean_partition` to see why).

    Args:
        kind: how to read the column: ``"text"``, ``"html"``, or ``None`` to detect.
        config: a pipeline TOML file instead of the default pipeline.
        skip: step names to leave out.

    Raises:
        ImportError: pyspark (or pandas, pyarrow) is not installed.
    """
    try:
        import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]
        from pyspark.sql.pandas.functions import pandas_udf
    except ImportError as err:
        raise ImportError("clean_udf needs pyspark: pip install 'newsclean[spark]'") from err
    skip = tuple(skip)

    def clean_series(pages: Any) -> Any:
        from newsclean.integrations._shared import runner_for

        runner = runner_for(config, skip)
        out: list[str | None] = []
        for page in pages:
            if not isinstance(page, str):
                out.append(None)
                continue
            try:
                out.append(runner(page, kind).text)
            except Exception:
                out.append(None)
        return pd.Series(out, index=pages.index, dtype=object)

    # real types, not the postponed strings, so that pyspark can read the signature
    clean_series.__annotations__ = {"pages": pd.Series, "return": pd.Series}
    return pandas_udf(clean_series, "string")  # type: ignore[call-overload,unused-ignore]
