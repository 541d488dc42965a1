from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsclean
from newsclean._decode import declared_encoding, decode_page, normalise_encoding, plausibility

ZH_SIMPLIFIED = "新华社北京电 国务院今天发布通知，要求各地加强安全生产工作，并对相关企业进行检查。"
ZH_TRADITIONAL = "中央社台北電 行政院今天表示，將與各界合作，推動臺灣經濟發展，並照顧弱勢族群。"
JAPANESE = "東京で開かれた会議では、新しい経済政策について議論が行われました。"
KOREAN = "서울에서 열린 회의에서 새로운 경제 정책에 대해 논의가 이루어졌다."


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (ZH_SIMPLIFIED, "gbk", "gb18030"),
        (ZH_SIMPLIFIED, "gb2312", "gb18030"),
        (ZH_SIMPLIFIED + "𠀀㐀", "gb18030", "gb18030"),  # only GB18030 has these
        (ZH_TRADITIONAL, "big5", "cp950"),
        (JAPANESE, "shift_jis", "cp932"),
        (JAPANESE, "euc_jp", "euc_jp"),
        (KOREAN, "euc_kr", "cp949"),
    ],
)
def test_undeclared_cjk_bytes_are_guessed(text: str, codec: str, expected: str) -> None:
    decoded, encoding, guessed = decode_page(page(text).encode(codec))
    assert text in decoded
    assert encoding == expected
    assert guessed


@pytest.mark.parametrize("codec", ["gbk", "big5", "shift_jis", "euc_kr", "windows-1252"])
def test_declared_charset_is_used_and_not_a_guess(codec: str) -> None:
    text = {
        "gbk": ZH_SIMPLIFIED,
        "big5": ZH_TRADITIONAL,
        "shift_jis": JAPANESE,
        "euc_kr": KOREAN,
        "windows-1252": "Café crème — “quoted” naïve façade.",
    }[codec]
    data = page(text, f'<meta http-equiv="Content-Type" content="text/html; charset={codec}">')
    decoded, encoding, guessed = decode_page(data.encode(codec))
    assert text in decoded
    assert not guessed
    assert encoding == normalise_encoding(codec)


@pytest.mark.parametrize(
    ("bom_codec", "name"),
    [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"), ("utf-8", "utf-8")],
)
def test_bom_wins_over_everything(bom_codec: str, name: str) -> None:
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-8": codecs.BOM_UTF8,
    }[bom_codec]
    html = page(ZH_SIMPLIFIED, '<meta charset="gbk">')  # the declaration is wrong: BOM wins
    decoded, encoding, guessed = decode_page(bom + html.encode(bom_codec))
    assert decoded == html
    assert (encoding, guessed) == (name, False)


def test_utf16_without_bom_is_recognised() -> None:
    html = page("news 新闻 today")
    decoded, encoding, guessed = decode_page(html.encode("utf-16-le"))
    assert decoded == html
    assert (encoding, guessed) == ("utf-16-le", True)


def test_page_declaring_gb2312_but_saved_as_utf8() -> None:
    html = page(ZH_SIMPLIFIED, '<meta charset="gb2312">')
    decoded, encoding, guessed = decode_page(html.encode("utf-8"))
    assert decoded == html
    assert (encoding, guessed) == ("utf-8", True)


def test_page_declaring_utf8_but_encoded_in_gbk() -> None:
    html = page(ZH_SIMPLIFIED, '<meta charset="utf-8">')
    decoded, encoding, guessed = decode_page(html.encode("gbk"))
    assert decoded == html
    assert (encoding, guessed) == ("gb18030", True)


def test_page_declaring_big5_but_encoded_in_gbk() -> None:
    html = page(ZH_SIMPLIFIED, '<meta charset="big5">')
    decoded, encoding, _ = decode_page(html.encode("gbk"))
    assert ZH_SIMPLIFIED in decoded
    assert encoding == "gb18030"


def test_xml_declaration_is_read() -> None:
    data = '<?xml version="1.0" encoding="Big5"?><html><body>' + ZH_TRADITIONAL
    assert declared_encoding(data.encode("big5")) == "Big5"
    assert decode_page(data.encode("big5"))[1:] == ("cp950", False)


def test_declaration_beyond_the_scan_window_is_ignored() -> None:
    data = (" " * 20_000 + '<meta charset="koi8-r">').encode("ascii")
    assert declared_encoding(data) is None


def test_undecodable_bytes_never_raise_and_keep_text() -> None:
    data = b"Hello \x81\xff\xfe\x80 world " + "新闻".encode() + b"\xc3"
    text, _, guessed = decode_page(data)
    assert "Hello" in text
    assert "world" in text
    assert guessed


def test_truncated_last_character_is_tolerated() -> None:
    data = ZH_SIMPLIFIED.encode("utf-8")[:-1]
    text, encoding, _ = decode_page(data)
    assert encoding == "utf-8"
    assert text.startswith(ZH_SIMPLIFIED[:-1])


def test_ascii_and_empty() -> None:
    assert decode_page(b"") == ("", "utf-8", False)
    assert decode_page(b"plain text") == ("plain text", "ascii", False)


def test_aliases_follow_browsers() -> None:
    assert normalise_encoding("GB2312") == "gb18030"
    assert normalise_encoding("x-gbk") == "gb18030"
    assert normalise_encoding("BIG5") == "cp950"
    assert normalise_encoding("iso-8859-1") == "windows-1252"
    assert normalise_encoding("utf-16") == "utf-8"  # a meta tag cannot declare UTF-16
    assert normalise_encoding("no-such-charset") is None


def test_plausibility_prefers_real_prose_over_mojibake() -> None:
    data = ZH_SIMPLIFIED.encode("gbk")
    right = data.decode("gb18030")
    wrong = data.decode("cp950", errors="replace")
    assert plausibility(right) > plausibility(wrong)


def test_clean_accepts_bytes_and_records_the_encoding() -> None:
    html = page(ZH_SIMPLIFIED, '<meta charset="gbk">')
    result = newsclean.clean_and_explain(html.encode("gbk"))
    assert result.kind == "html"
    assert ZH_SIMPLIFIED in result.text
    assert (result.encoding, result.encoding_guessed) == ("gb18030", False)


def test_clean_accepts_text_bytes() -> None:
    result = newsclean.clean_and_explain(ZH_TRADITIONAL.encode("big5"))
    assert result.kind == "text"
    assert result.text == ZH_TRADITIONAL
    assert result.encoding == "cp950"


def test_other_types_still_raise() -> None:
    with pytest.raises(TypeError):
        newsclean.clean(123)  # type: ignore[arg-type]


@given(st.binary(max_size=300))
def test_any_bytes_decode_without_raising(data: bytes) -> None:
    text, encoding, _ = decode_page(data)
    assert isinstance(text, str)
    assert codecs.lookup(encoding)
    if data and not text:
        pytest.fail("non-empty bytes decoded to nothing")


@given(st.text(max_size=200))
def test_utf8_text_round_trips(text: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return
    decoded, encoding, guessed = decode_page(data)
    assert decoded == text.removeprefix("\ufeff")
    assert encoding in ("utf-8", "ascii")
    assert not guessed
