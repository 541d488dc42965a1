"""The page's title line, where the headline below it repeats it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsclean._model import Document, Drop
from newsclean._teaser_text import normalise_all

_LABEL = "page_title"


@dataclass(frozen=True, slots=True)
class PageTitleFilter:
    """Drop the page's title line when the article's headline repeats it (label ``page_title``).

    Scraped text often opens with the page's ``<title>`` ("Storm batters the coast -
    Example News"), and the article's own headline follows a few lines later. When both
    survive the other steps, the output would print the headline twice. The first kept
    block goes when one of the next ``reach`` kept blocks repeats it: the same words
    (compared as :mod:`~newsclean.filters.near_duplicate` compares blocks: case, width,
    punctuation and times aside), or at least half of them with the rest a site name
    around them. The headline, next to the body, stays.

    Evidence: ``duplicate_of`` (the headline's block index).

    >>> from newsclean.testing import run_filter
    >>> run_filter(PageTitleFilter(), [
    ...     "Storm batters the coast - Example News",
    ...     "Storm batters the coast",
    ...     "The storm arrived at dawn, and thousands of homes lost power.",
    ... ]).labels()
    {0: 'page_title'}

    Attributes:
        reach: how many kept blocks after the first may hold the headline.
    """

    reach: int = 3

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield a drop for the first kept block if a headline below repeats it."""
        # The first few kept blocks only (doc.kept() would list them all).
        kept = []
        dropped = doc.dropped
        for block in doc.blocks:
            if block.index not in dropped:
                kept.append(block)
                if len(kept) > self.reach:
                    break
        if len(kept) < 2:
            return
        title, *keys = normalise_all([block.text for block in kept])
        for block, key in zip(kept[1:], keys, strict=True):
            # The headline is the whole title or most of it ("Headline - Site"); a
            # word of the title alone (a section name) is no headline.
            if key and len(key) * 2 >= len(title) and key in title:
                yield Drop(
                    kept[0].index,
                    _LABEL,
                    f"page title, repeated by the headline at block {block.index}",
                    {"duplicate_of": block.index},
                )
                return
