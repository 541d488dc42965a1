"""HTML to blocks: safe lxml parsing, one walk over the tree, and recovery of lost text.

The page is parsed once with libxml2's HTML parser (never the XML parser): no network,
no DTD loading, no entity expansion, comments and processing instructions removed.
libxml2 drops content without raising in a few cases; each is detected and the text
recovered:

- nesting deeper than the parser's limit stops the parse (a resource-limit error in the
  parser's log): the whole page is then read by :func:`_fallback_blocks`, a linear tag
  stripper;
- anything after the first ``</html>`` is ignored: the page is cut after each
  ``</html>`` and the pieces parsed one by one (glued back together when a cut fell
  inside a script or a style);
- a raw-text element left open (``<title>`` without ``</title>``) swallows the rest of
  the page: its markup is parsed again on its own;
- a parse that ends in the first half of the markup without an error is treated like
  the nesting case;
- lone surrogates in a ``str`` cannot be encoded: they become U+FFFD first;
- text nodes and attributes over 10 MB are refused without ``huge_tree``, which is set.

The tree becomes :class:`~newsclean.Block` values: one per block-level element (inline
text merged, ``<br>`` starting a new block with the same element), each with its tag, an
XPath, the number of characters inside links, and the meaningful class/id/role tokens of
the element and its ancestors (:data:`HINTS`).
"""

from __future__ import annotations

import functools
import html as _htmllib
import re
from collections import deque
from collections.abc import Iterable

from lxml import etree

from newsclean._model import Block, Document
from newsclean._segment import split_lines

__all__ = ["HINTS", "html_document", "looks_like_html"]

# Elements whose text never reaches the output.
SKIP_TAGS = frozenset(
    {
        "title",
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "select",
        "datalist",
        "textarea",
    }
)

