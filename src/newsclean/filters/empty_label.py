"""Placeholder for the empty_label filter."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsclean._model import Document, Drop


@dataclass(frozen=True, slots=True)
class EmptyLabelFilter:
    """Drop nothing yet (label ``empty_label``)."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield nothing yet."""
        yield from ()
