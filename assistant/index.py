"""The index: sentence and chunk vectors in Chroma, a document registry, and a manifest.

Three Chroma collections per namespace, all usable through an embedded
``PersistentClient`` or a Chroma server (``HttpClient``), so a second machine that points
at the same server needs to embed nothing:

- ``<ns>-sentences``: one vector per citable sentence (bullets with their lead-in),
  (``Index.sentence_store`` is its ``langchain_chroma.Chroma`` view, built when asked
  for); record ids hash the document id, the embedded
  text and its occurrence, so unchanged sentences keep their vectors across edits.
- ``<ns>-chunks``: one vector per window of sentences (``chunks``). A chunk's vector is
  the normalised sum of its sentences' and its heading's vectors: MiniLM itself
  mean-pools tokens, so this approximates embedding the window at no second pass
  of the model (which would halve ingest throughput).

  Records of these two hold a vector and metadata (``doc_id``; a chunk's
  ``sentence_ids``), not the text: the texts are the registry's (each document's text and
  sentence spans), and Chroma indexes every stored text for full-text search, which was
  40% of the ingest's Chroma CPU (1,000 documents: 10.9 -> 6.6 s) and a third of the index
  on disk. So the LangChain views (``sentence_store``, ``chunk_store``) give vectors, ids
  and metadata through ``get``, but their searches (``similarity_search``) return no
  documents: ``langchain_chroma`` drops records without a text. ``Assistant.as_retriever``
  searches and gives the texts. Indexes written before keep their stored texts (nothing
  reads them).
- ``<ns>-documents``: one record per document (its text, metadata, content hash and the
  spans of its sentences) plus the manifest record. A document's record is written
  last, so an interrupted ingest leaves the previous version answerable and the next
  ingest redoes only what is missing.

The lexical index is rebuilt in memory from the registry when the index is loaded.
Chroma's default embedding function is never constructed; telemetry is off.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import re
import shutil
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from assistant.chunks import embedding_text, make_chunks
from assistant.corpus import corpus_hash, utf8_name
from assistant.embeddings import Embedder
from assistant.errors import ConfigError, IndexStoreError
from assistant.figures import Figure, extract
from assistant.instructions import mark_addressed
from assistant.locks import LOCK_TIMEOUT, Lease, Notify, file_lock, index_lock_path, server_lock_path
from assistant.pipeline import Pipeline, checkpoint, overlapped
from assistant.records import Chunk, Document, Sentence
from assistant.sentences import assemble, split_sentences
from assistant.settings import chroma_address
from assistant.speakers import People, Quote, attribute, named_people

T = TypeVar("T")

FORMAT_VERSION = 2  # 2: chunk ids count repeated windows
# The version of the text rules applied at ingest (sentence splitting, instruction marks).
# A document stored under other rules is split and marked again by the next ingest (its
# unchanged sentences keep their vectors); changing it does not rebuild the index.
RULES_VERSION = (
    3  # 2: HTML comments are units; instructions hidden in markup, headings; 3: a lead-in across a blank line
)
MARKER_FILE = "briefing-index.json"
MANIFEST_ID = "__manifest__"
# Sentences embedded and written per step of an ingest. The model sorts each call's texts
# by length before padding them into batches of ENCODE_BATCH, so a large step with small
# model batches pads least: measured here, steps of ~400 sentences in batches of 64 ran at
# 2/3 of the model's speed on one big call; ~1,000 in batches of 32 match it.
BATCH_SENTENCES = 1024
ENCODE_BATCH = 32  # texts in a model call, at most (``model_batches``)
# A model call's cost beyond its tokens, in tokens: one torch thread took about 9-10 ms a
# call on top of 0.29 ms a token (batches of 1-32 texts of 20 and 40 tokens, bench/README.md).
CALL_TOKENS = 32
READ_PAGE = 2000  # registry records (with their texts) read per call by ``load``
DOCS_PER_FILTER = 500  # doc ids in one ``$in`` filter
FALLBACK_MAX_BATCH = 1000
# Records per Chroma write at ingest. A write holds the GIL until it returns (its work runs
# in Chroma's own threads), so a Ctrl-C waits for the write under way before the ingest can
# stop: at most this many records. Smaller writes cost more (256: about 20% more of Chroma's
# CPU than writes of a whole step, about 1% of an ingest's), and stop sooner.
WRITE_PART = 256

Progress = Callable[[str, int, int], None]
# Progress stages: ``progress(stage, done, total)`` counts documents; a stage's name
# stays the same while it runs, so a caller can start a new line when it changes.
STAGE_INDEX = "indexing documents"
STAGE_REMOVE = "removing documents"
STAGE_EMBED = "embedding sentences"  # inside one large batch (a big document): counts sentences
NAMESPACE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.))*")
MAX_NAMESPACE = 480  # Chroma's 512, less the longest suffix and room to spare
STAGE_SPLIT = "splitting text"  # inside one large document: counts characters
SPLIT_PROGRESS_CHARS = 512 * 1024  # a larger document reports its split as it goes


@dataclass(frozen=True)
class Manifest:
    format_version: int
    model: str
    corpus_hash: str
    documents: int
    sentences: int
    generation: str = ""  # a new random token at every write: how readers notice a change
    rules: int = 1  # RULES_VERSION of the ingest that wrote it


def up_to_date(manifest: Manifest | None, model: str, documents: Sequence[Document]) -> bool:
    """Whether an index with this manifest holds exactly ``documents`` as this version
    writes them: same format, model, sentence rules and corpus."""
    return (
        manifest is not None
        and manifest.format_version == FORMAT_VERSION
        and manifest.model == model
        and manifest.corpus_hash == corpus_hash(documents)
        and manifest.rules == RULES_VERSION
    )


@dataclass(frozen=True)
class CollectionDrift:
    """How one collection's records compare with what the registry says it should hold."""

    name: str
    stored: int  # records in the collection
    expected: int  # records the registry's documents call for
    orphans: int  # records of documents the registry does not hold, or no longer needs
    missing: int  # records the registry calls for that the collection lacks

    def line(self) -> str:
        return (
            f"{self.name}: {self.stored:,} stored, {self.expected:,} expected, "
            f"{self.orphans:,} orphaned, {self.missing:,} missing"
        )


