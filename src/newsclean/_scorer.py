"""The learned main-content scorer: block features -> P(block belongs to the article).

Two small logistic regressions, evaluated in plain Python:

1. the *block* model scores each block from its own :class:`BlockFeatures` (length,
   script, punctuation, function words, menu separators...);
2. the *context* model rescores each block from its own score and the scores of its
   neighbours (the blocks around it that earlier steps kept), so a short line between
   paragraphs reads as a subheading and the same line among menu items as navigation.

The weights are trained by ``scripts/train_main_content.py`` and shipped as
``data/main_content_weights.json``. :func:`block_vector` and :func:`context_vectors`
define the models' inputs; the training script uses them, and :func:`decide` evaluates
the same models with the arithmetic written out for speed (a test checks that both
agree), so training and inference cannot drift apart.
"""

from __future__ import annotations

import functools
import json
import math
import operator
from collections.abc import Sequence
from importlib import resources
from itertools import accumulate, chain, compress, islice, repeat
from typing import Any

from newsclean._features import BlockFeatures

BLOCK_FEATURES: tuple[str, ...] = (
    "bias",
    "log_chars",
    "han_share",
    "function_density",
    "sentence_density",
    "has_sentence",
    "comma_density",
    "terminal",
    "log_separators",
    "digit_share",
    "capitalised_share",
    "lowercase_share",
    "bullet",
    "short_date",
    "short_linkish",
    "relative_length",
    "short",
    "comment",
    "length_x_function",
    "length_x_terminal",
    "length_x_separators",
    "numbered",
)
"""Names of the entries of :func:`block_vector`, in order."""

CONTEXT_FEATURES: tuple[str, ...] = (
    "bias",
    "own",
    "window_mean",
    "previous_long",
    "next_long",
    "own_x_window",
    "terminal",
    "own_x_size",
    "weighted_mean",
    "wide_mean",
    "near_strong",
    "comments_before",
    "mass_depth",
)
"""Names of the entries of :func:`context_vectors`, in order."""

# Score given to the missing neighbours of the first and last blocks.
EDGE = -4.0
# The windows of neighbours averaged by the context model (blocks on each side).
WINDOW = 3
WIDE = 8
# A block-model logit above STRONG marks a clearly article-like block; distances to the
# nearest such block are capped at NEAR_CAP.
STRONG = 1.0
NEAR_CAP = 8
# How many blocks above the article's first block a headline may sit.
HEADLINE_REACH = 4
# Coarse-to-fine for huge pages. The exact decision repeats up to 50 rounds over the whole
# sequence (and a menu-like sequence can lose one edge block per round), so its cost grows
# with length times rounds. Above HUGE blocks (the longest page the filter saw on the dev
# sets had about 1,100) the article is first located with the block model alone, and the
# exact decision runs only on its main run plus MARGIN blocks each side (more than any
# context window or HEADLINE_REACH); a main run longer than RUN_CAP blocks (more than any
# article: the longest kept on the dev sets had about 600) is cut to its heaviest stretch.
HUGE = 5000
RUN_CAP = 1000
MARGIN = 64


# log1p of small integers, looked up instead of computed (most blocks are short).
_LOG1P = tuple(math.log1p(i) for i in range(1024))


def _log1p(n: int) -> float:
    return _LOG1P[n] if n < 1024 else math.log1p(n)


def _sizes(chars: Sequence[int]) -> list[float]:
    """``_log1p`` of each length (the same lookups, without a call per block)."""
    table = _LOG1P
    return [table[c] if c < 1024 else math.log1p(c) for c in chars]


