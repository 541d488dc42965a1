from __future__ import annotations

import itertools
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean import _features
from newsclean._features import BlockFeatures, compute_features, measure
from newsclean._segment import text_blocks


def test_english_sentence() -> None:
    f = measure("The storm hit the coast on Monday, and power failed in the city.")
    assert f.chars == 64
    assert f.han == 0
    assert f.words == 13
    assert f.function >= 5  # the, the, on, and, in, the
    assert f.commas == 1
    assert f.sentences == 1
    assert f.terminal
    assert f.separators == 0
    assert not f.linkish


def test_english_menu_line() -> None:
    f = measure("Home | News | Sport | Weather")
    assert f.separators == 3
    assert f.capitalised == 4
    assert f.function == 0
    assert f.lowercase == 0
    assert not f.terminal


def test_chinese_paragraph() -> None:
    text = "新华社北京5月1日电，国务院总理签署了命令，公布的条例将在7月1日起施行。"
    f = measure(text)
    assert f.han > 25
    assert f.sentences == 1
    assert f.commas == 2
    assert f.function >= 4  # 了, 的, 将, 在
    assert f.terminal
    assert f.date
    assert f.capitalised == 0


def test_chinese_menu_line() -> None:
    f = measure("首页 | 新闻 | 体育 | 财经")
    assert f.separators == 3
    assert f.sentences == 0
    assert not f.terminal


@pytest.mark.parametrize(
    ("text", "is_date"),
    [
        ("Posted 2024-05-01 12:30", True),
        ("2024年5月1日", True),
        ("Updated at 10:45 GMT", True),
        ("Molik lost 2-6, 6-2, 4-6.", False),
        ("He scored 42 points.", False),
    ],
)
def test_date_shapes(text: str, is_date: bool) -> None:
    assert measure(text).date is is_date


@pytest.mark.parametrize(
    "text",
    ["Mail us at desk@example.org", "www.example.com", "© 2024 Example", "https://x.org/a"],
)
def test_linkish(text: str) -> None:
    assert measure(text).linkish


def test_terminal_after_closing_quote() -> None:
    assert measure("“We will rebuild,” she said.”").terminal
    assert measure("他说：“我们会重建。”").terminal
    assert not measure("Read more »").terminal


def test_bullet_start() -> None:
    assert measure("• first point").bullet
    assert not measure("First point").bullet


def test_other_languages_have_function_words() -> None:
    assert measure("Der Sturm ist in der Nacht über die Stadt gezogen.").function >= 3
    assert measure("Буря пришла ночью, и в городе нет света.").function >= 2
    # Japanese particles count; a Japanese menu of kanji and katakana has none.
    assert measure("設定画面からでは、このショートカットキーの設定を変更できません。").function == 6
    assert measure("ホーム 設定 ヘルプ").function == 0


def test_repeats_count_identical_blocks() -> None:
    feats = compute_features(text_blocks("Home\nA story about the storm.\nHome\nHome"))
    assert [f.repeats for f in feats] == [3, 1, 3, 3]


def test_one_feature_per_block_and_empty_page() -> None:
    blocks = text_blocks("a\n\nb\nc")
    assert len(compute_features(blocks)) == len(blocks) == 3
    assert compute_features(()) == ()


@pytest.mark.parametrize(
    "text", ["x", "\x00\x01", "\u200b", "。", "|", "A" * 10_000, "\ud800", "ǅ lj"]
)
def test_odd_input_never_raises(text: str) -> None:
    f = measure(text)
    assert isinstance(f, BlockFeatures)
    assert f.chars == len(text)
    assert f.tokens >= 0


# The plain definitions of the counts that measure() computes with shortcuts (a memo of
# word flags, byte translation for ASCII digits, deleting Han runs, a first-character test
# before the numbered-point pattern).
_HAN_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ZH_FUNCTION_CHAR = re.compile(
    r"[的了是在和与也就都而及其这那之以为所被把对于将从但并还已要会着过们]"
)


