"""The filter registry: built-ins, register_filter, lookups and reverse lookups."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from newsclean import (
    Block,
    ConfigError,
    Document,
    Drop,
    Pipeline,
    UnknownFilterError,
    available_filters,
    block_rule,
    get_filter,
    register_filter,
    unregister_filter,
)
from newsclean._default import DEFAULT_STEPS
from newsclean._registry import _BUILTINS, name_of


@dataclass(frozen=True, slots=True)
class Shouting:
    """Drop lines written in capitals."""

    min_chars: int = 3

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        for block in doc.kept():
            if len(block.text) >= self.min_chars and block.text.isupper():
                yield Drop(block.index, "shouting", "all capitals")


@pytest.fixture
def shouting() -> Iterator[str]:
    register_filter("shouting_reg", Shouting)
    yield "shouting_reg"
    unregister_filter("shouting_reg")


def test_every_builtin_loads_and_is_named_back() -> None:
    assert set(DEFAULT_STEPS) <= set(_BUILTINS)
    for name in _BUILTINS:
        factory = get_filter(name)
        flt = factory()
        assert callable(flt)
        assert name_of(flt) == name
        assert available_filters()[name] == "builtin"


def test_register_and_unregister(shouting: str) -> None:
    assert get_filter(shouting) is Shouting
    assert available_filters()[shouting] == "register_filter()"
    assert name_of(Shouting(min_chars=5)) == shouting
    pipe = Pipeline([Shouting()])
    assert pipe.names == (shouting,)
    assert pipe.run("Calm words\nBUY NOW").labels() == {1: "shouting"}
    unregister_filter(shouting)
    assert shouting not in available_filters()
    assert name_of(Shouting()) is None
    with pytest.raises(UnknownFilterError):
        get_filter(shouting)
    unregister_filter(shouting)  # forgetting twice is harmless


def test_register_refuses_taken_names_unless_replace(shouting: str) -> None:
    with pytest.raises(ConfigError, match="'legal' is taken"):
        register_filter("legal", Shouting)
    with pytest.raises(ConfigError, match=f"'{shouting}' is taken"):
        register_filter(shouting, Shouting)

    @dataclass(frozen=True)
    class Other(Shouting):
        pass

    register_filter(shouting, Other, replace=True)
    assert get_filter(shouting) is Other


def test_register_filter_can_shadow_a_builtin_with_replace() -> None:
    builtin = get_filter("legal")
    register_filter("legal", Shouting, replace=True)
    try:
        assert get_filter("legal") is Shouting
        assert available_filters()["legal"] == "register_filter()"
    finally:
        unregister_filter("legal")
    assert get_filter("legal") is builtin
    assert available_filters()["legal"] == "builtin"


@pytest.mark.parametrize("bad", ["", "a.b", 3, None])
def test_register_rejects_bad_names(bad: object) -> None:
    with pytest.raises(ConfigError, match="non-empty"):
        register_filter(bad, Shouting)  # type: ignore[arg-type]


def test_register_rejects_non_callable() -> None:
    with pytest.raises(TypeError, match="not callable"):
        register_filter("not_callable_reg", 42)  # type: ignore[arg-type]
    assert "not_callable_reg" not in available_filters()


def test_block_rule_registers_as_a_ready_filter() -> None:
    @block_rule(label="exclaim")
    def exclaim(block: Block) -> str | None:
        return "ends with !" if block.text.endswith("!") else None

    register_filter("exclaim_reg", exclaim)
    try:
        factory = get_filter("exclaim_reg")
        assert factory() is exclaim
        assert name_of(exclaim) == "exclaim_reg"
        pipe = Pipeline.from_config({"steps": [{"filter": "exclaim_reg"}]})
        assert pipe.run("Calm.\nWow!").labels() == {1: "exclaim"}
        assert pipe.to_config() == {"steps": [{"filter": "exclaim_reg"}]}
    finally:
        unregister_filter("exclaim_reg")


def test_unknown_name_lists_alternatives(shouting: str) -> None:
    with pytest.raises(UnknownFilterError, match="no filter 'weibo'; available: ") as info:
        get_filter("weibo")
    listed = str(info.value).split("available: ", 1)[1].split(", ")
    assert listed == sorted(available_filters())
    assert shouting in listed
    assert "legal" in listed


def test_available_filters_is_sorted_and_includes_builtins() -> None:
    found = available_filters()
    assert list(found) == sorted(found)
    assert {n for n, who in found.items() if who == "builtin"} == set(_BUILTINS)


def test_name_of_unknown_filter_is_none() -> None:
    def anonymous(doc: Document, /) -> Iterator[Drop]:
        yield from ()

    assert name_of(anonymous) is None
    assert name_of(Shouting()) is None
