"""``newsclean batch``: clean a collection of pages, on one core or many.

Usage::

    newsclean batch corpus.jsonl.gz -o clean.jsonl          # JSONL in, JSONL out
    newsclean batch CC-MAIN-*.warc.wet.gz -o clean.jsonl    # WET files (the 'warc' extra)
    newsclean batch pages/ --out-dir clean/ --jobs 4       # one .txt per page
    zcat dump.jsonl.gz | newsclean batch - --text-field body > clean.jsonl

Records stream through: the parent process reads inputs and writes outputs, workers
(``--jobs``) unpack, clean and encode chunks of records. At most a few chunks per worker
are in flight, so memory stays bounded whatever the corpus size, and the output keeps
the input order whatever the number of workers.

A record that fails (undecodable, malformed JSON, a filter raising, a truncated gzip
member) is written as an error line, named in the summary, and the batch goes on
(``--fail-fast`` stops instead). Exit status: 0 when every record was cleaned, 1 when
any failed, 2 for a usage problem (bad option, missing input, bad configuration).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import multiprocessing
import multiprocessing.context
import os
import re
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from newsclean._errors import ConfigError
from newsclean._pipeline import Pipeline
from newsclean._records import (
    Fields,
    Format,
    InputError,
    Outcome,
    RawRecord,
    Runner,
    clean_record,
    error_outcome,
    make_runner,
    read_inputs,
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

MAX_ERRORS_KEPT = 1000
"""How many failed records the summary names one by one (the rest are counted)."""


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    """Everything a worker needs to build its pipeline once and clean records.

    Attributes:
        config: a pipeline TOML file, or ``None`` for the default pipeline.
        skip: step names to leave out.
        fields: where to find things in JSON records.
        want_line: whether to encode each outcome as a JSON line.
    """

    config: str | None = None
    skip: tuple[str, ...] = ()
    fields: Fields = field(default_factory=Fields)
    want_line: bool = True

    def pipeline(self) -> Pipeline:
        """Build the pipeline this spec describes.

        Raises:
            ConfigError: the configuration is invalid or names an unknown step.
            OSError: the configuration file cannot be read.
        """
        if self.config is None:
            from newsclean._default import default_pipeline

            pipe = default_pipeline()
        else:
            pipe = Pipeline.from_toml(self.config)
        return pipe.without(*self.skip) if self.skip else pipe


class _Worker:
    """One pipeline, built once, cleaning chunks of records."""

    def __init__(self, spec: WorkerSpec) -> None:
        self.spec = spec
        self.runner: Runner = make_runner(spec.pipeline().run)

    def __call__(self, chunk: Sequence[RawRecord]) -> list[Outcome]:
        spec = self.spec
        return [clean_record(rec, self.runner, spec.fields, spec.want_line) for rec in chunk]


_PROCESS_WORKER: _Worker | None = None  # one per worker process, set by its initializer


def _init_process(spec: WorkerSpec) -> None:
    global _PROCESS_WORKER
    _PROCESS_WORKER = _Worker(spec)
    _freeze_startup_objects()


def _freeze_startup_objects() -> None:
    """Move everything built so far (modules, pipeline, regexes) out of the GC's sight.

    Cleaning allocates many short-lived objects, and each collection would otherwise
    walk the long-lived start-up objects too (about 6% of the run time, measured on the
    dev pages). Only called in processes this module owns: the batch command and its
    workers, never in a library caller's process.
    """
    gc.collect()
    gc.freeze()


def _process_chunk(chunk: list[RawRecord]) -> list[Outcome]:
    if _PROCESS_WORKER is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker process was not initialised")
    return _PROCESS_WORKER(chunk)


def chunked(
    records: Iterable[RawRecord], max_records: int = 64, max_bytes: int = 1 << 20
) -> Iterator[list[RawRecord]]:
    """Group records into chunks of at most ``max_records`` records or ~``max_bytes`` bytes."""
    chunk: list[RawRecord] = []
    size = 0
    for rec in records:
        chunk.append(rec)
        size += len(rec.payload)
        if len(chunk) >= max_records or size >= max_bytes:
            yield chunk
            chunk = []
            size = 0
    if chunk:
        yield chunk


def clean_stream(
    records: Iterable[RawRecord],
    spec: WorkerSpec,
    jobs: int = 1,
    *,
    chunk_records: int = 64,
    chunk_bytes: int = 1 << 20,
    in_flight: int | None = None,
    mp_context: multiprocessing.context.BaseContext | None = None,
) -> Generator[Outcome, None, None]:
    """Clean ``records`` and yield their outcomes in input order.

    With ``jobs > 1`` chunks go to a pool of worker processes; at most ``in_flight``
    chunks (default ``2 * jobs + 2``) are read ahead, so memory is bounded. Closing the
    generator early cancels the chunks still waiting.

    If a worker process dies (a crash in native code, the out-of-memory killer), the
    chunks in flight are retried one record at a time in a fresh pool; a record that
    kills its worker again fails alone, and the batch goes on.

    Raises:
        ConfigError: the pipeline cannot be built (checked before any record is read).
    """
    chunks = chunked(records, chunk_records, chunk_bytes)
    if jobs <= 1:
        worker = _Worker(spec)
        for chunk in chunks:
            yield from worker(chunk)
        return
    spec.pipeline()  # fail on a bad configuration here, not in every worker
    limit = in_flight if in_flight is not None else 2 * jobs + 2
    ctx = mp_context or _mp_context()

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            jobs, mp_context=ctx, initializer=_init_process, initargs=(spec,)
        )

    pool = new_pool()
    pending: deque[tuple[Future[list[Outcome]], list[RawRecord]]] = deque()

    def drain(keep: int) -> Iterator[Outcome]:
        """Yield finished chunks in order, waiting while more than ``keep`` are in flight."""
        nonlocal pool
        while len(pending) > keep or (pending and pending[0][0].done()):
            future, chunk = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                lost = [chunk, *(c for _, c in pending)]
                pending.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
                for rec in itertools.chain.from_iterable(lost):
                    outcome, pool = _one_alone(pool, new_pool, rec, spec.want_line)
                    yield outcome
                continue
            yield from outcomes

    try:
        for chunk in chunks:
            pending.append((pool.submit(_process_chunk, chunk), chunk))
            yield from drain(limit - 1)
        yield from drain(0)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _one_alone(
    pool: ProcessPoolExecutor,
    new_pool: Callable[[], ProcessPoolExecutor],
    rec: RawRecord,
    want_line: bool,
) -> tuple[Outcome, ProcessPoolExecutor]:
    """Clean one record in the pool; if its worker dies, fail the record, renew the pool."""
    try:
        (outcome,) = pool.submit(_process_chunk, [rec]).result()
    except BrokenProcessPool:
        pool.shutdown(wait=True, cancel_futures=True)
        msg = "the worker process died while cleaning this record"
        return error_outcome(rec, msg, want_line), new_pool()
    return outcome, pool


def _mp_context() -> multiprocessing.context.BaseContext:
    """Start workers from a fork server when there is one (no fork of a threaded parent).

    Workers import newsclean themselves, so filters registered with
    :func:`~newsclean.register_filter` in the parent are not seen by them: plugins
    should use the ``newsclean.filters`` entry-point group.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["newsclean._batch"])
        return ctx
    return multiprocessing.get_context("spawn")  # pragma: no cover - Windows


