"""Helpers for tests that ask questions of a small corpus written for the test: build the
engine on it, and ask with the answer's invariants checked (markers, quotes, short answer)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from corpus_folder import write_corpus

from assistant import Assistant
from assistant.citations import markers


def bot_on(
    tmp_path_factory: pytest.TempPathFactory, name: str, documents: Mapping[str, str], calibrated: bool | None = True
) -> Assistant:
    """The engine on a fresh corpus of ``documents`` (file name -> text): the calibrated
    pipeline alone, or with ``calibrated=None`` the default routed composer."""
    root = tmp_path_factory.mktemp(name)
    corpus = write_corpus(root / "corpus", documents)
    return Assistant(corpus=corpus, index_dir=root / "index", calibrated=calibrated)


def checked_answer(bot: Assistant, question: str, history: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    """``bot.ask(...).to_dict()``, after checking that every marker has its citation, every
    quote is the document's text at its offsets, and so is the short answer."""
    answer = bot.ask(question, history=history)
    assert markers(answer.text) == [c.marker for c in answer.citations]
    for c in answer.citations:
        assert bot.document(c.doc_id).text[c.start : c.end] == c.quote
    out = answer.to_dict()
    short = out["short_answer"]
    if short:
        cited = next(c for c in answer.citations if c.marker == short["marker"])
        assert bot.document(cited.doc_id).text[short["start"] : short["end"]] == short["text"]
    return out
