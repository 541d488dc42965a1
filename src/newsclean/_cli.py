"""The ``newsclean`` command line: clean one page, explain it, or describe the filters.

Usage::

    newsclean PAGE.txt                # the article only
    newsclean --explain PAGE.txt      # one row per block: kept, or dropped by which step
    newsclean --json - < PAGE.txt     # a JSON object: text, counts, teasers, verdicts
    newsclean --config pipeline.toml --skip near_duplicate PAGE.txt
    newsclean --list-filters

Exit codes: 0 on success, 2 for a usage problem (missing file, bad configuration,
unknown step), 1 when a filter fails while running.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import regex

from newsclean._default import default_pipeline
from newsclean._errors import ConfigError, FilterContractError, FilterError
from newsclean._model import Result
from newsclean._pipeline import Pipeline
from newsclean._registry import available_filters

EXIT_OK = 0
EXIT_FILTER = 1
EXIT_USAGE = 2

# Lone surrogates (from odd input) cannot be encoded as UTF-8; they are shown as U+FFFD.
_SURROGATE = regex.compile(r"[\ud800-\udfff]")

_DESCRIPTION = """\
Print the article of a scraped page: headline, body paragraphs and subheadings, without
navigation, legal notices, prompts and related-news lists.

PAGE is raw scraped text (one block per line) or an HTML page, in any encoding: the
bytes are decoded by their BOM, valid UTF-8, the charset the page declares, or a
Chinese-aware guess (GB18030, Big5, ...). HTML is recognised by its markup; --kind forces
a route. Output is always UTF-8.
"""

_EPILOG = """\
exit status: 0 on success, 2 for a missing file, a bad configuration or an unknown
step name, 1 when a filter fails while running.
"""


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``newsclean`` command."""
    from newsclean import __version__

    parser = argparse.ArgumentParser(
        prog="newsclean",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "page",
        nargs="?",
        default="-",
        metavar="PAGE",
        help="the page to clean; '-' or nothing reads standard input",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--explain",
        action="store_true",
        help="print every block with its verdict: kept, or dropped by which step, "
        "with the label and the reason",
    )
    output.add_argument(
        "--json",
        action="store_true",
        help="print a JSON object: text, title, encoding, kept count, dropped counts by label, "
        "teasers and verdicts",
    )
    output.add_argument(
        "--list-filters",
        action="store_true",
        help="print the available filter names and who provides them, then exit",
    )
    parser.add_argument(
        "--config",
        metavar="TOML",
        type=Path,
        help="build the pipeline from this TOML file ([[steps]] tables) instead of the default",
    )
    parser.add_argument(
        "--kind",
        choices=["text", "html"],
        help="read PAGE as raw text or as HTML instead of recognising it",
    )
    parser.add_argument(
        "--skip",
        metavar="NAME",
        action="append",
        default=[],
        help="leave out the step NAME (repeatable)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["batch"]:  # `newsclean batch INPUT...`: see newsclean._batch
        from newsclean._batch import main as batch_main

        return batch_main(words[1:])
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    try:
        if args.list_filters:
            rows = [f"{name}\t{who}" for name, who in available_filters().items()]
            _write(sys.stdout, "\n".join(rows) + "\n")
            return EXIT_OK
        pipeline = _pipeline(args.config, args.skip)
        page = _read(args.page)
        result = pipeline.run(page, kind=args.kind)
    except ConfigError as err:
        return _fail(f"configuration: {err}", EXIT_USAGE)
    except OSError as err:
        return _fail(_os_message(err), EXIT_USAGE)
    except (FilterError, FilterContractError) as err:  # the message names the step
        return _fail(str(err), EXIT_FILTER)
    if args.explain:
        out = result.explain()
    elif args.json:
        out = json.dumps(result_to_json(result), ensure_ascii=False, indent=1)
    else:
        out = result.text
    _write(sys.stdout, out + "\n" if out else "")
    return EXIT_OK


def _pipeline(config: Path | None, skip: Sequence[str]) -> Pipeline:
    pipeline = default_pipeline() if config is None else Pipeline.from_toml(config)
    return pipeline.without(*skip) if skip else pipeline


def _read(name: str) -> bytes | str:
    """Read a page from a path or ``-`` (standard input) as bytes, for newsclean to decode."""
    if name == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        return buffer.read() if buffer is not None else sys.stdin.read()
    return Path(name).read_bytes()


def result_to_json(result: Result) -> dict[str, Any]:
    """Describe ``result`` as plain JSON-ready data (what ``--json`` prints)."""
    verdicts: list[dict[str, Any]] = []
    for v in result.verdicts:
        row: dict[str, Any] = {
            "index": v.block.index,
            "start": v.block.start,
            "end": v.block.end,
            "kept": v.kept,
        }
        if v.block.path:
            row["path"] = v.block.path
        if v.drop is not None:
            row["step"] = v.step
            row["label"] = v.drop.label
            row["reason"] = v.drop.reason
            row["evidence"] = dict(v.drop.evidence)
        row["text"] = v.block.text
        verdicts.append(row)
    return {
        "text": result.text,
        "kind": result.kind,
        "title": result.title,
        "encoding": result.encoding,
        "encoding_guessed": result.encoding_guessed,
        "kept": sum(1 for v in result.verdicts if v.kept),
        "dropped": dict(sorted(result.counts().items())),
        "teasers": [dataclasses.asdict(t) for t in result.teasers],
        "verdicts": verdicts,
    }


def _write(stream: IO[str], text: str) -> None:
    """Write ``text`` as UTF-8 whatever the locale, with lone surrogates replaced."""
    text = _SURROGATE.sub("\ufffd", text)
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _os_message(err: OSError) -> str:
    name = f"{err.filename}: " if err.filename is not None else ""
    return f"{name}{err.strerror or err}"


def _fail(message: str, code: int) -> int:
    _write(sys.stderr, f"newsclean: error: {message}\n")
    return code
