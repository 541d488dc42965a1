"""Author boxes: an "About <name>" heading and the short biography under it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsclean._model import Document, Drop

_LABEL = "author_box"
# Words that open an author box heading, before the author's name: English, Portuguese
# and Spanish, German, French, Italian, Dutch.
_ABOUT = (
    "About",
    "Sobre",
    "Über",
    "À propos de",
    "A propos de",
    "Acerca de",
    "Informazioni su",
    "Over",
)
# Their first characters.
_ABOUT_FIRST = frozenset(word[0] for word in _ABOUT)
# Longest heading; fewest and most words of a name. One word is left out: "About
# Logitech" heads the company boilerplate of a press release, which is part of it.
_MAX_HEADING_CHARS = 60
_MIN_NAME_WORDS = 2
_MAX_NAME_WORDS = 4
# Capitalised small words that show a title, not a name ("About Ask The Post").
_NOT_NAME = frozenset(("The", "Of", "And", "For", "To", "In", "On", "This", "Our", "Us"))


def author_name(text: str) -> str | None:
    """The author's name if ``text`` is an author box heading ("About Jane Doe"), else None.

    The name must be two to four capitalised words, none of them a small word such as
    "The", so "About us", "About This Site", "About The Post" and "About 300 people" are
    not headings.

    >>> author_name("Sobre Carlos Nadalim"), author_name("About Us"), author_name("About 300")
    ('Carlos Nadalim', None, None)
    """
    if len(text) > _MAX_HEADING_CHARS:
        return None
    for word in _ABOUT:
        if text.startswith(word) and text[len(word) : len(word) + 1] == " ":
            name = text[len(word) + 1 :].strip()
            parts = name.split()
            if _MIN_NAME_WORDS <= len(parts) <= _MAX_NAME_WORDS and all(
                p[:1].isupper()
                and p not in _NOT_NAME
                and p.rstrip(".").replace("-", "").replace("'", "").isalpha()
                for p in parts
            ):
                return name
            return None
    return None


@dataclass(frozen=True, slots=True)
class AuthorBoxFilter:
    """Drop an author box: "About <name>" and the biography under it (label ``author_box``).

    Blogs and magazines print, after the article, a heading made of "About" (``Sobre``,
    ``Über``, ``À propos de``...) and the author's name, then a short biography. The
    heading alone proves little (a section "About Mr Smith" may open part of a profile),
    so both are dropped only when the next kept block is a short paragraph that gives
    the full name again, which is what a biography does ("Jane Doe covers city hall..."),
    and a profile's section ("Mr Doe was born in...") seldom does. In HTML the ``dom``
    step finds author boxes by their markup, so by default this one judges raw text
    only.

    Evidence: ``heading_of`` (the block index of the heading) on the biography.

    Known false positives: the "About <product>" section of a press release, when the
    product's name has two words and its text repeats it ("About Coverity Scan" / "The
    Coverity Scan site was developed..."); in a profile, a subheading "About Jane Doe"
    over a short paragraph that gives her full name again.

    >>> from newsclean.testing import run_filter
    >>> run_filter(AuthorBoxFilter(), [
    ...     "The council met on Monday to discuss the budget.",
    ...     "About Jane Doe",
    ...     "Jane Doe covers city hall for the paper and has two cats.",
    ...     "About us",
    ...     "We are a small team of reporters.",
    ... ]).labels()
    {1: 'author_box', 2: 'author_box'}
    """

    max_bio_chars: int = 600
    """Longest biography."""
    kinds: tuple[str, ...] = ("text",)
    """The document kinds it judges."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield drops for each author box heading and its biography."""
        if doc.kind not in self.kinds:
            return
        blocks = doc.blocks
        dropped = doc.dropped
        n = len(blocks)
        last = -1  # the last biography dropped (it cannot head another box)
        for block, f in zip(blocks, doc.features, strict=True):
            # A heading is "About" (one to three words) and a name of two to four words.
            if not 3 <= f.words <= 7 or f.chars > _MAX_HEADING_CHARS:
                continue
            text = block.text
            if text[0] not in _ABOUT_FIRST or not text.startswith(_ABOUT):
                continue  # (the first character rules out most lines at less cost)
            i = block.index
            if i == last or i in dropped:
                continue
            name = author_name(text)
            if name is None:
                continue
            j = i + 1
            while j < n and j in dropped:
                j += 1
            if j == n or len(bio := blocks[j].text) > self.max_bio_chars:
                continue
            if name not in bio:
                continue
            last = j
            yield Drop(i, _LABEL, f"author box heading for {name!r}")
            yield Drop(j, _LABEL, f"biography of {name!r}", {"heading_of": i})
