"""Ctrl-C (SIGINT) and SIGTERM stop a running `briefing ingest` within seconds, while the
model embeds a batch or while Chroma writes one (``assistant.pipeline`` runs both at once,
in worker threads): the process exits with the CLI's interrupted line (130, or 143 for
SIGTERM) and no traceback, leaves the manifest marked out of date (``_mark_incomplete``),
and the next ingest finishes the job without redoing what was written.

Real processes throughout. To signal at a chosen moment, the interrupted ingest runs the
CLI's ``main`` in a child whose ``Index`` reports that moment through a file: while the
model embeds a batch after a first one is stored, or inside a Chroma write (held for two
seconds) after a first batch is stored. One case signals a plain `briefing ingest` once
its first batch is stored. The documents are SQuAD sentences reshuffled, as in
``tests/test_interrupted_ingest.py``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.test_interrupted_ingest import BRIEFING, ROOT, _default_sigint, registered, wait_then, write_documents

pytestmark = pytest.mark.slow

# Seconds from the signal to the interrupted line (the stages stopped, their threads
# ended), and to the process's end: Python's own exit after torch and Chroma takes 1-2 s of
# CPU, so 10-20 s of wall clock while a dozen other jobs share the two cores.
STOPS_WITHIN = 10.0
EXITS_WITHIN = 60.0
GROWN = 150  # documents added to the corpus before the interrupted ingest: two write batches and more

# The CLI's main in a child process, with a hook that touches the `ready` file at one moment.
HOOKED_INGEST = """
import sys, time
from pathlib import Path
import assistant.embeddings, assistant.index
from assistant.cli import main

moment, ready, corpus, index = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4]
Index, Embedder = assistant.index.Index, assistant.embeddings.Embedder
stored = []
store, upsert, encode_batches = Index._store, Index._upsert, Embedder.encode_batches

def counted_store(self, plan, stages):
    out = store(self, plan, stages)
    stored.append(len(plan.docs))
    return out

def encode_then_report(self, batches):
    encoded = encode_batches(self, batches)
    try:
        for vectors in encoded:
            if moment == "encode" and stored and not ready.exists():
                ready.touch()  # a batch is being embedded, after one was stored
            yield vectors
    finally:
        encoded.close()

def slow_upsert(self, collection, rows):
    if moment == "write" and stored and collection is self._sentences and rows and not ready.exists():
        ready.touch()  # inside the write of a batch's sentence vectors, after one was stored
        time.sleep(2.0)
    return upsert(self, collection, rows)

Index._store, Index._upsert, Embedder.encode_batches = counted_store, slow_upsert, encode_then_report
sys.exit(main(["ingest", corpus, "--index-dir", index]))
"""


ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}  # this checkout's code


def start(command: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_sigint,
    )


def timed_lines(process: subprocess.Popen[str]) -> tuple[list[tuple[float, str]], threading.Thread]:
    """The process's stderr lines as they come, each with the ``time.monotonic()`` it was
    read at, and the thread reading them (it ends with the process's stderr)."""
    lines: list[tuple[float, str]] = []

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append((time.monotonic(), line))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return lines, reader


def manifest_corpus_hash(index: Path) -> str | None:
    """The manifest's corpus hash, read from Chroma's SQLite file ("" once marked out of date)."""
    with contextlib.closing(sqlite3.connect(f"file:{index / 'chroma.sqlite3'}?mode=ro", uri=True)) as db:
        row = db.execute(
            "SELECT m.string_value FROM embeddings e JOIN embedding_metadata m ON m.id = e.id "
            "WHERE e.embedding_id = '__manifest__' AND m.key = 'corpus_hash' ORDER BY e.id DESC LIMIT 1"
        ).fetchone()
    return None if row is None else str(row[0])


def ingest(corpus: Path, index: Path) -> str:
    done = subprocess.run(
        [str(BRIEFING), "ingest", str(corpus), "--index-dir", str(index)],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=900,
        preexec_fn=_default_sigint,
    )
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())  # rich wraps long lines


