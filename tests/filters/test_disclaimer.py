from __future__ import annotations

import pytest

from newsclean.filters.disclaimer import DisclaimerFilter
from newsclean.testing import check_filter, run_filter

ARTICLE = "The council met on Monday to discuss the budget for the coming year."


@pytest.mark.parametrize(
    "notice",
    [
        "*These statements have not been evaluated by the Food and Drug Administration.",
        "This product is not intended to diagnose, treat, cure, or prevent any disease.",
        "+Results vary depending on starting point, goals and effort.",
        "Individual results may vary.",
        "This content is not a substitute for professional medical advice or diagnosis.",
        "All quotes are delayed and provided for informational purposes only.",
    ],
)
def test_drops_disclaimers(notice: str) -> None:
    r = run_filter(DisclaimerFilter(), [ARTICLE, notice])
    assert r.labels() == {1: "disclaimer"}
    assert r.verdicts[1].drop is not None
    assert r.verdicts[1].drop.evidence["formula"]


@pytest.mark.parametrize(
    "prose",
    [
        # Prose about results, evaluations and substitutes.
        "Results of the trial vary from one hospital to the next, the study found.",
        "Results vary widely between hospitals, the study found.",
        "Results may vary by region, the company said on Monday.",
        "The drug was evaluated by the agency last year and approved in March.",
        "Doctors use the test to diagnose, treat and follow the disease.",
        "Margarine became a substitute for butter during the war.",
        # Too short, or Chinese.
        "Results vary.",
        "这些声明未经食品药品监督管理局评估 results vary here.",
    ],
)
def test_keeps_prose(prose: str) -> None:
    assert run_filter(DisclaimerFilter(), [ARTICLE, prose]).labels() == {}


def test_long_blocks_are_kept() -> None:
    long = "For informational purposes only. " + "The market rose again today. " * 40
    assert run_filter(DisclaimerFilter(), [long]).labels() == {}
    assert run_filter(DisclaimerFilter(max_chars=5000), [long]).labels() == {0: "disclaimer"}


def test_conformance() -> None:
    check_filter(DisclaimerFilter())
