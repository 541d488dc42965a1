from __future__ import annotations

import pytest

from newsclean._lists import article_items, item_number, numbered_items, numbered_runs


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1 Kyle Busch 5040 5 1 17 27", 1),
        ("10a etapa: 21 de outubro – Tarumã", 10),
        ("3) Cofanetto Nolan (Blu-Ray)", 3),
        ("4. Preheat the oven", 4),
        ("#5 Pick of the week", 5),
        ("2、第二条", 2),
        # Not item numbers: amounts, decimals, clock times, years, ages of teasers.
        ("1,000 people came to the rally.", -1),
        ("1.5 million homes lost power.", -1),
        ("10:30 am", -1),
        ("2019 was a good year.", -1),
        ("3 days ago", -1),
        ("4 hours ago Storm hits the coast", -1),
        ("12", -1),
        ("Item 1", -1),
        ("", -1),
    ],
)
def test_item_number(text: str, number: int) -> None:
    assert item_number(text) == number


def test_long_run_with_lines_between_items() -> None:
    texts = ["Our picks for the sale:"]
    for i in range(1, 13):
        texts += [f"{i}) Product {i}", f"http://example.com/{i}"]
    marks = numbered_items(texts)
    assert marks == [False] + [True, False] * 12


def test_short_runs_gaps_and_repeats_are_not_marked() -> None:
    # A top-ten box of headlines (the "most read" list) is too short.
    assert not any(numbered_items([f"{i}. Headline number {i}" for i in range(1, 11)]))
    # Numbers that do not count up one by one.
    assert not any(numbered_items([f"{2 * i} Things to do" for i in range(1, 20)]))
    # Items too far apart (more than three blocks between them).
    texts: list[str] = []
    for i in range(1, 15):
        texts += [f"{i} Step", "a", "b", "c"]
    assert not any(numbered_items(texts))


def test_min_items_and_reach_are_parameters() -> None:
    texts = ["1 One", "x", "2 Two", "3 Three"]
    assert numbered_items(texts, min_items=3) == [True, False, True, True]
    assert not any(numbered_items(texts, min_items=3, reach=1))


ROWS = [f"{i} Driver Number{i} {5040 - 37 * i} {i % 4}" for i in range(1, 21)]
STORY = [
    "The storm arrived at dawn on Monday, and by noon thousands of homes had lost power.",
    "Emergency crews worked through the night to clear fallen trees from the roads.",
    "The weather service said that the wind would ease on Tuesday.",
    "Residents were asked to stay indoors and to keep away from the river banks.",
]


def test_runs_are_listed_with_their_items() -> None:
    texts = ["Intro", *ROWS, "Footer", *(f"{i}. Point" for i in range(1, 12))]
    runs = numbered_runs(texts)
    assert [len(r) for r in runs] == [20, 11]
    assert runs[0][0] == 1
    assert runs[1][0] == 22


def test_a_run_introduced_by_a_sentence_is_article() -> None:
    intro = "Here are the final standings of the championship after 36 races:"
    texts = [*STORY, intro, "Pos. Driver Points Wins", *ROWS]
    marks = article_items(texts, texts)
    assert sum(marks) == len(ROWS)
    # A short heading with a colon is a box's title, not an introduction.
    texts = [*STORY, "Standings:", *ROWS, *STORY, *STORY]
    assert not any(article_items(texts, texts))


def test_a_run_under_the_page_headline_is_article() -> None:
    page = ["Stock Car calendar 2018 | Racing Site | F1 | Indy", "Home", "News"]
    texts = [*STORY, *STORY, "Stock Car calendar 2018", "January 22, 2018", *ROWS, *STORY]
    assert sum(article_items(texts, [*page, *texts])) == len(ROWS)
    # Without the title line, the same heading is just a heading.
    assert not any(article_items(texts, texts))


def test_a_run_that_is_most_of_the_text_is_article() -> None:
    # What a cleaned table page looks like: cleaning it again must keep the table.
    texts = ["Stock Car calendar 2018", *ROWS, "Dates may change."]
    assert sum(article_items(texts, texts)) == len(ROWS)