# Elements that start and end a block; everything else is inline and merged.
BLOCK_TAGS = frozenset(
    {
        "html",
        "body",
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "option",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)

# The hint vocabulary: what a class/id/role token (or a tag) says about its region.
HINTS = frozenset(
    {
        "nav",
        "menu",
        "footer",
        "copyright",
        "breadcrumb",
        "share",
        "related",
        "recommend",
        "comment",
        "sidebar",
        "ad",
        "hidden",
        "header",
        "login",
        "article",
        "main",
        "content",
        "byline",  # author names, bios, datelines: scrapinghub's gold leaves them out
        "caption",  # <figure> and <figcaption>: photo captions and credits
    }
)

# Hints that mark boilerplate regions (the others mark content or are neutral).
BOILERPLATE_HINTS = frozenset(HINTS - {"article", "main", "content", "header"})

# Exact tokens (lower case) of each hint.
_HINT_WORDS = {
    "nav": "nav navs navbar navi navigation topnav subnav mainnav sitenav daohang",
    "menu": "menu menus menubar submenu megamenu dropdown",
    "footer": "footer foot footnav bottom sitefooter",
    "copyright": "copyright copyrights banquan",
    "breadcrumb": "breadcrumb breadcrumbs crumb crumbs crumbnav",
    "share": "share shares sharing sharebar social sns fenxiang bdshare addthis sharethis",
    "related": "related relate xiangguan xgxw",
    "recommend": "recommend recommended recommendation recommendations tuijian popular "
    "trending hotnews ranking toplist",
    "comment": "comment comments commentlist reply replies disqus pinglun respond",
    "sidebar": "sidebar sidebars aside rail sider",
    "ad": "ad ads advert adverts advertisement advertising adsense adslot adsbygoogle "
    "sponsor sponsored promo promoted banner guanggao",
    "header": "header masthead topbar",
    "login": "login signin signup register logon",
    "byline": "byline byl author authors bio",
    "content": "article content contents main body text detail story zhengwen",
}
_TOKEN_HINTS = {word: hint for hint, words in _HINT_WORDS.items() for word in words.split()}
# Tokens that start with one of these stems map to its hint ("navigation-bar",
# "commentsList", "sharebox").
_STEM_HINTS = {
    "breadcrumb": "breadcrumb",
    "copyright": "copyright",
    "comment": "comment",
    "sidebar": "sidebar",
    "footer": "footer",
    "related": "related",
    "recommend": "recommend",
    "advert": "ad",
    "sponsor": "ad",
    "share": "share",
    "navbar": "nav",
    "navig": "nav",
}
_STEM = re.compile("|".join(sorted(_STEM_HINTS, key=len, reverse=True)))
# Tokens after which a hint word describes the page layout, not the element itself.
_LAYOUT_MODIFIERS = frozenset({"has", "with", "w", "no", "without", "show", "hide", "is"})
# Whole class names that hide an element from readers.
_HIDDEN_CLASSES = frozenset(
    {
        "hidden",
        "hide",
        "invisible",
        "is-hidden",
        "d-none",
        "visually-hidden",
        "visuallyhidden",
        "sr-only",
        "screen-reader-text",
        "element-invisible",
    }
)
_TAG_HINTS = {
    "nav": "nav",
    "footer": "footer",
    "aside": "sidebar",
    "header": "header",
    "article": "article",
    "main": "main",
    "menu": "menu",
    # A figure's caption and credit are not the article's text (HTML-mode F1 on
    # scrapinghub_aeb 0.9567 -> 0.9600; l3s_gn1, whose gold keeps captions, unchanged:
    # its captions seldom sit in <figure>).
    "figure": "caption",
    "figcaption": "caption",
}
_ROLE_HINTS = {
    "navigation": "nav",
    "menu": "menu",
    "menubar": "menu",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "sidebar",
    "main": "main",
    "article": "article",
}
# camelCase and kebab/snake tokens: "mainNav" -> main, nav; "post-body" -> post, body.
_TOKEN = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# Regions whose share of the page's text is above this are wrappers, not boilerplate:
# their boilerplate hints (a "has-sidebar" layout class, say) are ignored.
WRAPPER_SHARE = 0.6

# What makes a str look like HTML: it starts with a tag, or names the document's
# structure early. (Scraped text often keeps a few stray <script> or <a> tags; those
# alone do not make it HTML, whose route would merge its lines.)
_HTML_START = re.compile(
    r"\A[\s\ufeff]{0,256}<(?:[A-Za-z][A-Za-z0-9]{0,15}[\s>/]|!doctype|!--|\?xml)",
    re.IGNORECASE,
)
_HTML_ANYWHERE = re.compile(r"<(?:html|body|head)\b[^>]{0,512}>|<!doctype", re.IGNORECASE)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# A DOCTYPE with an internal subset (entity declarations): the HTML parser ignores the
# declarations but would leak their tail as text; it is cut before parsing.
_DOCTYPE_SUBSET = re.compile(
    r"\A(\s{0,64}(?:<\?xml[^>]{0,256}>\s{0,64})?)<!doctype[^\[>]{0,1024}\[[^\]]{0,65536}\]\s{0,64}>",
    re.IGNORECASE,
)
# A raw-text element (script, title...) left open swallows the rest of the page.
_SWALLOWED = re.compile(r"</(?:body|html)\s{0,64}>", re.IGNORECASE)
_HTML_END = re.compile(r"</html\s{0,64}>", re.IGNORECASE)
# At most this many chunks are glued back together (a page full of "</html>" strings
# inside scripts must not make parsing quadratic).
_MAX_MERGES = 64


def looks_like_html(page: str) -> bool:
    """Whether ``page`` is an HTML document rather than raw scraped text.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("A story about the <div> element.\\nSecond line.")
    False
    """
    if _HTML_START.match(page) is not None:
        return True
    return _HTML_ANYWHERE.search(page, 0, 4096) is not None


def _parser() -> etree.HTMLParser:
    return etree.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        remove_blank_text=False,
        no_network=True,
        huge_tree=True,
        recover=True,
    )


def _parse(page: str) -> tuple[etree._Element | None, bool]:
    """Parse ``page``; return the root (or ``None``) and whether the parse was cut short."""
    data = page.encode("utf-8")
    parser = _parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.LxmlError:
        return None, True
    truncated = any(
        entry.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT or "Excessive depth" in entry.message
        for entry in parser.error_log
    )
    return root, truncated


