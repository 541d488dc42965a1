"""Turn what the user passed into a :class:`~newsclean.Document`."""

from __future__ import annotations

from dataclasses import dataclass

from newsclean._model import Document, InputKind
from newsclean._segment import text_blocks


@dataclass(frozen=True, slots=True)
class PageInput:
    """A page ready for the filters, and how it was read."""

    document: Document
    encoding: str | None = None
    encoding_guessed: bool = False


def read_page(page: object, kind: InputKind | None = None) -> PageInput:
    """Check the argument's type and segment it into blocks.

    Raises:
        TypeError: ``page`` is not ``str`` (bytes input is not supported yet), or
            ``kind`` is not ``None``, ``"text"`` or ``"html"``.
    """
    if kind not in (None, "text", "html"):
        raise TypeError(f"kind must be None, 'text' or 'html', not {kind!r}")
    if isinstance(page, (bytes, bytearray, memoryview)):
        raise TypeError("newsclean takes str pages for now; decode bytes first")
    if not isinstance(page, str):
        raise TypeError(f"a page must be str, not {type(page).__name__}")
    if kind == "html":
        raise TypeError("HTML input is not supported yet; pass the page's text")
    return PageInput(Document(page, text_blocks(page)))
