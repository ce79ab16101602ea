"""The Gradio app as users and scripts reach it: ``python app.py`` in a subprocess, called
through ``gradio_client``; plus the host/authentication rule, which needs no server."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from servers import free_port

from assistant.errors import ConfigError
from assistant.logins import FREE_FAILURES, delay_after
from assistant.ui import check_exposure, is_loopback, parse_auth

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
START_TIMEOUT = 240.0


@dataclass
class AppServer:
    """``python app.py`` running on a free port of 127.0.0.1, with its own index folder."""

    url: str
    corpus: Path
    process: subprocess.Popen[bytes]
    log: Path

    @classmethod
    def start(cls, workdir: Path, *extra_args: str, env: dict[str, str] | None = None) -> AppServer:
        corpus = workdir / "corpus"
        shutil.copytree(CORPUS, corpus)
        port = free_port()
        log = workdir / "app.log"
        environ = {
            **os.environ,
            "BRIEFING_CORPUS": str(corpus),
            "BRIEFING_INDEX_DIR": str(workdir / "index"),
            "PYTHONUNBUFFERED": "1",
            **(env or {}),
        }
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, str(ROOT / "app.py"), "--port", str(port), *extra_args],
                cwd=ROOT,
                env=environ,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        server = cls(f"http://127.0.0.1:{port}/", corpus, process, log)
        server.wait_ready()
        return server

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"app.py exited with {self.process.returncode}:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(self.url + "gradio_api/info", timeout=2):
                    return
            except urllib.error.HTTPError:  # it answers (401 behind a login): it is up
                return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise AssertionError(f"app.py did not start in {START_TIMEOUT:.0f}s:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def document_text(self, doc_id: str) -> str:
        return (self.corpus / doc_id).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    app = AppServer.start(tmp_path_factory.mktemp("app"))
    yield app
    app.stop()


def client(url: str, **kw: object):  # type: ignore[no-untyped-def]
    from gradio_client import Client

    return Client(url, verbose=False, download_files=False, **kw)


def assert_citations_verbatim(app: AppServer, answer: dict) -> None:
    assert answer["citations"], answer
    for c in answer["citations"]:
        assert app.document_text(c["doc_id"])[c["start"] : c["end"]] == c["quote"], c


# -- the host / authentication rule (no server needed) --------------------------------


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.5", False),
        ("example.org", False),
        ("", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_non_loopback_needs_users(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="BRIEFING_AUTH=user:password"):
        check_exposure("0.0.0.0", None, None)
    assert check_exposure("127.0.0.1", None, None) is None
    assert check_exposure("0.0.0.0", "ann:pw", None) == [("ann", "pw")]
    users = tmp_path / "users"
    users.write_text("# team\nann:pw1\n\nbob : p:w2\n", encoding="utf-8")
    assert check_exposure("0.0.0.0", None, users) == [("ann", "pw1"), ("bob", " p:w2")]


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        ("nocolon-s3cret", "BRIEFING_AUTH has no ':' between user and password"),
        (":s3cret", "BRIEFING_AUTH has an empty user name"),
        ("ann:", "BRIEFING_AUTH has an empty password"),
        ("  :  ", "BRIEFING_AUTH has an empty user name"),
    ],
)
def test_bad_auth_says_what_is_wrong_without_echoing_it(bad: str, problem: str) -> None:
    with pytest.raises(ConfigError) as refused:
        parse_auth(bad, None)
    message = str(refused.value)
    assert message.startswith(problem) and "write it as user:password (e.g. BRIEFING_AUTH=analyst:secret)" in message
    assert "s3cret" not in message


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("ann:pw\nbob\n", "users line 2 has no ':' between user and password"),
        ("# nobody yet\n\n", "holds no users: add one user:password per line"),
        ("", "holds no users"),
    ],
)
def test_a_bad_auth_file_is_refused_with_its_line(tmp_path: Path, text: str, problem: str) -> None:
    users = tmp_path / "users"
    users.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem):
        parse_auth(None, users)
    with pytest.raises(ConfigError, match=problem):
        parse_auth("ann:pw", users)  # an empty file is a mistake even beside BRIEFING_AUTH


def test_an_unreadable_auth_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"No such file.*point BRIEFING_AUTH_FILE at a readable file"):
        parse_auth(None, tmp_path / "absent")
    latin = tmp_path / "latin"
    latin.write_bytes("jos\xe9:pw\n".encode("latin-1"))
    with pytest.raises(ConfigError, match="not UTF-8 text"):
        parse_auth(None, latin)


def test_app_refuses_a_public_host_without_auth_before_loading_anything(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFING_AUTH")}
    env["BRIEFING_CORPUS"] = str(tmp_path / "no-such-corpus")  # proves the corpus is never read
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "--host", "0.0.0.0", "--port", str(free_port())],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "refusing to serve on 0.0.0.0 without authentication" in done.stderr
    assert "BRIEFING_AUTH=user:password" in done.stderr and "Traceback" not in done.stderr
    assert "in the server's environment" in done.stderr and "--host 127.0.0.1" in done.stderr
    assert time.monotonic() - started < 60


# -- a real server ------------------------------------------------------------------------


@pytest.mark.slow
def test_ask_endpoint_albania_declined(server: AppServer) -> None:
    answer = client(server.url).predict("Did Albania agree to host one of the UK's return hubs?", api_name="/ask")
    assert answer["answered"] is True
    assert answer["behaviour"] in ("answer", "correct_premise")
    assert "ruled out" in answer["text"] or "said no" in answer["text"]
    assert_citations_verbatim(server, answer)
    markers = sorted(int(m) for m in re.findall(r"\[(\d+)\]", answer["text"]))
    assert sorted(set(markers)) == [c["marker"] for c in answer["citations"]]


@pytest.mark.slow
def test_ask_endpoint_uses_history(server: AppServer) -> None:
    history = [["Who is the Prime Minister of Albania?", "Edi Rama."]]
    answer = client(server.url).predict("What did he say about Albania's involvement?", history, api_name="/ask")
    assert "loyal to our marriage with Italy" in answer["text"]
    assert_citations_verbatim(server, answer)


@pytest.mark.slow
def test_ask_endpoint_declines_and_reports_errors(server: AppServer) -> None:
    from gradio_client.exceptions import AppError

    c = client(server.url)
    declined = c.predict("What did the French President say about the hubs?", api_name="/ask")
    assert declined["answered"] is False and declined["behaviour"] == "decline"
    assert all(x["related"] for x in declined["citations"])
    with pytest.raises(AppError, match=r"(?i)question"):
        c.predict("   ", api_name="/ask")


# Each conversation: two questions asked in turn, each with its own growing history;
# every answer must carry its own question and the fact that answers it.
CONVERSATIONS = [
    [
        ("How many people have crossed the Channel so far in 2025?", "12,000"),
        ("What drop in Albanian arrivals does the government claim?", "95%"),
    ],
    [
        ("Which country will join the Joint Migration Task Force?", "North Macedonia"),
        ("Who branded the trip an embarrassment?", "Chris Philp"),
    ],
    [
        ("Did Albania agree to host a return hub?", "ruled out"),
        ("What did Rama say about Albania's involvement?", "marriage with Italy"),
    ],
    [
        ("Who would the hubs be used for?", "no remaining right to appeal"),
        ("Which scheme did Sir Keir cancel?", "Rwanda"),
    ],
]


@pytest.mark.slow
def test_twenty_concurrent_requests_keep_their_own_conversations(server: AppServer) -> None:
    def run(conv: int) -> list[tuple[str, str, dict]]:
        own = client(server.url)  # one client per conversation, as separate users would
        history: list[list[str]] = []
        results = []
        for question, fact in CONVERSATIONS[conv]:
            answer = own.predict(question, history, api_name="/ask")
            results.append((question, fact, answer))
            history.append([question, answer["text"]])
        return results

    # 20 clients (4 conversations x 5) at once, 2 turns each: 40 requests, 20 in flight.
    jobs = [conv for _ in range(5) for conv in range(len(CONVERSATIONS))]
    with ThreadPoolExecutor(max_workers=20) as pool:
        results = [r for batch in pool.map(run, jobs) for r in batch]
    assert len(results) == 40
    for question, fact, answer in results:
        assert answer["question"] == question
        assert fact in answer["text"], (question, answer["text"])
        assert_citations_verbatim(server, answer)


@pytest.mark.slow
def test_authenticated_server_on_all_interfaces(tmp_path: Path) -> None:
    users = tmp_path / "users.txt"
    users.write_text("ann:correct horse\n", encoding="utf-8")
    app = AppServer.start(tmp_path, "--host", "0.0.0.0", env={"BRIEFING_AUTH_FILE": str(users)})
    try:
        with pytest.raises(Exception):  # noqa: B017  (gradio_client raises different errors by version)
            client(app.url).predict("Did Albania agree to host a return hub?", api_name="/ask")
        answer = client(app.url, auth=("ann", "correct horse")).predict(
            "Did Albania agree to host a return hub?", api_name="/ask"
        )
        assert "ruled out" in answer["text"]

        # Someone guessing from another address (127.0.0.2 reaches the same machine) is
        # slowed down; the user's right password from 127.0.0.1 is not. After FREE_FAILURES + 3
        # wrong passwords the guesser's next attempt waits delay_after(FREE_FAILURES + 3) = 4 s;
        # the user's login must take well under that (a margin wide enough for a busy machine:
        # this asserts who is throttled, not how fast a login is).
        wrong = FREE_FAILURES + 3
        guesses = [_login(app.url, "ann", f"guess{i}", "127.0.0.2") for i in range(wrong)]
        assert [status for status, _ in guesses] == [400] * wrong
        assert guesses[-1][1] >= 0.9 * delay_after(wrong - 1)  # the last wrong password waited
        pending = delay_after(wrong)
        status, seconds = _login(app.url, "ann", "correct horse", "127.0.0.1")
        assert status == 200 and seconds < pending / 2, seconds
        status, seconds = _login(app.url, "ann", "correct horse", "127.0.0.2")
        assert status == 200 and seconds >= 0.9 * pending, seconds  # the guesser waits, then gets in
    finally:
        app.stop()


def _login(url: str, user: str, password: str, source: str) -> tuple[int, float]:
    """POST Gradio's login form from the address ``source``: (HTTP status, seconds taken)."""
    import http.client
    from urllib.parse import urlencode, urlsplit

    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=60, source_address=(source, 0))
    started = time.monotonic()
    try:
        body = urlencode({"username": user, "password": password})
        connection.request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded"})
        status = connection.getresponse().status
    finally:
        connection.close()
    return status, time.monotonic() - started


