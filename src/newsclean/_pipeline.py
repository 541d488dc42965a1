"""The pipeline: ordered, named filter steps, run over one page at a time.

A :class:`Pipeline` is immutable. Editing methods (:meth:`Pipeline.without`,
:meth:`Pipeline.with_step`, :meth:`Pipeline.replace`) return new pipelines, so one
pipeline can be shared between threads and cached as the default.
"""

from __future__ import annotations

import contextlib
import gc
import operator
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar, overload

from newsclean._errors import ConfigError, FilterContractError, FilterError
from newsclean._filter import Filter
from newsclean._model import Block, Document, Drop, InputKind, Result, Verdict
from newsclean._read import read_page
from newsclean._segment import split_lines, text_blocks

Step = tuple[str, Filter]

# How many times run() applies the steps at most: once over the page, then over its own
# output until nothing more is dropped (see Pipeline._settle).
MAX_PASSES = 4
# Pages longer than this (characters, or bytes) are cleaned with the cyclic garbage
# collector paused (see _collector_paused). No dev page's text is half as long; their
# HTML (1.5 MB at most) loses nothing by the pause either.
GC_PAUSE_CHARS = 500_000
StepSpec = Filter | tuple[str, Filter]
# Line breaks other than "\n" (see newsclean._segment.LINE_BREAK).
_OTHER_BREAK = re.compile("[\v\f\r\x1c\x1d\x1e\x85\u2028\u2029]")
Context = TypeVar("Context")


