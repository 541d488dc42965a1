"""Placeholder for the contact filter."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsclean._model import Document, Drop


@dataclass(frozen=True, slots=True)
class ContactRowFilter:
    """Drop nothing yet (label ``contact``)."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield nothing yet."""
        yield from ()
