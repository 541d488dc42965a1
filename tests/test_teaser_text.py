"""Tests of the teaser text vocabulary: the cheap tests in front of its slow patterns."""

from __future__ import annotations

import random

import pytest

from newsclean._teaser_text import (
    _AFTER_TIME,
    _BEFORE_TIME,
    _COUNTER_LINE,
    _DATE_AT_END,
    _DIGIT,
    MAX_LINE,
    TEXT,
    _find_time,
    _inline,
    _may_end_with_stamp,
    line_shape,
    surely_text,
)

# Pieces that make and break time stamps at the end of a line, other scripts' digits and
# spaces included (Arabic-Indic, full-width and mathematical digits, ideographic space).
_PIECES = [
    *("12", "2024", "1", "123", "12345", "-", "/", ".", ":", "：", ",", " ", "\u3000", "\xa0"),
    *("\u0663", "４", "\U0001d7d9", "Dec", "December", "年", "月", "日", "前", "ago", "p.m."),
    *("(", ")", "）", "标题", "Title ", "at ", "T", "st", "小时", "hours "),
]


# Time stamps and near misses to end the lines with.
_ENDS = [
    *("12-24", "2024-12-24", "19:25", "7:05", "24 Dec 2024", "12/24/2024", "Dec 24, 2024"),
    *("2024年12月24日 10:00", "12月24日 19:25", "2024.12.24", "12-24 19:25:39", "3", "350"),
]


def _lines(n: int) -> list[str]:
    rng = random.Random(20241224)
    lines = (
        "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 6))) + rng.choice(_ENDS)
        for _ in range(n)
    )
    return [line.strip() for line in lines]


@pytest.mark.parametrize(
    ("text", "possible"),
    [
        ("Storm closes schools 12-24", True),
        ("Storm closes schools 19:25", True),
        ("Storm closes schools 24 Dec 2024", True),
        ("Storm closes schools 12/24/2024", True),
        ("Top 10", False),
        ("2018 Lexus ES 350", False),
        ("Image 1 of / 1", False),
        ("Page 12345", False),
        ("2024", True),  # nothing before the digits: the pattern decides
        ("价格\u0663\u0664", True),  # another script's digits: the pattern decides
    ],
)
def test_may_end_with_stamp(text: str, possible: bool) -> None:
    assert _may_end_with_stamp(text) is possible


def test_may_end_with_stamp_never_hides_a_date_at_the_end() -> None:
    checked = 0
    for line in _lines(60_000):
        if line[-1] in "0123456789" and _DATE_AT_END.search(line) is not None:
            checked += 1
            assert _may_end_with_stamp(line), line
    assert checked > 1_000


def test_inline_titles_behind_the_cheap_test() -> None:
    assert _inline("Storm closes schools 2024-12-24").title == "Storm closes schools"
    assert _inline("国家统计局公布最新数据 (12-24)").time == "12-24"
    assert _inline("Top 10 stories of 2024") is TEXT
    assert _inline("Storm closes schools 350") is TEXT


def test_text_lines_share_one_shape() -> None:
    # The teaser filter tells plain text from every other shape by identity.
    for line in ["The storm arrived at dawn.", "Top 10", "x" * 200, "alpha 000123 的一"]:
        assert line_shape(line) is TEXT


# Words of the patterns (and near misses), so made-up lines open and end with them.
_WORDS = """
跟贴 跟帖 评论 評論 阅读 閱讀 浏览 瀏覽 点赞 點讚 收藏 转发 轉發 回复 回覆 点击 點擊
comments comment views view shares share likes like replies reads
发布时间： 發佈時間: 更新时间 日期： 成文日期 Published: Updated Posted: 来源： source: by
今天 昨天 前天 今日 昨日 yesterday Today Jan January Feb May June Sept September Dec.
秒 分钟 小时 天 周 个月 年 月 日 号 前 ago hours mins am pm a.m. p.m. AGO PM st nd rd th
新华网 Reuters 标题 The 。 ， … ſ K İ x e s t w o m M | · • — ( ) （ ） [ ] 【 】 ١٢ ４ 𝟙
"""
_VOCABULARY = _WORDS.split()


# Parts of made-up entry lines: what stands before a stamp, stamps, what follows them.
_BEFORE = ["", "新华网 ", "标题 ", "The ", "来源：新华网 ", "发布时间：", "(", "【", "By AP · "]
_STAMPS = [
    *_ENDS,
    *("Dec 24, 2024", "Today 10:20", "yesterday 7:05 pm", "昨天 10:20", "今天 09:00"),
    *("3小时前", "5 hours ago", "2024年12月24日", "2024年12月24号", "Published: 2024-12-24"),
    *("May 5, 2024", "June 1, 2024", "【2024-12-24】"),
]
_AFTER = [
    *("", ")", "）", "】", " 12 收藏", " | 阅读(12)", " 12 comments", " Reuters", " 新华网"),
    *(" 1 comment", " 3 view", " 5 like", " 2 shares"),
]


