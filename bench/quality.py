"""Quality and speed of newsclean on labelled pages (a benchmark, not a test).

Usage::

    python bench/quality.py ../shared/data/dev            # text mode, every dataset
    python bench/quality.py ../shared/data/dev --mode html --mode text
    python bench/quality.py DIR --dataset chinese_wced --worst 5   # show the worst pages

Scoring follows ``../shared/data/README.md``: token-bag precision, recall and F1 per page
(every Han/Kana/Hangul character is a token; other ``\\w+`` runs are lower-cased tokens),
macro-averaged per dataset; pages whose ``qa_gold_5gram_coverage`` is below 0.6, or that
have no gold, are left out of the scores (but still timed).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import regex

import newsclean

TOKEN = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]|[^\W\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+"
)
MIN_COVERAGE = 0.6


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in TOKEN.findall(text))


def prf(pred: str, gold: str) -> tuple[float, float, float]:
    p_tokens, g_tokens = tokens(pred), tokens(gold)
    n_pred, n_gold = sum(p_tokens.values()), sum(g_tokens.values())
    if n_pred == 0 and n_gold == 0:
        return 1.0, 1.0, 1.0
    common = sum((p_tokens & g_tokens).values())
    precision = common / n_pred if n_pred else 0.0
    recall = common / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def scored(page: dict[str, Any]) -> bool:
    coverage = page.get("qa_gold_5gram_coverage")
    return page.get("truth") is not None and coverage is not None and coverage >= MIN_COVERAGE


def run_mode(
    pages: list[dict[str, Any]], mode: str, cleaner: Callable[[Any], str]
) -> tuple[list[tuple[dict[str, Any], str, float]], float, int]:
    outputs: list[tuple[dict[str, Any], str, float]] = []
    size = 0
    started = time.perf_counter()
    for page in pages:
        data = page[mode]
        size += len(data.encode("utf-8"))
        t0 = time.perf_counter()
        out = cleaner(data)
        outputs.append((page, out, time.perf_counter() - t0))
    return outputs, time.perf_counter() - started, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="folder of <dataset>.jsonl.gz files")
    parser.add_argument("--mode", action="append", choices=["text", "html"], help="default: text")
    parser.add_argument("--dataset", action="append", help="only these datasets")
    parser.add_argument("--baseline", action="store_true", help="also score keep-everything")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages per dataset")
    parser.add_argument("--json", type=Path, help="also write the table as JSON here")
    args = parser.parse_args(argv)
    modes = args.mode or ["text"]

    files = sorted(args.data_dir.glob("*.jsonl.gz"))
    if args.dataset:
        files = [f for f in files if f.name.removesuffix(".jsonl.gz") in args.dataset]
    if not files:
        print(f"no *.jsonl.gz datasets in {args.data_dir}", file=sys.stderr)
        return 2

    rows: list[dict[str, Any]] = []
    total_pages = total_seconds = total_bytes = 0.0
    header = (
        f"{'dataset':<26}{'mode':<6}{'pages':>6}{'scored':>7}{'P':>7}{'R':>7}{'F1':>7}"
        f"{'empty':>6}{'pages/s':>9}{'MB/s':>7}"
    )
    print(header)
    for path in files:
        name = path.name.removesuffix(".jsonl.gz")
        pages = list(load(path))
        for mode in modes:
            outputs, seconds, size = run_mode(
                pages, mode, functools.partial(newsclean.clean, kind=mode)
            )
            lines = [(name, mode, outputs)]
            if args.baseline:
                lines.append((name, "keep", [(p, p["text"], 0.0) for p, _, _ in outputs]))
            for label, how, outs in lines:
                scores = [(p, prf(out, p["truth"])) for p, out, _ in outs if scored(p)]
                by_lang: dict[str, list[float]] = defaultdict(list)
                for p, (_, _, f) in scores:
                    by_lang[p.get("lang") or "?"].append(f)
                row = {
                    "dataset": label,
                    "mode": how,
                    "pages": len(outs),
                    "scored": len(scores),
                    "precision": _mean([s[0] for _, s in scores]),
                    "recall": _mean([s[1] for _, s in scores]),
                    "f1": _mean([s[2] for _, s in scores]),
                    "empty": sum(1 for _, out, _ in outs if not out.strip()),
                    "f1_by_lang": {k: round(_mean(v), 4) for k, v in sorted(by_lang.items())},
                    "pages_per_s": len(outs) / seconds if how != "keep" and seconds else 0.0,
                    "mb_per_s": size / 1e6 / seconds if how != "keep" and seconds else 0.0,
                }
                rows.append(row)
                print(
                    f"{label:<26}{how:<6}{row['pages']:>6}{row['scored']:>7}"
                    f"{row['precision']:>7.3f}{row['recall']:>7.3f}{row['f1']:>7.3f}"
                    f"{row['empty']:>6}{row['pages_per_s']:>9.0f}{row['mb_per_s']:>7.2f}"
                )
                if len(by_lang) > 1:
                    langs = ", ".join(
                        f"{k} {v:.3f} (n={len(by_lang[k])})" for k, v in row["f1_by_lang"].items()
                    )
                    print(f"{'':<26}by language: {langs}")
                if args.worst and how != "keep":
                    worst = sorted(scores, key=lambda item: item[1][2])[: args.worst]
                    for p, (pr, rc, f) in worst:
                        print(
                            f"{'':<26}worst {p['id']}  P={pr:.2f} R={rc:.2f} F1={f:.2f}  {p['url']}"
                        )
            total_pages += len(outputs)
            total_seconds += seconds
            total_bytes += size
    if total_seconds:
        print(
            f"\nall: {total_pages:.0f} pages in {total_seconds:.2f} s = "
            f"{total_pages / total_seconds:.0f} pages/s, "
            f"{total_bytes / 1e6 / total_seconds:.2f} MB/s"
            f" (median page {_median_kb(files, modes):.1f} KB)"
        )
    if args.json:
        args.json.write_text(
            json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0


def _mean(values: list[float]) -> float:
    return statistics.fmean(values) if values else 0.0


def _median_kb(files: list[Path], modes: list[str]) -> float:
    sizes = [len(p[m].encode("utf-8")) / 1024 for f in files for p in load(f) for m in modes]
    return statistics.median(sizes) if sizes else 0.0


if __name__ == "__main__":
    sys.exit(main())
