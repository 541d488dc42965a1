from __future__ import annotations

import pytest

from newsclean import Pipeline, Result, get_filter
from newsclean.filters.dom import DomHintsFilter
from newsclean.testing import check_filter, run_filter

BODY = "<p>The storm arrived at dawn, and thousands of homes lost power across the region.</p>"


def run_html(page: str, flt: DomHintsFilter | None = None) -> Result:
    return Pipeline([("dom", flt or DomHintsFilter())]).run(page, kind="html")


def kept(result: Result) -> list[str]:
    return [b.text for b in result.kept_blocks()]


@pytest.mark.parametrize(
    ("region", "hint"),
    [
        ('<nav><a href="/">Home</a> <a href="/n">News</a></nav>', "nav"),
        ('<div class="main-menu"><span>Sections</span></div>', "menu"),
        ('<div id="footer"><p>About us · Jobs</p></div>', "footer"),
        ('<p class="copyright">All rights reserved</p>', "copyright"),
        ('<div class="breadcrumb"><span>Home &gt; World</span></div>', "breadcrumb"),
        ('<div class="share-bar"><span>Share this</span></div>', "share"),
        ('<div class="related-articles"><p>Another story</p></div>', "related"),
        ('<section id="comments"><p>Leave a reply</p></section>', "comment"),
        ('<div class="sidebar"><p>Most read</p></div>', "sidebar"),
        ('<div class="ad-container"><p>Advertisement</p></div>', "ad"),
        ('<div style="display:none"><p>Hidden text</p></div>', "hidden"),
        ('<div class="author-bio"><p>Jane Roe covers energy.</p></div>', "byline"),
        (
            "<figure><img src='a.jpg'><figcaption>Crews at work. Photo: AP</figcaption></figure>",
            "caption",
        ),
    ],
)
def test_drops_marked_regions(region: str, hint: str) -> None:
    result = run_html(BODY + region)
    assert result.labels() == {1: "dom_boilerplate"}
    drop = result.verdicts[1].drop
    assert drop is not None
    assert drop.evidence == {"hint": hint}


def test_keeps_the_article_paragraph() -> None:
    result = run_html("<div class='content'>" + BODY * 3 + "</div>")
    assert result.labels() == {}


def test_marked_regions_inside_article_go_by_default() -> None:
    page = (
        "<article>" + BODY + "<div class='related-inline'><p>See also this</p></div>"
        "<p hidden>Invisible</p></article>"
    )
    assert run_html(page).labels() == {1: "dom_boilerplate", 2: "dom_boilerplate"}
    lenient = run_html(page, DomHintsFilter(respect_article=True))
    assert lenient.labels() == {2: "dom_boilerplate"}  # hidden goes even then


def test_link_dense_blocks_are_dropped() -> None:
    page = BODY + '<p><a href="/a">Another headline about the storm</a></p>'
    result = run_html(page)
    assert result.labels() == {1: "dom_boilerplate"}
    drop = result.verdicts[1].drop
    assert drop is not None
    assert drop.evidence == {"link_share": 1.0}


def test_paragraph_with_a_few_links_is_kept() -> None:
    page = (
        "<p>The <a href='/agency'>weather agency</a> said the storm arrived at dawn, and "
        "thousands of homes lost power across the region on Tuesday.</p>"
    )
    assert run_html(page).labels() == {}


def test_long_link_block_uses_the_higher_share() -> None:
    text = "word " * 30
    page = f"<p><a href='/x'>{text}</a> and some more plain words here to dilute it a bit.</p>"
    # 149 of 200 characters are link text: above the short-block share, below the long one
    assert run_html(page).labels() == {}
    assert run_html(page, DomHintsFilter(long_link_share=0.5)).labels() == {0: "dom_boilerplate"}


def test_custom_hint_list() -> None:
    page = BODY + '<div class="sidebar"><p>Most read</p></div>'
    assert run_html(page, DomHintsFilter(hints=("nav",))).labels() == {}


def test_text_documents_are_left_alone() -> None:
    result = run_filter(DomHintsFilter(), ["Home | News", "Copyright 2024 Example"])
    assert result.labels() == {}


def test_article_about_footers_and_copyright_is_kept() -> None:
    page = (
        "<article><h1>Why sites show copyright footers</h1>"
        "<p>Copyright notices and ICP numbers appear in the footer of Chinese sites.</p>"
        "<p>网站底部的版权声明和ICP备案号是法律要求。</p></article>"
    )
    assert run_html(page).labels() == {}


def test_conformance_and_registration() -> None:
    check_filter(DomHintsFilter())
    assert get_filter("dom") is DomHintsFilter


def test_prose_about_authors_and_captions_is_kept() -> None:
    page = (
        "<div class='content'><p>The author of the caption, a photographer, said the byline "
        "was wrong and asked for a correction.</p>" + BODY + "</div>"
    )
    assert run_html(page).labels() == {}
