"""Hypothesis strategies for scraped pages: article text mixed with typical boilerplate.

``pages()`` draws a page as a list of sections (body paragraphs, navigation runs,
legal lines, repeated related-news teasers, prompts, blank lines) and joins its lines
with a mix of line-break conventions, indents and zero-width characters.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Line breaks the segmenter must treat alike (split_lines' rule), plus odd padding.
SEPARATORS = ("\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\n\n", "\n \n", "\n\u3000\n")
PADDING = ("", "", "", " ", "\u3000\u3000", "\t", "\u200b", "\ufeff", "  \u200b ")

# fmt: off
_ZH_WORDS = (
    "国家知识产权局", "中小企业", "专利", "创新", "发展", "今年", "同比增长", "记者", "介绍",
    "推动", "进一步", "提升", "市场", "企业",
    "经济", "政策", "数据显示", "截至", "11月", "我国", "产业链", "服务", "版权", "备案", "ICP",
    "联系", "相关", "保护", "能力",
    "持续", "工作", "会议", "表示", "部门", "地方", "百分点",
)
_EN_WORDS = (
    "the", "council", "approved", "budget", "on", "Tuesday", "after", "months", "of", "talks",
    "residents", "said", "new", "rules", "would", "take", "effect", "in", "spring", "copyright",
    "related", "contact", "reserved", "rights", "officials", "reported", "growth", "percent",
    "market", "city", "school", "water", "report",
)
_NAV_WORDS = (
    "首页", "新闻", "财经", "体育", "娱乐", "科技", "汽车", "房产", "教育", "视频", "Home",
    "News", "World",
    "Business", "Sport", "Weather", "Opinion", "Video", "登录", "注册", "更多", "返回顶部",
    "Sign in",
    "Subscribe", ">>", "|",
)
# fmt: on
_LEGAL_LINES = (
    "京ICP备12345678号-1",
    "粤ICP证B2-20090191号 京公网安备11010502030000号",
    "Copyright © 2008-2024 Example News. All Rights Reserved.",
    "版权所有 © 某某网 未经书面授权禁止转载",
    "增值电信业务经营许可证:京B2-20200000 网络文化经营许可证",
    "违法和不良信息举报电话:010-12345678",
    "营业执照公示信息",
    "© 2024 Example Media Group",
)
_PROMPTS = (
    "关键词 :",
    "Tags:",
    "分享到:",
    "扫一扫,分享到微信",
    "Share this article",
    "下载客户端",
    "请登录后发表评论",
    "联系我们:news@example.com",
    "关于我们| 联系方式| 版权声明| 友情链接",
)
_SOURCES = ("新华网", "中国新闻网", "央视网", "Reuters", "Example Post")


@st.composite
def zh_sentences(draw: st.DrawFn) -> str:
    """A Chinese body sentence made of news words, ending in 。."""
    words = draw(st.lists(st.sampled_from(_ZH_WORDS), min_size=4, max_size=24))
    sep = draw(st.sampled_from(("", ",", "、")))
    return sep.join(words) + "。"


@st.composite
def en_sentences(draw: st.DrawFn) -> str:
    """An English body sentence made of news words, ending in a full stop."""
    words = draw(st.lists(st.sampled_from(_EN_WORDS), min_size=5, max_size=30))
    text = " ".join(words)
    return text[:1].upper() + text[1:] + "."


def sentences() -> st.SearchStrategy[str]:
    """A body sentence in Chinese or English."""
    return st.one_of(zh_sentences(), en_sentences())


@st.composite
def paragraphs(draw: st.DrawFn) -> list[str]:
    """One to four body paragraphs (each one line of one to four sentences)."""
    n = draw(st.integers(1, 4))
    joiner = draw(st.sampled_from(("", " ")))
    return [joiner.join(draw(st.lists(sentences(), min_size=1, max_size=4))) for _ in range(n)]


@st.composite
def nav_runs(draw: st.DrawFn) -> list[str]:
    """A navigation menu: short link words, one per line or joined on one line."""
    words = draw(st.lists(st.sampled_from(_NAV_WORDS), min_size=2, max_size=12))
    if draw(st.booleans()):
        return words
    return [draw(st.sampled_from((" | ", " ", " > ", "  "))).join(words)]


@st.composite
def legal_lines(draw: st.DrawFn) -> list[str]:
    """One to three ICP / copyright / licence lines."""
    return draw(st.lists(st.sampled_from(_LEGAL_LINES), min_size=1, max_size=3))


@st.composite
def prompt_lines(draw: st.DrawFn) -> list[str]:
    """Empty labels, share and login prompts, contact rows."""
    return draw(st.lists(st.sampled_from(_PROMPTS), min_size=1, max_size=3))


@st.composite
def teaser_lists(draw: st.DrawFn) -> list[str]:
    """A related-news list whose entries (title, snippet, source + time) repeat."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        title = draw(sentences()).rstrip("。.")
        entry = [title]
        if draw(st.booleans()):
            entry.append(draw(sentences())[:40] + "...")
        month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
        hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
        entry.append(f"{draw(st.sampled_from(_SOURCES))} {month:02}-{day:02} {hour:02}:{minute:02}")
        lines.extend(entry * draw(st.integers(1, 3)))
    return lines


@st.composite
def odd_lines(draw: st.DrawFn) -> list[str]:
    """Lines of arbitrary text: controls, surrogates, separators inside words."""
    return draw(st.lists(st.text(max_size=40), min_size=1, max_size=3))


def sections() -> st.SearchStrategy[list[str]]:
    """One section of a page; body paragraphs are the most likely."""
    return st.one_of(
        paragraphs(),
        paragraphs(),
        nav_runs(),
        legal_lines(),
        prompt_lines(),
        teaser_lists(),
        odd_lines(),
        st.just([""]),
    )


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A whole page: a headline, sections in any order, odd separators and padding."""
    lines = [draw(sentences()).rstrip("。.")]
    for section in draw(st.lists(sections(), min_size=1, max_size=10)):
        lines.extend(section)
    out: list[str] = []
    for i, line in enumerate(lines):
        if i:
            out.append(draw(st.sampled_from(SEPARATORS)))
        left, right = draw(st.sampled_from(PADDING)), draw(st.sampled_from(PADDING))
        out.append(left + line + right)
    if draw(st.booleans()):
        out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)
