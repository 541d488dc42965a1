from __future__ import annotations

from newsclean import Pipeline, Result, get_filter
from newsclean.filters.dom_content import DomContentFilter
from newsclean.testing import check_filter, run_filter

EN_BODY = (
    "<p>The storm arrived at dawn, and thousands of homes lost power across the region.</p>"
    "<p>Crews worked through the night to restore the lines, officials said on Sunday.</p>"
    "<p>Schools will stay closed until Tuesday, while roads are cleared of fallen trees.</p>"
)
ZH_BODY = (
    "<p>记者从市气象台获悉，受冷空气影响，本周后期全市将迎来明显降温，最低气温将跌破零度。</p>"
    "<p>气象专家提醒，市民外出时要注意防寒保暖，驾车出行的市民还要注意道路结冰带来的影响。</p>"
    "<p>据介绍，这次降温过程将持续三天左右，下周起气温将逐步回升，天气以晴到多云为主。</p>"
)


def run_html(page: str, flt: DomContentFilter | None = None) -> Result:
    return Pipeline([("dom_content", flt or DomContentFilter())]).run(page, kind="html")


def texts(result: Result, label: str | None) -> list[str]:
    """Texts of the blocks that got ``label`` (``None``: the kept blocks)."""
    if label is None:
        return [b.text for b in result.kept_blocks()]
    return [v.block.text for v in result.verdicts if v.drop is not None and v.drop.label == label]


def test_en_article_container_found_sidebar_related_comments_dropped() -> None:
    page = (
        "<html><head><title>Storm hits the coast | Daily News</title></head><body>"
        "<div><span>Subscribe</span> <span>Log in</span></div>"
        "<h1>Storm hits the coast</h1>"
        f"<div>{EN_BODY}</div>"
        "<div><h3>Related stories</h3>"
        "<p><a href='/a'>Floods close the ring road after heavy rain</a></p>"
        "<p><a href='/b'>Power cuts hit thousands of homes in the north</a></p></div>"
        "<div><p>Add your comment</p><p>3 comments</p></div>"
        "</body></html>"
    )
    result = run_html(page)
    kept = texts(result, None)
    assert kept[0] == "Storm hits the coast"  # the headline stays
    assert kept[1:] == [p.removeprefix("<p>") for p in EN_BODY.split("</p>") if p]
    dropped = texts(result, "outside_article")
    assert "Subscribe Log in" in dropped
    assert "Related stories" in dropped
    assert "Add your comment" in dropped
    drop = next(v.drop for v in result.verdicts if v.drop is not None)
    assert drop.evidence["container"] == "/html/body/div[2]"
    assert drop.evidence["share"] == 1.0


def test_zh_article_in_unmarked_div_found() -> None:
    page = (
        "<html><head><title>全市迎来明显降温_新闻中心</title></head><body>"
        "<table><tr><td><a href='/'>首页</a> <a href='/n'>新闻</a> <a href='/s'>体育</a></td></tr>"
        "</table>"
        "<div><div><h1>全市迎来明显降温</h1><div>来源：本报 2024-01-05</div>"
        f"<div>{ZH_BODY}</div></div>"
        "<div><p>热点排行</p><ul><li><a href='/1'>多地发布寒潮预警</a></li>"
        "<li><a href='/2'>春运火车票今起开售</a></li></ul></div></div>"
        "</body></html>"
    )
    result = run_html(page)
    kept = texts(result, None)
    assert kept[0] == "全市迎来明显降温"
    assert kept[1:] == [p.removeprefix("<p>") for p in ZH_BODY.split("</p>") if p]
    dropped = texts(result, "outside_article")
    assert "来源：本报 2024-01-05" in dropped
    assert "热点排行" in dropped
    assert "多地发布寒潮预警" in dropped


def test_article_split_over_sibling_containers_is_kept_whole() -> None:
    page = (
        "<h1>Storm hits the coast</h1>"
        f"<div><div class='part'>{EN_BODY}</div><div><span>Advertisement</span></div>"
        f"<div class='part'>{EN_BODY}</div></div>"
        "<div><p>Most read</p></div>"
    )
    result = run_html(page)
    assert texts(result, "outside_article") == ["Most read"]


def test_first_paragraph_directly_in_the_ancestor_is_kept() -> None:
    lead = "The storm arrived at dawn, and thousands of homes lost power, officials said."
    page = f"<div>{lead}<span>{EN_BODY}{EN_BODY}</span></div><div><p>Newsletter</p></div>"
    result = run_html(page)
    assert lead in texts(result, None)
    assert texts(result, "outside_article") == ["Newsletter"]


def test_page_that_is_all_article_loses_nothing() -> None:
    page = f"<html><body><h1>Storm hits the coast</h1><div>{EN_BODY}</div></body></html>"
    assert run_html(page).labels() == {}


def test_article_mentioning_copyright_and_related_is_kept() -> None:
    body = (
        "<p>The court ruled that the copyright claim, and related contact details, were valid.</p>"
        "<p>本案涉及网站ICP备案与版权归属，法院认为，相关条款依法有效，被告应当承担责任。</p>"
    )
    page = f"<h1>Court rules</h1><div>{body}{EN_BODY}</div><div><p>Home</p></div>"
    result = run_html(page)
    assert texts(result, "outside_article") == ["Home"]


