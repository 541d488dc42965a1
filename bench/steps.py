"""Where the time of text-mode cleaning goes, step by step (a script, not a test).

Usage::

    python bench/steps.py ../shared/data/dev              # every dataset, text mode
    python bench/steps.py ../shared/data/dev --kind html  # the HTML route
    python bench/steps.py ../shared/data/dev --floor      # what the bare essentials cost

Each step of the default pipeline is wrapped in a timer and the pages are cleaned with
that pipeline, settling passes included; the first step that reads ``Document.features``
pays for computing them (``legal`` in the default order). The rest of ``Pipeline.run``
(reading and segmenting the page, building the result) is the time left outside the
steps (it also holds the timers' own small cost). Process CPU time, best of ``--repeat``
runs; the timed pipeline runs a little slower than the plain one.

``--floor`` times, instead, what no text-mode pipeline can do without: reading and
segmenting each page, that plus the shared per-block features, and a pipeline whose only
step is ``main_content`` (the article scorer), next to the default pipeline.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

import newsclean
from newsclean import Document, Drop, Filter, Pipeline
from newsclean._model import InputKind
from newsclean._read import read_page


class _Timed:
    """A step that adds the CPU time of each call to a shared table."""

    def __init__(self, name: str, flt: Filter, table: dict[str, float]) -> None:
        self.name, self.flt, self.table = name, flt, table

    def __call__(self, doc: Document, /) -> Iterable[Drop]:
        started = time.process_time()
        drops = list(self.flt(doc))
        self.table[self.name] += time.process_time() - started
        return drops


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="folder of <dataset>.jsonl.gz files")
    parser.add_argument("--kind", choices=["text", "html"], default="text")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is shown")
    parser.add_argument("--floor", action="store_true", help="time the bare essentials")
    args = parser.parse_args(argv)
    pages: list[str] = []
    for path in sorted(args.data_dir.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            pages.extend(json.loads(line)[args.kind] for line in fh)
    if not pages:
        print(f"no pages in {args.data_dir}", file=sys.stderr)
        return 2
    if args.floor:
        return _floor(pages, "html" if args.kind == "html" else "text", args.repeat)
    best: dict[str, float] | None = None
    best_total = float("inf")
    for _ in range(args.repeat):
        table: dict[str, float] = defaultdict(float)
        pipe = Pipeline(
            [(name, _Timed(name, flt, table)) for name, flt in newsclean.default_pipeline()]
        )
        started = time.process_time()
        for page in pages:
            pipe.run(page, kind=args.kind)
        total = time.process_time() - started
        if total < best_total:
            best_total, best = total, dict(table)
    assert best is not None
    n = len(pages)
    per_page = best_total / n * 1e3
    print(f"{n} pages, {args.kind} mode: {per_page:.3f} ms/page, {n / best_total:.0f} pages/s")
    print(f"{'step':<16}{'ms/page':>9}{'share':>8}")
    for name, seconds in sorted(best.items(), key=lambda item: -item[1]):
        print(f"{name:<16}{seconds / n * 1e3:>9.3f}{seconds / best_total:>8.1%}")
    outside = best_total - sum(best.values())
    print(f"{'(outside steps)':<16}{outside / n * 1e3:>9.3f}{outside / best_total:>8.1%}")
    return 0


def _floor(pages: list[str], kind: InputKind, repeat: int) -> int:
    """Print the CPU ms/page of reading, features and a main_content-only pipeline."""
    default = newsclean.default_pipeline()
    scorer_only = Pipeline([("main_content", default["main_content"])])
    runs: list[tuple[str, Callable[[str], object]]] = [
        ("read and segment", lambda page: read_page(page, kind)),
        ("+ features", lambda page: read_page(page, kind).document.features),
        ("main_content only", lambda page: scorer_only.run(page, kind=kind)),
        ("default pipeline", lambda page: default.run(page, kind=kind)),
    ]
    for name, run in runs:
        best = float("inf")
        for _ in range(repeat):
            started = time.process_time()
            for page in pages:
                run(page)
            best = min(best, time.process_time() - started)
        per_page = best / len(pages) * 1e3
        print(f"{name:<20}{per_page:>8.3f} ms/page{len(pages) / best:>8.0f} pages/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
