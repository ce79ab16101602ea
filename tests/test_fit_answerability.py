"""The answerability fit's measurements on small hand-made candidate rows (no engine)."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from assistant.answerability import FEATURES, load_calibration
from evals.fit_answerability import Model, Rows, auc, choose_threshold, held_out_probabilities, measure


def _rows(answerable: list[bool], gold_first: list[bool], name: str = "toy", shift: float = 0.0) -> Rows:
    """Two candidates per question; the first has a higher dense score than the second."""
    rows = Rows(name, [], [], [], [], hashlib.sha256())
    dense = FEATURES.index("dense")
    for k, (can, first) in enumerate(zip(answerable, gold_first, strict=True)):
        for position in range(2):
            row = [0.0] * len(FEATURES)
            row[dense] = (0.9 if can else 0.3) - 0.1 * position + shift
            rows.x.append(row)
            rows.y.append(int(can and (position == 0) == first))
            rows.question.append(k)
        rows.answerable.append(can)
    return rows


@pytest.mark.parametrize(
    ("scores", "labels", "expected"),
    [
        ([0.9, 0.8, 0.1], [True, True, False], 1.0),
        ([0.1, 0.8, 0.9], [True, False, False], 0.0),
        ([0.5, 0.5], [True, False], 0.5),
    ],
)
def test_auc(scores: list[float], labels: list[bool], expected: float) -> None:
    assert auc(np.asarray(scores), np.asarray(labels)) == expected


def test_measure_reads_the_best_ranked_candidate() -> None:
    n = len(FEATURES)
    weights = np.zeros(n)
    weights[FEATURES.index("dense")] = 1.0  # rank by dense similarity
    model = Model(np.zeros(n), np.ones(n), weights, np.zeros(5), np.ones(5), np.asarray([1.0, 0, 0, 0, 0]), 0.0)
    rows = _rows([True, True, False], [True, False, True])
    measured = measure(model, rows, "tune")
    assert measured["toy.tune.questions"] == 3
    assert measured["toy.tune.best_is_gold"] == 0.5  # question 1's gold is its second candidate
    assert measured["toy.tune.answerable_auc"] == 1.0  # P rises with the best candidate's dense score
    assert measured["toy.tune.cosine_auc"] == 1.0


def test_the_shipped_calibration_reads_as_a_model() -> None:
    model = Model.of(load_calibration())
    assert model.rank_weights.shape == (len(FEATURES),)
    assert 0.0 < float(model.probability(np.zeros((1, len(model.answer_weights))))[0]) < 1.0


def test_a_threshold_tied_over_a_range_is_the_middle_of_it() -> None:
    # Every threshold from 0.2 to 0.8 keeps both answerable questions and declines both
    # others: the choice is the middle of that plateau, not its lowest edge.
    p = np.asarray([0.1, 0.2, 0.8, 0.9])
    answerable = np.asarray([False, False, True, True])
    assert abs(choose_threshold([(p, answerable)]) - 0.5) <= 0.03


def test_a_source_is_scored_by_models_fit_without_it() -> None:
    sources = [
        _rows([True, False, True, False], [True, True, True, True], "a"),
        _rows([True, True, False, False], [True, False, True, True], "b", shift=0.02),
        _rows([False, True, True, False], [True, True, True, True], "c", shift=-0.02),
    ]
    held_out = held_out_probabilities(sources)
    assert [len(p) for p, _ in held_out] == [4, 4, 4]
    assert held_out[0][1].tolist() == [True, False, True, False]
    # Relabelling source "a" (other gold candidates, every question answerable) changes the models fit on it, but
    # not the probabilities its own questions get: those come from "b" and "c" only.
    a = sources[0]
    relabelled = Rows("a", a.x, [1 - v for v in a.y], a.question, [True] * 4, hashlib.sha256())
    again = held_out_probabilities([relabelled, *sources[1:]])
    assert np.allclose(again[0][0], held_out[0][0])
    assert not np.allclose(again[1][0], held_out[1][0])
