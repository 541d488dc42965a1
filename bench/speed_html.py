"""HTML-mode speed: newsclean vs trafilatura on the same pages, side by side.

Usage::

    python bench/speed_html.py ../shared/data/dev              # every dataset
    python bench/speed_html.py ../shared/data/dev --repeat 3 --dataset l3s_gn1
    python bench/speed_html.py ../shared/data/dev --stages     # newsclean parse vs filters

trafilatura is an optional benchmark dependency (``pip install trafilatura``); without
it only newsclean is timed. Each tool runs over all pages in turn, on one core, the
best of ``--repeat`` rounds is kept, and pages/s and MB/s are printed with the ratio.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import newsclean


def load_pages(data_dir: Path, datasets: list[str] | None) -> list[str]:
    pages: list[str] = []
    for path in sorted(data_dir.glob("*.jsonl.gz")):
        if datasets and path.name.removesuffix(".jsonl.gz") not in datasets:
            continue
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            pages.extend(json.loads(line)["html"] for line in fh)
    return pages


def best_time(fn: Callable[[str], Any], pages: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for page in pages:
            fn(page)
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--dataset", action="append")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--stages", action="store_true", help="also time parsing alone")
    args = parser.parse_args(argv)

    pages = load_pages(args.data_dir, args.dataset)
    if not pages:
        print(f"no pages under {args.data_dir}", file=sys.stderr)
        return 2
    megabytes = sum(len(p.encode("utf-8")) for p in pages) / 1e6

    tools: list[tuple[str, Callable[[str], Any]]] = []
    if args.stages:
        from newsclean._html import html_document

        tools.append(("newsclean parse+blocks", html_document))
    tools.append(("newsclean", lambda page: newsclean.clean(page, kind="html")))
    try:
        import trafilatura
    except ImportError:
        print("trafilatura not installed: pip install trafilatura", file=sys.stderr)
    else:
        tools.append(("trafilatura", trafilatura.extract))

    print(f"{len(pages)} pages, {megabytes:.1f} MB, best of {args.repeat}")
    print(f"{'tool':<24}{'seconds':>9}{'pages/s':>9}{'MB/s':>8}")
    rates: dict[str, float] = {}
    for name, fn in tools:
        seconds = best_time(fn, pages, args.repeat)
        rates[name] = len(pages) / seconds
        print(f"{name:<24}{seconds:>9.2f}{rates[name]:>9.0f}{megabytes / seconds:>8.2f}")
    if "trafilatura" in rates:
        print(f"\nnewsclean / trafilatura = {rates['newsclean'] / rates['trafilatura']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