# -- summary and progress -------------------------------------------------------------


@dataclass
class Summary:
    """Totals over a batch; :meth:`to_json` is what ``--summary-json`` writes."""

    pages: int = 0
    errors: int = 0
    in_bytes: int = 0
    block_chars: int = 0
    kept_chars: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    failed: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    clean_cpu: float = 0.0
    parent_cpu: float = 0.0
    jobs: int = 1

    def add(self, out: Outcome) -> None:
        """Count one outcome."""
        self.pages += 1
        self.in_bytes += out.in_bytes
        self.clean_cpu += out.cpu
        if out.error is not None:
            self.errors += 1
            if len(self.failed) < MAX_ERRORS_KEPT:
                self.failed.append({"id": out.id, "source": out.source, "error": out.error})
            return
        self.block_chars += out.block_chars
        self.kept_chars += out.kept_chars
        self.removed.update(out.counts)

    @property
    def kept_share(self) -> float:
        """Share of the pages' block text that was kept (0 when there was none)."""
        return self.kept_chars / self.block_chars if self.block_chars else 0.0

    def to_json(self) -> dict[str, Any]:
        """Describe the batch as JSON-ready data."""
        secs = self.seconds or 1e-9
        return {
            "pages": self.pages,
            "cleaned": self.pages - self.errors,
            "errors": self.errors,
            "kept_share": round(self.kept_share, 4),
            "removed": dict(self.removed.most_common()),
            "failed": self.failed,
            "failed_not_listed": self.errors - len(self.failed),
            "input_bytes": self.in_bytes,
            "seconds": round(self.seconds, 3),
            "pages_per_second": round(self.pages / secs, 1),
            "mb_per_second": round(self.in_bytes / secs / 1e6, 2),
            "jobs": self.jobs,
            # CPU seconds spent cleaning records (in workers, or in the parent for one job)
            # and used by the parent process (reading, writing, and cleaning for one job)
            "cpu_seconds": {
                "cleaning": round(self.clean_cpu, 3),
                "parent": round(self.parent_cpu, 3),
            },
        }

    def render(self) -> str:
        """Describe the batch for people (what goes to stderr at the end)."""
        data = self.to_json()
        lines = [
            f"newsclean batch: {self.pages} pages, {self.pages - self.errors} cleaned, "
            f"{self.errors} failed in {data['seconds']:.1f} s "
            f"({data['pages_per_second']:.0f} pages/s, {data['mb_per_second']:.1f} MB/s)",
            f"text kept: {100 * self.kept_share:.1f}% of block characters",
        ]
        if self.removed:
            lines.append("blocks removed by label:")
            lines.extend(f"  {label:<20} {n}" for label, n in self.removed.most_common())
        if self.failed:
            lines.append("failed records:")
            lines.extend(f"  {f['id']} [{f['source']}]: {f['error']}" for f in self.failed[:20])
            more = self.errors - min(20, len(self.failed))
            if more:
                lines.append(f"  ... and {more} more (see --summary-json)")
        return "\n".join(lines) + "\n"