@pytest.mark.slow
def test_ask_endpoint_limits_a_question_to_chosen_documents(server: AppServer) -> None:
    from gradio_client.exceptions import AppError

    c = client(server.url)
    article = "000_c1187ead2ec13693.txt"
    answer = c.predict("Did Albania agree to host a return hub?", [], [article], api_name="/ask")
    assert "ruled out" in answer["text"] and {x["doc_id"] for x in answer["citations"]} == {article}
    with pytest.raises(AppError, match=r"no document 'nope\.txt'"):
        c.predict("Did Albania agree to host a return hub?", [], ["nope.txt"], api_name="/ask")


@pytest.mark.slow
def test_serve_says_when_another_ingest_is_writing_its_index(tmp_path: Path) -> None:
    """``briefing serve`` builds its engine as every command does, notices included: with
    another process holding the index's writer lock it says it waits, as ``ingest`` does."""
    from test_locks import holder

    from assistant.locks import index_lock_path
    from assistant.settings import default_collection

    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(CORPUS, corpus)
    other = holder(index_lock_path(index, default_collection(corpus)), 120.0)
    log = tmp_path / "serve.log"
    env = {**os.environ, "BRIEFING_CORPUS": str(corpus), "BRIEFING_INDEX_DIR": str(index), "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py"), "--port", str(free_port())],
            cwd=ROOT,
            env=env,
            stderr=out,
            stdout=out,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while "is writing this index: waiting for it to finish" not in log.read_text(encoding="utf-8"):
            assert server.poll() is None and time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.5)
        assert f"another ingest (pid {other.pid} on " in log.read_text(encoding="utf-8")
    finally:
        for process in (server, other):
            process.kill()
            process.wait()
