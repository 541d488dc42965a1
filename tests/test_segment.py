"""The one line-break rule: split_lines and text_blocks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsclean
from newsclean._segment import split_lines, text_blocks

BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]


def texts(raw: str) -> list[str]:
    return [b.text for b in text_blocks(raw)]


@pytest.mark.parametrize("br", BREAKS, ids=lambda b: f"U+{ord(b[-1]):04X}x{len(b)}")
def test_every_line_break_splits_the_same(br: str) -> None:
    raw = br.join(["标题", "First line.", "第二段。"])
    assert split_lines(raw) == ["标题", "First line.", "第二段。"]
    assert texts(raw) == ["标题", "First line.", "第二段。"]


def test_crlf_is_one_break_not_two() -> None:
    assert split_lines("a\r\nb") == ["a", "b"]
    assert split_lines("a\n\rb") == ["a", "", "b"]


def test_split_lines_keeps_trailing_empty_line() -> None:
    assert split_lines("a\n") == ["a", ""]
    assert split_lines("") == [""]


def test_split_lines_agrees_with_str_splitlines_on_line_content() -> None:
    raw = "a\r\nb\rc\u2028d\u2029e\x85f\x0bg\x0ch\x1ci\x1dj\x1ek"
    assert split_lines(raw) == raw.splitlines()


@given(st.text())
def test_split_lines_matches_str_splitlines(text: str) -> None:
    # str.splitlines drops the empty piece after a trailing break; otherwise they agree.
    expected = text.splitlines()
    got = split_lines(text)
    if got and got[-1] == "" and (len(got) > 1 or text == ""):
        got = got[:-1]
    assert got == expected


def test_blank_lines_are_not_blocks_and_indices_are_dense() -> None:
    blocks = text_blocks("\n\nTitle\n\n \t \nBody.\n")
    assert [b.text for b in blocks] == ["Title", "Body."]
    assert [b.index for b in blocks] == [0, 1]


def test_ideographic_space_indent_is_trimmed() -> None:
    raw = "\u3000\u3000中小企业专利创新更加活跃。\u3000"
    (block,) = text_blocks(raw)
    assert block.text == "中小企业专利创新更加活跃。"
    assert raw[block.start : block.end] == block.text


def test_zero_width_padding_is_trimmed_but_inner_kept() -> None:
    raw = "\ufeff\u200b Body\u200btext \u200d"
    (block,) = text_blocks(raw)
    assert block.text == "Body\u200btext"


def test_zero_width_only_line_is_blank() -> None:
    assert texts("a\n\u200b\ufeff\u2060\nb") == ["a", "b"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\x00b\nc", ["a\x00b", "c"]),
        ("\x00\n\x01\x02\n\x7f", ["\x00", "\x01\x02", "\x7f"]),
        ("a\ud800b\n\udfffc", ["a\ud800b", "\udfffc"]),
        ("\ud83d\n\ude00", ["\ud83d", "\ude00"]),
        ("x\u200bx\ny\u200cy\nz\u200dz", ["x\u200bx", "y\u200cy", "z\u200dz"]),
        ("\u0007bell\n\u001bescape", ["\u0007bell", "\u001bescape"]),
    ],
)
def test_odd_characters_never_crash_nor_glue_lines(raw: str, expected: list[str]) -> None:
    blocks = text_blocks(raw)
    assert [b.text for b in blocks] == expected
    for b in blocks:
        assert raw[b.start : b.end] == b.text
    # the same characters go through the whole default pipeline
    result = newsclean.clean_and_explain(raw, kind="text")
    assert len(result.verdicts) == len(blocks)


@given(st.text())
def test_offsets_point_into_the_input(raw: str) -> None:
    blocks = text_blocks(raw)
    previous_end = -1
    for i, b in enumerate(blocks):
        assert b.index == i
        assert b.text
        assert raw[b.start : b.end] == b.text
        assert b.start > previous_end
        assert split_lines(b.text) == [b.text]  # no block spans a line break
        assert b.text == b.text.strip()
        previous_end = b.end


@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=8), max_size=6))
def test_breaks_are_interchangeable(lines: list[str]) -> None:
    clean_lines = ["".join(split_lines(line)) for line in lines]
    variants = {tuple(texts(br.join(clean_lines))) for br in BREAKS}
    assert len(variants) == 1


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["a", "b"], ("a",), {"a": 1}, object()])
def test_non_text_input_is_a_clear_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="must be str") as info:
        newsclean.clean(bad)  # type: ignore[arg-type]
    assert type(bad).__name__ in str(info.value)
    with pytest.raises(TypeError, match="must be str"):
        newsclean.clean_and_explain(bad)  # type: ignore[arg-type]
