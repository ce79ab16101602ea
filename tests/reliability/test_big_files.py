"""Item 9 of issue 12: a large document is embedded in bounded steps with progress lines
on stderr when it is not a terminal, and a file over the size limit is skipped with a
clear message."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.reliability.procs import TOWNS, briefing, no_traceback

pytestmark = pytest.mark.slow


def test_a_large_file_shows_progress_and_an_oversized_one_is_skipped(corpus: Path, tmp_path: Path) -> None:
    rng = random.Random(7)
    sentences = [
        f"Inspectors in {rng.choice(TOWNS)} counted {i} potholes on road {rng.randint(1, 999)} in week {i % 52}."
        for i in range(1100)  # over 1,024 sentences: two steps of embedding
    ]
    (corpus / "roads.txt").write_text(
        "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)) + "\n", encoding="utf-8"
    )
    (corpus / "huge.txt").write_bytes(b"A line of filler text. " * 60_000)  # 1.4 MB
    run = briefing("ingest", str(corpus), "--index-dir", str(tmp_path / "index"), "--max-file-mb", "1")
    no_traceback(run)
    assert run.returncode == 0, run.stderr
    lines = run.stderr.splitlines()
    assert "warning: skipped huge.txt: is 1.3 MB, over the 1 MB limit per file: split it, or raise the limit" in lines
    steps = [line for line in lines if line.startswith("embedding sentences ")]
    assert len(steps) >= 2 and steps[-1].endswith("(100%)"), lines
    assert any(line.startswith("indexing documents 0/4") for line in lines)
    assert "4 added" in run.out and "1 skipped" in run.out
