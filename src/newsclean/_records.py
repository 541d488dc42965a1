"""Records for corpus-scale cleaning: readers of collections, and one record's cleaning.

A collection is read in the parent process as a stream of :class:`RawRecord` values
(cheap: bytes and a name); the expensive work (JSON decoding, cleaning, JSON encoding)
happens in :func:`clean_record`, which workers run. Readers never load a whole input:

- JSONL, optionally gzip-compressed (also multi-member and truncated gzip streams);
- page files (HTML or text, optionally ``.gz``), alone or found in directories;
- WARC and WET files through the optional ``warc`` extra (:mod:`fastwarc`);
- standard input (``-``), whose format is detected from its first bytes.

A record that cannot be read (a truncated gzip member, a WARC record cut short) still
becomes a :class:`RawRecord`, with :attr:`RawRecord.error` set, so it is reported in
order with the others instead of stopping the batch.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal, NamedTuple

from newsclean._model import InputKind, Result

Format = Literal["auto", "jsonl", "warc", "page"]
"""How to read an input: by its name (``auto``), or forced."""

_GZIP_MAGIC = b"\x1f\x8b"
_READ_SIZE = 1 << 20
_PAGE_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text"}
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json.gz")
_WARC_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz", ".arc.gz")
WARC_EXTRA_HINT = "reading WARC/WET files needs the 'warc' extra: pip install 'newsclean[warc]'"


class RawRecord(NamedTuple):
    """One page as read from the input, before any decoding or cleaning.

    Attributes:
        source: where it came from, for messages: ``path:line``, ``path`` or
            ``path@offset``.
        payload: a JSON line (``fmt == "json"``) or the page itself.
        fmt: ``"json"`` when ``payload`` is a JSON object to unpack, ``"page"`` otherwise.
        kind: ``"text"``, ``"html"`` or ``None`` (detect) for pages.
        id: the record's id when the reader knows it.
        url: the page's address when the reader knows it.
        error: why the record could not be read; it is then reported, not cleaned.
    """

    source: str
    payload: bytes | str
    fmt: Literal["json", "page"] = "page"
    kind: InputKind | None = None
    id: str | None = None
    url: str | None = None
    error: str | None = None


class Outcome(NamedTuple):
    """What cleaning one record gave, small enough to send back from a worker.

    Attributes:
        id: the record's id (its source when it has none).
        source: where the record came from.
        line: the JSON line to write (UTF-8, no newline), or ``b""`` when not asked.
        text: the article, or ``None`` when the record failed.
        counts: dropped blocks per label.
        in_bytes: the size of the record as read.
        block_chars: characters in all blocks of the page.
        kept_chars: characters in the kept blocks.
        error: why the record failed, or ``None``.
        cpu: CPU seconds the worker spent on the record.
    """

    id: str
    source: str
    line: bytes
    text: str | None
    counts: dict[str, int]
    in_bytes: int
    block_chars: int
    kept_chars: int
    error: str | None
    cpu: float = 0.0


@dataclass(frozen=True, slots=True)
class Fields:
    """Where to find things in a JSON record, and what to copy to the output.

    Attributes:
        id: the id field; records without one are named by ``file:line``.
        url: the URL field.
        text: the raw-text field (read as ``kind="text"``).
        html: the HTML field (read as ``kind="html"``).
        prefer: which of ``text`` and ``html`` to use when a record has both.
        keep: more fields copied unchanged from the input record to the output.
    """

    id: str = "id"
    url: str = "url"
    text: str = "text"
    html: str = "html"
    prefer: InputKind = "text"
    keep: tuple[str, ...] = ()


class InputError(Exception):
    """An input that cannot be opened or read at all (missing file, missing extra)."""


# -- decompression --------------------------------------------------------------------


class TruncatedError(Exception):
    """A compressed stream that ends early or holds corrupt data."""


def gunzip_chunks(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Decompress a gzip stream given as chunks, member after member.

    Yields decompressed pieces as soon as they are available, so everything before a
    truncation or corruption is delivered before :class:`TruncatedError` is raised.
    Zero padding after the last member is ignored, as ``gzip`` does.
    """
    decomp = zlib.decompressobj(wbits=31)
    started = False
    for chunk in chunks:
        data = chunk
        while data:
            if not started:  # between members: skip zero padding (a member starts 1f 8b)
                data = data.lstrip(b"\x00")
                if not data:
                    break
            try:
                out = decomp.decompress(data)
            except zlib.error as err:
                raise TruncatedError(f"corrupt gzip data: {err}") from err
            started = True
            if out:
                yield out
            if not decomp.eof:
                break
            data = decomp.unused_data
            decomp = zlib.decompressobj(wbits=31)
            started = False
    if started and not decomp.eof:
        raise TruncatedError("gzip stream ends in the middle of a member (truncated file)")