def html_document(page: str) -> Document:
    """Parse an HTML page into a :class:`~newsclean.Document` of kind ``"html"``.

    >>> doc = html_document("<title>T</title><p>One<br>Two</p><script>x()</script>")
    >>> doc.title, [(b.text, b.tag) for b in doc.blocks]
    ('T', [('One', 'p'), ('Two', 'p')])
    """
    text = page
    if _SURROGATE.search(text) is not None:
        text = _SURROGATE.sub("\ufffd", text)
    subset = _DOCTYPE_SUBSET.match(text)
    if subset is not None:
        text = subset.group(1) + text[subset.end() :]

    title = ""
    blocks: list[Block] = []
    # (markup, length of its first chunk when chunks were glued together, may glue)
    queue: deque[tuple[str, int, bool]] = deque((c, 0, True) for c in _chunks(text))
    merges = 0
    while queue:
        segment, glued_at, may_glue = queue.popleft()
        root, truncated = _parse(segment)
        if root is not None and not truncated:
            if glued_at and _last_line(root) <= segment.count("\n", 0, glued_at) + 1:
                # The parser stopped at the first cut after all: parse the parts apart.
                queue.appendleft((segment[glued_at:], 0, True))
                queue.appendleft((segment[:glued_at], 0, False))
                continue
            if may_glue and queue and merges < _MAX_MERGES and _ends_inside_raw_text(segment, root):
                following = queue.popleft()[0]
                queue.appendleft((segment + following, len(segment), True))
                merges += 1
                continue
            seg_title = _title(root)
            walked, swallowed = _walk(root, len(blocks), segment)
            if swallowed or not _stopped_early(segment, root):
                title = title or seg_title
                blocks.extend(walked)
                pieces = [(c, 0, True) for raw in swallowed for c in _chunks(raw)]
                queue.extendleft(reversed(pieces))
                continue
            truncated = True
        if truncated:
            walked, seg_title = _fallback_blocks(segment, len(blocks))
            blocks.extend(walked)
            title = title or seg_title
    return Document(page, tuple(blocks), kind="html", title=title)


def _chunks(text: str) -> list[str]:
    """Cut ``text`` after each ``</html>`` (libxml2 ignores all that follows one).

    Chunks holding only white space are left out.
    """
    chunks: list[str] = []
    pos = 0
    for m in _HTML_END.finditer(text):
        chunks.append(text[pos : m.end()])
        pos = m.end()
    chunks.append(text[pos:])
    return [c for c in chunks if c and not c.isspace()]


def _ends_inside_raw_text(segment: str, root: etree._Element) -> bool:
    """Whether the chunk was cut inside a script or a style (which then runs to its end)."""
    last = root
    while len(last):
        last = last[-1]
    if last.tag not in ("script", "style"):
        return False
    end = (last.text or "").rstrip()[-64:]
    return bool(end) and segment.rstrip().endswith(end)


def _title(root: etree._Element) -> str:
    """Return the page title (without the markup an unclosed ``<title>`` swallowed)."""
    el = root.find("head/title")
    if el is None:
        el = root.find(".//title")
    if el is None or not el.text:
        return ""
    text = el.text
    if len(text) > 256 and _SWALLOWED.search(text) is not None:
        text = text[: max(text.find("<"), 0)]
    return " ".join(text.split())


def _line(el: etree._Element) -> int:
    """The source line of ``el`` (0 when unknown)."""
    value = getattr(el, "sourceline", None)
    return value if isinstance(value, int) else 0


def _last_line(root: etree._Element) -> int:
    """Source line where the tree's content ends: its last element, text and tails."""
    last = root
    while len(last):
        last = last[-1]
    line = _line(last) + (last.text or "").count("\n")
    el: etree._Element | None = last
    while el is not None:
        line += (el.tail or "").count("\n")
        el = el.getparent()
    return line


