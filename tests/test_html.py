from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsclean
from newsclean._html import HINTS, html_document, looks_like_html
from newsclean._model import Document


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks]


ARTICLE = (
    "<article><h1>Storm hits the coast</h1>"
    "<p>The storm arrived at dawn, and thousands of homes lost power across the region.</p>"
    "<p>Officials said repairs would take several days to finish.</p></article>"
)


# -- recognising HTML ----------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
        "\n\n  <html><body>x</body></html>",
        "<?xml version='1.0'?><html><body>x</body></html>",
        "<p>A fragment.</p>",
        "Junk before the markup\n<html><head><title>t</title></head><body>x</body></html>",
    ],
)
def test_looks_like_html(page: str) -> None:
    assert looks_like_html(page)


@pytest.mark.parametrize(
    "page",
    [
        "Storm hits the coast\nThe storm arrived at dawn.",
        "An article about the <div> element and the <p> tag in web pages.",
        "5 < 6 and 7 > 3",
        "",
    ],
)
def test_text_is_not_html(page: str) -> None:
    assert not looks_like_html(page)


def test_kind_forces_the_route() -> None:
    page = "<p>Hello there, reader.</p>"
    assert newsclean.clean_and_explain(page, kind="text").text == page
    assert newsclean.clean_and_explain(page).kind == "html"
    assert newsclean.clean_and_explain("Hello there.", kind="html").kind == "html"


# -- blocks ------------------------------------------------------------------------------


def test_blocks_tags_paths_title() -> None:
    doc = html_document(
        "<html><head><title>  The  title </title></head><body>" + ARTICLE + "</body></html>"
    )
    assert doc.kind == "html"
    assert doc.title == "The title"
    assert [(b.text[:5], b.tag) for b in doc.blocks] == [
        ("Storm", "h1"),
        ("The s", "p"),
        ("Offic", "p"),
    ]
    assert doc.blocks[1].path == "/html/body/article/p[1]"
    assert all(b.start == -1 and b.end == -1 for b in doc.blocks)
    assert [b.index for b in doc.blocks] == [0, 1, 2]
    assert doc.raw.startswith("<html>")


def test_inline_text_is_merged_and_br_splits_lines() -> None:
    doc = html_document("<p>One <b>bold</b>\n  <i>word</i>.<br>Second line<br/><br>Third</p>")
    assert texts(doc) == ["One bold word.", "Second line", "Third"]
    assert {b.tag for b in doc.blocks} == {"p"}


def test_lists_tables_and_headings_are_blocks() -> None:
    doc = html_document(
        "<h2>Sub</h2><ul><li>first</li><li>second</li></ul>"
        "<table><tr><td>a1</td><td>b1</td></tr><tr><th>a2</th></tr></table>"
    )
    assert [(b.text, b.tag) for b in doc.blocks] == [
        ("Sub", "h2"),
        ("first", "li"),
        ("second", "li"),
        ("a1", "td"),
        ("b1", "td"),
        ("a2", "th"),
    ]


def test_pre_keeps_its_lines() -> None:
    assert texts(html_document("<pre>line one\n  line two\n\nline three</pre>")) == [
        "line one",
        "line two",
        "line three",
    ]


def test_link_chars_count_text_inside_links() -> None:
    doc = html_document('<p>Read <a href="/x">the report</a> today.</p><p><a href="/">Home</a></p>')
    assert [(b.text, b.link_chars) for b in doc.blocks] == [
        ("Read the report today.", len("the report")),
        ("Home", 4),
    ]


def test_script_style_and_friends_never_reach_output() -> None:
    page = (
        "<html><head><style>p { color: red }</style><script>var secret = 1;</script></head>"
        "<body><p>Visible text.</p><script>document.write('<p>written</p>')</script>"
        "<noscript>Enable JavaScript</noscript><template><p>tpl</p></template>"
        "<svg><text>svg text</text><title>svg title</title></svg><!-- a comment -->"
        "<?php echo 'pi'; ?><select><option>menu option</option></select></body></html>"
    )
    out = newsclean.clean(page)
    assert out == "Visible text."
    for hidden in ("color", "secret", "written", "Enable", "tpl", "svg", "comment", "pi", "menu"):
        assert hidden not in texts(html_document(page))[0]
    assert len(html_document(page).blocks) == 1


def test_entities_are_decoded() -> None:
    assert texts(html_document("<p>Fish &amp; chips &lt;3 &#x4E2D;&#25991; &nbsp;ok</p>")) == [
        "Fish & chips <3 中文 ok"
    ]


