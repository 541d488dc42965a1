from collections.abc import Iterator

import pytest

from newsclean import Document, Drop, Pipeline, Result, default_pipeline
from newsclean.filters.comments import CommentThreadFilter
from newsclean.testing import check_filter, run_filter

ARTICLE = [
    "Say hello to the cheapest car",
    "Tata unveiled its Nano on Thursday, promising that it would put India's masses on wheels.",
    "The company says the car's small engine gives it fifty miles to the gallon in the city.",
]


def _after_heading(lines: list[str], flt: CommentThreadFilter | None = None) -> Result:
    """Run the filter after a step that drops a "Comments" heading put at line 3."""

    def heading(doc: Document) -> Iterator[Drop]:
        for block in doc.kept():
            if block.text == "Comments":
                yield Drop(block.index, "empty_label", "heading")

    page = "\n".join([*lines[:3], "Comments", *lines[3:]])
    comments = flt or CommentThreadFilter()
    return Pipeline([("heading", heading), ("comments", comments)]).run(page)


NAMES = ["ann", "bo", "cy", "dee", "ed"]


def _thread(signature: str, n: int = 4) -> list[str]:
    lines: list[str] = []
    for i in range(n):
        lines += [
            f"Comment number {i} says the car looks fun.",
            signature.format(i=i, name=NAMES[i]),
        ]
    return lines


@pytest.mark.parametrize(
    "signature",
    [
        "Posted by: {name} | Jan 10, 2008 4:1{i}:12 PM",
        "Posted By: {name} | January 07 2008 at 03:0{i} PM",
        "BY {name} AT 01/08/08 05:3{i} PM",
        "Submitted by {name} on 12 May 2019 - 10:4{i}",
        "Publicado por {name} em 12/05/2019 às 10:4{i}",
    ],
)
def test_signed_threads_go_with_their_text(signature: str) -> None:
    # A removed "Comments" heading separates the article from the first comment.
    result = _after_heading([*ARTICLE, *_thread(signature)])
    assert {i for i, label in result.labels().items() if label == "comment"} == set(range(4, 12))
    roles = {v.block.index: v.drop.evidence.get("role") for v in result.verdicts if v.drop}
    assert roles[4] == "text"
    assert roles[5] == "signature"


def test_first_comment_stays_without_a_gap_above_it() -> None:
    # Nothing tells the article's last paragraph from the first comment: both stay.
    result = run_filter(
        CommentThreadFilter(), [*ARTICLE, *_thread("Posted by: {name} | Jan 10, 2008 4:1{i} PM")]
    )
    assert sorted(result.labels()) == list(range(4, 11))
    assert ARTICLE[2] in result.text
    assert "Comment number 0" in result.text


def test_too_few_or_scattered_signatures_are_kept() -> None:
    two = [*ARTICLE, *_thread("Posted by: {name} | Jan 10, 2008 4:1{i} PM", n=2)]
    assert run_filter(CommentThreadFilter(), two).labels() == {}
    scattered = [*ARTICLE, *_thread("Posted by: {name} | Jan 10, 2008 4:1{i} PM", n=4)]
    assert run_filter(CommentThreadFilter(max_gap=0), scattered).labels() == {}


def test_bylines_and_dates_without_a_signature_shape_are_kept() -> None:
    lines = [
        "By Chuck Squatriglia January 10, 2008 | 6:46:13 PM",
        *ARTICLE,
        "Updated: January 10, 2008 at 7:10 PM",
        "The company said sales would start in the autumn.",
        "Updated: January 10, 2008 at 8:15 PM",
        "Dealers were told to expect long waiting lists.",
        "Updated: January 10, 2008 at 9:20 PM",
    ]
    assert run_filter(CommentThreadFilter(), lines).labels() == {}
    # The article's byline signs like a comment, but stays apart from a thread
    # signed another way.
    page = [lines[0], *ARTICLE, *_thread("Posted by: {name} | Jan 10, 2008 4:1{i} PM")]
    assert 0 not in run_filter(CommentThreadFilter(), page).labels()


def test_default_pipeline_drops_a_thread() -> None:
    page = "\n".join(
        [*ARTICLE, "Comments", *_thread("Posted by: {name} | Jan 10, 2008 4:1{i}:12 PM")]
    )
    text = default_pipeline().clean(page)
    assert "Posted by" not in text
    assert "Comment number" not in text
    assert ARTICLE[1] in text


def test_check_filter() -> None:
    check_filter(CommentThreadFilter())


def test_hostile_input_is_fast() -> None:
    for page in [
        "Posted by: x | 4:10 PM\n" * 50_000,
        ("Posted by " + "9:99 " * 30 + "\n") * 5_000,
        "by " * 100_000,
    ]:
        run_filter(CommentThreadFilter(), page)


def test_a_live_blog_signed_by_one_reporter_is_kept() -> None:
    updates: list[str] = []
    for minute in range(10, 16):
        reporter = "Jane Doe" if minute % 2 else "Li Wei"
        half = "AM" if minute < 13 else "p.m."
        updates += [
            f"Rescue teams reached the village at 10:{minute}, officials said.",
            f"Posted by {reporter} at 10:{minute} {half}",
        ]
    assert run_filter(CommentThreadFilter(), [*ARTICLE, *updates]).labels() == {}


def test_min_comments_is_configurable() -> None:
    lines = [*ARTICLE, *_thread("Posted by: {name} | Jan 10, 2008 4:1{i} PM", n=2)]
    assert "comment" not in _after_heading(lines).labels().values()
    result = _after_heading(lines, CommentThreadFilter(min_comments=2))
    assert {i for i, label in result.labels().items() if label == "comment"} == {4, 5, 6, 7}