def test_unsure_when_prose_is_spread_out_drops_nothing() -> None:
    # Two equally long stories in separate regions, not widened into one: each holds
    # half of the page's prose.
    page = f"<div>{EN_BODY}</div><p>Menu</p><div>{EN_BODY}</div>"
    unsure = DomContentFilter(min_share=0.6, sibling_share=2.0, upper=0.4)
    assert run_html(page, unsure).labels() == {}
    sure = DomContentFilter(min_share=0.4, sibling_share=2.0, upper=0.4)
    assert len(texts(run_html(page, sure), "outside_article")) == 4
    # By default the two stories are taken as one article that continues.
    assert run_html(page).labels() == {}


def test_page_without_prose_drops_nothing() -> None:
    page = "<ul><li><a href='/'>Home</a></li><li><a href='/n'>News</a></li></ul><p>Contact</p>"
    assert run_html(page).labels() == {}


def test_text_documents_are_untouched() -> None:
    lines = [
        "Home | News | Sport",
        "The storm arrived at dawn, and thousands of homes lost power across the region.",
        "Related stories",
    ]
    assert run_filter(DomContentFilter(), lines).labels() == {}


def test_registered_and_conforms() -> None:
    from newsclean._default import default_pipeline

    assert get_filter("dom_content") is DomContentFilter
    names = default_pipeline().names
    assert names.index("dom_content") == names.index("dom") + 1
    check_filter(DomContentFilter())
    check_filter(DomContentFilter(min_chars=10, min_share=0.2, upper=0.5))


def test_comment_list_with_content_divs_stays_a_comment_region() -> None:
    # Each comment has its own "content" element; the list around them is still a
    # comment region (hints of _html.py), while a wrapper mostly made of the article's
    # content element is not boilerplate.
    from newsclean._html import html_document

    comment = (
        "<div class='comment'><div class='content'><p>I disagree, and here is why.</p></div></div>"
    )
    doc = html_document(
        "<div class='sidebar-wrap'><div class='post-content'>" + EN_BODY + "</div></div>"
        "<div id='comments'>" + comment * 5 + "</div>"
    )
    assert all(not b.hints & {"comment", "sidebar"} for b in doc.blocks[:3])
    assert all("comment" in b.hints for b in doc.blocks[3:])
    assert len(doc.blocks) == 8


def test_article_element_outweighs_a_longer_unmarked_region() -> None:
    para = "<p>The storm arrived at dawn, and thousands of homes lost power, they said.</p>"
    page = f"<article>{para * 3}</article><div>{para * 4}</div>"
    boosted = run_html(page, DomContentFilter(sibling_share=1.0, upper=0.5))
    assert sorted(boosted.labels()) == [3, 4, 5, 6]
    plain = run_html(page, DomContentFilter(sibling_share=1.0, upper=0.5, article_boost=1.0))
    assert sorted(plain.labels()) == [0, 1, 2]


def test_awkward_html_pages_are_handled() -> None:
    from newsclean._html import html_document

    para = "<p>Paragraph of a long article, with words and a full stop.</p>"
    pages = [
        "<html></html>",
        "<div>" * 100_000 + "Deep text, with a comma." + "</div>" * 100_000,  # no paths
        "<body>" + para * 2000 + "</body>",
        "<table>" + "<tr><td><a href='/x'>link</a></td></tr>" * 500 + "</table>",
        "<p>Only one sentence, and it is short.</p>",
    ]
    flt = DomContentFilter()
    for page in pages:
        doc = html_document(page)
        drops = list(flt(doc))
        assert drops == list(flt(html_document(page)))  # deterministic
        assert len({d.block for d in drops}) == len(drops)
        assert all(0 <= d.block < len(doc.blocks) for d in drops)
        assert len(drops) < len(doc.blocks) or not doc.blocks  # never everything


TEASER = "<article><p>{}: a long teaser paragraph that reads like prose, with commas.</p></article>"


def test_list_opened_by_a_related_heading_does_not_win() -> None:
    teasers = "".join(TEASER.format(f"Story {n}") for n in range(6))
    page = (
        "<div><article><h1>Storm hits</h1><p>The storm arrived at dawn, and homes lost power.</p>"
        f"</article><section><h3 class='related-title'>You may also like</h3>{teasers}</section>"
        "</div>"
    )
    result = run_html(page)
    assert texts(result, None) == [
        "Storm hits",
        "The storm arrived at dawn, and homes lost power.",
    ]
    evidence = next(v.drop.evidence for v in result.verdicts if v.drop is not None)
    assert evidence["container"] == "/html/body/div/article"
    # Without the rule the six teasers outweigh the article.
    plain = run_html(page, DomContentFilter(teaser_hints=()))
    assert "Story 0: a long teaser paragraph that reads like prose, with commas." in texts(
        plain, None
    )


def test_related_heading_inside_the_article_body_does_not_void_it() -> None:
    # The heading does not open the body element (paragraphs come first), so the body
    # keeps its prose; the links after the heading are the link filters' business.
    page = (
        f"<div><p>Menu</p></div><div class='body'>{EN_BODY}"
        "<h3 class='related-title'>Related</h3><p>More storms this week.</p></div>"
    )
    result = run_html(page)
    assert texts(result, "outside_article") == ["Menu"]
