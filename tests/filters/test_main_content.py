from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest
from tests.samples import STORM_STORY

from newsclean import Pipeline, _scorer
from newsclean._features import BlockFeatures, compute_features, measure
from newsclean._lists import article_items, numbered_items
from newsclean._scorer import (
    BLOCK_FEATURES,
    CONTEXT_FEATURES,
    Model,
    block_vector,
    choose,
    context_vectors,
    decide,
    default_model,
    probabilities,
    title_like,
)
from newsclean._segment import split_lines, text_blocks
from newsclean.filters.main_content import MainContentFilter
from newsclean.testing import check_filter, make_document, run_filter

ZH_PAGE = [
    "首页 | 新闻 | 体育 | 财经 | 娱乐 | 科技",
    "登录",
    "注册",
    "当前位置：首页 > 新闻 > 国内",
    "暴雨袭击南方多省 数十万人紧急转移",
    "本报讯 连日来，南方多个省份遭遇持续强降雨，部分地区出现严重内涝，"
    "当地政府已组织数十万群众紧急转移。",
    "气象部门表示，这次降雨过程持续时间长、累计雨量大，未来三天部分地区仍将有大到暴雨，需要加强防范。",
    "救援工作",
    "消防和武警部队已经赶赴受灾最严重的地区，在积水中搜救被困群众，并为安置点运送了食品和饮用水。",
    "专家提醒，居民在暴雨期间应尽量减少外出，远离河道和低洼地带，注意用电安全，不要在危房中停留。",
    "关于我们 | 联系我们 | 广告服务 | 网站地图",
    "热门标签",
    "暴雨",
    "天气",
]

EN_PAGE = [
    "Home | World | Business | Sport | Weather",
    "Sign in",
    "Subscribe",
    *STORM_STORY,
    "Privacy | Terms | Contact us | About",
    "Follow us",
    "Facebook",
    "Twitter",
]

DE_PAGE = [
    "Startseite | Politik | Wirtschaft | Sport | Kultur",
    "Anmelden",
    "Sturm zieht über die Küste",
    "Der Sturm ist in der Nacht zum Montag über die Küste gezogen, und am Mittag waren "
    "Tausende Haushalte in der Region ohne Strom.",
    "Die Feuerwehr war die ganze Nacht im Einsatz, um umgestürzte Bäume von den Straßen zu "
    "räumen, und mehrere Schulen blieben geschlossen.",
    "Die Behörden baten die Bewohner, in ihren Häusern zu bleiben und sich von den Ufern "
    "des Flusses fernzuhalten, bis das Wasser wieder sinkt.",
    "Impressum | Datenschutz | Kontakt",
    "Teilen",
]

# A standings table: short rows of names and numbers, numbered 1, 2, 3...
STANDINGS = [
    "These are the final standings of the season after 36 races:",
    "Pos. Driver Points Wins Poles",
    *(f"{i} Driver Number{i} {5040 - 37 * i} {i % 4} {i % 3}" for i in range(1, 25)),
]


RU_PAGE = [
    "Главная | Новости | Спорт | Погода",
    "Войти",
    "Шторм обрушился на побережье",
    "Шторм пришёл на побережье ночью, и к утру тысячи домов в регионе остались без "
    "электричества, сообщили в администрации.",
    "Аварийные бригады работали всю ночь, чтобы убрать упавшие деревья с дорог, а "
    "несколько школ были закрыты.",
    "Жителей попросили не выходить из домов и держаться подальше от берегов реки, пока "
    "вода не спадёт.",
    "О нас | Контакты | Реклама",
    "Поделиться",
]


def kept(lines: list[str]) -> list[str]:
    result = run_filter(MainContentFilter(), lines)
    return [v.block.text for v in result.verdicts if v.kept]