class Pipeline:
    """An ordered list of named filters that turns a page into a :class:`Result`.

    Steps run in order; each sees the blocks earlier steps kept, and the first drop of a
    block wins. A bare filter is named by its registered name (see
    :func:`~newsclean.get_filter`); give ``(name, filter)`` to choose the name.

    >>> from newsclean.filters.legal import LegalNoticeFilter
    >>> pipe = Pipeline([LegalNoticeFilter()])
    >>> pipe.clean("Body text of the story.\\nCopyright © 2024 Example Ltd. All rights reserved.")
    'Body text of the story.'
    """

    __slots__ = ("_steps",)

    def __init__(self, steps: Iterable[StepSpec] = ()) -> None:
        """Build a pipeline from filters or ``(name, filter)`` pairs.

        Raises:
            ConfigError: a name is empty, contains ``"."``, or is used twice; or a
                bare filter has no registered name.
            TypeError: a step is not callable.
        """
        normalised: list[Step] = []
        for spec in steps:
            if isinstance(spec, tuple):
                if len(spec) != 2 or not isinstance(spec[0], str):
                    raise ConfigError(
                        f"a step must be a filter or a (name, filter) pair, not {spec!r}"
                    )
                name, flt = spec
            else:
                flt = spec
                name = _registered_name(flt)
            if not callable(flt):
                raise TypeError(f"step {name!r}: {flt!r} is not callable")
            normalised.append((name, flt))
        _validate_names([name for name, _ in normalised])
        self._steps: tuple[Step, ...] = tuple(normalised)

    # -- inspection -------------------------------------------------------------

    @property
    def steps(self) -> tuple[Step, ...]:
        """The ``(name, filter)`` pairs in run order."""
        return self._steps

    @property
    def names(self) -> tuple[str, ...]:
        """The step names in run order."""
        return tuple(name for name, _ in self._steps)

    def __len__(self) -> int:
        """Number of steps."""
        return len(self._steps)

    def __iter__(self) -> Iterator[Step]:
        """Iterate over ``(name, filter)`` pairs."""
        return iter(self._steps)

    def __getitem__(self, name: str) -> Filter:
        """Return the filter of step ``name``."""
        return self._steps[self._position(name)][1]

    def __contains__(self, name: object) -> bool:
        """Whether a step of that name exists."""
        return any(name == n for n, _ in self._steps)

    def __eq__(self, other: object) -> bool:
        """Pipelines are equal when their steps (names and filters) are equal."""
        return isinstance(other, Pipeline) and self._steps == other._steps

    def __hash__(self) -> int:
        """Hash by steps (filters that are unhashable make the pipeline unhashable)."""
        return hash(self._steps)

    def __repr__(self) -> str:
        """Show step names and filters."""
        inner = ", ".join(f"({name!r}, {flt!r})" for name, flt in self._steps)
        return f"Pipeline([{inner}])"

    # -- editing (each returns a new pipeline) ------------------------------------

    def without(self, *names: str) -> Pipeline:
        """Return a pipeline without the named steps.

        Raises:
            ConfigError: a name is not a step of this pipeline.
        """
        for name in names:
            self._position(name)
        return Pipeline([s for s in self._steps if s[0] not in names])

    def with_step(
        self,
        name: str,
        flt: Filter,
        *,
        before: str | None = None,
        after: str | None = None,
    ) -> Pipeline:
        """Return a pipeline with ``flt`` added as step ``name``.

        It goes at the end, or just before/after the named step.

        Raises:
            ConfigError: both ``before`` and ``after`` given, an unknown anchor step,
                or a name already used.
        """
        if before is not None and after is not None:
            raise ConfigError("give before= or after=, not both")
        steps = list(self._steps)
        if before is not None:
            at = self._position(before)
        elif after is not None:
            at = self._position(after) + 1
        else:
            at = len(steps)
        steps.insert(at, (name, flt))
        return Pipeline(steps)

    def replace(self, name: str, flt: Filter) -> Pipeline:
        """Return a pipeline whose step ``name`` runs ``flt`` instead.

        Raises:
            ConfigError: no step has that name.
        """
        at = self._position(name)
        steps = list(self._steps)
        steps[at] = (name, flt)
        return Pipeline(steps)

    def configure(self, name: str, **params: Any) -> Pipeline:
        """Return a pipeline whose step ``name`` has some parameters changed.

        >>> from newsclean import default_pipeline
        >>> default_pipeline().configure("near_duplicate", threshold=80)["near_duplicate"].threshold
        80

        Raises:
            ConfigError: no step has that name, or its filter has no such parameter.
        """
        from newsclean._config import reconfigure

        return self.replace(name, reconfigure(name, self[name], params))

    def _position(self, name: str) -> int:
        for i, (step_name, _) in enumerate(self._steps):
            if step_name == name:
                return i
        raise ConfigError(f"no step {name!r}; steps: {', '.join(self.names) or '(none)'}")

    # -- configuration ------------------------------------------------------------

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Pipeline:
        """Build a pipeline from ``{"steps": [{"filter": name, ...params}, ...]}``.

        See :func:`newsclean.pipeline_from_config` for the format.
        """
        from newsclean._config import pipeline_from_config

        return pipeline_from_config(config)

    @classmethod
    def from_toml(cls, path: str | Path) -> Pipeline:
        """Build a pipeline from a TOML file of ``[[steps]]`` tables."""
        from newsclean._config import pipeline_from_toml

        return pipeline_from_toml(path)

    def to_config(self) -> dict[str, Any]:
        """Describe this pipeline as a dict that :meth:`from_config` turns back into it."""
        from newsclean._config import pipeline_to_config

        return pipeline_to_config(self)

    def to_toml(self) -> str:
        """Describe this pipeline as TOML text that :meth:`from_toml` reads back."""
        from newsclean._config import pipeline_to_toml

        return pipeline_to_toml(self)

    # -- running ------------------------------------------------------------------

    def run(self, page: str | bytes, *, kind: InputKind | None = None) -> Result:
        """Clean one page and explain every decision.

        Args:
            page: raw scraped text, or an HTML page (``str`` or ``bytes``).
            kind: force ``"text"`` or ``"html"`` instead of detecting it.

        Raises:
            TypeError: ``page`` is neither ``str`` nor ``bytes``.
            FilterError: a filter raised; the step is named and the cause chained.
            FilterContractError: a filter returned an invalid drop.
        """
        # (What is not text reaches read_page, which says what a page must be.)
        huge = isinstance(page, (str, bytes, bytearray)) and len(page) > GC_PAUSE_CHARS
        with _collector_paused(huge):
            page_in = read_page(page, kind)
            doc = page_in.document
            blocks = doc.blocks
            decided = self._apply(doc)
            self._settle(doc, decided)
            # One lookup per block in each table, by position: blocks[i].index == i.
            positions = range(len(blocks))
            drops = list(map(decided.drops.get, positions))
            verdicts = tuple(map(Verdict, blocks, map(decided.steps.get, positions), drops))
        from newsclean.filters.teasers import collect_teasers

        return Result(
            text="\n".join(
                [block.text for block, drop in zip(blocks, drops, strict=True) if drop is None]
            ),
            verdicts=verdicts,
            kind=doc.kind,
            title=doc.title,
            teasers=collect_teasers(verdicts),
            encoding=page_in.encoding,
            encoding_guessed=page_in.encoding_guessed,
        )

    def clean(self, page: str | bytes, *, kind: InputKind | None = None) -> str:
        """Return only the article text of ``page`` (see :meth:`run`)."""
        return self.run(page, kind=kind).text

    @overload
    def pipe(self, pages: Iterable[str | bytes]) -> Iterator[Result]: ...

    @overload
    def pipe(
        self, pages: Iterable[tuple[str | bytes, Context]], *, with_context: bool
    ) -> Iterator[tuple[Result, Context]]: ...

    def pipe(self, pages: Iterable[Any], *, with_context: bool = False) -> Iterator[Any]:
        """Clean many pages lazily, in order.

        With ``with_context=True`` the items are ``(page, context)`` pairs and the
        results come back as ``(result, context)`` pairs, so ids travel with pages.
        """
        for item in pages:
            if with_context:
                page, context = item
                yield self.run(page), context
            else:
                yield self.run(item)

    def _apply(self, doc: Document, steps: Sequence[Step] | None = None) -> _Decisions:
        """Run every step (or ``steps``) once over ``doc``; return the drops they made."""
        decided = _Decisions()
        fresh: set[int] = set()
        for name, flt in self._steps if steps is None else steps:
            if fresh:  # the previous step's drops, shown to this step (not after the last)
                doc = doc.with_dropped(doc.dropped | fresh)
            fresh = self._run_step(name, flt, doc, decided.drops)
            # dict.fromkeys names the step of every fresh drop in one C-level call.
            decided.steps.update(dict.fromkeys(fresh, name))
        return decided

    def _settle(self, doc: Document, decided: _Decisions) -> None:
        """Run the steps again on the output until they drop nothing more.

        Filters judge blocks in context, and removing a menu or a footer changes the
        context of what is left: a line kept beside a dropped block may look different
        once that block is gone. Cleaning the output once more, as a user calling
        ``clean(clean(page))`` would, and folding any new drops back into the original
        blocks makes the result a fixed point, so cleaning is idempotent. Most pages settle
        after one extra pass over their (much shorter) article text.
        """
        owner = decided.drops
        kept: Sequence[Block] = doc.blocks
        for extra_pass in range(2, MAX_PASSES + 1):
            # Drops are only ever added: what a pass dropped stays dropped, so each pass
            # looks only at the blocks the previous one kept.
            kept = [block for block in kept if block.index not in owner]
            if not kept:
                return
            output = "\n".join([block.text for block in kept])
            if doc.kind == "html":
                again = _html_output_document(doc, kept, output)
            else:
                again = Document(output, text_blocks(output), _memo=doc._memo)
            measured = doc._cache.value
            if measured is not None:
                # The output's lines were measured in the first pass: reuse those features.
                from newsclean._features import compute_features

                known = {block.text: measured[block.index] for block in kept}
                again._cache.value = compute_features(again.blocks, known)
            # Output lines map back to the kept blocks they came from (a block whose text
            # holds a line break gives several lines; it goes only if all of them go).
            parent: list[int]
            if doc.kind == "html" or (
                output.count("\n") == len(kept) - 1 and _OTHER_BREAK.search(output) is None
            ):
                parent = list(range(len(kept)))  # no block holds a break: one line each
            else:
                parent = []
                for position, block in enumerate(kept):
                    parent.extend([position] * (len(split_lines(block.text))))
            if len(parent) != len(again.blocks):
                return  # the output does not re-segment line for line; leave it as it is
            steps: Sequence[Step] = self._steps
            if [b.text for b in again.blocks] == [b.text for b in kept]:
                # The same texts again: a step that judges every block by its own text
                # alone kept each of them in the first pass, and would keep it again.
                steps = [s for s in steps if not getattr(s[1], "judges_blocks_alone", False)]
            new = self._apply(again, steps)
            if not new.drops:
                return
            lines_left = Counter(parent)
            for index in sorted(new.drops):
                lines_left[parent[index]] -= 1
            for index in sorted(new.drops):
                target = kept[parent[index]].index
                if lines_left[parent[index]] > 0 or target in owner:
                    continue
                drop = new.drops[index]
                evidence = {
                    key: (
                        kept[parent[value]].index
                        if key.endswith("_of") and type(value) is int and 0 <= value < len(parent)
                        else value
                    )
                    for key, value in drop.evidence.items()
                }
                evidence["pass"] = extra_pass
                owner[target] = Drop(target, drop.label, drop.reason, evidence)
                decided.steps[target] = new.steps[index]

    @staticmethod
    def _run_step(name: str, flt: Filter, doc: Document, owner: dict[int, Drop]) -> set[int]:
        """Run one filter, check its drops, record the new ones; return their indices."""
        try:
            drops = list(flt(doc))
        except (FilterError, FilterContractError):
            raise
        except Exception as err:
            raise FilterError(
                f"step {name!r} ({_filter_kind(flt)}) raised {type(err).__name__}: {err}",
                step=name,
            ) from err
        n_blocks = len(doc.blocks)
        if len(drops) >= _BULK and (bulk := _checked_in_bulk(drops, n_blocks)) is not None:
            # The first drop of a block wins: keep only blocks no earlier step dropped
            # (dict.keys() & ... iterates over the smaller side).
            for index in owner.keys() & bulk.keys():
                del bulk[index]
            owner.update(bulk)
            return set(bulk)
        fresh: set[int] = set()
        for drop in drops:
            if type(drop) is Drop:
                index = drop.block
                label = drop.label
                if (
                    type(index) is int
                    and 0 <= index < n_blocks
                    and type(label) is str
                    and label
                    and type(drop.reason) is str
                ):  # the usual case, checked without building any message
                    if index not in owner:  # the first drop of a block wins
                        owner[index] = drop
                        fresh.add(index)
                    continue
            if not isinstance(drop, Drop):
                raise FilterContractError(
                    f"step {name!r} ({_filter_kind(flt)}) returned {type(drop).__name__} "
                    "instead of Drop",
                    step=name,
                )
            index = drop.block
            if type(index) is not int or not 0 <= index < n_blocks:
                raise FilterContractError(
                    f"step {name!r} ({_filter_kind(flt)}) dropped block {index!r}; "
                    f"document has {n_blocks} blocks",
                    step=name,
                )
            if not isinstance(drop.label, str) or not drop.label:
                raise FilterContractError(
                    f"step {name!r} ({_filter_kind(flt)}) gave a drop without a label",
                    step=name,
                )
            if not isinstance(drop.reason, str):
                raise FilterContractError(
                    f"step {name!r} ({_filter_kind(flt)}) gave a non-str reason",
                    step=name,
                )
            if index in owner:  # the first drop of a block wins
                continue
            owner[index] = drop
            fresh.add(index)
        return fresh