def _stopped_early(segment: str, root: etree._Element) -> bool:
    """Whether the parser gave up silently long before the end of the page.

    The last element of the tree should come from the second half of the markup, or of
    the part before the ``</html>`` the parser stopped at. If it does not, the latest
    source line of any element is checked too (the parser may have moved the last
    element), and only if that is also in the first half is the rest taken as lost.
    """
    total = segment.count("\n") + 1
    if total <= 20:
        return False
    last = _last_line(root)
    if last * 2 >= total:
        return False
    pos = 0
    while (m := _HTML_END.search(segment, pos)) is not None:
        end_line = segment.count("\n", 0, m.start()) + 1
        if end_line >= last:
            if last * 2 >= end_line:
                return False
            break
        pos = m.end()
    latest = max(_line(el) for el in root.iter())
    return latest * 2 < total


class _Frame:
    """A hinted element on the walk: its hints and where its text began."""

    __slots__ = ("chars", "hints", "start")

    def __init__(self, hints: frozenset[str], start: int) -> None:
        self.hints = hints
        self.start = start
        self.chars = -1  # set when the element ends


def _hints_of(tag: str, items: list[tuple[str, str]]) -> frozenset[str]:
    """Return the hints that an element's tag and attributes carry."""
    found: set[str] = set()
    tag_hint = _TAG_HINTS.get(tag)
    if tag_hint is not None:
        found.add(tag_hint)
    for key, value in items:
        if key == "class" or key == "id":
            found.update(_token_hints(value))
        elif key == "role":
            role_hint = _ROLE_HINTS.get(value.strip().lower())
            if role_hint is not None:
                found.add(role_hint)
        elif _hides(key, value):
            found.add("hidden")
    return frozenset(found)


def _hides(key: str, value: str) -> bool:
    """Whether an attribute hides its element (``hidden``, ``aria-hidden``, CSS)."""
    if key == "hidden":
        return True
    if key == "aria-hidden":
        return value.strip().lower() == "true"
    return (
        key == "style"
        and ("none" in value or "hidden" in value)
        and _HIDDEN_STYLE.search(value) is not None
    )


@functools.lru_cache(maxsize=8192)
def _token_hints(value: str) -> frozenset[str]:
    """Return the hints of one class or id attribute value (a pure function, cached)."""
    found: set[str] = set()
    tokens = [raw.lower() for raw in _TOKEN.findall(value)]
    for i, token in enumerate(tokens):
        if i and tokens[i - 1] in _LAYOUT_MODIFIERS:  # "has-sidebar": page layout
            continue
        hint = _TOKEN_HINTS.get(token)
        if hint is None:
            stem = _STEM.match(token)
            if stem is not None:
                hint = _STEM_HINTS[stem.group(0)]
        if hint is not None and hint != "hidden":
            found.add(hint)
    # "hidden" only as a whole class name: "field--label-hidden" hides a label,
    # "hidden-xs" hides on small screens only.
    if any(item.lower() in _HIDDEN_CLASSES for item in value.split()):
        found.add("hidden")
    return frozenset(found)