@pytest.mark.parametrize(
    ("page", "menu", "body"),
    [
        (ZH_PAGE, [0, 1, 2, 3, 10, 11, 12, 13], [5, 6, 8, 9]),
        (EN_PAGE, [0, 1, 2, 9, 10, 11, 12], [4, 5, 7, 8]),
        (DE_PAGE, [0, 1, 6, 7], [3, 4, 5]),
        (RU_PAGE, [0, 1, 6, 7], [3, 4, 5]),
    ],
    ids=["zh", "en", "de", "ru"],
)
def test_drops_menus_and_footer_keeps_body(
    page: list[str], menu: list[int], body: list[int]
) -> None:
    labels = run_filter(MainContentFilter(), page).labels()
    for i in menu:
        assert labels.get(i) == "boilerplate", page[i]
    for i in body:
        assert i not in labels, page[i]


@pytest.mark.parametrize(("page", "subheading"), [(ZH_PAGE, 7), (EN_PAGE, 6)], ids=["zh", "en"])
def test_short_subheading_between_paragraphs_is_kept(page: list[str], subheading: int) -> None:
    assert subheading not in run_filter(MainContentFilter(), page).labels()


def test_same_short_line_among_menu_items_is_dropped() -> None:
    # "救援工作" is kept as a subheading above; as a menu item it goes.
    page = ["首页", "救援工作", "体育", "财经", *ZH_PAGE[4:10]]
    labels = run_filter(MainContentFilter(), page).labels()
    assert labels.get(1) == "boilerplate"


def test_short_list_item_inside_body_is_kept() -> None:
    page = [
        *EN_PAGE[:6],
        "Closed roads:",
        "- the coast road",
        "- the bridge at the harbour",
        *EN_PAGE[7:],
    ]
    labels = run_filter(MainContentFilter(), page).labels()
    for i in (6, 7, 8):
        assert i not in labels, page[i]
    assert labels.get(0) == "boilerplate"


@pytest.mark.parametrize(
    ("page", "headline"),
    [(ZH_PAGE, 4), (EN_PAGE, 3), (DE_PAGE, 2), (RU_PAGE, 2)],
    ids=["zh", "en", "de", "ru"],
)
def test_headline_before_the_body_is_kept(page: list[str], headline: int) -> None:
    assert headline not in run_filter(MainContentFilter(), page).labels()


def test_share_bar_is_not_a_headline() -> None:
    assert title_like(measure("Storm batters the coast"))
    assert title_like(measure("暴雨袭击南方多省 数十万人紧急转移"))
    assert not title_like(measure("Facebook Twitter Email LinkedIn Reddit"))
    assert not title_like(measure("The storm arrived at dawn."))
    assert not title_like(measure("Home | News | Sport"))


def test_reader_comments_after_the_article_are_dropped() -> None:
    comments = [
        "3 responses to “Storm batters the coast”",
        "stormwatcher says:",
        "I live near the river and we have been without power since the morning, "
        "which is really frustrating for everyone on our street.",
        "jane_doe says:",
        "Thanks to the crews who worked all night to clear the roads, they did a great job "
        "in very difficult conditions.",
    ]
    page = [*EN_PAGE[:9], *comments]
    labels = run_filter(MainContentFilter(), page).labels()
    for i in range(9, len(page)):
        assert labels.get(i) == "boilerplate", page[i]
    for i in (4, 5, 7, 8):
        assert i not in labels, page[i]


@pytest.mark.parametrize("page", [ZH_PAGE, EN_PAGE, DE_PAGE, RU_PAGE], ids=["zh", "en", "de", "ru"])
def test_idempotent(page: list[str]) -> None:
    once = kept(page)
    assert kept(once) == once


def test_article_only_page_is_unchanged() -> None:
    article = [EN_PAGE[3], EN_PAGE[4], EN_PAGE[5], EN_PAGE[6], EN_PAGE[7], EN_PAGE[8]]
    assert run_filter(MainContentFilter(), article).labels() == {}
    zh_article = ZH_PAGE[4:10]
    assert run_filter(MainContentFilter(), zh_article).labels() == {}


def test_never_empties_a_page() -> None:
    menu = ["Home", "News", "Sport", "Weather", "Contact", "About us"]
    assert kept(menu)
    assert kept(["Just one line"]) == ["Just one line"]


def test_evidence_is_a_probability() -> None:
    result = run_filter(MainContentFilter(), EN_PAGE)
    drops = [v.drop for v in result.verdicts if v.drop is not None]
    assert drops
    for drop in drops:
        assert drop.label == "boilerplate"
        score = drop.evidence["score"]
        assert isinstance(score, float)
        assert 0.0 <= score <= 1.0


