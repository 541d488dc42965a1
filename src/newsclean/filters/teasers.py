"""Related-news teaser lists: found as records, collapsed when repeated, returned as data.

A teaser *entry* is a record of a few consecutive blocks: a title, maybe a truncated
snippet, maybe a source and a time stamp, in whatever order the page prints them. A
teaser *list* is a run of such records. Four shapes of list are recognised:

- records anchored on a time or "source + time" line (``新华网 12-24 19:25:39``,
  ``3 hours ago``), the anchor closing (or opening) each record;
- titles that carry their own date (``某某标题 (12-24)``), three or more in a row;
- entries under a related-list heading (``相关新闻``, ``Related stories``);
- title + truncated snippet pairs (``…``, ``...``), three or more in a row;
- title + one-sentence summary pairs, three or more in a row (a section of a portal's
  headlines: "Hops shortage spurs microbreweries" / "A worldwide shortage of hops...").

Later copies of the same story (desktop and mobile copies of one list, entries repeated
with other times or other snippet cuts) are matched by a normalised title key: exact
keys first, then :func:`rapidfuzz.fuzz.ratio` only against earlier stories sharing a
prefix or suffix bucket, so the cost stays near-linear in the number of entries.

Every block of every entry is dropped with label ``teaser``; the evidence carries all
that :func:`collect_teasers` needs to rebuild one :class:`~newsclean.Teaser` per story.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress, pairwise, repeat
from operator import is_not
from types import MappingProxyType
from typing import NamedTuple

from rapidfuzz import fuzz

from newsclean._features import BlockFeatures
from newsclean._model import Block, Document, Drop, Teaser, Verdict
from newsclean._teaser_text import (
    BULLET,
    BYLINE,
    TEXT,
    TRUNCATED_LAST,
    LineShape,
    has_time,
    is_clock,
    is_truncated,
    normalise_all,
    surely_text,
    unsure_line_shape,
)

LABEL = "teaser"

# Endings that make a block a sentence or a clause, not a headline.
_NOT_TITLE_END = frozenset("。；;，,：:、")
_SENTENCE_END = frozenset("。！？.!?")
# Words a headline does not end with, but a line of wrapped prose often does.
_DANGLING = frozenset(
    ("a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or")
)
# How many earlier stories of one bucket a new title is scored against, at most.
_BUCKET_DEPTH = 32
# Length of the prefix and suffix of a title key used as buckets.
_BUCKET_CHARS = 8
# Blocks above running text that may be its headline, byline, dateline and photo credit.
_HEAD_WINDOW = 6


# The fields of a part that has none of its own: shared, as a teaser list has thousands.
_NO_FIELDS: Mapping[str, str] = MappingProxyType({})


@dataclass(slots=True)
class _Part:
    """One block of a record: its position among the kept blocks, role and parsed fields."""

    pos: int
    role: str
    extra: Mapping[str, str] = field(default_factory=lambda: _NO_FIELDS)  # never changed


@dataclass(slots=True)
class _Record:
    """One teaser entry as found on the page (before de-duplication)."""

    parts: list[_Part]

    @property
    def first(self) -> int:
        return min(p.pos for p in self.parts)


# The shape of a plain-text block that ends with a truncation mark (a snippet, maybe):
# equal to TEXT, so every test of ``kind`` reads it as text, but another object, so
# such blocks are among the special positions, where _snippet_pairs finds them.
_CUT = LineShape("text")


class _Page(NamedTuple):
    """What the list finders of one call share."""

    kept: list[Block]
    shapes: list[LineShape]  # shapes[k] describes kept[k]
    special: list[int]  # positions whose shape is not TEXT (_CUT included), in order
    claimed: list[bool]  # positions already in a record
    features: Sequence[BlockFeatures]  # features[block.index] describes a block


def _shapes(doc: Document, kept: list[Block]) -> list[LineShape]:
    """The shape of every kept block (_CUT for cut plain text), each text learnt once a run."""
    known: dict[str, LineShape] = doc.memo("teasers.line_shape")  # needs the text alone
    get = known.get
    features = doc.features
    shapes: list[LineShape] = []
    append = shapes.append
    for block in kept:
        text = block.text
        digits = features[block.index].digits
        if surely_text(text, digits):
            # Most lines: the cheap tests cost less than a look-up, so they are not kept.
            # (A truncation mark's last character first: it rules out nearly every line
            # before the call.)
            append(_CUT if text[-1] in TRUNCATED_LAST and is_truncated(text) else TEXT)
            continue
        shape = get(text)
        if shape is None:
            shape = unsure_line_shape(text, digits)
            if shape is TEXT and is_truncated(text):
                shape = _CUT
            known[text] = shape
        append(shape)
    return shapes


@dataclass(frozen=True, slots=True)
class TeaserFilter:
    """Drop related-news teaser entries (label ``teaser``) and remember them as records.

    Evidence of each drop: ``record`` (story number in page order), ``copy`` (0 for the
    first copy of a story), ``role`` (``title``, ``snippet``, ``source``, ``time`` or
    ``meta``), parsed ``time``/``source``/``title`` strings where a line holds more than
    one field, and for later copies ``duplicate_of`` (block index) and ``score`` (0-100).

    Known false positive: two short, dated, unpunctuated lines in a row inside a body
    (say, a two-item timeline of headlines) read as a two-entry list.

    >>> from newsclean.testing import run_filter
    >>> r = run_filter(TeaserFilter(), [
    ...     "The council approved the new budget on Tuesday, after a long debate.",
    ...     "Storm closes schools", "Reuters · 3 hours ago",
    ...     "Markets rally on rate hopes", "AP · 5 hours ago",
    ... ])
    >>> sorted(r.labels())
    [1, 2, 3, 4]
    >>> [(t.title, t.source, t.time) for t in r.teasers]  # doctest: +NORMALIZE_WHITESPACE
    [('Storm closes schools', 'Reuters', '3 hours ago'),
     ('Markets rally on rate hopes', 'AP', '5 hours ago')]

    Attributes:
        min_records: entries a list needs (a single entry is never a list).
        min_inline: titles-with-date in a row needed without any other cue.
        min_pairs: title + truncated snippet pairs in a row needed without any other cue.
        min_summaries: title + one-sentence summary pairs in a row needed without any
            other cue; 0 turns this list shape off.
        summary_max: longest one-sentence summary, in characters.
        max_body: text blocks (title, snippet, source) in one entry besides its anchor.
        title_max: longest title, in characters.
        snippet_max: longest snippet, in characters.
        source_max: longest source-only line, in characters.
        threshold: :func:`rapidfuzz.fuzz.ratio` score (0-100) from which two titles are
            the same story.
    """

    min_records: int = 2
    min_inline: int = 3
    min_pairs: int = 3
    min_summaries: int = 3
    summary_max: int = 250
    max_body: int = 3
    title_max: int = 120
    snippet_max: int = 300
    source_max: int = 20
    threshold: float = 90.0

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield one drop per block of every teaser entry on the page."""
        kept = list(doc.kept())
        if len(kept) < 2:
            return
        shapes = _shapes(doc, kept)
        # Positions of the blocks that are not plain text, or are cut (a few per page):
        # the scans below look at these only.
        # (Picked at C speed: on a long page nearly every block is plain text.)
        special = list(compress(range(len(shapes)), map(is_not, shapes, repeat(TEXT))))
        _inline_runs(shapes, special, max(self.min_inline, self.min_records))
        kinds = Counter([shapes[k].kind for k in special])
        finders = []
        if kinds["time"] + kinds["meta"] >= 2:
            finders.append(self._anchored)
        if kinds["heading"]:
            finders.append(self._headed)
        if kinds["inline"] >= max(self.min_inline, self.min_records):
            finders.append(self._inline)
        finders.append(self._snippet_pairs)
        if self.min_summaries > 0:
            finders.append(self._summary_pairs)
        claimed = [False] * len(kept)
        records: list[_Record] = []
        owner: dict[int, _Record] = {}
        page = _Page(kept, shapes, special, claimed, doc.features)
        for find in finders:
            for rec in find(page):
                for part in rec.parts:
                    claimed[part.pos] = True
                    owner[part.pos] = rec
                records.append(rec)
        if not records:
            return
        last = len(kept) - 1
        for k in special:
            # A heading right above a list found by other cues belongs to its first entry.
            if k < last and shapes[k].kind == "heading" and not claimed[k] and claimed[k + 1]:
                owner[k + 1].parts.insert(0, _Part(k, "meta"))
        records.sort(key=lambda r: r.first)
        yield from self._emit(kept, records)

    # -- block tests -------------------------------------------------------------------

    def _texty(self, block: Block, shape: LineShape) -> bool:
        """Whether a block can be part of an entry: plain text, not too long."""
        return shape.kind == "text" and len(block.text) <= self.snippet_max

    def _titley(self, block: Block, shape: LineShape) -> bool:
        """Whether a block can be an entry's title: short, and not ending a sentence."""
        text = block.text
        if shape.kind != "text" or not 4 <= len(text) <= self.title_max:
            return False
        end = text[-1]
        if end in _NOT_TITLE_END or (end == "." and not is_truncated(text)):
            return False
        if text.isascii() and text.rpartition(" ")[2] in _DANGLING:
            return False  # "Brown's basket gave WSU a": a line of wrapped prose
        return BYLINE.match(text) is None

    def _body(self, block: Block, shape: LineShape) -> bool:
        """Whether a block reads like a paragraph of running text."""
        text = block.text
        if shape.kind != "text":
            return False
        return len(text) > self.snippet_max // 2 or (
            len(text) >= 40 and text.rstrip("\"'”’」』)）")[-1:] in _SENTENCE_END
        )

    # -- list shape 1: records anchored on time / source+time lines --------------------

    def _segment_ok(self, kept: list[Block], shapes: list[LineShape], seg: Sequence[int]) -> bool:
        """Whether blocks ``seg`` (positions) can be one entry's body besides its anchor."""
        if len(seg) > self.max_body + 3:  # more blocks than the tests below allow
            return False
        texts = [k for k in seg if shapes[k].kind == "text"]
        if not 1 <= len(texts) <= self.max_body or len(seg) - len(texts) > 3:
            return False
        if any(shapes[k].kind not in ("text", "counter") for k in seg):
            return False
        if not all(self._texty(kept[k], shapes[k]) for k in texts):
            return False
        return self._titley(kept[texts[0]], shapes[texts[0]])

    def _anchored(self, page: _Page) -> Iterator[_Record]:
        kept, shapes, claimed = page.kept, page.shapes, page.claimed
        anchors = [k for k in page.special if shapes[k].kind in ("time", "meta")]
        if len(anchors) < self.min_records - 1 or not anchors:
            return
        # Anchor groups: anchors separated only by counters belong to one entry.
        groups: list[list[int]] = [[anchors[0]]]
        for a in anchors[1:]:
            prev = groups[-1][-1]
            if all(shapes[k].kind == "counter" for k in range(prev + 1, a)):
                groups[-1].append(a)
            else:
                groups.append([a])
        chain: list[list[int]] = [groups[0]]
        shape_of_chain: tuple[int, str] | None = None
        for g in groups[1:]:
            seg = range(chain[-1][-1] + 1, g[0])
            if self._segment_ok(kept, shapes, seg):
                # Entries of one list share a shape: as many text blocks, same anchor kind.
                sig = (sum(1 for k in seg if shapes[k].kind == "text"), shapes[g[0]].kind)
                first_kind = shapes[chain[0][0]].kind
                if sig == shape_of_chain or (shape_of_chain is None and sig[1] == first_kind):
                    chain.append(g)
                    shape_of_chain = sig
                    continue
            shape_of_chain = None
            yield from self._chain_records(kept, shapes, claimed, chain)
            chain = [g]
        yield from self._chain_records(kept, shapes, claimed, chain)

    def _chain_records(
        self,
        kept: list[Block],
        shapes: list[LineShape],
        claimed: list[bool],
        chain: list[list[int]],
    ) -> Iterator[_Record]:
        """Turn a chain of anchor groups into records, choosing the anchors' side."""
        inner = [list(range(a[-1] + 1, b[0])) for a, b in pairwise(chain)]
        size = sum(1 for k in inner[0] if shapes[k].kind == "text") if inner else self.max_body
        before = self._outer(kept, shapes, claimed, chain[0][0], -1, size)
        after = self._outer(kept, shapes, claimed, chain[-1][-1], 1, size)
        if before is None and after is not None:  # the time comes first in each entry
            bodies = [*inner, after]
            pairs = list(zip(chain, bodies, strict=True))
            time_first = True
        else:
            bodies = [before or [], *inner]
            pairs = list(zip(chain, bodies, strict=True))
            time_first = False
        found = [(g, body) for g, body in pairs if body]
        if found:
            end = max(found[-1][0][-1], found[-1][1][-1]) + 1
            if any(self._body(kept[k], shapes[k]) for k in range(end, min(end + 2, len(kept)))):
                # Running text right after the last entry: that entry is the article's
                # own headline and dateline.
                found.pop()
        if len(found) < self.min_records:
            return
        for g, body in found:
            yield self._record(kept, shapes, body, g, time_first)

    def _outer(
        self,
        kept: list[Block],
        shapes: list[LineShape],
        claimed: list[bool],
        anchor: int,
        step: int,
        size: int,
    ) -> list[int] | None:
        """The body of the entry outside a chain's first/last anchor, if there is one."""
        seg: list[int] = []
        texts = 0
        k = anchor + step
        while 0 <= k < len(kept) and not claimed[k] and texts < size:
            kind = shapes[k].kind
            if kind == "counter":
                seg.append(k)
            elif kind == "text" and self._texty(kept[k], shapes[k]):
                seg.append(k)
                texts += 1
            else:
                break
            k += step
        if texts != size:
            return None
        seg.sort()
        return seg if self._segment_ok(kept, shapes, seg) else None

    def _record(
        self,
        kept: list[Block],
        shapes: list[LineShape],
        body: list[int],
        anchors: list[int],
        time_first: bool,
    ) -> _Record:
        parts: list[_Part] = []
        texts = [k for k in body if shapes[k].kind == "text"]
        for k in body:
            if shapes[k].kind == "counter":
                parts.append(_Part(k, "meta"))
            elif k == texts[0]:
                parts.append(_Part(k, "title"))
            else:
                parts.append(_Part(k, "text"))
        self._text_roles(kept, parts, source_last=not time_first)
        for a in anchors:
            shape = shapes[a]
            if shape.kind == "meta":
                parts.append(_Part(a, "meta", {"time": shape.time, "source": shape.source}))
            else:
                parts.append(_Part(a, "time", {"time": shape.time}))
        parts.sort(key=lambda p: p.pos)
        return _Record(parts)

    def _text_roles(self, kept: list[Block], parts: list[_Part], *, source_last: bool) -> None:
        """Name the non-title text blocks of a record: snippet, source, or meta."""
        rest = [p for p in parts if p.role == "text"]
        snippet_seen = False
        for i, part in enumerate(rest):
            text = kept[part.pos].text
            short = len(text) <= self.source_max and not is_truncated(text)
            if short and i == len(rest) - 1 and source_last:
                part.role = "source"
            elif not short and not snippet_seen:
                part.role = "snippet"
                snippet_seen = True
            else:
                part.role = "meta"

    # -- list shape 2: entries under a related-list heading ----------------------------

    def _headed(self, page: _Page) -> Iterator[_Record]:
        kept, shapes, claimed = page.kept, page.shapes, page.claimed
        n = len(kept)
        for h in page.special:
            if shapes[h].kind != "heading" or claimed[h]:
                continue
            entries: list[_Record] = []
            look: tuple[bool, bool] | None = None
            k = h + 1
            while k < n and not claimed[k]:
                s = shapes[k]
                text = kept[k].text
                if text[:1].islower() and text.isascii():
                    break  # a sentence wrapped over several lines, not a list
                if self._entryish(kept[k], s):
                    # Entries of one list look alike: bulleted or not, dated or not.
                    this = (BULLET.match(text) is not None, s.kind == "inline")
                    if look is None:
                        look = this
                    elif this != look:
                        break
                    if s.kind == "inline":
                        extra = {"title": s.title, "time": s.time}
                    else:
                        title = BULLET.sub("", text, count=1).strip()
                        extra = {"title": title} if title != text else {}
                    entries.append(_Record([_Part(k, "title", extra)]))
                elif entries and s.kind == "text" and is_truncated(text):
                    entries[-1].parts.append(_Part(k, "snippet"))
                elif entries and s.kind in ("time", "meta", "counter"):
                    extra = {"time": s.time} if s.time else {}
                    if s.source:
                        extra["source"] = s.source
                    role = "time" if s.kind == "time" else "meta"
                    entries[-1].parts.append(_Part(k, role, extra))
                else:
                    break
                k += 1
            for j in range(k, min(n, k + _HEAD_WINDOW)):
                if self._body(kept[j], shapes[j]):
                    # Running text follows. If a byline or a dateline stands right above
                    # it, the last short lines are its headline: not entries.
                    head = range(max(h + 1, j - _HEAD_WINDOW), j)
                    if any(_heads_article(kept[i].text, shapes[i]) for i in head):
                        while entries and entries[-1].first >= j - _HEAD_WINDOW:
                            entries.pop()
                    break
            if len(entries) >= self.min_records:
                entries[0].parts.insert(0, _Part(h, "meta"))
                yield from entries

    def _entryish(self, block: Block, shape: LineShape) -> bool:
        """Whether a block can be a title-only entry: a title of two words or more."""
        if shape.kind == "inline":
            text = shape.title
            if len(text) < 4 or text[-1] in _NOT_TITLE_END or has_time(text):
                return False
        elif self._titley(block, shape):
            text = block.text
        else:
            return False
        return not text.isascii() or " " in text.strip()

    # -- list shape 3: titles that carry their own date --------------------------------

    def _inline(self, page: _Page) -> Iterator[_Record]:
        kept, shapes, claimed = page.kept, page.shapes, page.claimed
        least = max(self.min_inline, self.min_records)
        run: list[int] = []
        for k in [*page.special, -1]:  # -1 ends the last run
            qualifies = (
                k >= 0
                and shapes[k].kind == "inline"
                and not claimed[k]
                and self._entryish(kept[k], shapes[k])
            )
            if qualifies and (not run or run[-1] == k - 1):
                run.append(k)
                continue
            # The run ends: at a block that is no entry, or after a gap of plain text.
            if len(run) >= least:
                for r in run:
                    s = shapes[r]
                    yield _Record([_Part(r, "title", {"title": s.title, "time": s.time})])
            run = [k] if qualifies else []

    # -- list shape 4: title + truncated snippet pairs ---------------------------------

    def _snippet_pairs(self, page: _Page) -> Iterator[_Record]:
        kept, shapes, claimed = page.kept, page.shapes, page.claimed
        least = max(self.min_pairs, self.min_records)
        # Only plain-text blocks can be snippets: counting the others as well would not
        # make enough pairs either.
        cut = [k for k in page.special if shapes[k] is _CUT]
        if len(cut) < least:
            return
        pairs: list[_Record] = []
        for k in cut:
            title = k - 1
            if (
                title >= 0
                and not claimed[k]
                and not claimed[title]
                and self._texty(kept[k], shapes[k])
                and self._titley(kept[title], shapes[title])
                and not is_truncated(kept[title].text)
            ):
                if pairs and pairs[-1].parts[-1].pos != title - 1:
                    if len(pairs) >= least:
                        yield from pairs
                    pairs = []
                pairs.append(_Record([_Part(title, "title"), _Part(k, "snippet")]))
        if len(pairs) >= least:
            yield from pairs

    # -- list shape 5: title + one-sentence summary pairs -------------------------------

    def _summary_pairs(self, page: _Page) -> Iterator[_Record]:
        """Runs of headline + one-sentence summary pairs, the summaries not cut short.

        A portal lists its other stories as a headline over the first sentence of each.
        An article's subheadings are numbered or head paragraphs of several sentences,
        so an unnumbered title over a single sentence, three times in a row, is a list.
        Pairs that go on from running text are sections of the article (a roundup's
        "Kings 3 Blackhawks 2" over its paragraph); where running text follows the last
        pair, that pair is the article's own headline and standfirst. Both stay.
        """
        least = max(self.min_summaries, self.min_records)
        kept, shapes, features = page.kept, page.shapes, page.features
        longest = self.summary_max
        # Blocks that may be summaries, by their features alone (a few per page).
        summaries = [
            k
            for k in range(1, len(kept))
            if shapes[k] is TEXT
            and (f := features[kept[k].index]).terminal
            and f.sentences <= 2
            and 40 <= f.chars <= longest
        ]
        if len(summaries) < least:
            return
        run: list[_Record] = []
        for k in summaries:
            if run and run[-1].parts[-1].pos == k - 1:
                continue  # the block above is the last pair's summary, not a title
            if self._summary_pair(page, k):
                if run and run[-1].parts[-1].pos != k - 2:
                    yield from self._summary_run(page, run, least)
                    run = []
                run.append(_Record([_Part(k - 1, "title"), _Part(k, "snippet")]))
        yield from self._summary_run(page, run, least)

    def _summary_pair(self, page: _Page, k: int) -> bool:
        """Whether blocks ``k - 1`` and ``k`` are a headline over a one-sentence summary."""
        kept, shapes, claimed = page.kept, page.shapes, page.claimed
        if claimed[k] or claimed[k - 1]:
            return False
        # (The caller chose ``k`` among the blocks of one sentence, at most two sentence
        # marks: an abbreviation such as "B.C." counts as one, of 40 to summary_max
        # characters.)
        if kept[k].text.rstrip("\"'”’」』)）")[-1:] not in _SENTENCE_END:
            return False  # ends with a colon or a semicolon: it leads into more text
        title = kept[k - 1]
        return (
            not page.features[title.index].numbered
            and self._entryish(title, shapes[k - 1])
            and shapes[k - 1].kind == "text"
            and not is_truncated(title.text)
        )

    def _summary_run(self, page: _Page, run: list[_Record], least: int) -> Iterator[_Record]:
        """The records of one run of pairs, if it is still long enough without its last.

        The last pair is the article's own headline and standfirst when running text
        follows it; a run that goes on from running text is the article's sections.
        """
        if not run:
            return
        kept, shapes = page.kept, page.shapes
        start = run[0].first - 1
        if start >= 0 and self._body(kept[start], shapes[start]):
            return  # the pairs go on from running text: sections of the article
        if all(kept[record.first].text[-1] in "?？" for record in run):
            return  # questions, each over its one-sentence answer: an FAQ
        end = run[-1].parts[-1].pos + 1
        if any(self._body(kept[j], shapes[j]) for j in range(end, min(end + 2, len(kept)))):
            run = run[:-1]
        if len(run) >= least:
            yield from run

    # -- de-duplication and drops ------------------------------------------------------

    def _emit(self, kept: list[Block], records: list[_Record]) -> Iterator[Drop]:
        exact: dict[str, int] = {}
        buckets: dict[str, list[int]] = {}
        keys: list[str] = []
        firsts: list[_Record] = []
        copies: list[int] = []
        threshold = self.threshold
        titled: list[tuple[_Record, str]] = []
        for rec in records:
            title = next((p for p in rec.parts if p.role == "title"), None)
            if title is not None:  # every finder gives each entry a title
                titled.append((rec, title.extra.get("title", kept[title.pos].text)))
        # One pass over all titles: normalise_all gives what normalise gives each of them.
        title_keys = normalise_all([text for _, text in titled])
        for (rec, _), key in zip(titled, title_keys, strict=True):
            story = exact.get(key, -1)
            score = 100.0
            if story < 0 and key:
                story, score = self._fuzzy(key, keys, buckets, threshold)
            if story < 0:
                story = len(firsts)
                firsts.append(rec)
                copies.append(0)
                keys.append(key)
                if key:
                    exact[key] = story
                    for bucket in (key[:_BUCKET_CHARS], key[-_BUCKET_CHARS:]):
                        members = buckets.setdefault(bucket, [])
                        members.append(story)
                        if len(members) > _BUCKET_DEPTH:
                            del members[0]
                yield from self._drops(kept, rec, story, 0, None, score)
                continue
            copies[story] += 1
            yield from self._drops(kept, rec, story, copies[story], firsts[story], score)

    @staticmethod
    def _fuzzy(
        key: str, keys: list[str], buckets: dict[str, list[int]], threshold: float
    ) -> tuple[int, float]:
        """Best earlier story sharing a bucket with ``key`` and scoring ``>= threshold``."""
        best, best_score = -1, 0.0
        seen: set[int] = set()
        for bucket in (key[:_BUCKET_CHARS], key[-_BUCKET_CHARS:]):
            for story in buckets.get(bucket, ()):
                if story in seen:
                    continue
                seen.add(story)
                score = fuzz.ratio(key, keys[story], score_cutoff=threshold)
                if score > best_score:
                    best, best_score = story, score
        return best, best_score

    @staticmethod
    def _drops(
        kept: list[Block],
        rec: _Record,
        story: int,
        copy: int,
        original: _Record | None,
        score: float,
    ) -> Iterator[Drop]:
        by_role: dict[str, int] = {}
        if original is not None:
            for p in original.parts:
                by_role.setdefault(p.role, kept[p.pos].index)
            fallback = by_role.get("title", kept[original.first].index)
        for part in rec.parts:
            evidence: dict[str, float | int | str] = {
                "record": story,
                "copy": copy,
                "role": part.role,
                **part.extra,
            }
            if original is None:
                reason = f"related-news entry {story + 1}, {part.role}"
            else:
                target = by_role.get(part.role, fallback)
                evidence["duplicate_of"] = target
                evidence["score"] = round(score, 1)
                reason = (
                    f"related-news entry {story + 1} again ({part.role}), "
                    f"{score:.0f}% like block {target}"
                )
            yield Drop(kept[part.pos].index, LABEL, reason, evidence)


