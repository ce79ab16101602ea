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

import assistant
from assistant import Assistant
from assistant.citations import markers
from assistant.errors import ConfigError, ModelServerError
from assistant.generative import GenerativeComposer, OpenAICompatibleModel, load_prompt

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
        # "No." carries no marker: that sentence is dropped, the rest is kept.
        lambda user: (
            f"No. Albania has publicly ruled out participation in any such deal [{source_number(user, ruled_out)}]."
        ),
    )
    answer = bot.ask("Did Albania agree to host a UK return hub?")
    system, user = model.calls[-1]
    assert "Use only what the sources say" in system and "Question: Did Albania agree" in user
    assert composer.last_rejection is None
    assert answer.text == "Albania has publicly ruled out participation in any such deal. [1]"
    assert answer.generated and answer.dropped_sentences == 1 and answer.model == "ScriptedModel"
    assert answer.to_dict()["generated"] is True and answer.to_dict()["dropped_sentences"] == 1
    assert markers(answer.text) == [1] and len(answer.citations) == 1
    c = answer.citations[0]
    assert bot.document(c.doc_id).text[c.start : c.end] == c.quote
    assert ruled_out in c.quote


def test_a_reply_that_fails_the_checks_falls_back(scripted: tuple[Assistant, ScriptedModel]) -> None:
    bot, model = scripted
    ruled_out = "publicly ruled out participation"
    # "taking part" is not in the source: a paraphrase with new words is dropped, not judged.
    model.enqueue(
        lambda user: f"Albania has publicly agreed to take part in the deal [{source_number(user, ruled_out)}]."
    )
    answer = bot.ask("Did Albania agree to host a UK return hub?")
    assert isinstance(bot.composer, GenerativeComposer)
    assert bot.composer.last_rejection == "no sentence of the model's answer passed the checks"
    assert answer.text.startswith("No: Albania, however")  # the extractive answer
    assert not answer.generated and answer.dropped_sentences == 1 and answer.model == "ScriptedModel"


def test_a_sentence_repeated_with_every_marker_is_kept_once(scripted: tuple[Assistant, ScriptedModel]) -> None:
    """The failure the issue reported: one invented sentence repeated with each marker."""
    bot, model = scripted
    claim = "The UK government will also invest £1 million in Albania’s digital forensics"

    def reply(user: str) -> str:
        n = sum(1 for line in user.splitlines() if line.startswith("["))
        return " ".join(f"{claim} [{i}]." for i in range(1, n + 1))

    model.enqueue(reply)
    answer = bot.ask("How much will the UK invest in Albania's digital forensics?")
    assert answer.generated, bot.composer.last_verdicts  # type: ignore[union-attr]
    assert answer.text == f"{claim}. [1]" and len(answer.citations) == 1
    assert "Invest £1 million" in answer.citations[0].quote
    assert answer.dropped_sentences >= 2


def test_leading_markers_are_moved_after_their_sentence(scripted: tuple[Assistant, ScriptedModel]) -> None:
    """A small model often writes "[2] Sentence. [1] Sentence."; a reader takes a marker for
    the sentence before it, so each kept sentence is written with its markers after it."""
    bot, model = scripted
    ruled_out = "publicly ruled out participation"
    model.enqueue(
        lambda user: (
            f"[{source_number(user, ruled_out)}] Albania has publicly ruled out participation in any such deal. "
            "[1] Albania agreed to host the hubs."
        )
    )
    answer = bot.ask("Did Albania agree to host a UK return hub?")
    assert answer.generated and answer.dropped_sentences == 1
    assert answer.text == "Albania has publicly ruled out participation in any such deal. [1]"


def test_unknown_source_numbers_fall_back(scripted: tuple[Assistant, ScriptedModel]) -> None:
    bot, model = scripted
    model.enqueue(lambda user: "Albania agreed [42].")
    answer = bot.ask("Did Albania agree to host a UK return hub?")
    assert isinstance(bot.composer, GenerativeComposer)
    assert bot.composer.last_verdicts[0].reason == "marker [42] names no source"
    assert "agreed" not in answer.text and answer.text.startswith("No:")


def test_a_server_failure_falls_back(scripted: tuple[Assistant, ScriptedModel]) -> None:
    bot, model = scripted

    def fail(user: str) -> str:
        raise ModelServerError("the language model server at http://127.0.0.1:1/v1 failed")

    model.enqueue(fail)
    answer = bot.ask("Did Albania agree to host a UK return hub?")
    assert answer.text.startswith("No:") and answer.model_failed and not answer.generated


def test_the_prompt_ships_in_the_package() -> None:
    assert "NOT IN SOURCES" in load_prompt()
    assert (Path(assistant.__file__).parent / "prompts" / "compose.md").is_file()


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
        assert sent["body"]["max_tokens"] == 300
    finally:
        server.shutdown()
        server.server_close()
    with pytest.raises(ModelServerError, match="check that it runs and that this is its address") as failed:
        OpenAICompatibleModel(f"http://127.0.0.1:{server.server_port}/v1", "tiny", timeout=2).complete("s", "u")
    assert not isinstance(failed.value, ConfigError)
    assert "BRIEFING_LLM_URL" in str(failed.value.hint)  # the environment variable is the CLI's hint only
