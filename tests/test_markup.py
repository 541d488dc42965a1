import pytest

from newsclean import clean, clean_and_explain
from newsclean._markup import expand_markup_lines, is_markup_line
from newsclean._segment import text_blocks

PARAGRAPHS = [
    "The storm arrived at dawn, and thousands of homes along the coast lost power.",
    "Crews worked through the night to restore the lines, the utility said on Sunday.",
    "Schools in the county will stay closed until the roads are cleared, officials added.",
]


def markup_page() -> str:
    """A page whose extractor gave up: the HTML source on one line, after a heading."""
    menu = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(30))
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    source = (
        '<html><head><script type="text/javascript">var x = "<b>";</script></head>'
        f'<body><div id="nav"><ul>{menu}</ul></div><div id="story">{body}</div>'
        '<div id="footer"><p>Copyright © 2008 Example News. All rights reserved.</p></div>'
        "</body></html>"
    )
    return "Storm knocks out power\n" + source


def test_a_markup_line_is_parsed_into_its_text_blocks() -> None:
    page = markup_page()
    blocks = expand_markup_lines(text_blocks(page))
    texts = [b.text for b in blocks]
    assert texts[0] == "Storm knocks out power"
    assert all("<" not in t for t in texts)
    assert PARAGRAPHS[0] in texts
    # The parsed blocks point at the markup line they came from.
    line_start = page.index("<html>")
    assert {(b.start, b.end) for b in blocks[1:]} == {(line_start, len(page))}
    assert [b.index for b in blocks] == list(range(len(blocks)))


def test_clean_keeps_the_article_of_a_markup_line() -> None:
    out = clean(markup_page(), kind="text")
    for paragraph in PARAGRAPHS:
        assert paragraph in out
    assert "<" not in out
    assert "Section 7" not in out
    assert "Copyright" not in out


def test_explain_shows_the_parsed_blocks() -> None:
    result = clean_and_explain(markup_page(), kind="text")
    assert any(v.block.text == PARAGRAPHS[1] and v.kept for v in result.verdicts)


@pytest.mark.parametrize(
    "line",
    [
        "Use the <p> tag for paragraphs and <br> for line breaks. " * 40,
        "a < b and c > d " * 200,
        "<div>" * 30,  # markup, but too short to be a whole page
        "x" * 5000 + "<p>" * 25,  # tags make up too small a share of it
    ],
)
def test_text_lines_are_not_markup(line: str) -> None:
    assert not is_markup_line(line)
    assert [b.text for b in expand_markup_lines(text_blocks(line))] == [line.strip()]


def test_pages_without_markup_lines_are_unchanged() -> None:
    blocks = text_blocks("\n".join(PARAGRAPHS))
    assert expand_markup_lines(blocks) == blocks


@pytest.mark.parametrize(
    "line",
    ["<" * 1_000_000, "<a " * 300_000, "<a>" * 300_000, "<p" + "x" * 999 + ">" * 1000],
)
def test_hostile_lines_finish(line: str) -> None:
    expand_markup_lines(text_blocks(line))


def test_cleaning_a_markup_page_is_idempotent() -> None:
    once = clean(markup_page(), kind="text")
    assert clean(once, kind="text") == once
