"""Find the element that holds the article of an HTML page and drop what lies outside it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsclean._model import Block, Document, Drop

_LABEL = "outside_article"
_REASON = "outside the element holding the article"

# Sentence punctuation that marks a block as prose rather than a label: CJK marks, or
# Latin ones followed by a space, the end, or a closing quote ("16:06" and "3.5" are
# not sentences).
_SENTENCE = re.compile(r"[。！？；，]|[.!?;,](?:\s|$)|[.!?][\"”’)]")
# Element tags that may hold prose directly (text of their own, lines split by <br>).
_CONTAINER_TAGS = frozenset(
    {"div", "td", "article", "section", "main", "body", "center", "form", "dd", "blockquote"}
)
# An <article> or <main> element on a path.
_ARTICLE_STEP = re.compile(r"/(?:article|main)(?:\[|/|$)")
_HEADINGS = frozenset({"h1", "h2", "h3"})
# Headings of any level: one marked by ``teaser_hints`` titles a list of teasers (the
# rule lifts HTML-mode F1 on scrapinghub_aeb 0.9600 -> 0.9636, the other sets unchanged).
_ANY_HEADING = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements too wide to be a teaser list even when a marked heading opens them.
_PAGE_PATHS = frozenset({"", "/html", "/html/body"})


def _tag_of(step: str) -> str:
    """Return the tag of an XPath step (``div[3]`` -> ``div``)."""
    cut = step.find("[")
    return step if cut < 0 else step[:cut]


@dataclass(frozen=True, slots=True)
class DomContentFilter:
    """Drop blocks outside the element that holds the article (label ``outside_article``).

    HTML documents only (text documents are left alone). Every kept block that reads
    like prose (at least ``min_chars`` characters outside links, at most a quarter of
    its text in links, and some sentence punctuation) gives its non-link characters to
    the elements above it: fully to the nearest, ``upper`` of them to the next, then
    less and less further up, so the element that directly holds most of the page's
    prose scores best. An element's score is lowered by the share of its text in links
    and raised by ``article_boost`` when it is, or sits in, ``<article>``/``<main>``.

    The best element is then widened to an ancestor ``n`` levels up (``n`` at most
    ``max_up``; a wrapper around a single child is not a level) when the ancestor holds
    another strong part of the article: an element beside the best one scoring at
    least ``n * sibling_share`` of the best score (the article goes on after a photo
    or an ad), or as much prose directly in the ancestor (its first paragraphs). A
    list of many short comments scores low, item by item, so it is not taken in.
    Blocks outside the chosen element go, except the headline (the nearest
    ``<h1>``-``<h3>`` or title-like block before it). When the element holds less than
    ``min_share`` of the page's prose the filter is unsure and drops nothing, so a page
    never comes back empty.

    An element opened by a heading whose hints include one of ``teaser_hints`` ("You
    may also like" with class ``related-posts``) is a list of teasers: its prose counts
    for nothing, so a few full teaser paragraphs cannot outweigh a short article.

    Evidence: ``container`` (the XPath of the chosen element) and ``share`` (its share of
    the page's prose). Known false positive: a second story in a separate element (the
    older entries of a live blog) goes with the sidebar.

    >>> from newsclean._html import html_document
    >>> prose = "<p>The storm arrived at dawn, and thousands of homes lost power.</p>"
    >>> doc = html_document(
    ...     "<h1>Storm hits</h1><div>" + prose * 3 + "</div>"
    ...     "<div><p>Most read</p><p><a href='/a'>Floods close the ring road</a></p></div>"
    ... )
    >>> sorted((d.block, d.label) for d in DomContentFilter()(doc))
    [(4, 'outside_article'), (5, 'outside_article')]
    """

    min_chars: int = 25
    min_share: float = 0.4
    article_boost: float = 1.5
    sibling_share: float = 0.3
    max_up: int = 3
    upper: float = 0.9
    teaser_hints: tuple[str, ...] = ("recommend", "related")

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield a drop for every kept block outside the article's element."""
        if doc.kind != "html":
            return
        kept = [b for b in doc.kept() if b.path]
        if not kept:
            return
        prose: dict[int, int] = {}  # prose of each block
        # Per element path of the blocks: [all text, text in links, prose].
        per_path: dict[str, list[float]] = {}
        total = 0.0
        sentence = _SENTENCE.search
        min_chars = self.min_chars
        teasers = _teaser_lists(doc, frozenset(self.teaser_hints))
        for block in kept:
            size = len(block.text)
            linked = block.link_chars
            plain = size - linked
            sums = per_path.get(block.path)
            if sums is None:
                sums = per_path[block.path] = [0.0, 0.0, 0.0]
            sums[0] += size
            sums[1] += linked
            if (
                plain >= min_chars
                and linked * 4 <= size
                and sentence(block.text) is not None
                and not (teasers and _inside_any(block.path, teasers))
            ):
                prose[block.index] = plain
                sums[2] += plain
                total += plain
        if total <= 0.0:
            return
        scores: dict[str, float] = {}  # decayed prose of each element
        own: dict[str, float] = {}  # prose directly in each element
        chars: dict[str, float] = {}  # all text of each element
        links: dict[str, float] = {}  # text inside links of each element
        upper = self.upper
        for path, (n_chars, n_links, value) in per_path.items():
            cut = len(path)
            # A paragraph gives to its parent first; a container also to itself.
            level = 0 if _tag_of(path[path.rfind("/") + 1 :]) in _CONTAINER_TAGS else -1
            if value and not level:
                own[path] = value
            while cut > 0:
                if level >= 0:
                    node = path[:cut]
                    chars[node] = chars.get(node, 0.0) + n_chars
                    links[node] = links.get(node, 0.0) + n_links
                    if value:
                        weight = 1.0 if not level else (upper if level == 1 else 1.0 / (3 * level))
                        scores[node] = scores.get(node, 0.0) + value * weight
                level += 1
                cut = path.rfind("/", 0, cut)
        if not scores:
            return
        boost = self.article_boost
        best = ""
        best_score = -1.0
        ranked: dict[str, float] = {}
        for node, score in scores.items():
            score *= 1.0 - links[node] / chars[node]
            if _ARTICLE_STEP.search(node) is not None:
                score *= boost
            ranked[node] = score
            if score > best_score or (score == best_score and len(node) < len(best)):
                best, best_score = node, score
        container = self._widen(best, ranked, own, chars)
        prefix = container + "/"
        inside = [b for b in kept if b.path == container or b.path.startswith(prefix)]
        share = sum(prose.get(b.index, 0) for b in inside) / total
        if not inside or share < self.min_share:
            return
        keep = {b.index for b in inside}
        headline = _headline(doc, kept, inside[0].index)
        if headline is not None:
            keep.add(headline)
        evidence: dict[str, float | int | str] = {"container": container, "share": round(share, 3)}
        for block in kept:
            if block.index not in keep:
                yield Drop(block.index, _LABEL, _REASON, evidence)

    def _widen(
        self, best: str, ranked: dict[str, float], own: dict[str, float], chars: dict[str, float]
    ) -> str:
        """Return the ancestor of ``best`` (or ``best``) that the article continues in."""
        top = ranked[best]
        # Levels above ``best`` (a wrapper around a single child is not a level).
        levels_of: dict[str, int] = {}
        levels = 0
        below = chars[best]
        cut = best.rfind("/")
        while cut > 0:
            node = best[:cut]
            size = chars.get(node, below)
            if size > below:
                levels += 1
                below = size
            levels_of[node] = levels
            cut = best.rfind("/", 0, cut)
        # The strongest other part of the article each ancestor would add: prose of its
        # own, or an element beside ``best`` that scores well by itself.
        extra = {node: own.get(node, 0.0) for node in levels_of}
        floor = top * self.sibling_share
        inner = best + "/"
        for node, score in ranked.items():
            if score < floor or node in levels_of or node == best or node.startswith(inner):
                continue
            common = _common(best, node)
            if score > extra.get(common, score):
                extra[common] = score
        container = best
        for node, up in levels_of.items():
            if up > self.max_up:
                break
            if up and extra[node] >= floor * up:
                container = node
        return container


def _teaser_lists(doc: Document, marks: frozenset[str]) -> tuple[str, ...]:
    """Return the paths of elements opened by a heading with one of the hints ``marks``.

    All blocks count, dropped ones too: the heading itself has usually gone already.
    """
    found: list[str] = []
    blocks = doc.blocks
    for at, block in enumerate(blocks):
        if block.tag not in _ANY_HEADING or not (block.hints & marks):
            continue
        parent = block.path[: block.path.rfind("/")]
        if parent in _PAGE_PATHS:
            continue
        # The heading must open its element: the block before it lies outside.
        if at:
            before = blocks[at - 1].path
            if before == parent or before.startswith(parent + "/"):
                continue
        found.append(parent)
    return tuple(found)


def _inside_any(node: str, regions: tuple[str, ...]) -> bool:
    """Tell whether ``node`` is one of ``regions`` or lies inside one."""
    return any(node == r or node.startswith(r + "/") for r in regions)


def _common(a: str, b: str) -> str:
    """Return the path of the nearest common ancestor of two element paths."""
    n = 0
    limit = min(len(a), len(b))
    while n < limit and a[n] == b[n]:
        n += 1
    if n == limit and (len(a) == n or a[n] == "/") and (len(b) == n or b[n] == "/"):
        return a[:n]
    return a[: a.rfind("/", 0, n)]


def _headline(doc: Document, kept: list[Block], first: int) -> int | None:
    """Return the index of the nearest heading or title-like block before ``first``."""
    title = doc.title.casefold()
    for block in reversed(kept):
        if block.index >= first:
            continue
        if block.tag in _HEADINGS:
            return block.index
        text = block.text.casefold()
        if title and len(text) >= 8 and text in title:
            return block.index
    return None
