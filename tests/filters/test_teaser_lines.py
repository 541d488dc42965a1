import pytest

from newsclean.filters.teaser_lines import TeaserLineFilter, teaser_line_shape
from newsclean.testing import check_filter, run_filter

BODY = "The storm arrived at dawn, and thousands of homes along the coast lost power."
TITLE_CASE = [
    "Customers Leave Without Paying $690 Bill At Troy Steakhouse A party of six left "
    "the steakhouse without paying, police said.",
    "Mayor Says Move For Health Benefits Won't Stand Warren's mayor says it was a "
    "despicable move by the council.",
    "DNR Seeks Tips About Bull Elk Poached In Northern Michigan The state asks hunters to "
    "call with any tips about the animal.",
]
DATELINE = [
    "With shattered dreams, deportees return home from US NEW DELHI: Their American dream "
    "shattered, the deportees landed in the capital.",
    "UN regrets new US position on legality of settlements UNITED NATIONS: The UN chief "
    "regretted the decision on Tuesday.",
]


@pytest.mark.parametrize(
    ("line", "shape"), [(t, "title_case") for t in TITLE_CASE] + [(t, "dateline") for t in DATELINE]
)
def test_shapes(line: str, shape: str) -> None:
    assert teaser_line_shape(line) == shape


@pytest.mark.parametrize("lines", [TITLE_CASE, DATELINE, [TITLE_CASE[0], BODY, DATELINE[0]]])
def test_drops_lists_of_one_line_teasers(lines: list[str]) -> None:
    r = run_filter(TeaserLineFilter(), [BODY, BODY, *lines, BODY])
    assert set(r.labels()) == {2 + i for i, t in enumerate(lines) if t != BODY}
    assert set(r.labels().values()) == {"teaser_line"}


@pytest.mark.parametrize(
    "line",
    [
        # An article's lede opens with its dateline; a wire lede with "(AP) --".
        "NEW DELHI: Their American dream shattered, the deportees landed in the capital "
        "on Wednesday morning.",
        "ST. JOSEPH, Mich. (AP) — Michigan health authorities are reporting a sixth death.",
        # Long names in running text: small words stay in lower case.
        "The Michigan Department of Health and Human Services said on Monday that the risk "
        "remains low for residents.",
        "Berrien County Health Department officials said Monday the victim was one of two.",
        # A headline alone, with no snippet after it.
        "Customers Leave Without Paying $690 Bill At Troy Steakhouse",
        # Chinese text is not judged.
        "国家知识产权局23日举行新闻发布会，介绍以专利产业化促进中小企业成长的相关情况。",
    ],
)
def test_article_lines_have_no_shape(line: str) -> None:
    assert teaser_line_shape(line) is None


def test_a_single_line_of_the_shape_is_kept() -> None:
    page = [BODY, TITLE_CASE[0], BODY, BODY, BODY, BODY, DATELINE[0], BODY]
    assert run_filter(TeaserLineFilter(), page).labels() == {}


def test_check_filter() -> None:
    check_filter(TeaserLineFilter())


def test_hostile_input_is_fast() -> None:
    for page in ["A " * 500_000, ("Word " * 10 + "x " * 10 + "\n") * 20_000, "X" * 10**6]:
        run_filter(TeaserLineFilter(), page)
