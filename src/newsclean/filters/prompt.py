"""Placeholder for the prompt filter."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsclean._model import Document, Drop


@dataclass(frozen=True, slots=True)
class PromptFilter:
    """Drop nothing yet (label ``prompt``)."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield nothing yet."""
        yield from ()
