"""A read copy of a built embedded index, saved beside it, so answering needs no Chroma.

Importing chromadb was two thirds of a cold ``briefing ask`` (about 0.85 s of CPU of
1.3 s). So every write to an embedded index also saves, under the writer lock, what a
reader loads from Chroma into one file in the index folder (``read-<key>.npz``): the
manifest, the documents' registry records (text, metadata, sentence spans) and every
sentence and chunk vector with its record id and document. ``SavedIndex`` stands in for
``Index`` in the engine: it answers from that file when there is one and reads Chroma
(imported then) when there is not. Vectors are ranked by exact cosine, a matrix-vector
product (about 1 ms at 14,000 sentences, so as fast as HNSW, and exact where HNSW is
approximate).

Staleness, and why a file that exists is current: every write to an embedded index runs
inside ``Index.writing()`` (the writer lock), which calls ``kept_current``: the file is
moved aside (``.pending``) before the first write and saved anew after a write that
succeeded. A write that fails or is killed leaves no file, and readers read Chroma until
the next write succeeds. A reader checks the file before each question with one
``stat`` (a new file means another process wrote the index) and a look at the first bytes
of Chroma's database (a damaged or deleted one is reported through Chroma); with no file
it asks Chroma for the manifest's generation, as before.

Not covered: a Chroma server (``chroma_url``), read through Chroma as before; an index
written before this file existed (read through Chroma until the next ``briefing ingest``
saves it).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import zipfile
import zlib
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.embeddings import Embedder
from assistant.records import Document

if TYPE_CHECKING:
    from assistant.index import Index, IngestSummary, Manifest, Progress, Snapshot
    from assistant.locks import Notify

SAVED_VERSION = 1
READ_PAGE = 2000  # vector records read per call while saving


def saved_path(index_dir: Path, namespace: str) -> Path:
    """The read copy of one namespace of an embedded index, inside its folder."""
    key = hashlib.sha256(namespace.encode()).hexdigest()[:12]
    return index_dir / f"read-{key}.npz"


# -- writing (under the writer lock) -------------------------------------------------------


@contextmanager
def kept_current(index: Index) -> Iterator[None]:
    """Around a write to an embedded index: move the read copy aside, and after the write
    succeeds, save it anew (or put the old one back when nothing changed)."""
    assert index._index_dir is not None
    path = saved_path(index._index_dir, index.namespace)
    pending = path.with_name(path.name + ".pending")
    if path.exists():
        os.replace(path, pending)
    index.written = {}
    try:
        yield  # an error in the write leaves no read copy: readers read Chroma
    finally:
        written, index.written = index.written, None
    try:
        old = _read(pending) if pending.exists() else None
        if old is not None and old.fingerprint == _fingerprint(index):
            os.replace(pending, path)  # a write that changed nothing (a no-op reconcile)
        else:
            save(index, path, old, written)
    except Exception as exc:  # a read copy that cannot be saved only slows readers down
        if index.notify is not None:
            index.notify(f"could not save the index's read copy ({type(exc).__name__}: {exc}); questions read Chroma")
        return
    with contextlib.suppress(FileNotFoundError):
        pending.unlink()


def _fingerprint(index: Index) -> list[Any]:
    """What changes whenever an ingest, a rebuild or a repair writes: the manifest's
    generation and the number of records in each collection."""
    manifest = index.manifest()
    counts = [index._sentences.count(), index._chunks.count(), index._docs.count()]
    return [manifest.generation if manifest else None, *counts]


def save(
    index: Index, path: Path, old: Saved | None = None, written: dict[str, dict[str, np.ndarray]] | None = None
) -> None:
    """Write everything a reader needs from ``index`` to ``path`` (atomically: a temporary
    file renamed over it). Vectors already in ``old`` or in ``written`` (by collection
    name: what this write upserted) are taken from there (record ids are content hashes,
    so an id's vector never changes); the rest are read from Chroma."""
    from assistant.index import FORMAT_VERSION, MANIFEST_ID

    manifest = index.manifest()
    if manifest is None:
        return  # nothing ingested yet: readers open Chroma and build the index
    registry = [
        [doc_id, meta or {}, text or ""]
        for ids, metas, texts in index._pages(include=["metadatas", "documents"])
        for doc_id, meta, text in zip(ids, metas, texts, strict=True)
        if doc_id != MANIFEST_ID
    ]
    doc_names: dict[str, int] = {}
    arrays: dict[str, np.ndarray] = {}
    for name, collection in (("sentences", index._sentences), ("chunks", index._chunks)):
        known = old.vectors_by_id(name) if old else {}
        known.update((written or {}).get(collection.name, {}))
        ids, docs, vectors = _read_vectors(collection, known)
        arrays[f"{name}_ids"] = np.array(ids, dtype=str)
        arrays[f"{name}_docs"] = np.array([doc_names.setdefault(d, len(doc_names)) for d in docs], dtype=np.int32)
        arrays[f"{name}_vectors"] = vectors
    header = {
        "saved_version": SAVED_VERSION,
        "namespace": index.namespace,
        "manifest": manifest.__dict__,
        "index_format": FORMAT_VERSION,
        "fingerprint": _fingerprint(index),
        "vector_docs": list(doc_names),
    }
    arrays["header"] = _json_bytes(header)
    arrays["registry"] = _json_bytes(registry)
    temporary = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    try:
        with temporary.open("wb") as handle:
            np.savez(handle, **arrays)  # type: ignore[arg-type]
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _read_vectors(collection: Any, known: dict[str, np.ndarray]) -> tuple[list[str], list[str], np.ndarray]:
    """(record ids, their documents, their vectors) of every record of a vector
    collection; vectors in ``known`` are not read again."""
    ids: list[str] = []
    docs: list[str] = []
    while True:
        got = collection.get(include=["metadatas"], limit=READ_PAGE, offset=len(ids))
        if not got["ids"]:
            break
        ids += got["ids"]
        docs += [str((meta or {}).get("doc_id", "")) for meta in got["metadatas"] or [None] * len(got["ids"])]
    found = dict(known)
    unknown = [rid for rid in ids if rid not in found]
    for first in range(0, len(unknown), READ_PAGE):
        got = collection.get(ids=unknown[first : first + READ_PAGE], include=["embeddings"])
        found.update(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32), strict=True))
    vectors = np.zeros((len(ids), Embedder.dimension), dtype=np.float32)
    for row, rid in enumerate(ids):
        vectors[row] = found[rid]
    return ids, docs, vectors


