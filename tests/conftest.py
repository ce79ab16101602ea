"""Shared fixtures: the real article corpus, a real Chroma index in a temporary folder and
the real packaged embedding model. Nothing here is faked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_ID = "000_c1187ead2ec13693.txt"


@pytest.fixture(scope="session")
def article_text() -> str:
    return (ROOT / "corpus" / ARTICLE_ID).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def article_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of corpus/ (the seed article and its metadata) that tests may not change."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in (ROOT / "corpus").iterdir():
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def bot(article_corpus: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from assistant import Assistant

    return Assistant(corpus=article_corpus, index_dir=tmp_path_factory.mktemp("index") / "idx")
