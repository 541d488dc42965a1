"""Properties of the default pipeline on any text and on generated pages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from tests.strategies import pages

from newsclean import clean, clean_and_explain, split_lines
from newsclean._segment import text_blocks

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def trimmed(line: str) -> str:
    """A line without edge white space or zero-width characters (the segmenter's rule)."""
    left, right = 0, len(line)
    while left < right and (line[left].isspace() or line[left] in _ZERO_WIDTH):
        left += 1
    while right > left and (line[right - 1].isspace() or line[right - 1] in _ZERO_WIDTH):
        right -= 1
    return line[left:right]


def content_lines(text: str) -> list[str]:
    """The non-blank trimmed lines of ``text``, by the project's line-break rule."""
    return [t for t in map(trimmed, split_lines(text)) if t]


def is_subsequence(needle: Sequence[str], haystack: Sequence[str]) -> bool:
    it = iter(haystack)
    return all(any(item == other for other in it) for item in needle)


def test_is_subsequence_helper() -> None:
    assert is_subsequence(["a", "c"], ["a", "b", "c"])
    assert is_subsequence([], ["a"])
    assert not is_subsequence(["c", "a"], ["a", "b", "c"])
    assert not is_subsequence(["a", "a"], ["a"])


def output_lines(out: str) -> list[str]:
    return split_lines(out) if out else []


_ODD = [
    "a\r\nb\rc\u2028d\u2029e\x85f\x0bg\x0ch\x1ci\x1dj\x1ek",
    "\ud800\n\udfff x \ud83d",
    "\x00\x00\n\u200b\u200b\n\u3000\u3000正文。\u3000",
    "\r\n\r\n\r",
]


@given(st.text())
@example(_ODD[0])
@example(_ODD[1])
@example(_ODD[2])
@example(_ODD[3])
def test_any_text_never_raises_and_blocks_match_input(text: str) -> None:
    clean(text)  # whatever kind of page it is taken for
    result = clean_and_explain(text, kind="text")
    for b in text_blocks(text):
        assert text[b.start : b.end] == b.text
    assert is_subsequence(output_lines(result.text), content_lines(text))


@given(pages())
def test_output_lines_are_a_subsequence_of_input_lines(page: str) -> None:
    out = clean(page, kind="text")
    assert is_subsequence(output_lines(out), content_lines(page))


@given(st.one_of(pages(), st.text()))
def test_clean_is_idempotent(page: str) -> None:
    once = clean(page, kind="text")
    assert clean(once, kind="text") == once


@given(pages())
def test_same_input_same_output(page: str) -> None:
    first = clean_and_explain(page, kind="text")
    second = clean_and_explain(page, kind="text")
    assert first.text == second.text
    assert first.verdicts == second.verdicts


@given(st.one_of(pages(), st.text()))
def test_one_verdict_per_block(page: str) -> None:
    result = clean_and_explain(page, kind="text")
    blocks = text_blocks(page)
    assert len(result.verdicts) == len(blocks)
    assert [v.block for v in result.verdicts] == list(blocks)
    assert result.text == "\n".join(v.block.text for v in result.verdicts if v.kept)


def _fixed_pages() -> dict[str, str]:
    return {
        "seed": (FIXTURES / "xinhua-seed.txt").read_text(encoding="utf-8"),
        "mixed": "\n".join(
            [
                "Council approves budget",
                "Home | News | Sport | Weather",
                "The council approved the budget on Tuesday after months of talks.",
                "Residents said the new rules would take effect in spring.",
                "Related: Council elects new chair",
                "Related: Council elects new chair",
                "Copyright © 2024 Example News. All Rights Reserved.",
                "京ICP备12345678号-1",
            ]
        ),
    }


_CHILD = """
import json, sys
import newsclean
pages = json.loads(sys.stdin.read())
out = {}
for key, page in pages.items():
    r = newsclean.clean_and_explain(page, kind="text")
    out[key] = [r.text, sorted(r.labels().items())]
print(json.dumps(out))
"""


@pytest.mark.parametrize("hash_seed", ["0", "4242"])
def test_same_output_in_a_fresh_process(hash_seed: str) -> None:
    fixed = _fixed_pages()
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=json.dumps(fixed),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    theirs = json.loads(proc.stdout)
    for key, page in fixed.items():
        r = clean_and_explain(page, kind="text")
        assert theirs[key] == [r.text, [list(p) for p in sorted(r.labels().items())]]


# Lines that make careless regexes (nested or unbounded quantifiers) go quadratic or worse.
_HOSTILE = {
    "digits": "正文第一段。\n" + "1" * 200_000 + "\n正文第二段。",
    "spaces": "Body.\n" + " " * 200_000 + "x\n" + "y" + " " * 200_000,
    "icp_prefixes": "京ICP备" * 20_000,
    "icp_prefixes_digits": ("京ICP备1234" * 20_000) + "号",
    "copyright": "Copyright ©" * 20_000,
    "copyright_spaced": "Copyright © " * 20_000 + "All Rights",
    "no_whitespace_10mb": "甲乙丙丁abc,.:" * 910_000,
    "short_lines": "\n".join(["首页", "News", "a", "京ICP备1号", "|"] * 20_000),
}


@pytest.mark.parametrize("name", sorted(_HOSTILE))
def test_hostile_pages_finish(name: str) -> None:
    page = _HOSTILE[name]
    result = clean_and_explain(page)
    assert result.kind == "text"  # none of these looks like HTML
    assert len(result.verdicts) == len(text_blocks(page))
    assert is_subsequence(output_lines(result.text), content_lines(page))


def test_hypothesis_profile_follows_the_ci_variable() -> None:
    from hypothesis import settings

    current = settings.default
    assert current is not None
    if os.environ.get("CI"):
        assert current.derandomize
        assert current.max_examples >= 200
    else:
        assert not current.derandomize
    assert current.deadline is None