@pytest.mark.parametrize(
    ("markup", "hint"),
    [
        ('<div class="site-nav"><p>x y</p></div>', "nav"),
        ("<nav><p>x y</p></nav>", "nav"),
        ('<div class="mainMenu"><p>x y</p></div>', "menu"),
        ('<div id="footer"><p>x y</p></div>', "footer"),
        ('<div role="contentinfo"><p>x y</p></div>', "footer"),
        ('<div class="copyright"><p>x y</p></div>', "copyright"),
        ('<ol class="breadcrumbs"><li>x y</li></ol>', "breadcrumb"),
        ('<div class="share-buttons"><p>x y</p></div>', "share"),
        ('<div class="related-news"><p>x y</p></div>', "related"),
        ('<div class="commentsList"><p>x y</p></div>', "comment"),
        ("<aside><p>x y</p></aside>", "sidebar"),
        ('<div class="ad-slot"><p>x y</p></div>', "ad"),
        ('<div style="display: none"><p>x y</p></div>', "hidden"),
        ("<div hidden><p>x y</p></div>", "hidden"),
        ("<main><p>x y</p></main>", "main"),
        ("<article><p>x y</p></article>", "article"),
        ('<div class="author-bio"><p>x y</p></div>', "byline"),
        ('<p class="byline">x y</p>', "byline"),
        ("<figure><p>x y</p></figure>", "caption"),
        ("<figure><img src='a.jpg'><figcaption>x y</figcaption></figure>", "caption"),
    ],
)
def test_hints_from_class_id_role_and_tags(markup: str, hint: str) -> None:
    body = markup + "<p>" + "Long article text. " * 30 + "</p>"
    assert hint in html_document(body).blocks[0].hints


@pytest.mark.parametrize(
    "markup",
    [
        '<div class="has-sidebar"><p>x y</p></div>',
        '<div class="badge header-load"><p>x y</p></div>',  # "ad" only as a whole token
        '<div class="hidden-xs"><p>x y</p></div>',  # hidden on small screens only
        '<div class="canvas navy"><p>x y</p></div>',
        '<div class="authority biography"><p>x y</p></div>',  # whole tokens only
        '<div class="caption-style"><p>x y</p></div>',  # a class is not a <figure>
    ],
)
def test_hints_ignore_lookalikes(markup: str) -> None:
    body = markup + "<p>" + "Long article text. " * 30 + "</p>"
    hints = html_document(body).blocks[0].hints
    assert not hints & {"sidebar", "ad", "hidden", "nav", "byline", "caption"}


def test_wrapper_and_outer_hints_do_not_mark_the_article() -> None:
    doc = html_document(
        '<div class="widget"><div id="sidebar-wrap">'
        '<div class="post-body"><p>Article paragraph one.</p></div></div></div>'
        '<div class="sidebar"><p>Side</p></div>'
    )
    assert "sidebar" not in doc.blocks[0].hints
    assert "sidebar" in doc.blocks[1].hints
    wrapped = html_document('<div class="comments"><p>' + "Body text. " * 50 + "</p></div>")
    assert "comment" not in wrapped.blocks[0].hints  # the region holds the whole page


# -- safety and lost-text recovery -------------------------------------------------------


def test_xxe_and_billion_laughs_are_harmless(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    laughs = "".join(
        f'<!ENTITY l{i} "{"".join(f"&l{i - 1};" for _ in range(10))}">' for i in range(1, 10)
    )
    page = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "lol">'
        + laughs
        + f'<!ENTITY xxe SYSTEM "file://{secret}">]>'
        + "<html><body><p>Before &l9; &xxe; after.</p></body></html>"
    )
    started = time.perf_counter()
    doc = html_document(page)
    assert time.perf_counter() - started < 2
    joined = "\n".join(texts(doc))
    assert "TOP-SECRET" not in joined
    assert "lollol" not in joined
    assert "Before" in joined
    assert "after." in joined


def test_deep_nesting_keeps_the_article_after_it() -> None:
    depth = 100_000
    page = (
        "<html><head><title>Deep</title></head><body>"
        + "<div>" * depth
        + "deep text"
        + "</div>" * depth
        + "<p>The article paragraph that follows the deep nesting.</p></body></html>"
    )
    started = time.perf_counter()
    doc = html_document(page)
    assert time.perf_counter() - started < 10
    assert "The article paragraph that follows the deep nesting." in texts(doc)
    assert "deep text" in texts(doc)
    assert doc.title == "Deep"