@dataclass(frozen=True)
class Drift:
    """The result of ``Index.check``: each vector collection against the registry."""

    documents: int
    collections: tuple[CollectionDrift, ...]
    fixed: bool
    addressed: tuple[Sentence, ...] = ()  # sentences that address the assistant: never cited

    @property
    def clean(self) -> bool:
        return all(c.orphans == 0 and c.missing == 0 for c in self.collections)


@dataclass
class IngestSummary:
    added: int = 0
    replaced: int = 0
    removed: int = 0
    skipped: int = 0
    sentences: int = 0  # sentences embedded in this run
    seconds: float = 0.0
    rebuilt: bool = False
    # Seconds in each stage of writing documents: "split" (sentences), "embed" (the model),
    # "store" (Chroma reads and writes, chunk vectors); the rest of ``seconds`` is the
    # registry read, removals and the drift check.
    stages: dict[str, float] = field(default_factory=lambda: {"split": 0.0, "embed": 0.0, "store": 0.0})
    drift: Drift | None = None  # set when the ingest found (and fixed) vectors out of step

    def line(self) -> str:
        return (
            f"{self.added} added, {self.replaced} replaced, {self.removed} removed, "
            f"{self.skipped} unchanged; {self.sentences} sentences embedded in {self.seconds:.1f} s"
        )


@dataclass
class Snapshot:
    """Everything retrieval needs in memory: documents, sentences, chunks and id maps."""

    documents: dict[str, Document] = field(default_factory=dict)
    sentences: dict[str, Sentence] = field(default_factory=dict)  # by sentence_id
    by_record: dict[str, str] = field(default_factory=dict)  # Chroma sentence id -> sentence_id
    chunks: dict[str, Chunk] = field(default_factory=dict)  # by chunk_id
    by_doc: dict[str, list[Sentence]] = field(default_factory=dict)  # in document order

    # Quotations and figures are computed from a document's sentences on first use (a pass
    # of regular expressions, about 3 ms a document), so a question or a topic briefing
    # pays only for the documents it reads.
    _quotes: dict[str, list[Quote]] = field(default_factory=dict, repr=False)
    _figures: dict[str, list[Figure]] = field(default_factory=dict, repr=False)
    _people: People | None = field(default=None, repr=False)

    def quotes_of(self, doc_id: str) -> list[Quote]:
        """The document's quotations with their speakers (``speakers.attribute``)."""
        if doc_id not in self._quotes:
            self._quotes[doc_id] = attribute(self.by_doc.get(doc_id, []), self.people)
        return self._quotes[doc_id]

    def people(self) -> People:
        """The people the corpus names (``speakers.named_people``), read on first use: a
        transcript's one-word label ("MOORE:") is a speaker another document names."""
        if self._people is None:
            self._people = named_people([s for doc in self.by_doc.values() for s in doc])
        return self._people

    def figures_of(self, doc_id: str) -> list[Figure]:
        """The document's figures, read against the document's date (``figures.extract``)."""
        if doc_id not in self._figures:
            doc = self.documents.get(doc_id)
            self._figures[doc_id] = extract(self.by_doc.get(doc_id, []), doc.date if doc else None)
        return self._figures[doc_id]


def _record_ids(sentences: Sequence[Sentence]) -> list[str]:
    """Content-hash ids of the citable sentences' vectors, in order."""
    seen: Counter[tuple[str, str]] = Counter()
    ids = []
    for s in sentences:
        key = (s.doc_id, embedding_text(s))
        seen[key] += 1
        raw = f"{s.doc_id}\0{key[1]}\0{seen[key]}"
        ids.append(hashlib.sha256(raw.encode()).hexdigest()[:32])
    return ids


def _spans(sentences: Sequence[Sentence]) -> str:
    return json.dumps([[s.start, s.end, s.kind[0], s.paragraph] for s in sentences], separators=(",", ":"))


KINDS = {"s": "sentence", "h": "heading", "b": "bullet"}


def sentences_from_spans(doc: Document, spans: str) -> list[Sentence]:
    """Rebuild a document's sentences from stored spans, without re-splitting its text."""
    units = [(start, end, KINDS[k], para) for start, end, k, para in json.loads(spans)]
    return assemble(doc.doc_id, doc.text, units)  # type: ignore[arg-type]


def snapshot_from(records: Iterable[tuple[str, dict[str, Any] | None, str | None]]) -> Snapshot:
    """The snapshot of registry records (doc id, metadata, text), as ``Index.load`` reads
    them from Chroma (and ``savedindex`` from its read copy); the manifest is skipped."""
    snap = Snapshot()
    for doc_id, meta, text in records:
        if doc_id == MANIFEST_ID or meta is None:
            continue
        doc = Document(
            doc_id=doc_id,
            text=text or "",
            title=str(meta.get("title", doc_id)),
            content_hash=str(meta.get("content_hash", "")),
            kind=str(meta.get("kind", "document")),
            date=meta.get("date") or None,
            source_url=meta.get("source_url") or None,
            path=str(meta.get("path", "")),
            outlet=meta.get("outlet") or None,
            author=meta.get("author") or None,
        )
        snap.documents[doc_id] = doc
        sentences = sentences_from_spans(doc, str(meta.get("spans", "[]")))
        sentences = mark_addressed(sentences, _ordinals(meta.get("addressed")))
        citable = [s for s in sentences if s.citable]
        snap.by_doc[doc_id] = sentences
        for s in sentences:
            snap.sentences[s.sentence_id] = s
        for s, rid in zip(citable, _record_ids(citable), strict=True):
            snap.by_record[rid] = s.sentence_id
        for chunk in make_chunks(sentences):
            snap.chunks[chunk.chunk_id] = chunk
    return snap


def _client(index_dir: Path, chroma_url: str | None) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if chroma_url:
        host, port, https = chroma_address(chroma_url)
        try:
            client = chromadb.HttpClient(host=host, port=port, ssl=https, settings=settings)
            client.heartbeat()
        except Exception as exc:
            reason = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
            raise IndexStoreError(
                f"cannot reach the Chroma server at {chroma_url} ({reason}): check that "
                f"`chroma run --path DIR --host {host} --port {port}` is running there "
                "and the address is right, or use the local index (no server)",
                hint="for that, drop --chroma-url and BRIEFING_CHROMA_URL",
            ) from exc
        return client
    _check_index_dir(index_dir)
    try:
        return chromadb.PersistentClient(path=str(index_dir), settings=settings)
    except Exception as exc:
        raise store_error(str(index_dir), "opened", exc) from exc


