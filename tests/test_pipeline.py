"""Pipeline: order, first drop wins, editing, validation and error reporting."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

import newsclean
from newsclean import (
    ConfigError,
    Document,
    Drop,
    FilterContractError,
    FilterError,
    NewscleanError,
    Pipeline,
    default_pipeline,
)


@dataclass(frozen=True, slots=True)
class Contains:
    """Drop kept blocks containing ``needle`` with ``label``; records what it saw."""

    needle: str
    label: str = "contains"

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        for block in doc.kept():
            if self.needle in block.text:
                yield Drop(block.index, self.label, f"contains {self.needle!r}")


@dataclass(frozen=True)
class Seen:
    """Drop nothing; append the kept block texts it is shown to ``log``."""

    log: list[list[str]]

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        self.log.append([b.text for b in doc.kept()])
        yield from ()


PAGE = "Title\nMenu: Home\nBody with menu words.\nFooter: Home"


def test_steps_run_in_order_and_see_earlier_drops() -> None:
    log: list[list[str]] = []
    pipe = Pipeline([("menu", Contains("Menu")), ("seen", Seen(log)), ("home", Contains("Home"))])
    result = pipe.run(PAGE)
    # The first pass sees what "menu" left; the settling pass sees the output alone.
    assert log == [
        ["Title", "Body with menu words.", "Footer: Home"],
        ["Title", "Body with menu words."],
    ]
    assert result.text == "Title\nBody with menu words."
    assert [(v.step, v.drop.label if v.drop else None) for v in result.verdicts] == [
        (None, None),
        ("menu", "contains"),
        (None, None),
        ("home", "contains"),
    ]


def test_first_drop_wins() -> None:
    @dataclass(frozen=True)
    class Greedy:
        """Drops every block, kept or not (breaking the habit, not the contract)."""

        def __call__(self, doc: Document, /) -> Iterator[Drop]:
            for b in doc.blocks:
                yield Drop(b.index, "greedy", "all")

    pipe = Pipeline([("a", Contains("Home", label="first")), ("b", Greedy())])
    assert pipe.run(PAGE).labels() == {0: "greedy", 1: "first", 2: "greedy", 3: "first"}
    # a filter naming the same block twice: its first drop counts
    twice = Pipeline([("a", Greedy()), ("b", Greedy())]).run("x")
    assert twice.verdicts[0].step == "a"


def test_output_is_rendered_from_kept_blocks() -> None:
    pipe = Pipeline([("drop_b", Contains("b"))])
    assert pipe.clean("\u3000a\r\n\r\nb\u2028c  ") == "a\nc"


def test_empty_pipeline_keeps_every_block() -> None:
    assert Pipeline().clean("  a\n\nb ") == "a\nb"
    assert len(Pipeline()) == 0


def test_names_and_lookup() -> None:
    a, b = Contains("a"), Contains("b")
    pipe = Pipeline([("a", a), ("b", b)])
    assert pipe.names == ("a", "b")
    assert pipe["b"] is b
    assert "a" in pipe
    assert "c" not in pipe
    assert list(pipe) == [("a", a), ("b", b)]
    assert pipe == Pipeline([("a", Contains("a")), ("b", Contains("b"))])
    assert "Pipeline([('a'" in repr(pipe)
    with pytest.raises(ConfigError, match=r"'zzz'.*steps: a, b"):
        pipe["zzz"]


def test_with_step_before_after_and_at_end() -> None:
    pipe = Pipeline([("a", Contains("a")), ("b", Contains("b"))])
    x = Contains("x")
    assert pipe.with_step("x", x).names == ("a", "b", "x")
    assert pipe.with_step("x", x, before="a").names == ("x", "a", "b")
    assert pipe.with_step("x", x, before="b").names == ("a", "x", "b")
    assert pipe.with_step("x", x, after="a").names == ("a", "x", "b")
    assert pipe.with_step("x", x, after="b").names == ("a", "b", "x")
    assert pipe.names == ("a", "b")  # unchanged
    with pytest.raises(ConfigError, match="not both"):
        pipe.with_step("x", x, before="a", after="b")
    with pytest.raises(ConfigError, match="'nope'"):
        pipe.with_step("x", x, after="nope")
    with pytest.raises(ConfigError, match=r"'a'.*twice"):
        pipe.with_step("a", x)


def test_without_and_replace() -> None:
    pipe = Pipeline([("a", Contains("a")), ("b", Contains("b")), ("c", Contains("c"))])
    assert pipe.without("a", "c").names == ("b",)
    assert pipe.without().names == ("a", "b", "c")
    with pytest.raises(ConfigError, match=r"no step 'd'; steps: a, b, c"):
        pipe.without("d")
    replaced = pipe.replace("b", Contains("z"))
    assert replaced.names == ("a", "b", "c")
    assert replaced["b"] == Contains("z")
    assert pipe["b"] == Contains("b")
    with pytest.raises(ConfigError, match="'q'"):
        pipe.replace("q", Contains("z"))


def test_configure_changes_one_parameter() -> None:
    pipe = Pipeline([("menu", Contains("Menu"))])
    changed = pipe.configure("menu", label="menu_word")
    assert changed["menu"] == Contains("Menu", label="menu_word")
    assert changed.run(PAGE).labels() == {1: "menu_word"}
    with pytest.raises(ConfigError, match=r"no parameter 'lable'; expected: label, needle"):
        pipe.configure("menu", lable="x")
    with pytest.raises(ConfigError, match="must be str"):
        pipe.configure("menu", label=3)
    with pytest.raises(ConfigError, match="'other'"):
        pipe.configure("other", label="x")


def test_configure_rejects_non_dataclass_filter() -> None:
    def plain(doc: Document, /) -> Iterator[Drop]:
        yield from ()

    with pytest.raises(ConfigError, match="no parameters"):
        Pipeline([("plain", plain)]).configure("plain", x=1)


@pytest.mark.parametrize(
    ("steps", "match"),
    [
        ([("a", Contains("a")), ("a", Contains("b"))], "'a' is used twice"),
        ([("", Contains("a"))], "non-empty"),
        ([("my.step", Contains("a"))], r"must not contain '\.'"),
        ([("a", Contains("a"), "extra")], "a step must be"),
        ([(1, Contains("a"))], "a step must be"),
    ],
)
def test_bad_step_names_are_rejected(steps: list[Any], match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        Pipeline(steps)


def test_unregistered_bare_filter_needs_a_name() -> None:
    with pytest.raises(ConfigError, match="not a registered filter"):
        Pipeline([Contains("a")])


def test_registered_bare_filter_takes_its_name() -> None:
    flt = newsclean.get_filter("legal")()
    assert Pipeline([flt]).names == ("legal",)


def test_non_callable_step_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"'x'.*not callable"):
        Pipeline([("x", 42)])  # type: ignore[list-item]


@dataclass(frozen=True)
class Boom:
    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        raise ZeroDivisionError("kaput")
        yield  # pragma: no cover


def test_filter_exception_becomes_filter_error_naming_the_step() -> None:
    pipe = Pipeline([("ok", Contains("a")), ("weibo", Boom())])
    with pytest.raises(FilterError, match=r"step 'weibo' \(.*Boom\).*ZeroDivisionError") as info:
        pipe.run("a\nb")
    assert info.value.step == "weibo"
    assert isinstance(info.value.__cause__, ZeroDivisionError)
    assert isinstance(info.value, NewscleanError)


@dataclass(frozen=True)
class Returns:
    """A filter returning fixed items (to break the contract on purpose)."""

    items: tuple[Any, ...]

    def __call__(self, doc: Document, /) -> Any:
        return list(self.items)


@pytest.mark.parametrize(
    ("items", "match"),
    [
        (
            (Drop(999, "x", "r"),),
            r"step 'bad' \(.*Returns\) dropped block 999; document has 2 blocks",
        ),
        ((Drop(-1, "x", "r"),), "dropped block -1"),
        ((Drop(True, "x", "r"),), "dropped block True"),
        ((Drop(0, "", "r"),), "without a label"),
        ((Drop(0, 5, "r"),), "without a label"),  # type: ignore[arg-type]
        ((Drop(0, "x", None),), "non-str reason"),  # type: ignore[arg-type]
        ((0,), "returned int instead of Drop"),
        (({"block": 0},), "returned dict instead of Drop"),
    ],
)
def test_contract_violations_name_the_step(items: tuple[Any, ...], match: str) -> None:
    pipe = Pipeline([("bad", Returns(items))])
    with pytest.raises(FilterContractError, match=match) as info:
        pipe.run("a\nb")
    assert info.value.step == "bad"


def test_filter_returning_non_iterable_is_a_filter_error() -> None:
    @dataclass(frozen=True)
    class NoneFilter:
        def __call__(self, doc: Document, /) -> Any:
            return None

    with pytest.raises(FilterError, match="'none'"):
        Pipeline([("none", NoneFilter())]).run("a")


def test_pipe_with_and_without_context() -> None:
    pipe = Pipeline([("menu", Contains("Menu"))])
    results = list(pipe.pipe(["a\nMenu", "b"]))
    assert [r.text for r in results] == ["a", "b"]
    pairs = list(pipe.pipe([("Menu\nx", 1), ("y", 2)], with_context=True))
    assert [(r.text, ctx) for r, ctx in pairs] == [("x", 1), ("y", 2)]


def test_default_pipeline_is_cached_and_immutable() -> None:
    pipe = default_pipeline()
    assert default_pipeline() is pipe
    names = pipe.names
    pipe.without(names[0])
    pipe.with_step("extra", Contains("x"))
    assert default_pipeline().names == names
    assert newsclean.clean("a") == pipe.clean("a")


def test_default_pipeline_order() -> None:
    from newsclean._default import DEFAULT_STEPS

    assert default_pipeline().names == DEFAULT_STEPS


@dataclass(frozen=True, slots=True)
class DropLastIfShort:
    """Drop the last kept block when it is shorter than ``limit`` (a context rule)."""

    limit: int = 12

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        kept = list(doc.kept())
        if kept and len(kept[-1].text) < self.limit:
            before = kept[-2].index if len(kept) > 1 else kept[-1].index
            yield Drop(kept[-1].index, "short_tail", "short last line", {"duplicate_of": before})


def test_run_settles_so_cleaning_is_idempotent() -> None:
    # Each pass drops one short tail line; removing it exposes another one.
    page = "A long opening paragraph of the story.\nA second long paragraph.\nshort\ntiny\nend"
    pipe = Pipeline([("tail", DropLastIfShort())])
    result = pipe.run(page)
    assert result.text == "A long opening paragraph of the story.\nA second long paragraph."
    assert pipe.clean(result.text) == result.text
    passes = {v.block.text: v.drop.evidence.get("pass", 1) for v in result.verdicts if v.drop}
    assert passes == {"end": 1, "tiny": 2, "short": 3}


def test_settling_stops_after_max_passes() -> None:
    lines = [f"l{i}" for i in range(10)]
    result = Pipeline([("tail", DropLastIfShort())]).run("\n".join(lines))
    assert len(result.labels()) == newsclean._pipeline.MAX_PASSES


def test_settling_maps_block_references_back_to_page_indices() -> None:
    page = "Menu\nA long opening paragraph of the story.\nA second long paragraph.\nshort\nend"
    pipe = Pipeline([("menu", Contains("Menu")), ("tail", DropLastIfShort())])
    evidence = {v.block.index: dict(v.drop.evidence) for v in pipe.run(page).verdicts if v.drop}
    assert evidence[4] == {"duplicate_of": 3}
    # In the second pass "short" is line 2 of the output and refers to output line 1,
    # which is block 2 of the page.
    assert evidence[3] == {"duplicate_of": 2, "pass": 2}


def test_drops_made_while_settling_name_their_step() -> None:
    page = "Menu\nA long opening paragraph of the story.\nA second long paragraph.\nshort\nend"
    pipe = Pipeline([("menu", Contains("Menu")), ("tail", DropLastIfShort())])
    result = pipe.run(page)
    steps = [(v.step, v.drop is None) for v in result.verdicts]
    assert steps == [("menu", False), (None, True), (None, True), ("tail", False), ("tail", False)]
    assert result.text == "A long opening paragraph of the story.\nA second long paragraph."


# -- long lists of drops (checked in bulk) and huge pages ----------------------------

_MANY = 300  # more drops than _pipeline._BULK, so the bulk check runs first


@pytest.mark.parametrize(
    ("bad", "match"),
    [
        (Drop(_MANY + 5, "x", "r"), f"dropped block {_MANY + 5}; document has {_MANY} blocks"),
        (Drop(-1, "x", "r"), "dropped block -1"),
        (Drop(True, "x", "r"), "dropped block True"),
        (Drop(0, "", "r"), "without a label"),
        (Drop(0, 5, "r"), "without a label"),  # type: ignore[arg-type]
        (Drop(0, "x", None), "non-str reason"),  # type: ignore[arg-type]
        (0, "returned int instead of Drop"),
    ],
)
def test_contract_violations_in_a_long_list_name_the_step(bad: Any, match: str) -> None:
    items = (*[Drop(i, "x", "r") for i in range(_MANY - 1)], bad)
    page = "\n".join(f"line {i}" for i in range(_MANY))
    with pytest.raises(FilterContractError, match=match) as info:
        Pipeline([("bad", Returns(items))]).run(page)
    assert info.value.step == "bad"


@dataclass(frozen=True)
class DropsAllTwice:
    """Drop every kept block but the last, each twice (labels ``first``, ``second``)."""

    drop_type: type[Drop] = Drop

    def __call__(self, doc: Document, /) -> list[Drop]:
        blocks = list(doc.kept())[:-1]
        return [
            self.drop_type(b.index, label, "r") for label in ("first", "second") for b in blocks
        ]


def test_first_drop_wins_in_a_long_list() -> None:
    # The first drop of a block wins within one step's list, and over earlier steps.
    page = "\n".join(f"line {i}" for i in range(_MANY + 1)).replace("line 7\n", "seven\n")
    pipe = Pipeline([("early", Contains("seven", "early")), ("many", DropsAllTwice())])
    result = pipe.run(page)
    labels = result.labels()
    assert labels[7] == "early"
    assert {labels[i] for i in range(_MANY) if i != 7} == {"first"}
    assert result.text == f"line {_MANY}"
    assert {v.step for v in result.verdicts if v.drop and v.drop.label == "first"} == {"many"}


def test_a_drop_subclass_in_a_long_list_is_accepted() -> None:
    class MyDrop(Drop):
        __slots__ = ()

    page = "\n".join(f"line {i}" for i in range(_MANY + 1))
    result = Pipeline([("mine", DropsAllTwice(MyDrop))]).run(page)
    assert result.text == f"line {_MANY}"
    assert {type(v.drop) for v in result.verdicts if v.drop} == {MyDrop}


@pytest.mark.parametrize("enabled", [True, False])
def test_a_huge_page_leaves_the_garbage_collector_as_it_was(enabled: bool) -> None:
    import gc

    from newsclean._pipeline import GC_PAUSE_CHARS

    @dataclass(frozen=True)
    class SeesCollector:
        log: list[bool]

        def __call__(self, doc: Document, /) -> Iterator[Drop]:
            self.log.append(gc.isenabled())
            yield from ()

    log: list[bool] = []
    pipe = Pipeline([("seen", SeesCollector(log))])
    page = "x" * (GC_PAUSE_CHARS + 1)
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        pipe.run("short page")
        assert log
        assert set(log) == {enabled}  # a page of ordinary size: left alone
        log.clear()
        pipe.run(page)
        assert log
        assert set(log) == {False}  # paused while the huge page is cleaned
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