class _Progress:
    """A one-line progress display on a terminal, redrawn a few times a second."""

    def __init__(self, stream: IO[str] | None, every: float = 0.25) -> None:
        self.stream = stream
        self.every = every
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, summary: Summary, force: bool = False) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if not force and now - self.last < self.every:
            return
        self.last = now
        secs = max(now - self.start, 1e-9)
        self.stream.write(
            f"\r{summary.pages} pages, {summary.errors} failed, "
            f"{summary.pages / secs:.0f} pages/s, {summary.in_bytes / secs / 1e6:.1f} MB/s "
        )
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.write("\n")
            self.stream.flush()


# -- outputs ----------------------------------------------------------------------------

_UNSAFE = re.compile(r"[^\w.-]+")


class _DirWriter:
    """Write each cleaned page to ``DIR/<safe id>.txt`` (suffixed ``-N`` on a clash)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.used: set[str] = set()
        root.mkdir(parents=True, exist_ok=True)

    def write(self, out: Outcome) -> None:
        if out.text is None:
            return
        base = _UNSAFE.sub("_", out.id).strip("._")[:120] or "page"
        name = base
        n = 1
        while name in self.used:
            name = f"{base}-{n}"
            n += 1
        self.used.add(name)
        (self.root / f"{name}.txt").write_text(
            out.text + "\n" if out.text else "", encoding="utf-8", errors="surrogatepass"
        )


# -- command line -----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``newsclean batch``."""
    parser = argparse.ArgumentParser(
        prog="newsclean batch",
        description=(
            "Clean a collection of pages: files and directories (.html, .htm, .txt, "
            "optionally .gz), JSONL and JSONL.gz, WARC/WET files (.warc.gz, .wet.gz; needs "
            "'newsclean[warc]'), or standard input ('-'). Writes one JSON line per record "
            "(id, url, text, teasers, counts; error when it failed) or one text file per page."
        ),
        epilog="exit status: 0 when every record was cleaned, 1 when any failed, 2 for a "
        "usage problem.",
    )
    parser.add_argument("inputs", nargs="*", default=["-"], metavar="INPUT")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("-o", "--output", metavar="FILE", help="write JSONL here (default: stdout)")
    out.add_argument("--out-dir", metavar="DIR", type=Path, help="write one .txt per page here")
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N",
        help="worker processes (0: one per available core; default 1)",
    )  # fmt: skip
    parser.add_argument(
        "--format", choices=["auto", "jsonl", "warc", "page"], default="auto",
        help="how to read the inputs (default: from the file names; stdin: from its first bytes)",
    )  # fmt: skip
    parser.add_argument("--id-field", default="id", metavar="NAME", help="JSONL id field")
    parser.add_argument("--url-field", default="url", metavar="NAME", help="JSONL URL field")
    parser.add_argument("--text-field", default="text", metavar="NAME", help="raw-text field")
    parser.add_argument("--html-field", default="html", metavar="NAME", help="HTML field")
    parser.add_argument(
        "--prefer", choices=["text", "html"], default="text",
        help="which field to clean when a JSONL record has both (default: text)",
    )  # fmt: skip
    parser.add_argument(
        "--keep-field", action="append", default=[], metavar="NAME",
        help="copy this JSONL field to the output unchanged (repeatable)",
    )  # fmt: skip
    parser.add_argument("--config", metavar="TOML", help="pipeline TOML instead of the default")
    parser.add_argument("--skip", action="append", default=[], metavar="NAME",
                        help="leave out the step NAME (repeatable)")  # fmt: skip
    parser.add_argument("--fail-fast", action="store_true", help="stop at the first failure")
    parser.add_argument("--summary-json", metavar="PATH", type=Path,
                        help="also write the summary as JSON here")  # fmt: skip
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no progress bar and no summary on stderr")  # fmt: skip
    parser.add_argument("--chunk-size", type=int, default=64, metavar="N",
                        help="records per chunk sent to a worker (default 64)")  # fmt: skip
    return parser


