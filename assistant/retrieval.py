"""Hybrid retrieval at the sentence level: dense sentences, dense chunks and BM25, fused.

Three ranked lists are merged by reciprocal rank fusion (Cormack et al. 2009,
``score = sum(1 / (RRF_K + rank))``): sentence vectors find the sentence that says it,
chunk vectors find a sentence whose meaning leans on its neighbours, BM25 finds exact
names and numbers that embeddings blur. Each hit keeps its raw scores so the composer
can judge whether the best evidence is good enough to answer at all.

Also exposed as a LangChain ``BaseRetriever`` (``langchain_views.SentenceRetriever``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from typing import Protocol

import numpy as np

from assistant.chunks import embedding_text
from assistant.embeddings import Embedder
from assistant.index import Snapshot
from assistant.lexical import LexicalIndex
from assistant.records import Hit, Sentence

RRF_K = 60
DENSE_K = 40
CHUNK_K = 12
LEXICAL_K = 40


class VectorIndex(Protocol):
    """What retrieval reads from an index (``Index``, or ``SavedIndex``'s read copy)."""

    embedder: Embedder

    def query_sentences(
        self, vector: list[float], k: int, doc_ids: Sequence[str] | None = None
    ) -> list[tuple[str, float]]: ...

    def query_chunks(
        self, vector: list[float], k: int, doc_ids: Sequence[str] | None = None
    ) -> list[tuple[str, float]]: ...


class Retriever:
    """Ranks the citable sentences of an index snapshot for a query."""

    def __init__(self, index: VectorIndex, snapshot: Snapshot) -> None:
        self.index = index
        self.snapshot = snapshot
        self._citable: list[Sentence] = [s for s in snapshot.sentences.values() if s.citable]
        self._lexical = LexicalIndex([_lexical_text(s) for s in self._citable])

    def idf(self, term: str) -> float:
        """How rare a term stem is among the corpus sentences (see ``LexicalIndex.idf``)."""
        return self._lexical.idf(term)

    def search(self, query: str, k: int = 8, doc_ids: Collection[str] | None = None) -> list[Hit]:
        """The ``k`` best sentences for ``query``, best first; only from ``doc_ids`` when given."""
        vector = self.index.embedder.embed_query(query)
        only = None if doc_ids is None else sorted(doc_ids)
        dense = [
            (self.snapshot.by_record[rid], sim)
            for rid, sim in self.index.query_sentences(vector, DENSE_K, only)
            if rid in self.snapshot.by_record
        ]
        context: dict[str, float] = {}
        chunk_ranked: list[str] = []
        for cid, sim in self.index.query_chunks(vector, CHUNK_K, only):
            chunk = self.snapshot.chunks.get(cid)
            if chunk is None:  # written by an ingest that has not finished yet
                continue
            for sid in chunk.sentence_ids:
                if sid not in context:
                    context[sid] = sim
                    chunk_ranked.append(sid)
        mask = None if doc_ids is None else np.array([s.doc_id in doc_ids for s in self._citable], dtype=bool)
        lexical = [(self._citable[i].sentence_id, score) for i, score in self._lexical.top(query, LEXICAL_K, mask)]

        fused: dict[str, float] = defaultdict(float)
        for ranked in ([sid for sid, _ in dense], chunk_ranked, [sid for sid, _ in lexical]):
            for rank, sid in enumerate(ranked):
                fused[sid] += 1.0 / (RRF_K + rank)
        dense_sim = dict(dense)
        lexical_score = dict(lexical)
        floor = min(dense_sim.values(), default=0.0)
        hits = [
            Hit(
                sentence=self.snapshot.sentences[sid],
                score=score,
                dense=dense_sim.get(sid, floor),
                context=context.get(sid, 0.0),
                lexical=lexical_score.get(sid, 0.0),
            )
            for sid, score in fused.items()
            if sid in self.snapshot.sentences
        ]
        hits.sort(key=lambda h: -h.score)
        return _distinct(hits)[:k]


def _distinct(hits: list[Hit]) -> list[Hit]:
    """The hits without repeats of a sentence already ranked (the same text saved in
    several documents): the best-ranked copy stays, and the answer names the others."""
    seen: set[str] = set()
    out = []
    for hit in hits:
        key = " ".join(hit.sentence.text.split())
        if key not in seen:
            seen.add(key)
            out.append(hit)
    return out


def _lexical_text(sentence: Sentence) -> str:
    """Words BM25 sees for a sentence: its own, its lead-in, and its section heading."""
    return " ".join(filter(None, [sentence.section, embedding_text(sentence)]))
