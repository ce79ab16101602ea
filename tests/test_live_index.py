"""A running assistant follows its index: another process's ingest or rebuild is seen
before the next question, and a question can be limited to some documents.

Real processes (``briefing ingest`` in a subprocess), a real embedded Chroma and the real
model; the second document is written for these tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.errors import DocumentNotFound, QuestionError

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "000_c1187ead2ec13693.txt"

# A short report written for these tests, about a town's ferry service.
FERRY = """Harbour Council Votes to Keep the Night Ferry

The harbour council of Lindmoor voted on Tuesday to keep the night ferry running until at least 2027.
The service carries about 340 passengers a night between the old port and the island of Skarra.
Councillor Brenna Holt said the ferry was the only link for shift workers at the island's fish plant.
The vote passed by nine votes to four after a three-hour debate.
Running the ferry will cost the council £2.3 million a year, paid partly from mooring fees.
"""

FERRY_QUESTION = "How many passengers does the night ferry carry?"


def _ingest(corpus: Path, index: Path, *extra: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ingest", str(corpus), "--index-dir", str(index), *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in (ARTICLE, ARTICLE.replace(".txt", ".meta.toml")):
        shutil.copy(ROOT / "corpus" / name, folder / name)
    return folder


@pytest.mark.slow
def test_another_process_ingest_and_rebuild_are_seen_before_the_next_question(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    bot = Assistant(corpus=corpus, index_dir=index)
    assert not bot.ask(FERRY_QUESTION).answered
    assert bot.refresh() is False  # nothing changed: no reload

    (corpus / "ferry.txt").write_text(FERRY, encoding="utf-8")
    _ingest(corpus, index)  # another process adds a document
    answer = bot.ask(FERRY_QUESTION)
    assert answer.answered and "340 passengers" in answer.text
    assert [c.doc_id for c in answer.citations] == ["ferry.txt"]
    assert len(bot.documents) == 2

    _ingest(corpus, index, "--rebuild")  # the collections are dropped and made again
    answer = bot.ask(FERRY_QUESTION)
    assert "340 passengers" in answer.text
    assert "ruled out" in bot.ask("Did Albania agree to host a return hub?").text

    (corpus / "ferry.txt").unlink()
    _ingest(corpus, index)
    assert not bot.ask(FERRY_QUESTION).answered
    assert [d.doc_id for d in bot.documents] == [ARTICLE]


@pytest.mark.slow
def test_a_question_can_be_limited_to_some_documents(corpus: Path, tmp_path: Path) -> None:
    (corpus / "ferry.txt").write_text(FERRY, encoding="utf-8")
    bot = Assistant(corpus=corpus, index_dir=tmp_path / "index")
    everywhere = bot.ask("Did Albania agree to host a return hub?")
    assert everywhere.answered and {c.doc_id for c in everywhere.citations} == {ARTICLE}

    only_ferry = bot.ask("Did Albania agree to host a return hub?", doc_ids=["ferry.txt"])
    assert all(c.doc_id == "ferry.txt" for c in only_ferry.citations)
    assert "ruled out" not in only_ferry.text

    answer = bot.ask(FERRY_QUESTION, doc_ids=["ferry.txt"])
    assert "340 passengers" in answer.text
    assert not bot.ask(FERRY_QUESTION, doc_ids=[ARTICLE]).answered

    with pytest.raises(DocumentNotFound, match=r"nope\.txt"):
        bot.ask(FERRY_QUESTION, doc_ids=["nope.txt"])
    with pytest.raises(QuestionError, match="at least one document"):
        bot.ask(FERRY_QUESTION, doc_ids=[])


# Rebuilds the index of a corpus in another process, pausing (with a marker file) just
# after it dropped the collections, before it writes them again.
PAUSING_REBUILD = """
import sys, time
from pathlib import Path
from assistant.corpus import read_corpus
from assistant.embeddings import Embedder
from assistant.index import Index

corpus, index, marker = (Path(a) for a in sys.argv[1:4])

def pause_after_the_drop(stage, done, total):
    if done == 0 and not marker.exists():
        marker.write_text("dropped")
        time.sleep(3.0)

Index(Embedder(), index).sync(read_corpus(corpus).documents, progress=pause_after_the_drop, rebuild=True)
"""


@pytest.mark.slow
def test_a_reader_that_finds_the_collections_dropped_waits_for_the_rebuild(corpus: Path, tmp_path: Path) -> None:
    """Another process's ``--rebuild`` drops the collections before writing them again: a
    reader that looks in between (``briefing ingest`` checking the manifest, a new
    ``Assistant`` loading) waits for the rebuild and reads what it wrote, not an error."""
    from assistant.corpus import read_corpus
    from assistant.embeddings import Embedder
    from assistant.index import Index

    documents = read_corpus(corpus).documents
    index, marker = tmp_path / "index", tmp_path / "dropped"
    reader = Index(Embedder(), index)
    reader.sync(documents)
    before = reader.manifest()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rebuild = subprocess.Popen([sys.executable, "-c", PAUSING_REBUILD, str(corpus), str(index), str(marker)], env=env)
    try:
        for _ in range(1200):
            if marker.exists() or rebuild.poll() is not None:
                break
            time.sleep(0.1)
        assert marker.exists(), "the rebuild never reached its pause"
        manifest = reader.manifest()
        snapshot = reader.load()
        assert rebuild.wait(timeout=300) == 0
    finally:
        rebuild.kill()
    assert before is not None and manifest is not None
    assert manifest.generation != before.generation  # what the rebuild wrote, read after it finished
    assert set(snapshot.documents) == {d.doc_id for d in documents}
