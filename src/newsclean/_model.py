"""The values that flow through a pipeline: blocks, documents, drops, verdicts, results.

Every value here is a frozen dataclass, so it can be shared between threads and steps
without copying. Filters never edit text: they return :class:`Drop` decisions, and the
pipeline renders the kept blocks into :attr:`Result.text`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from newsclean._features import BlockFeatures

Evidence = Mapping[str, float | int | str]
"""Numbers (and short codes) behind a decision, for statistics and debugging."""

InputKind = Literal["text", "html"]

# The default of Drop.evidence: a marker meaning "a new empty dict" (see Drop.__init__).
_NO_EVIDENCE: Evidence = MappingProxyType({})


@dataclass(frozen=True, slots=True, init=False)
class Block:
    """One unit of input: a line of raw text, or one text block of an HTML page.

    For text input ``raw[start:end] == text``: the block is the line with surrounding
    white space (and zero-width characters) trimmed. The exception is a line of HTML
    source (a failed text extraction, see :mod:`newsclean._markup`): it is parsed as HTML,
    and each text block parsed out of it spans the whole line with ``start`` and ``end``.
    For HTML input ``start`` and ``end`` are the offsets of the source element in the
    decoded page when known, else ``-1``.

    Attributes:
        index: position of the block in :attr:`Document.blocks`.
        start: offset of the first character in the input.
        end: offset one past the last character in the input.
        text: the block's text; never empty.
        tag: for HTML input, the element the block came from (``"p"``, ``"h2"``, ``"li"``);
            empty for text input.
        path: for HTML input, an XPath-like locator of that element; empty for text input.
        link_chars: for HTML input, how many characters of ``text`` sit inside links.
        hints: for HTML input, lower-cased class/id/role tokens of the element and its
            ancestors that carry meaning (``"nav"``, ``"footer"``, ``"article"``...).
    """

    index: int
    start: int
    end: int
    text: str
    tag: str = ""
    path: str = ""
    link_chars: int = 0
    hints: frozenset[str] = frozenset()

    def __init__(
        self,
        index: int,
        start: int,
        end: int,
        text: str,
        tag: str = "",
        path: str = "",
        link_chars: int = 0,
        hints: frozenset[str] = frozenset(),
    ) -> None:
        """Set the fields (written out by hand for speed; see :func:`_slot_setters`)."""
        _set_index(self, index)
        _set_start(self, start)
        _set_end(self, end)
        _set_text(self, text)
        _set_tag(self, tag)
        _set_path(self, path)
        _set_link_chars(self, link_chars)
        _set_hints(self, hints)


@dataclass(frozen=True, slots=True, init=False)
class Drop:
    """A filter's decision to remove one block, and why.

    Attributes:
        block: the :attr:`Block.index` of the block to drop.
        label: stable snake_case code (``"icp"``, ``"navigation"``); tests and
            statistics key on it.
        reason: a sentence for humans; its wording may change between releases.
        evidence: the numbers behind the decision (scores, the index of a duplicate...).
            Keys ending in ``_of`` (``duplicate_of``) hold block indices; drops made while
            the pipeline settles its output carry ``pass`` (2, 3...).
    """

    block: int
    label: str
    reason: str
    evidence: Evidence = field(default_factory=dict)

    def __init__(
        self, block: int, label: str, reason: str, evidence: Evidence = _NO_EVIDENCE
    ) -> None:
        """Set the fields; ``evidence`` defaults to a new empty dict."""
        _set_block(self, block)
        _set_label(self, label)
        _set_reason(self, reason)
        _set_evidence(self, {} if evidence is _NO_EVIDENCE else evidence)


@dataclass(frozen=True, slots=True, init=False)
class Verdict:
    """What happened to one block: kept (``drop is None``), or dropped by ``step``."""

    block: Block
    step: str | None = None
    drop: Drop | None = None

    def __init__(self, block: Block, step: str | None = None, drop: Drop | None = None) -> None:
        """Set the fields."""
        _set_verdict_block(self, block)
        _set_step(self, step)
        _set_drop(self, drop)

    @property
    def kept(self) -> bool:
        """Whether the block is part of the output."""
        return self.drop is None


class _FeatureCache:
    """Lazily computed per-block features, shared by every view of one document.

    A document is copied (with a new ``dropped`` set) after each step; the copies share
    one cache so features are computed at most once per page, whatever the number of
    filters that read them.
    """

    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value: tuple[BlockFeatures, ...] | None = None


class _RunMemo:
    """Results of pure functions of a block's text, shared by the documents of one run.

    The pipeline cleans its own output once more (see :meth:`Pipeline.run
    <newsclean.Pipeline.run>`); that second document holds the same texts as the
    first, so what a filter derived from a text the first time is looked up, not
    computed again. Only results that depend on nothing but the text may go here.
    """

    __slots__ = ("tables",)

    def __init__(self) -> None:
        self.tables: dict[str, dict[str, Any]] = {}


@dataclass(frozen=True, slots=True)
class Document:
    """What a filter sees: the input, its blocks, and which blocks earlier steps dropped.

    Attributes:
        raw: the input text (for HTML, the decoded page).
        blocks: all blocks of the page, in page order; ``blocks[i].index == i``.
        dropped: indices dropped by earlier steps.
        kind: ``"text"`` for raw scraped text, ``"html"`` for a parsed page.
        title: the page title when the input has one (HTML ``<title>``), else ``""``.
    """

    raw: str
    blocks: tuple[Block, ...]
    dropped: frozenset[int] = frozenset()
    kind: InputKind = "text"
    title: str = ""
    _cache: _FeatureCache = field(default_factory=_FeatureCache, compare=False, repr=False)
    _memo: _RunMemo = field(default_factory=_RunMemo, compare=False, repr=False)

    def kept(self) -> Iterator[Block]:
        """Yield the blocks that no earlier step dropped, in page order."""
        dropped = self.dropped
        if not dropped:
            yield from self.blocks
            return
        yield from [block for block in self.blocks if block.index not in dropped]

    def is_kept(self, index: int) -> bool:
        """Whether block ``index`` is still kept."""
        return index not in self.dropped

    def neighbours(self, block: Block, k: int = 2) -> tuple[Block, ...]:
        """Return up to ``k`` kept blocks on each side of ``block``, in page order."""
        before: list[Block] = []
        i = block.index - 1
        while i >= 0 and len(before) < k:
            if i not in self.dropped:
                before.append(self.blocks[i])
            i -= 1
        after: list[Block] = []
        i = block.index + 1
        while i < len(self.blocks) and len(after) < k:
            if i not in self.dropped:
                after.append(self.blocks[i])
            i += 1
        return (*reversed(before), *after)

    @property
    def features(self) -> tuple[BlockFeatures, ...]:
        """Per-block features (``features[i]`` describes ``blocks[i]``), computed once."""
        cached = self._cache.value
        if cached is None:
            from newsclean._features import compute_features

            cached = compute_features(self.blocks)
            self._cache.value = cached
        return cached

    def with_dropped(self, dropped: frozenset[int]) -> Document:
        """Return the same document with another ``dropped`` set (features are shared)."""
        return Document(
            self.raw, self.blocks, dropped, self.kind, self.title, self._cache, self._memo
        )

    def memo(self, name: str) -> dict[str, Any]:
        """Return the table ``name`` of cached results of a pure function of block text.

        A filter that derives something from a block's text alone (its shape, its
        comparison key) may keep it here, keyed by the text: the table is shared by
        every view of this document and by the document the pipeline makes of the
        output to clean it once more, so each text is worked on once per run. Name
        tables after the filter module (``"teasers.line_shape"``).

        >>> from newsclean.testing import make_document
        >>> doc = make_document(["a", "b"])
        >>> doc.memo("demo") is doc.with_dropped(frozenset({0})).memo("demo")
        True
        """
        tables = self._memo.tables
        table = tables.get(name)
        if table is None:
            table = tables[name] = {}
        return table


def _slot_setters(cls: type, *names: str) -> tuple[Callable[[Any, Any], None], ...]:
    """Return functions that write the named slots of ``cls`` directly.

    Pages have hundreds of blocks and every block gets a verdict, so the values built
    once per block have hand-written ``__init__`` methods: a frozen dataclass's generated
    one goes through ``object.__setattr__`` for every field, which is about twice as
    slow as writing the slot. The classes stay frozen (assignment still raises
    :class:`dataclasses.FrozenInstanceError`), compare and hash as dataclasses, and work
    with :func:`dataclasses.replace`.
    """
    return tuple(vars(cls)[name].__set__ for name in names)


(
    _set_index,
    _set_start,
    _set_end,
    _set_text,
    _set_tag,
    _set_path,
    _set_link_chars,
    _set_hints,
) = _slot_setters(Block, "index", "start", "end", "text", "tag", "path", "link_chars", "hints")
_set_block, _set_label, _set_reason, _set_evidence = _slot_setters(
    Drop, "block", "label", "reason", "evidence"
)
_set_verdict_block, _set_step, _set_drop = _slot_setters(Verdict, "block", "step", "drop")


@dataclass(frozen=True, slots=True)
class Teaser:
    """One related-news entry found on the page (not part of the article).

    Attributes:
        title: the teaser's headline.
        snippet: the truncated summary under the title, or ``""``.
        source: the publisher or site named in the entry, or ``""``.
        time: the time or date exactly as the page shows it, or ``""``.
        blocks: indices of the blocks of the first copy of this entry on the page.
        copies: indices of the blocks of later copies that were collapsed into it.
    """

    title: str
    snippet: str = ""
    source: str = ""
    time: str = ""
    blocks: tuple[int, ...] = ()
    copies: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Result:
    """The outcome of cleaning one page.

    Attributes:
        text: the article: kept blocks joined by ``"\\n"``.
        verdicts: one :class:`Verdict` per block, in page order.
        kind: how the input was read (``"text"`` or ``"html"``).
        title: the page title when the input had one.
        teasers: related-news entries found on the page, de-duplicated, in page order.
        encoding: the encoding used to decode ``bytes`` input, or ``None`` for ``str``.
        encoding_guessed: whether that encoding was guessed rather than declared.
    """

    text: str
    verdicts: tuple[Verdict, ...]
    kind: InputKind = "text"
    title: str = ""
    teasers: tuple[Teaser, ...] = ()
    encoding: str | None = None
    encoding_guessed: bool = False

    def labels(self) -> dict[int, str]:
        """Map each dropped block index to the label of the drop."""
        return {v.block.index: v.drop.label for v in self.verdicts if v.drop is not None}

    def counts(self) -> Counter[str]:
        """Count dropped blocks per label (``Counter`` objects add up across pages)."""
        return Counter(v.drop.label for v in self.verdicts if v.drop is not None)

    def kept_blocks(self) -> tuple[Block, ...]:
        """The blocks that make up :attr:`text`, in order."""
        return tuple(v.block for v in self.verdicts if v.drop is None)

    def explain(self, width: int = 60) -> str:
        """Render a table: block index, verdict, step, label, reason and the block's text.

        Args:
            width: how many characters of each block's text to show.
        """
        rows = ["idx\tverdict\tstep\tlabel\treason\ttext"]
        for v in self.verdicts:
            snippet = _one_line(v.block.text, width)
            where = f" @{v.block.path}" if v.block.path else ""
            if v.drop is None:
                rows.append(f"{v.block.index}\tkeep\t-\t-\t-{where}\t{snippet}")
            else:
                rows.append(
                    f"{v.block.index}\tdrop\t{v.step}\t{v.drop.label}\t"
                    f"{_one_line(v.drop.reason, 200)}{where}\t{snippet}"
                )
        return "\n".join(rows)


def _one_line(text: str, width: int) -> str:
    """Shorten ``text`` to ``width`` characters with tabs and controls made visible."""
    short = text if len(text) <= width else text[: width - 1] + "…"
    return "".join(ch if ch.isprintable() else " " for ch in short)