READ_ONLY = ("readonly", "read-only", "read only", "permission denied")
DAMAGED = ("malformed", "not a database", "corrupt", "hnsw", "truncat", "no such table", "disk i/o", "segment")
REBUILD = "run `briefing ingest --rebuild`, which deletes the index and builds it again"
RUN_AGAIN = "run the same command again"


def collection_missing(exc: BaseException) -> bool:
    """Whether a Chroma error says a collection does not exist (dropped by a rebuild)."""
    return type(exc).__name__ == "NotFoundError" or "does not exist" in str(exc).lower()


def store_error(location: str, doing: str, exc: Exception) -> IndexStoreError:
    """Translate a Chroma or SQLite failure into an ``IndexStoreError`` whose next step
    fits the cause: a read-only index needs permissions, a damaged one a rebuild."""
    reason = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
    text = reason.lower()
    if "code: 1032" in text:  # SQLITE_READONLY_DBMOVED: the file was deleted or moved under an open index
        return IndexStoreError(
            f"the index at {location} was deleted or moved while in use ({reason}): open it again, "
            "and it is built anew from the corpus",
            hint=RUN_AGAIN,
        )
    if any(word in text for word in READ_ONLY):
        return read_only_error(location, reason)
    if any(word in text for word in DAMAGED):
        return IndexStoreError(
            f"the index at {location} is damaged ({reason}): rebuild it from scratch",
            hint=REBUILD,
        )
    if doing == "written":
        return IndexStoreError(f"the index at {location} could not be written ({reason})", hint=RUN_AGAIN)
    return IndexStoreError(f"the index at {location} cannot be {doing} ({reason}): rebuild it", hint=REBUILD)


def check_namespace(namespace: str) -> None:
    """Refuse a collection prefix Chroma would refuse (its names: 3-512 of letters, digits,
    ``.``, ``_``, ``-``, no ``..``, alphanumeric at both ends; ours add "-sentences").

    >>> check_namespace("briefing-corpus")
    >>> check_namespace("a b/c")
    Traceback (most recent call last):
    ...
    assistant.errors.ConfigError: the collection name 'a b/c' cannot be used: it must be letters, digits, '.', '_' and '-' (no '..'), start with a letter or digit, and be at most 480 characters
    """
    if not NAMESPACE.fullmatch(namespace) or len(namespace) > MAX_NAMESPACE:
        raise ConfigError(
            f"the collection name {namespace!r} cannot be used: it must be letters, digits, '.', '_' and '-' "
            f"(no '..'), start with a letter or digit, and be at most {MAX_NAMESPACE} characters",
            hint="pass another with --collection",
        )


def read_only_error(location: str | Path, reason: str) -> IndexStoreError:
    """The error for an index that cannot be written: the fix is permissions or another
    folder, never deleting it (it is fine, and may be someone else's)."""
    return IndexStoreError(
        f"the index at {location} is read-only ({reason}): make its folder and files writable "
        "(the index is written whenever the corpus changes), or use another index folder",
        hint="or pass another folder with --index-dir",
    )


def _forget_system(index_dir: Path) -> None:
    """Stop and forget the embedded Chroma system this process keeps for ``index_dir``
    (one per path, shared by its clients), so the next client opens the files anew."""
    from chromadb.api.shared_system_client import SharedSystemClient

    system = SharedSystemClient._identifier_to_system.pop(str(index_dir), None)
    SharedSystemClient._identifier_to_refcount.pop(str(index_dir), None)
    if system is not None:
        with contextlib.suppress(Exception):  # a damaged system may fail to stop; it is dropped all the same
            system.stop()


def _drop_client(client: Any) -> None:
    """Close an embedded client and stop its shared system, so the next client of the same
    folder reads the vector index from disk. Chroma shares one system per folder within a
    process and keeps it while any client holds it, and a stale system misses vectors that
    another process wrote; this assistant owns its folder, so nothing else here loses it."""
    from chromadb.api.shared_system_client import SharedSystemClient

    identifier = str(getattr(client, "_identifier", ""))
    client.close()
    system = SharedSystemClient._identifier_to_system.pop(identifier, None)
    SharedSystemClient._identifier_to_refcount.pop(identifier, None)
    if system is not None:
        system.stop()


PROBE_PREFIX = ".write-check-"  # the name of the file that proves the index folder is writable


def _check_index_dir(index_dir: Path) -> None:
    """Refuse a folder that is not ours; create a new one with our marker file."""
    marker = index_dir / MARKER_FILE
    if not utf8_name(str(index_dir.absolute())):
        raise IndexStoreError(
            f"the index folder's path {index_dir} is not UTF-8 text, which Chroma cannot open: "
            "use a folder whose path is UTF-8",
            hint="pass one with --index-dir",
        )
    try:
        if index_dir.exists():
            if not index_dir.is_dir():
                raise IndexStoreError(
                    f"index path {index_dir} is a file: use a folder for the index", hint="pass one with --index-dir"
                )
            entries = [p.name for p in index_dir.iterdir() if not p.name.startswith((".ingest-", PROBE_PREFIX))]
            if entries and MARKER_FILE not in entries:
                raise IndexStoreError(
                    f"{index_dir} is not empty and is not a briefing index ({len(entries)} other entries): "
                    "use an empty or new folder for the index, so nothing there is overwritten",
                    hint="pass one with --index-dir",
                )
        index_dir.mkdir(parents=True, exist_ok=True)
        if not marker.exists():
            marker.write_text(json.dumps({"format_version": FORMAT_VERSION}) + "\n", encoding="utf-8")
        # Chroma needs to write its database: find out now, with a clear message.
        # Each caller probes with its own file: two ingests starting together on one folder must not
        # remove each other's probe.
        probe = index_dir / f"{PROBE_PREFIX}{uuid.uuid4().hex}"
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise read_only_error(index_dir, exc.strerror or str(exc)) from exc
        raise IndexStoreError(
            f"the index folder {index_dir} cannot be used ({exc}): use another folder for the index",
            hint="pass another with --index-dir",
        ) from exc


