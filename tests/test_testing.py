"""newsclean.testing: run_filter, make_document, and the check_filter conformance check."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from newsclean import Block, Document, Drop, block_rule, get_filter
from newsclean._registry import _BUILTINS
from newsclean.testing import FilterCheckError, check_filter, make_document, run_filter


@dataclass(frozen=True, slots=True)
class Caps:
    """A well-behaved filter: drop kept lines written in capitals."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        for block in doc.kept():
            if block.text.isupper():
                yield Drop(block.index, "caps", "all capitals", {"chars": len(block.text)})


def test_run_filter_on_lines_and_on_a_page() -> None:
    r = run_filter(Caps(), ["Calm.", "", "LOUD"])
    assert r.labels() == {1: "caps"}  # blank lines are not blocks
    assert r.text == "Calm."
    assert r.verdicts[1].drop is not None
    assert r.verdicts[1].drop.evidence == {"chars": 4}
    assert run_filter(Caps(), "Calm.\r\nLOUD\u2028quiet").labels() == {1: "caps"}
    assert run_filter(Caps(), ["LOUD"], name="shout").verdicts[0].step == "shout"


def test_make_document() -> None:
    doc = make_document(["a", "bb"])
    assert doc.raw == "a\nbb"
    assert [(b.start, b.end) for b in doc.blocks] == [(0, 1), (2, 4)]
    assert doc.dropped == frozenset()


def test_check_filter_passes_a_good_filter() -> None:
    check_filter(Caps())
    check_filter(Caps(), pages=["Calm.\nLOUD LINE\n平静。"])


def test_check_filter_passes_a_block_rule() -> None:
    @block_rule(label="exclaim")
    def exclaim(block: Block) -> str | None:
        return "ends with !" if block.text.endswith("!") else None

    check_filter(exclaim)


@pytest.mark.parametrize("name", sorted(_BUILTINS))
def test_every_builtin_filter_passes_check_filter(name: str) -> None:
    check_filter(get_filter(name)())


@dataclass(frozen=True)
class OutOfRange:
    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        yield Drop(len(doc.blocks), "oops", "one past the end")


@dataclass(frozen=True)
class EmptyLabel:
    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        for b in doc.kept():
            yield Drop(b.index, "", "no label")


@dataclass(frozen=True)
class CamelLabel:
    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        for b in doc.kept():
            yield Drop(b.index, "BadLabel", "not snake_case")


@dataclass(frozen=True)
class EmptyReason:
    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        for b in doc.kept():
            yield Drop(b.index, "quiet", "")


@dataclass(frozen=True)
class Flaky:
    """Keeps a counter between calls: a different answer every time."""

    calls: Iterator[int] = field(default_factory=itertools.count)

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        if doc.blocks and next(self.calls) % 2:
            yield Drop(0, "flaky", "odd call")


@dataclass(frozen=True)
class IgnoresDropped:
    """Looks at every block, also those dropped by earlier steps."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        for b in doc.blocks:
            yield Drop(b.index, "all", "everything")


@dataclass(frozen=True)
class Twice:
    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        for b in doc.kept():
            yield Drop(b.index, "twice", "first")
            yield Drop(b.index, "twice", "again")


@dataclass(frozen=True)
class NotADrop:
    def __call__(self, doc: Document, /) -> Iterator[object]:
        for b in doc.kept():
            yield (b.index, "label", "reason")


@dataclass(frozen=True)
class Crashes:
    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        if any(len(b.text) > 100_000 for b in doc.blocks):
            raise MemoryError("too long")
        yield from ()


@pytest.mark.parametrize(
    ("flt", "match"),
    [
        (OutOfRange(), "dropped block"),
        (EmptyLabel(), "empty label"),
        (CamelLabel(), "snake_case"),
        (EmptyReason(), "empty reason"),
        (Flaky(), "not deterministic"),
        (IgnoresDropped(), "earlier step dropped"),
        (Twice(), "twice"),
        (NotADrop(), "not a Drop"),
        (Crashes(), "raised MemoryError"),
    ],
    ids=lambda v: type(v).__name__ if not isinstance(v, str) else v,
)
def test_check_filter_catches_broken_filters(flt: object, match: str) -> None:
    with pytest.raises(FilterCheckError, match=match):
        check_filter(flt)  # type: ignore[arg-type]


def test_filter_check_error_is_an_assertion_error() -> None:
    with pytest.raises(AssertionError):
        check_filter(OutOfRange())


@dataclass(frozen=True, slots=True)
class Lossy:
    """Registered, but its frozenset parameter comes back from config as a list."""

    words: frozenset[str] = frozenset({"menu"})

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        for b in doc.kept():
            if b.text.lower() in self.words:
                yield Drop(b.index, "lossy", "listed word")


def test_check_filter_catches_a_config_that_does_not_round_trip() -> None:
    from newsclean import register_filter, unregister_filter

    register_filter("lossy_check", Lossy)
    try:
        check_filter(Lossy())  # defaults are left out of the config: fine
        with pytest.raises(FilterCheckError, match="round trip"):
            check_filter(Lossy(words=frozenset({"home", "news"})))
    finally:
        unregister_filter("lossy_check")
