"""The NumPy BM25 in ``assistant.lexical`` against bm25s, the implementation it replaces."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.corpus import read_corpus
from assistant.lexical import LexicalIndex, tokenize
from assistant.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
# Tune corpora only (texas-measles is check-only: nothing is fitted or compared on it).
CORPORA = [
    ROOT / "corpus",
    *(ROOT / "evals" / "corpora" / n for n in ("iberian-blackout", "myanmar-earthquake", "return-hubs")),
]


def _texts(folder: Path) -> list[str]:
    docs = read_corpus(folder).documents
    return [s.text for d in docs for s in split_sentences(d.doc_id, d.text) if s.citable]


def _bm25s_scores(texts: list[str], terms: list[str]) -> np.ndarray:
    bm25s = pytest.importorskip("bm25s")
    model = bm25s.BM25()
    model.index([tokenize(t) or ["\0"] for t in texts], show_progress=False)
    return np.asarray(model.get_scores(terms))


@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: p.name)
def test_scores_equal_bm25s_bit_for_bit(folder: Path) -> None:
    texts = _texts(folder)
    index = LexicalIndex(texts)
    # Every sentence's own words as a query, plus a repeated term and an unseen one.
    queries = [tokenize(t) for t in texts[:60]] + [["hub", "hub", "zzzunseen"], ["zzzunseen", "albania"]]
    for terms in filter(None, queries):
        mine = index.scores(terms)
        assert mine.dtype == np.float32
        assert np.array_equal(mine, _bm25s_scores(texts, terms)), terms


@pytest.mark.parametrize(
    ("texts", "query", "expected"),
    [
        ([], "anything", []),
        (["", "The hub opened."], "hub", [1]),
        (["Albania said no.", "Kosovo said yes.", "Albania and Kosovo."], "albania", [0, 2]),
        (["one two", "three"], "the of", []),  # stopwords only: no terms
    ],
)
def test_top_edge_cases(texts: list[str], query: str, expected: list[int]) -> None:
    assert sorted(i for i, _ in LexicalIndex(texts).top(query, 5)) == expected
