"""The batch command: readers, order across workers, bad records, outputs, exit codes."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import multiprocessing
import os
import random
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean import _batch
from newsclean._batch import Summary, WorkerSpec, chunked, clean_stream, main
from newsclean._records import (
    Fields,
    RawRecord,
    TruncatedError,
    clean_record,
    detect_format,
    gunzip_chunks,
    jsonl_records,
    make_runner,
)

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "dev-sample.jsonl"

ARTICLE = [
    "Budget passes after long debate",
    "Lawmakers approved the budget on Tuesday, ending a month of talks over spending.",
    "The vote was 52 to 48, with two members of the majority joining the opposition.",
]
BOILER = "Copyright © 2024 Example News. All Rights Reserved."
ZH_ARTICLE = ["市政府发布新规", "市政府周二发布了关于垃圾分类的新规定，将于下月起施行。"]
ZH_BOILER = "京ICP备12345678号-1"


def page(n: int = 0) -> str:
    """A small article with a legal line, different for each ``n``."""
    return "\n".join([f"{ARTICLE[0]} ({n})", *ARTICLE[1:], BOILER])


def write_jsonl(path: Path, rows: list[dict[str, Any]], gz: bool = False) -> Path:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def read_out(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def batch(*args: str | Path) -> int:
    return main([str(a) for a in args])


# -- JSONL ------------------------------------------------------------------------------


def test_jsonl_records_are_cleaned_in_order(tmp_path: Path) -> None:
    rows = [{"id": f"p{i}", "url": f"https://example.org/{i}", "text": page(i)} for i in range(5)]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    assert batch(src, "-o", out, "-q") == 0
    got = read_out(out)
    assert [g["id"] for g in got] == [f"p{i}" for i in range(5)]
    assert [g["url"] for g in got] == [r["url"] for r in rows]
    for row, g in zip(rows, got, strict=True):
        assert g["text"] == newsclean.clean(row["text"])
        assert BOILER not in g["text"]
        assert ARTICLE[1] in g["text"]
        assert g["counts"] == dict(newsclean.clean_and_explain(row["text"]).counts())
        assert isinstance(g["teasers"], list)
        assert "error" not in g


def test_jsonl_gz_gives_the_same_output_as_jsonl(tmp_path: Path) -> None:
    rows = [{"id": i, "text": page(i)} for i in range(4)]
    write_jsonl(tmp_path / "a.jsonl", rows)
    write_jsonl(tmp_path / "a.jsonl.gz", rows, gz=True)
    assert batch(tmp_path / "a.jsonl", "-o", tmp_path / "1.jsonl", "-q") == 0
    assert batch(tmp_path / "a.jsonl.gz", "-o", tmp_path / "2.jsonl", "-q") == 0
    assert (tmp_path / "1.jsonl").read_bytes() == (tmp_path / "2.jsonl").read_bytes()
    assert [r["id"] for r in read_out(tmp_path / "1.jsonl")] == ["0", "1", "2", "3"]


def test_field_names_are_configurable(tmp_path: Path) -> None:
    rows = [{"doc": "a", "link": "u", "body": page(1), "lang": "en", "text": "not me"}]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    args = ["--id-field", "doc", "--url-field", "link", "--text-field", "body"]
    assert batch(src, "-o", out, "-q", *args, "--keep-field", "lang") == 0
    (got,) = read_out(out)
    assert (got["id"], got["url"], got["lang"]) == ("a", "u", "en")
    assert got["text"] == newsclean.clean(page(1))


def test_record_without_id_is_named_by_file_and_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": page()}) + "\n\n" + json.dumps({"text": page()}) + "\n")
    out = tmp_path / "out.jsonl"
    assert batch(src, "-o", out, "-q") == 0
    assert [g["id"] for g in read_out(out)] == [f"{src}:1", f"{src}:3"]


def test_record_without_a_page_field_fails_alone(tmp_path: Path) -> None:
    rows = [{"id": "a", "text": page()}, {"id": "b", "body": "x"}, {"id": "c", "text": page()}]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    assert batch(src, "-o", out, "-q") == 1
    got = read_out(out)
    assert [g["id"] for g in got] == ["a", "b", "c"]
    assert got[1]["text"] is None
    assert "'text'" in got[1]["error"]


# -- files, directories, stdin -------------------------------------------------------------


def test_directory_of_text_files_recurses_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    (root / "b").mkdir(parents=True)
    (root / "b" / "two.txt").write_text(page(2), encoding="utf-8")
    (root / "one.txt").write_text(page(1), encoding="utf-8")
    (root / "three.txt.gz").write_bytes(gzip.compress(page(3).encode()))
    (root / "zh.txt").write_text("\n".join([*ZH_ARTICLE, ZH_BOILER]), encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG not a page")
    out = tmp_path / "out.jsonl"
    assert batch(root, "-o", out, "-q") == 0
    got = read_out(out)
    names = [Path(g["id"]).name for g in got]
    assert names == ["two.txt", "one.txt", "three.txt.gz", "zh.txt"]
    assert got[2]["text"] == newsclean.clean(page(3))
    assert got[3]["text"] == newsclean.clean("\n".join([*ZH_ARTICLE, ZH_BOILER]))
    assert ZH_BOILER not in got[3]["text"]
    assert sum(got[3]["counts"].values()) >= 1


def _html_supported() -> bool:
    from newsclean._read import read_page

    try:
        read_page("<html><body><p>Hello there.</p></body></html>", "html")
    except TypeError:
        return False
    return True


@pytest.mark.skipif(not _html_supported(), reason="HTML input not in the core yet")
def test_directory_with_html_files(tmp_path: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in ARTICLE[1:])
    html = f"<html><head><title>T</title></head><body><article>{body}</article></body></html>"
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    (tmp_path / "b.htm.gz").write_bytes(gzip.compress(html.encode()))
    out = tmp_path / "out.jsonl"
    assert batch(tmp_path / "a.html", tmp_path / "b.htm.gz", "-o", out, "-q") == 0
    got = read_out(out)
    assert len(got) == 2
    for g in got:
        assert ARTICLE[1] in g["text"]
        assert "<p>" not in g["text"]


@pytest.mark.skipif(not _html_supported(), reason="HTML input not in the core yet")
def test_jsonl_html_field_and_prefer(tmp_path: Path) -> None:
    html = "<html><body><article>" + "".join(f"<p>{x}</p>" for x in ARTICLE[1:]) + "</article>"
    rows = [
        {"id": "h", "html": html + "</body></html>"},
        {"id": "both", "text": page(), "html": html},
    ]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    assert batch(src, "-o", out, "-q") == 0
    got = read_out(out)
    assert ARTICLE[1] in got[0]["text"]
    assert "<p>" not in got[0]["text"]
    assert got[1]["text"] == newsclean.clean(page())  # text wins by default
    assert batch(src, "-o", out, "-q", "--prefer", "html") == 0
    assert read_out(out)[1]["text"] == newsclean.clean(html, kind="html")


def test_out_dir_writes_one_text_file_per_page(tmp_path: Path) -> None:
    rows = [{"id": "a/b", "text": page(1)}, {"id": "a/b", "text": page(2)}, {"id": "c"}]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out_dir = tmp_path / "clean"
    assert batch(src, "--out-dir", out_dir, "-q") == 1  # record "c" has no text
    files = sorted(p.name for p in out_dir.iterdir())
    assert files == ["a_b-1.txt", "a_b.txt"]
    assert (out_dir / "a_b.txt").read_text(encoding="utf-8") == newsclean.clean(page(1)) + "\n"
    assert (out_dir / "a_b-1.txt").read_text(encoding="utf-8") == newsclean.clean(page(2)) + "\n"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_jsonl_is_detected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows: list[dict[str, Any]] = [{"id": i, "text": page(i)} for i in range(3)]
    _stdin(monkeypatch, gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode()))
    out = tmp_path / "out.jsonl"
    assert batch("-", "-o", out, "-q") == 0
    assert [g["text"] for g in read_out(out)] == [newsclean.clean(r["text"]) for r in rows]


def test_stdin_single_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, page(7).encode())
    out = tmp_path / "out.jsonl"
    assert batch("-o", out, "-q") == 0
    (got,) = read_out(out)
    assert (got["id"], got["text"]) == ("-", newsclean.clean(page(7)))


# -- WARC / WET -------------------------------------------------------------------------


def warc_record(kind: str, uri: str, body: bytes, content_type: str) -> bytes:
    """One WARC/1.0 record, gzip-compressed on its own as in Common Crawl files."""
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + body + b"\r\n\r\n")


def wet_file(path: Path, pages: list[str]) -> Path:
    data = warc_record("warcinfo", "", b"software: test\r\n", "application/warc-fields")
    for i, text in enumerate(pages):
        data += warc_record("conversion", f"https://example.org/{i}", text.encode(), "text/plain")
    path.write_bytes(data)
    return path


def test_wet_file(tmp_path: Path) -> None:
    pytest.importorskip("fastwarc")
    texts = [page(1), "\n".join([*ZH_ARTICLE, ZH_BOILER]), page(3)]
    src = wet_file(tmp_path / "x.warc.wet.gz", texts)
    out = tmp_path / "out.jsonl"
    assert batch(src, "-o", out, "-q") == 0
    got = read_out(out)
    assert [g["url"] for g in got] == [f"https://example.org/{i}" for i in range(3)]
    assert [g["text"] for g in got] == [newsclean.clean(t) for t in texts]
    assert all(g["id"].startswith("<urn:uuid:") for g in got)


def test_warc_response_records_are_html_pages(tmp_path: Path) -> None:
    pytest.importorskip("fastwarc")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p>"
    image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"
    data = warc_record("response", "https://e.org/a", http, "application/http; msgtype=response")
    data += warc_record("response", "https://e.org/i", image, "application/http; msgtype=response")
    src = tmp_path / "x.warc.gz"
    src.write_bytes(data)
    from newsclean._records import read_inputs

    (rec,) = read_inputs([str(src)])
    assert (rec.kind, rec.url, rec.payload) == ("html", "https://e.org/a", "<p>Hi</p>")


def test_truncated_wet_file_names_the_cut_record(tmp_path: Path) -> None:
    pytest.importorskip("fastwarc")
    src = wet_file(tmp_path / "x.wet.gz", [page(1), page(2)])
    src.write_bytes(src.read_bytes()[:-25])
    out = tmp_path / "out.jsonl"
    assert batch(src, "-o", out, "-q") == 1
    got = read_out(out)
    assert got[0]["text"] == newsclean.clean(page(1))
    assert got[1]["text"] is None
    assert got[1]["url"] == "https://example.org/1"
    assert "cut short" in got[1]["error"]


def test_missing_warc_extra_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)  # import fails
    src = wet_file(tmp_path / "x.wet.gz", [page(1)])
    assert batch(src, "-o", tmp_path / "o.jsonl") == 2
    assert "newsclean[warc]" in capsys.readouterr().err


def test_stdin_wet_is_detected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fastwarc")
    texts = [page(1), page(2)]
    _stdin(monkeypatch, wet_file(tmp_path / "x.wet.gz", texts).read_bytes())
    out = tmp_path / "out.jsonl"
    assert batch("-", "-o", out, "-q") == 0
    assert [g["text"] for g in read_out(out)] == [newsclean.clean(t) for t in texts]


# -- parallelism, streaming, bad records ---------------------------------------------------------


def test_output_order_is_the_same_for_one_and_two_jobs(tmp_path: Path) -> None:
    real = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    rows = [
        {**real[i % len(real)], "id": f"r{i}"} if i % 3 else {"id": f"s{i}", "text": page(i)}
        for i in range(60)
    ]
    src = write_jsonl(tmp_path / "in.jsonl.gz", rows, gz=True)
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        assert batch(src, "-o", out, "-q", "--jobs", jobs, "--chunk-size", "7") == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert [g["id"] for g in read_out(tmp_path / "out1.jsonl")] == [r["id"] for r in rows]


def _endless() -> Iterator[RawRecord]:
    for i in itertools.count():
        yield RawRecord(f"gen:{i}", page(i), "page", "text", f"g{i}")


def test_stream_is_lazy_and_bounded_with_workers() -> None:
    source = _endless()
    stream = clean_stream(source, WorkerSpec(), jobs=2, chunk_records=4, in_flight=3)
    first = list(itertools.islice(stream, 10))
    stream.close()
    assert [o.id for o in first] == [f"g{i}" for i in range(10)]
    read = next(source).source  # where the reader stands after the batch stopped
    assert int(read.split(":")[1]) <= 10 + 4 * 3 + 4


def test_bad_corpus_finishes_and_names_bad_records(tmp_path: Path) -> None:
    """Truncated gzip member, malformed and undecodable JSON lines, a 20 MB page."""
    root = tmp_path / "corpus"
    root.mkdir()
    rng = random.Random(6)
    noise = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(3000)) for _ in range(6)
    ]
    # incompressible lines, so cutting the end of a member loses only the last line
    good = [{"id": f"good{i}", "text": page(i), "noise": noise[i]} for i in range(6)]
    member1 = "".join(json.dumps(r) + "\n" for r in good[:3]).encode()
    member2 = "".join(json.dumps(r) + "\n" for r in good[3:]).encode()
    # two gzip members; the second is cut in the middle of its last line
    (root / "a.jsonl.gz").write_bytes(gzip.compress(member1) + gzip.compress(member2)[:-30])
    lines = [
        json.dumps({"id": "b1", "text": page(11)}).encode(),
        b'{"id": "broken", "text": "unterminated',
        b'{"id": "latin1", "text": "caf\xe9"}',
        json.dumps({"id": "b2", "text": page(12)}).encode(),
    ]
    (root / "b.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    sentence = "The council approved the new budget after a long debate, officials said. "
    big = "\n".join([ARTICLE[0], *([sentence * 100] * 2800), BOILER])
    assert len(big.encode()) > 20_000_000
    (root / "c-big.txt").write_text(big, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary_path = tmp_path / "summary.json"
    rc = batch(root, "-o", out, "-q", "--jobs", "2", "--summary-json", summary_path)
    assert rc == 1
    got = read_out(out)
    ok = {g["id"]: g for g in got if "error" not in g}
    assert set(ok) == {
        "good0",
        "good1",
        "good2",
        "good3",
        "good4",
        "b1",
        "b2",
        str(root / "c-big.txt"),
    }
    for i in range(5):
        assert ok[f"good{i}"]["text"] == newsclean.clean(page(i))
    assert ok[str(root / "c-big.txt")]["text"]  # the big page went through whole
    summary = json.loads(summary_path.read_text())
    assert (summary["pages"], summary["errors"]) == (len(got), 3)
    failed = {f["source"]: f["error"] for f in summary["failed"]}
    assert set(failed) == {
        f"{root / 'a.jsonl.gz'}:6",
        f"{root / 'b.jsonl'}:2",
        f"{root / 'b.jsonl'}:3",
    }
    assert "truncated" in failed[f"{root / 'a.jsonl.gz'}:6"]
    assert "malformed JSON" in failed[f"{root / 'b.jsonl'}:2"]
    assert "undecodable" in failed[f"{root / 'b.jsonl'}:3"]
    assert summary["removed"]["legal"] >= 8


def test_unreadable_file_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean import _records

    for name, text in (("a.txt", page(1)), ("b.txt", page(9)), ("c.txt", page(2))):
        (tmp_path / name).write_text(text, encoding="utf-8")

    def failing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(file).name == "b.txt":  # as root, chmod cannot make a file unreadable
            raise PermissionError(13, "Permission denied", str(file))
        return open(file, *args, **kwargs)

    monkeypatch.setattr(_records, "open", failing_open, raising=False)
    out = tmp_path / "out.jsonl"
    assert batch(tmp_path, "-o", out, "-q") == 1
    got = read_out(out)
    assert [g["text"] for g in got] == [newsclean.clean(page(1)), None, newsclean.clean(page(2))]
    assert "cannot read: Permission denied" in got[1]["error"]


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [json.dumps({"id": i, "text": page(i)}) for i in range(50)]
    rows[5] = "{not json"
    src.write_text("\n".join(rows) + "\n")
    out = tmp_path / "out.jsonl"
    assert batch(src, "-o", out, "-q", "--fail-fast", "--chunk-size", "2") == 1
    got = read_out(out)
    assert len(got) == 6
    assert "error" in got[-1]


def test_a_raising_filter_fails_only_its_record(tmp_path: Path) -> None:
    def boom(block: newsclean.Block) -> str | None:
        if "EXPLODE" in block.text:
            raise RuntimeError("kaboom")
        return None

    newsclean.register_filter("boom_for_batch_test", newsclean.block_rule(label="boom")(boom))
    try:
        config = tmp_path / "p.toml"
        config.write_text(
            '[[steps]]\nfilter = "legal"\n[[steps]]\nfilter = "boom_for_batch_test"\n'
        )
        rows = [
            {"id": "a", "text": page()},
            {"id": "b", "text": "EXPLODE"},
            {"id": "c", "text": page()},
        ]
        src = write_jsonl(tmp_path / "in.jsonl", rows)
        out = tmp_path / "out.jsonl"
        assert batch(src, "-o", out, "-q", "--config", config) == 1
    finally:
        newsclean.unregister_filter("boom_for_batch_test")
    got = read_out(out)
    assert [("error" in g) for g in got] == [False, True, False]
    assert "boom_for_batch_test" in got[1]["error"]
    assert "kaboom" in got[1]["error"]


# -- usage, summary, progress ----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["missing.jsonl"],
        ["--jobs", "-1", "x"],
        ["--skip", "no_such_step", "-"],
        ["--format", "xml", "-"],
        ["x", "-o", "no/such/dir/out.jsonl"],
        ["x", "--summary-json", "no/such/dir/summary.json"],
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x").write_text("x")
    assert batch(*args) == 2


def test_summary_on_stderr_without_progress_when_not_a_tty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": page()}, {"id": 2}])
    assert batch(src, "-o", tmp_path / "o.jsonl") == 1
    err = capsys.readouterr().err
    assert "\r" not in err
    assert "2 pages, 1 cleaned, 1 failed" in err
    assert "legal" in err
    assert f"2 [{src}:2]" in err


def test_progress_reports_pages_and_megabytes() -> None:
    stream = io.StringIO()
    progress = _batch._Progress(stream)
    summary = Summary(pages=10, in_bytes=2_000_000)
    progress.update(summary, force=True)
    assert "10 pages" in stream.getvalue()
    assert "pages/s" in stream.getvalue()
    assert "MB/s" in stream.getvalue()


def test_summary_kept_share_and_counts() -> None:
    runner = make_runner(newsclean.default_pipeline().run)
    texts = [page(1), page(2)]
    s = Summary()
    for text in texts:
        out = clean_record(RawRecord("x", text, "page", "text", "x"), runner, Fields(), False)
        assert out.counts == dict(newsclean.clean_and_explain(text).counts())
        s.add(out)
    s.add(clean_record(RawRecord("y", b"", error="broken"), runner, Fields(), False))
    results = [newsclean.clean_and_explain(t) for t in texts]
    total = sum(len(v.block.text) for r in results for v in r.verdicts)
    kept = sum(len(v.block.text) for r in results for v in r.verdicts if v.kept)
    assert s.kept_share == pytest.approx(kept / total)
    assert 0 < s.kept_share < 1
    assert s.to_json()["removed"]["legal"] == 2
    assert (s.pages, s.errors, s.failed) == (3, 1, [{"id": "y", "source": "y", "error": "broken"}])


# -- readers ----------------------------------------------------------------------------


def test_gunzip_chunks_reads_members_and_ignores_padding() -> None:
    data = gzip.compress(b"ab") + gzip.compress(b"cd") + b"\x00" * 8
    pieces = [data[i : i + 5] for i in range(0, len(data), 5)]
    assert b"".join(gunzip_chunks(pieces)) == b"abcd"


def test_gunzip_chunks_delivers_data_before_a_truncation() -> None:
    payload = b"x" * 1000 + b"\n"
    data = gzip.compress(payload) + gzip.compress(b"y" * 1000)[:-12]
    got = bytearray()

    def drain() -> None:
        for piece in gunzip_chunks([data]):
            got.extend(piece)

    with pytest.raises(TruncatedError):
        drain()
    assert bytes(got).startswith(payload)


def test_jsonl_records_line_numbers_and_last_line_without_newline() -> None:
    recs = list(jsonl_records("f", [b'{"a": 1}\n\n  \n{"b"', b': 2}\n{"c": 3}']))
    assert [(r.source, r.payload) for r in recs] == [
        ("f:1", b'{"a": 1}'),
        ("f:4", b'{"b": 2}'),
        ("f:5", b'{"c": 3}'),
    ]


def test_chunked_bounds_records_and_bytes() -> None:
    recs = [RawRecord(str(i), "x" * 10) for i in range(10)]
    assert [len(c) for c in chunked(recs, max_records=4)] == [4, 4, 2]
    assert [len(c) for c in chunked(recs, max_records=100, max_bytes=25)] == [3, 3, 3, 1]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.jsonl.gz", ("jsonl", None)),
        ("CC-MAIN-x.warc.wet.gz", ("warc", None)),
        ("x.warc.gz", ("warc", None)),
        ("p.HTML", ("page", "html")),
        ("p.htm.gz", ("page", "html")),
        ("p.txt", ("page", "text")),
        ("p.png", None),
        ("notes.gz", None),
    ],
)
def test_detect_format(name: str, expected: object) -> None:
    assert detect_format(name) == expected


def _crash_on_marker(block: newsclean.Block) -> str | None:
    if "KILL-THE-WORKER" in block.text:
        os._exit(3)  # a worker dying in native code looks like this to the parent
    return None


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # fork() in a threaded parent
def test_a_dying_worker_fails_only_its_record(tmp_path: Path) -> None:
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs fork so that workers see the registered filter")
    newsclean.register_filter(
        "crash_for_batch_test", newsclean.block_rule(label="x")(_crash_on_marker)
    )
    try:
        config = tmp_path / "p.toml"
        config.write_text(
            '[[steps]]\nfilter = "legal"\n[[steps]]\nfilter = "crash_for_batch_test"\n'
        )
        texts = [page(i) for i in range(20)]
        texts[7] = "KILL-THE-WORKER"
        records = [RawRecord(f"r:{i}", t, "page", "text", f"r{i}") for i, t in enumerate(texts)]
        spec = WorkerSpec(config=str(config))
        stream = clean_stream(
            records, spec, jobs=2, chunk_records=3, mp_context=multiprocessing.get_context("fork")
        )
        outs = list(stream)
    finally:
        newsclean.unregister_filter("crash_for_batch_test")
    assert [o.id for o in outs] == [f"r{i}" for i in range(20)]
    assert [o.error is not None for o in outs] == [i == 7 for i in range(20)]
    assert "died" in (outs[7].error or "")
    assert json.loads(outs[7].line)["error"] == outs[7].error


def test_newsclean_batch_subcommand(tmp_path: Path) -> None:
    from newsclean._cli import main as cli_main

    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": page()}])
    out = tmp_path / "out.jsonl"
    assert cli_main(["batch", str(src), "-o", str(out), "-q"]) == 0
    assert [g["id"] for g in read_out(out)] == ["a"]


def test_python_m_newsclean_batch_end_to_end(tmp_path: Path) -> None:
    src = write_jsonl(
        tmp_path / "in.jsonl.gz", [{"id": i, "text": page(i)} for i in range(3)], gz=True
    )
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean", "batch", str(src), "--jobs", "2"],
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [g["text"] for g in lines] == [newsclean.clean(page(i)) for i in range(3)]
    assert b"3 pages, 3 cleaned, 0 failed" in proc.stderr
