"""Per-block evidence computed once per document and shared by every filter.

:func:`compute_features` measures each block of a page with a handful of C-level string
operations (no Python loop over characters), so filters can ask "how long, how much
Chinese, how many sentence marks, how many function words, how often repeated" without
re-scanning text. ``Document.features`` calls it lazily, once per page. :func:`measure`
is the one-block definition; pages of thousands of distinct texts are measured a column
at a time instead (:func:`_measure_columns`), with the same values.

The counts are deliberately raw (numbers of characters, words, marks); turning them into
ratios and scores is the job of the filters that read them.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import accumulate, chain, compress, count, product, repeat
from operator import add, attrgetter, getitem, itemgetter, mul, sub
from typing import NamedTuple, TypeVar, cast

from newsclean._model import Block

# Runs of Han (CJK ideograph) characters; Kana and Hangul count as "other letters". Han
# characters are counted as the length removed by deleting the runs (one C pass).
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_DIGIT = re.compile(r"\d")
# A class byte for each ASCII character, for counting marks in ASCII blocks: "D" for a
# digit, "S" for a sentence mark ".!?", "C" for a clause mark ",;", itself for the space,
# the separators "|>/", ":" and "-" (parts of dates) and the line feed (which splits
# joined texts, see _measure_columns), and "x" for everything else, every byte of a
# non-ASCII character's UTF-8 form included (so no other character can complete a two-
# or three-byte pattern).
_ASCII_CLASSES = bytes(
    ord("D")
    if chr(i) in "0123456789"
    else ord("S")
    if chr(i) in ".!?"
    else ord("C")
    if chr(i) in ",;"
    else i
    if chr(i) in " |>/:-\n"
    else ord("x")
    for i in range(256)
)
# Chinese function characters and particles, frequent in prose and rare in menus, and the
# commonest Japanese particles, which no Chinese text holds.
_ZH_FUNCTION_CHARS = "的了是在和与也就都而及其这那之以为所被把对于将从但并还已要会着过们"
_JA_PARTICLES = "のはをにがでともへや"
_ZH_FUNCTION = re.compile(f"[{_ZH_FUNCTION_CHARS}{_JA_PARTICLES}]")
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


# Every spelling of a function word that lower-cases to it ("The", "THE", "tHe"...), so
# that ``piece in _FUNCTION_FORMS`` says ``piece.lower() in _EN_FUNCTION`` without
# lower-casing the piece. lower() maps a character to one character (only U+0130 maps to
# two, one of them U+0307, which no function word holds) and Σ's context does not matter
# here, so a piece lower-cases to a word exactly when each of its characters lower-cases
# to the word's character there. The characters that lower-case to a character are
# itself, its upper and title case, and for "k" also U+212A KELVIN SIGN (the tests check
# this against every code point).
_OTHER_CAPITALS = {"k": "\u212a"}


def _spellings(word: str) -> Iterator[str]:
    """Every string whose ``lower()`` is ``word``."""
    choices = [
        {x for x in (c, c.upper(), c.title(), *_OTHER_CAPITALS.get(c, "")) if x.lower() == c}
        for c in word
    ]
    return map("".join, product(*choices))


_FUNCTION_FORMS = frozenset(chain.from_iterable(map(_spellings, _EN_FUNCTION)))
# The spellings made of ASCII letters, as bytes. Every other one holds a cased character
# beyond ASCII (the tests check it), so on a page without one, a piece's UTF-8 bytes are
# among these exactly when the piece is a function word.
_ASCII_FUNCTION_FORMS = frozenset(form.encode() for form in _FUNCTION_FORMS if form.isascii())


class BlockFeatures(NamedTuple):
    """Cheap measurements of one block (all counts, no ratios).

    Attributes:
        chars: number of characters.
        han: number of Han (Chinese) characters.
        words: number of white-space separated pieces (words, for scripts that use spaces).
        digits: number of digit characters.
        function: function words (English first, common ones of other languages) plus
            Chinese function characters and Japanese particles.
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
    texts = list(map(_text_of, blocks))
    n = len(texts)
    # On a page of thousands of texts, a set tells quicker than a Counter whether every
    # text is distinct; the measurements are then already the rows, with no table to
    # look them up in. (The hashes the set computes are cached in the strings, so a
    # Counter built after it costs no more than one built at first.)
    if not known and n >= _COLUMNS_FROM and len(set(texts)) == n:
        return tuple(_measure_all(texts, [1] * n))
    # Identical lines (repeated menus, "Share", "Reply") share one measurement.
    counts = Counter(texts)
    if not known and len(counts) == n:
        # Every text is distinct, so ``counts`` lists them in page order (as above).
        return tuple(_measure_all(texts, [1] * n))
    if not known:
        by_text = dict(zip(counts, _measure_all(list(counts), list(counts.values())), strict=True))
    else:
        by_text = {}
        new: list[str] = []
        for text, n in counts.items():
            f = known.get(text)
            if f is None:
                new.append(text)
            else:
                by_text[text] = f if f[_REPEATS] == n else _with_repeats(f, n)
        by_text.update(zip(new, _measure_all(new, list(map(counts.__getitem__, new))), strict=True))
    return tuple(map(by_text.__getitem__, texts))


