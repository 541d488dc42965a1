import pytest

from newsclean.filters.icons import IconWidgetFilter
from newsclean.testing import check_filter, run_filter


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
    r = run_filter(IconWidgetFilter(), ["正文第一段，讲述了事情的经过。", line])
    assert r.labels() == {1: "icons"}


@pytest.mark.parametrize(
    "line",
    [
        # Text with a glyph in it keeps its words.
        "\ue605 图为当天的比赛现场，观众挤满了看台。",
        "The mayor\ufffds office said the road would reopen on Monday.",
        # No glyph: counts and short words are for other steps to judge.
        "22",
        "返回列表",
        "★★★",
    ],
)
def test_keeps_text_and_lines_without_glyphs(line: str) -> None:
    assert run_filter(IconWidgetFilter(), [line]).labels() == {}


def test_max_letters_is_configurable() -> None:
    assert run_filter(IconWidgetFilter(max_letters=2), ["\ue62c 返回列表"]).labels() == {}


def test_check_filter() -> None:
    check_filter(IconWidgetFilter())


def test_hostile_input_is_fast() -> None:
    for page in ["\ue605" * 500_000, ("\ue605 1\n" * 100_000), "\ufffd" * 300_000 + "字"]:
        run_filter(IconWidgetFilter(), page)
