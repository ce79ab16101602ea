"""Item 1 of issue 12 on a Chroma server: two ingests into one server collection are
serialised (the second waits, saying so), and a writer on another machine, which shares
no lock file, is held off by the lease record and told who holds it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from assistant.errors import IndexStoreError
from assistant.locks import LEASE_ID, Lease
from tests.reliability.procs import TIMEOUT, Run, briefing, no_traceback, start, write_notes
from tests.test_chroma_server import chroma_url  # noqa: F401  (the module's server fixture)

pytestmark = pytest.mark.slow


def test_two_ingests_into_one_server_collection_lose_nothing(chroma_url: str, corpus: Path) -> None:  # noqa: F811
    write_notes(corpus, "s", 15, seed=3)
    where = ["--chroma-url", chroma_url, "--collection", "server-race"]
    processes = [start("ingest", str(corpus), *where) for _ in range(2)]
    runs = []
    for process in processes:
        out, err = process.communicate(timeout=TIMEOUT)
        runs.append(Run(process.returncode, out.decode(), err.decode()))
    for run in runs:
        no_traceback(run)
        assert run.returncode == 0, run.stderr
    assert any("is writing this index: waiting" in run.err for run in runs)
    check = briefing("check", "--corpus", str(corpus), *where, "--no-fix")
    assert check.returncode == 0 and "no drift" in check.out and "18 documents" in check.out, check.out


def test_a_lease_holds_off_a_writer_on_another_machine(chroma_url: str) -> None:  # noqa: F811
    import chromadb

    host, port = chroma_url.rsplit("//", 1)[1].split(":")
    client = chromadb.HttpClient(host=host, port=int(port))
    collection = client.get_or_create_collection("lease-test-writer", embedding_function=None)
    first, second = Lease(collection), Lease(collection)
    first.acquire(timeout=5)
    notices: list[str] = []
    started = time.monotonic()
    with pytest.raises(IndexStoreError, match=r"another ingest \(pid \d+ on .+\) is writing this index"):
        second.acquire(timeout=1.5, notify=notices.append)
    assert time.monotonic() - started < 10
    assert notices and "waiting for it to finish" in notices[0]
    first.release()
    assert not collection.get(ids=[LEASE_ID])["ids"]
    second.acquire(timeout=5)  # free again
    second.release()


def test_a_reader_follows_a_rebuild_of_the_server_collection(chroma_url: str, corpus: Path) -> None:  # noqa: F811
    from assistant import Assistant

    bot = Assistant(corpus=corpus, chroma_url=chroma_url, collection="server-follow")
    assert "ten days" in bot.ask("How long did the strike in Rotterdam last?").text
    (corpus / "harbour.txt").write_text(
        "Harbour strike ends\n\nDock workers in Rotterdam voted on Monday to end a strike that had lasted twelve days.\n",
        encoding="utf-8",
    )
    run = briefing("ingest", str(corpus), "--chroma-url", chroma_url, "--collection", "server-follow", "--rebuild")
    assert run.returncode == 0, run.stderr
    answer = bot.ask("How long did the strike in Rotterdam last?")  # no "Collection ... does not exist"
    assert "twelve days" in answer.text and "ten days" not in answer.text
