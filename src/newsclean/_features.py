"""Per-block evidence computed once per document and shared by every filter.

:func:`compute_features` measures each block of a page with a handful of C-level string
operations (no Python loop over characters), so filters can ask "how long, how much
Chinese, how many sentence marks, how many function words, how often repeated" without
re-scanning text. ``Document.features`` calls it lazily, once per page.

The counts are deliberately raw (numbers of characters, words, marks); turning them into
ratios and scores is the job of the filters that read them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple, cast

from newsclean._model import Block

# Runs of Han (CJK ideograph) characters; Kana and Hangul count as "other letters". Han
# characters are counted as the length removed by deleting the runs (one C pass).
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_DIGIT = re.compile(r"\d")
# A class byte for each ASCII character, for counting marks in ASCII blocks: "D" for a
# digit, "S" for a sentence mark ".!?", "C" for a clause mark ",;", itself for the space and
# the separators "|>/", and "x" for everything else (so no other character can complete
# a two- or three-byte pattern).
_ASCII_CLASSES = bytes(
    ord("D")
    if chr(i) in "0123456789"
    else ord("S")
    if chr(i) in ".!?"
    else ord("C")
    if chr(i) in ",;"
    else i
    if chr(i) in " |>/"
    else ord("x")
    for i in range(256)
)
# Chinese function characters and particles, frequent in prose and rare in menus.
_ZH_FUNCTION = re.compile(r"[的了是在和与也就都而及其这那之以为所被把对于将从但并还已要会着过们]")
# A date or a clock time, digits first: 2024-05-01, 2024/5/1, 5月1日, 2024年5月, 12:30.
_DATE = re.compile(r"\d(?:[年月:/]|\d\d\d[-.])\d")
# Any menu separator counted by measure() (a quick test before counting each of them).
_ANY_SEPARATOR = re.compile(r"[|｜»›·]| [>/] ")
# The head of a reader comment or of a comment section: "joe says:", "Jane on May 1, 2024
# at 6:34 pm said:", "34 responses to ...", "12 Comments", "Reply", "网友评论", "共 7 篇评论".
# "said:" needs a date or time before it, so "The minister said:" in a story is not one.
# Three patterns, each tried only when a cheap test lets it match (see _is_comment_head).
_COMMENT_TAIL = re.compile(
    r"^\S{1,40}\s(?:says|writes|schreibt|escribe|diz|écrit)\s?[:：]$|"
    r"\d[^:：]{0,40}\b(?:said|says|wrote|replied)\s?[:：]$|写道[:：]$",
    re.IGNORECASE,
)
_COMMENT_HEAD = re.compile(
    r"\d{1,5}\s(?:comments?|responses?|replies|reactions|thoughts)\b|"
    r"(?:comments?|reply|replies|leave a (?:comment|reply))(?:\s?\(\d{1,5}\))?$|"
    r"#?\s?re:\s",
    re.IGNORECASE,
)
_COMMENT_ZH = re.compile(
    r"^(?:网友评论|评论|回复|发表评论)(?:\s?\(\d{1,5}\))?$|的评论$|\d\s?[条篇件个]?评论"
)

# A numbered point: "1.", "2)", "3、", "一、", "(4)", "（5）", "第六条".
# Every match of _NUMBERED starts with one of these, or with a decimal digit.
_NUMBERED_FIRST = frozenset("一二三四五六七八九十(（第")
_NUMBERED = re.compile(
    r"\d{1,3}(?:[.)、:：]|\s?-\s)|[一二三四五六七八九十]{1,3}[、.]|[(（]\d{1,3}[)）]|第[一二三四五六七八九十\d]{1,4}[条章节]"
)

# Sentence-final punctuation, ASCII and full-width; closing quotes may follow it.
_TERMINAL = frozenset(".!?。！？…;；:：")
_FULL_STOPS = frozenset(".!?")
_CLOSERS = "\"'”’」』)）]】»"
# A list item or a numbered point at the start of a block.
_BULLET_START = frozenset("•·●○■□◆◇▪▫-–—*►▶>※")

# Function words: frequent in running text, rare in menus and link lists. English first,
# plus the commonest short ones of other languages written with spaces (German, French,
# Spanish, Portuguese, Italian, Dutch, Indonesian, Russian) as a language-neutral fallback.
_FUNCTION_WORDS = (
    # English
    "a an the of to in on at for from by with and or but if as is are was were be been "
    "being has have had do does did will would can could should may might must shall "
    "that this these those it its he she they we you i his her their our your him them "
    "who which what when where while than then there here not no also into over after "
    "before about said says "
    # German, French, Spanish, Portuguese, Italian, Dutch, Indonesian, Russian
    "der die das und ist nicht mit den dem des sich auf für ein eine auch wird sind "
    "le la les et est une dans pour pas qui que sur avec sont du au aux "
    "el los las y es en por con del una para como pero más "
    "da do os as em um uma não com mais foi "
    "il di che per sono della non gli "
    "het een van zijn niet op voor "
    "yang dan di ini itu dengan untuk dari tidak akan "
    "и в не на что с по как это он она из для"
)
_EN_FUNCTION = frozenset(_FUNCTION_WORDS.split())

# What a white-space separated piece says, packed in one int so that summing the values
# of a block's pieces counts three things at once: title case (bits 0-20), lower case
# (bits 21-41), function word once lower-cased (bits 42 and up). Blocks of 2**21 pieces or
# more are counted piece by piece instead (see _word_counts).
_LOWER_SHIFT = 21
_FUNCTION_SHIFT = 42
_FIELD = (1 << _LOWER_SHIFT) - 1
# Pieces remembered at most; the memo is dropped and refilled when it grows past this.
_WORD_MEMO_SIZE = 1 << 17


class _WordFlags(dict[str, int]):
    """Memo of :func:`_flags` by piece: a pure function of the piece, so pages share it."""

    __slots__ = ()

    def __missing__(self, piece: str) -> int:
        if len(self) >= _WORD_MEMO_SIZE:
            self.clear()
        value = self[piece] = _flags(piece)
        return value


def _flags(piece: str) -> int:
    """Title case, lower case and function-word flags of one piece, packed (see above)."""
    return _PACKED[piece.istitle() | piece.islower() << 1 | (piece.lower() in _EN_FUNCTION) << 2]


# The eight possible packed values, shared by all memo entries.
_PACKED = tuple(
    (i & 1) | (i >> 1 & 1) << _LOWER_SHIFT | (i >> 2) << _FUNCTION_SHIFT for i in range(8)
)


_WORD_FLAGS = _WordFlags()


def _word_counts(pieces: list[str]) -> int:
    """The packed counts of a block's pieces (title case, lower case, function words)."""
    if len(pieces) <= _FIELD:
        return sum(map(_WORD_FLAGS.__getitem__, pieces))
    return sum(map(_flags, pieces))


