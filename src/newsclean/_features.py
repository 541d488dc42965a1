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
from typing import NamedTuple

from newsclean._model import Block

# One Han (CJK ideograph) character; Kana and Hangul count as "other letters".
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_DIGIT = re.compile(r"\d")
# Chinese function characters and particles, frequent in prose and rare in menus.
_ZH_FUNCTION = re.compile(r"[的了是在和与也就都而及其这那之以为所被把对于将从但并还已要会着过们]")
# A date or a clock time, digits first: 2024-05-01, 2024/5/1, 5月1日, 2024年5月, 12:30.
_DATE = re.compile(r"\d(?:[年月:/]|\d\d\d[-.])\d")
# Markers of links, share bars and footers (tested with `in`, which is cheaper than a regex).
_LINK_MARKS = ("://", "www.", "@", "©", ".com")
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
    full_stop = last in _FULL_STOPS if last else False
    digits = len(_DIGIT.findall(text))
    if text.isascii():
        # Most blocks of Western pages: skip the full-width marks and the Han scan.
        return BlockFeatures(
            len(text),
            0,
            len(pieces),
            digits,
            sum(map(_EN_FUNCTION.__contains__, text.lower().split())),
            sum(map(str.istitle, pieces)),
            sum(map(str.islower, pieces)),
            count(". ") + count("! ") + count("? ") + full_stop,
            count(",") + count(";"),
            bool(last) and last in _TERMINAL,
            count("|") + count(" > ") + count(" / "),
            text[:1] in _BULLET_START,
            digits > 1 and _DATE.search(text) is not None,
            "://" in text or "www." in text or "@" in text or ".com" in text,
            repeats,
            _is_comment_head(text),
            _NUMBERED.match(text) is not None,
        )
    han = len(_HAN.findall(text))
    latin = han * 2 < len(text)
    function = len(_ZH_FUNCTION.findall(text)) if han else 0
    if latin:
        function += sum(map(_EN_FUNCTION.__contains__, text.lower().split()))
    return BlockFeatures(
        len(text),
        han,
        len(pieces),
        digits,
        function,
        sum(map(str.istitle, pieces)) if latin else 0,
        sum(map(str.islower, pieces)) if latin else 0,
        count("。")
        + count("！")
        + count("？")
        + count(". ")
        + count("! ")
        + count("? ")
        + full_stop,
        count("，") + count("、") + count(",") + count("；") + count(";"),
        bool(last) and last in _TERMINAL,
        count("|")
        + count("｜")
        + count(" > ")
        + count("»")
        + count("›")
        + count(" / ")
        + count("·"),
        text[:1] in _BULLET_START,
        digits > 1 and _DATE.search(text) is not None,
        any(map(text.__contains__, _LINK_MARKS)),
        repeats,
        _is_comment_head(text),
        _NUMBERED.match(text) is not None,
    )


def compute_features(blocks: tuple[Block, ...]) -> tuple[BlockFeatures, ...]:
    """Measure every block of a page once (``result[i]`` describes ``blocks[i]``).

    >>> from newsclean._segment import text_blocks
    >>> feats = compute_features(text_blocks("Home\\nA long sentence of the story.\\nHome"))
    >>> [f.repeats for f in feats]
    [2, 1, 2]
    """
    counts: dict[str, int] = {}
    for block in blocks:
        counts[block.text] = counts.get(block.text, 0) + 1
    # Identical lines (repeated menus, "Share", "Reply") share one measurement.
    seen: dict[str, BlockFeatures] = {}
    out: list[BlockFeatures] = []
    for block in blocks:
        text = block.text
        f = seen.get(text)
        if f is None:
            f = seen[text] = measure(text, counts[text])
        out.append(f)
    return tuple(out)