class Index:
    """The Chroma side of the engine: write documents, read them back, query vectors."""

    def __init__(
        self,
        embedder: Embedder,
        index_dir: Path,
        chroma_url: str | None = None,
        namespace: str = "briefing",
        notify: Notify | None = None,
        lock_timeout: float = LOCK_TIMEOUT,
        rebuild: bool = False,
    ) -> None:
        check_namespace(namespace)
        self.embedder = embedder
        self.location = chroma_url or str(index_dir)
        self.namespace = namespace
        self.notify = notify
        self.lock_timeout = lock_timeout
        self._chroma_url = chroma_url
        self._lease: Lease | None = None
        self._holding = False  # this process holds the writer lock
        self._max_batch: int | None = None
        self._chroma_calls = threading.Lock()  # an ingest's prepare and store threads take turns
        # Vectors written to the sentences and chunks collections while ``written`` is a dict
        # (``savedindex.kept_current`` sets it during a write: its read copy needs them).
        self.written: dict[str, dict[str, np.ndarray]] | None = None
        self._index_dir = None if chroma_url else index_dir
        try:
            if self._index_dir is not None and not (index_dir / "chroma.sqlite3").exists():
                # Two processes creating one new index race in Chroma's set-up: one at a time.
                _check_index_dir(index_dir)  # a folder that is not ours is refused before a lock file lands in it
                with file_lock(index_lock_path(index_dir, namespace), lock_timeout, notify):
                    self._client = _client(index_dir, chroma_url)
                    self._open()
            else:
                self._client = _client(index_dir, chroma_url)
                self._open()
        except IndexStoreError as exc:
            if not (rebuild and exc.hint == REBUILD and self._index_dir is not None):
                raise
            self._start_afresh()  # a damaged index: a rebuild starts from an empty folder
        self._known_generation = self._current_generation()

    def _current_generation(self) -> str | None:
        """The manifest's generation, or "unreadable" when the collections cannot be read."""
        try:
            return self.generation()
        except IndexStoreError:
            return "unreadable"

    def _start_afresh(self) -> None:
        """Delete the embedded index's files (under the writer lock) and open it empty.
        Only files Chroma writes are removed; the folder's marker and locks stay."""
        assert self._index_dir is not None
        with file_lock(index_lock_path(self._index_dir, self.namespace), self.lock_timeout, self.notify):
            _forget_system(self._index_dir)
            for entry in self._index_dir.iterdir():
                if entry.name == MARKER_FILE or entry.name.startswith(".ingest-"):
                    continue
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
            self._client = _client(self._index_dir, None)
            self._open()

    # -- collections ---------------------------------------------------------------
    def _open(self) -> None:
        # The same collections (and configuration) as ``langchain_chroma.Chroma`` would
        # create, opened without importing LangChain; vectors we computed go in directly.
        cosine: Any = {"hnsw": {"space": "cosine"}}
        try:
            self._sentences = self._client.get_or_create_collection(
                f"{self.namespace}-sentences", embedding_function=None, configuration=cosine
            )
            self._chunks = self._client.get_or_create_collection(
                f"{self.namespace}-chunks", embedding_function=None, configuration=cosine
            )
            self._docs = self._client.get_or_create_collection(f"{self.namespace}-documents", embedding_function=None)
        except IndexStoreError:
            raise
        except Exception as exc:
            raise store_error(self.location, "read", exc) from exc

    @property
    def sentence_store(self) -> Any:
        """The sentence vectors as a LangChain ``Chroma`` vector store (imports LangChain);
        its records hold no text, so its searches return no documents: search with
        ``Assistant.as_retriever``."""
        return self._langchain_store("sentences")

    @property
    def chunk_store(self) -> Any:
        """The chunk vectors as a LangChain ``Chroma`` vector store (imports LangChain); like
        ``sentence_store``, its records hold no text and its searches return no documents."""
        return self._langchain_store("chunks")

    def _langchain_store(self, name: str) -> Any:
        from langchain_chroma import Chroma

        return Chroma(
            collection_name=f"{self.namespace}-{name}",
            embedding_function=self.embedder.as_langchain(),
            client=self._client,
            collection_configuration={"hnsw": {"space": "cosine"}},
        )

    def reopen(self) -> None:
        """Open the collections again, with a fresh client for an embedded index.

        Another process may have rebuilt the collections (the old handles then point at
        deleted ones) or written new vectors: an embedded client keeps its vector index in
        memory and would not see them, so it is closed and made anew. A server is the one
        copy of the index, so its collections are only looked up again.
        """
        if self._index_dir is not None:
            _drop_client(self._client)
            if not (self._index_dir / "chroma.sqlite3").exists():
                _check_index_dir(self._index_dir)  # deleted while open: made anew, empty, to be filled again
            self._client = _client(self._index_dir, None)
        self._open()
        self._known_generation = self._current_generation()

    def generation(self) -> str | None:
        """The manifest's generation token, read cheaply; None when there is no manifest.

        Raises ``IndexStoreError`` when the collections cannot be read (for example,
        another process dropped them for a rebuild), which also means "reopen".
        """
        manifest = self.manifest()
        return manifest.generation if manifest is not None else None

    def reset(self) -> None:
        """Drop every collection of this namespace and create them empty (an embedded
        index whose collections cannot even be dropped starts from an empty folder)."""
        try:
            self._drop()
        except Exception as exc:
            if self._index_dir is None:
                raise store_error(self.location, "rebuilt", exc) from exc
            self._client.close()
            self._start_afresh()

    def _drop(self) -> None:
        existing = {getattr(c, "name", c) for c in self._client.list_collections()}
        for name in ("sentences", "chunks", "documents"):
            full = f"{self.namespace}-{name}"
            if full in existing:
                self._client.delete_collection(full)
        self._open()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the index's writer lock (see ``assistant.locks``): another process's
        ingest waits until this one is done. Once the lock is held, an embedded index that
        another process wrote since this one opened it (its manifest's generation moved)
        is opened again, so this process writes over what the previous writer left, not
        over its own older view of it; a server's collections are always looked up again."""
        if self._index_dir is not None:
            if not self._index_dir.exists():
                _check_index_dir(self._index_dir)  # deleted while open: the lock file needs the folder
            with file_lock(index_lock_path(self._index_dir, self.namespace), self.lock_timeout, self.notify):
                self._holding = True
                try:
                    deleted = not (self._index_dir / "chroma.sqlite3").exists()  # while this process had it open
                    if deleted or self._current_generation() != self._known_generation:
                        self.reopen()
                    from assistant.savedindex import kept_current  # (it imports this module)

                    with kept_current(self):  # readers' copy: set aside now, saved anew after
                        yield
                finally:
                    self._holding = False
            return
        assert self._chroma_url is not None
        with file_lock(server_lock_path(self._chroma_url, self.namespace), self.lock_timeout, self.notify):
            lease = Lease(self._client.get_or_create_collection(f"{self.namespace}-writer", embedding_function=None))
            lease.acquire(self.lock_timeout, self.notify)
            self._lease = lease
            self._holding = True
            try:
                self.reopen()
                yield
            finally:
                self._holding = False
                self._lease = None
                lease.release()

    def _settled(self, read: Callable[[], T]) -> T:
        """Run ``read``; when it finds a collection gone (another process dropped the
        collections to rebuild them), wait for that writer to finish, by taking the writer
        lock, and read again from the rebuilt collections."""
        try:
            return read()
        except Exception as exc:
            if self._holding or not collection_missing(exc):
                raise
        with self.writing():
            return read()

    def _renew_lease(self) -> None:
        """Tell other machines this writer is still alive (a no-op for an embedded index)."""
        if self._lease is not None:
            self._lease.renew()

    # -- manifest and registry ----------------------------------------------------------
    def manifest(self) -> Manifest | None:
        try:
            got = self._settled(lambda: self._docs.get(ids=[MANIFEST_ID], include=["metadatas"]))
        except IndexStoreError:
            raise
        except Exception as exc:
            raise store_error(self.location, "read", exc) from exc
        if not got["ids"]:
            return None
        meta = got["metadatas"][0] or {}
        try:
            return Manifest(
                format_version=int(meta["format_version"]),
                model=str(meta["model"]),
                corpus_hash=str(meta["corpus_hash"]),
                documents=int(meta["documents"]),
                sentences=int(meta["sentences"]),
                generation=str(meta.get("generation", "")),
                rules=int(meta.get("rules", 1)),
            )
        except (KeyError, ValueError):
            return None

    def _write_manifest(self, documents: Sequence[Document], sentences: int) -> None:
        generation = uuid.uuid4().hex
        meta = {
            "format_version": FORMAT_VERSION,
            "model": self.embedder.name,
            "corpus_hash": corpus_hash(documents),
            "documents": len(documents),
            "sentences": sentences,
            "generation": generation,
            "rules": RULES_VERSION,
        }
        self._docs.upsert(ids=[MANIFEST_ID], embeddings=[[1.0]], documents=[""], metadatas=[meta])
        self._known_generation = generation

    def _mark_incomplete(self, manifest: Manifest | None) -> None:
        """Before an ingest's first write, make the manifest match no corpus: an ingest
        killed or interrupted before its last step (the new manifest) then leaves an index
        that the next ingest compares document by document, not one that looks current
        for a corpus it no longer holds."""
        if manifest is None:
            return
        meta = {**manifest.__dict__, "corpus_hash": "", "generation": uuid.uuid4().hex}
        self._docs.upsert(ids=[MANIFEST_ID], embeddings=[[1.0]], documents=[""], metadatas=[meta])
        self._known_generation = meta["generation"]

    def _registry(self) -> dict[str, dict[str, Any]]:
        """Stored document metadata by doc_id (without texts)."""
        out: dict[str, dict[str, Any]] = {}
        for ids, metas, _ in self._pages(include=["metadatas"]):
            for doc_id, meta in zip(ids, metas, strict=True):
                if doc_id != MANIFEST_ID:
                    out[doc_id] = meta or {}
        return out

    def _pages(self, include: list[str]) -> Iterator[tuple[list[str], list[Any], list[Any]]]:
        offset = 0
        while True:
            got = self._docs.get(include=include, limit=READ_PAGE, offset=offset)
            if not got["ids"]:
                return
            yield (
                got["ids"],
                got.get("metadatas") or [None] * len(got["ids"]),
                got.get("documents") or [None] * len(got["ids"]),
            )
            offset += len(got["ids"])

    def is_current(self, documents: Sequence[Document]) -> bool:
        return up_to_date(self.manifest(), self.embedder.name, documents)

    def reconcile(self) -> Drift | None:
        """Delete vectors no document owns (an ingest killed between its vector writes and
        its registry write leaves some), under the writer lock; None when the counts agree.
        ``sync`` does this at its end; ``briefing ingest`` calls it when nothing changed."""
        with self.writing():
            manifest = self.manifest()
            try:
                if manifest is None or self._sentences.count() == manifest.sentences:
                    return None
                return self._verify(fix=True)
            except IndexStoreError:
                raise
            except Exception as exc:
                raise store_error(self.location, "read", exc) from exc

    # -- ingest -------------------------------------------------------------------------
    def sync(
        self,
        documents: Sequence[Document],
        progress: Progress | None = None,
        rebuild: bool = False,
        keep: Callable[[str], bool] | None = None,
    ) -> IngestSummary:
        """Make the index hold exactly ``documents``: add, replace, remove, skip unchanged.

        A stored document for which ``keep(doc_id)`` is true stays although it is not in
        ``documents`` (its file could not be read this time). Holds the writer lock
        throughout, and ends by deleting vectors that no registry record owns (left by an
        ingest killed between its vector writes and its registry write)."""
        with self.writing():
            return self._sync(documents, progress, rebuild, keep)

    def _sync(
        self,
        documents: Sequence[Document],
        progress: Progress | None,
        rebuild: bool,
        keep: Callable[[str], bool] | None,
    ) -> IngestSummary:
        started = time.perf_counter()
        summary = IngestSummary()
        manifest = self.manifest()
        if rebuild or (
            manifest is not None and (manifest.format_version != FORMAT_VERSION or manifest.model != self.embedder.name)
        ):
            self.reset()
            summary.rebuilt = True
        registry = self._registry()
        wanted = {d.doc_id for d in documents}
        todo: list[Document] = []
        for doc in documents:
            stored = registry.get(doc.doc_id)
            if (
                stored is not None
                and stored.get("content_hash") == doc.content_hash
                and int(stored.get("rules", 1)) == RULES_VERSION
            ):
                summary.skipped += 1
            else:
                todo.append(doc)
                if stored is None:
                    summary.added += 1
                else:
                    summary.replaced += 1
        removed = sorted(d for d in set(registry) - wanted if keep is None or not keep(d))
        counts = {d: int(m.get("sentences", 0)) for d, m in registry.items() if d not in set(removed)}
        done = 0
        try:
            if todo or removed:
                self._mark_incomplete(None if summary.rebuilt else manifest)
            if progress and todo:
                progress(STAGE_INDEX, 0, len(todo))
            # Splitting the next batch and storing the previous one overlap the model's calls.
            run = Pipeline()
            relayed, stages = run.relay(progress), summary.stages
            with overlapped(
                _batches(todo),
                lambda batch: self._prepare(batch, relayed, stages),
                lambda plan: self._embed(plan, relayed, stages),
                lambda plan: self._store(plan, stages),
                run,
            ) as written:
                for embedded, citable in written:
                    summary.sentences += embedded
                    counts.update(citable)
                    done += len(citable)
                    if progress:
                        progress(STAGE_INDEX, done, len(todo))
            if progress and removed:
                progress(STAGE_REMOVE, 0, len(removed))
            self._delete_documents(removed)
            summary.removed = len(removed)
            if progress and removed:
                progress(STAGE_REMOVE, len(removed), len(removed))
            if self._sentences.count() != sum(counts.values()):
                summary.drift = self._verify(fix=True)
            self._write_manifest(documents, sum(counts.values()))
        except IndexStoreError:
            raise
        except Exception as exc:
            damaged = store_error(self.location, "written", exc)
            if damaged.hint != RUN_AGAIN:
                raise damaged from exc
            raise IndexStoreError(
                f"writing the index at {self.location} failed ({type(exc).__name__}: {exc}); the documents "
                "written so far are kept: run the same ingest again to finish",
                hint=RUN_AGAIN,
            ) from exc
        summary.seconds = time.perf_counter() - started
        return summary

    def _write(
        self, documents: Sequence[Document], progress: Progress | None = None, stages: dict[str, float] | None = None
    ) -> tuple[int, dict[str, int]]:
        """Embed and store a batch of new or changed documents; return the number of
        sentences embedded and each document's number of citable sentences.

        A few Chroma calls per batch, not per document: one read of the batch's old
        records, the model's calls, one upsert per collection (split at Chroma's maximum
        batch size), then the documents' registry records last. ``stages`` adds up the
        seconds spent splitting, embedding and storing. ``_sync`` runs the same three
        steps (``_prepare``, ``_embed``, ``_store``) on successive batches at once
        (``assistant.pipeline``).
        """
        stages = stages if stages is not None else {}
        return self._store(self._embed(self._prepare(documents, progress, stages), progress, stages), stages)

    def _prepare(self, documents: Sequence[Document], progress: Progress | None, stages: dict[str, float]) -> _Plan:
        """Read the batch's stored record ids, split its documents, list what to embed."""
        started = time.perf_counter()
        doc_ids = [doc.doc_id for doc in documents]
        with self._chroma_calls:
            old = self._ids_by_doc(self._sentences, doc_ids)
            old_chunks = self._ids_by_doc(self._chunks, doc_ids)
        read = time.perf_counter()
        _add(stages, "store", read - started)
        docs = []
        for doc in documents:
            checkpoint()
            sentences = mark_addressed(split_sentences(doc.doc_id, doc.text, _split_progress(doc, progress)))
            citable = [s for s in sentences if s.citable]
            docs.append((doc, sentences, citable, _record_ids(citable)))
        # One model call for every new sentence and heading of the batch.
        to_embed: dict[str, str] = {}
        for doc, sentences, citable, ids in docs:
            for s, rid in zip(citable, ids, strict=True):
                if rid not in old[doc.doc_id]:
                    to_embed[rid] = embedding_text(s)
            for s in sentences:
                if s.kind == "heading":
                    to_embed[_heading_key(s)] = s.text
        _add(stages, "split", time.perf_counter() - read)
        return _Plan(docs, old, old_chunks, to_embed)

    def _embed(self, plan: _Plan, progress: Progress | None, stages: dict[str, float]) -> _Plan:
        """The model's vectors of the plan's new texts, longest first in tokens, cut into
        calls of at most ``ENCODE_BATCH`` by ``model_batches`` (the model pads a call's texts
        to its longest: texts of about equal token counts pad least), calls running on every core at once
        (``Embedder.encode_batches``), with a ``checkpoint()`` after each so an interrupted
        ingest stops within about one call. A large batch (a big document) reports progress
        every ``BATCH_SENTENCES`` texts."""
        started = time.perf_counter()
        keys = list(plan.to_embed)
        tokens = self.embedder.token_counts([plan.to_embed[k] for k in keys])
        steps = [[keys[i] for i in batch] for batch in model_batches(tokens)]
        reported = done = 0
        checkpoint()
        with closing(self.embedder.encode_batches([[plan.to_embed[k] for k in step] for step in steps])) as encoded:
            for step, vectors in zip(steps, encoded, strict=True):
                plan.vectors.update(zip(step, vectors, strict=True))
                done += len(step)
                if (
                    progress
                    and len(keys) > BATCH_SENTENCES
                    and (done - reported >= BATCH_SENTENCES or done == len(keys))
                ):
                    progress(STAGE_EMBED, done, len(keys))
                    reported = done
                checkpoint()
        _add(stages, "embed", time.perf_counter() - started)
        return plan

    def _store(self, plan: _Plan, stages: dict[str, float]) -> tuple[int, dict[str, int]]:
        """Write the plan's vectors, chunks and, last, its documents' registry records;
        return the number of sentences embedded and each document's citable sentences."""
        started = time.perf_counter()
        vectors, old, old_chunks = plan.vectors, plan.old, plan.old_chunks
        embedded = sum(1 for k in plan.to_embed if not k.startswith("h:"))
        with self._chroma_calls:
            self._renew_lease()
            reused = [rid for _, _, _, ids in plan.docs for rid in ids if rid not in vectors]
            for part in self._parts(reused):
                got = self._sentences.get(ids=part, include=["embeddings"])
                vectors.update(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32), strict=True))

            sentence_rows: list[tuple[str, np.ndarray, str | None, dict[str, Any]]] = []
            chunk_rows: list[tuple[str, np.ndarray, str | None, dict[str, Any]]] = []
            stale: list[str] = []
            stale_chunks: list[str] = []
            for doc, sentences, citable, ids in plan.docs:
                for rid in ids:
                    if rid not in old[doc.doc_id]:
                        sentence_rows.append((rid, vectors[rid], None, {"doc_id": doc.doc_id}))
                chunks = make_chunks(sentences)
                record = dict(zip((s.sentence_id for s in citable), ids, strict=True))
                headings = {s.text: vectors[_heading_key(s)] for s in sentences if s.kind == "heading"}
                for chunk in chunks:
                    vec = np.sum([vectors[record[sid]] for sid in chunk.sentence_ids], axis=0)
                    heading = chunk.text.split("\n", 1)[0] if "\n" in chunk.text else None
                    if heading in headings:
                        vec = vec + headings[heading]
                    meta = {"doc_id": doc.doc_id, "sentence_ids": " ".join(chunk.sentence_ids)}
                    chunk_rows.append((chunk.chunk_id, vec / (np.linalg.norm(vec) or 1.0), None, meta))
                stale += sorted(old[doc.doc_id] - set(ids))
                stale_chunks += sorted(old_chunks[doc.doc_id] - {c.chunk_id for c in chunks})

            self._upsert(self._sentences, sentence_rows)
            self._upsert(self._chunks, chunk_rows)
            for part in self._parts(stale):
                checkpoint()
                self._sentences.delete(ids=part)
            for part in self._parts(stale_chunks):
                checkpoint()
                self._chunks.delete(ids=part)
            # Written last: until here the registry still describes the previous versions.
            self._upsert(
                self._docs,
                [
                    (doc.doc_id, np.ones(1, dtype=np.float32), doc.text, _doc_meta(doc, sentences, len(citable)))
                    for doc, sentences, citable, _ in plan.docs
                ],
            )
        _add(stages, "store", time.perf_counter() - started)
        return embedded, {doc.doc_id: len(citable) for doc, _, citable, _ in plan.docs}

    def _ids_by_doc(self, collection: Any, doc_ids: Sequence[str]) -> dict[str, set[str]]:
        """The record ids each document already has in ``collection`` (an interrupted or
        earlier ingest), read with one ``$in`` filter per part."""
        out: dict[str, set[str]] = {d: set() for d in doc_ids}
        for part in self._parts(list(doc_ids), size=DOCS_PER_FILTER):
            got = collection.get(where={"doc_id": {"$in": part}}, include=["metadatas"])
            for rid, meta in zip(got["ids"], got["metadatas"] or [], strict=True):
                doc_id = (meta or {}).get("doc_id")
                if doc_id in out:
                    out[doc_id].add(rid)
        return out

    @property
    def max_batch(self) -> int:
        """Chroma's largest write (records per call); asked once, since a server answers over HTTP."""
        if self._max_batch is None:
            try:
                self._max_batch = max(1, int(self._client.get_max_batch_size()))
            except Exception:  # an older server without the endpoint
                self._max_batch = FALLBACK_MAX_BATCH
        return self._max_batch

    def _parts(self, items: list[str], size: int | None = None) -> Iterator[list[str]]:
        size = min(size or self.max_batch, self.max_batch)
        for i in range(0, len(items), size):
            yield items[i : i + size]

    def _upsert(self, collection: Any, rows: Sequence[tuple[str, np.ndarray, str | None, dict[str, Any]]]) -> None:
        """Write (id, vector, text or None, metadata) rows, ``WRITE_PART`` at a time; rows
        without a text (the vector collections') are written without one."""
        step = min(self.max_batch, WRITE_PART)
        for i in range(0, len(rows), step):
            checkpoint()  # an ingest being stopped writes no more
            part = rows[i : i + step]
            texts = [r[2] for r in part]
            collection.upsert(
                ids=[r[0] for r in part],
                embeddings=np.stack([r[1] for r in part]),
                documents=None if all(t is None for t in texts) else texts,
                metadatas=[r[3] for r in part],
            )
            if self.written is not None and collection is not self._docs:
                self.written.setdefault(collection.name, {}).update((r[0], r[1]) for r in part)

    def _delete_documents(self, doc_ids: list[str]) -> None:
        """Remove documents: their sentences and chunks first, their registry records last,
        so an interrupted removal leaves no vectors that no registry record owns (the next
        ingest still sees the documents and removes them again)."""
        for part in self._parts(doc_ids, size=DOCS_PER_FILTER):
            self._sentences.delete(where={"doc_id": {"$in": part}})
            self._chunks.delete(where={"doc_id": {"$in": part}})
            self._docs.delete(ids=part)

    # -- checking -----------------------------------------------------------------------
    def check(self, fix: bool = True) -> Drift:
        """Compare every vector collection with the registry; with ``fix``, delete orphaned
        vectors and write missing ones again (under the writer lock)."""
        if not fix:
            return self._verify(fix=False)
        with self.writing():
            return self._verify(fix=True)

    def _verify(self, fix: bool) -> Drift:
        snap = self.load()
        expected = {"sentences": set(snap.by_record), "chunks": set(snap.chunks)}
        found: list[CollectionDrift] = []
        broken: set[str] = set()  # documents with missing vectors: written again
        for name, collection in (("sentences", self._sentences), ("chunks", self._chunks)):
            stored = self._all_ids(collection)
            orphans = sorted(set(stored) - expected[name])
            missing = expected[name] - set(stored)
            found.append(CollectionDrift(name, len(stored), len(expected[name]), len(orphans), len(missing)))
            if fix:
                for part in self._parts(orphans):
                    collection.delete(ids=part)
            if missing:
                owner = snap.by_record if name == "sentences" else {c: snap.chunks[c].sentence_ids[0] for c in missing}
                broken |= {snap.sentences[owner[rid]].doc_id for rid in missing}
        if fix:
            for batch in _batches([snap.documents[d] for d in sorted(broken)]):
                self._renew_lease()
                self._write(batch)
        addressed = tuple(s for doc in snap.by_doc.values() for s in doc if s.addressed)
        return Drift(documents=len(snap.documents), collections=tuple(found), fixed=fix, addressed=addressed)

    def _all_ids(self, collection: Any) -> list[str]:
        """Every record id of a vector collection, read a page at a time."""
        ids: list[str] = []
        while True:
            got = collection.get(include=[], limit=READ_PAGE, offset=len(ids))
            if not got["ids"]:
                return ids
            ids += got["ids"]

    # -- reading ------------------------------------------------------------------------
    def load(self) -> Snapshot:
        """Read the registry back into memory, without re-splitting or re-embedding."""
        return self._settled(self._load)

    def _load(self) -> Snapshot:
        return snapshot_from(
            record
            for ids, metas, texts in self._pages(include=["metadatas", "documents"])
            for record in zip(ids, metas, texts, strict=True)
        )

    def sentence_vectors(self, record_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of sentences by Chroma record id (those that exist)."""
        out: dict[str, np.ndarray] = {}
        try:
            for part in self._parts(list(record_ids)):
                got = self._sentences.get(ids=part, include=["embeddings"])
                out.update(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32), strict=True))
        except Exception as exc:
            raise IndexStoreError(
                f"reading vectors from the index at {self.location} failed ({type(exc).__name__}: {exc})"
            ) from exc
        return out

    def query_sentences(
        self, vector: list[float], k: int, doc_ids: Sequence[str] | None = None
    ) -> list[tuple[str, float]]:
        """(Chroma record id, cosine similarity) of the ``k`` nearest sentences, only from
        ``doc_ids`` when given."""
        return self._query(self._sentences, vector, k, doc_ids)

    def query_chunks(
        self, vector: list[float], k: int, doc_ids: Sequence[str] | None = None
    ) -> list[tuple[str, float]]:
        return self._query(self._chunks, vector, k, doc_ids)

    def _query(
        self, collection: Any, vector: list[float], k: int, doc_ids: Sequence[str] | None
    ) -> list[tuple[str, float]]:
        where = None if doc_ids is None else {"doc_id": {"$in": list(doc_ids)}}
        try:
            found = collection.query(query_embeddings=[vector], n_results=k, where=where, include=["distances"])
        except Exception as exc:
            raise store_error(self.location, "searched", exc) from exc
        # Chroma returns cosine distance; similarity is 1 - distance.
        return [(rid, 1.0 - float(d)) for rid, d in zip(found["ids"][0], found["distances"][0], strict=True) if rid]


def _split_progress(doc: Document, progress: Progress | None) -> Callable[[int, int], None]:
    """The callback of splitting ``doc`` (called every few hundred KB of its text): a
    ``checkpoint()``, so a stopped ingest does not finish splitting a large document
    first, and the progress of a document over ``SPLIT_PROGRESS_CHARS``."""
    report = progress if progress is not None and len(doc.text) >= SPLIT_PROGRESS_CHARS else None

    def reached(done: int, total: int) -> None:
        checkpoint()
        if report is not None:
            report(STAGE_SPLIT, done, total)

    return reached


def _heading_key(sentence: Sentence) -> str:
    return "h:" + hashlib.sha256(sentence.text.encode()).hexdigest()[:16]


def _doc_meta(doc: Document, sentences: Sequence[Sentence], citable: int) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "title": doc.title,
        "kind": doc.kind,
        "content_hash": doc.content_hash,
        "path": doc.path,
        "spans": _spans(sentences),
        "addressed": " ".join(str(s.ordinal) for s in sentences if s.addressed),
        "sentences": citable,
        "rules": RULES_VERSION,
    }
    if doc.date:
        meta["date"] = doc.date
    if doc.source_url:
        meta["source_url"] = doc.source_url
    if doc.outlet:
        meta["outlet"] = doc.outlet
    if doc.author:
        meta["author"] = doc.author
    return meta


def _ordinals(stored: Any) -> list[int] | None:
    """The ordinals an ingest marked as addressed to the assistant; None for an index
    written before marks were stored (then they are found again)."""
    if stored is None:
        return None
    return [int(n) for n in str(stored).split()]


def model_batches(tokens: Sequence[int], largest: int = ENCODE_BATCH, call: int = CALL_TOKENS) -> list[list[int]]:
    """The positions of texts of ``tokens`` tokens each, longest first, cut into model calls
    of at most ``largest`` texts at the least cost, a call costing its longest text's tokens
    for each of its texts (the model pads the rest) plus ``call`` tokens' worth of its own.

    Why not ``largest`` at a time: a step's texts are few enough that, sorted, the next
    ``largest`` can span many token counts (a sentence of 60 tokens beside ones of 40), and
    each is padded to the longest. Cutting where the count drops pays a call's cost to save
    the padding. Measured on ``bench/scale.py``'s 1,000 documents, in the ingest's steps of
    about 1,024 texts: 1.10 times the texts' tokens in calls of 32, 1.01 cut this way (596
    calls instead of 454). Every text keeps its own vector (one call per text or 32 give
    the model's vector to within float rounding, ``tests/test_ingest_batches.py``).

    Exact (dynamic programming over the sorted counts, ``largest`` choices each):

    >>> model_batches([10, 40, 10, 10], largest=4, call=5)
    [[1], [0, 2, 3]]
    >>> model_batches([12, 11, 10, 12], largest=2, call=5)
    [[0, 3], [1, 2]]
    """
    order = sorted(range(len(tokens)), key=lambda i: -tokens[i])
    counts = np.asarray([tokens[i] for i in order], dtype=np.int64)
    best = np.zeros(len(order) + 1, dtype=np.int64)  # best[j]: the least cost of the first j texts
    start = np.zeros(len(order) + 1, dtype=np.int64)  # where the last call of that best cut starts
    for end in range(1, len(order) + 1):
        first = max(0, end - largest)
        starts = np.arange(first, end)
        costs = best[first:end] + counts[first:end] * (end - starts) + call
        pick = int(np.argmin(costs))  # the first of equal costs: the largest call
        best[end], start[end] = costs[pick], first + pick
    cuts: list[list[int]] = []
    end = len(order)
    while end > 0:
        cuts.append(order[int(start[end]) : end])
        end = int(start[end])
    return cuts[::-1]


def _batches(documents: Sequence[Document]) -> Iterator[list[Document]]:
    """Groups of documents holding about ``BATCH_SENTENCES`` sentences (estimated by length)."""
    batch: list[Document] = []
    size = 0
    for doc in documents:
        batch.append(doc)
        size += max(1, len(doc.text) // 120)
        if size >= BATCH_SENTENCES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


@dataclass
class _Plan:
    """One batch between the steps of ``Index._write``: its documents split, the record
    ids already stored for them, the texts to embed and (after ``_embed``) their vectors."""

    docs: list[tuple[Document, list[Sentence], list[Sentence], list[str]]]
    old: dict[str, set[str]]
    old_chunks: dict[str, set[str]]
    to_embed: dict[str, str]
    vectors: dict[str, np.ndarray] = field(default_factory=dict)


_STAGES_LOCK = threading.Lock()  # an ingest's stages add up their seconds from three threads


def _add(stages: dict[str, float], stage: str, seconds: float) -> None:
    with _STAGES_LOCK:
        stages[stage] = stages.get(stage, 0.0) + seconds
