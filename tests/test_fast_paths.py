"""Fast paths that must give exactly what the plain code they replace gives.

Each test compares a fast path with a slow, obviously correct formulation: segmentation
with a per-line trim loop, NFKC piece by piece with ``unicodedata.normalize`` on the
whole text, keys of joined texts with keys of each text, hand-written ``__init__``
methods with the dataclass behaviour.
"""

from __future__ import annotations

import dataclasses
import pickle
import sys
import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean._features import compute_features
from newsclean._model import Block, Document, Drop, Verdict
from newsclean._pipeline import Pipeline
from newsclean._segment import LINE_BREAK, text_blocks
from newsclean._teaser_text import _NFKC_UNSTABLE_RUN, _nfkc, normalise, normalise_all
from newsclean.filters.legal import LegalNoticeFilter
from newsclean.filters.near_duplicate import NearDuplicateFilter

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def slow_blocks(raw: str) -> list[tuple[int, int, str]]:
    """Segmentation as a loop over lines and characters: (start, end, text) per block."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    ends = [(m.start(), m.end()) for m in LINE_BREAK.finditer(raw)] + [(len(raw), len(raw))]
    for stop, after in ends:
        left, right = pos, stop
        while left < right and (raw[left].isspace() or raw[left] in _ZERO_WIDTH):
            left += 1
        while right > left and (raw[right - 1].isspace() or raw[right - 1] in _ZERO_WIDTH):
            right -= 1
        if left < right:
            out.append((left, right, raw[left:right]))
        pos = after
    return out


def fast_blocks(raw: str) -> list[tuple[int, int, str]]:
    blocks = text_blocks(raw)
    assert [b.index for b in blocks] == list(range(len(blocks)))
    return [(b.start, b.end, b.text) for b in blocks]


ODD = "a中 \t\u3000\u00a0\u200b\ufeff\u2060\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029\x00\ud800"


@given(st.text(alphabet=st.sampled_from(ODD), max_size=30))
def test_segmentation_matches_the_trim_loop_on_odd_characters(raw: str) -> None:
    assert fast_blocks(raw) == slow_blocks(raw)


@given(st.text())
def test_segmentation_matches_the_trim_loop_on_any_text(raw: str) -> None:
    assert fast_blocks(raw) == slow_blocks(raw)


def test_segmentation_treats_every_character_like_the_trim_loop() -> None:
    # Every code point alone, padded, and between words: white space (str.isspace,
    # U+001C-U+001F included) and zero-width characters are trimmed, nothing else is.
    for cp in range(0, sys.maxunicode + 1, 7):
        ch = chr(cp)
        for raw in (ch, f" {ch} ", f"a{ch}b\n{ch}", f"\r\n{ch}\u3000"):
            assert fast_blocks(raw) == slow_blocks(raw), hex(cp)


def test_segmentation_is_linear_on_long_padding() -> None:
    raw = ("x" + " " * 50_000 + "\n") * 20 + "\u200b" * 100_000
    assert len(text_blocks(raw)) == 20


def _composes_as_second() -> set[int]:
    """Characters that are the second half of a canonical composition."""
    second: set[int] = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))  # Hangul
    for cp in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(cp)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            second.add(int(parts[1], 16))
    return second


def test_nfkc_stable_characters_are_really_stable() -> None:
    # A text may be cut before any of them: NFKC leaves them alone and never joins them
    # with what stands before.
    second = _composes_as_second()
    stable = [chr(cp) for cp in range(sys.maxunicode + 1) if not _NFKC_UNSTABLE_RUN.match(chr(cp))]
    assert len(stable) > 20_000
    for ch in stable:
        assert unicodedata.normalize("NFKD", ch) == ch, hex(ord(ch))
        assert unicodedata.combining(ch) == 0, hex(ord(ch))
        assert ord(ch) not in second, hex(ord(ch))


@pytest.mark.parametrize(
    "text",
    [
        "中文，标点：（括号）！？；％",
        "Ａｂｃ１２３　全角",
        "e\u0301 and ｅ\u0301 and ，\u0301",
        "ｶﾞｷﾞ ガ\u3099 \u1100\u1161\u11a8 한",
        "ﬁ ﬂ ™ ① ㍿ ¼ \u2126 \uf900",
        "",
        "plain ascii",
    ],
)
def test_nfkc_piecewise_equals_unicodedata(text: str) -> None:
    assert _nfkc(text) == unicodedata.normalize("NFKC", text)


WIDE = "a中，：（）Ａｂ１\u3000 \u0301\u3099ｶﾞ\u1161\u11a8ﬁ①\uf900e\u4dbf\x00\ud800İßΣς"


@given(st.text(alphabet=st.sampled_from(WIDE), max_size=20))
def test_nfkc_piecewise_equals_unicodedata_on_mixtures(text: str) -> None:
    assert _nfkc(text) == unicodedata.normalize("NFKC", text)


@given(st.text())
def test_nfkc_piecewise_equals_unicodedata_on_any_text(text: str) -> None:
    assert _nfkc(text) == unicodedata.normalize("NFKC", text)


@given(st.lists(st.text(alphabet=st.sampled_from(WIDE + "12 ,.…"), max_size=12), max_size=6))
def test_keys_of_joined_texts_equal_keys_of_each_text(texts: list[str]) -> None:
    assert normalise_all(texts) == [normalise(t) for t in texts]


def test_keys_of_texts_holding_the_separator_fall_back() -> None:
    texts = ["标题\u4dbf一", "Second line, 12:30"]
    assert normalise_all(texts) == [normalise(t) for t in texts]


def test_hand_written_inits_behave_like_dataclass_ones() -> None:
    block = Block(3, 10, 14, "text")
    assert block == Block(3, 10, 14, "text", "", "", 0, frozenset())
    assert block != Block(3, 10, 14, "text", tag="p")
    assert hash(block) == hash(Block(3, 10, 14, "text"))
    assert dataclasses.replace(block, text="other").text == "other"
    assert pickle.loads(pickle.dumps(block)) == block
    with pytest.raises(dataclasses.FrozenInstanceError):
        block.index = 4  # type: ignore[misc]
    a, b = Drop(1, "legal", "notice"), Drop(1, "legal", "notice")
    assert a == b
    assert a.evidence == {}
    assert a.evidence is not b.evidence  # a new dict each time, as default_factory gave
    assert Drop(1, "x", "y", evidence={"n": 1}).evidence == {"n": 1}
    verdict = Verdict(block, "legal", a)
    assert (verdict.block, verdict.step, verdict.drop) == (block, "legal", a)
    assert Verdict(block) == Verdict(block, None, None)
    assert pickle.loads(pickle.dumps(verdict)) == verdict
    with pytest.raises(TypeError):
        Drop(1, "x")  # type: ignore[call-arg]


class _Counting:
    """Drops nothing; counts its calls and the texts it worked on (through the memo)."""

    def __init__(self, *, alone: bool) -> None:
        self.judges_blocks_alone = alone
        self.calls = 0
        self.worked: list[str] = []

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        self.calls += 1
        known = doc.memo("test.counting")
        for block in doc.kept():
            if block.text not in known:
                known[block.text] = len(block.text)
                self.worked.append(block.text)
        return iter(())


def test_second_pass_reuses_memo_and_skips_filters_that_judge_blocks_alone() -> None:
    alone, context = _Counting(alone=True), _Counting(alone=False)
    pipe = Pipeline(
        [
            ("alone", alone),
            ("context", context),
            ("legal", LegalNoticeFilter()),
        ]
    )
    result = pipe.run("Story line one.\n京ICP备12345678号-1\nStory line two.\nStory line one.")
    assert result.labels() == {1: "legal"}
    assert context.calls == 2  # the first pass, then the output once more
    assert alone.calls == 1  # nothing it could drop the second time
    # each text was worked on once, though two documents were built
    assert sorted(context.worked + alone.worked) == sorted(
        ["Story line one.", "京ICP备12345678号-1", "Story line two."]
    )


def test_second_pass_drops_what_the_output_reveals_even_with_skipped_steps() -> None:
    # A step that judges blocks alone is skipped in the second pass, but a context
    # step still sees the output and may drop more; the result is a fixed point.
    pipe = Pipeline([LegalNoticeFilter(), NearDuplicateFilter()])
    page = "\n".join(
        [
            "The council approved the new budget on Tuesday after a long debate.",
            "Copyright © 2024 Example Ltd. All rights reserved.",
            "The council approved the new budget on Tuesday after a long debate.",
        ]
    )
    result = pipe.run(page)
    assert result.labels() == {1: "legal", 2: "near_duplicate"}
    assert pipe.run(result.text).labels() == {}


class _FeatureCheck:
    """Drops nothing; checks that the features it is given are those of its blocks."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, ...]] = []

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        assert doc.features == compute_features(doc.blocks)
        self.seen.append(tuple(f.repeats for f in doc.features))
        return iter(())


def test_second_pass_features_are_those_of_the_output() -> None:
    # The second pass reuses first-pass features, with repeats counted on the output.
    check = _FeatureCheck()
    para = "The council approved the new budget on Tuesday after a long debate."
    pipe = Pipeline([NearDuplicateFilter(), ("check", check)])
    result = pipe.run(f"{para}\nHome\n{para}\nOther line\nHome")
    assert result.labels() == {2: "near_duplicate"}
    assert check.seen == [(2, 2, 2, 1, 2), (1, 2, 1, 2)]