def block_vector(f: BlockFeatures, max_chars: int) -> list[float]:
    """Turn one block's features into the block model's inputs (see BLOCK_FEATURES).

    Args:
        f: the block's features.
        max_chars: length of the longest block considered on the page (for the
            relative length, a content-based substitute for "is this the main text").
    """
    chars = f.chars or 1
    han = f.han
    latin = han * 2 < chars
    tokens = max(1, han + f.words if latin else han + 1)
    return [
        1.0,
        _log1p(chars),
        han / chars,
        f.function / tokens,
        min(1.0, 15.0 * f.sentences / tokens),
        1.0 if f.sentences else 0.0,
        min(1.0, 8.0 * f.commas / tokens),
        1.0 if f.terminal else 0.0,
        _log1p(f.separators),
        f.digits / chars,
        f.capitalised / f.words if latin and f.words else 0.0,
        f.lowercase / f.words if latin and f.words else 0.0,
        1.0 if f.bullet else 0.0,
        1.0 if f.date and chars <= 200 else 0.0,
        1.0 if f.linkish and chars <= 200 else 0.0,
        math.log(chars / max_chars) if max_chars > chars else 0.0,
        1.0 if chars <= 20 else 0.0,
        1.0 if f.comment else 0.0,
        _log1p(chars) * f.function / tokens / 4.0,
        _log1p(chars) / 4.0 if f.terminal else 0.0,
        _log1p(chars) * _log1p(f.separators) / 4.0,
        1.0 if f.numbered else 0.0,
    ]


def block_logits(feats: Sequence[BlockFeatures], weights: Sequence[float]) -> list[float]:
    """Score each block alone with the block model (logits, not probabilities)."""
    max_chars = max((f.chars for f in feats), default=1)
    mul = operator.mul
    return [sum(map(mul, weights, block_vector(f, max_chars))) for f in feats]


def context_vectors(z: Sequence[float], feats: Sequence[BlockFeatures]) -> list[list[float]]:
    """The context model's inputs for every block of a sequence (see CONTEXT_FEATURES).

    Args:
        z: block-model logits of the blocks in sequence (kept blocks only).
        feats: the features of the same blocks.
    """
    n = len(z)
    # Prefix sums of z (plain and weighted by block size), padded with EDGE beyond both
    # ends, give every window mean in O(1).
    pad = WIDE
    sizes = [_log1p(f.chars) for f in feats]
    prefix = [0.0]
    wprefix = [0.0]
    mass = [0.0]
    total = wtotal = mtotal = 0.0
    for v, m in zip(
        [EDGE] * pad + list(z) + [EDGE] * pad,
        [1.0] * pad + sizes + [1.0] * pad,
        strict=True,
    ):
        total += v
        wtotal += v * m
        mtotal += m
        prefix.append(total)
        wprefix.append(wtotal)
        mass.append(mtotal)
    # Distance (in blocks, capped) to the nearest clearly article-like block.
    near = [float(NEAR_CAP)] * n
    last = -NEAR_CAP
    for i in range(n):
        if z[i] >= STRONG:
            last = i
        near[i] = float(min(NEAR_CAP, i - last))
    last = n + NEAR_CAP
    for i in range(n - 1, -1, -1):
        if z[i] >= STRONG:
            last = i
        near[i] = min(near[i], float(min(NEAR_CAP, last - i)))
    before = _comments_before(feats)
    depth = _mass_depth(z, sizes)
    out: list[list[float]] = []
    for i in range(n):
        own = z[i]
        size = sizes[i]
        c = i + pad  # position of block i in the padded sums
        lo, hi = c - WINDOW, c + WINDOW + 1
        mean = (prefix[hi] - prefix[lo] - own) / (2 * WINDOW)
        weighted = (wprefix[hi] - wprefix[lo] - own * size) / (mass[hi] - mass[lo] - size)
        lo, hi = c - WIDE, c + WIDE + 1
        wide = (wprefix[hi] - wprefix[lo] - own * size) / (mass[hi] - mass[lo] - size)
        out.append(
            [
                1.0,
                own,
                mean,
                _log1p(feats[i - 1].chars) if i else 0.0,
                _log1p(feats[i + 1].chars) if i + 1 < n else 0.0,
                own * mean / 4.0,
                1.0 if feats[i].terminal else 0.0,
                own * size / 8.0 if own > 0.0 else 0.0,
                weighted,
                wide,
                near[i] / NEAR_CAP,
                before[i],
                depth[i],
            ]
        )
    return out


