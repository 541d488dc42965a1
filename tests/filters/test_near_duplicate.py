"""Tests of the near-duplicate filter: repeated article text keeps its first copy."""

from __future__ import annotations

import pytest

from newsclean._model import Result
from newsclean._segment import text_blocks
from newsclean.filters.near_duplicate import NearDuplicateFilter
from newsclean.testing import check_filter, run_filter

HEADLINE = "Storm closes schools across the region"
PARAS = [
    "Heavy snow shut roads and schools in the north of the region on Monday, officials said.",
    "The weather service expects another 30 centimetres of snow before Wednesday morning.",
    "Parents were told to check the council website for updates on reopening dates.",
]
PARAS_ZH = [
    "国家知识产权局23日举行新闻发布会，介绍以专利产业化促进中小企业成长的相关情况。",
    "今年1至11月，全国高校和科研机构专利转让许可5.5万次，同比增长19.1%。",
]


def _word(n: int) -> str:
    """A distinct lower-case word for every number below 26**4."""
    return "".join(chr(97 + n // 26**k % 26) for k in range(4))


def _evidence(result: Result, index: int) -> dict[str, float | int | str]:
    drop = result.verdicts[index].drop
    assert drop is not None
    return dict(drop.evidence)


def test_body_printed_twice_keeps_the_first_copy() -> None:
    lines = [HEADLINE, *PARAS, "Share this story", HEADLINE, *PARAS]
    result = run_filter(NearDuplicateFilter(), lines)
    # The headline's second copy goes with its repeated body; "Share" is not a copy.
    assert result.labels() == dict.fromkeys(range(5, 9), "near_duplicate")
    for later, first in zip(range(5, 9), range(4), strict=True):
        ev = _evidence(result, later)
        assert ev["duplicate_of"] == first
        assert ev["score"] == 100.0


def test_copies_that_differ_in_times_counters_width_and_case() -> None:
    lines = [
        "Updated 2024-12-24 10:00. " + PARAS[0] + " Read 1,204 times",
        PARAS_ZH[0] + "（阅读 123）",
        "Something else entirely, written as its own paragraph of the story.",
        "Updated 2024-12-25 18:30. " + PARAS[0].upper() + " Read 9,876 times",
        PARAS_ZH[0].replace("，", ",").replace("23", "２３") + "（阅读 456）",
    ]
    result = run_filter(NearDuplicateFilter(), lines)
    assert result.labels() == {3: "near_duplicate", 4: "near_duplicate"}
    assert _evidence(result, 3)["duplicate_of"] == 0
    assert _evidence(result, 4)["duplicate_of"] == 1


def test_fuzzy_copy_has_its_score() -> None:
    changed = PARAS[1].replace("expects", "expected")
    result = run_filter(NearDuplicateFilter(), [PARAS[1], PARAS[0], changed])
    ev = _evidence(result, 2)
    assert ev["duplicate_of"] == 0
    assert 90.0 <= float(str(ev["score"])) < 100.0
    assert run_filter(NearDuplicateFilter(threshold=99.0), [PARAS[1], changed]).labels() == {}


def test_short_phrase_repeated_by_the_article_is_kept() -> None:
    lines = [
        "“我们会回来的。”他说。",
        PARAS_ZH[0],
        "“我们会回来的。”他说。",
        PARAS_ZH[1],
        "Stay calm.",
        PARAS[0],
        "Stay calm.",
    ]
    assert run_filter(NearDuplicateFilter(), lines).labels() == {}


def test_headline_next_to_a_page_title_with_the_site_name_is_kept() -> None:
    lines = [f"BBC News - {HEADLINE}", "Home", HEADLINE, *PARAS]
    assert run_filter(NearDuplicateFilter(), lines).labels() == {}


def test_different_paragraphs_on_the_same_subject_are_kept() -> None:
    lines = [
        "The council approved the new budget on Tuesday after a long debate in the chamber.",
        "The council rejected the new budget on Friday after a short debate in the chamber.",
    ]
    assert run_filter(NearDuplicateFilter(), lines).labels() == {}


def test_only_kept_blocks_are_compared() -> None:
    from newsclean._model import Document

    lines = [PARAS[0], PARAS[1], PARAS[0]]
    page = "\n".join(lines)
    doc = Document(page, text_blocks(page)).with_dropped(frozenset({0}))
    assert list(NearDuplicateFilter()(doc)) == []


def test_check_filter() -> None:
    check_filter(NearDuplicateFilter(), pages=["\n".join([HEADLINE, *PARAS] * 3)])
    check_filter(NearDuplicateFilter(threshold=80.0, min_chars=10, min_run_chars=2))


@pytest.mark.parametrize(
    ("page", "drops"),
    [
        ("x" * 200_000, 0),
        ("字" * 1_000_000, 0),
        ("\n".join([PARAS[0]] * 100_000), 99_999),
        ("\n".join(["Home"] * 100_000), 0),
        # Many different long lines sharing one prefix: each is scored against a few only.
        (
            "\n".join(
                "Parents were told to check " + " ".join(_word(i * m) for m in (1, 7, 31, 97, 89))
                for i in range(1, 20_001)
            ),
            0,
        ),
    ],
    ids=["long-line", "1mb", "identical-long", "identical-short", "shared-prefix"],
)
def test_hostile_pages_finish(page: str, drops: int | None) -> None:
    result = run_filter(NearDuplicateFilter(), page)
    assert len(result.verdicts) == len(text_blocks(page))
    if drops is not None:
        assert len(result.labels()) == drops


def test_exact_copies_of_a_fuzzy_copy_point_at_the_kept_block() -> None:
    changed = PARAS[1].replace("expects", "expected")
    result = run_filter(NearDuplicateFilter(), [PARAS[1], changed, PARAS[0], changed])
    assert result.labels() == {1: "near_duplicate", 3: "near_duplicate"}
    assert _evidence(result, 3)["duplicate_of"] == 0