def _file_chunks(fh: IO[bytes]) -> Iterator[bytes]:
    while chunk := fh.read(_READ_SIZE):
        yield chunk


def _maybe_gunzip(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Decompress ``chunks`` when they start with the gzip magic number."""
    first = next(chunks, b"")
    while len(first) < 2:
        more = next(chunks, None)
        if more is None:
            break
        first += more

    def replay() -> Iterator[bytes]:
        if first:
            yield first
        yield from chunks

    return gunzip_chunks(replay()) if first.startswith(_GZIP_MAGIC) else replay()


class _ChunkStream(io.RawIOBase):
    """A read-only binary stream over an iterator of chunks (for WARC readers).

    It can seek forward (by reading and discarding), which is what WARC readers do to
    skip the rest of a record; seeking backwards raises :class:`io.UnsupportedOperation`.
    """

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buf = b""
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def readinto(self, buffer: Any) -> int:
        while not self._buf:
            nxt = next(self._chunks, None)
            if nxt is None:
                return 0
            self._buf = nxt
        n = min(len(buffer), len(self._buf))
        buffer[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        self._pos += n
        return n

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        target = offset if whence == io.SEEK_SET else self._pos + offset
        if whence not in (io.SEEK_SET, io.SEEK_CUR) or target < self._pos:
            raise io.UnsupportedOperation("this stream only seeks forward")
        scratch = bytearray(min(target - self._pos, _READ_SIZE) or 1)
        while self._pos < target:
            view = memoryview(scratch)[: min(len(scratch), target - self._pos)]
            if not self.readinto(view):
                break
        return self._pos


# -- readers ----------------------------------------------------------------------------


def jsonl_records(name: str, chunks: Iterable[bytes]) -> Iterator[RawRecord]:
    """Split decompressed JSONL ``chunks`` into one record per non-blank line.

    A truncated or corrupt gzip stream ends the file with one error record naming the
    line where reading stopped; every complete line before it is kept.
    """
    lineno = 0
    tail = b""
    try:
        for chunk in chunks:
            data = tail + chunk if tail else chunk
            start = 0
            while (end := data.find(b"\n", start)) >= 0:
                lineno += 1
                line = data[start:end]
                start = end + 1
                if line.strip():
                    yield RawRecord(f"{name}:{lineno}", line, "json")
            tail = data[start:]
    except TruncatedError as err:
        yield RawRecord(f"{name}:{lineno + 1}", b"", "json", error=str(err))
        return
    if tail.strip():
        yield RawRecord(f"{name}:{lineno + 1}", tail, "json")


def warc_records(name: str, stream: IO[bytes]) -> Iterator[RawRecord]:
    """Read the pages of a WARC or WET stream (plain or gzip-compressed per record).

    ``conversion`` records (WET) are text pages; ``response`` and ``resource`` records
    whose content type is HTML are HTML pages. A record whose content is shorter than
    its ``Content-Length`` (a truncated file) becomes an error record.

    Raises:
        InputError: the ``warc`` extra (fastwarc) is not installed.
    """
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError as err:
        raise InputError(WARC_EXTRA_HINT) from err
    wanted = WarcRecordType.conversion | WarcRecordType.response | WarcRecordType.resource
    records = iter(ArchiveIterator(stream, record_types=wanted, parse_http=False))
    last = 0
    while True:
        try:
            record = next(records, None)
            if record is None:
                return
            rid = record.record_id or None
            url = record.headers.get("WARC-Target-URI") or None
            last = record.stream_pos
            block = record.reader.read()
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as err:  # the reader's Rust panics are BaseExceptions
            msg = f"unreadable WARC data after offset {last}: {type(err).__name__}: {err}"
            yield RawRecord(f"{name}@{last}", b"", error=msg)
            return
        source = f"{name}@{record.stream_pos}"
        if len(block) < record.content_length:
            yield RawRecord(
                source,
                b"",
                id=rid,
                url=url,
                error=f"WARC record cut short: {len(block)} of {record.content_length} bytes",
            )
            continue
        if record.record_type == WarcRecordType.conversion:
            yield RawRecord(source, block.decode("utf-8", "replace"), "page", "text", rid, url)
            continue
        content_type = record.headers.get("Content-Type") or ""
        if record.record_type == WarcRecordType.response or "application/http" in content_type:
            head, _, block = block.partition(b"\r\n\r\n")
            content_type = _http_header(head, b"content-type")
        if "html" not in content_type.lower():
            continue
        page: bytes | str = block
        charset = _charset(content_type)
        if charset:
            try:
                page = block.decode(charset, "replace")
            except LookupError:
                page = block
        yield RawRecord(source, page, "page", "html", rid, url)


def _http_header(head: bytes, name: bytes) -> str:
    for line in head.split(b"\r\n")[1:]:
        key, sep, value = line.partition(b":")
        if sep and key.strip().lower() == name:
            return value.strip().decode("latin-1")
    return ""


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, sep, value = part.partition("=")
        if sep and key.strip().lower() == "charset":
            return value.strip().strip("\"'")
    return ""


def page_record(name: str, data: bytes, kind: InputKind | None) -> RawRecord:
    """A whole page file as one record (gzip-compressed content is unpacked)."""
    if data.startswith(_GZIP_MAGIC):
        try:
            data = b"".join(gunzip_chunks([data]))
        except TruncatedError as err:
            return RawRecord(name, b"", kind=kind, id=name, error=str(err))
    return RawRecord(name, data, "page", kind, name)


def detect_format(name: str) -> tuple[Format, InputKind | None] | None:
    """Guess how to read a file from its name, or ``None`` when it is not a page."""
    lower = name.lower()
    if lower.endswith(_JSONL_SUFFIXES):
        return "jsonl", None
    if lower.endswith(_WARC_SUFFIXES):
        return "warc", None
    base = lower.removesuffix(".gz")
    suffix = os.path.splitext(base)[1]
    if suffix in _PAGE_SUFFIXES:
        kind: InputKind = "html" if _PAGE_SUFFIXES[suffix] == "html" else "text"
        return "page", kind
    return None


def iter_files(paths: Sequence[str]) -> Iterator[tuple[Path, str]]:
    """Yield ``(path, display name)`` for every input file; directories recurse in order.

    Files inside directories are kept when their name says they are readable (see
    :func:`detect_format`); files named on the command line are always kept.

    Raises:
        InputError: a path does not exist.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for full in _walk_sorted(path):
                yield full, str(full)
        elif path.exists():
            yield path, given
        else:
            raise InputError(f"{given}: no such file or directory")


def _walk_sorted(directory: Path) -> Iterator[Path]:
    """Readable files under ``directory`` in path order (``find | sort``), lazily."""
    with os.scandir(directory) as it:
        entries = sorted(it, key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir():
            yield from _walk_sorted(Path(entry.path))
        elif entry.is_file() and detect_format(entry.name) is not None:
            yield Path(entry.path)


def read_inputs(
    paths: Sequence[str], fmt: Format = "auto", stdin: IO[bytes] | None = None
) -> Iterator[RawRecord]:
    """Read every input in order as a stream of records (``-`` is standard input).

    Raises:
        InputError: a path does not exist, or a WARC input needs the missing extra.
    """
    for path in paths:
        if path == "-":
            if stdin is None:
                raise InputError("standard input is not available")
            yield from _stream_records("-", _file_chunks(stdin), fmt)
            continue
        for file, name in iter_files([path]):
            try:
                yield from _file_records(file, name, fmt)
            except OSError as err:  # unreadable file: report it, go on with the others
                yield RawRecord(name, b"", error=f"cannot read: {err.strerror or err}")


def _file_records(file: Path, name: str, fmt: Format) -> Iterator[RawRecord]:
    guess = detect_format(name)
    kind: InputKind | None = None
    if fmt == "auto":
        if guess is None:
            with open(file, "rb") as fh:
                yield from _stream_records(name, _file_chunks(fh), "auto")
            return
        fmt, kind = guess
    elif guess is not None and guess[0] == "page":
        kind = guess[1]
    with open(file, "rb") as fh:
        if fmt == "jsonl":
            yield from jsonl_records(name, _maybe_gunzip(_file_chunks(fh)))
        elif fmt == "warc":
            yield from warc_records(name, fh)
        else:
            yield page_record(name, fh.read(), kind)


def _stream_records(name: str, chunks: Iterator[bytes], fmt: Format) -> Iterator[RawRecord]:
    """Read a stream of unknown name (standard input); ``auto`` looks at its first bytes."""
    chunks = _maybe_gunzip(chunks)
    try:
        first = next(chunks, b"")
    except TruncatedError as err:
        yield RawRecord(name, b"", error=str(err))
        return

    def replay() -> Iterator[bytes]:
        if first:
            yield first
        yield from chunks

    if fmt == "auto":
        head = first.lstrip()
        fmt = "jsonl" if head.startswith(b"{") else "warc" if head.startswith(b"WARC/") else "page"
    if fmt == "jsonl":
        yield from jsonl_records(name, replay())
    elif fmt == "warc":
        yield from warc_records(name, io.BufferedReader(_ChunkStream(replay())))
    else:
        try:
            data = b"".join(replay())
        except TruncatedError as err:
            yield RawRecord(name, b"", error=str(err))
            return
        yield RawRecord(name, data, "page", None, name)


# -- cleaning one record ----------------------------------------------------------------

Runner = Callable[[str | bytes, InputKind | None], Result]
"""Cleans one page: ``pipeline.run`` with bytes handled (see :func:`make_runner`)."""


def make_runner(run: Callable[..., Result]) -> Runner:
    """Wrap ``pipeline.run`` so bytes work whether or not the core decodes them itself.

    When the core takes ``bytes`` (it detects the encoding), bytes go straight in;
    otherwise they are decoded here as UTF-8, and bytes that are not UTF-8 fail the
    record as undecodable.
    """
    from newsclean._read import read_page

    try:
        read_page(b"probe", "text")
        takes_bytes = True
    except TypeError:
        takes_bytes = False

    def runner(page: str | bytes, kind: InputKind | None) -> Result:
        if isinstance(page, bytes) and not takes_bytes:
            try:
                page = page.decode("utf-8")
            except UnicodeDecodeError as err:
                msg = f"undecodable: not UTF-8 ({err.reason} at byte {err.start})"
                raise _RecordError(msg) from None
        return run(page, kind=kind)

    return runner


class _RecordError(Exception):
    """A record-level problem with a message fit for the summary."""


def clean_record(rec: RawRecord, runner: Runner, fields: Fields, want_line: bool) -> Outcome:
    """Unpack, clean and describe one record; any failure becomes an error outcome."""
    start = time.process_time()
    rid = rec.id or rec.source
    url = rec.url
    size = len(rec.payload)
    keep: dict[str, Any] = {}
    try:
        if rec.error is not None:
            raise _RecordError(rec.error)
        page: str | bytes = rec.payload
        kind = rec.kind
        if rec.fmt == "json":
            obj = _load_json(rec.payload)
            raw_id = obj.get(fields.id)
            rid = rec.source if raw_id is None else str(raw_id)
            raw_url = obj.get(fields.url)
            url = None if raw_url is None else str(raw_url)
            keep = {k: obj[k] for k in fields.keep if k in obj}
            page, kind = _page_of(obj, fields)
        result = runner(page, kind)
    except Exception as err:
        out = _failed(rid, url, rec.source, describe_error(err), size, want_line)
        return out._replace(cpu=time.process_time() - start)
    counts = dict(sorted(result.counts().items()))
    block_chars = kept_chars = 0
    for v in result.verdicts:
        n = len(v.block.text)
        block_chars += n
        if v.drop is None:
            kept_chars += n
    line = b""
    if want_line:
        row: dict[str, Any] = {"id": rid, "url": url}
        if result.title:
            row["title"] = result.title
        row["text"] = result.text
        row["teasers"] = [dataclasses.asdict(t) for t in result.teasers]
        row["counts"] = counts
        row.update(keep)
        line = dump_line(row)
    cpu = time.process_time() - start
    return Outcome(
        rid, rec.source, line, result.text, counts, size, block_chars, kept_chars, None, cpu
    )


def _load_json(payload: bytes | str) -> Mapping[str, Any]:
    try:
        obj = json.loads(payload)
    except UnicodeDecodeError:
        raise
    except ValueError as err:
        raise _RecordError(f"malformed JSON: {err}") from None
    if not isinstance(obj, Mapping):
        raise _RecordError(f"a JSON line must hold an object, not {type(obj).__name__}")
    return obj


def _page_of(obj: Mapping[str, Any], fields: Fields) -> tuple[str, InputKind]:
    order: tuple[tuple[str, InputKind], ...] = (
        ((fields.text, "text"), (fields.html, "html"))
        if fields.prefer == "text"
        else ((fields.html, "html"), (fields.text, "text"))
    )
    for key, kind in order:
        value = obj.get(key)
        if isinstance(value, str):
            return value, kind
    wanted = " or ".join(repr(k) for k, _ in order)
    raise _RecordError(f"no page: the record has no string field {wanted}")


def error_outcome(rec: RawRecord, msg: str, want_line: bool) -> Outcome:
    """The outcome of a record that failed before its content could be looked at."""
    return _failed(rec.id or rec.source, rec.url, rec.source, msg, len(rec.payload), want_line)


def describe_error(err: Exception) -> str:
    """A one-line message for a failed record: what went wrong, and its cause."""
    if isinstance(err, _RecordError):
        return str(err)
    if isinstance(err, UnicodeDecodeError):
        return f"undecodable: not UTF-8 ({err.reason} at byte {err.start})"
    message = f"{type(err).__name__}: {err}"
    cause = err.__cause__
    if cause is not None and str(cause) not in message:
        message += f" (caused by {type(cause).__name__}: {cause})"
    return message


def _failed(
    rid: str, url: str | None, source: str, msg: str, size: int, want_line: bool
) -> Outcome:
    line = b""
    if want_line:
        line = dump_line({"id": rid, "url": url, "text": None, "source": source, "error": msg})
    return Outcome(rid, source, line, None, {}, size, 0, 0, msg)


def dump_line(obj: Mapping[str, Any]) -> bytes:
    """Encode ``obj`` as one UTF-8 JSON line (lone surrogates are escaped, not lost)."""
    try:
        return json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(obj, ensure_ascii=True).encode("ascii")


def clean_mapping(obj: Mapping[str, Any], runner: Runner, fields: Fields) -> dict[str, Any]:
    """Clean one already-decoded record (a dict, a Spark ``Row`` as a dict).

    Always returns the same keys, so the rows fit a fixed schema: ``id``, ``url``,
    ``title``, ``text``, ``teasers``, ``counts``, ``error`` and the ``keep`` fields
    (``None`` when absent). A failed record has ``text=None`` and ``error`` set.
    """
    raw_id, raw_url = obj.get(fields.id), obj.get(fields.url)
    row: dict[str, Any] = {
        "id": None if raw_id is None else str(raw_id),
        "url": None if raw_url is None else str(raw_url),
        "title": None,
        "text": None,
        "teasers": [],
        "counts": {},
        "error": None,
    }
    for key in fields.keep:
        row[key] = obj.get(key)
    try:
        page, kind = _page_of(obj, fields)
        result = runner(page, kind)
    except Exception as err:
        row["error"] = describe_error(err)
        return row
    row["title"] = result.title or None
    row["text"] = result.text
    row["teasers"] = [dataclasses.asdict(t) for t in result.teasers]
    row["counts"] = dict(sorted(result.counts().items()))
    return row
