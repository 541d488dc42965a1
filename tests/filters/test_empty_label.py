import pytest

from newsclean.filters.empty_label import EmptyLabelFilter
from newsclean.testing import check_filter, run_filter


@pytest.mark.parametrize(
    "line",
    [
        "关键词 :",
        "关键词：",
        "標籤：",  # traditional
        "标签:",
        "责任编辑：",
        "分享到：",
        "相关新闻",
        "相關閱讀",
        "推荐阅读",
        "【热门推荐】",
        "热点推荐",
        "Tags:",
        "Keywords:",
        "Share:",
        "Related:",
        "Related articles",
        "You may also like",
        "Read more",
        "Most popular",
        "作者最新文章",
        "小编最近文章",
        "最新评论",
        "热门评论 10 条",
        "您可能感兴趣的文章",
        "近期热点",
        "热门新闻排行榜",
        "Related (3)",
        # Other languages.
        "Você pode gostar...",
        "Leia também",
        "Noticias relacionadas",
        "À lire aussi",
        "Lesen Sie auch",
        "Leggi anche",
        "Читайте также",
        "Baca juga",
        "関連記事",
    ],
)
def test_drops_empty_label(line: str) -> None:
    r = run_filter(EmptyLabelFilter(), ["正文第一段。", line])
    assert r.labels() == {1: "empty_label"}


@pytest.mark.parametrize(
    "line",
    [
        "Related topics are discussed below.",
        "关键词：专利 中小企业",
        "Tags: economy, trade",
        "责任编辑：张三",
        "相关新闻报道引发了广泛关注。",
        "Read more about the plan in our guide.",
        "You may also like the new park, the mayor said.",
        "最新评论显示这项政策很受欢迎",
        "热门评论 10 条以上的文章会被推荐",
        "Baca juga: Harga minyak naik lagi pekan ini",
        "Leia também o relatório completo da comissão.",
    ],
)
def test_keeps_labels_with_content_and_sentences(line: str) -> None:
    assert run_filter(EmptyLabelFilter(), [line]).labels() == {}


def test_check_filter() -> None:
    check_filter(EmptyLabelFilter())


def test_hostile_input_is_fast() -> None:
    pages = ["1" * 200_000, "京ICP备" * 20_000, "a" * 1_000_000, "Tags:" * 100_000]
    for page in pages:
        run_filter(EmptyLabelFilter(), page)
