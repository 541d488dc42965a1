from __future__ import annotations

import pytest

from newsclean._features import BlockFeatures, compute_features, measure
from newsclean._segment import text_blocks


def test_english_sentence() -> None:
    f = measure("The storm hit the coast on Monday, and power failed in the city.")
    assert f.chars == 64
    assert f.han == 0
    assert f.words == 13
    assert f.function >= 5  # the, the, on, and, in, the
    assert f.commas == 1
    assert f.sentences == 1
    assert f.terminal
    assert f.separators == 0
    assert not f.linkish


def test_english_menu_line() -> None:
    f = measure("Home | News | Sport | Weather")
    assert f.separators == 3
    assert f.capitalised == 4
    assert f.function == 0
    assert f.lowercase == 0
    assert not f.terminal


def test_chinese_paragraph() -> None:
    text = "新华社北京5月1日电，国务院总理签署了命令，公布的条例将在7月1日起施行。"
    f = measure(text)
    assert f.han > 25
    assert f.sentences == 1
    assert f.commas == 2
    assert f.function >= 4  # 了, 的, 将, 在
    assert f.terminal
    assert f.date
    assert f.capitalised == 0


def test_chinese_menu_line() -> None:
    f = measure("首页 | 新闻 | 体育 | 财经")
    assert f.separators == 3
    assert f.sentences == 0
    assert not f.terminal


@pytest.mark.parametrize(
    ("text", "is_date"),
    [
        ("Posted 2024-05-01 12:30", True),
        ("2024年5月1日", True),
        ("Updated at 10:45 GMT", True),
        ("Molik lost 2-6, 6-2, 4-6.", False),
        ("He scored 42 points.", False),
    ],
)
def test_date_shapes(text: str, is_date: bool) -> None:
    assert measure(text).date is is_date


@pytest.mark.parametrize(
    "text",
    ["Mail us at desk@example.org", "www.example.com", "© 2024 Example", "https://x.org/a"],
)
def test_linkish(text: str) -> None:
    assert measure(text).linkish


def test_terminal_after_closing_quote() -> None:
    assert measure("“We will rebuild,” she said.”").terminal
    assert measure("他说：“我们会重建。”").terminal
    assert not measure("Read more »").terminal


def test_bullet_start() -> None:
    assert measure("• first point").bullet
    assert not measure("First point").bullet


def test_other_languages_have_function_words() -> None:
    assert measure("Der Sturm ist in der Nacht über die Stadt gezogen.").function >= 3
    assert measure("Буря пришла ночью, и в городе нет света.").function >= 2


def test_repeats_count_identical_blocks() -> None:
    feats = compute_features(text_blocks("Home\nA story about the storm.\nHome\nHome"))
    assert [f.repeats for f in feats] == [3, 1, 3, 3]


def test_one_feature_per_block_and_empty_page() -> None:
    blocks = text_blocks("a\n\nb\nc")
    assert len(compute_features(blocks)) == len(blocks) == 3
    assert compute_features(()) == ()


@pytest.mark.parametrize(
    "text", ["x", "\x00\x01", "\u200b", "。", "|", "A" * 10_000, "\ud800", "ǅ lj"]
)
def test_odd_input_never_raises(text: str) -> None:
    f = measure(text)
    assert isinstance(f, BlockFeatures)
    assert f.chars == len(text)
    assert f.tokens >= 0
