"""End-to-end speed of ``newsclean batch`` on a JSONL.gz corpus, with 1 and more workers.

Usage::

    python bench/bench_batch.py ../shared/data/dev                 # 10,000 pages, --jobs 1 and 2
    python bench/bench_batch.py ../shared/data/dev --pages 20000 --jobs 1 --jobs 2 --jobs 4

The corpus is built by repeating the dev pages' raw text (``text`` field; ids made unique)
into one temporary ``.jsonl.gz``. Each run is a fresh ``python`` process running the batch
command, output to ``/dev/null``, timed from start to exit: reading, gunzip, JSON decoding,
cleaning, JSON encoding and writing are all included. Prints pages/s and MB/s (of page
text) per run, pages/s per worker, and the speed-up of each run over the first.

On a busy machine (other jobs on the cores) the wall-clock speed-up understates what the
workers can do, so each run also prints an *idle-machine estimate* computed from CPU time
that the command itself measures: wall >= max(parent CPU, cleaning CPU / jobs,
(parent + cleaning CPU) / cores). Read it as a bound, not a measurement; the measured
figures are the ones to quote on a quiet machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNNER = "import sys; from newsclean._batch import main; sys.exit(main(sys.argv[1:]))"


def build_corpus(data_dir: Path, pages: int, out: Path) -> tuple[int, int]:
    """Write ``pages`` records cycling over the dev pages; return (pages, text bytes)."""
    base: list[dict[str, str]] = []
    for path in sorted(data_dir.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if isinstance(rec.get("text"), str):
                    base.append({"id": rec["id"], "url": rec.get("url") or "", "text": rec["text"]})
    if not base:
        raise SystemExit(f"no pages with a 'text' field in {data_dir}")
    size = 0
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=1) as fh:
        for i in range(pages):
            rec = base[i % len(base)]
            size += len(rec["text"].encode("utf-8"))
            row = {"id": f"{rec['id']}#{i // len(base)}", "url": rec["url"], "text": rec["text"]}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return pages, size


def run_batch(corpus: Path, jobs: int, summary: Path, extra: list[str]) -> float:
    """Run the batch command once; return the wall-clock seconds."""
    cmd = [sys.executable, "-c", RUNNER, str(corpus), "-o", "/dev/null", "--jobs", str(jobs)]
    cmd += ["--quiet", "--summary-json", str(summary), *extra]
    start = time.perf_counter()
    proc = subprocess.run(cmd, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"batch command failed with exit status {proc.returncode}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path, help="directory of *.jsonl.gz dev pages")
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, action="append", help="repeatable; default 1 and 2")
    parser.add_argument(
        "--config",
        help="pipeline TOML passed to the command; a file with `steps = []` times the "
        "batch machinery alone (reading, segmenting, JSON, workers, writing)",
    )
    args = parser.parse_args()
    jobs_list = args.jobs or [1, 2]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp, "corpus.jsonl.gz")
        pages, size = build_corpus(args.data_dir, args.pages, corpus)
        print(f"corpus: {pages} pages, {size / 1e6:.1f} MB of page text, "
              f"{corpus.stat().st_size / 1e6:.1f} MB gzip")  # fmt: skip
        first_rate = first_est = 0.0
        cores = len(os.sched_getaffinity(0))
        print(f"cores available: {cores}; load average now: {os.getloadavg()[0]:.2f}")
        for jobs in jobs_list:
            summary_path = Path(tmp, f"summary-{jobs}.json")
            extra = ["--config", args.config] if args.config else []
            seconds = run_batch(corpus, jobs, summary_path, extra)
            summary = json.loads(summary_path.read_text())
            if summary["pages"] != pages:
                raise SystemExit(f"--jobs {jobs}: {summary['pages']} pages out of {pages}")
            rate = pages / seconds
            first_rate = first_rate or rate
            print(
                f"--jobs {jobs}: {seconds:6.2f} s  {rate:7.0f} pages/s  "
                f"{size / seconds / 1e6:5.1f} MB/s  {rate / jobs:7.0f} pages/s per worker  "
                f"x{rate / first_rate:.2f} vs --jobs {jobs_list[0]}  "
                f"({summary['errors']} failed)"
            )
            cpu = summary["cpu_seconds"]
            parent, cleaning = cpu["parent"], cpu["cleaning"]
            if jobs == 1:
                bound = parent  # the parent does everything
            else:
                bound = max(parent, cleaning / jobs, (parent + cleaning) / max(cores, 1))
            est = pages / bound
            first_est = first_est or est
            print(
                f"           CPU: parent {parent:.1f} s, cleaning {cleaning:.1f} s "
                f"({pages / max(cleaning, 1e-9):.0f} pages per cleaning CPU-second); "
                f"idle-machine estimate {est:.0f} pages/s, x{est / first_est:.2f}"
            )


if __name__ == "__main__":
    main()
