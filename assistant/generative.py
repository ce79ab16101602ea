"""An optional generative composer: a language model rewrites the evidence, every sentence
of its answer is checked against what it cites, and only sentences that pass are shown.

Scope: any server that speaks the OpenAI chat-completions protocol (llama.cpp's server,
Ollama's ``/v1``, vLLM, a hosted API). The extractive composer decides first whether the
sources answer at all: the model never answers what it declines. Otherwise the model sees
the question and the best sentences as numbered sources, with the prompt shipped in the
package (``assistant/prompts/compose.md``), and must end every sentence with markers
naming its sources. Then, before anything is shown:

1. Each sentence of the reply goes through the claim checks of ``assistant.claims``
   (markers, numbers, names, quotations, content words, each citation's share,
   polarity, repetition); a sentence that fails is dropped.
   A sentence must also cite one of the sentences the extractive composer chose (the
   evidence), so the model cannot pad its answer with other sources.
2. ``too_little`` decides whether what is left still answers: at least one sentence, and
   the number asked for when the question asks for one and the evidence has it.
   Otherwise the extractive answer is given instead.
3. The kept sentences' markers are renumbered, placed after each sentence, and turned
   into citations; the engine's verifier checks them like any other.

The answer records the model's name, whether it was used (``generated``) and how many of
its sentences were dropped. A server that fails or replies out of protocol raises
``ModelServerError`` inside the client; the composer answers extractively instead.

Left out: streaming tokens (a sentence cannot be shown before it is checked), tool calls,
and any judgement of meaning beyond the lexical checks (no NLI model runs offline).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Protocol

from assistant.claims import Source, Verdict, check_reply, quantities, without_markers
from assistant.compose import ExtractiveComposer
from assistant.errors import ModelError, ModelServerError
from assistant.question import Question
from assistant.records import Answer, Citation, Hit, Sentence

PROMPT = "prompts/compose.md"  # inside the package
NOT_IN_SOURCES = "NOT IN SOURCES"
MAX_SOURCES = 8


def load_prompt() -> str:
    """The composer's system prompt, shipped inside the ``assistant`` package."""
    path = resources.files("assistant").joinpath(PROMPT)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ModelError(
            f"the prompt of the generative composer ({path}) is missing from the installed package: "
            "reinstall briefing-assistant, or pass prompt= to GenerativeComposer"
        ) from exc


class ChatModel(Protocol):
    """A chat model: a system prompt and a user message in, the reply text out.

    ``complete`` raises ``ModelServerError`` when the model cannot reply."""

    def complete(self, system: str, user: str) -> str: ...


@dataclass
class OpenAICompatibleModel:
    """A model behind an OpenAI-compatible ``/chat/completions`` endpoint."""

    base_url: str  # e.g. http://127.0.0.1:11434/v1
    model: str
    api_key: str | None = None
    timeout: float = 60.0
    temperature: float = 0.0
    max_tokens: int = 300  # answers are at most a few sentences; a rambling model is cut off

    def complete(self, system: str, user: str) -> str:
        import httpx

        url = self.base_url.rstrip("/") + "/chat/completions"
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        body = {
            "model": self.model,
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
        }
        try:
            response = httpx.post(url, json=body, headers=headers, timeout=self.timeout)
            response.raise_for_status()
            return str(response.json()["choices"][0]["message"]["content"])
        except httpx.HTTPError as exc:
            raise ModelServerError(
                f"the language model server at {url} failed ({exc}): check that it runs and that this is its address",
                hint="BRIEFING_LLM_URL sets the address",
            ) from exc
        except (KeyError, IndexError, TypeError, json.JSONDecodeError) as exc:
            raise ModelServerError(
                f"the language model server at {url} sent a reply that is not a chat completion ({exc})"
            ) from exc


def model_name(model: ChatModel) -> str:
    """The name a reader sees for a model: its ``model`` attribute, else its class name."""
    name = getattr(model, "model", None)
    return name if isinstance(name, str) and name else type(model).__name__


def too_little(question: Question, kept: list[Verdict], extractive: Answer) -> str | None:
    """Why the sentences that passed the checks do not make an answer, or None if they do."""
    if not kept:
        return "no sentence of the model's answer passed the checks"
    asks_number = question.answer_type in ("amount", "count") and quantities(without_markers(extractive.text))
    if asks_number and not any(quantities(without_markers(v.claim)) for v in kept):
        return "the kept sentences leave out the number the question asks for"
    return None


@dataclass
class GenerativeComposer:
    """Answers written by a language model over the extractive composer's evidence, kept
    sentence by sentence only where they pass the claim checks."""

    model: ChatModel
    fallback: ExtractiveComposer
    prompt: str = field(default_factory=load_prompt)
    # The last question's outcome, for logs and tests (not for concurrent callers).
    last_rejection: str | None = None
    last_reply: str | None = None
    last_verdicts: list[Verdict] = field(default_factory=list)

    def compose(self, question: Question, hits: list[Hit]) -> Answer:
        extractive = self.fallback.compose(question, hits)
        self.last_reply, self.last_verdicts, self.last_rejection = None, [], None
        if not extractive.answered:
            return extractive  # the model never answers what the evidence does not
        name = model_name(self.model)
        sources = self._sources(extractive, hits)
        try:
            reply = self.model.complete(self.prompt, self._message(question, sources)).strip()
        except ModelServerError as exc:
            self.last_rejection = str(exc)
            return replace(extractive, model=name, model_failed=True)
        self.last_reply = reply
        if reply.upper().startswith(NOT_IN_SOURCES):
            self.last_rejection = "the model found no answer in the sources"
            return replace(extractive, model=name)
        # The extractive answer's sentences are the evidence: every kept sentence cites one.
        evidence = {n for n, s in enumerate(sources, start=1) if s.sentence_id in self._cited(extractive)}
        verdicts = check_reply(reply, [Source(s.text, s.lead_in) for s in sources], evidence)
        self.last_verdicts = verdicts
        kept = [v for v in verdicts if v.passed]
        dropped = len(verdicts) - len(kept)
        self.last_rejection = too_little(question, kept, extractive)
        if self.last_rejection is not None:
            return replace(extractive, model=name, dropped_sentences=dropped)
        answer = self._answer(question, kept, sources)
        # The extractive answer's short answer points into its own text, so it is not carried over.
        return replace(
            answer,
            behaviour=extractive.behaviour,
            reason=extractive.reason,
            model=name,
            generated=True,
            dropped_sentences=dropped,
        )

    @staticmethod
    def _cited(answer: Answer) -> set[str]:
        return {c.sentence_id for c in answer.citations if not c.related}

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

    def _answer(self, question: Question, kept: list[Verdict], sources: list[Sentence]) -> Answer:
        """The kept sentences as one answer, markers renumbered 1..N by first appearance."""
        order: list[int] = []
        for verdict in kept:
            order.extend(n for n in verdict.markers if n not in order)
        renumber = {old: new for new, old in enumerate(order, start=1)}
        # Each sentence is written with its markers after it, however the model placed
        # them, so a reader never takes a marker for the next sentence's.
        pieces = [without_markers(v.claim) + " " + "".join(f"[{renumber[n]}]" for n in v.markers) for v in kept]
        documents = self.fallback.snapshot.documents
        citations = [Citation.of(renumber[old], sources[old - 1], documents[sources[old - 1].doc_id]) for old in order]
        return Answer(question=question.text, text=" ".join(pieces), answered=True, citations=citations)
