"""Placeholder for the near_duplicate filter."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsclean._model import Document, Drop


@dataclass(frozen=True, slots=True)
class NearDuplicateFilter:
    """Drop nothing yet (label ``near_duplicate``)."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield nothing yet."""
        yield from ()
