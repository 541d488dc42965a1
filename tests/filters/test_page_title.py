import pytest

from newsclean import default_pipeline
from newsclean.filters.page_title import PageTitleFilter
from newsclean.testing import check_filter, run_filter

BODY = "The storm arrived at dawn, and thousands of homes lost power across the region."


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Storm batters the coast", "Storm batters the coast"),
        ("Storm batters the coast - Example News", "Storm batters the coast"),
        ("STORM BATTERS THE COAST | Example", "Storm batters the coast."),
        ("居家养老有“医”靠 安宁疗护有温度 - 太原晚报", "居家养老有“医”靠 安宁疗护有温度"),
        ("四年前中500万现穷困潦倒_新浪网", "四年前中500万现穷困潦倒"),
    ],
)
def test_title_line_repeated_by_the_headline_goes(title: str, headline: str) -> None:
    result = run_filter(PageTitleFilter(), [title, "By Jane Doe", headline, BODY])
    assert result.labels() == {0: "page_title"}
    assert result.verdicts[0].drop is not None
    assert result.verdicts[0].drop.evidence == {"duplicate_of": 2}


@pytest.mark.parametrize(
    "lines",
    [
        # No repeat: the headline is the first line.
        ["Storm batters the coast", BODY, "Power returns to most homes"],
        # A word of the title (a section name) is no headline.
        ["Storm batters the coast as winter arrives early in the north", "Storm", BODY],
        # The repeat is too far below.
        ["Storm batters the coast", "a", "b", "c", "Storm batters the coast", BODY],
        # A single line.
        ["Storm batters the coast"],
    ],
)
def test_keeps_a_title_nothing_repeats(lines: list[str]) -> None:
    assert run_filter(PageTitleFilter(), lines).labels() == {}


def test_reach_is_configurable() -> None:
    lines = ["Storm batters the coast", "a", "b", "c", "Storm batters the coast", BODY]
    assert run_filter(PageTitleFilter(reach=4), lines).labels() == {0: "page_title"}


def test_default_pipeline_prints_the_headline_once() -> None:
    page = "\n".join(["Storm batters the coast - Example News", "Storm batters the coast", BODY])
    assert default_pipeline().clean(page) == f"Storm batters the coast\n{BODY}"


def test_check_filter() -> None:
    check_filter(PageTitleFilter())
