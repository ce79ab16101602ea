"""The optional generative composer. A hosted language model cannot run here, so a
scripted fake stands in for it (like llm's MockModel.enqueue); the HTTP client is tested
against a real local server speaking the chat-completions protocol. Everything else
(index, retrieval, verifier) is real."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from assistant import Assistant
from assistant.citations import markers
from assistant.errors import ConfigError
from assistant.generative import GenerativeComposer, OpenAICompatibleModel

Reply = Callable[[str], str]  # the user message (with its numbered sources) -> the reply


class ScriptedModel:
    """A fake chat model: replies are queued functions of the user message (source
    numbers depend on retrieval, so a reply is written once the sources are known)."""

    def __init__(self) -> None:
        self.replies: list[Reply] = []
        self.calls: list[tuple[str, str]] = []

    def enqueue(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    def complete(self, system: str, user: str) -> str:
        self.calls.append((system, user))
        return self.replies.pop(0)(user)


@pytest.fixture(scope="module")
def scripted(
    article_corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Assistant, ScriptedModel]]:
    model = ScriptedModel()
    bot = Assistant(corpus=article_corpus, index_dir=tmp_path_factory.mktemp("gen") / "idx", llm=model)
    yield bot, model


def source_number(user: str, fragment: str) -> int:
    line = next(line for line in user.splitlines() if fragment in line)
    return int(line[1 : line.index("]")])


def test_a_marked_reply_becomes_cited_and_verified(scripted: tuple[Assistant, ScriptedModel]) -> None:
    bot, model = scripted
    composer = bot.composer
    assert isinstance(composer, GenerativeComposer)
    ruled_out = "publicly ruled out participation"
    model.enqueue(
        # "No." carries no marker: the reply breaks the rules and is not used.
        lambda user: (
            f"No. Albania has publicly ruled out taking part in any such deal [{source_number(user, ruled_out)}]."
        ),
        lambda user: f"Albania has publicly ruled out taking part in any such deal [{source_number(user, ruled_out)}].",
    )
    answer = bot.ask("Did Albania agree to host a UK return hub?")
    system, user = model.calls[-1]
    assert "Use only what the sources say" in system and "Question: Did Albania agree" in user
    assert composer.last_rejection is not None and "no marker" in composer.last_rejection
    assert answer.text.startswith("No: Albania, however")  # the extractive answer

    answer = bot.ask("Did Albania agree to host a UK return hub?")
    assert composer.last_rejection is None
    assert answer.text == "Albania has publicly ruled out taking part in any such deal [1]."
    assert markers(answer.text) == [1] and len(answer.citations) == 1
    c = answer.citations[0]
    assert bot.document(c.doc_id).text[c.start : c.end] == c.quote
    assert ruled_out in c.quote


def test_unknown_source_numbers_fall_back(scripted: tuple[Assistant, ScriptedModel]) -> None:
    bot, model = scripted
    model.enqueue(lambda user: "Albania agreed [42].")
    answer = bot.ask("Did Albania agree to host a UK return hub?")
    assert isinstance(bot.composer, GenerativeComposer)
    assert bot.composer.last_rejection == "marker [42] names no source"
    assert "agreed" not in answer.text and answer.text.startswith("No:")


def test_model_is_not_asked_when_the_sources_do_not_answer(scripted: tuple[Assistant, ScriptedModel]) -> None:
    bot, model = scripted
    before = len(model.calls)
    answer = bot.ask("What is the capital of France?")
    assert not answer.answered and len(model.calls) == before


class ChatServer(BaseHTTPRequestHandler):
    """A real HTTP server speaking just enough of /v1/chat/completions."""

    received: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        ChatServer.received.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        reply = {"choices": [{"message": {"role": "assistant", "content": "Hello [1]."}}]}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


def test_openai_compatible_client_against_a_local_server() -> None:
    server = HTTPServer(("127.0.0.1", 0), ChatServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        model = OpenAICompatibleModel(f"http://127.0.0.1:{server.server_port}/v1", "tiny", api_key="k")
        assert model.complete("system text", "user text") == "Hello [1]."
        sent = ChatServer.received[-1]
        assert sent["path"] == "/v1/chat/completions" and sent["auth"] == "Bearer k"
        assert sent["body"]["model"] == "tiny" and sent["body"]["messages"][1]["content"] == "user text"
    finally:
        server.shutdown()
        server.server_close()
    with pytest.raises(ConfigError, match="BRIEFING_LLM_URL"):
        OpenAICompatibleModel(f"http://127.0.0.1:{server.server_port}/v1", "tiny", timeout=2).complete("s", "u")