def available_cores() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``newsclean batch`` with ``argv`` (default: ``sys.argv[2:]``); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(sys.argv[2:] if argv is None else argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if args.jobs < 0 or args.chunk_size < 1:
        parser.print_usage(sys.stderr)
        return _fail("--jobs must be >= 0 and --chunk-size >= 1", EXIT_USAGE)
    jobs = args.jobs or available_cores()
    if jobs == 1:
        _freeze_startup_objects()
    fields = Fields(
        args.id_field, args.url_field, args.text_field, args.html_field,
        args.prefer, tuple(args.keep_field),
    )  # fmt: skip
    spec = WorkerSpec(args.config, tuple(args.skip), fields, args.out_dir is None)
    try:
        spec.pipeline()
        for path in args.inputs:
            if path != "-" and not os.path.exists(path):
                raise InputError(f"{path}: no such file or directory")
        for target in (args.output, args.summary_json):
            if target not in (None, "-") and not Path(target).resolve().parent.is_dir():
                raise InputError(f"{target}: the directory to write into does not exist")
    except ConfigError as err:
        return _fail(f"configuration: {err}", EXIT_USAGE)
    except (InputError, OSError) as err:
        return _fail(str(err), EXIT_USAGE)
    fmt: Format = args.format
    stdin = getattr(sys.stdin, "buffer", None)
    records = read_inputs(args.inputs, fmt, stdin)
    progress = _Progress(sys.stderr if not args.quiet and sys.stderr.isatty() else None)
    try:
        summary = run(records, spec, jobs, args.output, args.out_dir, args.chunk_size,
                      args.fail_fast, progress)  # fmt: skip
    except InputError as err:
        progress.close()
        return _fail(str(err), EXIT_USAGE)
    except OSError as err:
        progress.close()
        return _fail(f"{err.filename or ''}: {err.strerror or err}", EXIT_FAILED)
    progress.close()
    if not args.quiet:
        sys.stderr.write(summary.render())
    if args.summary_json is not None:
        try:
            text = json.dumps(summary.to_json(), ensure_ascii=False, indent=1)
            args.summary_json.write_text(text + "\n", encoding="utf-8")
        except OSError as err:
            return _fail(f"{args.summary_json}: {err.strerror or err}", EXIT_FAILED)
    return EXIT_FAILED if summary.errors else EXIT_OK


def run(
    records: Iterable[RawRecord],
    spec: WorkerSpec,
    jobs: int,
    output: str | None,
    out_dir: Path | None,
    chunk_size: int,
    fail_fast: bool,
    progress: _Progress,
) -> Summary:
    """Clean ``records`` into ``output`` (JSONL; ``None`` or ``-``: stdout) or ``out_dir``."""
    summary = Summary(jobs=jobs)
    start = time.monotonic()
    cpu_start = time.process_time()
    sink: IO[bytes] | None = None
    dir_writer = _DirWriter(out_dir) if out_dir is not None else None
    close_sink = False
    if dir_writer is None:
        if output is None or output == "-":
            sink = sys.stdout.buffer
        else:
            sink = open(output, "wb")  # noqa: SIM115 - closed in the finally below
            close_sink = True
    stream = clean_stream(records, spec, jobs, chunk_records=chunk_size)
    try:
        for out in stream:
            if sink is not None:
                sink.write(out.line + b"\n")
            elif dir_writer is not None:
                dir_writer.write(out)
            summary.add(out)
            progress.update(summary)
            if fail_fast and out.error is not None:
                break
    finally:
        stream.close()
        if sink is not None:
            sink.flush()
            if close_sink:
                sink.close()
    progress.update(summary, force=True)
    summary.seconds = time.monotonic() - start
    summary.parent_cpu = time.process_time() - cpu_start
    return summary


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"newsclean batch: error: {message}\n")
    return code
