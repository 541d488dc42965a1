"""What a filter is, and helpers for writing one.

A filter is any callable ``Document -> Iterable[Drop]``. Configurable filters are frozen
dataclasses whose fields are their parameters; stateless one-block rules can be written
as plain functions with :func:`block_rule`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, runtime_checkable

import regex

from newsclean._model import Block, Document, Drop


@runtime_checkable
class Filter(Protocol):
    """Anything that looks at a document and says which blocks to drop.

    A filter must be a pure function of the document: no state kept between calls, no
    editing of text. It sees every block, and ``doc.dropped`` tells which ones earlier
    steps removed; a filter usually looks only at ``doc.kept()``.

    A filter whose verdict on a block depends on nothing but that block's text (and the
    features of that text other than ``repeats``) may say so with a class attribute
    ``judges_blocks_alone = True``. The pipeline then skips it when it cleans its own
    output again (see :meth:`Pipeline.run <newsclean.Pipeline.run>`): such a filter kept
    every line of that output the first time, and would keep it again.
    """

    def __call__(self, doc: Document, /) -> Iterable[Drop]:
        """Return the drops this filter decides for ``doc``."""
        ...


@functools.cache
def compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile ``pattern`` once per process (filters keep patterns as ``str`` config)."""
    return regex.compile(pattern, flags)


class BlockRule:
    """A filter made from a function that judges one block alone.

    Built by :func:`block_rule`; the function returns a reason to drop, or ``None``.
    """

    def __init__(self, judge: Callable[[Block], str | None], label: str) -> None:
        """Wrap ``judge`` as a filter whose drops carry ``label``."""
        self.judge = judge
        self.label = label
        functools.update_wrapper(self, judge)

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Drop every kept block for which the judge gives a reason."""
        judge = self.judge
        for block in doc.kept():
            reason = judge(block)
            if reason is not None:
                yield Drop(block.index, self.label, reason)

    def __repr__(self) -> str:
        """Show the rule's function and label."""
        return f"block_rule({self.judge.__qualname__}, label={self.label!r})"


def block_rule(*, label: str) -> Callable[[Callable[[Block], str | None]], BlockRule]:
    """Turn ``def f(block) -> str | None`` into a filter dropping blocks with ``label``.

    >>> @block_rule(label="shouting")
    ... def shouting(block: Block) -> str | None:
    ...     return "all capitals" if block.text.isupper() else None
    >>> from newsclean.testing import run_filter
    >>> run_filter(shouting, ["Calm text.", "BUY NOW"]).labels()
    {1: 'shouting'}
    """

    def wrap(judge: Callable[[Block], str | None]) -> BlockRule:
        return BlockRule(judge, label)

    return wrap
