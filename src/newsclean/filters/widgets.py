"""Page widgets left in the text: icon-font buttons and counters, and stray counts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsclean._model import Document, Drop
from newsclean._patterns import letters

_LABEL = "widget"
# Characters that carry no text: the Private Use Area of the BMP, where icon fonts put
# their glyphs (a "like" heart, a comment bubble, a share arrow), and U+FFFD, which stands
# for bytes that could not be decoded.
_GLYPH_RX = re.compile("[\ue000-\uf8ff\ufffd]")
# A line that is only a count: "0", "45", "12934" (comment, like and view counters).
_MAX_COUNT_DIGITS = 7
# Neighbours shorter than this make a count part of a table or a list of figures.
_MIN_NEIGHBOUR_CHARS = 15


@dataclass(frozen=True, slots=True)
class WidgetFilter:
    """Drop widget lines: icon-font buttons and counters, and stray counts (label ``widget``).

    Two kinds of line:

    - *icon widgets*: web pages draw buttons and counters with icon fonts, whose glyphs
      sit in the Private Use Area of Unicode; scraped text keeps them as unreadable
      characters beside a count or a button word (``"\\ue605 22"``, ``"\\ue62c 返回列表"``,
      ``"\\ue602 \\ue608 微信 \\ue609 微博"``). A line with such a glyph (or with U+FFFD,
      the mark of undecodable bytes) and at most ``max_letters`` word characters besides
      digits is one; a line of text that carries a glyph keeps its words and is kept.
    - *stray counts*: a line that is only a number (a comment, like or view count) between
      two lines of text. A number among other short lines is a table cell and is kept.

    Evidence: ``glyphs`` and ``letters`` for icon widgets.

    >>> from newsclean.testing import run_filter
    >>> run_filter(WidgetFilter(), [
    ...     "\\ue605 22",
    ...     "\\ue605 图为当天的比赛现场，观众挤满了看台。",
    ...     "45",
    ...     "The storm arrived at dawn, and thousands of homes lost power.",
    ... ]).labels()
    {0: 'widget', 2: 'widget'}
    """

    max_letters: int = 6
    """Most word characters (digits aside) an icon widget line may hold."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield a drop for each kept block that is a widget."""
        kept = list(doc.kept())
        texts = [b.text for b in kept]
        glyphs = _GLYPH_RX.findall if _GLYPH_RX.search(doc.raw) else None
        max_letters = self.max_letters
        for pos, block in enumerate(kept):
            text = texts[pos]
            if text.isdecimal() and text.isascii() and len(text) <= _MAX_COUNT_DIGITS:
                if _is_text(texts, pos - 1) and _is_text(texts, pos + 1):
                    yield Drop(block.index, _LABEL, "a count between lines of text")
                continue
            # ASCII lines cannot hold a glyph: one C call rules out most Western lines.
            if glyphs is None or text.isascii():
                continue
            found = glyphs(text)
            if found and (words := letters(text)) <= max_letters:
                yield Drop(
                    block.index,
                    _LABEL,
                    f"{len(found)} icon glyph(s) and {words} letter(s)",
                    {"glyphs": len(found), "letters": words},
                )


def _is_text(texts: list[str], pos: int) -> bool:
    """Whether position ``pos`` is off the page or holds a line long enough to be text."""
    return not 0 <= pos < len(texts) or len(texts[pos]) >= _MIN_NEIGHBOUR_CHARS
