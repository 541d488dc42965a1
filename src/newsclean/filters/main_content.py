"""Placeholder for the main_content filter."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsclean._model import Document, Drop


@dataclass(frozen=True, slots=True)
class MainContentFilter:
    """Drop nothing yet (label ``main_content``)."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield nothing yet."""
        yield from ()