def _plain_counts(text: str) -> tuple[int | bool, ...]:
    han = len(_HAN_CHAR.findall(text))
    count = text.count
    last = text.rstrip(_features._CLOSERS)[-1:]
    latin = han * 2 < len(text)
    pieces = text.split()
    function = len(_ZH_FUNCTION_CHAR.findall(text)) if han else 0
    if latin:
        function += sum(1 for w in text.lower().split() if w in _features._EN_FUNCTION)
    return (
        han,
        len(re.findall(r"\d", text)),
        function,
        sum(1 for p in pieces if p.istitle()) if latin else 0,
        sum(1 for p in pieces if p.islower()) if latin else 0,
        _features._NUMBERED.match(text) is not None,
        sum(map(count, ["。", "！", "？", ". ", "! ", "? "])) + (last in ".!?" if last else 0),
        sum(map(count, ["，", "、", ",", "；", ";"])),
        sum(map(count, ["|", "｜", " > ", "»", "›", " / ", "·"])),
        any(mark in text for mark in ["://", "www.", "@", "©", ".com"]),
    )


def _fast_counts(f: BlockFeatures) -> tuple[int | bool, ...]:
    return (
        *(f.han, f.digits, f.function, f.capitalised, f.lowercase, f.numbered),
        *(f.sentences, f.commas, f.separators, f.linkish),
    )


TRICKY = [
    "The Storm hit the COAST, and it's O'Neil's 3rd time.",
    "2024-05-01 12:30 Update",
    "٣. Arabic-Indic digit first, then １２ full-width digits",
    "（５）全角括号里的全角数字",
    "一、总体要求",
    "第六条 本条例自公布之日起施行。",
    "(4) Fourth step of the guide",
    "ΟΔΟΣ ΚΑΙ ΣΟΦΙΑ σοφός Σ",
    "İstanbul İİ ǅemal ǈ",
    "新华社北京5月1日电 The Premier said the plan is ready.",
    "Ünïcödé Wörds and the Rest",
    "",
    " ",
    "\u2028x\u3000y",
    "Home > News / Sport | More. Yes! No? a,b;c",
    "Home > / News  >  x",
    "首页 > 新闻 | 体育 · 财经 » 更多 › 下页 / 上页｜完",
    "他说：“好。”然后，她问！为什么？",
]


@pytest.mark.parametrize("text", TRICKY)
def test_shortcut_counts_match_the_plain_definitions(text: str) -> None:
    assert _fast_counts(measure(text)) == _plain_counts(text)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_shortcut_counts_match_on_any_text(text: str) -> None:
    assert _fast_counts(measure(text)) == _plain_counts(text)


@given(st.text(alphabet=st.sampled_from("aZ1 .!?,;|>/\t"), max_size=40))
def test_shortcut_counts_match_on_ascii_marks(text: str) -> None:
    assert _fast_counts(measure(text)) == _plain_counts(text)


def test_word_memo_is_bounded_and_refills(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_features, "_WORD_MEMO_SIZE", 3)
    memo = _features._WordFlags()
    monkeypatch.setattr(_features, "_WORD_FLAGS", memo)
    texts = ["Alpha beta the Gamma", "delta Epsilon of zeta", "the The THE eta"]
    for text in texts * 2:
        assert _fast_counts(measure(text)) == _plain_counts(text)
        assert len(memo) <= 3


def test_very_long_blocks_count_piece_by_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    pieces = ["The", "storm", "the", "X1", "and", "Rain"] * 3
    expected = _features._word_counts(pieces)
    monkeypatch.setattr(_features, "_FIELD", 4)  # fewer than len(pieces): no packing
    assert _features._word_counts(pieces) == expected
    assert sum(map(_features._flags, pieces)) == expected


def test_known_features_are_reused_with_repeats_recounted() -> None:
    first = compute_features(text_blocks("Home\nA story about the storm.\nHome"))
    known = {"Home": first[0], "A story about the storm.": first[1]}
    again = compute_features(text_blocks("Home\nA story about the storm.\nNew line"), known)
    assert again[0] == first[0]._replace(repeats=1)
    assert again[1] is first[1]
    assert again[2] == measure("New line")
    assert again == compute_features(text_blocks("Home\nA story about the storm.\nNew line"))


