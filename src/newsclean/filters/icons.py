"""Widgets drawn with icon fonts: counters, buttons and share bars made of glyphs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from newsclean._model import Document, Drop
from newsclean._patterns import letters

_LABEL = "icons"
# Characters that carry no text: the Private Use Area of the BMP, where icon fonts put
# their glyphs (a "like" heart, a comment bubble, a share arrow), and U+FFFD, which stands
# for bytes that could not be decoded.
_GLYPH_RX = re.compile("[\ue000-\uf8ff\ufffd]")


@dataclass(frozen=True, slots=True)
class IconWidgetFilter:
    """Drop lines drawn with icon-font glyphs that hold almost no words (label ``icons``).

    Web pages draw buttons and counters with icon fonts, whose glyphs sit in the Private
    Use Area of Unicode; scraped text keeps them as unreadable characters beside a count
    or a button word: ``"\\ue605 22"``, ``"\\ue62c 返回列表"``,
    ``"\\ue602 \\ue608 微信 \\ue609 微博"``. A line with such a glyph (or with U+FFFD, the
    mark of undecodable bytes) and at most ``max_letters`` word characters besides
    digits is one of these widgets. A line of text that carries a glyph keeps its words
    and is kept.

    Evidence: ``glyphs`` and ``letters``.

    >>> from newsclean.testing import run_filter
    >>> run_filter(IconWidgetFilter(), [
    ...     "\\ue605 22",
    ...     "\\ue605 图为当天的比赛现场，观众挤满了看台。",
    ...     "\\ue62c 返回列表",
    ...     "22",
    ... ]).labels()
    {0: 'icons', 2: 'icons'}
    """

    judges_blocks_alone: ClassVar[bool] = True
    """Each verdict depends on the block's own text only (see :class:`~newsclean.Filter`)."""

    max_letters: int = 6
    """Most word characters (digits aside) a widget line may hold."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield a drop for each kept block that is an icon widget."""
        if _GLYPH_RX.search(doc.raw) is None:  # one scan of the page finds no glyph at all
            return
        dropped = doc.dropped
        glyphs = _GLYPH_RX.findall
        max_letters = self.max_letters
        for block in doc.blocks:
            text = block.text
            # ASCII lines cannot hold a glyph: one C call rules out most Western lines.
            if text.isascii() or block.index in dropped:
                continue
            found = glyphs(text)
            if not found:
                continue
            words = letters(text)
            if words <= max_letters:
                yield Drop(
                    block.index,
                    _LABEL,
                    f"{len(found)} icon glyph(s) and {words} letter(s)",
                    {"glyphs": len(found), "letters": words},
                )