def _entry_lines(n: int) -> list[str]:
    rng = random.Random(11)
    noise = [*_VOCABULARY, *_PIECES]
    lines = []
    for _ in range(n):
        parts = [rng.choice(_BEFORE), rng.choice(_STAMPS), rng.choice(_AFTER)]
        if rng.random() < 0.5:
            parts.insert(rng.randrange(4), rng.choice(noise))
        lines.append("".join(parts).strip())
    return lines


def test_lines_that_neither_open_nor_end_an_entry_are_text() -> None:
    rng = random.Random(7)
    pieces = [*_VOCABULARY, *_PIECES, *_ENDS]
    made_up = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 7))) for _ in range(60_000)]
    gated = 0
    for line in [*made_up, *_entry_lines(40_000)]:
        line = line.strip()
        if not line or _DIGIT.search(line) is None or len(line) > MAX_LINE:
            continue
        if not surely_text(line, 1):
            continue
        gated += 1
        # What line_shape would look at without the cheap test: none of it holds.
        assert _COUNTER_LINE.fullmatch(line) is None, line
        assert _inline(line) is TEXT, line
        found = _find_time(line)
        if found is not None:
            start, end = found
            assert _AFTER_TIME.fullmatch(line[end:]) is None, line
            assert _BEFORE_TIME.fullmatch(line[:start]) is None, line
    assert gated > 3_000


def test_keys_of_a_page_are_the_keys_of_its_texts() -> None:
    # normalise_all takes the ASCII digits out of the UTF-8 bytes and the others with a
    # pattern; the keys must be those normalise gives each text, whatever the digits
    # (Arabic-Indic, Devanagari, full-width, circled, superscript, mathematical), the
    # lone surrogates and the characters NFKC or case folding change.
    from newsclean._teaser_text import normalise, normalise_all

    pool = [chr(c) for c in range(32, 127)] + [
        *"\u0660\u0669\u0966\uff11\u2460\u00b2\u4e00\u3000\u0130\u1e9e\ufb01\u0301\u2028",
        *"\ud800\udfff\U0001d7ce\u4dbf",
    ]
    rng = random.Random(5)
    for _ in range(3000):
        texts = [
            "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
            for _ in range(rng.randint(1, 5))
        ]
        assert normalise_all(texts) == [normalise(t) for t in texts], texts


def test_the_opening_test_never_hides_a_line_without_digits() -> None:
    # _may_open_no_digit_line judges a line by its first two characters (a partial
    # match): every line the pattern matches must pass it, whatever its case or brackets.
    from newsclean._teaser_text import _NO_DIGIT_LINE, _may_open_no_digit_line

    rng = random.Random(3)
    heads = [
        *("相关新闻", "相關閱讀", "推荐阅读", "热点", "熱搜", "猜你喜欢", "为您推荐", "延伸阅读"),
        *("Related", "related stories", "More from the BBC", "You may also like", "Most read"),
        *("Read more", "Editor's picks", "See also", "Veja também", "Lesen Sie auch", "関連記事"),
        *("刚刚", "半小时前", "just now", "an hour ago", "yesterday", "发布时间：刚刚"),
        "Updated yesterday",
        *("|", "»", "—", "·•", "->"),
    ]
    lines = []
    for head in heads:
        for variant in (head, head.upper(), head.lower(), head.title()):
            lines += [variant, f"【{variant}】", f"[{variant}]:", f"< {variant} >>", f"{variant}："]
    words = [*_VOCABULARY, *heads]
    lines += ["".join(rng.choice(words) for _ in range(rng.randint(1, 3))) for _ in range(3000)]
    matched = 0
    for line in lines:
        if _NO_DIGIT_LINE.fullmatch(line) is not None:
            matched += 1
            assert _may_open_no_digit_line(line[:2]), line
    assert matched > 300
    assert not _may_open_no_digit_line("Th")
    assert not _may_open_no_digit_line("国家")


@pytest.mark.parametrize(
    "heading",
    ["Veja também", "Noticias relacionadas", "Baca juga", "Читайте также", "関連記事", "관련기사"],
)
def test_headings_in_other_languages_are_headings(heading: str) -> None:
    assert line_shape(heading).kind == "heading"
    assert line_shape(heading, 0).kind == "heading"
