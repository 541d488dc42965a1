"""The main_content scorer on huge sequences: coarse-to-fine, linear, fixed point."""

from __future__ import annotations

import random

import pytest
from tests.samples import STORM_STORY

from newsclean import _scorer
from newsclean._features import BlockFeatures, compute_features
from newsclean._scorer import HUGE, MARGIN, RUN_CAP, decide, default_model
from newsclean._segment import text_blocks

ARTICLE = STORM_STORY
WORDS = ["Home", "News", "Sport", "Weather", "World", "Business", "Video", "Login", "More"]


def menu_lines(n: int, seed: int) -> list[str]:
    """``n`` distinct menu-like lines: link rows, numbered links, dated links."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        kind = rng.randint(0, 3)
        if kind == 0:
            out.append(" | ".join(rng.sample(WORDS, 4)))
        elif kind == 1:
            out.append(f"{rng.choice(WORDS)} {i}")
        elif kind == 2:
            out.append(f"2024-05-{rng.randint(1, 28):02d} {rng.choice(WORDS)}")
        else:
            out.append(f"{rng.choice(WORDS)} {rng.choice(WORDS).lower()} {i}")
    return out


def features(lines: list[str]) -> list[BlockFeatures]:
    return list(compute_features(text_blocks("\n".join(lines))))


def kept_lines(lines: list[str], keep: list[bool]) -> list[str]:
    return [line for line, k in zip(lines, keep, strict=True) if k]


def test_the_bounds_leave_room_for_any_article() -> None:
    # A window (the main run plus its margins) is well below the bound, so cleaning
    # the output of the huge path again takes the exact path.
    assert RUN_CAP + 2 * MARGIN < HUGE
    assert MARGIN > _scorer.WIDE + _scorer.HEADLINE_REACH
    # decide() reuses the probabilities of blocks more than WIDE before a change: every
    # local term must look at most that far.
    assert max(_scorer.WINDOW, _scorer.NEAR_CAP) <= _scorer.WIDE


@pytest.mark.parametrize("before", [200, (HUGE - len(ARTICLE)) // 2, HUGE - 200])
def test_huge_path_agrees_with_the_exact_path_just_above_the_bound(before: int) -> None:
    # Just above the bound both paths can run: on a page whose menus are clearly not
    # article they keep the same blocks. (Their probabilities differ in the last bits,
    # as the window's running sums start at the window; and where the window leaves
    # article-like text out, a second article or a main run cut to RUN_CAP blocks,
    # page-wide terms such as the longest block or the prose mass before a block differ,
    # and so may the decisions.)
    lines = menu_lines(before, 1) + ARTICLE + menu_lines(HUGE + 1 - before, 2)
    feats = features(lines)
    assert len(feats) > HUGE
    model = default_model()
    keep, probs = decide(feats, model, model.decision)
    exact_keep, exact_probs = _scorer._decide_exact(feats, model, model.decision, 50)
    assert keep == exact_keep
    assert kept_lines(lines, keep)[-5:] == ARTICLE[1:]
    article = range(before, before + len(ARTICLE))
    assert [probs[i] for i in article] == pytest.approx([exact_probs[i] for i in article])


def test_exact_path_below_the_bound() -> None:
    lines = menu_lines(HUGE - len(ARTICLE), 3) + ARTICLE
    feats = features(lines)
    model = default_model()
    assert decide(feats, model, model.decision) == _scorer._decide_exact(
        feats, model, model.decision, 50
    )


def test_huge_page_keeps_the_article_in_the_middle_and_settles() -> None:
    lines = menu_lines(15_000, 4) + ARTICLE + menu_lines(15_000, 5)
    feats = features(lines)
    model = default_model()
    keep, probs = decide(feats, model, model.decision)
    assert kept_lines(lines, keep)[-5:] == ARTICLE[1:]
    assert sum(keep) <= len(ARTICLE) + 2
    assert all(0.0 <= p <= 1.0 for p in probs)
    # Deciding again on the output drops nothing: the result is a fixed point.
    out = [f for f, k in zip(feats, keep, strict=True) if k]
    assert all(decide(out, model, model.decision)[0])


def test_a_huge_run_is_cut_to_a_window() -> None:
    # Thousands of similar prose lines: the main run covers the page, so only its
    # heaviest RUN_CAP blocks (and the margins) are decided; the page is never emptied.
    lines = [f"Line {i} of a long list, which goes on and on." for i in range(HUGE * 2)]
    feats = features(lines)
    model = default_model()
    keep, probs = decide(feats, model, model.decision)
    assert 0 < sum(keep) <= RUN_CAP + 2 * MARGIN
    first = keep.index(True)
    last = len(keep) - keep[::-1].index(True)
    assert last - first <= RUN_CAP + 2 * MARGIN
    assert len(probs) == len(lines)


def test_huge_path_checks_the_parameters() -> None:
    feats = features(menu_lines(HUGE + 1, 6))
    model = default_model()
    with pytest.raises(TypeError, match="treshold"):
        decide(feats, model, {**model.decision, "treshold": 0.1})


def _full_rounds(
    feats: list[BlockFeatures], params: dict[str, float], rounds: int = 50
) -> tuple[list[bool], list[float]]:
    """decide()'s loop scoring every block in every round (no probabilities reused)."""
    model = default_model()
    n = len(feats)
    alive = list(range(n))
    probs_all = [0.0] * n
    side = _scorer._side_terms(model.context[10], model.context[11])
    weights_all = _scorer._run_weights(feats, params.get("mass", 0.0))
    choose_params = (
        params["threshold"],
        params["inside"],
        params["outside"],
        params.get("relative", 0.0),
        params.get("headline", 0.0),
    )
    for _ in range(rounds):
        sub = [feats[i] for i in alive]
        z = _scorer._block_logits(sub, model.block, max(f[0] for f in sub))
        sizes = [_scorer._log1p(f[0]) for f in sub]
        terminal = [f.terminal for f in sub]
        comments = [f.comment for f in sub]
        probs = _scorer._context_probabilities(z, sizes, terminal, comments, model.context, side)
        weights = [weights_all[i] for i in alive]
        keep = _scorer._choose(sub, probs, weights, *choose_params)
        for i, p in zip(alive, probs, strict=True):
            probs_all[i] = p
        if all(keep):
            break
        alive = [i for i, k in zip(alive, keep, strict=True) if k]
    return [i in set(alive) for i in range(n)], probs_all


