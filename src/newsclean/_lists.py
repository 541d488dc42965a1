"""Consecutively numbered items: rows of a table or points of a list inside an article.

Standings (``1 Kyle Busch 5040``, ``2 Martin Truex Jr. 5035``), calendars (``1a etapa:
10 de março``), product round-ups (``1) Lego Star Wars``, ``2) Polistil``) and numbered
steps are made of short lines that read like menu items one by one, yet the run of
numbers counting up one by one is article structure: a menu or a link list is not
numbered like that. :func:`numbered_runs` finds such runs, and :func:`article_items`
marks the items of those the page presents as its article, so that the main-content
scorer can count them as article text (see ``decide(listed=...)`` in
:mod:`newsclean._scorer`): a league table in the sidebar of a match report is numbered
the same way, but nothing introduces it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# The number that starts an item: "1 Kyle", "1a etapa", "1) Lego", "1. Step", "#1 Pick",
# "1、第一". A letter must follow (after at most 3 spaces), so "1,000 people", "1.5 million",
# "10:30" and "2019" never count; \d{1,3} is bounded, so the match is linear.
_ITEM_NUMBER = re.compile(
    r"#?(\d{1,3})[.)、:：ºª]?\s{0,3}(?=[^\W\d_])"
    # "3 days ago", "4 hours ago": the time stamps of a teaser list, not item numbers.
    r"(?!(?:sec|min|hour|hr|day|week|month|year)s?\b)"
)


def item_number(text: str) -> int:
    """The number a block starts with as a list item, or -1.

    >>> item_number("1 Kyle Busch 5040"), item_number("2a etapa: 8 de abril")
    (1, 2)
    >>> item_number("12) Roger Waters"), item_number("1,000 people came"), item_number("2019")
    (12, -1, -1)
    """
    m = _ITEM_NUMBER.match(text)
    return int(m.group(1)) if m else -1


def numbered_runs(texts: Sequence[str], *, min_items: int = 11, reach: int = 3) -> list[list[int]]:
    """The runs of consecutively numbered items, as lists of block indices.

    A block numbered ``n`` continues a run when one of the ``reach`` blocks before it is
    numbered ``n - 1`` (so a line or two may sit between items: a link, a price, a
    description). Runs of at least ``min_items`` items are returned. The default, 11,
    is longer than the top-ten boxes of numbered headlines ("Most read") that sit beside
    articles; standings, calendars and round-ups inside an article run longer (on the
    labelled dev pages, runs of 3 to 10 items were such boxes far more often than
    article text).

    Args:
        texts: the blocks' texts, in page order.
        min_items: the fewest items a run needs.
        reach: how many blocks back the previous item may be.

    >>> page = ["Menu", "1) Lego", "http://x", "2) Pista", "http://y", "3) Blu-ray"]
    >>> numbered_runs(page, min_items=3)
    [[1, 3, 5]]
    >>> numbered_runs(["1 Home", "3 News", "5 Sport"], min_items=3)
    []
    """
    # Block index -> item number, for the few blocks that open with a digit or "#".
    numbers: dict[int, int] = {}
    for i, text in enumerate(texts):
        c = text[:1]
        if (c.isdecimal() or c == "#") and (n := item_number(text)) >= 0:
            numbers[i] = n
    # The run each item belongs to, found through the item numbered one less before it.
    run_of: dict[int, list[int]] = {}
    runs: list[list[int]] = []
    for i, n in numbers.items():
        run: list[int] | None = None
        for j in range(i - 1, max(-1, i - 1 - reach), -1):
            if numbers.get(j) == n - 1:
                run = run_of[j]
                break
        if run is None:
            run = []
            runs.append(run)
        run.append(i)
        run_of[i] = run
    return [run for run in runs if len(run) >= min_items]


def numbered_items(texts: Sequence[str], *, min_items: int = 11, reach: int = 3) -> list[bool]:
    """Mark the items of the runs found by :func:`numbered_runs`.

    >>> numbered_items(["1 Home", "2 News", "3 Sport", "Footer"], min_items=3)
    [True, True, True, False]
    """
    marks = [False] * len(texts)
    for run in numbered_runs(texts, min_items=min_items, reach=reach):
        for i in run:
            marks[i] = True
    return marks


# How many blocks before a run's first item its introduction may stand (a column header
# may come between), and how many its headline (a dateline, a photo credit...).
_INTRO_GAP = 2
_HEAD_GAP = 6
# Shortest introduction: a sentence ending with a colon, not a box's "Standings:".
_MIN_INTRO_CHARS = 40
# What separates the headline from the site's name in a page title line.
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ")


def article_items(texts: Sequence[str], page: Sequence[str]) -> list[bool]:
    """Mark the items of numbered runs that the page presents as (part of) its article.

    A run belongs to the article when the text introduces it (one of the two blocks
    before its first item is a sentence ending with a colon: "The final standings after
    36 races:", "Here are the deals not to miss:"); when it stands right under the
    page's headline (within six blocks), as on a page whose article is the table itself
    (the headline is a line that opens the page's title line: "Stock Car calendar 2018"
    for "Stock Car calendar 2018 | Site | Sport"); or when its items hold half of the
    characters of ``texts`` or more, which is what such a page looks like once cleaned
    (so that cleaning it again keeps the table). A run with none of these, such as a
    league table in a sidebar under its own small heading, is not marked.

    Args:
        texts: the texts of the blocks being judged, in page order.
        page: the texts of all the blocks of the page (for the title line).

    >>> rows = [f"{i} Driver {i} {100 - i}" for i in range(1, 13)]
    >>> story = [f"Paragraph {i} of the match report, with more words in it." for i in range(8)]
    >>> any(article_items([*story, "Standings", *rows], [*story, "Standings", *rows]))
    False
    >>> intro = "These are the final standings of the season after all 36 races:"
    >>> sum(article_items([*story, intro, *rows], [*story, intro, *rows]))
    12
    """
    runs = numbered_runs(texts)
    marks = [False] * len(texts)
    if not runs:
        return marks
    heads = _title_heads(page)
    total = sum(map(len, texts))
    for run in runs:
        first = run[0]
        before = texts[max(0, first - _HEAD_GAP) : first]
        if (
            any(len(t) >= _MIN_INTRO_CHARS and t[-1] in ":：" for t in before[-_INTRO_GAP:])
            or any(t in heads for t in before)
            or 2 * sum(len(texts[i]) for i in run) >= total
        ):
            for i in run:
                marks[i] = True
    return marks


def _title_heads(page: Sequence[str]) -> set[str]:
    """The openings of title lines: "Stock Car 2018" of "Stock Car 2018 | Site | F1"."""
    heads: set[str] = set()
    for text in page:
        for sep in _TITLE_SEPARATORS:
            cut = text.find(sep)
            if cut > 0:
                # Two words at least: "Home | News" does not name a headline "Home".
                if " " in text[:cut]:
                    heads.add(text[:cut])
                break
    return heads
