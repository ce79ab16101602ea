"""The briefing evals (evals/briefing.yaml) in CI: every set meets its thresholds, and the
metric functions' worked examples hold."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import evals.briefing as briefing_eval


def test_metric_examples() -> None:
    assert doctest.testmod(briefing_eval).failed == 0


def test_sets_load_and_name_existing_corpora() -> None:
    sets, thresholds = briefing_eval.load_sets()
    assert sets and thresholds.citation_validity == 1.0
    for case in sets:
        assert case.corpus.is_dir(), case.corpus
        assert case.key_facts, case.name


@pytest.mark.slow
def test_briefing_sets_meet_their_thresholds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = briefing_eval.run_briefing_eval(report=tmp_path)
    printed = capsys.readouterr().out
    assert status == 0, printed
    assert (tmp_path / "briefing.json").exists()
