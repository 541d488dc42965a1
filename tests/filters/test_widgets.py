import pytest

from newsclean.filters.widgets import WidgetFilter
from newsclean.testing import check_filter, make_document, run_filter


@pytest.mark.parametrize(
    "line",
    [
        "\ue605 22",
        "\ue623",
        "\ue62c 返回列表",
        "\ue602 \ue603 \ue608 微信 \ue609 微博",
        "\ue60a Like",
        "\ufffd\ufffd\ufffd\ufffd",
    ],
)
def test_drops_icon_widgets(line: str) -> None:
    r = run_filter(WidgetFilter(), ["正文第一段，讲述了事情的经过。", line])
    assert r.labels() == {1: "widget"}


@pytest.mark.parametrize(
    "line",
    [
        # Text with a glyph in it keeps its words.
        "\ue605 图为当天的比赛现场，观众挤满了看台。",
        "The mayor\ufffds office said the road would reopen on Monday.",
        # No glyph: counts and short words are for other steps to judge.
        "返回列表",
        "★★★",
    ],
)
def test_keeps_text_and_lines_without_glyphs(line: str) -> None:
    assert run_filter(WidgetFilter(), [line]).labels() == {}


def test_max_letters_is_configurable() -> None:
    assert run_filter(WidgetFilter(max_letters=2), ["\ue62c 返回列表"]).labels() == {}


def test_check_filter() -> None:
    check_filter(WidgetFilter())


def test_hostile_input_is_fast() -> None:
    for page in ["\ue605" * 500_000, ("\ue605 1\n" * 100_000), "\ufffd" * 300_000 + "字"]:
        run_filter(WidgetFilter(), page)


BODY = "The storm arrived at dawn, and thousands of homes lost power."


def test_drops_a_count_between_lines_of_text() -> None:
    assert run_filter(WidgetFilter(), [BODY, "45", BODY]).labels() == {1: "widget"}
    assert run_filter(WidgetFilter(), ["0", BODY]).labels() == {0: "widget"}


def test_keeps_counts_among_short_lines_and_other_numbers() -> None:
    table = ["Team", "Points", "Ajax", "45", "PSV", "41"]
    assert run_filter(WidgetFilter(), table).labels() == {}
    assert run_filter(WidgetFilter(), [BODY, "12345678", BODY]).labels() == {}
    assert run_filter(WidgetFilter(), [BODY, "2,450", BODY]).labels() == {}
    assert run_filter(WidgetFilter(), [BODY, "４５", BODY]).labels() == {}


def test_a_count_is_judged_by_its_kept_neighbours() -> None:
    doc = make_document(
        ["The first line of text is long.", "short", "45", "The last line of text is long."]
    )
    assert [d.block for d in WidgetFilter()(doc)] == []  # "short" is a table cell's neighbour
    view = doc.with_dropped(frozenset({1}))  # once "short" is gone, text stands around it
    assert [d.block for d in WidgetFilter()(view)] == [2]
