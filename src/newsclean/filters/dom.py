"""Drop blocks that the page's own markup marks as boilerplate (HTML input only)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsclean._html import BOILERPLATE_HINTS
from newsclean._model import Document, Drop

# The parser's boilerplate vocabulary, as a sorted tuple (TOML-friendly config).
_DEFAULT_HINTS = tuple(sorted(BOILERPLATE_HINTS))


@dataclass(frozen=True, slots=True)
class DomHintsFilter:
    """Drop blocks in regions the markup marks as boilerplate (label ``dom_boilerplate``).

    Two kinds of evidence, both from the HTML only (text documents are left alone):

    - the block's hints (class/id/role tokens and tags of its element and ancestors, see
      :attr:`newsclean.Block.hints`) name a boilerplate region. With
      ``respect_article=True`` blocks inside ``<article>``/``<main>`` are spared (except
      ``hidden`` ones); the default is ``False`` because comment sections, share bars
      and footers inside ``<article>``/``<main>`` outweigh the article text this saves
      on the dev pages (HTML-mode F1 on scrapinghub_aeb 0.892 -> 0.904, no other loss).
      Hints of page-wide wrappers are already discounted when blocks are built;
    - most of the block's characters sit inside links: more than ``short_link_share``
      for blocks up to ``short_chars`` characters, more than ``long_link_share`` beyond.

    Evidence: ``hint`` (the first matching hint, sorted) or ``link_share``.

    Known false positive: an article paragraph that is a single link ("Read the full
    report") goes with the link-dense rule.

    >>> from newsclean._html import html_document
    >>> doc = html_document(
    ...     "<nav><a href='/'>Home</a></nav><p>The storm reached the coast at dawn.</p>"
    ...     "<div class='footer'>Contact us</div>"
    ... )
    >>> sorted((d.block, d.label) for d in DomHintsFilter()(doc))
    [(0, 'dom_boilerplate'), (2, 'dom_boilerplate')]
    """

    hints: tuple[str, ...] = _DEFAULT_HINTS
    respect_article: bool = False
    short_chars: int = 100
    short_link_share: float = 0.5
    long_link_share: float = 0.8

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield a drop for every kept block that the markup marks as boilerplate."""
        if doc.kind != "html":
            return
        wanted = frozenset(self.hints)
        for block in doc.kept():
            hints = block.hints
            if hints:
                found = hints & wanted
                if found and (
                    not self.respect_article
                    or "hidden" in found
                    or not ("article" in hints or "main" in hints)
                ):
                    hint = min(found)
                    yield Drop(
                        block.index,
                        "dom_boilerplate",
                        f"inside a region marked {hint!r}",
                        {"hint": hint},
                    )
                    continue
            if block.link_chars:
                size = len(block.text)
                share = block.link_chars / size
                limit = self.short_link_share if size <= self.short_chars else self.long_link_share
                if share > limit:
                    yield Drop(
                        block.index,
                        "dom_boilerplate",
                        f"{share:.0%} of the text is links",
                        {"link_share": round(share, 3)},
                    )
