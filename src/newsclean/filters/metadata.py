"""Article metadata lines: 来源：…, 作者：…, 责任编辑：…, 原标题：…, 发布时间：…, 阅读：123."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from newsclean._model import Document, Drop

_LABEL = "metadata"

# Field names that on their own mark a line as article metadata (simplified and
# traditional forms): where the story comes from, who wrote or edited it, its original
# headline, when it was published, how often it was read, and the font-size switch.
_STRONG = (
    r"(?:本文|文章|信息|新闻|新聞|图片|圖片|资料|資料|稿件)?(?:来源|來源)|稿源|作者|"
    r"(?:责任|責任)?(?:编辑|編輯)|原(?:标题|標題)|"
    r"(?:发布|發佈|發布|发表|發表|更新)(?:时间|時間|日期)?|"
    r"(?:阅读|閱讀|浏览|瀏覽|点击|點擊)(?:量|数|數|次数|次數)?|字号|字號"
)
# Field names too common in article text to mark a line alone ("时间：周六上午" in an
# event notice): they count only on a line that also holds a strong field.
_WEAK = r"时间|時間|日期|出自|来自|來自"
# One field name and its colon (字号 needs none: "【字号 大 中 小】").
_FIELD_RX = re.compile(rf"(?P<strong>{_STRONG})\s?[:：]|(?P<weak>{_WEAK})\s?[:：]|字[号號]")
# Characters that carry no content in a field value: digits (dates, times, counts),
# date/time units, brackets, separators, size switches ("A- A A+", "大 中 小").
_FILLER_RX = re.compile(r"[\d\s\W_年月日时時分秒号號]+|\b(?:AM|PM|am|pm)\b|(?<![\w])[大中小AaＡ]\b")
# Sentence marks: a value holding one is prose ("来源：…的作品，均转载自其它媒体。").
_SENTENCE_MARKS = frozenset("。；;！!")
# Characters a line must hold one of to be a metadata line at all (a quick gate).
_TRIGGER_RX = re.compile(r"[来來源稿作编編标標发發更阅閱浏瀏点點字]")
# Longest line checked; the longest field values allowed (原标题 quotes a headline).
_MAX_CHARS = 200
_MAX_VALUE = 30
_MAX_TITLE_VALUE = 120
# Content allowed around 字号 ("小字号", "字号：大 中 小"), so that 老字号 in prose is no
# field, and after a read count ("阅读：1644"), so that "延伸阅读：<a headline>" is none.
_MAX_SIZE_VALUE = 2
# First characters of the read and click count field names.
_COUNT_FIRST = frozenset("阅閱浏瀏点點")
# Longest text (after dates and separators are removed) allowed before the first field:
# a site name ("报纸网 | 发布：…").
_MAX_PREFIX = 10


@dataclass(frozen=True, slots=True)
class MetadataFilter:
    """Drop article metadata lines (label ``metadata``).

    A metadata line is made only of fields such as ``来源：新华网``, ``本文来源：新京报``,
    ``作者：张三``, ``责任编辑：李四``, ``【编辑:刘欢】``, ``原标题：…``,
    ``发布时间：2024-05-01 10:00``, ``阅读：1644``, ``字号：大 中 小`` (simplified or
    traditional), perhaps with a date or time and a short site name before them. Each
    field's value must be short (a name, a site, a date) and hold no sentence mark, except
    an original headline, which may be as long as a headline. Weak field names such as
    ``时间：`` or ``来自：`` count only beside a strong one. A sentence that mentions a
    source ("女民警被电信停机（来源：梨视频）" starts with prose) or a long statement that
    quotes ``来源：`` is kept.

    These lines are what the labelled Chinese dev pages leave out of their gold text.
    Reporter bylines (``本报记者 张三``) are not judged: the gold keeps some and drops
    others.

    Evidence: ``fields`` (how many field names the line holds).

    Known false positive: a line of an article that is only such a field as a fact, like
    ``作者：鲁迅`` in a book review, is dropped.

    >>> from newsclean.testing import run_filter
    >>> run_filter(MetadataFilter(), [
    ...     "2022-02-13 07:00:00 来源：央广网",
    ...     "国家知识产权局23日举行新闻发布会，介绍相关情况。",
    ...     "（ 责任编辑：魏喆 ）",
    ...     "时间：周六上午 地点：市民广场",
    ... ]).labels()
    {0: 'metadata', 2: 'metadata'}
    """

    judges_blocks_alone: ClassVar[bool] = True
    """Each verdict depends on the block's own text only (see :class:`~newsclean.Filter`)."""

    max_chars: int = _MAX_CHARS
    """Longest line that may be a metadata line."""

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield a drop for each kept block that is a metadata line."""
        trigger = _TRIGGER_RX.search
        max_chars = self.max_chars
        features = doc.features
        # A plain loop over the kept blocks: this step comes late, when few are left, and
        # a search of the whole page for a field name would cost more than it saves.
        for block in doc.kept():
            f = features[block.index]
            if not f.han or f.chars > max_chars:
                continue
            text = block.text
            # Every field but the font-size switch has a colon (most paragraphs have none).
            if "：" not in text and ":" not in text and "字" not in text:
                continue
            if trigger(text) is None:
                continue
            fields = metadata_fields(text)
            if fields:
                yield Drop(
                    block.index, _LABEL, f"metadata line with {fields} field(s)", {"fields": fields}
                )


def metadata_fields(text: str) -> int:
    """How many metadata fields ``text`` is made of, or 0 when it is not a metadata line.

    >>> metadata_fields("本文来源：新京报 责任编辑：杜硕_NB12556")
    2
    >>> metadata_fields("据了解，课文原标题为《宇航员之死》，作者：佚名。")
    0
    """
    matches = list(_FIELD_RX.finditer(text))
    if not any(m.group("weak") is None for m in matches):
        return 0
    if _content(text[: matches[0].start()]) > _MAX_PREFIX:
        return 0
    for m, following in zip(matches, [*matches[1:], None], strict=True):
        name = m.group(0)
        value = text[m.end() : following.start() if following else len(text)]
        if name.startswith("原"):  # an original headline: as long as a headline may be
            if len(value) > _MAX_TITLE_VALUE:
                return 0
        elif name.startswith("字"):  # the font-size switch: only sizes may follow it
            if _content(value) > _MAX_SIZE_VALUE or _content(text[: m.start()]) > _MAX_SIZE_VALUE:
                return 0
        elif name[0] in _COUNT_FIRST:  # a read or click count: a number follows it
            if _content(value) > _MAX_SIZE_VALUE:
                return 0
        elif _content(value) > _MAX_VALUE or not _SENTENCE_MARKS.isdisjoint(value):
            return 0
    return len(matches)


def _content(text: str) -> int:
    """Characters of ``text`` left once dates, times, counts and separators are removed."""
    return len(_FILLER_RX.sub("", text))