def _json_bytes(value: Any) -> np.ndarray:
    return np.frombuffer(json.dumps(value, separators=(",", ":")).encode(), dtype=np.uint8)


# -- reading -------------------------------------------------------------------------------


@dataclass
class Vectors:
    """One collection's vectors: record ids, document numbers, unit rows."""

    ids: np.ndarray
    docs: np.ndarray
    matrix: np.ndarray
    _row_of: dict[str, int] | None = None

    def row_of(self, record_id: str) -> int | None:
        if self._row_of is None:
            self._row_of = {str(rid): i for i, rid in enumerate(self.ids)}
        return self._row_of.get(record_id)


@dataclass
class Saved:
    """A read copy loaded from disk."""

    header: dict[str, Any]
    registry: list[list[Any]]
    sentences: Vectors
    chunks: Vectors

    @property
    def fingerprint(self) -> list[Any]:
        return list(self.header["fingerprint"])

    @property
    def generation(self) -> str:
        return str(self.header["manifest"]["generation"])

    def vectors_by_id(self, name: str) -> dict[str, np.ndarray]:
        found = self.sentences if name == "sentences" else self.chunks
        return {str(rid): row for rid, row in zip(found.ids, found.matrix, strict=True)}


def _read(path: Path, header_only: bool = False) -> Saved | None:
    """The read copy at ``path``; None if it is missing or unreadable."""
    try:
        with np.load(path, allow_pickle=False) as data:
            header = json.loads(data["header"].tobytes())
            if header.get("saved_version") != SAVED_VERSION:
                return None
            if header_only:
                return Saved(header, [], _empty(), _empty())
            registry = json.loads(data["registry"].tobytes())
            parts = [
                Vectors(data[f"{name}_ids"], data[f"{name}_docs"], _unit(data[f"{name}_vectors"]))
                for name in ("sentences", "chunks")
            ]
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, zlib.error):  # gone or damaged: read Chroma
        return None
    return Saved(header, registry, *parts)


def _empty() -> Vectors:
    return Vectors(np.array([], dtype=str), np.zeros(0, dtype=np.int32), np.zeros((0, Embedder.dimension), np.float32))


