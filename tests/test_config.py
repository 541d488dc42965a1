"""Pipelines to and from dicts and TOML: round trips and error messages."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsclean import (
    ConfigError,
    Document,
    Drop,
    Pipeline,
    UnknownFilterError,
    default_pipeline,
    pipeline_from_config,
    pipeline_from_toml,
    register_filter,
    unregister_filter,
)


@dataclass(frozen=True, slots=True)
class Tunable:
    """A test filter with one parameter of every TOML-friendly type."""

    word: str = "Menu"
    limit: int = 3
    threshold: float = 0.5
    strict: bool = False
    extra: tuple[str, ...] = ("更多", "返回")

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        for block in doc.kept():
            if block.text.startswith(self.word) or block.text in self.extra:
                yield Drop(block.index, "tunable", "matched")


@pytest.fixture
def tunable() -> Iterator[str]:
    register_filter("tunable_cfg", Tunable)
    yield "tunable_cfg"
    unregister_filter("tunable_cfg")


def test_default_pipeline_dict_round_trip() -> None:
    pipe = default_pipeline()
    config = pipe.to_config()
    assert [s["filter"] for s in config["steps"]] == list(pipe.names)
    assert Pipeline.from_config(config) == pipe
    assert pipeline_from_config(config) == pipe


def test_default_pipeline_toml_round_trip(tmp_path: Path) -> None:
    pipe = default_pipeline()
    path = tmp_path / "pipeline.toml"
    path.write_text(pipe.to_toml(), encoding="utf-8")
    assert Pipeline.from_toml(path) == pipe
    assert pipeline_from_toml(str(path)) == pipe
    assert tomllib.loads(pipe.to_toml()) == pipe.to_config()


def test_every_parameter_type_round_trips(tunable: str, tmp_path: Path) -> None:
    flt = Tunable(word='quote " and \\ 反斜杠', limit=7, threshold=2.0, strict=True, extra=("a",))
    pipe = Pipeline([("custom", flt), (tunable, Tunable())])
    config = pipe.to_config()
    assert config["steps"][0] == {
        "name": "custom",
        "filter": tunable,
        "word": flt.word,
        "limit": 7,
        "threshold": 2.0,
        "strict": True,
        "extra": ["a"],
    }
    assert config["steps"][1] == {"filter": tunable}  # defaults are left out
    assert Pipeline.from_config(config) == pipe
    path = tmp_path / "p.toml"
    path.write_text(pipe.to_toml(), encoding="utf-8")
    again = Pipeline.from_toml(path)
    assert again == pipe
    assert again["custom"].extra == ("a",)  # type: ignore[attr-defined]


def test_step_name_defaults_to_filter_name(tunable: str) -> None:
    pipe = Pipeline.from_config({"steps": [{"filter": tunable, "word": "Nav"}]})
    assert pipe.names == (tunable,)
    assert pipe.run("Nav bar\nText").labels() == {0: "tunable"}


def test_int_is_accepted_for_a_float_parameter(tunable: str) -> None:
    pipe = Pipeline.from_config({"steps": [{"filter": tunable, "threshold": 1}]})
    assert pipe[tunable].threshold == 1  # type: ignore[attr-defined]


def test_unknown_parameter_lists_valid_ones(tunable: str) -> None:
    with pytest.raises(ConfigError, match="step 'x'") as info:
        Pipeline.from_config({"steps": [{"name": "x", "filter": tunable, "treshold": 1.0}]})
    message = str(info.value)
    assert "'treshold'" in message
    assert "expected: extra, limit, strict, threshold, word" in message


@pytest.mark.parametrize(
    ("key", "value", "match"),
    [
        ("limit", "3", "limit must be int, not str"),
        ("limit", 2.5, "limit must be int, not float"),
        ("limit", True, "limit must be int, not bool"),
        ("strict", 1, "strict must be bool, not int"),
        ("threshold", "0.5", "threshold must be float"),
        ("threshold", float("nan"), "threshold must be float"),
        ("word", 5, "word must be str"),
        ("extra", "abc", "extra must be tuple"),
    ],
)
def test_wrong_type_is_a_config_error(tunable: str, key: str, value: object, match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        Pipeline.from_config({"steps": [{"filter": tunable, key: value}]})


def test_unknown_filter_lists_available() -> None:
    with pytest.raises(UnknownFilterError, match="no filter 'weibo'") as info:
        Pipeline.from_config({"steps": [{"filter": "weibo"}]})
    for name in default_pipeline().names:
        assert name in str(info.value)
    assert isinstance(info.value, ConfigError)
    assert isinstance(info.value, LookupError)


@pytest.mark.parametrize(
    ("config", "match"),
    [
        ([], "must be a mapping"),
        ({"stepz": []}, "unknown top-level keys"),
        ({"steps": {"filter": "legal"}}, "must be a list"),
        ({"steps": ["legal"]}, r"step #0 must be a table"),
        ({"steps": [{"name": "x"}]}, r"step #0 needs a 'filter'"),
        ({"steps": [{"filter": "legal", "name": 3}]}, "'name' must be a string"),
        ({"steps": [{"filter": "legal"}, {"filter": "legal"}]}, "used twice"),
        ({"steps": [{"filter": "legal", "name": "a.b"}]}, "must not contain"),
    ],
)
def test_bad_structure_is_a_config_error(config: object, match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        pipeline_from_config(config)  # type: ignore[arg-type]


def test_empty_config_is_an_empty_pipeline() -> None:
    assert len(pipeline_from_config({})) == 0
    assert len(pipeline_from_config({"steps": []})) == 0


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[[steps]\nfilter = ", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        Pipeline.from_toml(path)


def test_missing_toml_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        Pipeline.from_toml(tmp_path / "missing.toml")


def test_factory_errors_become_config_errors() -> None:
    def picky(*, size: int = 1) -> Tunable:
        if size < 0:
            raise ValueError("size must be >= 0")
        return Tunable()

    register_filter("picky_cfg", picky)
    try:
        with pytest.raises(ConfigError, match=r"step 'picky_cfg' \(picky_cfg\).*size must be"):
            pipeline_from_config({"steps": [{"filter": "picky_cfg", "size": -1}]})
        with pytest.raises(ConfigError, match="unexpected keyword"):
            pipeline_from_config({"steps": [{"filter": "picky_cfg", "colour": 1}]})
    finally:
        unregister_filter("picky_cfg")


def test_unregistered_filter_cannot_be_written_as_config() -> None:
    pipe = Pipeline([("mine", Tunable())])
    with pytest.raises(ConfigError, match=r"step 'mine' \(Tunable\) is not a registered filter"):
        pipe.to_config()
