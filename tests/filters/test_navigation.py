import pytest

from newsclean.filters.navigation import NavigationFilter
from newsclean.testing import check_filter, run_filter

ZH_BODY = [
    "中小企业联系千家万户,广泛分布在各个行业领域,是推动创新、促进就业、改善民生的重要力量。",
    "持续推动产学研深度融合",
    "国家知识产权局会同各部门、各地方,以产学研为纽带,推动中小企业与高校强化协同创新。",
]
EN_BODY = [
    "The storm arrived at dawn, and thousands of homes lost power across the region.",
    "A new plan for the city",
    "The mayor said the plan would be ready by spring, and the council agreed to fund it.",
]


def test_menu_runs_are_dropped_headline_and_subheadings_kept() -> None:
    page = [
        "首页",
        "新闻",
        "财经",
        "体育",
        "专利产业化促进中小企业成长——知识产权助力营造良好创新环境",
    ]
    r = run_filter(NavigationFilter(), page + ZH_BODY)
    assert r.labels() == {0: "navigation", 1: "navigation", 2: "navigation", 3: "navigation"}


def test_english_menu_run() -> None:
    page = ["Home", "News", "Sport", "Storm batters the coast of the region", *EN_BODY]
    r = run_filter(NavigationFilter(), page)
    assert r.labels() == {0: "navigation", 1: "navigation", 2: "navigation"}
    assert r.verdicts[0].drop is not None
    assert r.verdicts[0].drop.evidence == {"run": 3}


@pytest.mark.parametrize("body", [ZH_BODY, EN_BODY])
def test_single_subheading_between_paragraphs_is_kept(body: list[str]) -> None:
    assert run_filter(NavigationFilter(), body).labels() == {}


def test_short_list_inside_the_body_is_kept() -> None:
    page = [
        "Our hiking survival kit is really very simple.",
        "bottled water",
        "baby carrier",
        "snack bars",
        "camera",
        "In the years we have lived here, we have hiked every trail near the town.",
    ]
    assert run_filter(NavigationFilter(), page).labels() == {}


def test_list_items_that_read_like_sentences_are_kept() -> None:
    page = [
        EN_BODY[0],
        "Cut taxes for small firms.",
        "Build more homes, faster.",
        "Invest in local schools and hospitals",
        EN_BODY[2],
    ]
    assert run_filter(NavigationFilter(), page).labels() == {}


@pytest.mark.parametrize(
    "line",
    [
        "首页 | 新闻 | 体育 | 财经",
        "首页 新闻 体育 财经 娱乐",
        "Home » World » Asia",
        "当前位置：首页 > 新闻 > 正文",
        "您的位置: 首頁 > 國際",  # traditional
        "Home > News > Politics",
        "返回首页",
        "更多>>",
        "上一篇：国家统计局公布最新数据",
        "Next article",
        "Previous story: Storm hits the coast",
        "Back to top",
    ],
)
def test_one_line_navigation(line: str) -> None:
    r = run_filter(NavigationFilter(), [EN_BODY[0], line, EN_BODY[2]])
    assert r.labels() == {1: "navigation"}


@pytest.mark.parametrize(
    "line",
    [
        "第41次南极考察|南极“父子兵”",
        "新华网 12-24 19:25:39",
        "Home prices rose again in May, the agency said.",
        "More than 300 people attended the meeting.",
        "下一步，国家知识产权局将继续加强知识产权保护力度。",
    ],
)
def test_keeps_lines_that_only_look_like_navigation(line: str) -> None:
    assert run_filter(NavigationFilter(), [EN_BODY[0], line, EN_BODY[2]]).labels() == {}


def test_min_run_is_configurable() -> None:
    page = ["World", "Business", EN_BODY[0]]
    assert run_filter(NavigationFilter(), page).labels() == {}
    assert run_filter(NavigationFilter(min_run=2), page).labels() == {
        0: "navigation",
        1: "navigation",
    }


def test_check_filter() -> None:
    check_filter(NavigationFilter())


def test_hostile_input_is_fast() -> None:
    pages = [
        "1" * 200_000,
        "京ICP备" * 20_000,
        "a" * 1_000_000,
        "首页 > " * 50_000,
        "\n".join(["Home"] * 50_000),
        "上一篇：" + "x" * 300,
    ]
    for page in pages:
        run_filter(NavigationFilter(), page)