# Pages with fewer distinct texts are measured text by text. On pages of a hundred texts
# the column passes are no quicker than measure() (both spend most of the time on the
# pieces of the texts); on pages of thousands they save half or more (fewer calls per
# text, and less work for the garbage collector).
_COLUMNS_FROM = 1000


# Pages whose UTF-8 form is longer than this many bytes per character (mostly Chinese
# text) are measured text by text: there the byte passes cost more than they save.
_MAX_BYTES_PER_CHAR = 1.25


def _measure_all(texts: list[str], repeats: list[int]) -> Iterable[BlockFeatures]:
    """``measure(text, n)`` for each text and its count, column-wise when that is exact."""
    if len(texts) >= _COLUMNS_FROM:
        columns = _measure_columns(texts, repeats)
        if columns is not None:
            return columns
        # Text by text, but equal measurements shared as in _measure_columns (measure()
        # gives each field one type too): fewer objects for the garbage collector.
        return map(_SharedFeatures().__getitem__, map(measure, texts, repeats))
    return map(measure, texts, repeats)


# Columns of a page, measured on its texts joined by line feeds (see _measure_columns).
#
# The UTF-8 form of the joined texts goes through one byte table. ASCII bytes get their
# measure() class (_ASCII_CLASSES), except that the capitals A-Z get "U" and the closing
# marks "')] get "Q": no counted pattern holds either, so every count is unchanged, and
# "U" tells whether the page has an ASCII capital, "Q" which texts may end in a closer.
# The bytes of other characters get classes that tell Han characters apart (one per
# character, from its first two bytes: U+3400-U+3FFF start E3 90..BF, U+4000-U+4FFF start
# E4, U+5000-U+9FFF start E5..E9, U+F900-U+FAFF start EF A4..AB). Lead bytes: "3" (E3), "H"
# (E4..E9), "F" (EF), "x" (others); continuation bytes: "c" (A4..AB), "a" (80..8F) and "b"
# (the rest). E4 also starts the hexagram symbols U+4DC0-U+4DFF (E4 B7), which are not
# Han: they are replaced by F8 first. C0, C1 and F5..F8 never occur in UTF-8: they stand
# for the characters replaced by them (see _MARKS).
_classes = bytearray(_ASCII_CLASSES)  # ASCII as in measure(), "x" above
_classes[ord("A") : ord("Z") + 1] = b"U" * 26
for _closer in "\"')]":
    _classes[ord(_closer)] = ord("Q")