def _heads_article(text: str, shape: LineShape) -> bool:
    """Whether a block looks like an article's byline or dateline."""
    if shape.kind in ("time", "meta", "inline"):
        return True
    return BYLINE.match(text) is not None or (len(text) <= 80 and has_time(text))


def _inline_runs(shapes: list[LineShape], special: list[int], least: int) -> None:
    """Read runs of ``least`` or more "name + time" lines in a row as dated titles.

    A list of sources and times with no titles makes no sense; a list of short titles
    each followed by its date does ("Storm closes schools 2024-12-24"). ``special``
    holds the positions of every shape that is not plain text, in order.
    """
    run: list[int] = []
    for k in [*special, -1]:  # -1 ends the last run
        meta = k >= 0 and shapes[k].kind == "meta"
        if meta and (not run or run[-1] == k - 1):
            run.append(k)
            continue
        if len(run) >= least and not any(is_clock(shapes[r].time) for r in run):
            for r in run:
                s = shapes[r]
                shapes[r] = LineShape("inline", time=s.time, title=s.source)
        run = [k] if meta else []


def collect_teasers(verdicts: Sequence[Verdict]) -> tuple[Teaser, ...]:
    """Build one :class:`~newsclean.Teaser` per story from the drops labelled ``teaser``.

    Fields come from the first copy of a story; a field that copy lacks is taken from a
    later copy. Stories come out in page order; entries without a title are skipped.
    """
    # A story is a record number of one pass of the pipeline (records found when the
    # pipeline settles its output, see Pipeline._settle, are numbered afresh).
    stories: dict[tuple[int, int], dict[str, str]] = {}
    blocks: dict[tuple[int, int], list[int]] = {}
    copies: dict[tuple[int, int], list[int]] = {}
    for verdict in verdicts:
        drop = verdict.drop
        if drop is None or drop.label != LABEL:
            continue
        ev = drop.evidence
        record = ev.get("record")
        if not isinstance(record, int):
            continue
        story = (int(ev.get("pass", 1)), record)
        fields = stories.setdefault(story, {})
        if ev.get("copy", 0) == 0:
            blocks.setdefault(story, []).append(verdict.block.index)
        else:
            copies.setdefault(story, []).append(verdict.block.index)
        if len(fields) < 4:  # title, snippet, source, time: nothing left to fill
            _merge_fields(fields, ev, verdict.block.text)
    out: list[Teaser] = []
    for story in sorted(stories):  # records are numbered in page order within a pass
        fields = stories[story]
        if not fields.get("title"):
            continue
        out.append(
            Teaser(
                title=fields["title"],
                snippet=fields.get("snippet", ""),
                source=fields.get("source", ""),
                time=fields.get("time", ""),
                blocks=tuple(blocks.get(story, ())),
                copies=tuple(copies.get(story, ())),
            )
        )
    return tuple(out)


def _merge_fields(fields: dict[str, str], ev: Mapping[str, float | int | str], text: str) -> None:
    """Fill the still-empty fields of a story from one block's role and evidence."""
    role = ev.get("role")
    found: dict[str, str] = {}
    if role in ("title", "snippet", "source", "time"):
        found[str(role)] = text
    for name in ("title", "source", "time"):
        value = ev.get(name)
        if isinstance(value, str) and value:
            found[name] = value
    for name, value in found.items():
        fields.setdefault(name, value)