def _mass_depth(z: Sequence[float], sizes: Sequence[float]) -> list[float]:
    """How deep inside the page's article-like text each block sits (0 at the edges).

    With ``m`` the positive block logits weighted by size, a block's depth is the smaller
    of the shares of ``m`` before and after it (at most 0.5): a block in the middle of
    the prose scores high, one before or after all the prose scores 0.
    """
    mass = [v * s if v > 0.0 else 0.0 for v, s in zip(z, sizes, strict=True)]
    total = sum(mass)
    if total <= 0.0:
        return [0.0] * len(z)
    out: list[float] = []
    before = 0.0
    for m in mass:
        after = total - before - m
        low = before if before < after else after
        out.append((low + m / 2.0) / total)
        before += m
    return out


def _comments_before(feats: Sequence[BlockFeatures]) -> list[float]:
    """Share (0-1) of comment heads among the WIDE blocks before each block, capped at 3."""
    out: list[float] = []
    marks = [1 if f.comment else 0 for f in feats]
    running = 0
    for i, m in enumerate(marks):
        out.append(min(running, 3) / 3.0)
        running += m
        if i >= WIDE:
            running -= marks[i - WIDE]
    return out


def probabilities(
    feats: Sequence[BlockFeatures],
    model: Model,
    listed: Sequence[bool] | None = None,
    boost: float = 0.0,
) -> list[float]:
    """P(in article) for each block of a sequence (kept blocks, in page order).

    ``listed`` marks the items of numbered runs (see :mod:`newsclean._lists`); ``boost``
    is added to their block logits (see :func:`decide`).
    """
    if not feats:
        return []
    z = _boost_listed(block_logits(feats, model.block), listed, boost)
    weights = model.context
    mul = operator.mul
    return [_sigmoid(sum(map(mul, weights, x))) for x in context_vectors(z, feats)]


def _sigmoid(t: float) -> float:
    if t >= 0:
        return 1.0 / (1.0 + math.exp(-t))
    e = math.exp(t)
    return e / (1.0 + e)


class Model:
    """Weights of both models plus the decision thresholds, as loaded from JSON."""

    __slots__ = ("block", "context", "decision")

    def __init__(self, data: dict[str, Any]) -> None:
        """Build from the parsed weights file; checks the feature names match."""
        if tuple(data["block_features"]) != BLOCK_FEATURES:
            raise ValueError("main_content weights do not match the block features")
        if tuple(data["context_features"]) != CONTEXT_FEATURES:
            raise ValueError("main_content weights do not match the context features")
        self.block: tuple[float, ...] = tuple(float(w) for w in data["block"])
        self.context: tuple[float, ...] = tuple(float(w) for w in data["context"])
        self.decision: dict[str, float] = {k: float(v) for k, v in data["decision"].items()}


@functools.cache
def default_model() -> Model:
    """The shipped model (read once per process)."""
    text = (
        resources.files("newsclean")
        .joinpath("data/main_content_weights.json")
        .read_text(encoding="utf-8")
    )
    return Model(json.loads(text))


def choose(
    feats: Sequence[BlockFeatures],
    probs: Sequence[float],
    *,
    threshold: float,
    inside: float,
    outside: float,
    relative: float = 0.0,
    headline: float = 0.0,
    mass: float = 0.0,
) -> list[bool]:
    """Decide which blocks of a sequence belong to the article.

    The article is taken to be one main run of blocks: the contiguous run that
    maximises the sum of ``(p - threshold)`` weighted by block size (so a long paragraph
    counts more than a short line, and short weak lines between strong paragraphs stay
    inside). Inside the run a block is kept when ``p >= inside``; outside it only when
    ``p >= outside``. The run is never empty, so a page is never emptied.

    Args:
        feats: features of the blocks (kept blocks, in page order).
        probs: their probabilities, from :func:`probabilities`.
        threshold: the probability above which a block pulls the run towards it.
        inside: keep threshold inside the run.
        outside: keep threshold outside the run.
        relative: raise ``threshold`` to this share of the page's best probability, so
            on a page full of prose-like lines only the most article-like run wins.
        headline: 1 also keeps a title-like line (see :func:`title_like`) up to
            HEADLINE_REACH blocks above the run, preferring one whose text occurs twice
            on the page (title and heading); 2 keeps the lines between it and the run as
            well (datelines, bylines); 0 keeps neither.
        mass: how a block's length weighs in the run: ``chars ** mass`` when positive,
            else ``log(1 + chars)``.
    """
    if not probs:
        return []
    return _choose(
        feats, probs, _run_weights(feats, mass), threshold, inside, outside, relative, headline
    )


