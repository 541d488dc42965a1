"""Related-news teaser lists (placeholder until the teaser detector lands)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsclean._model import Document, Drop, Teaser, Verdict


@dataclass(frozen=True, slots=True)
class TeaserFilter:
    """Drop related-news teaser entries (label ``teaser``)."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield nothing yet."""
        yield from ()


def collect_teasers(verdicts: Sequence[Verdict]) -> tuple[Teaser, ...]:
    """Build teaser records from the drops labelled ``teaser``."""
    return ()
