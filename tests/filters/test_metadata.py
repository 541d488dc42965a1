import pytest

from newsclean.filters.metadata import MetadataFilter, metadata_fields
from newsclean.testing import check_filter, run_filter

BODY = "国家知识产权局23日举行新闻发布会，介绍以专利产业化促进中小企业成长的相关情况。"


@pytest.mark.parametrize(
    "line",
    [
        "来源：新华网",
        "来源: 中国新闻网",
        "本文来源：新京报 责任编辑：杜硕_NB12556",
        "（ 责任编辑：魏喆 ）",
        "[责任编辑：刘斌]",
        "【编辑:刘欢】",
        "責任編輯：王小明",  # traditional
        "來源：中央社 作者：林明",  # traditional
        "2022-02-13 07:00:00 来源：央广网",
        "2019年06月15日08:18 来源： 人民网-文化频道",
        "时间：2019-09-25 作者：网络整理 阅读：1644",
        "发布日期：2016-11-22 浏览次数： 信息来源：省发改委",
        "2019-09-07 15:10:53 字号： A- A A+ 来源：EETOP",
        "报纸网 | 发布: 2021-1-29 13:18 | 点击: 313 | 来自: 互联网",
        "（原标题：姚明对周琦说了啥？周琦上下半场判若两人）",
        "原标题：快讯！陈同佳刑满出狱，向潘晓颖家人鞠躬致歉",
        "图片来源：摄图网",
        "小字号",
        "【字号 大 中 小】",
        "最后更新: 2019-09-07 15:14:21",
    ],
)
def test_drops_metadata_lines(line: str) -> None:
    r = run_filter(MetadataFilter(), [BODY, line])
    assert r.labels() == {1: "metadata"}
    drop = r.verdicts[1].drop
    assert drop is not None
    assert int(drop.evidence["fields"]) >= 1


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        # A caption or sentence that ends with its source.
        "女民警1天拨100个电话，被电信停机 （来源：梨视频）",
        # Prose quoting a field name; a statement about sources.
        "据了解，课文原标题为《宇航员之死》，作者：佚名。",
        "消息来源：一位不愿具名的官员说，谈判将在下周继续进行。",
        "② 凡本网注明“来源：XXX（非本网）”的作品，均转载自其它媒体，并不代表本网赞同其观点。",
        # Weak field names alone: an event notice inside an article.
        "时间：周六上午 地点：市民广场",
        # 字号 in a word, and a teaser heading that contains 阅读.
        "北京老字号",
        "老字号：全聚德",
        "延伸阅读： 57岁小学肄业 广西骗子演绎25亿美元惊天骗局",
        # An interview question, and a byline (the gold keeps some bylines).
        "记者：你们的市场场址在哪？",
        "本报记者 张三",
        # English is not judged.
        "Source: Reuters",
    ],
)
def test_keeps_prose_and_other_lines(line: str) -> None:
    assert run_filter(MetadataFilter(), [line]).labels() == {}


def test_original_headline_may_be_long_but_not_a_paragraph() -> None:
    assert metadata_fields("原标题：" + "长" * 100) == 1
    assert metadata_fields("原标题：" + "长" * 130) == 0


def test_max_chars_is_configurable() -> None:
    line = "2022-02-13 07:00:00 来源：央广网"
    assert run_filter(MetadataFilter(max_chars=10), [line]).labels() == {}


def test_check_filter() -> None:
    check_filter(MetadataFilter())


def test_hostile_input_is_fast() -> None:
    pages = ["来源：" * 50_000, "原标题：" + "长" * 500_000, "作者:" * 60 + "\n" + "字号" * 90_000]
    for page in pages:
        run_filter(MetadataFilter(), page)
