import pytest

from newsclean import _patterns
from newsclean.filters.legal import LegalNoticeFilter
from newsclean.testing import check_filter, run_filter


@pytest.mark.parametrize(
    "line",
    [
        "京ICP备2021034106号-7 营业执照公示信息",
        "京ICP证000022号",
        "沪ICP证：沪B2-20170116",
        "*经营许可证编号：京ICP00000008号",
        "京公网安备 11010502030000号",
        "粵ICP備12345678號",  # traditional characters
        "網絡文化經營許可證",
        "增值电信业务经营许可证",
        "互联网新闻信息服务许可证：31220170001",
        "违法和不良信息举报电话：010-62675637",
        "经济头条 版权所有,未经书面授权禁止使用",
        "本網站版權所有，未經許可不得轉載",
        "Copyright©2008-2020 By www.jingji.net All Rights Reserved",
        "© 2024 Example News Ltd.",
        "(c) 2024 Example News",
        "All Rights Reserved",
        "Privacy Policy | Terms of Use",
        "Terms & Conditions",
        "Powered by WordPress",
        "隐私政策",
        # Opinion disclaimers.
        "本文仅代表作者个人观点。",
        "（本文仅代表作者个人观点，不代表本网立场）",
        "声明：该文观点仅代表作者本人，本平台仅提供信息存储空间服务。",
    ],
)
def test_drops_notice(line: str) -> None:
    r = run_filter(LegalNoticeFilter(), ["正文第一段，讲述了事情的经过。", line])
    assert r.labels() == {1: "legal"}


@pytest.mark.parametrize(
    "line",
    [
        "工信部要求网站展示ICP备案号。",
        "The court ruled the copyright claim invalid.",
        "Copyright law has not kept pace with the internet, the judge said.",
        "他说，网站必须在首页显著位置公示备案信息和营业执照，否则将被处罚。",
        "Privacy rules tightened for apps",
        "Critics say the terms of the deal were never made public, and the minister declined "
        "to comment on the privacy of the talks.",
        "该公司表示，未经授权禁止转载的规定早已写入合同，但执行中仍有大量侵权现象，"
        "记者调查发现这一问题在多个平台普遍存在，监管部门正在研究对策。",
        "他强调，这番话仅代表他个人的看法，并不代表公司的官方立场，公司将在下周召开发布会说明。",
        "人大代表提出建议",
    ],
)
def test_keeps_prose_mentioning_notices(line: str) -> None:
    assert run_filter(LegalNoticeFilter(), [line]).labels() == {}


def test_evidence_counts_unexplained_characters() -> None:
    r = run_filter(LegalNoticeFilter(), ["京公网安备 11010502030000号"])
    (verdict,) = r.verdicts
    assert verdict.drop is not None
    # "京" and "号" are not part of the notice match; 6 word characters in all.
    assert verdict.drop.evidence == {"unexplained": 2, "letters": 6}


def test_link_row_with_policy_links() -> None:
    r = run_filter(
        LegalNoticeFilter(), ["Reuters Corporate: Copyright | Disclaimer | Privacy | Careers"]
    )
    assert r.labels() == {0: "legal"}


def test_threshold_is_configurable() -> None:
    line = "经济头条 版权所有,未经书面授权禁止使用"  # 6 of 18 word characters unexplained
    assert run_filter(LegalNoticeFilter(), [line]).labels() == {0: "legal"}
    assert run_filter(LegalNoticeFilter(max_unexplained=0.1), [line]).labels() == {}


def test_check_filter() -> None:
    check_filter(LegalNoticeFilter())


def test_hostile_input_is_fast() -> None:
    pages = ["1" * 200_000, "京ICP备" * 20_000, "a" * 1_000_000, "©" + "版权" * 50_000]
    for page in pages:
        run_filter(LegalNoticeFilter(), page)


@pytest.mark.parametrize("name", ["LEGAL_STRONG", "POLICY_LINK"])
def test_search_patterns_start_with_plain_characters(name: str) -> None:
    # The regex engine only skips ahead fast when no alternative starts with a class or
    # a group; this keeps the per-page cost low (see the _patterns module docstring).
    for alternative in _patterns.alternatives(getattr(_patterns, name)):
        assert alternative[:1] not in ("[", "("), alternative