def _run_weights(feats: Sequence[BlockFeatures], mass: float) -> list[float]:
    """Each block's weight in the main run (see the ``mass`` argument of :func:`choose`)."""
    if mass > 0.0:
        return [f[0] ** mass for f in feats]
    return _sizes([f[0] for f in feats])


def _choose(
    feats: Sequence[BlockFeatures],
    probs: Sequence[float],
    weights: Sequence[float],
    threshold: float,
    inside: float,
    outside: float,
    relative: float,
    headline: float,
) -> list[bool]:
    """:func:`choose` with the run weights given (computed once per :func:`decide`)."""
    threshold = max(threshold, relative * max(probs))
    best_lo, best_hi = _best_run(probs, weights, threshold)
    keep = [p >= outside for p in probs]
    first = -1
    for i in range(best_lo, best_hi + 1):
        if probs[i] >= inside:
            keep[i] = True
            if first < 0:
                first = i
    if first < 0:
        first = max(range(len(probs)), key=probs.__getitem__)
        keep[first] = True
    if headline > 0.0:
        # The headline is a title-like line just above the body, perhaps with a
        # dateline or byline in between. A line whose text occurs twice on the page (the
        # page title and the article's heading) is preferred to the nearest candidate.
        chosen = -1
        for j in range(first - 1, max(-1, first - 1 - HEADLINE_REACH), -1):
            f = feats[j]
            if title_like(f):
                if f.repeats > 1:
                    chosen = j
                    break
                if chosen < 0:
                    chosen = j
            elif f.chars > 80:
                break
        if chosen >= 0:
            for k in range(chosen, first) if headline > 1.0 else (chosen,):
                keep[k] = True
    return keep


def _best_run(
    probs: Sequence[float], weights: Sequence[float], threshold: float
) -> tuple[int, int]:
    """First and last position of the run maximising ``sum((p - threshold) * weight)``.

    Kadane's scan; on ties the earliest run wins. The run is never empty.
    """
    best = -math.inf
    best_lo = best_hi = 0
    run = 0.0
    run_lo = 0
    for i, (p, weight) in enumerate(zip(probs, weights, strict=True)):
        gain = (p - threshold) * weight
        if run <= 0.0:
            run = gain
            run_lo = i
        else:
            run += gain
        if run > best:
            best = run
            best_lo = run_lo
            best_hi = i
    return best_lo, best_hi


def title_like(f: BlockFeatures) -> bool:
    """Whether a block reads like a headline: one short line of words, no sentence end.

    >>> from newsclean._features import measure
    >>> title_like(measure("Storm batters the coast")), title_like(measure("Home | News"))
    (True, False)
    """
    if f.separators or f.linkish or f.bullet or f.terminal or f.sentences:
        return False
    if f.han * 2 >= f.chars:
        return 6 <= f.han <= 60
    # A run of capitalised names with no small word is a share bar or a menu.
    return 3 <= f.words <= 30 and f.chars <= 200 and (f.function > 0 or f.lowercase > 0)


