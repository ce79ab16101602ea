"""The one place that composes the stages into an assistant.

corpus -> sentences -> chunks -> index (Chroma + BM25) -> retrieval -> composition ->
citation verification -> ``Answer``. ``Assistant`` builds or refreshes the index when it
is missing or stale, then answers questions; the CLI, the Gradio app and the evals all
use it. It reads no environment variable: entry points pass ``Settings`` values in.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from assistant.briefing import Briefer, Briefing, briefing_request, verify_briefing
from assistant.calibrated import CalibratedComposer, RoutedComposer
from assistant.chunks import embedding_text
from assistant.citations import check_scope, verify
from assistant.compose import Composer, ExtractiveComposer
from assistant.corpus import MAX_FILE_BYTES, CorpusRead, Skipped, read_corpus
from assistant.embeddings import Embedder, QueryEncoderName
from assistant.errors import DocumentNotFound, IndexStoreError, QuestionError
from assistant.generative import ChatModel, GenerativeComposer
from assistant.index import Index, IngestSummary, Progress, Snapshot
from assistant.language import HINT as LANGUAGE_HINT
from assistant.language import looks_non_english
from assistant.locks import Notify
from assistant.question import MAX_QUESTION_CHARS, Question, analyse, validate
from assistant.records import Answer, Document, Hit, Sentence
from assistant.retrieval import Retriever
from assistant.savedindex import SavedIndex
from assistant.settings import default_collection, default_corpus, default_index_dir

if TYPE_CHECKING:
    from langchain_core.runnables import Runnable

    from assistant.langchain_views import SentenceRetriever

History = Sequence[tuple[str, str]]
RETRIEVE_K = 16


class Assistant:
    """Answers questions about a corpus folder with citations to its exact sentences.

    ``composer`` replaces the answer composer outright; ``llm`` (a ``ChatModel``, such as
    ``OpenAICompatibleModel``) turns on the generative composer over the extractive one.
    A file that cannot be read is skipped and listed in ``skipped`` (its earlier version,
    if indexed, is kept); ``strict=True`` refuses the corpus instead. Links to files
    outside the corpus folder are not followed unless ``follow_links``; files larger than
    ``max_file_bytes`` are skipped. ``notify`` receives one-line notices, such as "another
    ingest is writing this index: waiting" (two processes never write one index at once).
    ``query_encoder`` encodes questions: "numpy" (default, no torch) or
    "sentence-transformers" (the reference; same vectors, slower to start).
    ``calibrated`` chooses the extractive composer: True, the calibrated pipeline
    (``assistant.calibrated``: fitted answerability, direct answers, named sources,
    "Sources differ"; follow-ups rewritten before retrieval); False, the rule-based one;
    None (default), the calibrated pipeline for questions whose evidence spans documents
    and the rule-based one otherwise (``RoutedComposer``).

    >>> bot = Assistant()                                      # doctest: +SKIP
    >>> bot.ask("Did Albania agree to host a UK return hub?").answered   # doctest: +SKIP
    True
    """

    def __init__(
        self,
        corpus: str | Path | None = None,
        index_dir: str | Path | None = None,
        *,
        chroma_url: str | None = None,
        collection: str | None = None,
        composer: Composer | None = None,
        llm: ChatModel | None = None,
        max_question_chars: int = MAX_QUESTION_CHARS,
        progress: Progress | None = None,
        rebuild: bool = False,
        strict: bool = False,
        follow_links: bool = False,
        max_file_bytes: int | None = MAX_FILE_BYTES,
        notify: Notify | None = None,
        query_encoder: QueryEncoderName = "numpy",
        calibrated: bool | None = None,
    ) -> None:
        self.calibrated = calibrated
        self.corpus_dir = Path(corpus) if corpus is not None else default_corpus()
        self.index_dir = Path(index_dir) if index_dir is not None else default_index_dir(self.corpus_dir)
        self.max_question_chars = max_question_chars
        self._custom_composer = composer
        self._lock = ReadWriteLock()
        self._llm = llm
        self._read_options: dict[str, Any] = {
            "strict": strict,
            "follow_links": follow_links,
            "max_bytes": max_file_bytes,
        }
        found = self._read_corpus()  # fails before the index is touched
        documents = found.documents
        embedder, namespace = Embedder(query_encoder), collection or default_collection(self.corpus_dir)
        # An embedded index is read from its saved read copy when it has one (no chromadb).
        self.index: Index | SavedIndex = (
            Index(embedder, self.index_dir, chroma_url=chroma_url, namespace=namespace, notify=notify, rebuild=rebuild)
            if chroma_url or rebuild
            else SavedIndex(embedder, self.index_dir, namespace, notify=notify)
        )
        self.last_ingest: IngestSummary | None = None
        if rebuild or not self.index.is_current(documents):
            self.last_ingest = self.index.sync(documents, progress=progress, rebuild=rebuild, keep=found.keeps)
        self._load()

    def _read_corpus(self) -> CorpusRead:
        found = read_corpus(self.corpus_dir, **self._read_options)
        self.corpus_read = found
        return found

    @property
    def skipped(self) -> list[Skipped]:
        """Files of the corpus folder that the last read left out, each with its reason."""
        return list(self.corpus_read.skipped)

    def _load(self) -> None:
        # Read before the registry: a write that lands during the load is seen next time.
        self.generation = self.index.generation()
        self.snapshot = self.index.load()
        self.retriever = Retriever(self.index, self.snapshot)
        extractive: ExtractiveComposer | CalibratedComposer | RoutedComposer
        embedder = self.index.embedder
        rules = ExtractiveComposer(self.snapshot, self.retriever.idf, embedder.word_vectors)
        if self.calibrated is False:
            extractive = rules
        else:
            calibrated = CalibratedComposer(
                self.snapshot, self.retriever.idf, embedder.word_vectors, phrase_vectors=embedder.phrase_vectors
            )
            extractive = calibrated if self.calibrated else RoutedComposer(rules, calibrated)
        # Follow-ups are rewritten before retrieval for the calibrated pipeline (on a corpus
        # of several documents, where it answers).
        self._rewrite = bool(self.calibrated) or (self.calibrated is None and len(self.snapshot.documents) > 1)
        self.composer: Composer = self._custom_composer or (
            GenerativeComposer(self._llm, cast(ExtractiveComposer, extractive)) if self._llm is not None else extractive
        )
        self._record_of = {sid: rid for rid, sid in self.snapshot.by_record.items()}  # sentence -> vector id
        self.briefer = Briefer(self.snapshot, self._vectors, self._embed, self._search)
        self._steps = self._build_steps()

    def _build_steps(self) -> list[tuple[str, Any]]:
        """The pipeline, one step per stage, each taking the previous one's output:
        {"question", "history", "doc_ids"} -> (Question, doc_ids) -> (Question, hits) -> Answer
        -> verified Answer. ``ask`` calls them in turn; ``chain`` is the same steps as a
        LangChain runnable sequence."""
        snapshot, retriever, composer = self.snapshot, self.retriever, self.composer

        def understand(value: dict[str, Any]) -> tuple[Question, frozenset[str] | None]:
            text = validate(value["question"], self.max_question_chars)
            question = analyse(text, _check_history(value.get("history")), rewrite=self._rewrite)
            doc_ids = self._check_doc_ids(value.get("doc_ids"))
            return replace(question, scope=doc_ids), doc_ids

        def retrieve(found: tuple[Question, frozenset[str] | None]) -> tuple[Question, list[Hit]]:
            question, doc_ids = found
            return question, retriever.search(question.query, k=RETRIEVE_K, doc_ids=doc_ids)

        def compose(found: tuple[Question, list[Hit]]) -> Answer:
            answer = check_scope(composer.compose(*found), found[0].scope)
            standalone = found[0].standalone
            if standalone and answer.standalone_question is None:
                answer = replace(answer, standalone_question=standalone)
            return answer

        def check(answer: Answer) -> Answer:
            return verify(answer, snapshot.documents, snapshot.sentences)

        def wants_briefing(found: tuple[Question, frozenset[str] | None]) -> bool:
            return briefing_request(found[0].focus) is not None

        def brief(found: tuple[Question, frozenset[str] | None]) -> Answer:
            """ "Brief me", "Summarise the report": the topic's key points, compact, as one answer."""
            question, doc_ids = found
            request = briefing_request(question.focus)
            points = self.briefer.settings.chat_points
            topic = request.topic if request else None
            briefing = self.briefer.brief(topic, points, only_key_points=True, doc_ids=doc_ids)
            return briefing.as_answer(question.text)

        route = Branch(wants_briefing, [("brief", brief)], [("retrieve", retrieve), ("compose", compose)])
        copies = _copies(snapshot)

        def annotate(answer: Answer) -> Answer:
            return _annotate(answer, copies)

        return [("understand", understand), ("answer", route), ("verify", check), ("annotate", annotate)]

    def _run(self, value: Any) -> Any:
        for _, step in self._steps:
            value = step(value)
        return value

    # -- what briefings read from the index -----------------------------------------------
    def _vectors(self, sentences: Sequence[Sentence]) -> np.ndarray:
        """The stored unit vectors of ``sentences``, in order; any not stored are embedded."""
        record_of = self._record_of
        stored = self.index.sentence_vectors(
            [record_of[s.sentence_id] for s in sentences if s.sentence_id in record_of]
        )
        rows = [stored.get(record_of.get(s.sentence_id, "")) for s in sentences]
        missing = [i for i, row in enumerate(rows) if row is None]
        if missing:
            encoded = self.index.embedder.encode([embedding_text(sentences[i]) for i in missing])
            for i, vector in zip(missing, encoded, strict=True):
                rows[i] = vector
        return np.stack([row for row in rows if row is not None])

    def _embed(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.index.embedder.encode_queries(texts), dtype=np.float32)

    def _search(self, topic: str, k: int, doc_ids: Collection[str] | None) -> list[Sentence]:
        return [hit.sentence for hit in self.retriever.search(topic, k=k, doc_ids=doc_ids)]

    @property
    def chain(self) -> Runnable[dict[str, Any], Answer]:
        """The pipeline as a LangChain runnable sequence (LangChain is imported here)."""
        from assistant.langchain_views import pipeline

        return pipeline(self._steps, run_name="briefing_assistant")

    def refresh(self) -> bool:
        """Reopen the index if any process changed it since it was loaded; True if it did.

        One read of the manifest's generation token (a new one is written by every
        ingest, here or in another process, embedded or on a server); ``ask`` calls this
        first, so a running server follows another process's ``ingest`` or ``--rebuild``.
        """
        try:
            current = self.index.generation()
        except IndexStoreError:  # the collections were dropped: a rebuild is under way or done
            current = None
            stale = True
        else:
            stale = current != self.generation
        if not stale:
            return False
        with self._lock.writing():
            try:
                if self.index.generation() == self.generation:
                    return False  # another thread reloaded it meanwhile
            except IndexStoreError:
                pass
            self.index.reopen()
            self._load()
        return True

    def _check_doc_ids(self, doc_ids: Collection[str] | None) -> frozenset[str] | None:
        """The documents a question is limited to (None: all), each checked to exist."""
        if doc_ids is None:
            return None
        if isinstance(doc_ids, str) or not all(isinstance(d, str) for d in doc_ids):
            raise QuestionError("doc_ids must be a list of document ids")
        chosen = frozenset(doc_ids)
        if not chosen:
            raise QuestionError("choose at least one document to ask about, or ask about all of them")
        for doc_id in sorted(chosen):
            self.document(doc_id)  # DocumentNotFound names the id
        return chosen

    # -- ingest -------------------------------------------------------------------------
    def ingest(self, progress: Progress | None = None, rebuild: bool = False) -> IngestSummary:
        """Bring the index in step with the corpus folder (incremental unless ``rebuild``)."""
        found = self._read_corpus()
        with self._lock.writing():  # questions wait while the index changes under them
            summary = self.index.sync(found.documents, progress=progress, rebuild=rebuild, keep=found.keeps)
            self.last_ingest = summary
            self._load()
        return summary

    # -- asking ---------------------------------------------------------------------------
    def ask(self, question: str, history: History | None = None, *, doc_ids: Collection[str] | None = None) -> Answer:
        """Answer ``question``; ``history`` holds earlier (question, answer) turns, oldest first;
        ``doc_ids`` limits the evidence to those documents (None: the whole corpus)."""
        started = time.perf_counter()
        self.refresh()
        with self._lock.reading():
            answer = self._run({"question": question, "history": history, "doc_ids": doc_ids})
        return replace(answer, latency_ms=(time.perf_counter() - started) * 1000)

    def brief(
        self, topic: str | None = None, *, max_points: int = 8, doc_ids: Collection[str] | None = None
    ) -> Briefing:
        """A briefing note of the corpus, or of ``topic``: key points, who said what,
        figures, where sources differ, a timeline; every item cited and verified."""
        started = time.perf_counter()
        if max_points < 1:
            raise QuestionError(f"max_points must be at least 1, not {max_points}")
        if topic is not None:
            if not topic.strip():
                raise QuestionError("the topic is empty: name a topic, or leave it out to brief on the whole corpus")
            topic = validate(topic, self.max_question_chars)
        self.refresh()
        with self._lock.reading():
            briefing = self.briefer.brief(topic, max_points, doc_ids=self._check_doc_ids(doc_ids))
            verify_briefing(briefing, self.snapshot.documents, self.snapshot.sentences)
        return replace(briefing, latency_ms=(time.perf_counter() - started) * 1000)

    def retrieve(self, question: str, k: int = 5) -> list[Hit]:
        """The ``k`` best sentences for ``question`` from hybrid retrieval, best first."""
        if k < 1:
            raise QuestionError(f"k must be at least 1, not {k}")
        self.refresh()
        with self._lock.reading():
            return self.retriever.search(validate(question, self.max_question_chars), k=k)

    # -- the corpus -------------------------------------------------------------------------
    @property
    def documents(self) -> list[Document]:
        return sorted(self.snapshot.documents.values(), key=lambda d: d.doc_id)

    def document(self, doc_id: str) -> Document:
        try:
            return self.snapshot.documents[doc_id]
        except KeyError:
            raise DocumentNotFound(f"no document {doc_id!r} in {self.corpus_dir}: see Assistant.documents") from None

    @property
    def corpus_name(self) -> str:
        return self.corpus_dir.resolve().name

    def sentences(self, doc_id: str) -> list[Sentence]:
        """A document's sentences, headings and bullets in order (``DocumentNotFound`` if absent)."""
        self.document(doc_id)
        return list(self.snapshot.by_doc.get(doc_id, []))

    def sections(self) -> list[tuple[str, str]]:
        """(document title, section heading) pairs, in corpus order."""
        out = []
        for doc in self.documents:
            for s in self.snapshot.by_doc.get(doc.doc_id, []):
                if s.kind == "heading":
                    out.append((doc.title, s.text))
        return out

    # -- LangChain ---------------------------------------------------------------------------
    def as_retriever(self, k: int = 5) -> SentenceRetriever:
        """The hybrid retriever as a LangChain ``BaseRetriever``."""
        from assistant.langchain_views import SentenceRetriever

        return SentenceRetriever(retriever=self.retriever, k=k)

    def as_runnable(self) -> Runnable[Any, Answer]:
        """The whole pipeline as a LangChain ``Runnable``: a question (or {"question", "history"})
        in, a verified ``Answer`` out; ``.batch``, ``.stream`` and callbacks work as usual."""
        from langchain_core.runnables import RunnableLambda

        as_input: Runnable[Any, dict[str, Any]] = RunnableLambda(
            lambda v: {"question": v} if isinstance(v, str) else dict(v), name="as_input"
        )
        return as_input | self.chain


