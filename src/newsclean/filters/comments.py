"""Reader comment threads: comments signed "Posted by <name> | <date and time>"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from newsclean._model import Block, Document, Drop

_LABEL = "comment"
# A comment's signature opens with its author: "Posted by: Sean | Jan 10, 2008 4:49 PM",
# "Posted By: mammamia | January 07 2008 at 03:06 PM", "BY TAROCHAN AT 01/08/08 05:30 PM",
# "Submitted by jo on 12 May 2019 - 10:41", and the same in a few other languages. An
# article's byline may open the same way, but it appears once (see CommentThreadFilter).
_SIGNATURE_HEAD = re.compile(
    r"(?:(?:posted|submitted|written|added|comment(?:ed)?)\s?by\b|by\s|"
    r"(?:publicado|escrito|postado|enviado)\spor\b|(?:posté|publié|écrit)\spar\b|"
    r"(?:geschrieben|verfasst)\svon\b)",
    re.IGNORECASE,
)
# The clock time of a signature: "4:49:12 PM", "03:06 PM", "9:06pm", "17:00".
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?!\d)")
# What varies in the signatures of one author: digits and the half of the day.
_TIME_PARTS = re.compile(r"\d+|\b[ap]\.?m\b\.?")
# Distinct authors (signatures without their time parts) a thread needs.
_MIN_AUTHORS = 3
# Longest line that may be a signature (a name, a date and a time).
_MAX_SIGNATURE_CHARS = 120


@dataclass(frozen=True, slots=True)
class CommentThreadFilter:
    """Drop threads of reader comments signed with their author and time (label ``comment``).

    A *signature* is a short line that opens with its author ("Posted by: Sean | Jan 10,
    2008 4:49:12 PM", "BY TAROCHAN AT 01/08/08 05:30 PM") and holds a clock time. When
    ``min_comments`` signatures or more stand on the page with comment text between them
    (at most ``max_gap`` blocks), signed by three authors or more (a live blog's updates,
    signed by one or two reporters, differ only in their times), the signatures and the
    text between them are a thread of comments: all of it goes. The first comment's
    text, above the first signature, goes as well when a dropped block (a removed
    "Comments" heading or form) separates it from what comes before, so the article's
    last paragraph never goes with it.

    Evidence: ``signatures`` (how many the thread has) and ``role`` (``signature`` or
    ``text``).

    Known false negative: threads signed without a clock time, or with the author on a
    line of its own ("joe says:" is handled by ``main_content``'s comment evidence).

    >>> from newsclean.testing import run_filter
    >>> page = ["The storm arrived at dawn and thousands of homes lost power."]
    >>> for name, minute in (("ann", 10), ("bo", 25), ("cy", 40)):
    ...     page += [f"Thanks {name}!", f"Posted by: {name} | Jan 10, 2008 4:{minute} PM"]
    >>> sorted(run_filter(CommentThreadFilter(), page).labels())
    [2, 3, 4, 5, 6]

    Attributes:
        min_comments: signatures a thread needs.
        max_gap: most blocks of comment text between two signatures of one thread.
    """

    min_comments: int = 3
    max_gap: int = 25

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield a drop for every block of each comment thread."""
        kept = list(doc.kept())
        # Signatures by their opening words: the comments of one thread are signed
        # alike ("Posted by:"), and the article's own byline ("By ...") stays apart.
        signed: dict[str, list[int]] = {}
        features = doc.features
        for pos, block in enumerate(kept):
            f = features[block.index]
            # A clock time makes ``date`` true ("4:49" is a digit, a colon, a digit):
            # the pattern runs on the few short lines with a date or a time only.
            if f.date and f.chars <= _MAX_SIGNATURE_CHARS:
                key = _signature_key(block.text)
                if key is not None:
                    signed.setdefault(key, []).append(pos)
        drops: list[Drop] = []
        for signatures in signed.values():
            if len(signatures) < self.min_comments:
                continue
            thread: list[int] = [signatures[0]]
            for pos in signatures[1:]:
                if 1 < pos - thread[-1] <= self.max_gap + 1:
                    thread.append(pos)
                    continue
                drops.extend(self._thread(kept, thread))
                thread = [pos]
            drops.extend(self._thread(kept, thread))
        yield from sorted(drops, key=lambda drop: drop.block)

    def _thread(self, kept: list[Block], thread: list[int]) -> Iterator[Drop]:
        """The drops of one run of signatures, if it is long enough to be a thread."""
        if len(thread) < self.min_comments:
            return
        # Readers sign with their own names; a live blog's updates are signed by one or
        # two reporters. Signatures that differ only in their times are not a thread.
        authors = {_TIME_PARTS.sub("", kept[pos].text.lower()) for pos in thread}
        if len(authors) < min(_MIN_AUTHORS, self.min_comments):
            return
        first, last = thread[0], thread[-1]
        # The first comment's text stands above the first signature: as many blocks as
        # a comment usually has, up to a gap left by a dropped block (a removed
        # "Comments" heading). With no such gap, it may be the article's end: kept.
        usual = round(median(b - a - 1 for a, b in pairwise(thread)))
        start = first
        while start > 0 and first - start < usual and _joined(kept, start - 1):
            start -= 1
        if start > 0 and _joined(kept, start - 1):
            start = first
        signatures = set(thread)
        count = len(thread)
        for pos in range(start, last + 1):
            role = "signature" if pos in signatures else "text"
            yield Drop(
                kept[pos].index,
                _LABEL,
                f"reader comment ({role}) in a thread of {count} signed comments",
                {"signatures": count, "role": role},
            )


def _signature_key(text: str) -> str | None:
    """The opening words of a comment's signature, lower-cased, or ``None``.

    A signature opens with its author and holds a clock time; any other line gives None.
    """
    head = _SIGNATURE_HEAD.match(text)
    if head is None or _CLOCK.search(text) is None:
        return None
    return " ".join(head.group(0).lower().split())


def _joined(kept: list[Block], pos: int) -> bool:
    """Whether kept blocks ``pos`` and ``pos + 1`` were neighbours on the page."""
    return kept[pos].index + 1 == kept[pos + 1].index
