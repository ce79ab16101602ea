"""The fit of the rule-based composer's ``min_support`` (``evals/fit_gates.py``) and the gates
the composer runs (``assistant/gates.json``). Documents written for these tests."""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import pytest
from asking import bot_on

from assistant import Assistant
from assistant.compose import ExtractiveComposer, Gates, Relevance, load_gates
from assistant.errors import ModelError
from assistant.question import analyse
from evals.fit_gates import Source, fit, needed_support, shares
from evals.tune_data import CHECK_ONLY_CORPORA

HAND = Gates(min_support=0.62, strong_dense=0.62)


@pytest.mark.parametrize(
    ("relevance", "answerable", "declined_later", "expected"),
    [
        (Relevance(dense=0.7, support=0.4, whole=False), True, False, math.inf),  # close in meaning
        (Relevance(dense=0.3, support=0.4, whole=True), False, False, math.inf),  # every word of it
        (Relevance(dense=0.3, support=0.55, whole=False), False, True, -math.inf),  # a later step declines it
        (Relevance(dense=0.7, support=0.55, whole=False), False, True, -math.inf),  # ... whatever the gate says
        (Relevance(dense=0.3, support=0.55, whole=False), False, False, 0.55),
        (Relevance(dense=0.3, support=0.55, whole=False), True, True, 0.55),  # to answer: the gate decides
    ],
)
def test_the_support_a_question_needs_to_be_declined(
    relevance: Relevance, answerable: bool, declined_later: bool, expected: float
) -> None:
    assert needed_support(relevance, answerable, declined_later, HAND) == expected


def _source(name: str, to_answer: list[float], to_decline: list[float]) -> Source:
    return Source(name, to_answer + to_decline, [True] * len(to_answer) + [False] * len(to_decline), hashlib.sha256())


def test_the_fit_keeps_what_it_should_answer_and_declines_below() -> None:
    ferries = _source("ferries", [0.8, 0.9, 0.75, math.inf], [0.4, 0.5, -math.inf])
    council = _source("council", [0.7, 0.85, 0.95], [0.45, 0.55])
    chosen = fit([ferries, council])
    assert 0.55 < chosen <= 0.7
    assert shares(ferries, chosen) == (1.0, 1.0)
    assert shares(council, 0.75) == (2 / 3, 1.0)  # a higher bar loses an answer


def test_the_composer_runs_the_fitted_number(tmp_path: Path) -> None:
    (tmp_path / "gates.json").write_text(json.dumps({"fitted": {"min_support": 0.71}}), encoding="utf-8")
    assert load_gates(tmp_path / "gates.json") == Gates(min_support=0.71)
    (tmp_path / "gates.json").write_text(json.dumps({"fitted": {"tied": 0.9}}), encoding="utf-8")
    with pytest.raises(ModelError, match=r"rerun python -m evals\.fit_gates"):
        load_gates(tmp_path / "gates.json")


def test_the_shipped_gates_were_fit_on_tune_splits_only() -> None:
    shipped = json.loads((Path(__file__).parents[1] / "assistant" / "gates.json").read_text(encoding="utf-8"))
    assert shipped["fit_on"] and all("(tune" in source for source in shipped["fit_on"])
    assert not any(name in source for name in CHECK_ONLY_CORPORA for source in shipped["fit_on"])
    assert 0.0 < load_gates().min_support < 1.5


DOCUMENTS = {
    "ferry.txt": "Island ferries\n\nThe Skerry ferry was suspended on 2 March after a gearbox failed.\n",
    "library.txt": "Town library\n\nThe Dunmore library will open on Sundays from next spring, the council said.\n",
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "gates", DOCUMENTS, calibrated=False)


@pytest.mark.parametrize(
    "question", ["Why did the Skerry ferry stop running?", "From when can readers use the Dunmore library on Sundays?"]
)
def test_a_question_is_declined_below_the_gates_it_is_given(bot: Assistant, question: str) -> None:
    """The same question is answered with the shipped gates and declined as not close
    enough when its composer is given gates no sentence clears."""
    asked = analyse(question, [])
    hits = bot.retriever.search(asked.query, k=8)
    shipped = ExtractiveComposer(bot.snapshot, bot.retriever.idf, bot.index.embedder.word_vectors)
    assert shipped.compose(asked, hits).answered
    strict = Gates(min_support=5.0, strong_dense=1.1)
    declined = ExtractiveComposer(bot.snapshot, bot.retriever.idf, bot.index.embedder.word_vectors, gates=strict)
    answer = declined.compose(asked, hits)
    assert not answer.answered and "close enough" in answer.reason