Step = tuple[str, Any]  # (name, one-argument callable)


class Branch:
    """A fork in the pipeline: the value goes through ``then`` when ``when(value)`` holds,
    else through ``otherwise``; each a list of named steps run in turn."""

    def __init__(self, when: Any, then: list[Step], otherwise: list[Step]) -> None:
        self.when, self.then, self.otherwise = when, then, otherwise

    def __call__(self, value: Any) -> Any:
        for _, step in self.then if self.when(value) else self.otherwise:
            value = step(value)
        return value


class ReadWriteLock:
    """Many readers (questions) at once, or one writer (an ingest) alone.

    Writers go first: once a writer waits, new readers wait behind it, so a steady
    stream of questions cannot keep an ingest out; it gets in as soon as the questions
    already running finish. Not reentrant: a thread holding it must not take it again.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and self._writers_waiting == 0)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            try:
                self._cond.wait_for(lambda: not self._writing and self._readers == 0)
            finally:
                self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


def _copies(snapshot: Snapshot) -> dict[str, tuple[str, ...]]:
    """For each citable sentence whose exact text also stands in other documents (the same
    article saved under several names), those other documents' ids."""
    by_text: dict[str, list[str]] = {}
    for sentence in snapshot.sentences.values():
        if sentence.citable:
            by_text.setdefault(" ".join(sentence.text.split()), []).append(sentence.sentence_id)
    out: dict[str, tuple[str, ...]] = {}
    for ids in by_text.values():
        docs = sorted({snapshot.sentences[i].doc_id for i in ids})
        if len(docs) > 1:
            for i in ids:
                out[i] = tuple(d for d in docs if d != snapshot.sentences[i].doc_id)
    return out


