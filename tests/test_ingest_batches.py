"""The ingest hands the model batches of texts of about equal length in tokens (a batch is
padded to its longest text, so mixed lengths cost model time for nothing), and the vectors
it stores are the model's own for each text, whatever batch a text fell in.

The documents are real sentences of the SQuAD 2.0 dev sample (evals/data/squad2-dev-sample;
CC BY-SA 4.0, Rajpurkar, Jia and Liang, "Know What You Don't Know: Unanswerable Questions
for SQuAD", ACL 2018), reshuffled into new documents, plus two notes in our own words.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Generator, Sequence
from pathlib import Path

import numpy as np
import pytest

from assistant.chunks import embedding_text
from assistant.corpus import read_corpus
from assistant.embeddings import Embedder, STEncoder, ingest_workers, load_model
from assistant.index import CALL_TOKENS, ENCODE_BATCH, Index, model_batches
from assistant.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SQUAD = ROOT / "evals" / "data" / "squad2-dev-sample" / "squad2_dev_first_two_articles.json"
NOTES = {
    "ferry.txt": "Ferry timetable\n\nThe ferry leaves at nine. Passengers with bicycles board first, "
    "through the lower deck, and must tie their bicycles to the rails marked in yellow before the "
    "crossing starts.\n",
    "library.txt": "Library hours\n\nThe library reopens on Monday after a month of repairs to its roof, "
    "which leaked through the winter. Loans taken out before the closure are due a week later than "
    "the date stamped in the book. Fines are waived.\n",
}


class RecordingEmbedder(Embedder):
    """The real embedder, noting the texts of every model call of the ingest."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[list[str]] = []

    def encode_batches(self, batches: Sequence[list[str]]) -> Generator[np.ndarray, None, None]:
        self.calls += [list(texts) for texts in batches]
        return super().encode_batches(batches)