_classes[0x1C:0x20] = b"w" * 4  # white space to str.split(), not to bytes.split()
_classes[0x80:0xC0] = b"b" * 64
_classes[0x80:0x90] = b"a" * 16
_classes[0xA4:0xAC] = b"c" * 8
_classes[0xE3] = ord("3")
_classes[0xE4:0xEA] = b"H" * 6
_classes[0xEF] = ord("F")
_classes[0xC0:0xC2] = b"sC"
_classes[0xF5:0xF9] = b"|TQx"
_UTF8_CLASSES = bytes(_classes)
del _classes, _closer
# Han characters: each adds one "H", or one of the rare "3b", "3c", "Fc" (none of which
# can span two characters: "3" and "F" are lead bytes, "b" and "c" continuation bytes).
_HAN_CLASSES = (b"H", b"3b", b"3c", b"Fc")
_HEXAGRAM = re.compile(rb"\xe4\xb7[\x80-\xbf]")
# Full-width marks, and the other marks that may end a sentence or close a quote,
# replaced in the UTF-8 bytes by one byte of their class: a sentence mark ("s", counted on
# its own), a clause mark (counted with ",;" as "C"), a menu separator (counted with "|"),
# another sentence-final mark ("T") or a closer ("Q"). The last two are counted nowhere;
# with the others, they make the class of a text's last byte say whether its last
# character may be terminal or a closer (see _TAIL_*). UTF-8 finds a character's bytes
# only where it is, and each is replaced whole, so no other pattern gains or loses a match.
_MARKS = {
    char: (char.encode(), placeholder)
    for chars, placeholder in (
        ("。！？", b"\xc0"),
        ("，、；", b"\xc1"),
        ("｜»›·", b"\xf5"),
        ("…：", b"\xf6"),
        ("”’」』）】", b"\xf7"),
    )
    for char in chars
}
_MARK_CHARS = re.compile("[" + "".join(_MARKS) + "]")
_LETTERS_OR_LF = frozenset(string.ascii_letters + "\n")
# What the word counts of UTF-8 bytes depend on, when no character beyond ASCII is cased
# (see _measure_columns): the ASCII letters and the white space (any white space splits
# alike). Every other byte is uncased and never part of a function word (they are
# letters), so it may stand for any other: "0".
_WORD_SHAPES = bytes(
    ord(" ") if chr(i) in " \t\x0b\x0c\r" else i if chr(i) in _LETTERS_OR_LF else ord("0")
    for i in range(256)
)
# What the title- and lower-case counts of UTF-8 bytes depend on, under the same
# condition: which bytes are lower-case ASCII letters ("a"), capitals ("A"), white space
# (" ") or line feeds; every other byte is uncased to bytes.istitle() and bytes.islower().
# A table over the _WORD_SHAPES of the bytes (which keep all that): it maps the letters.
_CASE_SHAPES = bytes(
    ord("a")
    if chr(i) in string.ascii_lowercase
    else ord("A")
    if chr(i) in string.ascii_uppercase
    else i
    for i in range(256)
)
# Texts whose shapes are looked at first, to tell whether shapes repeat.
_SHAPE_SAMPLE = 1000
# White space other than the line feed (in the characters beyond ASCII).
_WIDE_SPACE = re.compile(r"[^\S\n]")
# Every ASCII byte but the line feed, deleted to keep the other characters' bytes.
_ASCII_BUT_LF = bytes(i for i in range(128) if i != ord("\n"))
# In what is left, everything but Chinese function characters (and digits: \d beyond
# ASCII, Arabic-Indic, full-width...) is deleted; then the function characters.
_NOT_FUNCTION_RUN = re.compile(r"[^\n" + _ZH_FUNCTION.pattern[1:] + "+")
_NOT_FUNCTION_OR_DIGIT_RUN = re.compile(r"[^\n\d" + _ZH_FUNCTION.pattern[1:] + "+")
_ZH_FUNCTION_RUN = re.compile(_ZH_FUNCTION.pattern + "+")
# The class of a text's last byte: "S" (".!?") and "s" ("。！？") end a sentence, ":" and
# "T" ("…：") end it too and may end a comment head; "C", "|" and "Q" may be a closer, or
# a mark that is terminal or not (";" or ","), so those texts are looked at one by one.
# Any other last byte is an ASCII character or ends a non-ASCII one that is neither.
_TAIL_TERMINAL = frozenset(b"Ss:T")
_TAIL_FULL_STOP = bytes(i == ord("S") for i in range(256))  # True is the byte 1
_TAIL_UNSURE = re.compile(rb"[C|Q]")
_TAIL_COLON = re.compile(rb"[:T]")
# Rarely-true flags are looked for only among candidates: the texts whose first
# character may start a numbered point (each _NUMBERED match starts so) or a comment
# head (see _is_comment_head), whose last character may end a comment head, or that
# hold a marker (which never spans two texts, as none holds a line feed).
_BULLET_HEAD = re.compile("[" + re.escape("".join(sorted(_BULLET_START))) + "]")
_NUMBERED_HEAD = re.compile(r"[\d一二三四五六七八九十(（第]")
_COMMENT_HEAD_FIRST = re.compile(r"[0-9#]")
# A _COMMENT_HEAD match that starts with a letter spells "comment(s)", "leave a",
# "reply", "replies" or "re:", so its second character is an o or an e (in either case:
# under IGNORECASE no other character matches those two letters). Many texts start with
# one of these letters ("Rain", "Lead"), few with one of these pairs.
_COMMENT_HEAD_LETTER = re.compile(r"[RrCcLl]")
_COMMENT_SECOND = frozenset("oOeE")
_COMMENT_MARKERS = ("评论", "回复")
# What a _DATE match looks like in the byte classes when its characters are ASCII, each
# with a byte it must hold (quicker to look for: a missing pattern costs a scan).
_DATE_CLASSES = ((b"D:D", b":"), (b"D/D", b"/"), (b"DDDD-D", b"-"), (b"DDDDSD", b"S"))
# Link markers made of ASCII characters, each with a byte it must hold ("©" is looked
# for among the characters beyond ASCII first).
_LINK_MARKERS = ((b"://", b":"), (b"www.", b"w"), (b"@", b"@"), (b".com", b"."))
_COMMENT_MAX = 120  # longer blocks never head a comment (see _is_comment_head)


