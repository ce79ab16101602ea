"""Writing a corpus folder for a test: documents written in the test's own words, as files."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


def write_corpus(folder: Path, documents: Mapping[str, str]) -> Path:
    """Make ``folder`` and write each document (file name -> text) into it as UTF-8; return
    the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in documents.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