def test_text_node_over_10_mb() -> None:
    big = "word " * 2_200_000  # 11 MB
    doc = html_document(f"<html><body><p>{big}</p><p>After the big node.</p></body></html>")
    assert texts(doc)[-1] == "After the big node."
    assert len(texts(doc)[0]) == len(big.strip())


def test_attribute_over_10_mb() -> None:
    doc = html_document(f'<p title="{"y" * 11_000_000}">Attr</p><p>After the attribute.</p>')
    assert texts(doc) == ["Attr", "After the attribute."]


def test_content_after_a_premature_html_end_is_kept() -> None:
    doc = html_document(
        "<html><body><p>First part.</p></body></html>\n<p>Second part after the end.</p>"
        "</html><div>Third part.</div>"
    )
    assert texts(doc) == ["First part.", "Second part after the end.", "Third part."]


def test_html_end_inside_a_script_is_not_a_split() -> None:
    doc = html_document(
        "<html><body><p>One.</p><script>document.write('</html>')</script>\n<p>Two.</p>"
        "</body></html>"
    )
    assert texts(doc) == ["One.", "Two."]


def test_unclosed_title_does_not_swallow_the_page() -> None:
    page = (
        "<html><head><title>Broken title\n<script>var x = 1;</script></head><body>"
        + "<p>The article survives the broken title element.</p>" * 10
        + "</body></html>"
    )
    doc = html_document(page)
    assert doc.title == "Broken title"
    assert "The article survives the broken title element." in texts(doc)
    assert all("var x" not in t for t in texts(doc))


def test_lone_surrogates_become_replacement_characters() -> None:
    doc = html_document("<p>bad \ud800 char</p><p>next</p>")
    assert texts(doc) == ["bad \ufffd char", "next"]


def test_nul_and_control_characters_do_not_crash() -> None:
    doc = html_document("<p>a\x00b\x01c</p><p>next</p>")
    assert texts(doc)[-1] == "next"


def test_empty_and_blank_pages() -> None:
    assert html_document("").blocks == ()
    assert html_document("   \n").blocks == ()
    assert newsclean.clean("", kind="html") == ""


def test_large_page_is_linear_enough() -> None:
    para = "<div class='c'><p>A paragraph of article text with a <a href='#'>link</a>.</p></div>"
    page = "<html><body>" + para * 60_000 + "</body></html>"  # ~5 MB
    started = time.perf_counter()
    doc = html_document(page)
    assert len(doc.blocks) == 60_000
    assert time.perf_counter() - started < 10


# -- the pipeline on HTML ------------------------------------------------------------------


def test_article_mentioning_copyright_and_icp_is_kept() -> None:
    sentences = [
        "国家版权局表示，将加大对网络侵权盗版的打击力度，保护原创作者的著作权。",
        "工信部要求所有网站在首页底部展示ICP备案号，未备案网站将被依法关闭。",
        "The court ruled that the copyright of the photograph belongs to the agency.",
    ]
    page = (
        "<html><head><title>新闻</title></head><body>"
        '<div class="nav"><a href="/">频道</a> <a href="/news">新闻</a></div>'
        "<article><h1>版权保护新规出台</h1>"
        + "".join(f"<p>{s}</p>" for s in sentences)
        + "</article>"
        '<div class="footer"><p>Copyright © 2024 新闻网 版权所有</p>'
        "<p>京ICP备12345678号-1</p></div></body></html>"
    )
    result = newsclean.clean_and_explain(page)
    for sentence in sentences:
        assert sentence in result.text
    assert "京ICP备12345678号" not in result.text
    assert "版权所有" not in result.text
    assert "频道" not in result.text
    assert result.title == "新闻"


def test_explain_shows_where_each_block_came_from() -> None:
    result = newsclean.clean_and_explain("<body><p>Body text of the story, long enough.</p></body>")
    assert "@/html/body/p" in result.explain()


# -- properties -----------------------------------------------------------------------------

_MARKUP = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div class='nav'>",
        "</div>",
        "<br>",
        "<a href='#'>",
        "</a>",
        "<li>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "</html>",
        "<title>",
        "&amp;",
        "&#0;",
        "<pre>",
        "\n",
        " ",
        "Text words. ",
        "新闻正文。",
        "\ud800",
        "\x00",
    ]
)


@given(st.lists(st.one_of(_MARKUP, st.text(max_size=20)), max_size=40).map("".join))
def test_any_markup_gives_well_formed_blocks(page: str) -> None:
    doc = html_document(page)
    assert doc.kind == "html"
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    for block in doc.blocks:
        assert block.text
        assert block.text == " ".join(block.text.split())
        assert 0 <= block.link_chars <= len(block.text)
        assert block.hints <= HINTS