def _measure_columns(texts: list[str], repeats: list[int]) -> list[BlockFeatures] | None:
    """``measure(text, n)`` for each text and its count, a column of values at a time.

    Measuring a text takes some twenty C-level calls; for a whole page, the texts are
    joined by line feeds and each column (lengths, Han characters, marks...) comes from
    a few passes over the joined text or over the list of texts, so the cost per text
    is a few list items instead of calls; the word counts of texts of one shape (see
    _WORD_SHAPES) are measured once when shapes repeat, else those of texts of one case
    shape (all but the function words, see _case_columns). Each column equals what
    :func:`measure` computes (the tests compare them on random text). Returns ``None``
    when a text is empty or holds a line feed (the rows would not line up with the
    texts), or when the texts are mostly not ASCII (see _MAX_BYTES_PER_CHAR).
    """
    n = len(texts)
    joined = "\n".join(texts)
    # surrogatepass: a lone surrogate gets three non-ASCII bytes like other characters.
    utf8 = joined.encode("utf-8", "surrogatepass")
    if len(utf8) > len(joined) * _MAX_BYTES_PER_CHAR:
        return None
    try:
        heads = "".join(map(_first_char, texts))
    except IndexError:  # an empty text
        return None
    wide = ""  # the characters beyond ASCII, and the line feeds
    if not joined.isascii():
        wide_bytes = utf8.translate(None, _ASCII_BUT_LF)
        wide = wide_bytes.decode("utf-8", "surrogatepass")
        for mark in set(_MARK_CHARS.findall(wide)):
            utf8 = utf8.replace(*_MARKS[mark])
        if b"\xe4\xb7" in wide_bytes:  # E4 B7 only starts a hexagram symbol
            utf8 = _HEXAGRAM.sub(b"\xf8", utf8)

    # One class byte per byte (see _UTF8_CLASSES): a non-ASCII character's bytes never
    # complete an ASCII pattern, so each row's counts are its text's own. Only a line
    # feed has the class "\n", so there is one row per text unless a text holds one.
    classes = utf8.translate(_UTF8_CLASSES)
    rows = classes.split(b"\n")
    if len(rows) != n:
        return None
    finder = _RowFinder(rows)
    chars = list(map(len, texts))
    zeros = repeat(0)  # shared by several columns: safe, as every item is the same 0
    digits = list(map(bytes.count, rows, repeat(b"D"))) if b"D" in classes else [0] * n
    zh_function: Iterable[int] = zeros
    other_digits: list[int] | None = None
    has_han = False
    if wide:
        has_han = _HAN_RUN.search(wide) is not None
        # Counts of characters of a kind: delete the others, compare the rows' lengths
        # (no pattern matches a line feed, so the rows stay the texts' own). Every
        # character of ``wide`` but the line feeds is beyond ASCII, so a \d is a digit
        # that the "D" class did not count.
        if _DIGIT.search(wide) is None:
            if _ZH_FUNCTION.search(wide) is not None:
                rest = _NOT_FUNCTION_RUN.sub("", wide)
                zh_function = list(map(len, rest.split("\n")))
        else:
            rest = _NOT_FUNCTION_OR_DIGIT_RUN.sub("", wide)
            lengths = list(map(len, rest.split("\n")))
            other_digits = list(map(len, _ZH_FUNCTION_RUN.sub("", rest).split("\n")))
            zh_function = map(sub, lengths, other_digits)
            digits = list(map(add, digits, other_digits))

    # A column of marks that no text holds is all zeros: not counted row by row. (Looking
    # for one byte of a mark first is quicker than for the whole mark, when it is missing.)
    stops: list[Iterable[int]] = []
    for mark in (b"S ", b"s"):
        if mark[:1] in classes and mark in classes:
            stops.append(map(bytes.count, rows, repeat(mark)))
    separators: Iterable[int] = zeros
    for mark in (b"|", b" > ", b" / "):
        # Counted one by one, not as one class: " > / " holds both " > " and " / ".
        if mark.strip() in classes and mark in classes:
            separators = map(add, separators, map(bytes.count, rows, repeat(mark)))
    han: Iterable[int] = zeros
    latin: list[bool] | None = None
    if has_han:
        counts = [
            map(bytes.count, rows, repeat(mark))
            for mark in _HAN_CLASSES
            if mark[:1] in classes and mark in classes
        ]
        han = list(counts[0] if len(counts) == 1 else map(sum, zip(*counts, strict=True)))
        # Word counts only for texts in a script with spaces (as in measure()).
        # (All are when twice the most Han characters of a text is below the shortest.)
        if max(han) * 2 >= min(chars):
            latin = list(map(int.__lt__, map(add, han, han), chars))
            if all(latin):
                latin = None

    # Word counts (see _word_columns). The pieces of the texts' UTF-8 bytes cost less
    # than the texts' own, and say the same (see _ASCII_FUNCTION_FORMS) when no
    # character beyond ASCII is cased (with an "a", islower() says none is upper or
    # title case; with an "A", isupper() says none is lower case) and all white space is
    # white space to bytes.split() (so none is "\x1c".."\x1f", class "w", nor beyond
    # ASCII). A title-case piece holds an upper- or title-case character: none does
    # when no byte is an ASCII capital ("U") and no other character is upper or title case.
    no_wide_capitals = (wide + "a").islower()
    no_capitals = no_wide_capitals and b"U" not in classes
    if not (
        (no_wide_capitals and (wide + "A").isupper())
        and b"w" not in classes
        and _WIDE_SPACE.search(wide) is None
    ):
        words, function, capitalised, lowercase = _word_columns(
            texts,
            str.split,
            _FUNCTION_FORMS,
            None if no_capitals else str.istitle,
            str.islower,
            latin,
            zeros,
        )
    else:
        # Then only the letters and the white space of the bytes matter (see
        # _WORD_SHAPES): texts of one shape have the same counts, measured once per
        # shape when shapes repeat (on pages of generated lines: lists, tables, logs).
        shaped = utf8.translate(_WORD_SHAPES)
        # A sample of rows tells whether shapes repeat, before all rows are split off
        # and looked up (the rows of ``shaped`` are as long as ``rows``).
        sample = shaped[: sum(map(len, rows[:_SHAPE_SAMPLE])) + _SHAPE_SAMPLE].split(b"\n")
        sample = sample[:_SHAPE_SAMPLE]
        shapes: list[bytes] | None = None
        first_with: dict[bytes, int] = {}  # a shape -> the first text of that shape
        shape_of: list[int] = []  # each text's shape, as the first text of that shape
        if len(set(sample)) * 2 <= min(n, _SHAPE_SAMPLE):
            shapes = shaped.split(b"\n")
            shape_of = list(map(first_with.setdefault, shapes, count()))
        if not shape_of or len(first_with) * 2 > n:
            # Rows of distinct letters (a rich vocabulary) may still share case shapes:
            # then the word, title- and lower-case counts come once per case shape, and
            # only the function words are counted piece by piece.
            cased = _case_columns(shaped, sample, n, no_capitals, latin, zeros)
            if cased is None:
                words, function, capitalised, lowercase = _word_columns(
                    shaped.split(b"\n") if shapes is None else shapes,
                    bytes.split,
                    _ASCII_FUNCTION_FORMS,
                    None if no_capitals else bytes.istitle,
                    bytes.islower,
                    latin,
                    zeros,
                )
            else:
                words, capitalised, lowercase = cased
                # The pieces of all rows in one split: a line feed is white space too,
                # so they are each row's pieces in turn, cut by the rows' word counts.
                pieces = shaped.split()
                function = zeros
                if not _ASCII_FUNCTION_FORMS.isdisjoint(pieces):
                    function = _piece_counts(
                        pieces,
                        _ASCII_FUNCTION_FORMS.__contains__,
                        [0, *accumulate(words)],
                        latin,
                        zeros,
                    )
        else:
            columns = _word_columns(
                first_with,
                bytes.split,
                _ASCII_FUNCTION_FORMS,
                None if no_capitals else bytes.istitle,
                bytes.islower,
                None,
                zeros,
            )
            words, function, capitalised, lowercase = (
                _spread(column, first_with.values(), shape_of, zeros) for column in columns
            )
            if latin is not None:
                function, capitalised, lowercase = (
                    column if column is zeros else map(mul, column, latin)
                    for column in (function, capitalised, lowercase)
                )
    if zh_function is not zeros:
        function = zh_function if function is zeros else map(add, function, zh_function)

    # The last byte of each text (rows are never empty), as a class (see _TAIL_*).
    tails = bytes(map(getitem, rows, repeat(-1)))
    terminal = list(map(_TAIL_TERMINAL.__contains__, tails))
    full_stop = bytearray(tails.translate(_TAIL_FULL_STOP))
    for i in map(_bytes_match_start, _TAIL_UNSURE.finditer(tails)):
        last = texts[i].rstrip(_CLOSERS)[-1:]
        terminal[i] = bool(last) and last in _TERMINAL
        full_stop[i] = last in _FULL_STOPS
    # measure() adds the final full stop to the sentence marks: an int either way.
    sentences: Iterable[int] = full_stop
    for column in stops:
        sentences = map(add, sentences, column)

    # The rarely-true flags, tested with measure()'s own code on candidates only.
    date = [False] * n
    maybe_date: set[int] = set()
    # A _DATE match has ASCII digits and ":" "/" "-" "." (seen in the classes), or
    # holds 年, 月 or another digit.
    for pattern, quick in _DATE_CLASSES:
        if quick in classes:
            finder.add_holding(pattern, classes, maybe_date)
    if "年" in wide or "月" in wide:
        # Its digit before 年 or 月 is another digit, or an ASCII one ("D") right before
        # the lead byte of 年 or 月 ("H").
        finder.add_holding(b"DH", classes, maybe_date)
    if other_digits is not None:
        maybe_date.update(compress(range(n), other_digits))
    for i in maybe_date:
        date[i] = digits[i] > 1 and _DATE.search(texts[i]) is not None
    linkish = [False] * n
    linked: set[int] = set()
    for link_marker, quick in _LINK_MARKERS:
        if quick in utf8:
            finder.add_holding(link_marker, utf8, linked)
    if "©" in wide:
        finder.add_holding("©".encode(), utf8, linked)
    for i in linked:
        linkish[i] = True
    bullet = [False] * n
    for i in map(_match_start, _BULLET_HEAD.finditer(heads)):
        bullet[i] = True
    numbered = [False] * n
    for m in _NUMBERED_HEAD.finditer(heads):
        i = m.start()
        numbered[i] = _NUMBERED.match(texts[i]) is not None
    comment = [False] * n
    maybe_comment: set[int] = set()
    for marker in _COMMENT_MARKERS:
        if marker in wide:
            finder.add_holding(marker.encode(), utf8, maybe_comment)
    maybe_comment.update(map(_match_start, _COMMENT_HEAD_FIRST.finditer(heads)))
    for m in _COMMENT_HEAD_LETTER.finditer(heads):
        i = m.start()
        if texts[i][1:2] in _COMMENT_SECOND:
            maybe_comment.add(i)
    maybe_comment.update(map(_bytes_match_start, _TAIL_COLON.finditer(tails)))
    for i in maybe_comment:
        # (_is_comment_head rejects long texts too; the length test only saves a call.)
        comment[i] = chars[i] <= _COMMENT_MAX and _is_comment_head(texts[i])

    values = zip(
        chars,
        han,
        words,
        digits,
        function,
        capitalised,
        lowercase,
        sentences,
        map(bytes.count, rows, repeat(b"C")) if b"C" in classes else zeros,
        terminal,
        separators,
        bullet,
        date,
        linkish,
        repeats,
        comment,
        numbered,
        strict=False,  # the columns of zeros never end
    )
    # Texts measured alike share one BlockFeatures: a page of thousands of lines holds
    # far fewer distinct rows, and each BlockFeatures (a tuple subclass, which the
    # garbage collector never untracks) costs every later full collection a visit.
    # Sharing equal immutable values is exact: each column holds values of one type
    # (ints or bools), so equal rows are equal field by field, types included.
    # (zip reuses its row tuple whenever the lookup did not keep it, that is for every
    # row seen before, so repeated rows cost no new object at all.)
    return list(map(_SharedFeatures().__getitem__, values))


