"""Bytes to text: byte-order mark, declared charset, UTF-8, then a CJK-aware guess.

:func:`decode_page` never raises on odd bytes and never drops text silently: when no
encoding decodes the page cleanly, the best candidate is used with ``errors="replace"``
(undecodable bytes become U+FFFD) and the result is marked as guessed.

The order of evidence:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) is trusted outright;
2. valid UTF-8 that contains multi-byte sequences wins next, even over a declaration,
   because a page in another encoding is almost never valid UTF-8 by chance (pages that
   say ``gb2312`` but were re-saved as UTF-8 are common);
3. the charset the page declares (``<meta charset>``, ``http-equiv`` content type, or an
   XML declaration, in the first few KB), if it decodes the bytes;
4. a guess: UTF-16 without a BOM, then GB18030, Big5, Shift_JIS, EUC-KR, EUC-JP ranked by
   how much the decoded text looks like real CJK prose (frequent function characters,
   kana, frequent Hangul syllables), then windows-1252 / windows-1251.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["decode_page", "normalise_encoding"]

# How far into the page a charset declaration is looked for.
_SCAN_BYTES = 8192
# How much of the decoded text the plausibility score reads.
_SAMPLE_CHARS = 20_000

# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">
# and <?xml version="1.0" encoding="x"?>; the attribute run is bounded, so the scan is
# linear whatever the input.
_META_CHARSET = re.compile(
    rb"<meta\b[^>]{0,512}?charset\s*=\s*[\"']?\s*([A-Za-z0-9][A-Za-z0-9._:-]{0,39})",
    re.IGNORECASE,
)
_XML_ENCODING = re.compile(
    rb"^\s{0,64}<\?xml\b[^>]{0,256}?encoding\s*=\s*[\"']([A-Za-z0-9][A-Za-z0-9._:-]{0,39})",
    re.IGNORECASE,
)

# Declared names that browsers read as a larger encoding (WHATWG Encoding Standard).
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "hz": "gb18030",
    "big5": "cp950",
    "cp950": "cp950",
    "big5hkscs": "big5hkscs",
    "iso8859_1": "windows-1252",
    "latin_1": "windows-1252",
    "ascii": "windows-1252",
    "cp1252": "windows-1252",
    "shift_jis": "cp932",
    "cp932": "cp932",
    "euc_kr": "cp949",
    "cp949": "cp949",
    "euc_jp": "euc_jp",
    "utf_8": "utf-8",
    "utf_16": "utf-8",  # a page cannot declare UTF-16 in ASCII bytes (WHATWG)
    "utf_16_le": "utf-8",
    "utf_16_be": "utf-8",
    "utf_32": "utf-8",
    "tis_620": "cp874",
    "iso8859_11": "cp874",
    "iso8859_9": "cp1254",
}

# Labels seen on the web that Python's codec registry does not know.
_LABELS = {
    "x-gbk": "gbk",
    "x-gb2312": "gb2312",
    "x-big5": "big5",
    "x-sjis": "shift_jis",
    "windows-31j": "cp932",
    "x-euc-jp": "euc_jp",
    "ks_c_5601-1987": "cp949",
    "x-mac-roman": "mac_roman",
    "unicode": "utf-16",
}

# Multi-byte CJK candidates, tried in this order (earlier wins ties).
_CJK_CANDIDATES = ("gb18030", "cp950", "big5hkscs", "cp932", "cp949", "euc_jp")

# Characters frequent in real CJK prose and rare in mis-decoded bytes: Chinese function
# characters (simplified and traditional), full-width punctuation, frequent Hangul
# syllables. Hiragana are counted by range.
_HALLMARKS = frozenset(
    "的了是在和与也就都而及其这那之以为所被把对于将从但并还已要会着过们个中国年人有不一上大"
    "與這為於將從並還會著過們個國來說時"
    "，。、：；！？“”「」《》（）"
    "이다는의에하고을가서로한지기으도리를사자대수일해있어시것인나그정들적만게부전아보과면주제국상었라원니우"
)
_JAPANESE = frozenset({"cp932", "euc_jp"})
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Two or more bytes >= 0x80 in a row: how CJK text looks; Western text has lone ones.
_HIGH_RUN = re.compile(rb"[\x80-\xff]{2,}")
_HIGH = re.compile(rb"[\x80-\xff]")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def normalise_encoding(label: str) -> str | None:
    """Return the codec to use for a declared charset label, or ``None`` if unknown.

    Declared ``gb2312``/``gbk`` decode as GB18030, ``big5`` as cp950, ``iso-8859-1`` and
    ``ascii`` as windows-1252, as browsers do.

    >>> normalise_encoding("GB2312"), normalise_encoding("ISO-8859-1"), normalise_encoding("x")
    ('gb18030', 'windows-1252', None)
    """
    label = label.strip().lower()
    label = _LABELS.get(label, label)
    try:
        name = codecs.lookup(label).name
    except (LookupError, ValueError):
        return None
    key = name.replace("-", "_")
    return _ALIASES.get(key, name)


def declared_encoding(data: bytes) -> str | None:
    """Return the charset label the page declares in its first few KB, if any.

    >>> declared_encoding(b'<html><head><meta charset="gbk"><title>t</title>')
    'gbk'
    """
    head = data[:_SCAN_BYTES]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii") if m else None


def decode_page(data: bytes) -> tuple[str, str, bool]:
    """Decode a page's bytes; return ``(text, encoding, guessed)``.

    ``guessed`` is true when the encoding came from statistics rather than from a BOM,
    a declaration or a clean UTF-8 decode, or when bytes had to be replaced.

    >>> decode_page("新闻".encode("gbk"))
    ('新闻', 'gb18030', True)
    >>> decode_page(b'<meta charset="big5">' + "臺灣".encode("big5"))[1:]
    ('cp950', False)
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name, False
    if not data:
        return "", "utf-8", False

    declared_label = declared_encoding(data)
    declared = normalise_encoding(declared_label) if declared_label else None

    has_high = _HIGH.search(data) is not None
    if not has_high:
        # Pure ASCII: every ASCII-compatible encoding agrees.
        return data.decode("ascii"), declared or "ascii", False

    utf8 = _strict(data, "utf-8")
    if utf8 is not None:
        return utf8, "utf-8", declared not in (None, "utf-8")
    if declared is not None:
        text = _strict(data, declared)
        if text is not None:
            return text, declared, False
    return _guess(data, declared)


