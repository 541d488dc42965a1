"""Legal and registration notices: ICP numbers, 公网安备, licences, ©, policy links."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from newsclean._model import Document, Drop
from newsclean._patterns import (
    COPYRIGHT_OPENING_RX,
    ITEM_SEP_RX,
    LEGAL_STRONG_RX,
    POLICY_ITEM_RX,
    POLICY_LINK,
    POLICY_LINK_RX,
    POLICY_OPENING_RX,
    by_prefix,
    letters,
    uncovered,
)

_LABEL = "legal"
# Cheap gates, so that the big patterns run on a few lines per page only.
# Characters without which a Chinese line cannot hold a strong notice.
# (An alternation of plain literals: the engine scans for their first characters fast.)
_HAN_TRIGGER = re.compile(
    "版权|版權|许可|許可|备案|備案|安备|安備|执照|執照|举报|舉報|转载|轉載|声明|聲明|"
    "隐私|隱私|条款|條款|协议|協議|所有|代表|提供信息|ICP|©|B2-"
)
# First characters of lines that may open with a copyright mark.
_COPYRIGHT_FIRST = frozenset("©(C")
# Policy links by their first two characters (every one has a known second character).
_POLICY_PAIRS, _ = by_prefix(POLICY_LINK)
# Longest line a short policy link may be.
_MAX_LINK_CHARS = 60
# Longest English line (not opening with ©) that may still be a notice or a link row.
_MAX_ROW_CHARS = 400
# Word characters a notice line may always leave unexplained (a site name: "经济头条").
_MAX_REST = 4


@dataclass(frozen=True, slots=True)
class LegalNoticeFilter:
    """Drop legal and registration notices (label ``legal``).

    Strong notices are registration numbers (``京ICP备12345678号-1``, ``粤B2-20090059``,
    ``京公网安备…``), named licences (增值电信业务经营许可证, 网络文化经营许可证…),
    营业执照, 违法和不良信息举报, ``©``/``Copyright 2024``/``All Rights Reserved``/版权所有,
    reprint bans (未经授权禁止转载) and site statements (本站声明). A line holding one is
    dropped when it opens with a copyright mark, or when the notices (with digits and
    punctuation) explain most of it; long prose that merely mentions a notice keeps
    most of its words unexplained and is kept.

    Weak notices are policy links (``Privacy Policy``, ``Terms of Use``, ``Powered by``,
    隐私政策): they drop a line only when they make up nearly all of it, open a short
    line, or are items of a link row.

    Evidence: ``unexplained`` (word characters no notice explains) and ``letters``.

    Known false positive: a short quoted notice inside an article, such as a line that
    is only ``"版权所有，翻印必究"`` printed as an example, is dropped.

    >>> from newsclean.testing import run_filter
    >>> run_filter(LegalNoticeFilter(), [
    ...     "工信部要求网站展示ICP备案号。",
    ...     "京ICP备2021034106号-7 营业执照公示信息",
    ...     "The court ruled the copyright claim invalid.",
    ...     "Copyright © 2024 Example Ltd. All rights reserved.",
    ...     "Privacy Policy | Terms of Use",
    ... ]).labels()
    {1: 'legal', 3: 'legal', 4: 'legal'}
    """

    judges_blocks_alone: ClassVar[bool] = True
    """Each verdict depends on the block's own text only (see :class:`~newsclean.Filter`)."""

    max_unexplained: float = 0.5
    """Largest share of a line's word characters a strong notice may leave unexplained."""
    max_weak_unexplained: float = 0.25
    """Largest share a policy link may leave unexplained (policy words are common)."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield a drop for each kept block that is a legal notice."""
        dropped = doc.dropped
        opening = COPYRIGHT_OPENING_RX.match
        policy_pair = _POLICY_PAIRS.get
        han_trigger = _HAN_TRIGGER.search
        for block, f in zip(doc.blocks, doc.features, strict=True):
            if block.index in dropped:
                continue
            text = block.text
            verdict: tuple[str, dict[str, int]] | None = None
            if text[0] in _COPYRIGHT_FIRST and (m := opening(text)):
                verdict = f"opens with copyright notice {m.group(0)!r}", {"unexplained": 0}
            elif f.han:
                if (f.sentences <= 1 or f.linkish) and han_trigger(text):
                    verdict = self._strong(text) or self._policy(text, f.chars, f.separators)
            elif f.chars <= _MAX_LINK_CHARS:
                if f.linkish or "ights" in text or "IGHTS" in text:
                    verdict = self._strong(text)
                if verdict is None and (
                    f.separators or ((rx := policy_pair(text[:2])) and rx.match(text))
                ):
                    verdict = self._policy(text, f.chars, f.separators)
            elif f.sentences <= 2 and f.chars <= _MAX_ROW_CHARS:
                if f.linkish or "ights" in text or "IGHTS" in text:
                    verdict = self._strong(text)
                if verdict is None and f.separators and not f.sentences:
                    verdict = self._policy(text, f.chars, f.separators)
            if verdict is not None:
                yield Drop(block.index, _LABEL, verdict[0], verdict[1])

    def _strong(self, text: str) -> tuple[str, dict[str, int]] | None:
        """Judge a line that may hold a strong notice (registration number, ©...)."""
        strong = LEGAL_STRONG_RX.search(text)
        if strong is None:
            return None
        total = letters(text)
        rest = uncovered(text, LEGAL_STRONG_RX)
        if rest <= self.max_unexplained * total or rest <= _MAX_REST:
            return (
                f"notice {strong.group(0)!r} explains the line",
                {"unexplained": rest, "letters": total},
            )
        return None

    def _policy(self, text: str, chars: int, separators: int) -> tuple[str, dict[str, int]] | None:
        """Judge a short line or a link row that may be made of policy links."""
        if POLICY_OPENING_RX.match(text) and chars <= _MAX_LINK_CHARS:
            return "'Powered by' credit", {"unexplained": 0}
        if POLICY_LINK_RX.search(text) is None:
            return None
        total = letters(text)
        rest = uncovered(text, POLICY_LINK_RX)
        if rest <= self.max_weak_unexplained * total:
            return "policy links only", {"unexplained": rest, "letters": total}
        if separators:
            items = [i for i in map(str.strip, ITEM_SEP_RX.split(text)) if i]
            policy = sum(1 for i in items if POLICY_ITEM_RX.fullmatch(i))
            if len(items) >= 2 and policy * 3 >= len(items):
                return (
                    f"link row with {policy} policy links",
                    {"policy_items": policy, "items": len(items)},
                )
        return None