_Piece = TypeVar("_Piece", str, bytes)
# A column with fewer counted pieces than one per this many rows is counted piece by
# piece (see _piece_counts): finding a piece costs a few times what counting a row does.
_SPARSE = 8


def _word_columns(
    rows: Iterable[_Piece],
    split: Callable[[_Piece], list[_Piece]],
    forms: frozenset[_Piece],
    istitle: Callable[[_Piece], bool] | None,
    islower: Callable[[_Piece], bool] | None,
    latin: list[bool] | None,
    zeros: Iterable[int],
) -> tuple[Iterable[int], Iterable[int], Iterable[int], Iterable[int]]:
    """Each row's pieces, function words, title-case and lower-case pieces: four columns.

    The pieces of all rows are gathered in one list, row after row (``+=`` returns the
    list, so its length after each row is where the next row's pieces start). A column
    in which no piece counts is ``zeros`` (as measure() finds): no piece is a function
    word when none is in ``forms``; the title- and lower-case columns are ``zeros`` too
    when ``istitle`` or ``islower`` is ``None`` (no piece is title case on a page without
    capitals).
    """
    pieces: list[_Piece] = []
    firsts = [0, *map(len, map(pieces.__iadd__, map(split, rows)))]
    function = zeros
    if not forms.isdisjoint(pieces):
        function = _piece_counts(pieces, forms.__contains__, firsts, latin, zeros)
    capitalised = zeros
    if istitle is not None:
        capitalised = _piece_counts(pieces, istitle, firsts, latin, zeros)
    lowercase = zeros
    if islower is not None:
        lowercase = _piece_counts(pieces, islower, firsts, latin, zeros)
    return map(sub, firsts[1:], firsts), function, capitalised, lowercase