def decide(
    feats: Sequence[BlockFeatures],
    model: Model,
    params: dict[str, float],
    rounds: int = 50,
    listed: Sequence[bool] | None = None,
) -> tuple[list[bool], list[float]]:
    """Choose the article blocks, repeating until the choice is stable.

    Scores depend on the neighbours, so dropping blocks changes the scores of those that
    remain. Deciding again on the kept blocks until nothing more is dropped makes the
    filter idempotent: cleaning its own output drops nothing. Gives the same result as
    calling :func:`probabilities` and :func:`choose` on the survivors of each round,
    only faster: block scores are reused while the longest block stays, everything
    that depends on a block alone is computed once and carried from round to round, and
    the probabilities of blocks far before the first change are kept when they cannot
    have changed (see the loop).

    A sequence longer than HUGE blocks is decided coarse-to-fine (see
    :func:`_decide_huge`), so the cost stays linear in its length.

    ``listed`` marks the items of long numbered runs that the page presents as its
    article (table rows, list points; see :func:`newsclean._lists.article_items`). The
    decision parameter ``listed`` (0 or absent: off) is added to their block logits,
    before the context model: one by one such items are short lines, like menu items,
    but such a run is article structure, and the lines between the items (a link, a
    price) then gain from their neighbours.

    Returns:
        whether each block is kept, and each block's last probability.
    """
    unknown = params.keys() - _DECIDE_PARAMS
    if unknown:
        raise TypeError(f"unexpected decision parameters: {sorted(unknown)}")
    boost = params.get("listed", 0.0)
    # No marks (the usual page) or no boost: nothing to add, nothing to carry.
    marks = list(listed) if listed is not None and boost > 0.0 and any(listed) else None
    if len(feats) > HUGE:
        return _decide_huge(feats, model, params, rounds, marks)
    return _decide_exact(feats, model, params, rounds, marks)


def _decide_huge(
    feats: Sequence[BlockFeatures],
    model: Model,
    params: dict[str, float],
    rounds: int,
    marks: list[bool] | None = None,
) -> tuple[list[bool], list[float]]:
    """:func:`decide` for a huge sequence: locate the article, then decide around it.

    The block model alone (one cheap pass) gives each block a probability, and the main
    run is found as :func:`choose` finds it. The exact decision then runs on that run
    (cut to its heaviest RUN_CAP blocks) plus MARGIN blocks on each side, as if the page
    were only that window; every block outside the window is dropped, with its block
    model probability. The output is at most RUN_CAP + 2 * MARGIN blocks, so cleaning it
    again takes the exact path.
    """
    n = len(feats)
    max_chars = max(map(operator.itemgetter(0), feats))
    # The lines of a huge page are mostly short lines of a few shapes (a third of the
    # blocks of even an ordinary page share their features with another). A block's
    # logit is a function of its features and max_chars alone, so each distinct
    # feature tuple is scored once and the logits are looked up: the same numbers.
    distinct = list(dict.fromkeys(feats))
    logit_of = dict(zip(distinct, _block_logits(distinct, model.block, max_chars), strict=True))
    z = _boost_listed(list(map(logit_of.__getitem__, feats)), marks, params.get("listed", 0.0))
    # Likewise each distinct logit goes through the sigmoid once (0.0 and -0.0, the only
    # distinct floats that compare equal, both give 0.5).
    sigmoid_of = {v: _sigmoid(v) for v in set(z)}
    probs = list(map(sigmoid_of.__getitem__, z))
    weights = _run_weights(feats, params.get("mass", 0.0))
    threshold = max(params["threshold"], params.get("relative", 0.0) * max(probs))
    lo, hi = _best_run(probs, weights, threshold)
    hi += 1
    if hi - lo > RUN_CAP:
        # The heaviest stretch of RUN_CAP blocks: the largest difference of prefix sums.
        # (p - threshold) * w for each block, with C-level maps (the same operations).
        gains = accumulate(
            map(operator.mul, map(operator.sub, probs[lo:hi], repeat(threshold)), weights[lo:hi]),
            initial=0.0,
        )
        sums = list(gains)
        stretch = list(map(operator.sub, sums[RUN_CAP:], sums))
        lo += stretch.index(max(stretch))
        hi = lo + RUN_CAP
    lo = max(0, lo - MARGIN)
    hi = min(n, hi + MARGIN)
    keep_window, probs_window = _decide_exact(
        feats[lo:hi], model, params, rounds, None if marks is None else marks[lo:hi]
    )
    keep = [False] * n
    keep[lo:hi] = keep_window
    probs[lo:hi] = probs_window
    return keep, probs


