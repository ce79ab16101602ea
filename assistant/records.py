"""Plain records passed between pipeline stages.

They are frozen dataclasses, never framework objects, so every stage can be tested
alone and LangChain, Chroma and Gradio stay behind their own boundaries. Offsets are
character offsets into ``Document.text`` (Python ``str`` indices).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SentenceKind = Literal["sentence", "heading", "bullet"]
Behaviour = Literal["answer", "decline", "correct_premise"]


@dataclass(frozen=True)
class Document:
    """One file of the corpus, its text exactly as stored on disk (decoded UTF-8)."""

    doc_id: str  # the file's path relative to the corpus folder, POSIX style
    text: str
    title: str
    content_hash: str  # sha256 of text and metadata: changes when either changes
    kind: str = "document"
    date: str | None = None
    source_url: str | None = None
    path: str = ""  # absolute path when loaded from disk
    outlet: str | None = None  # who published it ("The Guardian", "Home Office")
    author: str | None = None  # byline; several authors joined by ", "


@dataclass(frozen=True)
class Sentence:
    """One sentence, heading or bullet of a document, with its exact span."""

    sentence_id: str  # "<doc_id>#s<ordinal>": stable while the document text is unchanged
    doc_id: str
    ordinal: int
    start: int
    end: int
    text: str  # == document.text[start:end]
    kind: SentenceKind = "sentence"
    section: str | None = None  # the heading the sentence sits under
    lead_in: str | None = None  # for a bullet: the line that introduces the list
    paragraph: int = 0  # index of the paragraph (block of lines) holding the sentence
    addressed: bool = False  # speaks to an AI assistant ("SYSTEM: ignore ..."): see assistant.instructions

    @property
    def citable(self) -> bool:
        """Headings give context but are never cited as evidence, and neither are
        sentences that address the assistant instead of a reader."""
        return self.kind != "heading" and not self.addressed


@dataclass(frozen=True)
class Chunk:
    """A small window of sentences, embedded for retrieval with its section as context."""

    chunk_id: str
    doc_id: str
    sentence_ids: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Hit:
    """A retrieved sentence with the scores that ranked it."""

    sentence: Sentence
    score: float  # fused rank score, higher is better
    dense: float = 0.0  # cosine similarity of the sentence (with its context) to the query
    context: float = 0.0  # cosine similarity of the best chunk that holds the sentence
    lexical: float = 0.0  # BM25 score of the sentence


@dataclass(frozen=True)
class Citation:
    """One numbered citation: the verbatim quote and where it sits in its document."""

    marker: int
    doc_id: str
    sentence_id: str
    quote: str
    start: int
    end: int
    title: str = ""
    section: str | None = None
    lead_in: str | None = None
    related: bool = False  # shown as related reading, not as evidence for the answer
    kind: str | None = None  # the document's kind ("news report"), date and source address
    date: str | None = None
    source_url: str | None = None
    outlet: str | None = None  # the document's publisher and byline, for naming the source
    author: str | None = None
    also_in: tuple[str, ...] = ()  # other documents that hold the same sentence word for word

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def of(cls, marker: int, sentence: Sentence, document: Document, related: bool = False) -> Citation:
        """The citation of ``sentence`` (of ``document``) under marker ``marker``."""
        return cls(
            marker=marker,
            doc_id=sentence.doc_id,
            sentence_id=sentence.sentence_id,
            quote=sentence.text,
            start=sentence.start,
            end=sentence.end,
            title=document.title,
            section=sentence.section,
            lead_in=sentence.lead_in,
            related=related,
            kind=document.kind,
            date=document.date,
            source_url=document.source_url,
            outlet=document.outlet,
            author=document.author,
        )


@dataclass(frozen=True)
class ShortAnswer:
    """The phrase that answers a wh-question, verbatim from the sentence cited as ``marker``."""

    text: str  # == document.text[start:end], inside the cited sentence
    marker: int
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Answer:
    """What the engine returns: text with inline markers [n] and one citation per marker."""

    question: str
    text: str
    answered: bool
    citations: list[Citation] = field(default_factory=list)
    behaviour: Behaviour = "answer"
    latency_ms: float = 0.0
    # Set by the generative composer: the model asked (None: no model was asked), whether
    # the text is its answer (True) or the extractive fallback, how many of its sentences
    # failed the claim checks, and whether the server failed to reply at all.
    model: str | None = None
    generated: bool = False
    dropped_sentences: int = 0
    model_failed: bool = False
    short_answer: ShortAnswer | None = None
    standalone_question: str | None = None  # a follow-up rewritten to read alone
    reason: str = ""  # why the composer answered or declined, for logs and failing eval cases

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "text": self.text,
            "answered": self.answered,
            "behaviour": self.behaviour,
            "citations": [c.to_dict() for c in self.citations],
            "short_answer": self.short_answer.to_dict() if self.short_answer else None,
            "standalone_question": self.standalone_question,
            "reason": self.reason,
            "latency_ms": round(self.latency_ms, 2),
            "model": self.model,
            "generated": self.generated,
            "dropped_sentences": self.dropped_sentences,
            "model_failed": self.model_failed,
        }