def _case_columns(
    shaped: bytes,
    sample: list[bytes],
    n: int,
    no_capitals: bool,
    latin: list[bool] | None,
    zeros: Iterable[int],
) -> tuple[list[int], Iterable[int], Iterable[int]] | None:
    """The word, title- and lower-case counts of the rows of ``shaped``, per case shape.

    ``shaped`` is the page's UTF-8 bytes through _WORD_SHAPES (``n`` rows), ``sample``
    its first rows. Only for the byte path of _measure_columns (no character beyond
    ASCII is cased, all white space is ASCII). There ``bytes.istitle`` and
    ``bytes.islower`` of a piece see only which of its bytes are lower-case letters,
    capitals or uncased, and bytes.split only which are white space: rows of one case
    shape (see _CASE_SHAPES) count alike.
    A page of made-up words rarely repeats a row's letters but often their case shape.
    Returns ``None`` when case shapes do not repeat (a sample of rows tells).
    """
    # (The sample is looked at first: most pages go no further.)
    sampled = set(map(bytes.translate, sample, repeat(_CASE_SHAPES)))
    if len(sampled) * 2 > min(n, _SHAPE_SAMPLE):
        return None
    cases = shaped.translate(_CASE_SHAPES).split(b"\n")
    first_with: dict[bytes, int] = {}  # a case shape -> the first row of that shape
    shape_of = list(map(first_with.setdefault, cases, count()))
    if len(first_with) * 2 > n:
        return None
    words, _, capitalised, lowercase = _word_columns(
        first_with,
        bytes.split,
        frozenset(),
        None if no_capitals else bytes.istitle,
        bytes.islower,
        None,
        zeros,
    )
    # (The word counts as a list: the caller cuts the pieces of all rows by them.)
    words_of = dict(zip(first_with.values(), words, strict=True))
    capitalised, lowercase = (
        _spread(column, first_with.values(), shape_of, zeros) for column in (capitalised, lowercase)
    )
    if latin is not None:
        capitalised, lowercase = (
            column if column is zeros else map(mul, column, latin)
            for column in (capitalised, lowercase)
        )
    return list(map(words_of.__getitem__, shape_of)), capitalised, lowercase


