"""Item 10 of issue 12, from a user's shell and over the HTTP API: malformed input gets one
line saying what to do and exit 2 (or a plain API error), never a traceback, and a bad line
typed in an interactive session does not end it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.procs import DOCUMENTS, Run, briefing, no_traceback

pytestmark = pytest.mark.slow


def _refused(run: Run, says: str) -> None:
    no_traceback(run)
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert run.stderr.startswith("error: ") and len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert says in run.err, run.err


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://127.0.0.1:99999", "the Chroma URL 'http://127.0.0.1:99999' cannot be read (Port out of range"),
        ("http://[::1", "the Chroma URL 'http://[::1' cannot be read (Invalid IPv6 URL)"),
        ("127.0.0.1:8000", "is not an http(s)://HOST:PORT address"),
    ],
)
def test_a_malformed_chroma_url_is_one_line(corpus: Path, url: str, says: str) -> None:
    _refused(briefing("ask", "--corpus", str(corpus), "--chroma-url", url, "Did the strike end?"), says)


def test_bytes_that_are_not_utf8_on_the_command_line(corpus: Path, tmp_path: Path) -> None:
    index = str(tmp_path / "index")
    _refused(
        briefing("ask", "--corpus", str(corpus), "--index-dir", index, b"Did the strike \xff end?"),
        "the question holds bytes that are not UTF-8 text",
    )
    _refused(
        briefing("ingest", "--corpus", str(corpus), "--index-dir", str(tmp_path).encode() + b"/idx\xe9"),
        "is not UTF-8 text, which Chroma cannot open",
    )
    latin = tmp_path / "d\udce9p\udcf4ts"  # a folder named in Latin-1
    latin.mkdir()
    (latin / "note.txt").write_text("Rents rose in May.\n", encoding="utf-8")
    _refused(
        briefing("ingest", "--corpus", str(latin).encode("utf-8", "surrogateescape"), "--index-dir", index),
        "is not UTF-8 text, and documents are named by their paths: rename the folder",
    )
    missing = str(tmp_path).encode() + b"/nowhere\xff"  # no --index-dir: the default one is named from it
    _refused(briefing("ask", "--corpus", missing, "Did the strike end?"), "does not exist")


def test_a_file_named_in_another_encoding_is_skipped_and_the_rest_indexed(corpus: Path, tmp_path: Path) -> None:
    (corpus / "r\udce9sum\udce9.txt").write_text("The ferry runs hourly.\n", encoding="utf-8")
    run = briefing("ingest", "--corpus", str(corpus), "--index-dir", str(tmp_path / "index"))
    no_traceback(run)
    assert run.returncode == 0, run.stderr
    assert "warning: skipped r\\udce9sum\\udce9.txt: its name is not UTF-8 text" in run.stderr
    assert f"{len(DOCUMENTS)} added" in run.out and "1 skipped" in run.out


def test_a_bad_line_in_an_interactive_session_does_not_end_it(corpus: Path, tmp_path: Path) -> None:
    typed = "Did the dock workers end the strike?\nWhat about \udcfe\udcff this?\nWhen will Valencia allow pools?\n"
    run = briefing("ask", "--corpus", str(corpus), "--index-dir", str(tmp_path / "index"), stdin=typed)
    no_traceback(run)
    assert run.returncode == 0, run.stderr
    assert "the question holds bytes that are not UTF-8 text" in run.out + run.err
    assert "end a strike that had lasted ten days" in run.out and "until October" in run.out


def _call(url: str, api: str, data: list[object]) -> str:
    """POST ``data`` (JSON with ASCII escapes) to a Gradio API route; the result event's text."""
    import json
    import urllib.request

    body = json.dumps({"data": data}).encode("ascii")
    request = urllib.request.Request(
        f"{url}gradio_api/call/{api}", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        event_id = json.loads(response.read())["event_id"]
    with urllib.request.urlopen(f"{url}gradio_api/call/{api}/{event_id}", timeout=120) as response:
        return response.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from tests.test_ui_server import AppServer

    server = AppServer.start(tmp_path_factory.mktemp("app"))
    yield server
    server.stop()


def test_the_api_refuses_bad_text_and_long_histories_plainly(app: object) -> None:
    from gradio_client.exceptions import AppError

    from tests.test_ui_server import client

    c = client(app.url)  # type: ignore[attr-defined]
    question = "Did Albania agree to host a UK return hub?"
    # gradio_client cannot send a lone surrogate (it encodes its JSON as UTF-8); JSON's
    # \udcff escape can carry one, so the request is written by hand.
    event = _call(app.url, "ask", ["Did Albania \udcff agree to host a hub?", None, None])  # type: ignore[attr-defined]
    assert event.startswith("event: error") and "not UTF-8" in event, event
    with pytest.raises(AppError, match="over the limit of 60,000: start a new conversation"):
        c.predict(question, [["Who spoke?", "x" * 5_000]] * 20, api_name="/ask")
    with pytest.raises(AppError, match="history must be a list of"):
        c.predict(question, "not a list", api_name="/ask")
    answer = c.predict(question, [["Who spoke?", "The Prime Minister."]] * 500, api_name="/ask")  # the last 20 are read
    assert "ruled out" in answer["text"]