def _peeling_page(n: int, seed: int) -> list[str]:
    """Menus, an article, comment heads and more menus: rounds drop blocks here and there."""
    rng = random.Random(seed)
    comments = ["12 Comments", "joe says:", "Reply", "ann says:", ARTICLE[2]]
    parts = [menu_lines(rng.randint(0, n), seed), ARTICLE[: rng.randint(1, 6)]]
    parts += [rng.sample(comments, rng.randint(0, 5)), menu_lines(rng.randint(0, n), seed + 1)]
    parts.insert(rng.randint(0, 3), [f"Line {i} of a list, which goes on." for i in range(n)])
    return [line for part in parts for line in part]


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("mass", [0.0, 0.5])
def test_reusing_probabilities_is_exact(seed: int, mass: float) -> None:
    # decide() rescores only the blocks whose inputs changed; the result must be equal
    # to the last bit to scoring every block in every round.
    lines = _peeling_page(60, seed)
    feats = features(lines)
    model = default_model()
    params = {**model.decision, "mass": mass}
    assert decide(feats, model, params) == _full_rounds(feats, params)


def test_distinct_lines_reuse_is_exact() -> None:
    # Distinct short lines lose one block at the end per round for all 50 rounds.
    rng = random.Random(11)
    words = ["alpha", "beta", "gamma", "delta", "omega"]
    lines = [f"{rng.choice(words)} {rng.choice(words)} item {i:06d} 的是" for i in range(300)]
    feats = features(lines)
    model = default_model()
    keep, probs = decide(feats, model, model.decision)
    assert (keep, probs) == _full_rounds(feats, model.decision)
    assert sum(keep) == 250


def test_huge_path_scores_each_block_as_the_block_model_does() -> None:
    # The huge path scores each distinct feature tuple once and looks the logits up:
    # outside the window every probability is the block model's, to the last bit.
    lines = menu_lines(HUGE + 500, 8) + ARTICLE
    feats = features(lines)
    model = default_model()
    params = {**model.decision, "listed": 0.0}
    keep, probs = decide(feats, model, params)
    max_chars = max(f.chars for f in feats)
    expected = [_scorer._sigmoid(z) for z in _scorer._block_logits(feats, model.block, max_chars)]
    first = keep.index(True)
    outside = range(max(0, first - MARGIN - RUN_CAP))
    assert len(outside) > HUGE // 2
    assert [probs[i] for i in outside] == [expected[i] for i in outside]