def _decide_exact(
    feats: Sequence[BlockFeatures],
    model: Model,
    params: dict[str, float],
    rounds: int,
    marks: list[bool] | None = None,
) -> tuple[list[bool], list[float]]:
    """:func:`decide` on the whole sequence, however long (parameters already checked)."""
    n = len(feats)
    probs_all = [0.0] * n
    keep_all = [False] * n
    if not n:
        return keep_all, probs_all
    threshold = params["threshold"]
    inside = params["inside"]
    outside = params["outside"]
    relative = params.get("relative", 0.0)
    headline = params.get("headline", 0.0)
    boost = params.get("listed", 0.0)
    sub = list(feats)
    chars = [f[0] for f in sub]
    sizes = _sizes(chars)
    mass = params.get("mass", 0.0)
    # The default run weight is the size, log(1 + chars): share the list (see _run_weights).
    weights = [c**mass for c in chars] if mass > 0.0 else sizes
    terminal = [f.terminal for f in sub]
    comments = [f.comment for f in sub]
    max_chars = max(chars)
    z = _boost_listed(_block_logits(sub, model.block, max_chars), marks, boost)
    alive = list(range(n))
    context = model.context
    side = _side_terms(context[10], context[11])
    probs = probs_all
    # The probabilities of the blocks before `fresh` are still those in `probs`.
    fresh = 0
    for _ in range(rounds):
        if fresh:
            probs[fresh:] = _context_probabilities(
                z, sizes, terminal, comments, context, side, fresh
            )
        else:
            probs = _context_probabilities(z, sizes, terminal, comments, context, side)
        keep = _choose(sub, probs, weights, threshold, inside, outside, relative, headline)
        if all(keep):
            break
        gone = list(map(operator.not_, keep))
        for i, p in zip(compress(alive, gone), compress(probs, gone), strict=True):
            probs_all[i] = p
        # A block's probability depends on the blocks at most WIDE away (windows,
        # near-strong distance, comment count, neighbours' sizes), on z, and, through the
        # mass depth, on the prose mass before it and in total. So when z stays and the
        # dropped blocks had no mass (removing 0.0 terms leaves every sum bit-identical),
        # the blocks more than WIDE before the first dropped one keep their probability
        # exactly: menus peeled off the end of a page one per round cost little.
        massless = not any(
            v * size > 0.0 for v, size in zip(compress(z, gone), compress(sizes, gone), strict=True)
        )
        fresh = max(0, keep.index(False) - WIDE) if massless else 0
        alive = list(compress(alive, keep))
        probs = list(compress(probs, keep))
        sub = list(compress(sub, keep))
        chars = list(compress(chars, keep))
        sizes = list(compress(sizes, keep))
        weights = list(compress(weights, keep))
        terminal = list(compress(terminal, keep))
        comments = list(compress(comments, keep))
        if marks is not None:
            marks = list(compress(marks, keep))
        longest = max(chars)
        if longest != max_chars:
            max_chars = longest
            z = _boost_listed(_block_logits(sub, model.block, max_chars), marks, boost)
            fresh = 0
        else:
            z = list(compress(z, keep))
    for i, p in zip(alive, probs, strict=True):
        probs_all[i] = p
        keep_all[i] = True
    return keep_all, probs_all


# The keyword arguments of choose() that a decision-parameter dict may hold.
_CHOOSE_PARAMS = frozenset(("threshold", "inside", "outside", "relative", "headline", "mass"))
# ... plus the block-logit boost of numbered-run items (see decide()).
_DECIDE_PARAMS = _CHOOSE_PARAMS | {"listed"}


def _boost_listed(z: list[float], listed: Sequence[bool] | None, boost: float) -> list[float]:
    """Add ``boost`` to the block logits of the marked numbered-run items."""
    if listed is None or boost <= 0.0:
        return z
    return [v + boost if m else v for v, m in zip(z, listed, strict=True)]


