"""Share bars, app/login/comment prompts, newsletter calls, ad markers and hot-search headers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from newsclean._model import Document, Drop
from newsclean._patterns import (
    PROMPT,
    PROMPT_LEAD,
    PROMPT_RX,
    SHARE_ITEM,
    by_prefix,
    letters,
    uncovered,
)

_LABEL = "prompt"
# Prompt phrases grouped by their first two characters: one dict look-up finds the few
# that may open a line.
_PAIRS, _SINGLES = by_prefix(PROMPT + "|" + SHARE_ITEM)
# Characters a prompt line may start with (a set look-up before any string work).
_FIRST = frozenset(key[0] for key in _PAIRS) | frozenset(_SINGLES) | frozenset(PROMPT_LEAD)


@dataclass(frozen=True, slots=True)
class PromptFilter:
    """Drop share/app/login/comment prompts and ad markers (label ``prompt``).

    A line is a prompt when it opens with a prompt phrase (分享到, 扫一扫, 打开APP,
    登录, 发表评论, 12条评论, 点击加载更多, 广告, 热搜榜, Sign in, Log in to comment,
    Subscribe, Follow us, Advertisement, Sponsored...) or a share platform (微信, 微博,
    Facebook, Twitter...), and prompt words explain nearly all of its word characters.
    Prose that uses the same words ("She declined to share her plans.") keeps most of
    its words unexplained, or does not open with them, and is kept.

    Evidence: ``unexplained`` (word characters no prompt word explains) and ``letters``.

    Known false positive: a two-word subheading made of prompt words, such as "广告推广"
    in an article about advertising, is dropped.

    >>> from newsclean.testing import run_filter
    >>> run_filter(PromptFilter(), [
    ...     "分享到：微信 微博 QQ空间",
    ...     "She declined to share her plans with reporters.",
    ...     "Subscribe to our newsletter",
    ...     "我们将继续发表评论文章",
    ...     "Advertisement",
    ... ]).labels()
    {0: 'prompt', 2: 'prompt', 4: 'prompt'}
    """

    judges_blocks_alone: ClassVar[bool] = True
    """Each verdict depends on the block's own text only (see :class:`~newsclean.Filter`)."""

    max_chars: int = 160
    """Longest line that may be a prompt (share bars naming five networks run long)."""
    max_unexplained: float = 0.25
    """Largest share of a line's word characters prompt words may leave unexplained."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield a drop for each kept block that is a prompt."""
        dropped = doc.dropped
        pairs = _PAIRS.get
        singles = _SINGLES.get
        max_chars = self.max_chars
        for block, f in zip(doc.blocks, doc.features, strict=True):
            if f.chars > max_chars or f.sentences > 1 or f.commas > 1 or block.index in dropped:
                continue
            text = block.text
            if text[0] not in _FIRST:
                continue
            head = text.lstrip(PROMPT_LEAD)
            rx = pairs(head[:2]) or singles(head[:1])
            if rx is None or (m := rx.match(head)) is None:
                continue
            total = letters(text)
            rest = uncovered(text, PROMPT_RX)
            if rest <= max(1.0, self.max_unexplained * total):
                yield Drop(
                    block.index,
                    _LABEL,
                    f"prompt {m.group(0).strip()!r}",
                    {"unexplained": rest, "letters": total},
                )
