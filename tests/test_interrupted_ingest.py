"""An ingest killed part-way (SIGKILL) or interrupted (Ctrl-C, SIGINT) leaves an index that
the next ingest finishes without redoing what was written, and never one that looks current
for a corpus it does not hold.

The generated documents are real sentences of the SQuAD 2.0 dev sample
(evals/data/squad2-dev-sample; CC BY-SA 4.0, Rajpurkar, Jia and Liang, "Know What You
Don't Know: Unanswerable Questions for SQuAD", ACL 2018), reshuffled into new documents.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.sentences import split_sentences

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SQUAD = ROOT / "evals" / "data" / "squad2-dev-sample" / "squad2_dev_first_two_articles.json"
BRIEFING = Path(sys.executable).with_name("briefing")
ALBANIA = "Did Albania agree to host a UK return hub?"
NOTE_V1 = "# Fisheries\nNorway agreed to share cod quotas with Iceland in 2024.\n"
NOTE_V2 = "# Fisheries\nNorway agreed to share haddock quotas with Iceland in 2025.\n"


def squad_sentences() -> list[str]:
    data = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    return [
        s.text
        for article in data
        for para in article["paragraphs"]
        for s in split_sentences("p", para["context"])
        if s.kind == "sentence"
    ]


def write_documents(folder: Path, prefix: str, n: int, seed: int) -> None:
    """``n`` documents of two paragraphs, each four SQuAD sentences drawn at random."""
    pool = squad_sentences()
    rng = random.Random(seed)
    for i in range(n):
        paragraphs = [" ".join(rng.sample(pool, 4)) for _ in range(2)]
        (folder / f"{prefix}-{i:04d}.txt").write_text(
            f"Note {prefix}{i}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8"
        )


def _default_sigint() -> None:
    # A child inherits an ignored SIGINT (some earlier test or runner may ignore it in this
    # process), and Python then leaves Ctrl-C ignored; a user's terminal does not.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def briefing(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(BRIEFING), *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_sigint,
    )


def reopen(corpus: Path, index: Path) -> Assistant:
    """An ``Assistant`` on an index another process has written since this one last opened it.

    Chroma keeps one client per path per process, with its vector segments in memory;
    embedded Chroma does not expect another process to write the same folder, so the
    cache is dropped first, as a freshly started process would start.
    """
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()
    return Assistant(corpus=corpus, index_dir=index, collection="killed")


def registered(index: Path, prefix: str) -> int:
    """How many documents whose id starts with ``prefix`` the index's registry holds, read
    from Chroma's SQLite file (a document's registry record is written last, once its
    vectors are in); 0 while the file is busy or not there yet."""
    import sqlite3

    try:
        with contextlib.closing(sqlite3.connect(f"file:{index / 'chroma.sqlite3'}?mode=ro", uri=True)) as db:
            (count,) = db.execute(
                "SELECT count(*) FROM embeddings WHERE embedding_id LIKE ?", (f"{prefix}%",)
            ).fetchone()
            return int(count)
    except sqlite3.Error:
        return 0


def wait_then(process: subprocess.Popen[str], ready: object, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while not ready():  # type: ignore[operator]
        assert process.poll() is None, f"ingest ended before it could be interrupted: {process.communicate()}"
        assert time.monotonic() < deadline, "ingest never reached the point to interrupt it"
        time.sleep(0.05)


def test_killed_ingest_keeps_the_previous_index_and_the_next_one_finishes(article_corpus: Path, tmp_path: Path) -> None:
    before = tmp_path / "before"  # the corpus as the first, complete ingest saw it
    shutil.copytree(article_corpus, before)
    write_documents(before, "a", 10, seed=1)
    (before / "zz-note.md").write_text(NOTE_V1, encoding="utf-8")
    index = tmp_path / "index"
    where = ["--index-dir", str(index), "--collection", "killed"]
    first = Assistant(corpus=before, index_dir=index, collection="killed")
    assert first.last_ingest is not None and first.last_ingest.added == 12
    del first

    # The grown corpus: 150 new documents (several write batches) and an edited note,
    # which sorts last and so is written last.
    after = tmp_path / "after"
    shutil.copytree(before, after)
    write_documents(after, "b", 150, seed=2)
    (after / "zz-note.md").write_text(NOTE_V2, encoding="utf-8")

    ingest = briefing("ingest", str(after), *where)
    try:
        # Killed once a first batch of new documents is written whole (vectors, then the
        # registry), while the next batches are still to come (about 1,024 sentences each).
        wait_then(ingest, lambda: registered(index, "b-") > 0)
    finally:
        ingest.send_signal(signal.SIGKILL)
        ingest.communicate()
    assert ingest.returncode == -signal.SIGKILL

    # Opened with the previous corpus (on a copy of the killed run's index), the index is
    # brought back to it: the killed run marked the manifest out of date before its first
    # write, so the documents it wrote are found and removed, and the rest answers as it was.
    shutil.copytree(index, tmp_path / "index-copy")
    old = reopen(before, tmp_path / "index-copy")
    assert old.last_ingest is not None
    written = old.last_ingest.removed  # documents of the killed run whose records were written
    assert 0 < written < 150
    assert (old.last_ingest.added, old.last_ingest.replaced, old.last_ingest.sentences) == (0, 0, 0)
    assert len(old.documents) == 12
    albania = old.ask(ALBANIA)
    assert any("publicly ruled out participation" in c.quote for c in albania.citations)
    hits = old.retrieve("Which quotas did Norway agree to share with Iceland?", k=5)
    assert any(h.sentence.doc_id == "zz-note.md" and "cod quotas" in h.sentence.text for h in hits)  # as it was
    del old

    # The next ingest finishes the job: every document, every sentence once, none re-embedded twice.
    again = briefing("ingest", str(after), *where)
    out, err = again.communicate(timeout=900)
    assert again.returncode == 0, err
    out = " ".join(out.split())  # rich wraps long lines
    bot = reopen(after, index)
    assert bot.last_ingest is None  # the finishing ingest left it current
    assert len(bot.documents) == 12 + 150
    assert f"{150 - written} added, 1 replaced, 0 removed" in out
    citable = [s for s in bot.snapshot.sentences.values() if s.citable]
    new_sentences = sum(1 for s in citable if s.doc_id.startswith("b-")) + 1  # and the edited note's
    embedded = int(re.search(r"; (\d+) sentences embedded", out).group(1))  # type: ignore[union-attr]
    assert embedded < new_sentences  # what the killed run had written was not embedded again
    assert bot.index._sentences.count() == len(citable)  # no orphans or duplicates of the killed run
    assert bot.index._chunks.count() == len(bot.snapshot.chunks)
    manifest = bot.index.manifest()
    assert manifest is not None and (manifest.documents, manifest.sentences) == (162, len(citable))
    hits = bot.retrieve("Which quotas did Norway agree to share with Iceland?", k=5)
    assert any(h.sentence.doc_id == "zz-note.md" and "haddock quotas" in h.sentence.text for h in hits)
    assert not any("cod quotas" in s.text for s in citable)
    albania = bot.ask(ALBANIA)  # the same question over the larger corpus cites the same article
    assert any("publicly ruled out participation" in c.quote for c in albania.citations)


def test_ctrl_c_gives_the_friendly_message_and_exit_130(article_corpus: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(article_corpus, corpus)
    write_documents(corpus, "c", 150, seed=3)
    index = tmp_path / "index"
    ingest = briefing("ingest", str(corpus), "--index-dir", str(index))
    try:
        # The index folder appears once the model is loaded and indexing begins.
        wait_then(ingest, lambda: (index / "chroma.sqlite3").exists())
        time.sleep(1.0)
    finally:
        ingest.send_signal(signal.SIGINT)
        out, err = ingest.communicate(timeout=120)
    assert ingest.returncode == 130, (out, err)
    message = " ".join(err.split())  # rich wraps long lines
    assert "interrupted" in message and "run the same command again to finish" in message
    assert "Traceback" not in err


# Ingests the corpus in another process and dies (as a SIGKILL would) at the very end,
# after every document's vectors and records are written but before the new manifest.
DIES_BEFORE_THE_MANIFEST = """
import os, sys
import assistant.index
from assistant import Assistant