def _block_logits(
    feats: Sequence[BlockFeatures], w: Sequence[float], max_chars: int
) -> list[float]:
    """:func:`block_logits` with the dot product written out (same numbers, faster)."""
    (w_bias, w_len, w_han, w_fun, w_sd, w_hs, w_cd, w_term, w_sep, w_dig, w_cap, w_low,
     w_bul, w_date, w_link, w_rel, w_short, w_comment, w_lxf, w_lxt, w_lxs,
     w_num) = w  # fmt: skip
    log = math.log
    log1p = _LOG1P
    out: list[float] = []
    append = out.append
    for (chars, han, words, digits, function, capitalised, lowercase, sentences, commas,
         terminal, separators, bullet, date, linkish, _, comment, numbered) in feats:  # fmt: skip
        chars = chars or 1
        latin = han * 2 < chars
        tokens = (han + words if latin else han + 1) or 1
        size = log1p[chars] if chars < 1024 else math.log1p(chars)
        # A term whose count is zero adds zero and is skipped (menus have many of them).
        t = w_bias + w_len * size
        if han:
            t += w_han * han / chars
        if function:
            t += (w_fun + w_lxf * size / 4.0) * function / tokens
        if sentences:
            sd = 15.0 * sentences / tokens
            t += w_sd * (sd if sd < 1.0 else 1.0)
        if commas:
            cd = 8.0 * commas / tokens
            t += w_cd * (cd if cd < 1.0 else 1.0)
        if sentences:
            t += w_hs
        if terminal:
            t += w_term + w_lxt * size / 4.0
        if separators:
            t += (w_sep + w_lxs * size / 4.0) * (
                log1p[separators] if separators < 1024 else math.log1p(separators)
            )
        if digits:
            t += w_dig * digits / chars
        if latin and (capitalised or lowercase):
            t += (w_cap * capitalised + w_low * lowercase) / words
        if bullet:
            t += w_bul
        if chars <= 200:
            if date:
                t += w_date
            if linkish:
                t += w_link
        if max_chars > chars:
            t += w_rel * log(chars / max_chars)
        if chars <= 20:
            t += w_short
        if comment:
            t += w_comment
        if numbered:
            t += w_num
        append(t)
    return out


@functools.cache
def _side_terms(w_near: float, w_before: float) -> tuple[tuple[float, ...], ...]:
    """The near-strong plus comments-before term, by capped distance and comment count.

    ``table[d][c]`` is the sum the context model adds for a block at distance ``d`` from
    the nearest strong block with ``c`` (capped at 3) comment heads before it.
    """
    return tuple(
        tuple(w_near * d / NEAR_CAP + w_before * (min(c, 3) / 3.0) for c in range(4))
        for d in range(NEAR_CAP + 1)
    )


def _near_strong(z: Sequence[float]) -> list[int]:
    """Distance (in blocks, capped at NEAR_CAP) from each block to the nearest strong one."""
    n = len(z)
    strong = [i for i, v in enumerate(z) if v >= STRONG]
    if not strong:
        return [NEAR_CAP] * n
    near: list[int] = []
    extend = near.extend
    cap = NEAR_CAP
    # Before the first strong block: distances count down to it.
    first = strong[0]
    if first > cap:
        extend([cap] * (first - cap))
    extend(range(min(first, cap), 0, -1))
    previous = first
    for s in strong[1:]:
        gap = s - previous - 1
        near.append(0)
        if gap:
            half = (gap + 1) // 2
            rise = [d if d < cap else cap for d in range(1, half + 1)]
            fall = [d if d < cap else cap for d in range(gap - half, 0, -1)]
            extend(rise)
            extend(fall)
        previous = s
    near.append(0)
    tail = n - previous - 1
    extend([d if d < cap else cap for d in range(1, tail + 1)])
    return near


