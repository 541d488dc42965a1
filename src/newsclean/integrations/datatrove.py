"""A datatrove pipeline step that cleans documents with newsclean.

Needs the ``datatrove`` extra (``pip install 'newsclean[datatrove]'``). The step works
under every datatrove executor (local, Slurm, Ray): it holds only its settings, and each
task builds its pipeline once, on first use.

Example::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from newsclean.integrations.datatrove import NewscleanStep

    LocalPipelineExecutor(
        pipeline=[JsonlReader("raw/"), NewscleanStep(), JsonlWriter("clean/")],
        tasks=8, workers=4, logging_dir="logs/",
    ).run()

The per-label counts of removed blocks land in datatrove's stats (``stats.json`` of the
logging directory) as ``removed_<label>``; documents that come back empty are dropped and
counted as ``dropped_empty``; documents whose cleaning fails are dropped and counted as
``dropped_error`` (or raise, with ``on_error="raise"``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from newsclean._model import InputKind

try:
    from datatrove.data import Document, DocumentsPipeline  # type: ignore[import-untyped,import-not-found,unused-ignore]
    from datatrove.pipeline.base import PipelineStep  # type: ignore[import-untyped,import-not-found,unused-ignore]
except ImportError as err:  # pragma: no cover - exercised without the extra only
    raise ImportError(
        "newsclean.integrations.datatrove needs datatrove: pip install 'newsclean[datatrove]'"
    ) from err

__all__ = ["NewscleanStep"]


class NewscleanStep(PipelineStep):  # type: ignore[misc]
    """Replace each document's text by its article; drop documents left empty.

    Args:
        kind: how to read the page: ``"text"`` (raw scraped text), ``"html"``, or
            ``None`` to detect it.
        html_key: read the page from ``doc.metadata[html_key]`` instead of ``doc.text``
            (as HTML unless ``kind`` says otherwise); the key is removed afterwards unless
            ``keep_html`` is true. Documents without that key are read from ``doc.text``.
        keep_html: keep ``doc.metadata[html_key]`` after cleaning.
        config: a pipeline TOML file instead of the default pipeline.
        skip: step names to leave out.
        counts_key: when set, also store the per-label counts in ``doc.metadata``.
        on_error: ``"drop"`` (count ``dropped_error`` and go on) or ``"raise"``.

    >>> NewscleanStep(kind="text").kind
    'text'
    """

    name = "🧹 newsclean"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        *,
        kind: InputKind | None = "text",
        html_key: str | None = None,
        keep_html: bool = False,
        config: str | None = None,
        skip: tuple[str, ...] = (),
        counts_key: str | None = None,
        on_error: Literal["drop", "raise"] = "drop",
    ) -> None:
        """Store the settings; the pipeline is built in each task, on first use."""
        super().__init__()
        if on_error not in ("drop", "raise"):
            raise ValueError(f"on_error must be 'drop' or 'raise', not {on_error!r}")
        self.kind = kind
        self.html_key = html_key
        self.keep_html = keep_html
        self.config = config
        self.skip = tuple(skip)
        self.counts_key = counts_key
        self.on_error = on_error

    def run(
        self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1
    ) -> Iterator[Document]:
        """Clean every document of ``data``; yield those with article text left."""
        from newsclean.integrations._shared import runner_for

        runner = runner_for(self.config, self.skip)
        for doc in data or ():
            self.stat_update("total")
            page: Any = doc.text
            kind = self.kind
            if self.html_key is not None and self.html_key in doc.metadata:
                page = doc.metadata[self.html_key]
                kind = self.kind or "html"
                if not self.keep_html:
                    del doc.metadata[self.html_key]
            try:
                with self.track_time():
                    result = runner(page, kind)
            except Exception:
                if self.on_error == "raise":
                    raise
                self.stat_update("dropped_error")
                continue
            counts = result.counts()
            for label, n in counts.items():
                self.stat_update(f"removed_{label}", value=n)
            if self.counts_key is not None:
                doc.metadata[self.counts_key] = dict(sorted(counts.items()))
            if not result.text:
                self.stat_update("dropped_empty")
                continue
            doc.text = result.text
            self.stat_update("forwarded")
            self.update_doc_stats(doc)
            yield doc