# --- The column-wise measurement of large pages (_measure_columns) -----------------------

# Characters that exercise every column: full-width marks and separators, closers, Han
# (common, rare extension A, compatibility, and the hexagram symbols right after
# extension A, which are not Han), Chinese function characters, kana, digits of other
# scripts, white space of all kinds, zero-width and lone surrogates, date and link parts.
_COLUMN_ALPHABET = st.one_of(
    st.sampled_from(
        list("aZkK1 .!?,;:|>/-#@©wcomRrCcLl()（）")
        + list("。！？，、；｜»›·…：”’」』】")
        + list("的了是在中文字年月评论回复写道一二三十第")
        + ["\u3400", "\u4dbf", "\u4dc0", "\u4dff", "\uf900", "\ufaff", "\u3042", "\uac00"]
        + ["٣", "１", "०", "\u00a0", "\u3000", "\t", "\x1c", "\x85", "\u2028", "\u200b"]
        + ["\ud800", "\U0001f600", "\u212a", "\u0130", "ǅ", "Σ"]
        + ["The", "the", "THE", "said", "www.", "://", ".com", "Comments", "Reply", "2024-05-01"]
    ),
    st.characters(codec="utf-8", exclude_characters="\n"),
)
_COLUMN_TEXTS = st.lists(
    st.lists(_COLUMN_ALPHABET, min_size=1, max_size=25).map("".join), min_size=1, max_size=30
)


@given(_COLUMN_TEXTS)
def test_columns_equal_measure_on_random_texts(texts: list[str]) -> None:
    texts = list(dict.fromkeys(texts))  # distinct, as compute_features passes them
    repeats = [len(t) % 3 + 1 for t in texts]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_features, "_MAX_BYTES_PER_CHAR", 4.0)  # any script goes by columns
        got = _features._measure_columns(texts, repeats)
    assert got is not None
    expected = list(map(measure, texts, repeats))
    assert got == expected
    assert [list(map(type, f)) for f in got] == [list(map(type, f)) for f in expected]


@given(_COLUMN_TEXTS.map(lambda texts: [t.lower() for t in texts]))
def test_columns_equal_measure_on_texts_without_capitals(texts: list[str]) -> None:
    # Pages without an upper- or title-case character skip the title-case pass.
    texts = list(dict.fromkeys(texts))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_features, "_MAX_BYTES_PER_CHAR", 4.0)
        got = _features._measure_columns(texts, [1] * len(texts))
    assert got == list(map(measure, texts))


def test_columns_share_equal_measurements() -> None:
    texts = [f"item {i:06d} of the list" for i in range(50)] + ["Another Line."]
    got = _features._measure_columns(texts, [1] * len(texts))
    assert got is not None
    assert got == list(map(measure, texts))
    assert len({id(f) for f in got}) == 2  # one object per distinct row of values
    assert [list(map(type, f)) for f in got] == [list(map(type, measure(t))) for t in texts]


def test_large_chinese_pages_share_equal_measurements_too() -> None:
    # Mostly not ASCII: measured text by text, equal rows still shared.
    lines = [f"第{i}条新闻标题{i % 10}" for i in range(1200)] + ["正文第一段。"] * 2
    got = compute_features(text_blocks("\n".join(lines)))
    assert got == tuple(measure(t, lines.count(t)) for t in lines)
    assert len({id(f) for f in got}) == len(set(got)) < 20


def test_pages_of_distinct_lines_skip_the_lookup_table() -> None:
    lines = [f"Line {i}: the {i % 7} items, 2024-05-{i % 28 + 1:02d}." for i in range(1200)]
    got = compute_features(text_blocks("\n".join(lines)))
    assert got == tuple(map(measure, lines))
    assert compute_features(text_blocks("a\nb\nc")) == (measure("a"), measure("b"), measure("c"))


