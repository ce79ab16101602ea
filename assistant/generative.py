"""An optional generative composer: a language model rewrites the evidence, the verifier checks it.

Scope: any server that speaks the OpenAI chat-completions protocol (vLLM, llama.cpp's
server, Ollama's ``/v1``, a hosted API). The model sees the question and the best
sentences as numbered sources, with the prompt in ``prompts/compose.md``, and must end
every sentence with markers naming its sources. Its answer is accepted only when every
sentence carries a marker and every marker names a listed source; the markers are then
renumbered and turned into citations of those sentences, and the engine's verifier
checks them like any other. Anything else (no marker, an unknown source, a server
error) falls back to the extractive answer, which is also what decides, before the model
is called, whether the sources answer at all: the model never answers what the extractive
composer declines.

Left out: streaming tokens, tool calls, and any check that a paraphrase says no more than
its sources (no NLI model runs offline); users who need verbatim answers keep the default.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from assistant.compose import ExtractiveComposer
from assistant.errors import ConfigError
from assistant.question import Question
from assistant.records import Answer, Citation, Hit, Sentence

PROMPT_FILE = Path(__file__).resolve().parents[1] / "prompts" / "compose.md"
NOT_IN_SOURCES = "NOT IN SOURCES"
MAX_SOURCES = 8
MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")


class ChatModel(Protocol):
    """A chat model: a system prompt and a user message in, the reply text out."""

    def complete(self, system: str, user: str) -> str: ...


@dataclass
class OpenAICompatibleModel:
    """A model behind an OpenAI-compatible ``/chat/completions`` endpoint."""

    base_url: str  # e.g. http://127.0.0.1:11434/v1
    model: str
    api_key: str | None = None
    timeout: float = 60.0
    temperature: float = 0.0

    def complete(self, system: str, user: str) -> str:
        import httpx

        url = self.base_url.rstrip("/") + "/chat/completions"
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        body = {
            "model": self.model,
            "temperature": self.temperature,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
        }
        try:
            response = httpx.post(url, json=body, headers=headers, timeout=self.timeout)
            response.raise_for_status()
            return str(response.json()["choices"][0]["message"]["content"])
        except httpx.HTTPError as exc:
            raise ConfigError(
                f"the language model at {url} failed ({exc}): check BRIEFING_LLM_URL and that the server runs"
            ) from exc
        except (KeyError, IndexError, TypeError, json.JSONDecodeError) as exc:
            raise ConfigError(
                f"the language model at {url} sent a reply that is not a chat completion ({exc})"
            ) from exc


@dataclass
class GenerativeComposer:
    """Answers written by a language model over the extractive composer's evidence."""

    model: ChatModel
    fallback: ExtractiveComposer
    prompt: str = field(default_factory=lambda: PROMPT_FILE.read_text(encoding="utf-8"))
    last_rejection: str | None = None  # why the last model answer was not used, for logs and tests

    def compose(self, question: Question, hits: list[Hit]) -> Answer:
        extractive = self.fallback.compose(question, hits)
        if not extractive.answered:
            return extractive  # the model never answers what the evidence does not
        sources = self._sources(extractive, hits)
        user = self._message(question, sources)
        try:
            reply = self.model.complete(self.prompt, user).strip()
        except ConfigError as exc:
            self.last_rejection = str(exc)
            return extractive
        if reply.upper().startswith(NOT_IN_SOURCES):
            self.last_rejection = "the model found no answer in the sources"
            return extractive
        answer = self._accept(question, reply, sources)
        if answer is None:
            return extractive
        return replace(answer, behaviour=extractive.behaviour)

    def _sources(self, extractive: Answer, hits: list[Hit]) -> list[Sentence]:
        """The extractive answer's sentences first, then the best other hits."""
        by_id = {h.sentence.sentence_id: h.sentence for h in hits}
        chosen = [self.fallback.snapshot.sentences[c.sentence_id] for c in extractive.citations]
        seen = {s.sentence_id for s in chosen}
        for sid, sentence in by_id.items():
            if len(chosen) >= MAX_SOURCES:
                break
            if sid not in seen and sentence.citable:
                chosen.append(sentence)
                seen.add(sid)
        return chosen

    def _message(self, question: Question, sources: list[Sentence]) -> str:
        lines = []
        for n, s in enumerate(sources, start=1):
            context = f" (under the line: {s.lead_in})" if s.lead_in else ""
            lines.append(f"[{n}] {s.text}{context}")
        return "Sources:\n" + "\n".join(lines) + f"\n\nQuestion: {question.focus}"

    def _accept(self, question: Question, reply: str, sources: list[Sentence]) -> Answer | None:
        """The model's reply as an answer with renumbered markers, or None if it breaks a rule."""
        sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", reply) if s.strip()]
        for sentence in sentences:
            if not MARKER.search(sentence):
                self.last_rejection = f"a sentence has no marker: {sentence[:80]!r}"
                return None
        order: list[int] = []
        for group in MARKER.findall(reply):
            for n in (int(x) for x in group.split(",")):
                if not 1 <= n <= len(sources):
                    self.last_rejection = f"marker [{n}] names no source"
                    return None
                if n not in order:
                    order.append(n)
        renumber = {old: new for new, old in enumerate(order, start=1)}

        def rewrite(match: re.Match[str]) -> str:
            return "".join(f"[{renumber[int(x)]}]" for x in match.group(1).split(","))

        text = MARKER.sub(rewrite, reply)
        documents = self.fallback.snapshot.documents
        citations = [Citation.of(renumber[old], sources[old - 1], documents[sources[old - 1].doc_id]) for old in order]
        self.last_rejection = None
        return Answer(question=question.text, text=text, answered=True, citations=citations)
