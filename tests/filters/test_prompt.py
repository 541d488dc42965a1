import pytest

from newsclean import _patterns
from newsclean.filters.prompt import PromptFilter
from newsclean.testing import check_filter, run_filter


@pytest.mark.parametrize(
    "line",
    [
        "分享到：微信 微博 QQ空间",
        "扫一扫分享",
        "打开APP阅读",
        "下载客户端",
        "登录 | 注册",
        "發表評論",  # traditional
        "我要评论",
        "已有12条评论",
        "点击加载更多",
        "广告",
        "热搜榜",
        "Sign in",
        "Log in to comment",
        "Subscribe to our newsletter",
        "Follow us on Twitter",
        "Advertisement",
        "Sponsored",
        "12 Comments",
        "Facebook Twitter Email",
        # Comment widgets and read-more gates.
        "回复 踩 0 赞 85 收藏",
        "阅读全文，请先 登录",
        "一键转发",
        "调整字体",
        # Print, e-mail, report and rating buttons; "continues" markers.
        "Share this with friends",
        "Quote | Report this post",
        "Print article: Print",
        "E-mail this to a friend Printable version",
        "Print Email Return to Top",
        "View Larger Image",
        "Rating: 4 Votes",
        "Story continues",
        "advertisement",
    ],
)
def test_drops_prompt(line: str) -> None:
    r = run_filter(PromptFilter(), ["The story begins here, with a full sentence.", line])
    assert r.labels() == {1: "prompt"}


@pytest.mark.parametrize(
    "line",
    [
        "She declined to share her plans with reporters.",
        "我们将继续发表评论文章",
        "评论员文章指出，改革仍需深化。",
        "Advertising revenue fell by a third last year, the company said.",
        "Followers of the team gathered outside the stadium.",
        "View from the summit",
        "登录火星的计划已经推迟到明年，航天局表示。",
        "赞美的话语总是让人感到温暖",
        "转发这条消息的网友超过一万人",
        "Quote of the day: the mayor said the plan would fail.",
        "Rating agencies cut the outlook on Friday, citing debt.",
        "Have your say on the new park plans at the town hall meeting.",
        "Print newspapers are struggling",
    ],
)
def test_keeps_prose_with_prompt_words(line: str) -> None:
    assert run_filter(PromptFilter(), [line]).labels() == {}


def test_evidence() -> None:
    r = run_filter(PromptFilter(), ["已有12条评论"])
    (verdict,) = r.verdicts
    assert verdict.drop is not None
    assert verdict.drop.evidence == {"unexplained": 0, "letters": 5}


def test_long_lines_are_not_prompts() -> None:
    line = "Subscribe " * 20
    assert run_filter(PromptFilter(), [line.strip()]).labels() == {}
    assert run_filter(PromptFilter(max_chars=250), [line.strip()]).labels() == {0: "prompt"}


def test_check_filter() -> None:
    check_filter(PromptFilter())


def test_hostile_input_is_fast() -> None:
    pages = ["1" * 200_000, "京ICP备" * 20_000, "a" * 1_000_000, "分享" * 100_000]
    for page in pages:
        run_filter(PromptFilter(), page)


@pytest.mark.parametrize("name", ["PROMPT", "SHARE_ITEM"])
def test_search_patterns_start_with_plain_characters(name: str) -> None:
    # The regex engine only skips ahead fast when no alternative starts with a class or
    # a group; this keeps the per-page cost low (see the _patterns module docstring).
    for alternative in _patterns.alternatives(getattr(_patterns, name)):
        assert alternative[:1] not in ("[", "("), alternative


@pytest.mark.parametrize(
    "line",
    [
        "Share on Facebook Share on Twitter Share on Linkedin Share via Email Share via Shortlink",
        "Click to share on Twitter (Opens in new window)",
        "分享至好友和朋友圈",
        "缩小字体 放大字体 收藏",
        "字号： A- A A+",
    ],
)
def test_long_share_bars_and_font_size_rows_are_prompts(line: str) -> None:
    body = "This is a long body sentence of the article, with several words."
    assert run_filter(PromptFilter(), [body, line]).labels() == {1: "prompt"}


def test_prose_about_sharing_in_a_new_window_is_kept() -> None:
    line = "She wanted to share on Tuesday what the board had decided about the new window."
    assert run_filter(PromptFilter(), [line]).labels() == {}
