"""The value types: Block, Document, Drop, Verdict, Result."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from newsclean import Block, Document, Drop, Result, Verdict
from newsclean._segment import text_blocks
from newsclean.testing import make_document


def doc_of(*lines: str, dropped: frozenset[int] = frozenset()) -> Document:
    return make_document(lines).with_dropped(dropped)


def test_values_are_frozen() -> None:
    block = Block(0, 0, 1, "a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        block.text = "b"  # type: ignore[misc]
    drop = Drop(0, "legal", "notice")
    with pytest.raises(dataclasses.FrozenInstanceError):
        drop.label = "x"  # type: ignore[misc]


def test_make_document_offsets_match_raw() -> None:
    doc = make_document(["标题", "Body text.", "京ICP备1号"])
    assert [b.index for b in doc.blocks] == [0, 1, 2]
    for b in doc.blocks:
        assert doc.raw[b.start : b.end] == b.text
    assert doc.blocks == text_blocks(doc.raw)


def test_kept_skips_dropped_blocks_in_order() -> None:
    doc = doc_of("a", "b", "c", "d", dropped=frozenset({1, 3}))
    assert [b.text for b in doc.kept()] == ["a", "c"]
    assert doc.is_kept(0)
    assert not doc.is_kept(1)


def test_neighbours_skip_dropped_blocks() -> None:
    doc = doc_of("a", "b", "c", "d", "e", "f", dropped=frozenset({1, 4}))
    c = doc.blocks[2]
    assert [b.text for b in doc.neighbours(c, k=2)] == ["a", "d", "f"]
    assert [b.text for b in doc.neighbours(doc.blocks[0], k=1)] == ["c"]
    assert doc.neighbours(doc.blocks[5], k=0) == ()


def test_with_dropped_shares_features() -> None:
    doc = doc_of("one", "two words")
    later = doc.with_dropped(frozenset({0}))
    assert later.features is doc.features
    assert len(doc.features) == len(doc.blocks)
    assert later.raw == doc.raw
    assert later.blocks == doc.blocks
    assert later.dropped == {0}


def test_verdict_kept() -> None:
    block = Block(0, 0, 1, "a")
    assert Verdict(block).kept
    assert not Verdict(block, "legal", Drop(0, "legal", "notice")).kept


def _result() -> Result:
    blocks = text_blocks("Title\nHome | News\n京ICP备1号\nBody.\n© 2024")
    drops = {
        1: ("navigation", Drop(1, "navigation", "menu", {"links": 2})),
        2: ("legal", Drop(2, "legal", "icp\tnotice")),
        4: ("legal", Drop(4, "legal", "copyright")),
    }
    verdicts = tuple(
        Verdict(b, *drops[b.index]) if b.index in drops else Verdict(b) for b in blocks
    )
    return Result(text="Title\nBody.", verdicts=verdicts)


def test_result_labels_counts_and_kept_blocks() -> None:
    r = _result()
    assert r.labels() == {1: "navigation", 2: "legal", 4: "legal"}
    assert r.counts() == Counter({"legal": 2, "navigation": 1})
    assert [b.text for b in r.kept_blocks()] == ["Title", "Body."]
    assert r.counts() + r.counts() == Counter({"legal": 4, "navigation": 2})


def test_explain_has_one_row_per_block_with_step_and_label() -> None:
    r = _result()
    rows = r.explain().split("\n")
    assert len(rows) == 1 + len(r.verdicts)
    cells = [row.split("\t") for row in rows[1:]]
    assert all(len(c) == 6 for c in cells)  # a tab inside a reason does not add a column
    assert [c[1] for c in cells] == ["keep", "drop", "drop", "keep", "drop"]
    assert [c[2] for c in cells] == ["-", "navigation", "legal", "-", "legal"]
    assert [c[3] for c in cells] == ["-", "navigation", "legal", "-", "legal"]
    assert cells[3][5] == "Body."


def test_explain_shortens_long_text() -> None:
    blocks = text_blocks("x" * 500)
    r = Result(text="x" * 500, verdicts=tuple(Verdict(b) for b in blocks))
    last_cell = r.explain(width=20).split("\n")[1].split("\t")[-1]
    assert len(last_cell) == 20
    assert last_cell.endswith("…")
