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


# log1p of small integers, looked up instead of computed (most blocks are short).
_LOG1P = tuple(math.log1p(i) for i in range(1024))


def _log1p(n: int) -> float:
    return _LOG1P[n] if n < 1024 else math.log1p(n)


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


def probabilities(feats: Sequence[BlockFeatures], model: Model) -> list[float]:
    """P(in article) for each block of a sequence (kept blocks, in page order)."""
    if not feats:
        return []
    z = block_logits(feats, model.block)
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
    n = len(probs)
    if not n:
        return []
    threshold = max(threshold, relative * max(probs))
    best = -math.inf
    best_lo = best_hi = 0
    run = 0.0
    run_lo = 0
    for i in range(n):
        size = feats[i].chars
        gain = (probs[i] - threshold) * (size**mass if mass > 0.0 else _log1p(size))
        if run <= 0.0:
            run = gain
            run_lo = i
        else:
            run += gain
        if run > best:
            best = run
            best_lo = run_lo
            best_hi = i
    keep = [p >= outside for p in probs]
    first = -1
    for i in range(best_lo, best_hi + 1):
        if probs[i] >= inside:
            keep[i] = True
            if first < 0:
                first = i
    if first < 0:
        first = max(range(n), key=probs.__getitem__)
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
    feats: Sequence[BlockFeatures], model: Model, params: dict[str, float], rounds: int = 50
) -> tuple[list[bool], list[float]]:
    """Choose the article blocks, repeating until the choice is stable.

    Scores depend on the neighbours, so dropping blocks changes the scores of those that
    remain. Deciding again on the kept blocks until nothing more is dropped makes the
    filter idempotent: cleaning its own output drops nothing. Gives the same result as
    calling :func:`probabilities` and :func:`choose` on the survivors of each round,
    only faster (block scores are reused while the longest block stays).

    Returns:
        whether each block is kept, and each block's last probability.
    """
    n = len(feats)
    alive = list(range(n))
    probs_all = [0.0] * n
    keep_all = [False] * n
    if not n:
        return keep_all, probs_all
    sizes_all = [_log1p(f.chars) for f in feats]
    max_chars = max(f.chars for f in feats)
    z_all = _block_logits(feats, model.block, max_chars)
    for _ in range(rounds):
        sub = [feats[i] for i in alive]
        longest = max(f.chars for f in sub)
        if longest != max_chars:
            max_chars = longest
            for i, z in zip(alive, _block_logits(sub, model.block, max_chars), strict=True):
                z_all[i] = z
        probs = _context_probabilities(
            [z_all[i] for i in alive], [sizes_all[i] for i in alive], sub, model.context
        )
        keep = choose(sub, probs, **params)
        for i, p in zip(alive, probs, strict=True):
            probs_all[i] = p
        if all(keep):
            break
        alive = [i for i, k in zip(alive, keep, strict=True) if k]
    for i in alive:
        keep_all[i] = True
    return keep_all, probs_all


def _block_logits(
    feats: Sequence[BlockFeatures], w: Sequence[float], max_chars: int
) -> list[float]:
    """:func:`block_logits` with the dot product written out (same numbers, faster)."""
    (w_bias, w_len, w_han, w_fun, w_sd, w_hs, w_cd, w_term, w_sep, w_dig, w_cap, w_low,
     w_bul, w_date, w_link, w_rel, w_short, w_comment, w_lxf, w_lxt, w_lxs,
     w_num) = w  # fmt: skip
    log = math.log
    out: list[float] = []
    append = out.append
    for f in feats:
        chars = f.chars or 1
        han = f.han
        words = f.words
        latin = han * 2 < chars
        tokens = (han + words if latin else han + 1) or 1
        size = _log1p(chars)
        t = w_bias + w_len * size + w_han * han / chars
        t += (w_fun + w_lxf * size / 4.0) * f.function / tokens
        sd = 15.0 * f.sentences / tokens
        t += w_sd * (sd if sd < 1.0 else 1.0)
        cd = 8.0 * f.commas / tokens
        t += w_cd * (cd if cd < 1.0 else 1.0)
        if f.sentences:
            t += w_hs
        if f.terminal:
            t += w_term + w_lxt * size / 4.0
        if f.separators:
            t += (w_sep + w_lxs * size / 4.0) * _log1p(f.separators)
        t += w_dig * f.digits / chars
        if latin and words:
            t += (w_cap * f.capitalised + w_low * f.lowercase) / words
        if f.bullet:
            t += w_bul
        if chars <= 200:
            if f.date:
                t += w_date
            if f.linkish:
                t += w_link
        if max_chars > chars:
            t += w_rel * log(chars / max_chars)
        if chars <= 20:
            t += w_short
        if f.comment:
            t += w_comment
        if f.numbered:
            t += w_num
        append(t)
    return out