def model_token_counts(texts: list[str]) -> list[int]:
    """Tokens per text as sentence-transformers itself tokenizes them (its attention mask)."""
    features = load_model().tokenize(texts)
    return [int(n) for n in features["attention_mask"].sum(dim=1)]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[RecordingEmbedder, Index, Path]:
    data = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    pool = [
        s.text
        for article in data
        for para in article["paragraphs"]
        for s in split_sentences("p", para["context"])
        if s.kind == "sentence"
    ]
    corpus = tmp_path_factory.mktemp("corpus")
    rng = random.Random(4)
    for i in range(40):
        paragraphs = [" ".join(rng.sample(pool, 4)) for _ in range(2)]
        (corpus / f"note-{i:03d}.txt").write_text(f"Note {i}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    for name, text in NOTES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    embedder = RecordingEmbedder()
    index = Index(embedder, tmp_path_factory.mktemp("index"))
    index.sync(read_corpus(corpus).documents)
    return embedder, index, corpus


def test_token_counts_are_the_models_own() -> None:
    texts = [NOTES["ferry.txt"], "Fines are waived.", "", "Passengers with bicycles board first."]
    assert Embedder().token_counts(texts) == model_token_counts(texts)


def test_the_models_batches_hold_texts_of_about_equal_token_counts(
    ingested: tuple[RecordingEmbedder, Index, Path],
) -> None:
    embedder, _, _ = ingested
    calls = [c for c in embedder.calls if len(c) > 1]
    assert sum(len(c) for c in calls) > 300 and all(len(c) <= ENCODE_BATCH for c in calls)
    held = padded = 0
    for texts in calls:
        counts = model_token_counts(texts)
        held += sum(counts)
        padded += max(counts) * len(counts)
    # These 364 texts pad to 1.03 times their tokens cut by ``model_batches``, to 1.31
    # times in calls of 32 sorted by token count, and to 1.50 times sorted by characters.
    assert padded <= 1.08 * held


def test_the_stored_vectors_are_the_models_own_for_each_text(ingested: tuple[RecordingEmbedder, Index, Path]) -> None:
    _, index, _ = ingested
    snap = index.load()
    got = index._sentences.get(include=["embeddings"], limit=60)
    texts = [embedding_text(snap.sentences[snap.by_record[rid]]) for rid in got["ids"]]
    alone = np.stack([Embedder().encode([t])[0] for t in texts])
    stored = np.asarray(got["embeddings"], dtype=np.float32)
    assert len(texts) == 60 and np.min(np.sum(alone * stored, axis=1)) >= 0.9999


def test_vector_records_carry_no_text_and_the_registry_gives_it(
    ingested: tuple[RecordingEmbedder, Index, Path],
) -> None:
    _, index, corpus = ingested
    for collection in (index._sentences, index._chunks):
        got = collection.get(include=["documents", "metadatas"])
        assert got["ids"] and not any(got["documents"])  # Chroma indexes stored texts: none are stored
        assert all(meta["doc_id"] for meta in got["metadatas"])
    snap = index.load()
    ferry = snap.by_doc["ferry.txt"]
    assert next(s.text for s in ferry if s.citable) == "The ferry leaves at nine."
    assert snap.documents["ferry.txt"].text == (corpus / "ferry.txt").read_text(encoding="utf-8")


def test_batches_encoded_at_once_get_the_same_vectors_as_one_call_each() -> None:
    texts = [s for text in NOTES.values() for s in text.replace("\n", " ").split(". ")] * 6
    batches = [texts[i : i + 5] for i in range(0, len(texts), 5)]
    embedder = Embedder()
    got = list(embedder.encode_batches(batches))
    assert [len(v) for v in got] == [len(b) for b in batches]
    for vectors, batch in zip(got, batches, strict=True):
        assert np.abs(vectors - embedder.encode(batch, batch_size=len(batch))).max() < 1e-6


def test_stopping_early_leaves_no_model_call_running(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    call = STEncoder._call
    monkeypatch.setattr(STEncoder, "_call", lambda self, texts: calls.append(1) or call(self, texts))
    batches = [[f"Ferry number {i} leaves at nine with bicycles on the lower deck."] * 32 for i in range(40)]
    before = threading.active_count()
    encoded = Embedder().encode_batches(batches)
    next(encoded)
    encoded.close()  # what the ingest does when it is stopped
    time.sleep(0.5)
    assert len(calls) <= 1 + 2 * ingest_workers()  # the calls in hand finish; no others start
    assert threading.active_count() == before


def cost(tokens: list[int], cuts: list[list[int]], call: int = CALL_TOKENS) -> int:
    """What the model computes for these calls: each padded to its longest text, plus a call's own cost."""
    return sum(max(tokens[i] for i in batch) * len(batch) + call for batch in cuts)


# Token counts of a step's texts: (counts, largest call, cost of a call, expected calls).
CUTS = [
    # a lone long sentence (a court ruling's 60-token clause among short weather notes) gets its own call
    ([9, 60, 11, 10, 9], 4, 5, [[1], [2, 3, 0, 4]]),
    # equal counts fill calls of ``largest``
    ([20] * 6, 3, 5, [[0, 1, 2], [3, 4, 5]]),
    # a small drop is not worth a call's cost: 16, 15 and 14 tokens stay together
    ([14, 16, 15], 4, 5, [[1, 2, 0]]),
    # two lengths (a ferry timetable's short lines, a library notice's long ones) part
    ([8, 30, 8, 31, 8, 30], 6, 5, [[3, 1, 5], [0, 2, 4]]),
    ([], 32, 32, []),
]


@pytest.mark.parametrize(("tokens", "largest", "call", "expected"), CUTS)
def test_model_batches_cut_where_the_token_count_drops(
    tokens: list[int], largest: int, call: int, expected: list[list[int]]
) -> None:
    assert model_batches(tokens, largest=largest, call=call) == expected


@pytest.mark.parametrize("seed", range(6))
def test_model_batches_take_every_text_once_longest_first_and_never_cost_more_than_calls_of_32(seed: int) -> None:
    rng = random.Random(seed)
    tokens = [rng.choice([rng.randint(5, 40), rng.randint(40, 200)]) for _ in range(rng.randint(1, 700))]
    cuts = model_batches(tokens)
    assert sorted(i for batch in cuts for i in batch) == list(range(len(tokens)))
    assert all(0 < len(batch) <= ENCODE_BATCH for batch in cuts)
    ordered = [tokens[i] for batch in cuts for i in batch]
    assert ordered == sorted(tokens, reverse=True)
    longest_first = sorted(range(len(tokens)), key=lambda i: -tokens[i])
    fixed = [longest_first[i : i + ENCODE_BATCH] for i in range(0, len(tokens), ENCODE_BATCH)]
    assert cost(tokens, cuts) <= cost(tokens, fixed)
