"""Tests of the related-news teaser filter and of the records it hands to the user."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclean
from newsclean._model import Block, Drop, Verdict
from newsclean._segment import text_blocks
from newsclean.filters.teasers import TeaserFilter, collect_teasers
from newsclean.testing import check_filter, run_filter

SEED = Path(__file__).parents[2] / "fixtures" / "pages" / "xinhua-seed.txt"
LAST_ARTICLE_LINE = "为加快培育新质生产力提供有力支撑。"

BODY_ZH = (
    "国家知识产权局23日举行新闻发布会，"
    "介绍了以专利产业化促进中小企业成长的相关情况和下一步工作安排。"
)
BODY_EN = (
    "The council approved the new budget on Tuesday after a long debate, and the mayor said "
    "the money would go to schools and roads."
)


def _roles(result: newsclean.Result) -> dict[int, str]:
    return {
        v.block.index: str(v.drop.evidence["role"])
        for v in result.verdicts
        if v.drop is not None and v.drop.label == "teaser"
    }


def _evidence(result: newsclean.Result, index: int) -> dict[str, object]:
    drop = result.verdicts[index].drop
    assert drop is not None
    return dict(drop.evidence)


# -- the seed page ---------------------------------------------------------------------


def _seed_article_indices() -> list[int]:
    blocks = text_blocks(SEED.read_text(encoding="utf-8"))
    last = next(b.index for b in blocks if b.text.endswith(LAST_ARTICLE_LINE))
    return list(range(last + 1))


def test_seed_teaser_filter_alone_finds_eight_stories() -> None:
    result = run_filter(TeaserFilter(), SEED.read_text(encoding="utf-8"))
    assert len(result.teasers) == 8
    assert len({t.title for t in result.teasers}) == 8
    for teaser in result.teasers:
        assert all((teaser.title, teaser.snippet, teaser.source, teaser.time))
        assert len(teaser.blocks) == 3
    # The story printed four times, with two different times, is one record.
    repeated = [t for t in result.teasers if len(t.copies) == 9]
    assert len(repeated) == 1
    assert repeated[0].title.startswith("爱尔眼科")
    # Page order: blocks of record n come before those of record n + 1.
    firsts = [t.blocks[0] for t in result.teasers]
    assert firsts == sorted(firsts)
    assert not set(_seed_article_indices()) & set(result.labels())


def test_seed_default_pipeline_drops_the_list_and_keeps_the_article() -> None:
    raw = SEED.read_text(encoding="utf-8")
    result = newsclean.clean_and_explain(raw)
    assert len(result.teasers) == 8
    assert all(t.title and t.snippet and t.source and t.time for t in result.teasers)
    kept = {b.index for b in result.kept_blocks()}
    # Whatever other steps decide about the article, these two never touch it.
    mine = {v.block.index for v in result.verdicts if v.step in ("teasers", "near_duplicate")}
    assert not set(_seed_article_indices()) & mine
    teaser_blocks = {i for t in result.teasers for i in (*t.blocks, *t.copies)}
    assert len(teaser_blocks) == 54
    assert not teaser_blocks & kept
    assert "南极“父子兵”" not in result.text


def test_seed_duplicates_point_at_the_first_copy() -> None:
    result = run_filter(TeaserFilter(), SEED.read_text(encoding="utf-8"))
    story = next(t for t in result.teasers if t.title.startswith("爱尔眼科"))
    title_block = story.blocks[0]
    for index in story.copies:
        ev = _evidence(result, index)
        assert ev["copy"] in (1, 2, 3)
        assert ev["score"] == 100.0
        role = ev["role"]
        expected = {"title": story.blocks[0], "snippet": story.blocks[1], "meta": story.blocks[2]}
        assert ev["duplicate_of"] == expected[str(role)]
    assert _evidence(result, title_block)["copy"] == 0
    assert "duplicate_of" not in _evidence(result, title_block)


# -- record shapes -----------------------------------------------------------------------


def test_title_snippet_and_source_time_line_zh() -> None:
    lines = [
        BODY_ZH,
        "冰雪旅游进入旺季 冬季旅游市场持续火热",
        "央视网消息：眼下，冰雪旅游进入高峰期，一批新产品、新场景的推出，助力冬日旅游市场持续火...",
        "央视网 12-24 13:09:33",
        "安徽业界倡议二手车有序出海",
        "中新网合肥12月24日电 安徽省二手车出口座谈会23日在安徽合肥举行……",
        "中国新闻网 12-24 12:37:58",
    ]
    result = run_filter(TeaserFilter(), lines)
    assert _roles(result) == {
        1: "title",
        2: "snippet",
        3: "meta",
        4: "title",
        5: "snippet",
        6: "meta",
    }
    assert [(t.source, t.time) for t in result.teasers] == [
        ("央视网", "12-24 13:09:33"),
        ("中国新闻网", "12-24 12:37:58"),
    ]
    assert result.teasers[0].blocks == (1, 2, 3)


def test_title_source_and_time_on_separate_lines_zh() -> None:
    lines = [
        BODY_ZH,
        "香港中秋探访团慰问驻港部队",
        "央视新闻客户端",
        "5小时前",
        "河南一只逃脱老虎被抓 曾在国道被撞伤",
        "澎湃新闻",
        "14小时前",
        "12分钟前",
    ]
    result = run_filter(TeaserFilter(), lines)
    roles = _roles(result)
    assert roles[1] == "title"
    assert roles[2] == "source"
    assert roles[3] == "time"
    assert [(t.title, t.source, t.time) for t in result.teasers] == [
        ("香港中秋探访团慰问驻港部队", "央视新闻客户端", "5小时前"),
        ("河南一只逃脱老虎被抓 曾在国道被撞伤", "澎湃新闻", "14小时前"),
    ]


def test_title_and_source_time_line_en() -> None:
    lines = [
        BODY_EN,
        "Storm closes schools across the region",
        "Reuters · 3 hours ago",
        "Markets rally on hopes of a rate cut",
        "AP · 5 hours ago",
        "Council votes to expand bike lanes",
        "BBC News | Dec 24, 2024",
    ]
    result = run_filter(TeaserFilter(), lines)
    assert sorted(result.labels()) == [1, 2, 3, 4, 5, 6]
    assert [(t.title, t.source, t.time) for t in result.teasers] == [
        ("Storm closes schools across the region", "Reuters", "3 hours ago"),
        ("Markets rally on hopes of a rate cut", "AP", "5 hours ago"),
        ("Council votes to expand bike lanes", "BBC News", "Dec 24, 2024"),
    ]


def test_time_first_records_en() -> None:
    lines = [
        BODY_EN,
        "24 December 2024",
        "Storm closes schools across the region",
        "Heavy snow shut roads and schools in the north of the region on Monday...",
        "23 December 2024",
        "Markets rally on hopes of a rate cut",
        "Shares rose for a third day as investors bet that the central bank would...",
    ]
    result = run_filter(TeaserFilter(), lines)
    assert sorted(result.labels()) == [1, 2, 3, 4, 5, 6]
    assert [(t.title, t.time) for t in result.teasers] == [
        ("Storm closes schools across the region", "24 December 2024"),
        ("Markets rally on hopes of a rate cut", "23 December 2024"),
    ]
    assert all(t.snippet.endswith("...") for t in result.teasers)


def test_title_and_snippet_pairs_en_and_zh() -> None:
    lines = [
        BODY_EN,
        "Storm closes schools across the region",
        "Heavy snow shut roads and schools in the north of the region on Monday, and...",
        "黔进先锋 贵州结算逆境中走出发展新路",
        "记者日前从贵州登记结算有限责任公司了解到，近年来公司…",
        "Markets rally on hopes of a rate cut",
        "Shares rose for a third day as investors bet that the central bank would..",
        BODY_EN,
    ]
    result = run_filter(TeaserFilter(), lines)
    assert _roles(result) == {i: "title" if i % 2 else "snippet" for i in range(1, 7)}
    assert [t.title for t in result.teasers] == [
        "Storm closes schools across the region",
        "黔进先锋 贵州结算逆境中走出发展新路",
        "Markets rally on hopes of a rate cut",
    ]
    # Two pairs are not enough: a subheading over a paragraph that trails off is prose.
    assert run_filter(TeaserFilter(), lines[:5]).labels() == {}


SUMMARY_PAIRS = [
    "Canada Headlines",
    "Hops shortage spurs microbreweries to reinvent their beers",
    "A worldwide shortage of hops is forcing small breweries to rewrite their recipes.",
    "Man arrested in deadly hit-and-run",
    "A 24-year-old man has been charged in connection with a hit-and-run on Friday.",
    "Student fights culinary school's piercing ban",
    "A culinary school won't allow a student to finish her studies over a nose ring.",
]


def test_title_and_one_sentence_summary_pairs() -> None:
    result = run_filter(TeaserFilter(), [BODY_EN, *SUMMARY_PAIRS])
    assert _roles(result) == {i: "title" if i % 2 == 0 else "snippet" for i in range(2, 8)}
    assert [t.title for t in result.teasers] == SUMMARY_PAIRS[1::2]
    assert result.teasers[0].snippet == SUMMARY_PAIRS[2]
    # Two pairs are not enough, and the shape can be turned off.
    assert run_filter(TeaserFilter(), [BODY_EN, *SUMMARY_PAIRS[:5]]).labels() == {}
    off = TeaserFilter(min_summaries=0)
    assert run_filter(off, [BODY_EN, *SUMMARY_PAIRS]).labels() == {}


def test_article_sections_of_one_sentence_are_kept() -> None:
    # A roundup goes on from its running text into short sections: not a list.
    roundup = [
        BODY_EN,
        "Canucks 2 Ducks 1",
        "At Vancouver, Daniel Sedin and Matt Cooke each scored as the Canucks beat Anaheim.",
        "Flyers 1 Panthers 0",
        "At Sunrise, Antero Niittymaki stopped 38 shots for his second shutout of the season.",
        "Kings 3 Blackhawks 2",
        "At Chicago, Dustin Brown scored the overtime winner as Los Angeles rallied late.",
    ]
    assert run_filter(TeaserFilter(), roundup).labels() == {}
    # Numbered points with one sentence each are the article's own list.
    numbered = [
        "How to prepare for the storm",
        "1. Stock up on water",
        "Keep at least four litres per person per day for three days.",
        "2. Charge your phones",
        "Power cuts may last for days once the lines come down.",
        "3. Check on your neighbours",
        "Older people living alone are most at risk in the cold.",
    ]
    assert run_filter(TeaserFilter(), numbered).labels() == {}
    # Questions over one-sentence answers are an FAQ.
    faq = [
        BODY_EN,
        "Questions readers asked",
        "When will the power come back?",
        "Crews expect to restore most lines by Thursday evening.",
        "Are schools open?",
        "Schools in the north of the region stay closed until Monday.",
        "Is the tap water safe?",
        "The water board says the tap water is safe to drink.",
    ]
    assert run_filter(TeaserFilter(), faq).labels() == {}
    interview = [
        BODY_ZH,
        "债券市场存在泡沫吗？",
        "发达经济体的政府债券估值过高，目前的定价已经走得太远，但这一现象可能还需要一段时间才能受到市场的挑战。",
        "会有破坏性的崩盘吗？",
        "短期内不太可能。长期来看，我们可能会看到货币政策的极限受到考验，而这有可能破坏债券市场的稳定。",
        "固收市场哪些领域风险最大或价值最低？",
        "期限较长评级较高的主权债券，德国三十年期国债的收益率实际上让买入并持有的投资者蒙受了损失。",
    ]
    assert run_filter(TeaserFilter(), interview).labels() == {}
    # A headline and standfirst right above the body are the article's own head.
    head = [*SUMMARY_PAIRS[1:5], "Storm batters the coast", "Thousands lost power.", BODY_EN]
    assert run_filter(TeaserFilter(), head).labels() == {}


@pytest.mark.parametrize(
    ("lines", "titles"),
    [
        (
            [
                "· 国家统计局公布最新数据 (12-24)",
                "· 冬季旅游市场持续火热 (12-23)",
                "· 二手车出口座谈会举行 (12-22)",
            ],
            ["国家统计局公布最新数据", "冬季旅游市场持续火热", "二手车出口座谈会举行"],
        ),
        (
            [
                "Storm closes schools 2024-12-24",
                "Markets rally again 2024-12-23",
                "Bike lanes grow 2024-12-22",
            ],
            ["Storm closes schools", "Markets rally again", "Bike lanes grow"],
        ),
    ],
)
def test_titles_with_their_own_date(lines: list[str], titles: list[str]) -> None:
    result = run_filter(TeaserFilter(), [BODY_EN, *lines, BODY_EN])
    assert sorted(result.labels()) == [1, 2, 3]
    assert [t.title for t in result.teasers] == titles
    assert all(t.time for t in result.teasers)


def test_runs_of_dated_titles_end_at_plain_text_and_at_other_lines() -> None:
    # The list finders walk only the lines that are not plain text; a run of dated
    # titles still ends at a plain line (a gap) and at a line of another shape.
    dated = [f"Storm closes schools part {n} 2024-12-2{n}" for n in range(1, 7)]
    lines = [BODY_EN, *dated[:3], BODY_EN, *dated[3:5], "3 hours ago", dated[5], BODY_EN]
    result = run_filter(TeaserFilter(), lines)
    # Only the first run is long enough: the second has two titles, then a time line.
    assert sorted(result.labels()) == [1, 2, 3]


def test_runs_of_source_time_lines_end_at_plain_text() -> None:
    # Three "name + time" lines in a row read as dated titles; two (after a gap) do not.
    metas = [
        "南极考察队出发 2024-12-24",
        "冬季旅游市场火热 2024-12-23",
        "二手车出口增长 2024-12-22",
    ]
    lines = [BODY_ZH, *metas, BODY_ZH.replace("23日", "24日"), *metas[:2], BODY_EN]
    result = run_filter(TeaserFilter(), lines)
    assert sorted(result.labels()) == [1, 2, 3]
    assert [t.title for t in result.teasers] == [
        "南极考察队出发",
        "冬季旅游市场火热",
        "二手车出口增长",
    ]


@pytest.mark.parametrize(
    ("heading", "titles"),
    [
        (
            "相关新闻",
            [
                "第41次南极考察 南极父子兵",
                "冰雪旅游进入旺季 冬季旅游市场持续火热",
                "安徽业界倡议二手车有序出海",
            ],
        ),
        (
            "相關閱讀：",
            ["第41次南極考察 南極父子兵", "冰雪旅遊進入旺季", "安徽業界倡議二手車有序出海"],
        ),
        (
            "Related stories",
            ["Storm closes schools", "Markets rally on rate hopes", "Council expands bike lanes"],
        ),
        (
            "Leia também:",
            ["Tempestade fecha escolas", "Bolsa sobe com juros", "Prefeitura amplia ciclovias"],
        ),
        (
            "Lesen Sie auch",
            ["Sturm schließt Schulen", "Börse steigt wieder", "Stadt baut mehr Radwege"],
        ),
    ],
)
def test_titles_under_a_related_heading(heading: str, titles: list[str]) -> None:
    lines = [BODY_ZH, BODY_EN, heading, *titles, BODY_EN.replace("Tuesday", "Monday")]
    result = run_filter(TeaserFilter(), lines)
    assert result.labels() == {2: "teaser", 3: "teaser", 4: "teaser", 5: "teaser"}
    assert [t.title for t in result.teasers] == titles
    assert _roles(result)[2] == "meta"  # the heading belongs to the first entry
    assert result.teasers[0].blocks == (2, 3)


def test_heading_above_a_dated_list_goes_with_it() -> None:
    lines = [
        BODY_EN,
        "More stories",
        "Storm closes schools",
        "3 hours ago",
        "Markets rally",
        "5 hours ago",
    ]
    result = run_filter(TeaserFilter(), lines)
    assert sorted(result.labels()) == [1, 2, 3, 4, 5]
    assert result.teasers[0].blocks == (1, 2, 3)


@pytest.mark.parametrize(
    "stamp",
    [
        "12-24 19:25:39",
        "2024-12-24",
        "2024年12月24日 10:00",
        "3 hours ago",
        "3小时前",
        "昨天 10:20",
        "Dec 24, 2024",
        "24 December 2024",
    ],
)
def test_time_formats(stamp: str) -> None:
    lines = [
        BODY_EN,
        "Storm closes schools in the north",
        stamp,
        "Markets rally on rate hopes",
        stamp,
    ]
    result = run_filter(TeaserFilter(), lines)
    assert sorted(result.labels()) == [1, 2, 3, 4]
    assert [t.time for t in result.teasers] == [stamp, stamp]


# -- near-duplicate copies -------------------------------------------------------------------


def test_copies_with_other_times_cuts_and_widths_are_one_story() -> None:
    lines = [
        BODY_ZH,
        "冰雪旅游进入旺季 冬季旅游市场持续火热",
        "央视网消息：眼下，冰雪旅游进入高峰期，一批新产品、新场景的推出，助力冬日旅游市场持续火...",
        "央视网 12-24 13:09:33",
        "ＣＣＴＶ特别报道：安徽业界倡议二手车有序出海",
        "中新网合肥12月24日电 安徽省二手车出口座谈会23日在安徽合肥举行……",
        "中国新闻网 12-24 12:37:58",
        "返回顶部",
        "冰雪旅游进入旺季，冬季旅游市场持续火热！",  # other punctuation
        "央视网消息：眼下，冰雪旅游进入高峰期…",  # cut shorter
        "央视网 12-24 15:40:00",  # another time
        "cctv特别报道:安徽业界倡议二手车有序出海",  # half-width, lower case
        "中新网合肥12月24日电 安徽省二手车出口座谈会23日在安徽合肥举行……",
        "中国新闻网 12-25 08:00:00",
    ]
    result = run_filter(TeaserFilter(), lines)
    assert len(result.teasers) == 2
    first, second = result.teasers
    assert first.blocks == (1, 2, 3)
    assert first.copies == (8, 9, 10)
    assert first.time == "12-24 13:09:33"
    assert second.copies == (11, 12, 13)
    ev = _evidence(result, 8)
    assert ev["duplicate_of"] == 1
    assert float(str(ev["score"])) >= 90
    assert _evidence(result, 10)["duplicate_of"] == 3


def test_similar_but_different_titles_stay_separate_stories() -> None:
    lines = [
        BODY_EN,
        "Storm closes schools in the north",
        "3 hours ago",
        "Storm closes roads in the south",
        "4 hours ago",
    ]
    result = run_filter(TeaserFilter(), lines)
    assert len(result.teasers) == 2
    assert all(not t.copies for t in result.teasers)


def test_stricter_threshold_splits_near_copies() -> None:
    lines = [
        BODY_EN,
        "Storm closes schools across the region",
        "3 hours ago",
        "Storm closes schools across the regions",
        "4 hours ago",
    ]
    assert len(run_filter(TeaserFilter(), lines).teasers) == 1
    assert len(run_filter(TeaserFilter(threshold=99.5), lines).teasers) == 2


# -- negative cases: article text that looks like teasers ---------------------------------


def test_numbered_list_body_is_kept() -> None:
    lines = [
        "国务院印发意见 部署十项重点任务",
        "新华社北京12月24日电 国务院日前印发意见，部署以下重点任务：",
        "1. 完善产权保护制度",
        "2. 优化营商环境",
        "3. 加快培育新质生产力",
        "4. 推动中小企业专精特新发展",
        "5. 健全知识产权公共服务",
        "意见要求，各地区各部门要结合实际认真贯彻落实。",
    ]
    assert run_filter(TeaserFilter(), lines).labels() == {}
    english = [
        "Council sets out its plan for the year",
        "The council published its priorities on Tuesday. They are:",
        "1. Fix the roads",
        "2. Build more homes",
        "3. Expand bike lanes",
        "4. Keep libraries open",
        "The mayor said the plan would be reviewed in June.",
    ]
    assert run_filter(TeaserFilter(), english).labels() == {}


def test_body_quoting_a_headline_is_kept() -> None:
    lines = [
        "Headlines that shaped the week",
        "On Monday the paper ran “Storm closes schools across the region”, and by Tuesday the "
        "story had been read more than a million times, the editor said.",
        "Another front page, “Markets rally on hopes of a rate cut”, drew fewer readers.",
        "Storm closes schools across the region",
        "Reuters · 3 hours ago",
        "Markets rally on hopes of a rate cut",
        "AP · 5 hours ago",
    ]
    result = run_filter(TeaserFilter(), lines)
    assert sorted(result.labels()) == [3, 4, 5, 6]


def test_rhetorical_ellipsis_in_body_is_kept() -> None:
    lines = [
        "A quiet winter",
        "The snow came late this year, and when it came it did not stop for days, and the town "
        "waited, and waited...",
        "Nobody remembered a winter like it",
        "The older residents said the lake had frozen only twice in their lifetimes, and never so "
        "early in the season, so they wondered what else might change...",
        "By spring the roads had been rebuilt.",
    ]
    assert run_filter(TeaserFilter(), lines).labels() == {}


def test_single_dated_entry_is_not_a_list() -> None:
    lines = [
        "Storm closes schools across the region",
        "By Jane Doe",
        "Dec 24, 2024",
        BODY_EN,
        "Related coverage of the storm is on page 4.",
    ]
    assert run_filter(TeaserFilter(), lines).labels() == {}
    assert (
        run_filter(TeaserFilter(), ["Home", "Storm closes schools", "3小时前", BODY_ZH]).labels()
        == {}
    )


def test_article_head_after_a_list_is_kept() -> None:
    lines = [
        "Top stories",
        "Storm closes schools across the region",
        "Markets rally on hopes of a rate cut",
        "Council expands bike lanes",
        "New library opens in the old town hall",
        "By Jane Doe",
        "Dec 24, 2024",
        BODY_EN,
        BODY_EN.replace("Tuesday", "Wednesday"),
    ]
    result = run_filter(TeaserFilter(), lines)
    assert 4 not in result.labels()
    assert {5, 6, 7, 8}.isdisjoint(result.labels())


def test_dated_lines_before_running_text_are_the_article_head() -> None:
    lines = [
        "Storm closes schools",
        "3 hours ago",
        "Markets rally on rate hopes",
        "5 hours ago",
        "Council approves the new budget",
        "Dec 24, 2024",
        BODY_EN,
    ]
    result = run_filter(TeaserFilter(), lines)
    assert sorted(result.labels()) == [0, 1, 2, 3]


def test_prose_about_related_news_and_copyright_is_kept() -> None:
    lines = [
        "相关新闻显示，国家版权局今年查处了多起侵权案件，相关部门表示将继续加大执法力度。",
        "Related news outlets reported that the contact details of the copyright office changed.",
        BODY_EN,
    ]
    assert run_filter(TeaserFilter(), lines).labels() == {}


# -- collect_teasers -------------------------------------------------------------------------


def _verdict(index: int, text: str, **evidence: float | int | str) -> Verdict:
    block = Block(index, 0, len(text), text)
    return Verdict(block, "teasers", Drop(index, "teaser", "entry", evidence))


def test_collect_teasers_fills_missing_fields_from_later_copies_in_page_order() -> None:
    verdicts = [
        Verdict(Block(0, 0, 4, "Body")),
        _verdict(1, "Second story", record=1, copy=0, role="title"),
        _verdict(2, "First story", record=0, copy=0, role="title"),
        _verdict(
            3,
            "Reuters 3 hours ago",
            record=0,
            copy=0,
            role="meta",
            source="Reuters",
            time="3 hours ago",
        ),
        _verdict(4, "Second story", record=1, copy=1, role="title", duplicate_of=1, score=100.0),
        _verdict(
            5, "A cut snippet...", record=1, copy=1, role="snippet", duplicate_of=1, score=100.0
        ),
        Verdict(Block(6, 0, 3, "Ads"), "navigation", Drop(6, "navigation", "menu")),
    ]
    teasers = collect_teasers(verdicts)
    assert [t.title for t in teasers] == ["First story", "Second story"]
    assert teasers[0].source == "Reuters"
    assert teasers[0].time == "3 hours ago"
    assert teasers[0].blocks == (2, 3)
    assert teasers[1].snippet == "A cut snippet..."
    assert teasers[1].blocks == (1,)
    assert teasers[1].copies == (4, 5)


def test_collect_teasers_ignores_other_labels_and_untitled_records() -> None:
    verdicts = [
        _verdict(0, "12-24 10:00", record=0, copy=0, role="time", time="12-24 10:00"),
        Verdict(Block(1, 0, 4, "Menu"), "navigation", Drop(1, "navigation", "menu", {"record": 5})),
    ]
    assert collect_teasers(verdicts) == ()
    assert collect_teasers([]) == ()


# -- contract and hostile inputs --------------------------------------------------------------


def test_check_filter() -> None:
    check_filter(TeaserFilter(), pages=[SEED.read_text(encoding="utf-8")])
    check_filter(TeaserFilter(min_records=3, threshold=80.0))


@pytest.mark.parametrize(
    "page",
    [
        "x" * 200_000,
        "新华网 12-24 19:25:39" * 10_000,
        ("标题" * 50 + "…") * 10_000,
        "\n".join(["新华网 12-24 19:25:39"] * 100_000),
        "\n".join(["Storm closes schools", "3 hours ago"] * 50_000),
        "1" * 1_000_000,
        "12-24 " * 200_000,
    ],
    ids=[
        "long-line",
        "long-meta",
        "long-cut",
        "identical-meta",
        "identical-records",
        "1mb",
        "times",
    ],
)
def test_hostile_pages_finish(page: str) -> None:
    result = run_filter(TeaserFilter(), page)
    assert len(result.verdicts) == len(text_blocks(page))
    if page.startswith("Storm"):
        # 50,000 copies of one entry: one story, every later copy collapsed into it.
        assert len(result.teasers) == 1
        assert len(result.teasers[0].copies) == 99_998
