"""Fixtures of the reliability suite: a small corpus in the suite's own words."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_folder import write_corpus

from tests.reliability.procs import DOCUMENTS


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three small documents on different subjects."""
    return write_corpus(tmp_path / "corpus", DOCUMENTS)