def _unit(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1, as Chroma's cosine space scales what it stores."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms > 0, norms, 1)).astype(np.float32)


def _looks_like_sqlite(path: Path) -> bool:
    """Whether ``path`` starts as every SQLite database does (one small read)."""
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """The file's identity (inode, size, modification time): a new save changes it."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


class SavedIndex:
    """``Index`` for a process that reads an embedded index: questions are answered from
    the read copy when there is one; anything else (an ingest, a repair, or reading when
    there is no copy) goes to the real ``Index``, opened on first need.

    ``load`` decides which one the following reads use (the copy if it exists and
    belongs to this index, else Chroma), so the engine's load, queries and generation
    checks always see one consistent state.
    """

    def __init__(
        self,
        embedder: Embedder,
        index_dir: Path,
        namespace: str,
        notify: Notify | None = None,
        **index_options: Any,
    ) -> None:
        self.embedder = embedder
        self.namespace = namespace
        self.location = str(index_dir)
        self._index_dir = index_dir
        self._notify = notify
        self._options = index_options
        self._path = saved_path(index_dir, namespace)
        self._chroma: Index | None = None
        self._saved: Saved | None = None  # what load() read; None: reads go to Chroma
        self._seen: tuple[tuple[int, int, int] | None, Saved | None] = (None, None)  # last header read
        if self._current() is None:
            self._open_chroma()  # no read copy: open Chroma now, so a bad folder fails here as before

    @property
    def chroma(self) -> Index:
        """The real index (imports chromadb on first use)."""
        return self._chroma or self._open_chroma()

    def _open_chroma(self) -> Index:
        from assistant.index import Index

        self._chroma = Index(
            self.embedder, self._index_dir, namespace=self.namespace, notify=self._notify, **self._options
        )
        return self._chroma

    def __getattr__(self, name: str) -> Any:
        # Anything not defined here (writing, check, reconcile, the collections) is the real index's.
        if name.startswith("__") or name in {"_chroma", "_path", "_seen", "_saved", "_options"}:
            raise AttributeError(name)
        return getattr(self.chroma, name)

    def _current(self) -> Saved | None:
        """The read copy's header if the file exists and belongs to this index and model,
        and Chroma's database is still there (a damaged one is reported by Chroma)."""
        stamp = _stamp(self._path)
        if stamp is None or not _looks_like_sqlite(self._index_dir / "chroma.sqlite3"):
            return None
        if self._seen[0] != stamp:
            saved = _read(self._path, header_only=True)
            self._seen = (stamp, saved if saved is not None and self._belongs(saved) else None)
        return self._seen[1]

    def _belongs(self, saved: Saved) -> bool:
        from assistant.index import FORMAT_VERSION

        manifest = saved.header["manifest"]
        return (
            saved.header.get("namespace") == self.namespace
            and saved.header.get("index_format") == FORMAT_VERSION
            and manifest.get("model") == self.embedder.name
        )

    # -- what the engine calls ------------------------------------------------------------
    def manifest(self) -> Manifest | None:
        from assistant.index import Manifest

        current = self._current()
        if current is None:
            return self.chroma.manifest()
        return Manifest(**current.header["manifest"])

    def is_current(self, documents: Sequence[Document]) -> bool:
        from assistant.index import up_to_date

        return up_to_date(self.manifest(), self.embedder.name, documents)

    def generation(self) -> str | None:
        """The generation of the index on disk: the read copy's, or Chroma's without one."""
        current = self._current()
        if current is None:
            return self.chroma.generation()
        return current.generation

    def reopen(self) -> None:
        if self._current() is None or self._chroma is not None:
            self.chroma.reopen()

    def sync(
        self, documents: Sequence[Document], progress: Progress | None = None, rebuild: bool = False, **options: Any
    ) -> IngestSummary:
        return self.chroma.sync(documents, progress=progress, rebuild=rebuild, **options)

    def load(self) -> Snapshot:
        """The snapshot of the documents; the read copy if there is one, else from Chroma."""
        from assistant.index import snapshot_from

        saved = _read(self._path) if self._current() is not None else None
        if saved is None or not self._belongs(saved):
            self._saved = None
            return self.chroma.load()
        self._saved = saved
        return snapshot_from((doc_id, meta, text) for doc_id, meta, text in saved.registry)

    def sentence_vectors(self, record_ids: Sequence[str]) -> dict[str, np.ndarray]:
        if self._saved is None:
            return self.chroma.sentence_vectors(record_ids)
        found = self._saved.sentences
        rows = {rid: found.row_of(rid) for rid in record_ids}
        return {rid: found.matrix[row] for rid, row in rows.items() if row is not None}

    def query_sentences(
        self, vector: list[float], k: int, doc_ids: Sequence[str] | None = None
    ) -> list[tuple[str, float]]:
        if self._saved is None:
            return self.chroma.query_sentences(vector, k, doc_ids)
        return self._nearest(self._saved.sentences, vector, k, doc_ids)

    def query_chunks(
        self, vector: list[float], k: int, doc_ids: Sequence[str] | None = None
    ) -> list[tuple[str, float]]:
        if self._saved is None:
            return self.chroma.query_chunks(vector, k, doc_ids)
        return self._nearest(self._saved.chunks, vector, k, doc_ids)

    def _nearest(
        self, found: Vectors, vector: list[float], k: int, doc_ids: Collection[str] | None
    ) -> list[tuple[str, float]]:
        """(record id, cosine similarity) of the ``k`` nearest rows, best first, exact.

        As Chroma does: the query is scaled to length 1, the distance is ``1 - dot`` in
        float32, and similarity is ``1 - distance``; ties keep the order of the records.
        """
        assert self._saved is not None
        query = np.asarray(vector, dtype=np.float32)
        norm = np.linalg.norm(query)
        distance = np.float32(1) - found.matrix @ (query / norm if norm else query)
        rows = np.arange(len(found.ids))
        if doc_ids is not None:
            wanted = np.array([d in set(doc_ids) for d in self._saved.header["vector_docs"]] or [False])
            rows = rows[wanted[found.docs]] if len(rows) else rows
        if not len(rows) or k < 1:
            return []
        k = min(k, len(rows))
        best = rows[np.argpartition(distance[rows], k - 1)[:k]] if k < len(rows) else rows
        best = best[np.lexsort((best, distance[best]))]
        return [(str(found.ids[i]), 1.0 - float(distance[i])) for i in best]
