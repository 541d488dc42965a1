"""Golden tests on real pages kept in fixtures/pages.

For each ``<name>.txt`` (raw scraped text) there is ``<name>.clean.txt`` (the expected
article) and ``<name>.verdicts.tsv`` (index, step, label of every dropped block), so a change in
behaviour shows in a review as a diff of *which* lines changed and *which step* did it.
``pytest --update-golden`` rewrites both files from the current pipeline; the diff is the
review. ``fixtures/cases.toml`` adds, per page, snippets that must (``with``) or must not
(``without``) be in the output, taken from the human gold of the page; ``expect = "fail"``
marks a known failure, run as a strict xfail.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import newsclean

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
CASES = tomllib.loads((PAGES.parent / "cases.toml").read_text(encoding="utf-8"))["pages"]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _verdict_table(result: newsclean.Result) -> str:
    rows = [
        f"{v.block.index}\t{v.step}\t{v.drop.label}" for v in result.verdicts if v.drop is not None
    ]
    return "".join(row + "\n" for row in rows)


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.clean.txt")), ids=lambda p: p.name)
def test_golden_output_and_verdicts(page: Path, update_golden: bool) -> None:
    raw_path = page.with_name(page.name.removesuffix(".clean.txt") + ".txt")
    verdicts_path = page.with_name(page.name.removesuffix(".clean.txt") + ".verdicts.tsv")
    result = newsclean.clean_and_explain(_read(raw_path))
    if update_golden:
        page.write_text(result.text + "\n", encoding="utf-8")
        verdicts_path.write_text(_verdict_table(result), encoding="utf-8")
    assert result.text + "\n" == _read(page)
    assert _verdict_table(result) == _read(verdicts_path)


def _case_params() -> list[object]:
    params: list[object] = []
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True)] if case.get("expect") == "fail" else []
        params.append(pytest.param(case, id=case["file"], marks=marks))
    return params


@pytest.mark.parametrize("case", _case_params())
def test_case_snippets(case: dict[str, object]) -> None:
    out = newsclean.clean(_read(PAGES / str(case["file"])))
    assert out.strip(), "a page with an article must not come back empty"
    for snippet in case.get("with", []):  # type: ignore[attr-defined]
        assert snippet in out, f"missing article text: {snippet!r}"
    for snippet in case.get("without", []):  # type: ignore[attr-defined]
        assert snippet not in out, f"boilerplate kept: {snippet!r}"


def test_seed_teaser_records() -> None:
    result = newsclean.clean_and_explain(_read(PAGES / "xinhua-seed.txt"))
    titles = [t.title for t in result.teasers]
    assert len(titles) == len(set(titles)) == 8
    for teaser in result.teasers:
        assert all((teaser.title, teaser.snippet, teaser.source, teaser.time)), teaser
        assert teaser.title not in result.text