def _walk(root: etree._Element, first_index: int, segment: str) -> tuple[list[Block], list[str]]:
    """Walk the tree once (iteratively); return its blocks and any swallowed markup.

    Blocks are numbered from ``first_index``. A raw-text element (script, title...) that
    holds the page's closing tags was left open and swallowed the rest of the page: its
    markup is returned for a parse of its own.
    """
    swallowed: list[str] = []
    page_end = segment[-4096:].rstrip()
    # Pending blocks: (text, tag, element, link_chars, frames) before hints are resolved.
    pending: list[tuple[str, str, etree._Element, int, tuple[_Frame, ...]]] = []
    parts: list[str] = []
    link_chars = 0
    in_link = 0
    in_pre = 0
    chars = 0  # text characters seen so far (for the wrapper test)
    block_stack: list[etree._Element] = []
    frames: list[_Frame] = []
    frame_depth: list[bool] = []  # per open element: whether it pushed a frame

    dirty = False  # whether parts hold more than white space

    def flush() -> None:
        nonlocal link_chars, dirty
        joined = "".join(parts)
        parts.clear()
        dirty = False
        owner = block_stack[-1] if block_stack else root
        active = tuple(frames)
        lines = split_lines(joined) if in_pre else (joined,)
        for line in lines:
            text = " ".join(line.split())
            if text:
                pending.append((text, str(owner.tag), owner, min(link_chars, len(text)), active))
        link_chars = 0

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):  # entities and the like: keep only the tail
            if event == "end" and el.tail:
                parts.append(el.tail)
                chars += len(el.tail)
                dirty = True
            continue
        if event == "start":
            if tag in SKIP_TAGS:
                walker.skip_subtree()
                frame_depth.append(False)
                raw = el.text
                if (
                    raw
                    and len(raw) > 256
                    and page_end.endswith(raw.rstrip()[-64:])
                    and _SWALLOWED.search(raw) is not None
                ):
                    swallowed.append(raw[max(raw.find("<"), 0) :])
                continue
            if tag in BLOCK_TAGS:
                if dirty:
                    flush()
                block_stack.append(el)
                if tag == "pre":
                    in_pre += 1
            elif tag == "br":
                if dirty:
                    flush()
            elif tag == "a":
                in_link += 1
            items = el.items()
            hints = _hints_of(tag, items) if items or tag in _TAG_HINTS else frozenset()
            if hints:
                frames.append(_Frame(hints, chars))
                frame_depth.append(True)
            else:
                frame_depth.append(False)
            text = el.text
            if text:
                parts.append(text)
                chars += len(text)
                if not dirty and not text.isspace():
                    dirty = True
                if in_link:
                    link_chars += len(text.strip())
        else:
            if tag in SKIP_TAGS:
                pass
            elif tag in BLOCK_TAGS:
                if dirty:
                    flush()
                block_stack.pop()
                if tag == "pre":
                    in_pre -= 1
            elif tag == "a":
                in_link -= 1
            if frame_depth.pop():
                frame = frames.pop()
                frame.chars = chars - frame.start
            tail = el.tail
            if tail:
                parts.append(tail)
                chars += len(tail)
                if not dirty and not tail.isspace():
                    dirty = True
                if in_link:
                    link_chars += len(tail.strip())
    if dirty:
        flush()

    limit = WRAPPER_SHARE * chars if chars else float("inf")
    resolved: dict[tuple[_Frame, ...], frozenset[str]] = {}
    paths = _Paths()
    blocks: list[Block] = []
    for text, tag, owner, links, active in pending:
        merged = resolved.get(active)
        if merged is None:
            merged = _resolve(active, limit)
            resolved[active] = merged
        path = paths.of(owner)
        blocks.append(Block(first_index + len(blocks), -1, -1, text, tag, path, links, merged))
    return blocks, swallowed


class _Paths:
    """XPaths of elements (``/html/body/div[2]/p``), each sibling list scanned once.

    ``getpath()`` of libxml2 rescans the siblings of every ancestor on each call, which
    is quadratic on a page of 60,000 sibling paragraphs; this is linear.
    """

    __slots__ = ("paths", "segments")

    def __init__(self) -> None:
        self.paths: dict[etree._Element, str] = {}
        self.segments: dict[etree._Element, dict[etree._Element, str]] = {}

    def of(self, el: etree._Element) -> str:
        """Return the XPath of ``el``."""
        paths = self.paths
        chain: list[etree._Element] = []
        node: etree._Element | None = el
        while node is not None and node not in paths:
            chain.append(node)
            node = node.getparent()
        base = paths[node] if node is not None else ""
        for item in reversed(chain):
            parent = item.getparent()
            if parent is None:
                step = str(item.tag)
            else:
                steps = self.segments.get(parent)
                if steps is None:
                    steps = _child_steps(parent)
                    self.segments[parent] = steps
                step = steps.get(item, str(item.tag))
            base = f"{base}/{step}"
            paths[item] = base
        return base


