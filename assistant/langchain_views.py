"""LangChain views of the engine, imported only when asked for.

``Assistant.as_retriever()`` (a ``BaseRetriever``), ``Assistant.as_runnable()`` (a
``Runnable`` of the pipeline's steps) and ``Embedder.as_langchain()`` (an ``Embeddings``)
come from here, so that answering a question never imports LangChain: its records stay
the engine's own frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableLambda
from pydantic import ConfigDict

from assistant.embeddings import Embedder


def pipeline(steps: list[tuple[str, Callable[[Any], Any]]], run_name: str) -> Runnable[Any, Any]:
    """The steps, in order, as one LangChain runnable sequence (one ``RunnableLambda`` each)."""
    chain: Runnable[Any, Any] = RunnableLambda(steps[0][1], name=steps[0][0])
    for name, step in steps[1:]:
        chain = chain | RunnableLambda(step, name=name)
    return chain.with_config(run_name=run_name)


class LangChainEmbeddings(Embeddings):
    """An ``Embedder`` as a LangChain ``Embeddings``: documents and queries as lists of floats."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_query(text)


class SentenceRetriever(BaseRetriever):
    """LangChain view of the hybrid retriever: one ``Document`` per cited sentence.

    Each document's ``page_content`` is the sentence, and its metadata carries
    ``doc_id``, ``sentence_id``, ``start``, ``end``, ``section`` and ``score``.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)
    retriever: Any
    k: int = 5

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        return [
            LCDocument(
                page_content=hit.sentence.text,
                id=hit.sentence.sentence_id,
                metadata={
                    "doc_id": hit.sentence.doc_id,
                    "sentence_id": hit.sentence.sentence_id,
                    "start": hit.sentence.start,
                    "end": hit.sentence.end,
                    "section": hit.sentence.section or "",
                    "score": hit.score,
                },
            )
            for hit in self.retriever.search(query, k=self.k)
        ]