# From this many drops on, a step's drops are checked with whole-list operations first
# (see _checked_in_bulk); fewer are checked one by one, which is cheaper for short lists.
_BULK = 256
_block_of = operator.attrgetter("block")
_label_of = operator.attrgetter("label")
_reason_of = operator.attrgetter("reason")


def _checked_in_bulk(drops: list[Drop], n_blocks: int) -> dict[int, Drop] | None:
    """Check a long list of drops at C speed; return block -> its first drop, or None.

    The checks are those of the one-by-one loop in :meth:`Pipeline._run_step` (a
    :class:`Drop` exactly, an ``int`` block in range, a non-empty ``str`` label, a
    ``str`` reason), made with ``map`` and ``set`` over the whole list, so the usual
    case, a huge page whose blocks one step drops nearly all, costs no Python loop.
    ``None`` means some drop failed a check (or is a subclass of Drop): the caller then
    checks them one by one, which raises the precise error.
    """
    if set(map(type, drops)) != {Drop}:
        return None
    blocks = list(map(_block_of, drops))
    if set(map(type, blocks)) != {int} or min(blocks) < 0 or max(blocks) >= n_blocks:
        return None
    labels = list(map(_label_of, drops))
    if set(map(type, labels)) != {str} or "" in set(labels):
        return None
    if set(map(type, map(_reason_of, drops))) != {str}:
        return None
    # Built from the end, so that the first of two drops of one block is the one kept;
    # the result is an ordinary dict keyed in reverse order, which nothing depends on.
    return dict(zip(reversed(blocks), reversed(drops), strict=True))