def _child_steps(parent: etree._Element) -> dict[etree._Element, str]:
    """Map each child element of ``parent`` to its XPath step (``p``, or ``p[3]``)."""
    totals: dict[str, int] = {}
    for child in parent:
        tag = child.tag
        if isinstance(tag, str):
            totals[tag] = totals.get(tag, 0) + 1
    seen: dict[str, int] = {}
    steps: dict[etree._Element, str] = {}
    for child in parent:
        tag = child.tag
        if isinstance(tag, str):
            n = seen.get(tag, 0) + 1
            seen[tag] = n
            steps[child] = tag if totals[tag] == 1 else f"{tag}[{n}]"
    return steps


def _resolve(active: tuple[_Frame, ...], limit: float) -> frozenset[str]:
    """Merge the hints of a block's hinted ancestors, innermost first.

    A boilerplate hint is ignored on a wrapper (a region holding more than ``limit``
    characters of the page's text) and on a region whose text is mostly (at least half)
    in a purely content-marked region inside it (``<div class="widget"><div
    class="post-body">``; but the list around many comments, each with its own
    ``content`` element, stays a comment region); ``hidden`` is ignored only on wrappers.
    """
    merged: set[str] = set()
    content_chars = -1  # text of the largest purely content-marked region so far
    for frame in reversed(active):
        hints = frame.hints
        boiler = hints & BOILERPLATE_HINTS
        if not boiler:
            merged.update(hints)
            if "content" in hints and frame.chars > content_chars:
                content_chars = frame.chars
            continue
        if frame.chars > limit:
            merged.update(hints - BOILERPLATE_HINTS)
        elif content_chars >= 0 and content_chars * 2 >= frame.chars:
            merged.update(hints - BOILERPLATE_HINTS)
            if "hidden" in boiler:
                merged.add("hidden")
        else:
            merged.update(hints)
    return frozenset(merged)


# The linear tag stripper used when the parser gave up.
_FALLBACK_TAG = re.compile(r"<(?:(!--)|(/?)([A-Za-z][A-Za-z0-9:-]{0,31})|[!?/])")
_FALLBACK_TITLE = re.compile(r"<title\b[^>]{0,512}>([^<]{0,2048})", re.IGNORECASE)


def _fallback_blocks(page: str, first_index: int) -> tuple[list[Block], str]:
    """Strip tags with a linear scan; one block per line of text between block tags.

    Used when the parser cut the page short (nesting deeper than its limit). No XPaths
    or hints; script/style/... contents and comments are skipped as in the tree walk.
    """
    pieces: list[str] = []
    pos = 0
    n = len(page)
    closers: dict[str, re.Pattern[str]] = {}
    while pos < n:
        m = _FALLBACK_TAG.search(page, pos)
        if m is None:
            pieces.append(page[pos:])
            break
        pieces.append(page[pos : m.start()])
        if m.group(1):  # a comment: skip to its end (or to the end of the page)
            end = page.find("-->", m.end())
            pos = n if end < 0 else end + 3
            continue
        gt = page.find(">", m.end())
        if gt < 0:  # an unterminated tag: the rest is text, not lost
            pieces.append(page[m.start() :])
            break
        name = (m.group(3) or "").lower()
        pos = gt + 1
        if name in SKIP_TAGS and not m.group(2):
            closer = closers.get(name)
            if closer is None:
                closer = re.compile(rf"</{name}\s{{0,64}}>", re.IGNORECASE)
                closers[name] = closer
            end_m = closer.search(page, pos)
            if end_m is not None:  # an unclosed one swallows nothing here
                pos = end_m.end()
        elif name in BLOCK_TAGS or name == "br":
            pieces.append("\n")
    title_m = _FALLBACK_TITLE.search(page, 0, 65536)
    title = " ".join(_htmllib.unescape(title_m.group(1)).split()) if title_m else ""
    text = _htmllib.unescape("".join(pieces))
    return _line_blocks(split_lines(text), first_index), title


def _line_blocks(lines: Iterable[str], first_index: int) -> list[Block]:
    blocks: list[Block] = []
    for line in lines:
        text = " ".join(line.split())
        if text:
            blocks.append(Block(first_index + len(blocks), -1, -1, text))
    return blocks
