"""The newsclean command line, run in-process through main(argv)."""

from __future__ import annotations

import io
import json
import os
import runpy
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import newsclean
from newsclean import Document, Drop, register_filter, unregister_filter
from newsclean._cli import main

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "pages" / "xinhua-seed.txt"
PAGE = (
    "Storm hits the coast\nBREAKING NEWS ALERT\nThe storm arrived at dawn.\n京ICP备12345678号-1\n"
)


@dataclass(frozen=True, slots=True)
class Caps:
    """Drop lines written in capitals (label ``caps``)."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        for block in doc.kept():
            if block.text.isascii() and block.text.isupper():
                yield Drop(block.index, "caps", "all capitals")


@dataclass(frozen=True, slots=True)
class Boom:
    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        raise RuntimeError("kaput")


@pytest.fixture(autouse=True)
def cli_filters() -> Iterator[None]:
    register_filter("cli_caps", Caps)
    register_filter("cli_boom", Boom)
    yield
    unregister_filter("cli_caps")
    unregister_filter("cli_boom")


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


@pytest.fixture
def caps_config(tmp_path: Path) -> Path:
    path = tmp_path / "pipeline.toml"
    path.write_text('[[steps]]\nfilter = "legal"\n\n[[steps]]\nfilter = "cli_caps"\n', "utf-8")
    return path


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="latin-1"))


def test_prints_the_article_of_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED)]) == 0
    out, err = capsys.readouterr()
    assert out == newsclean.clean(SEED.read_text(encoding="utf-8")) + "\n"
    assert err == ""


@pytest.mark.parametrize("argv", [["-"], []])
def test_reads_stdin_as_utf8(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    set_stdin(monkeypatch, PAGE.encode("utf-8"))  # the text layer says latin-1: ignored
    assert main(argv) == 0
    assert capsys.readouterr().out == newsclean.clean(PAGE) + "\n"


def test_stdin_bytes_in_another_encoding_are_decoded(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = "国家知识产权局23日举行新闻发布会介绍相关情况。\n中小企业专利创新更加活跃。\n"
    set_stdin(monkeypatch, page.encode("gb18030"))
    assert main(["--config", os.devnull, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["text"] == page.strip()
    assert out["encoding"] == "gb18030"
    assert out["encoding_guessed"] is True


def test_undecodable_stdin_bytes_do_not_fail(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    set_stdin(monkeypatch, "正文".encode() + b"\xff\xfe" + b"\n\xed\xa0\x80tail\n")
    assert main(["--config", os.devnull]) == 0
    assert "tail" in capsys.readouterr().out


def test_lone_surrogates_in_output_are_replaced(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("a\ud800b\n\udfff"))  # a stream with no bytes
    assert main(["--config", os.devnull]) == 0
    assert capsys.readouterr().out == "a\ufffdb\n\ufffd\n"


def test_empty_article_prints_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    set_stdin(monkeypatch, b"\n \n")
    assert main([]) == 0
    assert capsys.readouterr().out == ""


def test_explain_prints_every_verdict(
    page_file: Path, caps_config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--explain", "--config", str(caps_config), str(page_file)]) == 0
    out = capsys.readouterr().out
    expected = newsclean.Pipeline.from_toml(caps_config).run(PAGE).explain()
    assert out == expected + "\n"
    rows = [row.split("\t") for row in out.splitlines()[1:]]
    assert len(rows) == 4
    assert rows[1][1:4] == ["drop", "cli_caps", "caps"]


def test_json_output(
    page_file: Path, caps_config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--json", "--config", str(caps_config), str(page_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    result = newsclean.Pipeline.from_toml(caps_config).run(PAGE)
    assert data["text"] == result.text
    assert data["dropped"] == dict(result.counts())
    assert data["dropped"]["caps"] == 1
    assert data["kept"] == len(result.kept_blocks())
    assert data["kept"] + sum(data["dropped"].values()) == len(data["verdicts"]) == 4
    assert isinstance(data["teasers"], list)
    caps_row = data["verdicts"][1]
    assert caps_row["kept"] is False
    assert (caps_row["step"], caps_row["label"]) == ("cli_caps", "caps")
    assert caps_row["text"] == "BREAKING NEWS ALERT"
    assert PAGE[caps_row["start"] : caps_row["end"]] == caps_row["text"]
    assert data["verdicts"][0] == {
        "index": 0,
        "start": 0,
        "end": 20,
        "kept": True,
        "text": "Storm hits the coast",
    }


def test_json_teasers_are_dicts() -> None:
    from newsclean._cli import result_to_json
    from newsclean._model import Block, Result, Teaser, Verdict

    r = Result("x", (Verdict(Block(0, 0, 1, "x")),), teasers=(Teaser("Title", blocks=(3, 4)),))
    assert json.loads(json.dumps(result_to_json(r)))["teasers"] == [
        {"title": "Title", "snippet": "", "source": "", "time": "", "blocks": [3, 4], "copies": []}
    ]


def test_config_and_skip(
    page_file: Path, caps_config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", str(caps_config), str(page_file)]) == 0
    assert "BREAKING NEWS ALERT" not in capsys.readouterr().out
    assert main(["--config", str(caps_config), "--skip", "cli_caps", str(page_file)]) == 0
    assert "BREAKING NEWS ALERT" in capsys.readouterr().out
    argv = ["--config", str(caps_config), "--skip", "cli_caps", "--skip", "legal", str(page_file)]
    assert main(argv) == 0
    assert capsys.readouterr().out == PAGE  # nothing left to drop anything


def test_skip_on_the_default_pipeline(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = newsclean.default_pipeline().names
    assert main(["--skip", names[0], str(page_file)]) == 0
    expected = newsclean.default_pipeline().without(names[0]).clean(PAGE)
    assert capsys.readouterr().out == expected + "\n"


def test_unknown_skip_is_a_usage_error(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--skip", "nonexistent_step", str(page_file)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "'nonexistent_step'" in err
    assert newsclean.default_pipeline().names[0] in err


def test_missing_file_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    assert main([str(missing)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert str(missing) in err
    assert err.startswith("newsclean: error:")


def test_directory_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path)]) == 2
    assert str(tmp_path) in capsys.readouterr().err


@pytest.mark.parametrize(
    ("toml", "needle"),
    [
        ('[[steps]]\nfilter = "no_such_filter"\n', "available: "),
        ('[[steps]]\nfilter = "cli_caps"\ncolour = 1\n', "'colour'"),
        ("[[steps]\n", "invalid TOML"),
    ],
)
def test_bad_config_is_exit_2(
    toml: str, needle: str, tmp_path: Path, page_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(toml, encoding="utf-8")
    assert main(["--config", str(config), str(page_file)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert needle in err


def test_missing_config_is_exit_2(
    tmp_path: Path, page_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", str(tmp_path / "nope.toml"), str(page_file)]) == 2
    assert "nope.toml" in capsys.readouterr().err


def test_filter_error_is_exit_1(
    tmp_path: Path, page_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "boom.toml"
    config.write_text('[[steps]]\nname = "kaboom"\nfilter = "cli_boom"\n', encoding="utf-8")
    assert main(["--config", str(config), str(page_file)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "'kaboom'" in err
    assert "RuntimeError" in err


def test_list_filters(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--list-filters"]) == 0
    rows = dict(line.split("\t") for line in capsys.readouterr().out.splitlines())
    assert rows == newsclean.available_filters()
    assert rows["cli_caps"] == "register_filter()"
    assert rows["legal"] == "builtin"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"newsclean {newsclean.__version__}"


def test_help_mentions_decoding(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "GB18030" in out
    for option in ("--explain", "--json", "--config", "--skip", "--kind", "--list-filters"):
        assert option in out


def test_usage_errors_are_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--explain", "--json", "x"]) == 2
    assert main(["--no-such-option"]) == 2
    assert "usage:" in capsys.readouterr().err


def test_python_dash_m_runs_the_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["newsclean", "--version"])
    monkeypatch.delitem(sys.modules, "newsclean.__main__", raising=False)
    with pytest.raises(SystemExit) as stop:
        runpy.run_module("newsclean", run_name="__main__", alter_sys=True)
    assert stop.value.code == 0
    assert newsclean.__version__ in capsys.readouterr().out


def test_installed_console_script_on_the_seed() -> None:
    script = Path(sys.executable).with_name("newsclean")
    if not script.exists():
        pytest.skip(f"no newsclean console script next to {sys.executable}; pip install -e . first")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"}
    proc = subprocess.run(
        [str(script), str(SEED)], capture_output=True, env=env, check=False, timeout=120
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    expected = newsclean.clean(SEED.read_text(encoding="utf-8")) + "\n"
    assert proc.stdout.decode("utf-8") == expected
    assert proc.stderr == b""


def test_html_file_is_recognised_and_explained_with_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "The council approved the new budget on Tuesday after a long debate in the chamber."
    html = (
        "<html><head><meta charset='big5'><title>Budget</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Budget passes</h1><p>{body}</p></article></body></html>"
    )
    page = tmp_path / "page.html"
    page.write_bytes(html.encode("big5"))
    assert main([str(page), "--config", os.devnull]) == 0
    assert body in capsys.readouterr().out
    assert main([str(page), "--config", os.devnull, "--explain"]) == 0
    assert "@/html/body" in capsys.readouterr().out
