"""Labels and list headings with nothing after them: 关键词：, Tags:, 相关新闻, Read more."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from newsclean._model import Document, Drop
from newsclean._patterns import EMPTY_LABEL_FIRST, EMPTY_LABEL_RX

_LABEL = "empty_label"


@dataclass(frozen=True, slots=True)
class EmptyLabelFilter:
    """Drop labels and list headings that carry no content (label ``empty_label``).

    A whole line must be one label word, optionally bracketed and followed by a colon
    or ``>>``: ``关键词 :``, ``标签：``, ``责任编辑：``, ``分享到：``, ``相关新闻``,
    ``推荐阅读``, ``热门推荐``, ``Tags:``, ``Keywords:``, ``Related articles``,
    ``You may also like``, ``Read more``, ``Most popular``. A label followed by its
    value (``关键词：专利 中小企业``) or a sentence that starts with one of these words
    ("Related topics are discussed below.") is kept.

    Known false positive: an article subheading that is exactly such a phrase, such as
    "Latest news" heading a section of a live blog, is dropped.

    >>> from newsclean.testing import run_filter
    >>> run_filter(EmptyLabelFilter(), [
    ...     "正文。",
    ...     "关键词 :",
    ...     "Related topics are discussed below.",
    ...     "You may also like",
    ... ]).labels()
    {1: 'empty_label', 3: 'empty_label'}
    """

    judges_blocks_alone: ClassVar[bool] = True
    """Each verdict depends on the block's own text only (see :class:`~newsclean.Filter`)."""

    max_chars: int = 40
    """Longest line that may be a label."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield a drop for each kept block that is an empty label."""
        dropped = doc.dropped
        label = EMPTY_LABEL_RX.match
        max_chars = self.max_chars
        for block, f in zip(doc.blocks, doc.features, strict=True):
            if f.chars > max_chars or f.commas or block.index in dropped:
                continue
            text = block.text
            # A sentence mark rules a line out, but for the "..." that may end a heading.
            if f.sentences and not (f.sentences == 1 and text.endswith("...")):
                continue
            if text[0] in EMPTY_LABEL_FIRST and (m := label(text)):
                yield Drop(block.index, _LABEL, f"label {m.group(0).strip()!r} with no content")
