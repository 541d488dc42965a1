"""Lines of raw text that are really HTML source, from a failed text extraction.

Text extractors sometimes give up on a page and hand back its markup: the whole page, tags,
scripts and all, on one enormous line. Kept as one block, such a line is all-or-nothing
for every filter, and the article inside it is lost among the markup or kept with all of
it. Such a line is parsed as HTML instead, and its text blocks take its place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsclean._model import Block
from newsclean._segment import text_blocks

# A start or end tag, or a comment's edge. The attribute part is bounded and cannot
# cross another "<", so a scan of the line stays linear.
_TAG_RX = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]{0,30}(?:[\s/][^<>]{0,1000})?>|<!--|-->")
# A line is markup when it is long, holds many tags, and tags make up a good share of
# it: an article paragraph that quotes a tag or two never qualifies.
MIN_CHARS = 1000
MIN_TAGS = 20
MIN_TAG_SHARE = 0.2


def is_markup_line(text: str) -> bool:
    """Whether one line of raw text is HTML source rather than text.

    >>> is_markup_line("<div><p>" * 200)
    True
    >>> is_markup_line("Use the <p> tag for paragraphs. " * 50)
    False
    """
    if len(text) < MIN_CHARS or text.count("<") < MIN_TAGS:
        return False
    tags = _TAG_RX.findall(text)
    return len(tags) >= MIN_TAGS and sum(map(len, tags)) >= MIN_TAG_SHARE * len(text)


def expand_markup_lines(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """Replace every markup line among ``blocks`` by the text blocks parsed out of it.

    The new blocks are single trimmed lines of text and keep the offsets of the line they
    came from (``start``/``end`` span the markup, not the parsed text). Other blocks are
    returned unchanged (renumbered when a markup line was replaced).

    >>> from newsclean._segment import text_blocks
    >>> page = "Title\\n" + "<div>" * 20 + "<p>Body &amp; soul.</p><script>x()</script>" * 30
    >>> [b.text for b in expand_markup_lines(text_blocks(page))][:3]
    ['Title', 'Body & soul.', 'Body & soul.']
    """
    markup = {b.index for b in blocks if is_markup_line(b.text)}
    if not markup:
        return tuple(blocks)
    from newsclean._html import html_document  # lxml only for pages that need it

    out: list[Block] = []
    for block in blocks:
        if block.index not in markup:
            out.append(Block(len(out), block.start, block.end, block.text))
            continue
        for parsed in html_document(block.text).blocks:
            for line in text_blocks(parsed.text):
                out.append(Block(len(out), block.start, block.end, line.text))
    return tuple(out)
