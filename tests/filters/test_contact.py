import pytest

from newsclean.filters.contact import ContactRowFilter
from newsclean.testing import check_filter, run_filter


@pytest.mark.parametrize(
    "line",
    [
        "联系我们:55 16 53 8@qq.com",
        "电话：010-12345678",
        "聯絡電話：(02) 2345-6789",  # traditional
        "地址：北京市东城区某某路1号",
        "邮编：100000",
        "客服热线：400-800-1234",
        "Tel: +44 20 7946 0000",
        "关于我们| 联系方式| 版权声明| 供稿服务| 友情链接",
        "關於我們 | 聯繫我們 | 廣告服務",
        "About us | Contact | Advertise | Careers",
        "Contact us",
        "newsdesk@example.com",
    ],
)
def test_drops_contact_rows(line: str) -> None:
    r = run_filter(ContactRowFilter(), ["The story begins here, with a full sentence.", line])
    assert r.labels() == {1: "contact"}


@pytest.mark.parametrize(
    "line",
    [
        "Readers can contact the newsroom at any time, the editor said.",
        "Staff writer Jane Doe can be reached at jdoe@example.com or by phone.",
        "他表示，联系我们的读者越来越多，编辑部将增加人手。",
        "About 300 people attended the meeting.",
        "About the author",
        "World | Business",  # a row, but not about the site
    ],
)
def test_keeps_prose_mentioning_contacts(line: str) -> None:
    assert run_filter(ContactRowFilter(), [line]).labels() == {}


def test_link_row_evidence() -> None:
    r = run_filter(ContactRowFilter(), ["About us | Contact | Advertise | Careers"])
    (verdict,) = r.verdicts
    assert verdict.drop is not None
    assert verdict.drop.evidence == {"items": 4, "about_items": 4}


def test_check_filter() -> None:
    check_filter(ContactRowFilter())


def test_hostile_input_is_fast() -> None:
    pages = [
        "1" * 200_000,
        "京ICP备" * 20_000,
        "a" * 1_000_000,
        "a" * 150 + "@",
        "电话：" + "1" * 200_000,
        "x@" * 100_000,
    ]
    for page in pages:
        run_filter(ContactRowFilter(), page)
