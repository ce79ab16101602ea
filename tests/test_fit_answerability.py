"""The answerability fit's measurements on small hand-made candidate rows (no engine)."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from assistant.answerability import FEATURES, load_calibration
from evals.fit_answerability import Model, Rows, auc, measure


def _rows(answerable: list[bool], gold_first: list[bool]) -> Rows:
    """Two candidates per question; the first has a higher dense score than the second."""
    rows = Rows("toy", [], [], [], [], hashlib.sha256())
    dense = FEATURES.index("dense")
    for k, (can, first) in enumerate(zip(answerable, gold_first, strict=True)):
        for position in range(2):
            row = [0.0] * len(FEATURES)
            row[dense] = (0.9 if can else 0.3) - 0.1 * position
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