def _annotate(answer: Answer, copies: dict[str, tuple[str, ...]]) -> Answer:
    """Name the other documents that hold each quote word for word, and tell a declined
    question that is not in English that the documents are read in English."""
    if any(c.sentence_id in copies for c in answer.citations):
        answer = replace(
            answer, citations=[replace(c, also_in=copies.get(c.sentence_id, ())) for c in answer.citations]
        )
    if not answer.answered and looks_non_english(answer.question):
        answer = replace(answer, text=f"{answer.text} ({LANGUAGE_HINT})")
    return answer


MAX_HISTORY_TURNS = 20  # earlier turns are dropped: follow-ups lean on the last few
MAX_HISTORY_CHARS = 60_000  # the turns kept, together: about 20 long answers


def _check_history(history: History | None) -> list[tuple[str, str]]:
    """The last ``MAX_HISTORY_TURNS`` (question, answer) turns, checked to be text and not
    longer than ``MAX_HISTORY_CHARS`` together; bytes that were not UTF-8 become U+FFFD."""
    if not history:
        return []
    if isinstance(history, str) or not isinstance(history, Sequence):
        raise QuestionError("history must be a list of (question, answer) pairs of text")
    turns = []
    for turn in list(history[-MAX_HISTORY_TURNS:]):
        if isinstance(turn, str) or not (
            isinstance(turn, Sequence) and len(turn) == 2 and all(isinstance(t, str) for t in turn)
        ):
            raise QuestionError("history must be a list of (question, answer) pairs of text")
        turns.append((_utf8(turn[0]), _utf8(turn[1])))
    size = sum(len(q) + len(a) for q, a in turns)
    if size > MAX_HISTORY_CHARS:
        raise QuestionError(
            f"the conversation so far is {size:,} characters long, over the limit of {MAX_HISTORY_CHARS:,}: "
            "start a new conversation"
        )
    return turns


def _utf8(text: str) -> str:
    """``text`` with lone surrogates (bytes that were not UTF-8) replaced by U+FFFD."""
    return text.encode("utf-8", "replace").decode("utf-8")


_default: Assistant | None = None
_default_lock = threading.Lock()


def ask(question: str, history: History | None = None) -> Answer:
    """Ask the default assistant (the ``corpus/`` folder, default index), built on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Assistant()
    return _default.ask(question, history)
