"""Text vocabulary of teaser entries: times, source lines, counters, list headings, keys.

Shared by :mod:`newsclean.filters.teasers` and :mod:`newsclean.filters.near_duplicate`.
Every pattern is matched against one block at a time, is anchored (``fullmatch``) and
uses bounded repeats only, so matching cost is linear in the length of the block and
blocks longer than :data:`MAX_LINE` are never matched at all.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import Literal, NamedTuple

import regex
from rapidfuzz.utils import default_process

from newsclean._patterns import RELATED_HEADING_OTHER_LANGUAGES

# Blocks longer than this are never a time, source, counter or heading line.
MAX_LINE = 160

# -- pieces of a time stamp ---------------------------------------------------------

# "19:25", "19:25:39", "7:05 pm"; full-width colons too.
_CLOCK = r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?:\s?[ap]\.?m\.?)?"
# English month names and abbreviations ("Dec", "Dec.", "December", "Sept").
_MONTH_EN = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# An optional clock time after a date ("2024-12-24 10:00", "Dec 24, 2024 at 7:05 pm").
_AND_CLOCK = rf"(?:[T\s,]{{1,3}}(?:at\s)?{_CLOCK})?"
_UNITS_ZH = r"(?:秒|分钟|分鐘|小时|小時|天|日|周|週|星期|个月|個月|月|年)"
_UNITS_EN = (
    r"(?:s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?"
    r"|mo|months?|y|yrs?|years?)"
)
# Time stamps that start with a digit: 2024-12-24, 2024年12月24日 10:00, 24 December
# 2024, 12-24 19:25:39, 12月24日 10:00, 3小时前, 3 hours ago, 19:25. Starting with a digit
# lets the scanner skip every other position cheaply.
_TIME_DIGIT = (
    rf"(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}{_AND_CLOCK}"
    rf"|\d{{4}}\s?年\s?\d{{1,2}}\s?月\s?\d{{1,2}}\s?[日号]{_AND_CLOCK}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH_EN},?\s\d{{4}}{_AND_CLOCK}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}}{_AND_CLOCK}"
    rf"|\d{{1,2}}[-/]\d{{1,2}}\s{{1,2}}{_CLOCK}"
    rf"|\d{{1,2}}\s?月\s?\d{{1,2}}\s?[日号]\s{{0,2}}{_CLOCK}"
    rf"|\d{{1,3}}\s?{_UNITS_ZH}前|\d{{1,3}}\s?{_UNITS_EN}\sago"
    rf"|(?<=(?i:{_MONTH_EN})\s)\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}{_AND_CLOCK}"
    rf"|{_CLOCK})"
)
# Time stamps that start with a word: Dec 24, 2024; 昨天 10:20; yesterday 10:20.
_TIME_WORD = (
    rf"(?:{_MONTH_EN}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}{_AND_CLOCK}"
    rf"|(?:今天|昨天|前天|今日|昨日|yesterday|today)\s{{0,2}}{_CLOCK})"
)
# Relative times without digits: 刚刚, just now, an hour ago, yesterday.
_TIME_BARE = (
    r"(?:刚刚|剛剛|半小时前|半小時前|just\snow|(?:an?|one)\s(?:minute|hour|day|week|month|year)"
    r"\sago|yesterday|昨天|前天)"
)

# -- the parts of a line around its time stamp --------------------------------------

# Separators between the fields of an entry ("新华网 | 12-24", "BBC · 3 hours ago").
_SEP = r"\s{0,3}[|｜·•/—–-]?\s{0,3}"
# A label before a time ("发布时间：", "Updated").
_TIME_LABEL = (
    r"(?:(?:发布|發佈|更新|发行|發行|发表|發表|成文)?(?:时间|時間|日期)|published|updated|posted)"
    r"\s?[:：]?\s{0,2}"
)
# A source name: short, no digits, no sentence punctuation.
_SOURCE = r"[^\s\d|｜·•。，,.!?！？:：()（）\[\]【】][^\d|｜·•。，,!?！？:：()（）\[\]【】]{0,23}"
_SOURCE_LABEL = r"(?:来源|來源|source|by)\s?[:：]?\s{0,2}"
# "6390 跟贴 6390", "阅读(1660)", "12 comments", "Views: 300". (_LAST_CHARS holds the
# last character of every counter word.)
COUNTER = (
    r"(?:\d{1,9}\s?(?:跟贴|跟帖|评论|評論|阅读|閱讀|浏览|瀏覽|点赞|點讚|收藏|转发|轉發|回复|回覆"
    r"|comments?|views?|shares?|likes?|replies|reads)(?:\s?\d{1,9})?"
    r"|(?:跟贴|跟帖|评论|評論|阅读|閱讀|浏览|瀏覽|点击|點擊|comments?|views?|reads)\s?[(（:：]?\s?\d{1,9}[)）]?)"
)
_FLAGS = regex.IGNORECASE
_DIGIT = regex.compile(r"\d")
# The leftmost time stamp of a line.
# The guard (a digit run followed by a character a stamp can go on with) rejects most
# digit runs ("item 000123") before the alternatives are tried.
_FIND_DIGIT_TIME = regex.compile(
    rf"(?<!\d)(?=\d{{1,4}}[-/.年:：\s月A-Za-z,秒分小天日周週星个個]){_TIME_DIGIT}(?!\d)", _FLAGS
)
# The word that starts a stamp found from its digits: "Dec 24, 2024", "昨天 10:20".
_WORD_BEFORE = regex.compile(
    rf"(?<![^\W\d_])(?:{_MONTH_EN}|今天|昨天|前天|今日|昨日|yesterday|today)\s{{0,2}}", _FLAGS
)
# What may stand before a lone time stamp, and after any time stamp.
_BEFORE_TIME = regex.compile(rf"(?:{_TIME_LABEL})?[(（\[【]?", _FLAGS)
_AFTER_TIME = regex.compile(rf"[)）\]】]?(?:{_SEP}{COUNTER}){{0,2}}", _FLAGS)
# "新华网 ", "来源：新华网 | ", "BBC News · " before a time stamp.
_SOURCE_BEFORE = regex.compile(
    rf"(?:{_SOURCE_LABEL})?(?P<src>{_SOURCE})\s{{0,3}}[|｜·•/—–-]?\s{{0,3}}(?:{_TIME_LABEL})?"
    r"[(（\[]?",
    _FLAGS,
)
# " 来源: 新华网", " | Reuters" after a time stamp.
_SOURCE_AFTER = regex.compile(
    rf"[)）\]]?{_SEP}(?P<lab>{_SOURCE_LABEL})?(?P<src>{_SOURCE})(?:{_SEP}{COUNTER}){{0,2}}",
    _FLAGS,
)
_COUNTER_LINE = regex.compile(rf"{COUNTER}(?:{_SEP}{COUNTER}){{0,3}}", _FLAGS)
# A date at the end of a line ("标题 (12-24)", "Title 2024-12-24", "标题 3小时前").
_DATE_AT_END = regex.compile(
    rf"(?<![\dA-Za-z])(?P<time>{_TIME_DIGIT}|\d{{2}}[-/]\d{{2}}|\d{{1,2}}月\d{{1,2}}日)[)）\]】]?$",
    _FLAGS,
)
_CLOCK_ONLY = regex.compile(_CLOCK, _FLAGS)
# Headings that open a list of related stories (simplified, traditional, English).
_HEADING = regex.compile(
    r"[【\[<《]?\s?(?:"
    r"相[关關](?:新[闻聞]|[阅閱][读讀]|文章|内容|推[荐薦]|[报報][导導]|[链鏈]接|[资資][讯訊]|专题|專題|稿件)"
    r"|(?:推[荐薦]|精彩|编辑|編輯|热点|熱點|热门|熱門|最新|今日|更多)(?:[阅閱][读讀]|文章|新[闻聞]|推[荐薦]"
    r"|[资資][讯訊]|[报報][导導]|排行)"
    r"|延伸[阅閱][读讀]|猜你喜[欢歡]|[为為]您推[荐薦]|[为為]你推[荐薦]"
    r"|(?:[阅閱][读讀]|点击|點擊|评论|評論|热门|熱門)排行榜?|热点|熱點|热搜|熱搜"
    r"|related(?:\s(?:articles?|stories|news|posts|content|coverage|links|reading|topics))?"
    r"|more\s(?:stories|news|articles|headlines|from\s[\w ]{1,30}|on\sthis\s(?:story|topic))"
    r"|you\s(?:may|might)\s(?:also\s)?like|recommended(?:\sfor\syou|\sstories|\sarticles|\sreading)?"
    r"|most\s(?:read|popular|viewed|shared|emailed)|(?:top|latest|trending)\s(?:stories|news|headlines)"
    r"|read\s(?:more|next)|editor'?s\spicks?|what\sto\sread\snext|also\sread|see\salso"
    # The same headings in other languages (matched ignoring case, as all of these).
    r"|" + RELATED_HEADING_OTHER_LANGUAGES + r")\s?[】\]>》]?\s?[:：>»]{0,3}",
    _FLAGS,
)
# A line without digits that matters: a heading, a lone separator, a bare relative time.
_NO_DIGIT_LINE = regex.compile(
    rf"(?P<heading>{_HEADING.pattern})|(?P<separator>[|｜·•/—–\->»]{{1,3}})"
    rf"|(?:{_TIME_LABEL})?(?P<bare>{_TIME_BARE})",
    _FLAGS,
)


@functools.lru_cache(maxsize=4096)
def _may_open_no_digit_line(head: str) -> bool:
    """Whether a line that opens with ``head`` (two characters) may match _NO_DIGIT_LINE.

    A partial match says whether some line opening with ``head`` can match, so this
    never rules out a line that does. Lines share a few hundred openings, so the answer
    is kept per opening (it depends on nothing else).
    """
    return _NO_DIGIT_LINE.fullmatch(head, partial=True) is not None


# A bullet or number at the start of an entry ("1. ", "• ", "· ", "[1]").
BULLET = regex.compile(r"[•·●○■□◆◇▪▫►▶※*\-–—]\s?|\d{1,2}[.、．)）]\s?|\[\d{1,2}\]\s?")
# A byline ("By Jane Doe", "记者 张三"): an article's, never a teaser title.
BYLINE = regex.compile(
    r"(?:by|written\sby|posted\sby|reporting\sby|作者|记者|記者|文|编辑|編輯|责任编辑|責任編輯)"
    r"(?:\s|[:：])",
    _FLAGS,
)
# Truncation marks at the end of a snippet: "…", "……", "...", "..", "。。。".
TRUNCATED_END = ("…", "...", "..", "。。。", "⋯")
# The last characters of the truncation marks (a cheap test before endswith()).
TRUNCATED_LAST = frozenset(mark[-1] for mark in TRUNCATED_END)
_INLINE_TRIM = " \t-–—|｜·:：([（【"

Kind = Literal["time", "meta", "counter", "heading", "inline", "text"]


class LineShape(NamedTuple):
    """What one block looks like as part of a teaser entry.

    :func:`line_shape` gives every plain-text line the one :data:`TEXT` value, so
    ``shape is TEXT`` tells plain text from the rest.

    Attributes:
        kind: ``"time"`` (only a time stamp), ``"meta"`` (a source and a time stamp),
            ``"counter"`` (counters or a lone separator), ``"heading"`` (a related-list
            heading), ``"inline"`` (a title ending with a date) or ``"text"``.
        time: the time stamp as printed, for ``time``, ``meta`` and ``inline``.
        source: the source name for ``meta`` lines, when there is one.
        title: the title part of an ``inline`` entry.
    """

    kind: Kind
    time: str = ""
    source: str = ""
    title: str = ""


TEXT = LineShape("text")
_COUNTER = LineShape("counter")
_HEADING_SHAPE = LineShape("heading")


def line_shape(text: str, digits: int | None = None) -> LineShape:
    """Classify one block for teaser detection.

    ``digits`` is the number of digits of ``text`` when the caller knows it already
    (see :attr:`newsclean._features.BlockFeatures.digits`); only its being zero matters.

    >>> line_shape("新华网 12-24 19:25:39")
    LineShape(kind='meta', time='12-24 19:25:39', source='新华网', title='')
    >>> line_shape("3 hours ago").kind, line_shape("相关新闻").kind
    ('time', 'heading')
    >>> line_shape("The storm arrived at dawn.").kind
    'text'
    """
    if digits is None:
        digits = 0 if _DIGIT.search(text) is None else 1
    if surely_text(text, digits):
        return TEXT  # most lines of prose: no need for the patterns below
    return unsure_line_shape(text, digits)


def unsure_line_shape(text: str, digits: int) -> LineShape:
    """:func:`line_shape` of a text that :func:`surely_text` could not call plain text."""
    size = len(text)
    if not digits:
        if not _may_open_no_digit_line(text[:2]):
            return TEXT  # most short lines open unlike any such line: no pattern needed
        m = _NO_DIGIT_LINE.fullmatch(text)
        if m is None:
            return TEXT
        kind = m.lastgroup
        if kind == "heading":
            return _HEADING_SHAPE
        if kind == "separator":
            return _COUNTER
        return LineShape("time", time=m.group("bare"))
    found = _find_time(text)
    if found is None:
        if _COUNTER_LINE.fullmatch(text) is not None:
            return _COUNTER
        return _inline(text)
    start, end = found
    stamp = text[start:end]
    before, after = text[:start], text[end:]
    if _AFTER_TIME.fullmatch(after) is not None:
        if _BEFORE_TIME.fullmatch(before) is not None:
            return LineShape("time", time=stamp)
        if start <= 40 and (m := _SOURCE_BEFORE.fullmatch(before)) is not None:
            return LineShape("meta", time=stamp, source=m.group("src").strip())
    elif _BEFORE_TIME.fullmatch(before) is not None and size - end <= 40:
        m = _SOURCE_AFTER.fullmatch(after)
        if m is not None:
            source = m.group("src").strip()
            if m.group("lab") or _short_source(source):
                return LineShape("meta", time=stamp, source=source)
            # "2014年1月25日 台北站 台北国际会议中心": a dated row, not a source line.
            return TEXT
    return _inline(text)


# -- a cheap test in front of the patterns for lines with digits ----------------------
#
# Every shape but text that line_shape gives a line with digits needs one of two things:
# a time stamp that opens the line, after at most a label and a bracket (_BEFORE_TIME),
# or a line that ends with a stamp, a counter or a closing bracket (_AFTER_TIME, which
# source lines with the stamp after the name need too, _COUNTER_LINE, _DATE_AT_END).
# So a line that neither opens nor ends that way is text, and most lines of prose are
# told apart by their first and last characters alone, without the patterns.
# tests/test_teaser_text.py checks this against the patterns on made-up lines.

# Characters no pattern can match where a line starts or ends, apart from those listed
# in _FIRST_CHARS and _LAST_CHARS: CJK ideographs and full-width punctuation. Other
# characters outside ASCII may be digits or spaces of another script, or case variants
# of ASCII letters ("ſ" matches "s"), so they are never taken as plain.
_PLAIN_MARKS = frozenset("。，！？、；：“”‘’「」『』《》…—")
# First characters of a line that opens with its time stamp: digits, brackets, labels
# (发布时间, 日期), day words (今天, 昨天, 前天).
_FIRST_CHARS = frozenset("0123456789(（[【发發更成时時日今昨前")
# The first three letters of English words that can open such a line (months, day
# words, labels); case is ignored like in the patterns.
_FIRST_WORDS = frozenset(
    {
        *("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        *("yes", "tod", "pub", "upd", "pos"),
    }
)
# Last characters of a line that ends with a stamp (a digit, 前, 日, 号, "ago", "pm";
# "p.m." is tested apart), a closing bracket, or a counter (a digit, or the last
# character of a counter word).
_LAST_CHARS = frozenset("0123456789前日号)）]】oOmM贴帖论論读讀览覽赞讚藏发發复覆sStTwWeE")
# (A set look-up is cheaper than str.isascii() and str.isalpha() together.)
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def surely_text(text: str, digits: int) -> bool:
    """Whether :func:`line_shape` gives ``text`` the :data:`TEXT` shape by cheap tests alone.

    ``digits`` is the number of digits of ``text`` (only its being zero matters). The
    tests look at the length, the first three and the last two characters only, so a
    caller with many lines runs the patterns (:func:`unsure_line_shape`) on the few
    lines this leaves. False means "maybe another shape", never "surely another".

    >>> surely_text("The storm arrived at dawn, and thousands of homes lost power.", 0)
    True
    >>> surely_text("3 hours ago", 1), surely_text("相关新闻", 0)
    (False, False)
    """
    size = len(text)
    if size > MAX_LINE or not size:
        return True
    first = text[0]
    if not digits:
        # Every shape of a line without digits is short, and opens with two characters
        # that some line of that shape opens with.
        return size > 40 or not _may_open_no_digit_line(text[:2])
    # A line with digits must open or end like an entry (see the notes above). These
    # tests run on every line of a page, so they are written out, cheapest first.
    last = text[-1]
    if last in _LAST_CHARS or first in _FIRST_CHARS:
        return False
    if last == ".":  # "p.m."
        if size > 1 and (text[-2] in "mM" or not text[-2].isascii()):
            return False
    elif not (last.isascii() or "\u4e00" <= last <= "\u9fff" or last in _PLAIN_MARKS):
        return False
    if first in _ASCII_LETTERS:
        head = text[:3]
        return size >= 3 and head.isascii() and head.lower() not in _FIRST_WORDS
    return first.isascii() or "\u4e00" <= first <= "\u9fff" or first in _PLAIN_MARKS


def _find_time(text: str) -> tuple[int, int] | None:
    """Span of the leftmost time stamp of ``text`` (which holds a digit), if any."""
    m = _FIND_DIGIT_TIME.search(text)
    if m is None:
        return None
    start, end = m.span()
    return _word_start(text, start), end


def _word_start(text: str, start: int) -> int:
    """Move ``start`` back over a month name or a day word just before it."""
    if start == 0 or not (text[start - 1].isspace() or text[start - 1] in "天日"):
        return start
    w = _WORD_BEFORE.search(text, max(0, start - 12), start)
    while w is not None and w.end() != start:
        w = _WORD_BEFORE.search(text, w.start() + 1, start)
    return start if w is None else w.start()


def is_clock(stamp: str) -> bool:
    """Whether a time stamp is only a clock time ("22:39"): a length or a verse as often."""
    return _CLOCK_ONLY.fullmatch(stamp) is not None


def has_time(text: str) -> bool:
    """Whether ``text`` holds a time stamp anywhere.

    >>> has_time("Article Launched: 01/15/2008 09:09:26 PM PST"), has_time("No time here")
    (True, False)
    """
    return _DIGIT.search(text) is not None and _find_time(text) is not None


_ASCII_DIGITS = "0123456789"


def _inline(text: str) -> LineShape:
    """A title that ends with its date ("某某标题 (12-24)"), or plain text."""
    size = len(text)
    last = text[-1]
    if size > 110 or not (last.isdigit() or last in ")）]】前" or text.endswith("ago")):
        return TEXT
    if last in _ASCII_DIGITS and not _may_end_with_stamp(text):
        return TEXT  # exact: _DATE_AT_END could not match (and costs far more)
    m = _DATE_AT_END.search(text, max(0, size - 40))
    if m is None:
        return TEXT
    stamp = m.group("time")
    if _CLOCK_ONLY.fullmatch(stamp) is not None:
        # A clock time alone ("(4:08)") is a video length as often as a time.
        return TEXT
    start = _word_start(text, m.start())
    title = BULLET.sub("", text[:start], count=1).strip(_INLINE_TRIM)
    if len(title) >= 4:
        return LineShape("inline", time=text[start : m.start()] + stamp, title=title)
    return TEXT


def _may_end_with_stamp(text: str) -> bool:
    """Whether ``text``, which ends with an ASCII digit, can end with a time stamp.

    A cheap test before :data:`_DATE_AT_END` (a search that costs microseconds). Every
    stamp that ends with a digit ends with one or two digits after ``-/.:：`` (a date,
    a clock time) or with four digits after a space or ``/`` (a year).

    >>> _may_end_with_stamp("Storm closes schools 12-24"), _may_end_with_stamp("Top 10")
    (True, False)
    """
    head = text.rstrip(_ASCII_DIGITS)
    if not head or not head[-1].isascii():
        return True  # a digit or a space of another script may belong to the stamp
    run, before = len(text) - len(head), head[-1]
    return (run <= 2 and before in "-/.:") or (run == 4 and (before.isspace() or before == "/"))


def _short_source(source: str) -> bool:
    """Whether an unlabelled name after a time stamp is short enough to be a source."""
    if source.isascii():
        return source.count(" ") <= 2 and len(source) <= 24
    return " " not in source and len(source) <= 10


def is_truncated(text: str) -> bool:
    """Whether ``text`` ends with a truncation mark (``…``, ``...``, ``..``)."""
    # The last character first: one set look-up rules out nearly every line, and is
    # cheaper than endswith() over a tuple of marks.
    return text[-1:] in TRUNCATED_LAST and text.endswith(TRUNCATED_END)


# -- normalised keys for near-duplicate matching ---------------------------------------

# Numbers differ between copies of one text: dates, clock times, counters ("阅读 123").
# They are dropped from keys; what is left of a stamp ("-", ":", "年月日") is the same in
# every copy.
_VARIABLE = regex.compile(r"\d+")
# Joins the texts of a page in normalise_all: a CJK ideograph (the last of Extension A,
# practically never used) that every step of normalise keeps as it is, so the key of the
# joined texts splits back into one key per text.
_SEPARATOR = "\u4dbf"


def normalise(text: str) -> str:
    """Return the comparison key of ``text``.

    The key ignores what varies between copies of one text: numbers (times, dates,
    counters), truncation marks and other punctuation, white space, full-width and
    half-width forms (NFKC) and case.

    >>> normalise("Ｈello, World… 3 hours ago") == normalise("hello world... 5 hours ago")
    True
    >>> normalise("新华网 12-24 19:25:39 阅读 123")
    '新华网阅读'
    """
    folded = _VARIABLE.sub(" ", _nfkc(text))
    return default_process(folded).replace(" ", "")


# NFKC is slow (about 80 ns a character) and Chinese pages are never in NFKC form: every
# full-width comma changes. Most characters of such a page are *stable*: NFKC leaves them
# alone and never joins them with a neighbour (canonical combining class 0, NFKC quick
# check "yes", second half of no composition). A text can be normalised piece by piece,
# cut just before any stable character, so only the runs of other characters (each with
# the stable character before it, which a combining mark may join) are passed to
# unicodedata. tests/test_fast_paths.py checks every character of this set.
# ASCII, CJK ideographs (and extension A), then 、。“”‘’《》「」『』【】—·•©.
_NFKC_STABLE = (
    r"\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff"
    r"\u3001\u3002\u201c\u201d\u2018\u2019\u300a-\u3011\u2014\u00b7\u2022\u00a9"
)
_NFKC_UNSTABLE_RUN = re.compile(f"[^{_NFKC_STABLE}]+")
# The commonest full-width forms on Chinese pages. NFKC turns each of U+FF01-U+FF5E into
# the ASCII character 0xFEE0 below it, and only that (a replacement NFKC would make anyway:
# the result is the same whether it is done first or inside NFKC), so they are replaced
# with str.replace, which is far faster than a run of its own each.
_FULL_WIDTH_COMMON = tuple((c, chr(ord(c) - 0xFEE0)) for c in "，：（）？！；％＂－｜．／～")


def _nfkc(text: str) -> str:
    """NFKC form of ``text`` (full-width letters and digits become half-width).

    >>> _nfkc("Ａ，ｂ：中文（１２）") == unicodedata.normalize("NFKC", "Ａ，ｂ：中文（１２）")
    True
    """
    if unicodedata.is_normalized("NFKC", text):
        return text
    for wide, narrow in _FULL_WIDTH_COMMON:
        if wide in text:
            text = text.replace(wide, narrow)
    pieces: list[str] = []
    done = 0
    normalize = unicodedata.normalize
    for m in _NFKC_UNSTABLE_RUN.finditer(text):
        start, end = m.span()
        if start > done:  # the stable character before the run may join it
            start -= 1
        pieces.append(text[done:start])
        pieces.append(normalize("NFKC", text[start:end]))
        done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _key_of_processed(processed: str) -> str:
    """The key left of ``processed`` (what default_process gave): no digits, no spaces.

    :func:`normalise` turns each run of digits into a space before default_process and
    then drops every space. default_process maps each character on its own and never
    makes a digit, so deleting the digits after it gives the same key, and the spaces
    go in the same pass. ASCII digits (nearly all digits of a page) and spaces are
    deleted from the UTF-8 bytes at C speed (a byte below 0x80 is always a whole
    character in UTF-8; "surrogatepass" lets lone surrogates through both ways); other
    digits, which default_process may have kept, go through _VARIABLE.

    >>> _key_of_processed("第12期 ١٢ 3a")
    '第期a'
    """
    text = (
        processed.encode("utf-8", "surrogatepass")
        .translate(None, b"0123456789 ")
        .decode("utf-8", "surrogatepass")
    )
    return text if text.isascii() else _VARIABLE.sub("", text)


def normalise_all(texts: Sequence[str]) -> list[str]:
    """Return :func:`normalise` of every text, folding the joined texts in one pass.

    >>> normalise_all(["Ａ b…", "c d 12:30"])
    ['ab', 'cd']
    """
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:  # a text holds the separator itself
        return [normalise(t) for t in texts]
    # default_process maps each character on its own (and only trims the ends, where
    # the spaces go anyway), so one call over the joined texts does the work of many.
    keys = _key_of_processed(default_process(_nfkc(joined)))
    parts = keys.split(_SEPARATOR)
    if len(parts) != len(texts):  # NFKC made a separator: be safe
        return [normalise(t) for t in texts]
    return parts