@pytest.mark.parametrize(
    "texts",
    [
        ["one", "two\nlines"],  # the rows would not line up
        ["one", ""],  # nor here
        ["中文标题", "正文第一段。"],  # mostly not ASCII: measured text by text
    ],
)
def test_columns_decline_what_they_cannot_do(texts: list[str]) -> None:
    assert _features._measure_columns(texts, [1] * len(texts)) is None


def test_large_pages_are_measured_by_columns_with_the_same_result() -> None:
    lines = [f"Item {i} of the list, 2024-05-{i % 28 + 1:02d} | more" for i in range(1500)]
    lines += ["Home", "Home", "网友评论", "12 Comments", "• point", "(3) step", "x@y.com"]
    page = "\n".join(lines)
    blocks = text_blocks(page)
    assert len(set(lines)) >= _features._COLUMNS_FROM
    got = compute_features(blocks)
    assert got == tuple(measure(b.text, lines.count(b.text)) for b in blocks)


def test_function_word_spellings_are_every_string_that_lowercases_to_one() -> None:
    # Every character whose lower() is a character of a function word, by brute force.
    wanted = set("".join(_features._EN_FUNCTION))
    capitals: dict[str, set[str]] = {c: set() for c in wanted}
    for code in range(0x110000):
        lowered = chr(code).lower()
        if lowered in capitals:
            capitals[lowered].add(chr(code))
    spellings: set[str] = set()
    for word in _features._EN_FUNCTION:
        spellings.update(map("".join, itertools.product(*(capitals[c] for c in word))))
    assert spellings == _features._FUNCTION_FORMS


# Pages whose characters beyond ASCII are all uncased take the byte paths of
# _measure_columns (pieces of UTF-8 bytes; word counts by shape when shapes repeat).
_UNCASED_ALPHABET = st.sampled_from(
    list("aZkK1 .!?,;:|>/-#@©wcomRrCcLl()[]\"'（）\t")
    + list("。！？，、；｜»›·…：”’」』】")
    + list("的了是在中文字年月评论回复写道一二三十第")
    + ["\u3400", "\u4dbf", "\u4dc0", "\u4dff", "\uf900", "\ufaff", "\u3042", "\uac00"]
    + ["٣", "１", "•", "—", "\U0001f600", "\ud800", "5月", "2024年", "12:30"]
    + ["The", "the", "THE", "said", "www.", "://", ".com", "Comments", "Reply"]
)
_UNCASED_TEXTS = st.lists(
    st.lists(_UNCASED_ALPHABET, min_size=1, max_size=25).map("".join), min_size=1, max_size=30
)


def _columns_match(texts: list[str]) -> None:
    texts = list(dict.fromkeys(texts))
    repeats = [len(t) % 3 + 1 for t in texts]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_features, "_MAX_BYTES_PER_CHAR", 4.0)
        got = _features._measure_columns(texts, repeats)
    assert got is not None
    expected = list(map(measure, texts, repeats))
    assert got == expected
    assert [list(map(type, f)) for f in got] == [list(map(type, f)) for f in expected]


@given(_UNCASED_TEXTS)
def test_columns_equal_measure_on_uncased_texts(texts: list[str]) -> None:
    _columns_match(texts)


@given(_UNCASED_TEXTS, st.sampled_from(["\u3000", "\x1c", "\x85", "é", "\u212a", "Σ"]))
def test_columns_equal_measure_when_the_byte_paths_are_off(texts: list[str], odd: str) -> None:
    _columns_match([*texts, f"x{odd}y z"])


_SWAPS = str.maketrans("0123456789的中年一", "9876543210了文月三")


@given(_UNCASED_TEXTS, st.integers(min_value=2, max_value=6))
def test_columns_share_word_counts_among_texts_of_one_shape(
    templates: list[str], copies: int
) -> None:
    # Texts that differ only in digits and characters beyond ASCII have one shape:
    # their word counts are measured once, and still equal measure()'s.
    texts = [t + " " + str(i) for t in templates for i in range(copies)]
    texts += [text.translate(_SWAPS) for text in texts]
    calls: list[int] = []

    def spy(*args: Any) -> Any:
        calls.append(1)
        return _spread(*args)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_features, "_spread", spy)
        _columns_match(texts)
    assert calls  # the shared path was taken


