"""Item 2 of issue 12: an ingest killed after its vector writes but before its registry
write, followed by removing that file, leaves no orphaned vectors behind: the next ingest
deletes them, and its answers equal those of a clean index of the same corpus."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.reliability.procs import ROOT, TIMEOUT, briefing, environment, no_traceback, write_notes

pytestmark = pytest.mark.slow

QUESTIONS = [
    "How long did the strike in Rotterdam last?",
    "What did the Arden council approve on Monday?",
    "When may households in Valencia fill swimming pools?",
]

# Dies (like SIGKILL: no clean-up runs) at the first registry write, after the batch's
# sentence and chunk vectors are stored.
CRASH = textwrap.dedent(
    """
    import os, sys
    from assistant.index import Index

    write = Index._upsert

    def upsert(self, collection, rows):
        if collection is self._docs:
            os._exit(9)
        return write(self, collection, rows)

    Index._upsert = upsert
    from assistant import Assistant

    Assistant(corpus=sys.argv[1], index_dir=sys.argv[2], collection="orphans")
    """
)


def answers(corpus: Path, index: Path) -> tuple[list[dict], bool]:  # type: ignore[type-arg]
    """The answers to ``QUESTIONS`` from the index, and whether it has no drift."""
    from chromadb.api.client import SharedSystemClient

    from assistant import Assistant

    SharedSystemClient.clear_system_cache()  # as a fresh process would open it
    bot = Assistant(corpus=corpus, index_dir=index, collection="orphans")
    out = []
    for question in QUESTIONS:
        answer = bot.ask(question).to_dict()
        answer.pop("latency_ms", None)
        out.append(answer)
    return out, bot.index.check(fix=False).clean


def test_a_crash_before_the_registry_write_leaves_no_orphans(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    where = ["--index-dir", str(index), "--collection", "orphans"]
    assert briefing("ingest", str(corpus), *where).returncode == 0

    extra = tmp_path / "extra"
    extra.mkdir()
    write_notes(extra, "x", 8, seed=5)  # council notes close to one of the questions
    for path in extra.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    crashed = subprocess.run(
        [sys.executable, "-c", CRASH, str(corpus), str(index)],
        cwd=ROOT,
        env=environment(),
        capture_output=True,
        timeout=TIMEOUT,
    )
    assert crashed.returncode == 9, crashed.stderr.decode()
    drifted = briefing("check", "--corpus", str(corpus), *where, "--no-fix")
    assert drifted.returncode == 1 and "orphaned" in drifted.out, drifted.out
    assert " 0 orphaned" not in drifted.out.split("sentences:")[1].split("chunks:")[0]

    for path in extra.iterdir():
        (corpus / path.name).unlink()  # the file goes away before the next ingest
    again = briefing("ingest", str(corpus), *where)
    no_traceback(again)
    assert again.returncode == 0, again.stderr
    assert "vectors that no document owns" in again.err  # nothing changed, yet the orphans went

    after, clean = answers(corpus, index)
    assert clean  # no orphaned or missing vectors
    fresh_answers, _ = answers(corpus, tmp_path / "fresh")
    assert after == fresh_answers