class BlockFeatures(NamedTuple):
    """Cheap measurements of one block (all counts, no ratios).

    Attributes:
        chars: number of characters.
        han: number of Han (Chinese) characters.
        words: number of white-space separated pieces (words, for scripts that use spaces).
        digits: number of digit characters.
        function: function words (English first, common ones of other languages) plus
            Chinese function characters.
        capitalised: words that start with a capital letter (title-case words).
        lowercase: words in lower case (prose in any cased script is mostly these).
        sentences: sentence marks inside the block (``。！？!?`` and ``". "``).
        commas: clause marks (``，、,；;``).
        terminal: whether the block ends like a sentence (after closing quotes).
        separators: menu separators (``|｜»›>/`` between items, ``·``).
        bullet: whether the block starts with a list marker.
        date: whether the block contains a date or a clock time.
        linkish: whether the block holds a URL, an e-mail address or ``©``.
        numbered: whether the block starts like a numbered point (``1.``, ``2)``, ``一、``,
            ``(3)``): list items and steps inside an article.
        comment: whether the block heads a reader comment or a comment section
            (``"joe says:"``, ``"34 responses to"``, ``"Reply"``, ``"网友评论"``).
        repeats: how many blocks of the page have exactly this text (1 = unique).
    """

    chars: int
    han: int = 0
    words: int = 0
    digits: int = 0
    function: int = 0
    capitalised: int = 0
    lowercase: int = 0
    sentences: int = 0
    commas: int = 0
    terminal: bool = False
    separators: int = 0
    bullet: bool = False
    date: bool = False
    linkish: bool = False
    repeats: int = 1
    comment: bool = False
    numbered: bool = False

    @property
    def tokens(self) -> int:
        """A rough token count: Han characters plus white-space separated pieces."""
        return self.han + self.words


def _is_comment_head(text: str) -> bool:
    """Whether a short block heads a reader comment or a comment section."""
    if len(text) > 120 or not text:
        return False
    if text[-1] in ":：":
        return _COMMENT_TAIL.search(text) is not None
    if "评论" in text or text == "回复":
        return _COMMENT_ZH.search(text) is not None
    return text[0] in "0123456789#RrCcLl" and _COMMENT_HEAD.match(text) is not None


# Builds a BlockFeatures from all its fields in order, without the keyword handling of the
# generated ``__new__`` (measure() gives every field).
_tuple_new = cast(
    Callable[[type[BlockFeatures], tuple[int | bool, ...]], BlockFeatures], tuple.__new__
)


