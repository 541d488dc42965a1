"""Helpers for people who write filters: run one filter, and check that it behaves.

>>> from newsclean.testing import run_filter
>>> from newsclean.filters.legal import LegalNoticeFilter
>>> run_filter(LegalNoticeFilter(), ["正文。", "京ICP备12345678号-1"]).labels()
{1: 'legal'}
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from newsclean._errors import NewscleanError
from newsclean._filter import Filter
from newsclean._model import Block, Document, Drop, Result
from newsclean._pipeline import Pipeline
from newsclean._registry import name_of

__all__ = ["FilterCheckError", "check_filter", "make_document", "run_filter"]


class FilterCheckError(NewscleanError, AssertionError):
    """A filter failed one of the conformance checks of :func:`check_filter`."""


def make_document(lines: Sequence[str]) -> Document:
    """Build a text document whose blocks are ``lines`` (each must be one non-blank line)."""
    blocks: list[Block] = []
    pos = 0
    for line in lines:
        blocks.append(Block(len(blocks), pos, pos + len(line), line))
        pos += len(line) + 1
    return Document("\n".join(lines), tuple(blocks))


def run_filter(flt: Filter, lines: Sequence[str] | str, *, name: str = "filter") -> Result:
    """Run ``flt`` alone on ``lines`` (a list of lines, or a whole page) and return the result.

    Blank lines are not blocks, so block indices count the non-blank lines only.
    """
    page = lines if isinstance(lines, str) else "\n".join(lines)
    return Pipeline([(name, flt)]).run(page)


def _hostile_pages() -> list[str]:
    return [
        "",
        "\n\n\n",
        "x",
        "正文。\r\n\r\n京ICP备12345678号",
        "\u3000\u3000段落。\u2028Line two\x85Line three\u2029Line four\rLine five",
        "\x00\x01\x02 control\u200b\ufeff zero width \ud800 lone surrogate",
        "A" * 200_000,
        "1" * 100_000 + "\n" + " " * 100_000 + "x",
        "\n".join(["Home", "News", "Sport", "Weather", "Contact"] * 200),
        "\n".join(
            f"Paragraph {i} of a long article, with words and a full stop." for i in range(2000)
        ),
    ]


def check_filter(flt: Filter, *, pages: Iterable[str] = ()) -> None:
    """Check that ``flt`` follows the filter contract; raise :class:`FilterCheckError` if not.

    Checks, on a set of awkward pages (empty, huge, odd Unicode) plus ``pages``:
    the filter returns only :class:`Drop` values with valid, kept block indices,
    non-empty labels and reasons; it is deterministic (two runs agree); it never drops
    a block already dropped; and, for a dataclass filter that is registered, its
    configuration survives a round trip through a pipeline config.
    """
    for page in [*_hostile_pages(), *pages]:
        from newsclean._segment import text_blocks

        doc = Document(page, text_blocks(page))
        first = _drops(flt, doc)
        second = _drops(flt, Document(page, text_blocks(page)))
        if first != second:
            raise FilterCheckError(f"{flt!r} is not deterministic on page {page[:40]!r}")
        seen: set[int] = set()
        for drop in first:
            if not isinstance(drop, Drop):
                raise FilterCheckError(f"{flt!r} returned {drop!r}, not a Drop")
            if type(drop.block) is not int or not 0 <= drop.block < len(doc.blocks):
                raise FilterCheckError(f"{flt!r} dropped block {drop.block!r} of {len(doc.blocks)}")
            if not drop.label or not isinstance(drop.label, str):
                raise FilterCheckError(f"{flt!r} gave an empty label")
            if not drop.label.isidentifier() or drop.label != drop.label.lower():
                raise FilterCheckError(f"{flt!r}: label {drop.label!r} is not snake_case")
            if not drop.reason or not isinstance(drop.reason, str):
                raise FilterCheckError(f"{flt!r} gave an empty reason for block {drop.block}")
            if drop.block in seen:
                raise FilterCheckError(f"{flt!r} dropped block {drop.block} twice")
            seen.add(drop.block)
        if doc.blocks:
            half = frozenset(range(0, len(doc.blocks), 2))
            for drop in _drops(flt, doc.with_dropped(half)):
                if drop.block in half:
                    raise FilterCheckError(
                        f"{flt!r} dropped block {drop.block}, which an earlier step dropped"
                    )
    _check_config_round_trip(flt)


def _drops(flt: Filter, doc: Document) -> list[Drop]:
    try:
        return list(flt(doc))
    except Exception as err:
        raise FilterCheckError(f"{flt!r} raised {type(err).__name__}: {err}") from err


def _check_config_round_trip(flt: Filter) -> None:
    name = name_of(flt)
    if name is None or not dataclasses.is_dataclass(flt):
        return
    pipe = Pipeline([(name, flt)])
    again = Pipeline.from_config(pipe.to_config())
    if again != pipe:
        raise FilterCheckError(f"{flt!r} does not survive a config round trip: {again!r}")
