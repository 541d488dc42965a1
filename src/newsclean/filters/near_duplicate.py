"""Repeated article text: a body (or a paragraph of it) printed twice keeps its first copy."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

from rapidfuzz import fuzz

from newsclean._model import Document, Drop
from newsclean._teaser_text import normalise_all

LABEL = "near_duplicate"

# Earlier blocks of one bucket a new block is scored against, at most (keeps cost linear).
_BUCKET_DEPTH = 16
# Characters of a key's prefix and suffix used as buckets.
_BUCKET_CHARS = 10
# A later document of a run reuses the first one's keys when it has at least this share
# (as 1 / _REUSE_SHARE) of the first one's blocks (see _keys).
_REUSE_SHARE = 4


@dataclass(frozen=True, slots=True)
class NearDuplicateFilter:
    """Drop later copies of repeated text blocks (label ``near_duplicate``).

    Blocks are compared by a normalised key that ignores what varies between copies:
    times and dates, counters (``阅读 123``), truncation marks, punctuation, spaces,
    full-width/half-width forms (NFKC) and case. A long block (``min_chars`` key
    characters or more) whose key equals, or scores ``threshold`` or more with
    :func:`rapidfuzz.fuzz.ratio` against, an earlier block's key is a copy. A shorter
    block is a copy only inside a repeated run: its key equals that of an earlier block
    whose neighbour the neighbouring copy duplicates (a headline printed again with its
    body). So a short phrase the article repeats on its own is kept.

    Candidates are bucketed (exact key, then key prefix and suffix) before any fuzzy
    scoring, and each block is scored against at most a few earlier blocks per bucket.
    A block whose key contains, or is contained in, the earlier key is not a copy: that
    is a headline next to the page title "Site - Headline", or a cut-off teaser.

    Evidence: ``duplicate_of`` (index of the kept copy), ``score`` (0-100).

    Known false positive: two long paragraphs that differ only in their numbers or in a
    few characters (say, a weekly notice repeated with a new date) collapse into one.

    >>> from newsclean.testing import run_filter
    >>> para = "The council approved the new budget on Tuesday after a long debate."
    >>> r = run_filter(NearDuplicateFilter(), ["Budget passes", para, "Ads", "Budget passes", para])
    >>> r.labels()
    {3: 'near_duplicate', 4: 'near_duplicate'}

    Attributes:
        threshold: :func:`rapidfuzz.fuzz.ratio` score (0-100) from which two long
            blocks are copies.
        min_chars: key length from which a block is compared on its own.
        min_run_chars: key length from which a block is dropped inside a repeated run.
    """

    threshold: float = 90.0
    min_chars: int = 24
    min_run_chars: int = 4

    def __call__(self, doc: Document, /) -> Iterator[Drop]:
        """Yield a drop for every later copy of a repeated block."""
        kept = list(doc.kept())
        texts = [b.text for b in kept]
        keys = _keys(doc, texts)
        first: dict[str, int] = {}  # key -> position (in ``kept``) of its first block
        buckets: dict[str, list[int]] = {}
        dup: dict[int, tuple[int, float]] = {}  # position -> (original position, score)
        short: list[tuple[int, int]] = []  # (position, original position) of short copies
        threshold = self.threshold
        min_chars, min_run_chars = self.min_chars, self.min_run_chars
        for pos, key in enumerate(keys):
            size = len(key)
            if size < min_run_chars:
                continue
            original = first.setdefault(key, pos)
            if original != pos:
                if size >= min_chars:
                    dup[pos] = (original, 100.0)
                else:
                    short.append((pos, original))
                continue
            if size < min_chars:
                continue
            head, tail = key[:_BUCKET_CHARS], key[-_BUCKET_CHARS:]
            with_head, with_tail = buckets.get(head), buckets.get(tail)
            if with_head is not None or with_tail is not None:  # else nothing to score
                best, best_score = -1, 0.0
                for other in (with_head or []) + (with_tail or []):
                    earlier = keys[other]
                    if key in earlier or earlier in key:
                        # "Site - Headline" then "Headline": one text inside another is a
                        # title with its site name, or a cut copy; both parts are kept.
                        continue
                    score = fuzz.ratio(key, earlier, score_cutoff=threshold)
                    if score > best_score:
                        best, best_score = other, score
                if best >= 0:
                    dup[pos] = (best, best_score)
                    first[key] = best  # later exact copies point at the kept block too
                    continue
            for name in (head, tail):
                members = buckets.setdefault(name, [])
                members.append(pos)
                if len(members) > _BUCKET_DEPTH:
                    del members[0]
        if short:
            # Short copies count only next to a copy of their original's neighbour: one
            # pass left to right, one right to left, so a run spreads from its long blocks.
            for order, side in ((short, -1), (short[::-1], 1)):
                for pos, original in order:
                    beside = dup.get(pos + side)
                    if pos not in dup and beside is not None and beside[0] == original + side:
                        dup[pos] = (original, 100.0)
        for pos in sorted(dup):
            original, score = dup[pos]
            target = kept[original].index
            yield Drop(
                kept[pos].index,
                LABEL,
                f"{score:.0f}% like block {target}",
                {"duplicate_of": target, "score": round(score, 1)},
            )


def _keys(doc: Document, texts: list[str]) -> list[str]:
    """:func:`normalise_all` of ``texts``, reusing the keys of earlier documents of the run.

    The first document of a run only notes its texts and keys. A later one (the output,
    cleaned again) looks its texts up among them, but only when it is not much smaller:
    building the table costs about a tenth of normalising a text per text noted, and
    when a page of many short lines keeps only a few of them, normalising those few
    afresh costs far less. Either way the keys are the same (a key needs the text alone).
    """
    earlier = doc.memo("near_duplicate.first")
    if not earlier:
        keys = normalise_all(texts)
        earlier["texts"], earlier["keys"] = texts, keys
        return keys
    known: dict[str, str] = doc.memo("near_duplicate.key")
    if not known:
        if len(texts) * _REUSE_SHARE < len(earlier["texts"]):
            return normalise_all(texts)
        known.update(zip(earlier["texts"], earlier["keys"], strict=True))
    found = [known.get(t) for t in texts]
    if None in found:
        keys = normalise_all(texts)
        known.update(zip(texts, keys, strict=True))
        return keys
    return cast(list[str], found)
