"""Disclaimers: the fixed health, results and information notices of site footers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from newsclean._model import Document, Drop

_LABEL = "disclaimer"
# Formulas that only disclaimers use: the dietary-supplement notice required in the US,
# its "diagnose, treat, cure or prevent" clause, the "results vary" notice of fitness and
# diet sites (after a footnote mark, or as "individual results": prose says "results vary
# widely" too), the "not a substitute for medical advice" and "for informational purposes
# only" notices.
DISCLAIMER = (
    r"have not been evaluated by the (?:Food and Drug Administration|FDA)|"
    r"not intended to diagnose, treat, cure,? or prevent|"
    r"^[*+†‡]{1,3}\s?[Rr]esults (?:may )?vary\b|[Ii]ndividual results (?:may )?vary\b|"
    r"not (?:intended )?(?:to be )?(?:as )?a substitute for (?:professional )?medical advice|"
    r"[Ff]or (?:general )?informational purposes only"
)
_DISCLAIMER_RX = re.compile(DISCLAIMER)


def _may_hold_formula(text: str) -> bool:
    """A cheap gate: every formula of DISCLAIMER contains one of these pieces.

    Substring tests are several times faster than the regex on prose blocks, and a
    block without any of the pieces cannot match it, so the gate changes no verdict.
    """
    return (
        "valuated by" in text
        or "iagnose" in text
        or "esults" in text
        or "ubstitute for" in text
        or "nformational purposes" in text
    )


# Shortest block that may hold a disclaimer (each formula is longer than this).
_MIN_CHARS = 20


@dataclass(frozen=True, slots=True)
class DisclaimerFilter:
    """Drop disclaimer notices (label ``disclaimer``).

    Health, diet and finance sites end their pages with fixed notices: "These statements
    have not been evaluated by the Food and Drug Administration", "This product is not
    intended to diagnose, treat, cure, or prevent any disease", "Results vary depending
    on...", "...is not a substitute for professional medical advice", "...for
    informational purposes only". Being long sentences, they read as prose, and a
    footer made of them can outweigh a short article. A block holding one of these
    formulas is dropped whole.

    Evidence: ``formula`` (the matched text).

    Known false positive: an article that quotes one of the formulas (a story about
    supplement labels) loses that paragraph.

    >>> from newsclean.testing import run_filter
    >>> run_filter(DisclaimerFilter(), [
    ...     "Results of the trial vary from one hospital to the next, the study found.",
    ...     "*These statements have not been evaluated by the Food and Drug Administration.",
    ...     "+Results vary depending on starting point, goals and effort.",
    ... ]).labels()
    {1: 'disclaimer', 2: 'disclaimer'}
    """

    judges_blocks_alone: ClassVar[bool] = True
    """Each verdict depends on the block's own text only (see :class:`~newsclean.Filter`)."""

    max_chars: int = 1000
    """Longest block that may be a disclaimer (a footer paragraph of several notices)."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield a drop for each kept block that holds a disclaimer formula."""
        if not _may_hold_formula(doc.raw):  # no formula anywhere on the page
            return
        dropped = doc.dropped
        search = _DISCLAIMER_RX.search
        max_chars = self.max_chars
        for block, f in zip(doc.blocks, doc.features, strict=True):
            # Every formula has four words or more, with no Han character.
            if f.words < 4 or not _MIN_CHARS <= f.chars <= max_chars or f.han:
                continue
            text = block.text
            if block.index in dropped or not _may_hold_formula(text):
                continue
            if m := search(text):
                yield Drop(
                    block.index,
                    _LABEL,
                    f"disclaimer {m.group(0).strip()!r}",
                    {"formula": m.group(0).strip()},
                )
