"""Turn what the user passed into a :class:`~newsclean.Document`."""

from __future__ import annotations

from dataclasses import dataclass

from newsclean._markup import expand_markup_lines
from newsclean._model import Document, InputKind
from newsclean._segment import text_blocks


@dataclass(frozen=True, slots=True)
class PageInput:
    """A page ready for the filters, and how it was read."""

    document: Document
    encoding: str | None = None
    encoding_guessed: bool = False


def read_page(page: object, kind: InputKind | None = None) -> PageInput:
    """Decode (for bytes), recognise (text or HTML) and segment a page into blocks.

    A ``str`` is HTML when ``kind == "html"``, or when ``kind`` is ``None`` and it looks
    like HTML (:func:`~newsclean._html.looks_like_html`); otherwise it is raw text, whose
    lines of HTML source (a failed extraction) are parsed as HTML
    (:func:`~newsclean._markup.expand_markup_lines`).
    ``bytes`` are decoded first (:func:`~newsclean._decode.decode_page`) and the encoding
    is recorded.

    >>> read_page("<p>Hi</p>").document.kind, read_page("Hi").document.kind
    ('html', 'text')
    >>> page = read_page("<meta charset=gbk><p>新闻</p>".encode("gbk"))
    >>> page.encoding, page.document.blocks[0].text
    ('gb18030', '新闻')

    Raises:
        TypeError: ``page`` is neither ``str`` nor bytes-like, or ``kind`` is not
            ``None``, ``"text"`` or ``"html"``.
    """
    if kind not in (None, "text", "html"):
        raise TypeError(f"kind must be None, 'text' or 'html', not {kind!r}")
    encoding: str | None = None
    guessed = False
    if isinstance(page, (bytes, bytearray, memoryview)):
        from newsclean._decode import decode_page

        page, encoding, guessed = decode_page(bytes(page))
    if not isinstance(page, str):
        raise TypeError(f"a page must be str or bytes, not {type(page).__name__}")
    if kind == "text":
        return PageInput(_text_document(page), encoding, guessed)
    from newsclean._html import html_document, looks_like_html

    if kind == "html" or looks_like_html(page):
        return PageInput(html_document(page), encoding, guessed)
    return PageInput(_text_document(page), encoding, guessed)


def _text_document(page: str) -> Document:
    """Segment raw text into lines; a line that is HTML source is parsed as HTML."""
    return Document(page, expand_markup_lines(text_blocks(page)))