def _strict(data: bytes, encoding: str) -> str | None:
    """Decode strictly; tolerate one truncated character at the very end (cut pages)."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3 and err.end == len(data):
            try:
                return data[: err.start].decode(encoding) + "\ufffd"
            except UnicodeDecodeError:
                return None
        return None
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise UTF-16 text without a BOM by its zero bytes on one side of each pair."""
    head = data[:4096]
    if len(head) < 4 or head.count(0) < len(head) // 4:
        return None
    even_zeros = head[0::2].count(0)
    odd_zeros = head[1::2].count(0)
    if odd_zeros > 3 * even_zeros:
        return "utf-16-le"
    if even_zeros > 3 * odd_zeros:
        return "utf-16-be"
    return None


def plausibility(text: str) -> float:
    """Share of the non-ASCII characters of ``text`` that are hallmarks of real CJK prose.

    >>> plausibility("这是新闻。") > plausibility("鑼欐槸鏂伴椈")
    True
    """
    sample = text[:_SAMPLE_CHARS]
    chars = _NON_ASCII.findall(sample)
    if not chars:
        return 0.0
    hits = sum(1 for ch in chars if ch in _HALLMARKS) + len(_HIRAGANA.findall(sample))
    return hits / len(chars)


def _kana_share(text: str) -> float:
    sample = text[:_SAMPLE_CHARS]
    return len(_HIRAGANA.findall(sample)) / max(len(_NON_ASCII.findall(sample)), 1)


def _guess(data: bytes, declared: str | None) -> tuple[str, str, bool]:
    """Guess the encoding of bytes that are neither UTF-8 nor in their declared charset."""
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace"), utf16, True

    high = len(_HIGH.findall(data[:65536])) or 1
    in_runs = sum(len(m) for m in _HIGH_RUN.findall(data[:65536]))
    cjk_like = in_runs >= 0.6 * high

    best: tuple[float, str, str] | None = None
    for name in _CJK_CANDIDATES:
        text = _strict(data, name)
        if text is None:
            continue
        score = plausibility(text)
        if name in _JAPANESE and _kana_share(text) > 0.1:
            score += 0.05  # kana decode alike in GB18030 and EUC-JP; the kanji do not
        if best is None or score > best[0]:
            best = (score, name, text)
    if best is not None and (best[0] >= 0.04 or cjk_like):
        return best[2], best[1], True

    single = "windows-1251" if cjk_like else "windows-1252"
    text = _strict(data, single)
    if text is not None:
        return text, single, True

    # Nothing decodes cleanly: keep every byte, replacing the undecodable ones.
    ranked = [declared] if declared else []
    ranked += ["utf-8", *_CJK_CANDIDATES, "windows-1252"]
    best_bad: tuple[float, str, str] | None = None
    for name in dict.fromkeys(ranked):
        text = data.decode(name, errors="replace")
        bad = text.count("\ufffd") / max(len(text), 1) - 0.1 * plausibility(text)
        if best_bad is None or bad < best_bad[0]:
            best_bad = (bad, name, text)
    assert best_bad is not None
    return best_bad[2], best_bad[1], True
