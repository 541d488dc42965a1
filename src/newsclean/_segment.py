"""Raw text to blocks: the one line-break rule of the project.

Every place that splits text into lines (segmentation, rendering, tests) uses
:func:`split_lines`, so ``\\r\\n``, a lone ``\\r``, U+2028/U+2029, U+0085 and the other
separators of :meth:`str.splitlines` always split the same way.
"""

from __future__ import annotations

import re

import regex

from newsclean._model import Block

# The separators of str.splitlines(), with "\r\n" first so it counts as one break.
LINE_BREAK = regex.compile(r"\r\n|[\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029]")

# Characters trimmed from both ends of a line: white space (U+3000 indents included,
# via str.isspace) plus zero-width characters that str.strip() leaves in place.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# One trimmed non-blank line: it starts and ends with a character that is neither white
# space nor zero-width, with no line break in between. Every line break is white space,
# so a match never crosses one. The standard ``re`` engine is used on purpose: its
# ``\s`` is exactly ``str.isspace`` (the ``regex`` module leaves out U+001C-U+001F).
# The greedy middle runs to the end of the line, then backs off over its trailing
# padding only, so the cost is linear in the length of the text.
_EDGE = rf"[^\s{_ZERO_WIDTH}]"
_TRIMMED_LINE = re.compile(rf"{_EDGE}(?:[^\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029]*{_EDGE})?")


def split_lines(text: str) -> list[str]:
    """Split ``text`` into lines by the project's line-break rule.

    Unlike :meth:`str.splitlines`, a trailing break yields a final empty line, so
    ``"\\n".join(split_lines(t))`` has the same lines as ``t``.

    >>> split_lines("a\\r\\nb\\rc\\u2028d")
    ['a', 'b', 'c', 'd']
    """
    return LINE_BREAK.split(text)


def text_blocks(raw: str) -> tuple[Block, ...]:
    """Split raw scraped text into blocks: one per non-blank line, trimmed.

    The invariant ``raw[b.start:b.end] == b.text`` holds for every block.

    >>> [b.text for b in text_blocks("Title\\n\\n\\u3000\\u3000Body.\\r\\n")]
    ['Title', 'Body.']
    """
    return tuple(
        [Block(i, m.start(), m.end(), m[0]) for i, m in enumerate(_TRIMMED_LINE.finditer(raw))]
    )
