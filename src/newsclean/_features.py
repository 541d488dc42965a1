"""Per-block evidence computed once per document and shared by every filter."""

from __future__ import annotations

from dataclasses import dataclass

from newsclean._model import Block


@dataclass(frozen=True, slots=True)
class BlockFeatures:
    """Cheap measurements of one block."""

    chars: int


def compute_features(blocks: tuple[Block, ...]) -> tuple[BlockFeatures, ...]:
    """Measure every block of a page once."""
    return tuple(BlockFeatures(len(b.text)) for b in blocks)
