"""How the cost of cleaning grows with the number of teaser lines (a script, not a test).

Usage::

    python bench/bench_teasers.py            # the two large pages, then the growth curves
    python bench/bench_teasers.py --quick    # curves up to 30k lines only

Two kinds of synthetic page, each cleaned with the default pipeline on one core:

- *teasers*: an article followed by a related-news list of 3-line entries (title,
  truncated snippet, "source time" line). Stories come back several times with other
  times, other snippet cuts and full-width/half-width variants, like the desktop and
  mobile copies of a portal's list. The large page has 50,000 lines.
- *distinct*: 200,000 distinct short lines (a worst case for bucketing: nothing repeats).
  Its words come from a list of nine, so many lines share their letters; the large pages
  include a *varied* variant too, whose words come from 20,000 made-up ones, so that no
  work measured for one line's letters serves another line.

For each, the time of the whole default pipeline and of the two steps this benchmark is
about (``teasers`` and ``near_duplicate``) alone is printed, for 1k, 3k, 10k, 30k and
100k lines. Near-linear growth means the time per 1k lines stays flat.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable

import newsclean
from newsclean import Pipeline, Result
from newsclean.filters.near_duplicate import NearDuplicateFilter
from newsclean.filters.teasers import TeaserFilter

ARTICLE = [
    "专利产业化促进中小企业成长——知识产权助力营造良好创新环境",
    "国家知识产权局23日举行新闻发布会，介绍以专利产业化促进中小企业成长的相关情况。",
    "今年1至11月，全国高校和科研机构专利转让许可5.5万次，同比增长19.1%。",
]
SOURCES = ["新华网", "中国新闻网", "央视网", "今日热点网", "Reuters", "AP"]
HAN = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就年会可也你对能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现"
    "实量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相"
    "全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意"
    "建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管"
    "特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西"
    "被干做必战先回则任取据处理府研质"
)


def _story(rng: random.Random, n: int) -> tuple[str, str]:
    title = f"第{n}号" + "".join(rng.choice(HAN) for _ in range(rng.randint(10, 24)))
    snippet = "".join(rng.choice(HAN) for _ in range(60))
    return title, snippet


def teaser_page(lines: int, seed: int = 7) -> str:
    """An article and a teaser list of about ``lines`` lines, with many near-duplicates."""
    rng = random.Random(seed)
    stories = [_story(rng, i) for i in range(max(1, lines // 12))]
    out = list(ARTICLE)
    while len(out) < lines:
        title, snippet = rng.choice(stories)
        if rng.random() < 0.3:  # a width or punctuation variant of the same title
            title = title.replace("第", "第 ").translate({ord("号"): "號"})
        cut = rng.randint(30, 60)
        hour, minute = rng.randint(0, 23), rng.randint(0, 59)
        out += [
            title,
            snippet[:cut] + rng.choice(("...", "…", "……")),
            f"{rng.choice(SOURCES)} 12-{rng.randint(1, 28):02d} {hour:02d}:{minute:02d}:00",
        ]
    return "\n".join(out[:lines])


def distinct_page(lines: int, seed: int = 11) -> str:
    """``lines`` distinct short lines (nothing repeats, nothing is a time)."""
    rng = random.Random(seed)
    words = ["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "theta", "zeta"]
    return "\n".join(
        f"{rng.choice(words)} {rng.choice(words)} item {i:06d} {rng.choice(HAN)}{rng.choice(HAN)}"
        for i in range(lines)
    )


def varied_page(lines: int, seed: int = 13) -> str:
    """``lines`` distinct short lines over a vocabulary of 20,000 made-up words."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = [
        "".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(20_000)
    ]
    return "\n".join(
        f"{rng.choice(vocabulary)} {rng.choice(vocabulary).title()} {rng.choice(vocabulary)} "
        f"{i:06d} {rng.choice(HAN)}{rng.choice(HAN)}"
        for i in range(lines)
    )


def timed(run: Callable[[str], Result], page: str) -> tuple[float, Result | None]:
    """Seconds one run takes, and its result (``None`` and NaN if a step failed)."""
    started = time.perf_counter()
    try:
        result = run(page)
    except newsclean.NewscleanError as err:
        print(f"  ! {type(err).__name__}: {str(err)[:120]}")
        return float("nan"), None
    return time.perf_counter() - started, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="curves up to 30k lines only")
    args = parser.parse_args(argv)

    default = newsclean.default_pipeline()
    mine = Pipeline([TeaserFilter(), NearDuplicateFilter()])
    runs: dict[str, Callable[[str], Result]] = {"default": default.run, "mine": mine.run}

    print("large pages (limit: 2 s each, default pipeline, one core)")
    for name, page in (
        ("teasers 50k lines", teaser_page(50_000)),
        ("distinct 200k lines", distinct_page(200_000)),
        ("varied 200k lines", varied_page(200_000)),
    ):
        took, result = timed(default.run, page)
        alone, mine_result = timed(mine.run, page)
        verdict = "ok" if took < 2.0 else "TOO SLOW"
        found = result or mine_result
        print(
            f"  {name:22s} default {took:6.2f} s  [{verdict}]   teasers+near_duplicate alone "
            f"{alone:6.2f} s   stories found: {len(found.teasers) if found else '?'}"
        )

    sizes = [1_000, 3_000, 10_000, 30_000] + ([] if args.quick else [100_000])
    print("\ngrowth (seconds; ms per 1k lines in brackets)")
    header = "  lines    " + "".join(
        f"{kind + ' ' + run:>28s}" for kind in ("teasers", "distinct") for run in runs
    )
    print(header)
    for size in sizes:
        pages = {"teasers": teaser_page(size), "distinct": distinct_page(size)}
        cells = []
        for page in pages.values():
            for run in runs.values():
                took, _ = timed(run, page)
                cells.append(f"{took:10.3f} ({took / size * 1e6:6.1f} ms/1k)")
        print(f"  {size:>7,d}  " + "".join(f"{c:>28s}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