def _spread(
    values: Iterable[int], firsts: Iterable[int], shape_of: list[int], zeros: Iterable[int]
) -> Iterable[int]:
    """Each text's value, from the values of the distinct shapes.

    ``firsts`` are the first texts of the distinct shapes, ``shape_of`` says which of
    them has each text's shape. A column of one value is that value repeated.
    """
    if values is zeros:
        return zeros
    by_first = dict(zip(firsts, values, strict=True))
    distinct = set(by_first.values())
    if len(distinct) == 1:
        return repeat(distinct.pop())
    return map(by_first.__getitem__, shape_of)


def _piece_counts(
    pieces: list[_Piece],
    is_counted: Callable[[_Piece], bool],
    firsts: list[int],
    latin: list[bool] | None,
    zeros: Iterable[int],
) -> Iterable[int]:
    """How many of each text's pieces are counted (see _word_columns).

    ``zeros`` when none is; texts not ``latin`` count none (as in measure()).
    """
    flags = bytes(map(is_counted, pieces))  # True is the byte 1, False 0
    counted = flags.count(b"\x01")
    if not counted:
        return zeros
    column: Iterable[int]
    if counted * _SPARSE <= len(firsts):
        # Few pieces count (a function word now and then among made-up words): each is
        # added to its row, found by bisection (row i holds pieces firsts[i] up to
        # firsts[i + 1], so the last first at or before a piece is its row's, even past
        # rows without pieces), instead of counting every row.
        column = [0] * (len(firsts) - 1)
        at = flags.find(b"\x01")
        while at >= 0:
            column[bisect_right(firsts, at) - 1] += 1
            at = flags.find(b"\x01", at + 1)
    else:
        column = map(flags.count, repeat(b"\x01"), firsts, firsts[1:])
    if latin is not None:
        column = map(mul, column, latin)  # times False: no word counts, as in measure()
    return column