def test_only_kept_blocks_are_judged() -> None:
    doc = make_document(EN_PAGE)
    doc = doc.with_dropped(frozenset({0, 1, 2}))
    drops = list(MainContentFilter()(doc))
    assert all(d.block not in {0, 1, 2} for d in drops)
    assert {9, 10, 11, 12} <= {d.block for d in drops}


def test_empty_document() -> None:
    assert list(MainContentFilter()(make_document([]))) == []


def test_parameters_change_the_decision() -> None:
    strict = MainContentFilter(inside=0.99, outside=0.999)
    loose = MainContentFilter(threshold=0.0, inside=0.0, outside=0.0, relative=0.0)
    n_strict = len(run_filter(strict, EN_PAGE).labels())
    n_default = len(run_filter(MainContentFilter(), EN_PAGE).labels())
    assert run_filter(loose, EN_PAGE).labels() == {}
    assert n_strict > n_default


def test_check_filter() -> None:
    check_filter(MainContentFilter(), pages=["\n".join(ZH_PAGE), "\n".join(EN_PAGE)])


def test_deterministic_and_frozen() -> None:
    flt = MainContentFilter()
    assert run_filter(flt, EN_PAGE).labels() == run_filter(flt, EN_PAGE).labels()
    with pytest.raises(dataclasses.FrozenInstanceError):
        flt.inside = 0.5  # type: ignore[misc]


def test_model_matches_the_feature_layout() -> None:
    model = default_model()
    assert len(model.block) == len(BLOCK_FEATURES)
    assert len(model.context) == len(CONTEXT_FEATURES)
    feats = compute_features(text_blocks("\n".join(EN_PAGE)))
    assert all(len(block_vector(f, 200)) == len(BLOCK_FEATURES) for f in feats)
    vectors = context_vectors([0.0] * len(feats), feats)
    assert all(len(v) == len(CONTEXT_FEATURES) for v in vectors)


def test_choose_keeps_the_heaviest_run_and_a_strong_outlier() -> None:
    feats = compute_features(text_blocks("\n".join(["x" * 50] * 7)))
    probs = [0.1, 0.9, 0.2, 0.9, 0.1, 0.1, 0.95]
    keep = choose(feats, probs, threshold=0.5, inside=0.15, outside=0.94, relative=0.0)
    # The run 1..3 holds the weak line 2 between strong ones; 6 is kept as an outlier.
    assert keep == [False, True, True, True, False, False, True]


def _reference_decide(
    feats: Sequence[BlockFeatures],
    model: Model,
    params: dict[str, float],
    rounds: int = 50,
    listed: Sequence[bool] | None = None,
) -> tuple[list[bool], list[float]]:
    """The plain definition of decide(): score the survivors, choose, repeat."""
    alive = list(range(len(feats)))
    probs_all = [0.0] * len(feats)
    params = dict(params)
    boost = params.pop("listed", 0.0)
    for _ in range(rounds):
        sub = [feats[i] for i in alive]
        marks = None if listed is None else [listed[i] for i in alive]
        probs = probabilities(sub, model, marks, boost)
        keep = choose(sub, probs, **params)
        for i, p in zip(alive, probs, strict=True):
            probs_all[i] = p
        if all(keep):
            break
        alive = [i for i, k in zip(alive, keep, strict=True) if k]
    return [i in alive for i in range(len(feats))], probs_all


