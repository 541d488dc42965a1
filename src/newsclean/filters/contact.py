"""Contact and about rows: 联系我们, 电话：, 地址：, e-mail lines, 关于我们 | 联系方式 link rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from newsclean._model import Document, Drop
from newsclean._patterns import (
    ABOUT_ALONE_FIRST,
    ABOUT_ALONE_RX,
    ABOUT_ITEM_RX,
    CONTACT_LABEL_RX,
    EMAIL_RX,
    ITEM_SEP_RX,
    PHONE_RX,
    letters,
)

_LABEL = "contact"
# Longest line a contact row may be (a footer row listing address, phone and e-mail).
_MAX_CHARS = 200
# Longest line that may be a single about/contact link ("Contact us").
_MAX_ALONE_CHARS = 24


@dataclass(frozen=True, slots=True)
class ContactRowFilter:
    """Drop contact details and about/contact link rows (label ``contact``).

    Three kinds of line: a contact field (``联系我们:…@qq.com``, ``电话：010-…``,
    ``地址：…``, ``邮编 …``, ``客服热线：…``, ``Tel:``) that does not read as prose; a line
    that is mostly an e-mail address or phone number; and a row of links about the site
    (``关于我们| 联系方式| 版权声明| 供稿服务| 友情链接``, ``About us | Contact | Careers``),
    or one such link alone (``Contact us``). Prose that mentions contacting someone
    ("Readers can contact the newsroom at any time, the editor said.") is kept.

    Evidence: ``items`` and ``about_items`` for link rows.

    Known false positive: an article line that is only an address given as a fact
    ("地址：北京市东城区…", under a "how to get there" subheading) is dropped.

    >>> from newsclean.testing import run_filter
    >>> run_filter(ContactRowFilter(), [
    ...     "Readers can contact the newsroom at any time, the editor said.",
    ...     "联系我们:55 16 53 8@qq.com",
    ...     "关于我们| 联系方式| 版权声明| 供稿服务| 友情链接",
    ...     "About us | Contact | Advertise | Careers",
    ... ]).labels()
    {1: 'contact', 2: 'contact', 3: 'contact'}
    """

    judges_blocks_alone: ClassVar[bool] = True
    """Each verdict depends on the block's own text only (see :class:`~newsclean.Filter`)."""

    max_unexplained: float = 0.4
    """Largest share of an e-mail/phone line's word characters left unexplained."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield a drop for each kept block that is a contact or about row."""
        dropped = doc.dropped
        label = CONTACT_LABEL_RX.match
        for block, f in zip(doc.blocks, doc.features, strict=True):
            if f.chars > _MAX_CHARS or f.sentences > 1 or block.index in dropped:
                continue
            text = block.text
            reason: str | None = None
            evidence: dict[str, int] | None = None  # (a dict is made for drops only)
            if ("：" in text or ":" in text) and (m := label(text)):
                reason = f"contact field {m.group(0).strip()!r}"
            elif f.linkish and "@" in text and (m := EMAIL_RX.search(text)):
                rest = letters(EMAIL_RX.sub(" ", text))
                if rest <= self.max_unexplained * letters(text):
                    reason = "e-mail address line"
            elif f.digits >= 7 and not f.han and not f.words and PHONE_RX.fullmatch(text):
                reason = "phone number line"
            if reason is None and (f.separators or (f.han and not f.digits and " " in text)):
                items = [i for i in map(str.strip, ITEM_SEP_RX.split(text)) if i]
                if len(items) >= 2:
                    about = sum(1 for i in items if ABOUT_ITEM_RX.fullmatch(i))
                    if about >= 2 and about * 2 >= len(items):
                        reason = f"link row with {about} about/contact links"
                        evidence = {"items": len(items), "about_items": about}
            if (
                reason is None
                and f.chars <= _MAX_ALONE_CHARS
                and text[0] in ABOUT_ALONE_FIRST
                and ABOUT_ALONE_RX.fullmatch(text)
            ):
                reason = "about/contact link"
            if reason is not None:
                yield Drop(block.index, _LABEL, reason, evidence or {})