def _context_probabilities(
    z: list[float], sizes: list[float], feats: Sequence[BlockFeatures], w: Sequence[float]
) -> list[float]:
    """:func:`context_vectors` and the context model in one pass (same numbers)."""
    n = len(z)
    (w_bias, w_own, w_mean, w_prev, w_next, w_oxw, w_term, w_oxs, w_wmean, w_wide,
     w_near, w_before, w_depth) = w  # fmt: skip
    pad = WIDE
    prefix = [0.0]
    wprefix = [0.0]
    mass = [0.0]
    total = wtotal = mtotal = 0.0
    for _ in range(pad):
        total += EDGE
        wtotal += EDGE
        mtotal += 1.0
        prefix.append(total)
        wprefix.append(wtotal)
        mass.append(mtotal)
    for v, m in zip(z, sizes, strict=True):
        total += v
        wtotal += v * m
        mtotal += m
        prefix.append(total)
        wprefix.append(wtotal)
        mass.append(mtotal)
    for _ in range(pad):
        total += EDGE
        wtotal += EDGE
        mtotal += 1.0
        prefix.append(total)
        wprefix.append(wtotal)
        mass.append(mtotal)
    near = [0] * n
    last = -NEAR_CAP
    for i in range(n):
        if z[i] >= STRONG:
            last = i
        near[i] = i - last
    last = n + NEAR_CAP
    for i in range(n - 1, -1, -1):
        if z[i] >= STRONG:
            last = i
        d = last - i
        if d < near[i]:
            near[i] = d
    before = _comments_before(feats)
    depth = _mass_depth(z, sizes)
    out: list[float] = []
    append = out.append
    span = 2 * WINDOW
    exp = math.exp
    for i in range(n):
        own = z[i]
        size = sizes[i]
        c = i + pad
        lo = c - WINDOW
        hi = c + WINDOW + 1
        mean = (prefix[hi] - prefix[lo] - own) / span
        weighted = (wprefix[hi] - wprefix[lo] - own * size) / (mass[hi] - mass[lo] - size)
        lo = c - WIDE
        hi = c + WIDE + 1
        wide = (wprefix[hi] - wprefix[lo] - own * size) / (mass[hi] - mass[lo] - size)
        t = (
            w_bias
            + w_own * own
            + w_mean * mean
            + w_oxw * own * mean / 4.0
            + w_wmean * weighted
            + w_wide * wide
        )
        if i:
            t += w_prev * sizes[i - 1]
        if i + 1 < n:
            t += w_next * sizes[i + 1]
        if feats[i].terminal:
            t += w_term
        if own > 0.0:
            t += w_oxs * own * size / 8.0
        d = near[i]
        t += w_near * (d if d < NEAR_CAP else NEAR_CAP) / NEAR_CAP + w_before * before[i]
        t += w_depth * depth[i]
        if t >= 0:
            append(1.0 / (1.0 + exp(-t)))
        else:
            e = exp(t)
            append(e / (1.0 + e))
    return out
