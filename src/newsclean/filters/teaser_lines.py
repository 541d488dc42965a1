"""One-line teasers: a headline glued to the start of its story, in lists of such lines."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress

from newsclean._features import BlockFeatures
from newsclean._model import Document, Drop

_LABEL = "teaser_line"
# A dateline in capitals with its colon, after the headline: "... return home from US NEW
# DELHI: Their American dream ...". The headline before it must hold a lower-case letter
# (an article's own lede starts with its dateline, at the start of the line).
_DATELINE_RX = re.compile(
    r"\s[A-Z][A-Z.\-' ]{1,30}[A-Z.](?:,\s?[A-Z][a-z.]{1,10})?[:：]\s{1,3}[A-Z\"“‘']"
)
# Where a glued headline may end: between these offsets of the line.
_MIN_HEADLINE = 15
_MAX_HEADLINE = 200
# Small words that headline style capitalises and running text does not ("Bill At Troy
# Steakhouse", "Officials Say ...", "Back To School").
_HEADLINE_SMALL_WORDS = frozenset(
    (
        "At",
        "To",
        "In",
        "Of",
        "For",
        "On",
        "With",
        "By",
        "From",
        "After",
        "Is",
        "Are",
        "Be",
        "As",
        "And",
        "Or",
        "But",
        "Into",
        "Over",
        "Up",
        "Out",
        "Off",
        "Than",
        "Its",
        "Their",
        "His",
        "Her",
        "Who",
        "What",
        "When",
        "How",
        "Why",
        "Will",
        "Can",
        "May",
        "Not",
        "Says",
        "Say",
    )
)
# A headline in title case: this many capitalised words or more open the line ...
_MIN_TITLE_WORDS = 6
# ... followed by a snippet of at least this many words, mostly in lower case.
_MIN_SNIPPET_WORDS = 6
_SNIPPET_LOWER_SHARE = 0.6
# Characters a capitalised word may open with besides a capital letter.
_OPENERS = frozenset("0123456789$\"“‘'(")
_STRIP = "\"“”‘’'(),:"
# Shortest line judged, and how near the next such line must be (a list, not one line).
_MIN_CHARS = 60
_NEAR = 3


@dataclass(frozen=True, slots=True)
class TeaserLineFilter:
    """Drop lists of one-line teasers: headline and snippet on one line (label ``teaser_line``).

    Mega-menus and "more news" lists often print each story as one line, its headline
    glued to the start of its summary. Two shapes give the headline away:

    - a *dateline* in capitals after it: ``"With shattered dreams, deportees return home
      from US NEW DELHI: Their American dream ..."`` (an article's own lede starts with
      its dateline);
    - a *title-case run*: six or more capitalised words, at least one of them a small
      word that only headlines capitalise (``At``, ``To``, ``Of``, ``Says``...), then a
      snippet in running text: ``"Customers Leave Without Paying $690 Bill At Troy
      Steakhouse A party of six left ..."``.

    A line is dropped only when another such line stands within three lines of it: one
    line of this shape alone can be a sentence that opens with a long name.

    Evidence: ``shape`` (``dateline`` or ``title_case``).

    Known false positive: a list of items inside an article, each opening with a
    title-case product or book name followed by a description, is dropped.

    >>> from newsclean.testing import run_filter
    >>> run_filter(TeaserLineFilter(), [
    ...     "Storm knocks out power",
    ...     "Crews Say Power Will Be Back By Friday Crews worked through the night to restore it.",
    ...     "Police Arrest Two After Theft At Mall Two people were arrested on Sunday for it.",
    ...     "The storm arrived at dawn, and thousands of homes along the coast lost power.",
    ... ]).labels()
    {1: 'teaser_line', 2: 'teaser_line'}
    """

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield a drop for each kept block that is one of a list of one-line teasers."""
        kept = list(doc.kept())
        feats = doc.features
        # (The length, the gate's first test, is tested here too: most lines are short
        # and cost no call.)
        shapes = [
            teaser_line_shape(b.text)
            if (f := feats[b.index]).chars >= _MIN_CHARS and _may_be_teaser_line(f, b.text)
            else None
            for b in kept
        ]
        # Positions with a shape, picked at C speed (a shape is a non-empty string).
        marked = list(compress(range(len(shapes)), shapes))
        for k, i in enumerate(marked):
            near = (k > 0 and i - marked[k - 1] <= _NEAR) or (
                k + 1 < len(marked) and marked[k + 1] - i <= _NEAR
            )
            if near:
                shape = shapes[i]
                yield Drop(
                    kept[i].index, _LABEL, f"one-line teaser ({shape})", {"shape": str(shape)}
                )


def teaser_line_shape(text: str) -> str | None:
    """``"dateline"`` or ``"title_case"`` when ``text`` reads like a one-line teaser.

    >>> teaser_line_shape("Customers Leave Without Paying $690 Bill At Troy Steakhouse "
    ...                   "A party of six left the restaurant without paying the bill.")
    'title_case'
    >>> teaser_line_shape("NEW DELHI: Their American dream shattered, deportees returned.")
    >>> teaser_line_shape("The Michigan Department of Health and Human Services said on "
    ...                   "Monday that the risk remains.")
    """
    if not text[:1].isupper() and text[:1] not in _OPENERS:
        return None
    # Quick tests before the patterns: a dateline needs its colon in the headline's
    # reach, and a title-case run needs its first words all capitalised.
    reach = text[_MIN_HEADLINE : _MAX_HEADLINE + 40]
    if ":" in reach or "：" in reach:
        m = _DATELINE_RX.search(text, _MIN_HEADLINE, _MAX_HEADLINE + 40)
        if m is not None and m.start() <= _MAX_HEADLINE and _has_lower(text, m.start()):
            return "dateline"
    head = text.split(None, _MIN_TITLE_WORDS)[:_MIN_TITLE_WORDS]
    if len(head) < _MIN_TITLE_WORDS or not all(w[0].isupper() or w[0] in _OPENERS for w in head):
        return None
    words = text.split()
    run = small = 0
    for word in words:
        if not (word[0].isupper() or word[0] in _OPENERS):
            break
        if run and word.strip(_STRIP) in _HEADLINE_SMALL_WORDS:
            small += 1
        run += 1
    snippet = words[run:]
    if run < _MIN_TITLE_WORDS or not small or len(snippet) < _MIN_SNIPPET_WORDS:
        return None
    lower = sum(1 for word in snippet if word[0].islower())
    return "title_case" if lower >= _SNIPPET_LOWER_SHARE * len(snippet) else None


def _may_be_teaser_line(f: BlockFeatures, text: str) -> bool:
    """A cheap gate before :func:`teaser_line_shape` (it changes no verdict).

    A dateline needs a colon; a title-case run needs six words that are not in lower
    case (each opens with a capital, a digit or a quote).
    """
    if f.chars < _MIN_CHARS:
        return False
    return f.words - f.lowercase >= _MIN_TITLE_WORDS or ":" in text or "：" in text


def _has_lower(text: str, end: int) -> bool:
    """Whether ``text[:end]`` holds a lower-case letter (a headline, not a dateline)."""
    head = text[:end]
    return head != head.upper()