def measure(text: str, repeats: int = 1) -> BlockFeatures:
    """Measure one block's ``text``.

    >>> f = measure("The storm hit the coast, and power failed.")
    >>> (f.words, f.function, f.commas, f.terminal)
    (8, 3, 1, True)
    >>> measure("首页 | 新闻 | 体育").separators
    2
    """
    pieces = text.split()
    count = text.count
    end = text.rstrip(_CLOSERS)
    last = end[-1:]
    first = text[:1]
    numbered = (first in _NUMBERED_FIRST or first.isdecimal()) and (
        _NUMBERED.match(text) is not None
    )
    if text.isascii():
        # Most blocks of Western pages: skip the full-width marks and the Han scan. In
        # ASCII, lower-casing the text and then splitting it gives the lower-cased pieces.
        # One byte per character naming its class (see _ASCII_CLASSES), so that one count
        # covers several marks: b"S " is ". ", "! " or "? ", b"C" is "," or ";".
        classes = text.encode().translate(_ASCII_CLASSES)
        digits = classes.count(b"D")
        packed = _word_counts(pieces)
        return _tuple_new(
            BlockFeatures,
            (
                len(text),
                0,
                len(pieces),
                digits,
                packed >> _FUNCTION_SHIFT,
                packed & _FIELD,
                packed >> _LOWER_SHIFT & _FIELD,
                classes.count(b"S ") + (last in _FULL_STOPS if last else False),
                classes.count(b"C"),
                bool(last) and last in _TERMINAL,
                classes.count(b"|") + classes.count(b" > ") + classes.count(b" / "),
                first in _BULLET_START,
                digits > 1 and _DATE.search(text) is not None,
                "://" in text or "www." in text or "@" in text or ".com" in text,
                repeats,
                _is_comment_head(text),
                numbered,
            ),
        )
    digits = len(_DIGIT.findall(text))
    han = len(text) - len(_HAN_RUN.sub("", text))
    latin = han * 2 < len(text)
    function = len(_ZH_FUNCTION.findall(text)) if han else 0
    if latin:
        # Lower-casing maps white space to white space and each piece on its own (even a
        # final sigma only looks across case-ignorable characters, never white space), so
        # the pieces' own function-word flags count the words of the lower-cased text.
        packed = _word_counts(pieces)
        function += packed >> _FUNCTION_SHIFT
        capitalised = packed & _FIELD
        lowercase = packed >> _LOWER_SHIFT & _FIELD
    else:
        capitalised = lowercase = 0
    return _tuple_new(
        BlockFeatures,
        (
            len(text),
            han,
            len(pieces),
            digits,
            function,
            capitalised,
            lowercase,
            count("。")
            + count("！")
            + count("？")
            + count(". ")
            + count("! ")
            + count("? ")
            + (last in _FULL_STOPS if last else False),
            count("，") + count("、") + count(",") + count("；") + count(";"),
            bool(last) and last in _TERMINAL,
            (
                count("|")
                + count("｜")
                + count(" > ")
                + count("»")
                + count("›")
                + count(" / ")
                + count("·")
            )
            if _ANY_SEPARATOR.search(text)
            else 0,
            first in _BULLET_START,
            digits > 1 and _DATE.search(text) is not None,
            # Markers of links, share bars and footers (`in` is cheaper than a regex).
            "://" in text or "www." in text or "@" in text or "©" in text or ".com" in text,
            repeats,
            _is_comment_head(text),
            numbered,
        ),
    )


def compute_features(
    blocks: Sequence[Block], known: Mapping[str, BlockFeatures] | None = None
) -> tuple[BlockFeatures, ...]:
    """Measure every block of a page once (``result[i]`` describes ``blocks[i]``).

    Args:
        blocks: the page's blocks, in order.
        known: features measured earlier for some of the texts (for instance for the
            page this one was cut from); they are reused, with ``repeats`` counted anew
            on this page, instead of measuring those texts again.

    >>> from newsclean._segment import text_blocks
    >>> feats = compute_features(text_blocks("Home\\nA long sentence of the story.\\nHome"))
    >>> [f.repeats for f in feats]
    [2, 1, 2]
    >>> compute_features(text_blocks("Home\\nHome"), known={"Home": feats[0]})[0] == feats[0]
    True
    """
    texts = [block.text for block in blocks]
    # Identical lines (repeated menus, "Share", "Reply") share one measurement.
    counts = Counter(texts)
    if not known:
        by_text = {text: measure(text, n) for text, n in counts.items()}
    else:
        by_text = {}
        for text, n in counts.items():
            f = known.get(text)
            if f is None:
                by_text[text] = measure(text, n)
            else:
                by_text[text] = f if f[_REPEATS] == n else _with_repeats(f, n)
    return tuple(map(by_text.__getitem__, texts))


def _with_repeats(f: BlockFeatures, repeats: int) -> BlockFeatures:
    """``f`` with another ``repeats`` (cheaper than ``f._replace(repeats=...)``)."""
    return _tuple_new(BlockFeatures, (*f[:_REPEATS], repeats, *f[_REPEATS + 1 :]))


_REPEATS = BlockFeatures._fields.index("repeats")
