from __future__ import annotations

import dataclasses

import pytest

from newsclean.filters.author_box import AuthorBoxFilter, author_name
from newsclean.testing import check_filter, make_document, run_filter

ARTICLE = [
    "The council met on Monday to discuss the budget for the coming year.",
    "Members agreed to spend more on roads and less on new offices.",
]


def test_drops_heading_and_biography_that_names_the_author() -> None:
    r = run_filter(
        AuthorBoxFilter(),
        [
            *ARTICLE,
            "Sobre Carlos Nadalim",
            "Pai de Francesco e Teresa, Carlos Nadalim é também coordenador pedagógico.",
            "Comentários",
        ],
    )
    assert r.labels() == {2: "author_box", 3: "author_box"}
    assert r.verdicts[3].drop is not None
    assert r.verdicts[3].drop.evidence == {"heading_of": 2}


@pytest.mark.parametrize(
    "lines",
    [
        # The next block does not name the person: a section of the article.
        ["About Jane Doe", "The council met again on Tuesday to vote on the plan."],
        # A profile's section names the person, but not in full.
        ["About Klaus Doe", "Mr Doe is a former director of the fund."],
        # One word: the company boilerplate of a press release, part of the release.
        ["About Logitech", "Logitech is a world leader in personal peripherals."],
        # Not a name.
        ["About Us", "Us is a magazine about us."],
        ["About The Post", "The Post is a newspaper."],
        ["About 300 People", "About 300 people came to see the 300 People show."],
        # The "biography" is a long paragraph: an article section about the person.
        ["About Jane Doe", "Jane Doe " + "spoke at length about the plan. " * 30],
    ],
)
def test_keeps_what_is_not_an_author_box(lines: list[str]) -> None:
    assert run_filter(AuthorBoxFilter(), [*ARTICLE, *lines]).labels() == {}


def test_author_name() -> None:
    assert author_name("About Jane Doe") == "Jane Doe"
    assert author_name("Über Hans-Peter Müller") == "Hans-Peter Müller"
    assert author_name("À propos de Marie Curie") == "Marie Curie"
    assert author_name("About") is None
    assert author_name("Aboutness Of Things") is None
    assert author_name("About Jane Doe, who writes about cities") is None


def test_a_biography_is_not_a_second_heading() -> None:
    r = run_filter(
        AuthorBoxFilter(),
        [*ARTICLE, "About Jane Doe", "About Jane Doe", "Jane Doe writes about cities."],
    )
    assert r.labels() == {2: "author_box", 3: "author_box"}


def test_html_is_left_to_the_dom_step() -> None:
    doc = make_document([*ARTICLE, "About Jane Doe", "Jane Doe writes about cities."])
    html = dataclasses.replace(doc, kind="html")
    assert list(AuthorBoxFilter()(html)) == []
    assert len(list(AuthorBoxFilter(kinds=("text", "html"))(html))) == 2


def test_conformance() -> None:
    check_filter(AuthorBoxFilter())