assistant.index.Index._write_manifest = lambda *args, **kwargs: os._exit(9)
Assistant(corpus=sys.argv[1], index_dir=sys.argv[2])
"""

HARBOUR = (
    "The harbour wall was breached in the storm.\nRebuilding it will cost {cost} million euros, the council said.\n"
)


def test_an_ingest_killed_before_its_manifest_and_an_undone_edit_leave_no_stale_answer(tmp_path: Path) -> None:
    """Edit a file, have the ingest killed before its last step, put the file back: the
    next ingest must index the file again, not call the index up to date and answer from
    the killed run's text, which is in no file."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    harbour = corpus / "harbour.txt"
    harbour.write_text(HARBOUR.format(cost="4.2"), encoding="utf-8")
    (corpus / "ferry.txt").write_text("The night ferry to the island runs until 2027.\n", encoding="utf-8")
    Assistant(corpus=corpus, index_dir=index)

    harbour.write_text(HARBOUR.format(cost="6.1"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed = subprocess.run(
        [sys.executable, "-c", DIES_BEFORE_THE_MANIFEST, str(corpus), str(index)], env=env, timeout=300
    )
    assert killed.returncode == 9
    harbour.write_text(HARBOUR.format(cost="4.2"), encoding="utf-8")

    bot = Assistant(corpus=corpus, index_dir=index)
    assert bot.last_ingest is not None and bot.last_ingest.replaced == 1
    answer = bot.ask("How much will rebuilding the harbour wall cost?")
    assert "4.2 million" in answer.text and "6.1" not in answer.text