@contextlib.contextmanager
def _collector_paused(pause: bool) -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the ``with`` body when ``pause``.

    A huge page (GC_PAUSE_CHARS long or more) makes several objects per block that
    all live until its result is returned: blocks, features, drops, verdicts. Each of them
    counts towards the next collection, so the collector walks the growing heap again
    and again, finding nothing, since none of these objects is part of a reference cycle
    (a fifth of the time of a 200,000-line page). Pausing changes no result. The
    collector is process-wide: other threads' cycles wait until the page is done; it is
    re-enabled only if it was enabled before (a concurrent run that found it paused
    leaves it to the run that paused it).
    """
    if not pause or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class _Decisions:
    """The drops of one run: the first drop of each dropped block, and the step's name.

    Two tables keyed by block index rather than one of ``(step, drop)`` pairs: a page
    of 200,000 dropped lines would otherwise hold 200,000 more long-lived tuples for
    the garbage collector to walk on every full collection.
    """

    __slots__ = ("drops", "steps")

    def __init__(self) -> None:
        self.drops: dict[int, Drop] = {}
        self.steps: dict[int, str] = {}


def _html_output_document(doc: Document, kept: Sequence[Block], output: str) -> Document:
    """The kept blocks of an HTML page as a document of their own, DOM evidence included.

    An HTML page settles as HTML: its kept blocks keep their tags, paths, link counts and
    hints, so the same steps judge them the same way (re-reading the text output would
    judge it as raw text, another route with other steps).
    """
    blocks: list[Block] = []
    pos = 0
    for index, block in enumerate(kept):
        end = pos + len(block.text)
        blocks.append(
            Block(index, pos, end, block.text, block.tag, block.path, block.link_chars, block.hints)
        )
        pos = end + 1
    return Document(output, tuple(blocks), kind="html", title=doc.title, _memo=doc._memo)


def _filter_kind(flt: object) -> str:
    return getattr(flt, "__qualname__", type(flt).__qualname__)


def _registered_name(flt: object) -> str:
    from newsclean._registry import name_of

    name = name_of(flt)
    if name is None:
        raise ConfigError(
            f"{flt!r} is not a registered filter; give the step a name: (name, filter)"
        )
    return name


def _validate_names(names: Sequence[str]) -> None:
    seen: set[str] = set()
    for name in names:
        if not isinstance(name, str) or not name:
            raise ConfigError(f"step names must be non-empty strings, not {name!r}")
        if "." in name:
            raise ConfigError(f"step name {name!r} must not contain '.'")
        if name in seen:
            raise ConfigError(f"step name {name!r} is used twice; names must be unique")
        seen.add(name)
