"""Navigation: menus (runs of short link lines, one-line menus), breadcrumbs, 返回首页, 更多>>."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsclean._features import BlockFeatures
from newsclean._model import Block, Document, Drop
from newsclean._patterns import (
    BREADCRUMB_HOME_RX,
    BREADCRUMB_LABEL_RX,
    ITEM_SEP_RX,
    NAV_LINE_FIRST,
    NAV_LINE_RX,
)

_LABEL = "navigation"
# First characters of lines that may be a breadcrumb ("当前位置：", "您的位置", "Home >").
_CRUMB_FIRST = frozenset("当當您你所目现現YHh首主网網")
# First characters of every line that may be a navigation word or a breadcrumb.
_LINE_FIRST = NAV_LINE_FIRST | _CRUMB_FIRST
# First characters of long "previous/next article: <title>" lines.
_PREV_NEXT_FIRST = frozenset("上下前后後NPO")
# Longest line a navigation word line ("返回首页", "More >>") may be.
_MAX_WORD_CHARS = 40
# Longest line that may be one menu link (see is_menu_item).
_MAX_ITEM_CHARS = 25
# Longest line checked at all (a previous/next line quotes a headline).
_MAX_CHARS = 400


def is_menu_item(f: BlockFeatures, text: str) -> bool:
    """Whether a block (``text``, with features ``f``) looks like one menu link.

    Short (at most 8 Han characters, or 3 words), no digits, and no sentence or clause
    punctuation: ``"首页"``, ``"国际新闻"``, ``"World"``, ``"NBA"``, ``"Science & Environment"``.

    >>> from newsclean._features import measure
    >>> is_menu_item(measure("Science & Environment"), "Science & Environment")
    True
    >>> is_menu_item(measure("持续推动产学研深度融合"), "持续推动产学研深度融合")
    False
    """
    if f.sentences or f.commas or f.digits or f.terminal:
        return False
    if f.han:
        return f.han <= 8 and f.words <= 3 and f.chars <= 12
    return (
        f.words <= 3
        and f.chars <= _MAX_ITEM_CHARS
        and (f.capitalised + f.lowercase > 0 or text.isupper())
    )


def is_prose(f: BlockFeatures) -> bool:
    """Whether a block with features ``f`` reads like a body paragraph.

    >>> from newsclean._features import measure
    >>> is_prose(measure("The storm arrived at dawn, and thousands of homes lost power."))
    True
    """
    return bool(f.sentences or f.terminal) and (f.han >= 15 or f.words >= 6)


@dataclass(frozen=True, slots=True)
class NavigationFilter:
    """Drop navigation menus and breadcrumbs (label ``navigation``).

    Dropped: runs of at least ``min_run`` consecutive short link-like lines ("Home",
    "News", "Sport" or "首页", "新闻", "财经"; see :func:`is_menu_item`); one-line menus
    whose items are all short (``首页 | 新闻 | 体育 | 财经``, ``首页 新闻 体育 财经 娱乐``);
    breadcrumbs (``当前位置：首页 > 新闻 > 正文``, ``Home » World » Asia``); and lines
    that are a navigation word (``返回首页``, ``更多>>``, ``上一篇：…``, ``Next article``,
    ``Back to top``).

    Kept: a single short subheading between paragraphs (it is no run), the headline
    (headlines are longer than menu links), and a short list between two body
    paragraphs of at most ``max_inline_list`` items (a list inside the article).

    Evidence: ``run`` (length of the run) for menu runs, ``items`` for one-line menus.

    Known false positive: a list of three or more one- or two-word items that is not
    framed by body paragraphs (for example at the very end of an article) is dropped.

    >>> from newsclean.testing import run_filter
    >>> run_filter(NavigationFilter(), [
    ...     "Home", "News", "Sport", "Weather",
    ...     "Storm hits the coast of the region",
    ...     "The storm arrived at dawn, and thousands of homes lost power.",
    ...     "A new plan for the city",
    ...     "The mayor said the plan would be ready by spring, and the council agreed.",
    ...     "当前位置：首页 > 新闻 > 正文",
    ... ]).labels()
    {0: 'navigation', 1: 'navigation', 2: 'navigation', 3: 'navigation', 8: 'navigation'}
    """

    min_run: int = 3
    """Fewest consecutive menu-like lines that make a menu."""
    max_inline_list: int = 6
    """Longest run kept when body paragraphs stand on both sides of it."""
    min_menu_items: int = 3
    """Fewest items of a one-line menu."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield a drop for each kept block that is navigation."""
        features = doc.features
        run: list[Block] = []
        before: BlockFeatures | None = None
        line = self._line
        dropped = doc.dropped
        menu_separators = self.min_menu_items - 1
        for block, f in zip(doc.blocks, features, strict=True):
            if block.index in dropped:
                continue
            if (
                f.chars <= _MAX_ITEM_CHARS
                and not f.digits  # (is_menu_item says no at once: saves the call)
                and is_menu_item(f, block.text)
                and not _is_field(block.text)
            ):
                run.append(block)
                continue
            if run:
                yield from self._run(run, before, f, features)
                run = []
            before = f
            # _line says None unless the line opens with a navigation or breadcrumb
            # character or is shaped like a one-line menu (which a line of prose, with its
            # sentence or clause marks, never is): most lines cost no call.
            if f.chars <= _MAX_CHARS and (
                block.text[0] in _LINE_FIRST
                or (not (f.sentences or f.commas) and _menu_shaped(f, menu_separators))
            ):
                verdict = line(block.text, f)
                if verdict is not None:
                    yield Drop(block.index, _LABEL, verdict[0], verdict[1])
        if run:
            yield from self._run(run, before, None, features)

    def _run(
        self,
        run: list[Block],
        before: BlockFeatures | None,
        after: BlockFeatures | None,
        features: tuple[BlockFeatures, ...],
    ) -> list[Drop]:
        """Drop a run of menu-like lines unless it is short, or a list inside the body."""
        n = len(run)
        if n < self.min_run or (
            n <= self.max_inline_list
            and before is not None
            and after is not None
            and is_prose(before)
            and is_prose(after)
        ):
            drops = []
            for block in run:
                verdict = self._line(block.text, features[block.index])
                if verdict is not None:
                    drops.append(Drop(block.index, _LABEL, verdict[0], verdict[1]))
            return drops
        reason = f"menu of {n} short links"
        evidence = {"run": n}
        return [Drop(block.index, _LABEL, reason, evidence) for block in run]

    def _line(self, text: str, f: BlockFeatures) -> tuple[str, dict[str, int]] | None:
        """Judge one line alone: navigation word, breadcrumb, or one-line menu."""
        first = text[0]
        if (
            first in NAV_LINE_FIRST
            and (f.chars <= _MAX_WORD_CHARS or first in _PREV_NEXT_FIRST)
            and (m := NAV_LINE_RX.match(text))
        ):
            return f"navigation link {m.group(0)[:20]!r}", {}
        if (
            first in _CRUMB_FIRST
            and f.sentences == 0
            and (BREADCRUMB_LABEL_RX.match(text) or BREADCRUMB_HOME_RX.match(text))
        ):
            return "breadcrumb", {}
        if not _menu_shaped(f, self.min_menu_items - 1):
            return None
        if f.separators >= self.min_menu_items - 1:
            items = [i for i in map(str.strip, ITEM_SEP_RX.split(text)) if i]
            if len(items) >= self.min_menu_items and all(map(_short_item, items)):
                return f"one-line menu of {len(items)} items", {"items": len(items)}
        elif f.han and not f.digits and " " in text:
            items = text.split()
            if len(items) >= self.min_menu_items + 1 and all(
                2 <= len(i) <= 4 and i.isalpha() and not i.isascii() for i in items
            ):
                return f"one-line menu of {len(items)} items", {"items": len(items)}
        return None


def _menu_shaped(f: BlockFeatures, min_separators: int) -> bool:
    """Whether a line's features allow a one-line menu (see NavigationFilter._line).

    No sentence or clause marks, and either ``min_separators`` separators or more, or
    words of Chinese with no digits (a menu of space-separated items).
    """
    return (
        not (f.sentences or f.commas)
        and bool(f.separators or f.han)
        and (f.separators >= min_separators or bool(f.han and not f.digits))
    )


def _is_field(text: str) -> bool:
    """Whether ``text`` is a "label: value" pair (a table row or a fact, not a link)."""
    return "：" in text or ": " in text


def _short_item(item: str) -> bool:
    """Whether one item of a one-line menu is short enough to be a link."""
    if item.isascii():
        return len(item) <= 25 and item.count(" ") <= 3
    return len(item) <= 10