class _SharedFeatures(dict[tuple[int | bool, ...], BlockFeatures]):
    """BlockFeatures by their values, each made once, when first asked for."""

    __slots__ = ()

    def __missing__(self, values: tuple[int | bool, ...]) -> BlockFeatures:
        made = self[values] = (
            values if type(values) is BlockFeatures else _tuple_new(BlockFeatures, values)
        )
        return made


_first_char = cast(Callable[[str], str], itemgetter(0))
_match_start = cast(Callable[[re.Match[str]], int], re.Match.start)
_bytes_match_start = cast(Callable[[re.Match[bytes]], int], re.Match.start)


class _RowFinder:
    """Finds the rows of a page (its texts) that hold a marker, in the page's bytes.

    The offsets of the rows' ends are only worked out when a marker is found (most
    markers are missing from most pages).
    """

    __slots__ = ("_ends", "_rows")

    def __init__(self, rows: list[bytes]) -> None:
        self._rows = rows
        self._ends: list[int] | None = None

    def add_holding(self, marker: bytes, joined: bytes, found: set[int]) -> None:
        """Add to ``found`` each row ``i`` of ``joined`` that holds ``marker``.

        ``joined`` is the page's UTF-8 bytes or their classes (the rows, each followed by
        a line feed, have the same offsets in both). After a hit the search goes on from
        the next row, so the loop runs once per row found.
        """
        at = joined.find(marker)
        if at < 0:
            return
        ends = self._ends
        if ends is None:  # ends[i]: the offset just past row i's line feed
            ends = self._ends = list(accumulate(map(add, map(len, self._rows), repeat(1))))
        while at >= 0:
            row = bisect_right(ends, at)
            found.add(row)
            at = joined.find(marker, ends[row])


_text_of = cast(Callable[[Block], str], attrgetter("text"))


def _with_repeats(f: BlockFeatures, repeats: int) -> BlockFeatures:
    """``f`` with another ``repeats`` (cheaper than ``f._replace(repeats=...)``)."""
    return _tuple_new(BlockFeatures, (*f[:_REPEATS], repeats, *f[_REPEATS + 1 :]))


_REPEATS = BlockFeatures._fields.index("repeats")
