import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean import _patterns as P
from newsclean._patterns import _split_first, alternatives, grouped_by_first_char

# The alternations compiled grouped by first character, which must find exactly what the
# plain alternation finds (every alternative of them opens with a character or class).
_EXACT = {
    "LEGAL_STRONG": (P.LEGAL_STRONG, P.LEGAL_STRONG_RX),
    "POLICY_LINK": (P.POLICY_LINK, P.POLICY_LINK_RX),
    "PROMPT": (P.PROMPT + "|" + P.SHARE_ITEM, P.PROMPT_RX),
}
# Lines made of pieces of the patterns' own words, so that they match often and in
# overlapping ways, plus spaces, digits and punctuation.
_WORDS = [
    "Share",
    "Share on",
    "Print",
    "Print article",
    "Privacy Policy",
    "privacy",
    "Terms of Use",
    "Copyright",
    "© 2024",
    "(c) 2024",
    "All Rights Reserved",
    "京ICP备12345678号-1",
    "ICP证：B2-20090059",
    "版权所有",
    "版權歸本站所有",
    "未经授权禁止转载",
    "分享到",
    "微信",
    "QQ空间",
    "登录",
    "发表评论",
    "12条评论",
    "Sign in",
    "Subscribe",
    "Advertisement",
    "Ad",
    "Comments",
    "Reply",
    "View Larger Image",
    "Follow",
    "Powered by",
    "Do Not Sell My Info",
]
_LINES = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.text(alphabet=" 0123456789:|-.,Ss版权", max_size=3)),
    max_size=8,
).map("".join)


@pytest.mark.parametrize("name", sorted(_EXACT))
def test_exact_groupings_split_every_alternative(name: str) -> None:
    pattern, _ = _EXACT[name]
    assert all(_split_first(a) is not None for a in alternatives(pattern))


@pytest.mark.parametrize("name", sorted(_EXACT))
@given(line=_LINES)
def test_grouped_patterns_find_exactly_the_same_matches(name: str, line: str) -> None:
    pattern, grouped = _EXACT[name]
    plain = re.compile(pattern)
    assert [m.span() for m in grouped.finditer(line)] == [m.span() for m in plain.finditer(line)]
    assert grouped.sub(" ", line) == plain.sub(" ", line)
    assert bool(grouped.fullmatch(line)) == bool(plain.fullmatch(line))


@given(line=_LINES)
def test_grouped_with_leftovers_matches_the_same_lines(line: str) -> None:
    # EMPTY_LABEL_WORD has alternatives that open with a group (kept as they are).
    plain = re.compile(P.EMPTY_LABEL_WORD)
    grouped = re.compile(grouped_by_first_char(P.EMPTY_LABEL_WORD))
    assert bool(grouped.fullmatch(line)) == bool(plain.fullmatch(line))
    assert bool(grouped.match(line)) == bool(plain.match(line))


@pytest.mark.parametrize(
    ("alternative", "split"),
    [
        ("Share", ("S", "hare")),
        ("[Ss]hare", ("Ss", "hare")),
        (r"\(c\)", ("(", r"c\)")),
        ("[关關]于", ("关關", "于")),
        ("a?b", None),  # optional first character
        ("[a-z]b", None),  # a range
        ("[^a]b", None),  # a negation
        (r"\db", None),  # \d is not one plain character
        ("(?:a|b)c", None),  # a group
        ("[ab]{2}c", None),  # a quantified class
    ],
)
def test_split_first(alternative: str, split: tuple[str, str] | None) -> None:
    assert _split_first(alternative) == split