@pytest.mark.parametrize(
    "page",
    [
        ZH_PAGE,
        EN_PAGE,
        DE_PAGE,
        [*EN_PAGE, *ZH_PAGE, "x" * 3000, *DE_PAGE],
        ["Home"] * 5 + [EN_PAGE[4]] + ["© 2024 Example Ltd | Privacy | Terms"] * 3,
        [*EN_PAGE[:9], "12 Comments", "joe says:", EN_PAGE[7], "Reply", "ann says:", "Reply"],
        [EN_PAGE[4]],
        [f"Line {i} of a list" for i in range(40)] + EN_PAGE[4:6],
        [*EN_PAGE[:9], *STANDINGS, *EN_PAGE[9:]],
        [*EN_PAGE, *(f"{i}) Product {i}\nhttp://example.com/{i}" for i in range(1, 15))],
    ],
)
def test_fast_decide_matches_the_reference(page: list[str]) -> None:
    model = default_model()
    blocks = text_blocks("\n".join(page))
    feats = compute_features(blocks)
    listed = numbered_items([b.text for b in blocks])
    keep, probs = decide(feats, model, model.decision, listed=listed)
    ref_keep, ref_probs = _reference_decide(feats, model, model.decision, listed=listed)
    assert keep == ref_keep
    assert probs == pytest.approx(ref_probs, abs=1e-12)


@pytest.mark.parametrize("rounds", [0, 1, 2])
def test_decide_stops_after_the_given_rounds(rounds: int) -> None:
    model = default_model()
    feats = compute_features(text_blocks("\n".join([*EN_PAGE, *ZH_PAGE])))
    keep, probs = decide(feats, model, model.decision, rounds=rounds)
    ref_keep, ref_probs = _reference_decide(feats, model, model.decision, rounds=rounds)
    assert keep == ref_keep
    assert probs == pytest.approx(ref_probs, abs=1e-12)


def test_decide_with_length_mass_matches_the_reference() -> None:
    model = default_model()
    params = {**model.decision, "mass": 0.5}
    feats = compute_features(text_blocks("\n".join([*EN_PAGE, *DE_PAGE])))
    assert decide(feats, model, params)[0] == _reference_decide(feats, model, params)[0]
    with pytest.raises(TypeError, match="treshold"):
        decide(feats, model, {**model.decision, "treshold": 0.1})


@pytest.mark.parametrize(
    "strong",
    ["", "x", ".", "x.", ".x", "x" + "." * 20 + "x", "." * 9 + "x" + "." * 17, "x.x..x...x" * 3],
)
def test_near_strong_is_the_capped_distance(strong: str) -> None:
    z = [2.0 if c == "x" else 0.0 for c in strong]
    marks = [i for i, v in enumerate(z) if v >= _scorer.STRONG]
    expected = [min([_scorer.NEAR_CAP, *(abs(i - m) for m in marks)]) for i in range(len(z))]
    assert _scorer._near_strong(z) == expected


def test_headline_repeated_as_page_title_is_preferred() -> None:
    # The page title repeats the headline; an earlier step dropped the second copy
    # (as a duplicate), so the first copy stands for the headline.
    page = [
        "Storm batters the coast",
        "Welcome to our new reader experience",
        "Learn More",
        "Storm batters the coast",
        *EN_PAGE[4:9],
        *EN_PAGE[9:],
    ]
    doc = make_document(page).with_dropped(frozenset({3}))
    dropped = {d.block for d in MainContentFilter()(doc)}
    assert 0 not in dropped
    assert {1, 2} <= dropped
    assert not {4, 5, 7, 8} & dropped


def test_html_documents_are_left_to_dom_content_unless_asked() -> None:
    html = (
        "<html><body><div>Home | News | Sport | Weather</div>"
        "<p>The storm arrived at dawn, and thousands of homes lost power.</p>"
        "<p>Crews worked through the night to restore the lines, officials said.</p>"
        "<div>About us | Contact | Privacy</div></body></html>"
    )
    assert Pipeline([MainContentFilter()]).run(html, kind="html").labels() == {}
    both = MainContentFilter(kinds=("text", "html"))
    assert Pipeline([both]).run(html, kind="html").labels() == {0: "boilerplate", 3: "boilerplate"}


def test_a_numbered_table_that_is_the_article_is_kept() -> None:
    # A page whose article is a table of short numbered rows, introduced by a sentence,
    # next to a sidebar of prose-like promotions.
    sidebar = [
        "Click the picture above to see how the drivers rank in this season so far.",
        "Listen to the new episode of our podcast, with all the news of the weekend.",
    ]
    page = [*EN_PAGE[:3], "Standings", *STANDINGS, "www.example.com", *sidebar, *EN_PAGE[9:]]
    assert sum(article_items(page, page)) == len(STANDINGS) - 2
    kept = set(split_lines(run_filter(MainContentFilter(), page).text))
    assert set(STANDINGS) <= kept
    # Cleaning the output again keeps the table.
    out = run_filter(MainContentFilter(), page).text
    assert run_filter(MainContentFilter(), out).text == out