_spread = _features._spread


def test_text_ends_decide_terminal_and_full_stops() -> None:
    ends = ["x.", "x!", "x?", "x。", "x；", "x;", "x,", "x，", "x:", "x：", "x…", "x»", "x|"]
    ends += ['x."', "x。”", "x)", "x）", "x】", "»", "\"'", "x'", "x]", "x·", "x›", "x、"]
    texts = [f"{e} {i}" if i % 2 else e for e in ends for i in range(2)]
    _columns_match(texts * 1)
    _columns_match([t + "\u4dc0" for t in texts])  # a hexagram symbol: not Han


def test_marks_that_end_a_sentence_or_close_a_quote_have_placeholders() -> None:
    # A text's last byte tells whether it may end in one of them (see _TAIL_*).
    beyond_ascii = {c for c in _features._TERMINAL | set(_features._CLOSERS) if not c.isascii()}
    assert beyond_ascii <= set(_features._MARKS)


def test_function_words_in_bytes_are_the_ascii_spellings() -> None:
    # Other spellings hold a cased character beyond ASCII (no page taking the byte
    # paths has one), and every spelling is letters only (see _WORD_SHAPES).
    ascii_forms = {form.decode() for form in _features._ASCII_FUNCTION_FORMS}
    for form in _features._FUNCTION_FORMS - ascii_forms:
        assert any(not c.isascii() and (c.islower() or c.isupper() or c.istitle()) for c in form)
    assert all(form.isalpha() for form in _features._FUNCTION_FORMS)


def _letters(i: int) -> str:
    """A made-up lower-case word of four letters, distinct for each ``i`` below 26**4."""
    return "".join(chr(ord("a") + i // 26**k % 26) for k in range(4))


@given(_UNCASED_TEXTS, st.integers(min_value=2, max_value=6))
def test_columns_share_case_counts_among_texts_of_one_case_shape(
    templates: list[str], copies: int
) -> None:
    # Texts of distinct letters (a rich vocabulary, so no two have one letter shape) but
    # of a few case shapes: their title- and lower-case counts are measured once per case
    # shape, and still equal measure()'s.
    texts = [
        f"{t} {_letters(k)} {_letters(k + 7).title()}"
        for k, t in enumerate(t for t in templates for _ in range(copies))
    ]
    found: list[object] = []

    def spy(*args: Any) -> Any:
        found.append(_case_columns(*args))
        return found[-1]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_features, "_case_columns", spy)
        _columns_match(texts)
    assert found
    assert found[-1] is not None  # the shared path was taken


_case_columns = _features._case_columns


def test_case_shapes_keep_what_title_and_lower_case_see() -> None:
    # Each byte's case shape has the byte's own istitle()/islower() behaviour and white
    # space, so a piece's case shape says the same as the piece.
    def shapes(piece: bytes) -> bytes:
        return piece.translate(_features._WORD_SHAPES).translate(_features._CASE_SHAPES)

    for i in range(256):
        b = bytes([i])
        s = shapes(b)
        assert (b.isupper(), b.islower(), b.isspace()) == (s.isupper(), s.islower(), s.isspace())
        assert (s == b"\n") == (b == b"\n")
    for piece in (b"Ab1c", b"ab", b"AB", b"aB", b"A1b", b"1a", b"Xy Zz", b"\xe7\x9a\x84A"):
        cased = shapes(piece)
        assert (cased.istitle(), cased.islower(), len(cased.split())) == (
            piece.istitle(),
            piece.islower(),
            len(piece.split()),
        )


@pytest.mark.parametrize("every", [1, 7, 50, 2000])
def test_columns_count_sparse_and_dense_pieces_alike(every: int) -> None:
    # A function word in one text out of ``every`` (some texts hold two, some none and
    # some no piece at all before it): counted per found piece when rare, per row else.
    texts = [
        (f"the {_letters(i)} of" if i % every == 0 else f"{_letters(i)} Zq")
        + (" ." if i % 3 else "")
        for i in range(3000)
    ]
    texts[5] = "\t"
    _columns_match(texts)