@pytest.mark.parametrize(
    ("moment", "signum"),
    [
        pytest.param("encode", signal.SIGINT, id="encode-SIGINT"),
        pytest.param("write", signal.SIGINT, id="write-SIGINT"),
        pytest.param("encode", signal.SIGTERM, id="encode-SIGTERM"),
        pytest.param("write", signal.SIGTERM, id="write-SIGTERM"),
        pytest.param("plain", signal.SIGINT, id="plain-SIGINT"),
    ],
)
def test_a_signal_stops_the_ingest_promptly_and_the_next_ingest_finishes(
    moment: str, signum: int, article_corpus: Path, tmp_path: Path
) -> None:
    corpus, index, ready = tmp_path / "corpus", tmp_path / "index", tmp_path / "ready"
    corpus.mkdir()
    for path in article_corpus.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    write_documents(corpus, "a", 5, seed=11)
    assert "6 added" in ingest(corpus, index)  # the article and 5 notes
    complete = manifest_corpus_hash(index)
    assert complete

    write_documents(corpus, "g", GROWN, seed=12)
    if moment == "plain":
        process = start([str(BRIEFING), "ingest", str(corpus), "--index-dir", str(index)])
        reached = lambda: registered(index, "g-") > 0  # noqa: E731  # a first batch is stored
    else:
        process = start([sys.executable, "-c", HOOKED_INGEST, moment, str(ready), str(corpus), str(index)])
        reached = ready.exists
    lines, reader = timed_lines(process)
    try:
        wait_then(process, reached, timeout=600)
    finally:
        process.send_signal(signum)
        signalled = time.monotonic()
        out = process.stdout.read() if process.stdout else ""
        process.wait(timeout=120)
    exited = time.monotonic() - signalled
    reader.join(timeout=30)
    err = "".join(line for _, line in lines)
    stopped = [t - signalled for t, line in lines if line.startswith("interrupted:")]
    print(f"{moment}, {signal.Signals(signum).name}: stopped {stopped} s, ended {exited:.1f} s after the signal")

    assert process.returncode == (130 if signum == signal.SIGINT else 143), (out, err)
    message = " ".join(err.split())
    assert "interrupted: the index keeps every document written so far" in message, err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert stopped[0] < STOPS_WITHIN, f"the ingest took {stopped[0]:.1f} s to stop"
    assert exited < EXITS_WITHIN, f"the process took {exited:.1f} s to end"
    assert manifest_corpus_hash(index) == ""  # marked out of date before the first write
    written = registered(index, "g-")
    assert 0 < written < GROWN

    summary = ingest(corpus, index)
    assert f"{GROWN - written} added, 0 replaced, 0 removed, {6 + written} unchanged" in summary, summary
    bot = reopen_default(corpus, index)
    assert bot.last_ingest is None  # the finishing ingest left it current
    assert len(bot.documents) == 6 + GROWN
    citable = [s for s in bot.snapshot.sentences.values() if s.citable]
    assert bot.index._sentences.count() == len(citable)  # no orphans or duplicates
    assert bot.index._chunks.count() == len(bot.snapshot.chunks)
    manifest = bot.index.manifest()
    assert manifest is not None and manifest.corpus_hash not in ("", complete)
    assert (manifest.documents, manifest.sentences) == (6 + GROWN, len(citable))


def reopen_default(corpus: Path, index: Path):  # type: ignore[no-untyped-def]
    """An ``Assistant`` on an index other processes wrote (Chroma's per-process cache
    dropped first, as ``tests/test_interrupted_ingest.py``'s ``reopen`` explains)."""
    from chromadb.api.client import SharedSystemClient

    from assistant import Assistant

    SharedSystemClient.clear_system_cache()
    return Assistant(corpus=corpus, index_dir=index)


@pytest.mark.parametrize(("command", "interrupts"), [("ingest", True), ("ask", True), ("serve", False)])
def test_sigterm_raises_like_ctrl_c_during_a_command_but_serve(command: str, interrupts: bool) -> None:
    from assistant.cli import Terminated, sigterm_interrupts

    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    with sigterm_interrupts(command):
        installed = signal.getsignal(signal.SIGTERM)
        if interrupts:
            with pytest.raises(Terminated):
                os.kill(os.getpid(), signal.SIGTERM)
    assert (installed is not signal.SIG_DFL) is interrupts
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # put back
