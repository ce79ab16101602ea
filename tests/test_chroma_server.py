"""The engine against a real Chroma server: ``chroma run`` on a free loopback port with
its data in a temporary folder, reached through the CLI (``--chroma-url``) and through
``Assistant(chroma_url=...)``. Ingest, ask, a no-op re-ingest, a second machine that
embeds nothing, edits between ingests, and an unreachable server."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import free_port, running

from assistant import Assistant

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ALBANIA = "Did Albania agree to host a UK return hub?"
RULED_OUT = "publicly ruled out participation"
START_TIMEOUT = 60.0


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Chroma server for this module, stopped (by its pid) whatever happens."""
    data = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [str(BIN / "chroma"), "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)]
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    with running(command, f"{url}/api/v2/heartbeat", data.parent / "chroma-server.log", START_TIMEOUT, env):
        yield url


def briefing(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("BRIEFING_CHROMA_URL", None)
    return subprocess.run(
        [str(BIN / "briefing"), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


def flat(text: str) -> str:
    """Output with rich's line wrapping undone."""
    return " ".join(text.split())


def copy_corpus(article_corpus: Path, folder: Path) -> Path:
    shutil.copytree(article_corpus, folder)
    return folder


def server_counts(bot: Assistant) -> tuple[int, int]:
    """(sentence vectors, chunk vectors) the server holds for this assistant's collections."""
    return bot.index._sentences.count(), bot.index._chunks.count()


def test_cli_ingest_ask_noop_ingest_and_a_second_machine(chroma_url: str, article_corpus: Path, tmp_path: Path) -> None:
    corpus = copy_corpus(article_corpus, tmp_path / "corpus")
    where = ["--corpus", str(corpus), "--chroma-url", chroma_url, "--collection", "cli-test"]

    first = briefing("ingest", *where, "--index-dir", str(tmp_path / "machine-1"))
    assert first.returncode == 0, first.stderr
    assert "1 added, 0 replaced, 0 removed, 0 unchanged" in flat(first.stdout)
    assert chroma_url in flat(first.stdout)

    asked = briefing("ask", "--json", ALBANIA, *where, "--index-dir", str(tmp_path / "machine-1"))
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert answer["answered"]
    assert any(RULED_OUT in c["quote"] for c in answer["citations"])

    again = briefing("ingest", *where, "--index-dir", str(tmp_path / "machine-1"))
    assert again.returncode == 0, again.stderr
    assert "up to date: 1 document unchanged" in flat(again.stdout)

    # A second machine: its own (empty) local folder, the same server and corpus.
    second = Assistant(corpus=corpus, index_dir=tmp_path / "machine-2", chroma_url=chroma_url, collection="cli-test")
    assert second.last_ingest is None  # the server's index is current: nothing embedded
    assert not (tmp_path / "machine-2").exists()  # and nothing written locally
    summary = second.ingest()
    assert (summary.added, summary.replaced, summary.removed, summary.skipped, summary.sentences) == (0, 0, 0, 1, 0)
    answer2 = second.ask(ALBANIA)
    assert any(RULED_OUT in c.quote for c in answer2.citations)
    citable = [s for s in second.snapshot.sentences.values() if s.citable]
    assert server_counts(second) == (len(citable), len(second.snapshot.chunks))


def test_edits_adds_and_deletes_follow_on_the_server(chroma_url: str, article_corpus: Path, tmp_path: Path) -> None:
    corpus = copy_corpus(article_corpus, tmp_path / "corpus")

    def open_bot() -> Assistant:
        return Assistant(corpus=corpus, index_dir=tmp_path / "unused", chroma_url=chroma_url, collection="edit-test")

    bot = open_bot()
    assert bot.last_ingest is not None and bot.last_ingest.added == 1
    base = server_counts(bot)

    (corpus / "fish.md").write_text(
        "---\ntitle: Nordic fisheries deal\ndate: 2024-03-01\nsource_url: https://example.org/fish\n---\n"
        "# Fisheries\nNorway agreed to share cod quotas with Iceland in 2024.\n"
        "The deal runs for five years.\n",
        encoding="utf-8",
    )
    article = corpus / "000_c1187ead2ec13693.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("£1 million", "£3 million"), encoding="utf-8")
    bot = open_bot()
    assert bot.last_ingest is not None
    assert (bot.last_ingest.added, bot.last_ingest.replaced, bot.last_ingest.removed) == (1, 1, 0)
    assert bot.last_ingest.sentences < 10  # the edited sentence and the new document's two
    assert server_counts(bot)[0] == base[0] + 2
    money = bot.ask("How much will the UK invest in Albania's digital forensics?")
    assert "£3 million" in money.text and "£1 million" not in money.text
    cod = bot.ask("What did Norway agree to share with Iceland?")
    assert cod.answered and cod.citations[0].doc_id == "fish.md"
    fish = bot.document("fish.md")
    assert (fish.title, fish.date, fish.source_url) == (
        "Nordic fisheries deal",
        "2024-03-01",
        "https://example.org/fish",
    )
    assert any(RULED_OUT in c.quote for c in bot.ask(ALBANIA).citations)  # still the right article

    (corpus / "fish.md").unlink()
    bot = open_bot()
    assert bot.last_ingest is not None and bot.last_ingest.removed == 1
    assert [d.doc_id for d in bot.documents] == ["000_c1187ead2ec13693.txt"]
    assert server_counts(bot) == base
    assert bot.index._sentences.get(where={"doc_id": "fish.md"}, include=[])["ids"] == []
    assert not bot.ask("What did Norway agree to share with Iceland?").answered


def test_unreachable_server_is_one_clear_error(article_corpus: Path, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    result = briefing("ask", ALBANIA, "--corpus", str(article_corpus), "--chroma-url", url)
    assert result.returncode == 2
    assert url in flat(result.stderr) and "chroma run" in flat(result.stderr)
    assert "or use the local index (no server); for that, drop --chroma-url and BRIEFING_CHROMA_URL" in flat(
        result.stderr
    )
    assert "Traceback" not in result.stderr + result.stdout
