"""Fixtures of the reliability suite: a small corpus in the suite's own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.procs import DOCUMENTS


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three small documents on different subjects."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