def test_a_table_under_the_page_headline_is_kept() -> None:
    # The page's article is the table itself, under the headline that opens the title
    # line; without the boost the sidebar's promotions win and every row is dropped.
    sidebar = [
        "Click the picture above to see how the drivers rank in this season so far, race by race.",
        "Listen to the new episode of our podcast, with all the news of the weekend and more.",
    ]
    rows = STANDINGS[2:]
    page = [
        "Driver standings 2019 | Racing Site | F1 | Indy",
        *EN_PAGE[:3],
        "Driver standings 2019",
        "Monday, October 22, 2019",
        *rows,
        "www.example.com",
        *sidebar,
        *EN_PAGE[9:],
    ]
    on = set(split_lines(run_filter(MainContentFilter(), page).text))
    off = set(split_lines(run_filter(MainContentFilter(listed=0.0), page).text))
    assert set(rows) <= on
    assert not off & set(rows)
    out = run_filter(MainContentFilter(), page).text
    assert run_filter(MainContentFilter(), out).text == out


def test_a_sidebar_table_gets_no_boost() -> None:
    # The same rows under their own small heading, beside a real article: not marked,
    # so the article is chosen as without the boost.
    page = [*EN_PAGE[:9], "Standings", *STANDINGS[1:], *EN_PAGE[9:]]
    assert not any(article_items(page, page))
    with_boost = run_filter(MainContentFilter(), page).labels()
    assert with_boost == run_filter(MainContentFilter(listed=0.0), page).labels()


def test_a_short_numbered_list_gets_no_boost() -> None:
    # A "most read" box of ten numbered headlines is too short to be a run.
    most_read = [f"{i}. Council approves plan number {i} for the city" for i in range(1, 11)]
    page = [*EN_PAGE[:9], "Most read", *most_read, *EN_PAGE[9:]]
    assert not any(numbered_items(page))


def test_huge_page_article_in_the_middle() -> None:
    # 30,000 distinct menu-like lines around the article: the huge-page path finds it,
    # keeps it, and its output is a fixed point of the filter.
    menus = [" | ".join((f"Home {i}", "News", "Sport", f"Video {i % 97}")) for i in range(30_000)]
    page = [*menus[:15_000], *EN_PAGE[3:9], *menus[15_000:]]
    assert len(page) > _scorer.HUGE
    pipe = Pipeline([MainContentFilter()])
    out = pipe.clean("\n".join(page))
    lines = out.split("\n")
    for i in (4, 5, 7, 8):
        assert EN_PAGE[i] in lines
    assert len(lines) <= 8
    assert pipe.clean(out) == out


def test_evidence_is_the_rounded_score_and_is_never_changed() -> None:
    # Drops with the same rounded score share one evidence mapping (a huge page drops
    # nearly every block); the pipeline copies evidence before adding ``pass`` to it.
    from newsclean import default_pipeline

    menu = [f"{w} | {v} | Login" for w in ("Home", "News", "Sport") for v in ("A", "B", "C")]
    page = "\n".join([*menu, *STORM_STORY, *menu, "Share | Tweet"])
    drops = run_filter(MainContentFilter(), page.split("\n")).verdicts
    scores = [v.drop.evidence for v in drops if v.drop is not None]
    assert scores
    assert all(set(e) == {"score"} for e in scores)
    assert all(isinstance(s := e["score"], float) and s == round(s, 3) for e in scores)
    by_score = {e["score"]: e for e in scores}
    assert all(e is by_score[e["score"]] for e in scores)
    result = default_pipeline().run(page)
    for verdict in result.verdicts:
        if verdict.drop is not None and verdict.step == "main_content":
            assert set(verdict.drop.evidence) <= {"score", "pass"}
    again = run_filter(MainContentFilter(), page.split("\n")).verdicts
    assert [v.drop.evidence for v in again if v.drop] == scores