def _context_probabilities(
    z: Sequence[float],
    sizes: Sequence[float],
    terminal: Sequence[bool],
    comments: Sequence[bool],
    w: Sequence[float],
    side_terms: Sequence[Sequence[float]],
    start: int = 0,
) -> list[float]:
    """:func:`context_vectors` and the context model in one pass (same numbers).

    Every term is computed with the same operations in the same order as the plain
    definition, so the probabilities are equal to the last bit; terms a block lacks
    (no previous block, not terminal...) are added as ``0.0``, which changes nothing.
    Only the blocks from position ``start`` on are scored (the caller knows the
    probabilities of those before); the page-wide sums still run from the first block,
    so a block's numbers do not depend on ``start``.
    """
    n = len(z)
    (w_bias, w_own, w_mean, w_prev, w_next, w_oxw, w_term, w_oxs, w_wmean, w_wide,
     _, _, w_depth) = w  # fmt: skip
    pad = WIDE
    edge = (EDGE,) * pad
    ones = (1.0,) * pad
    weighted_z = list(map(operator.mul, z, sizes))
    prefix = list(accumulate(chain(edge, z, edge), initial=0.0))
    wprefix = list(accumulate(chain(edge, weighted_z, edge), initial=0.0))
    mass = list(accumulate(chain(ones, sizes, ones), initial=0.0))
    # Slices so that element i of each is the sum bound of block i's window.
    lo3, hi3 = pad - WINDOW, pad + WINDOW + 1
    hi8 = 2 * pad + 1
    # Mass depth (see _mass_depth), from the same products.
    masses = [x if x > 0.0 else 0.0 for x in weighted_z]
    total = sum(masses)
    befores = islice(accumulate(masses, initial=0.0), start, None)
    # Near-strong and comments-before terms, summed as in the plain definition. Both look
    # at most NEAR_CAP <= WIDE blocks away, so the blocks from `start` on need only the
    # blocks from `start - WIDE` on.
    lead = max(0, start - pad)
    near = _near_strong(z[lead:] if lead else z)[start - lead :]
    if any(comments):
        marks = list(accumulate(map(int, comments[lead:]), initial=0))
        before = [
            marks[i] - marks[i - pad if i > pad else 0] for i in range(start - lead, n - lead)
        ]
        side = [side_terms[d][b if b < 3 else 3] for d, b in zip(near, before, strict=True)]
    else:
        side = list(map([row[0] for row in side_terms].__getitem__, near))
    # Sizes of the previous and the next block (0.0 beyond the ends: the term adds 0.0).
    prev = [0.0, *sizes]
    nxt = [*sizes[1:], 0.0]
    if start:
        z, sizes, terminal, masses = z[start:], sizes[start:], terminal[start:], masses[start:]
        prev, nxt = prev[start:], nxt[start:]
        prefix, wprefix, mass = prefix[start:], wprefix[start:], mass[start:]
    out: list[float] = []
    append = out.append
    span = 2 * WINDOW
    exp = math.exp
    for (own, size, p_hi, p_lo, wp_hi, wp_lo, m_hi, m_lo, ww_hi, ww_lo, mw_hi, mw_lo,
         pv, nx, is_term, sd, m, bf) in zip(
        z, sizes, prefix[hi3:], prefix[lo3:], wprefix[hi3:], wprefix[lo3:], mass[hi3:],
        mass[lo3:], wprefix[hi8:], wprefix, mass[hi8:], mass, prev, nxt,
        terminal, side, masses, befores, strict=False,
    ):  # fmt: skip
        mean = (p_hi - p_lo - own) / span
        os_ = own * size
        weighted = (wp_hi - wp_lo - os_) / (m_hi - m_lo - size)
        wide = (ww_hi - ww_lo - os_) / (mw_hi - mw_lo - size)
        t = (
            w_bias
            + w_own * own
            + w_mean * mean
            + w_oxw * own * mean / 4.0
            + w_wmean * weighted
            + w_wide * wide
        )
        t += w_prev * pv
        t += w_next * nx
        if is_term:
            t += w_term
        if own > 0.0:
            t += w_oxs * own * size / 8.0
        t += sd
        if total > 0.0:
            after = total - bf - m
            t += w_depth * (((bf if bf < after else after) + m / 2.0) / total)
        if t >= 0:
            append(1.0 / (1.0 + exp(-t)))
        else:
            e = exp(t)
            append(e / (1.0 + e))
    return out
