"""Raw text to blocks: the one line-break rule of the project.

Every place that splits text into lines (segmentation, rendering, tests) uses
:func:`split_lines`, so ``\\r\\n``, a lone ``\\r``, U+2028/U+2029, U+0085 and the other
separators of :meth:`str.splitlines` always split the same way.
"""

from __future__ import annotations

import regex

from newsclean._model import Block

# The separators of str.splitlines(), with "\r\n" first so it counts as one break.
LINE_BREAK = regex.compile(r"\r\n|[\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029]")

# Characters trimmed from both ends of a line: white space (U+3000 indents included,
# via str.isspace) plus zero-width characters that str.strip() leaves in place.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def split_lines(text: str) -> list[str]:
    """Split ``text`` into lines by the project's line-break rule.

    Unlike :meth:`str.splitlines`, a trailing break yields a final empty line, so
    ``"\\n".join(split_lines(t))`` has the same lines as ``t``.

    >>> split_lines("a\\r\\nb\\rc\\u2028d")
    ['a', 'b', 'c', 'd']
    """
    return LINE_BREAK.split(text)


def _trim(line: str, start: int) -> tuple[int, int]:
    """Return the offsets of ``line`` (which starts at ``start``) without edge padding."""
    left = 0
    right = len(line)
    while left < right and (line[left].isspace() or line[left] in _ZERO_WIDTH):
        left += 1
    while right > left and (line[right - 1].isspace() or line[right - 1] in _ZERO_WIDTH):
        right -= 1
    return start + left, start + right


def text_blocks(raw: str) -> tuple[Block, ...]:
    """Split raw scraped text into blocks: one per non-blank line, trimmed.

    The invariant ``raw[b.start:b.end] == b.text`` holds for every block.

    >>> [b.text for b in text_blocks("Title\\n\\n\\u3000\\u3000Body.\\r\\n")]
    ['Title', 'Body.']
    """
    blocks: list[Block] = []
    pos = 0
    for match in LINE_BREAK.finditer(raw):
        _add_line(raw, pos, match.start(), blocks)
        pos = match.end()
    _add_line(raw, pos, len(raw), blocks)
    return tuple(blocks)


def _add_line(raw: str, start: int, end: int, blocks: list[Block]) -> None:
    """Append the trimmed line ``raw[start:end]`` to ``blocks`` unless it is blank."""
    first, last = _trim(raw[start:end], start)
    if first < last:
        blocks.append(Block(len(blocks), first, last, raw[first:last]))
