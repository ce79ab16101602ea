"""The read copy of an embedded index (``assistant.savedindex``): answers through it are
the same as through Chroma, and a reader follows every write (its own process's or
another's) before the next question. A real embedded Chroma and the real model."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
from answers import same_answers

from assistant import Assistant
from assistant.index import Index
from assistant.savedindex import SavedIndex, saved_path

ROOT = Path(__file__).resolve().parents[1]
# Tune corpora only: texas-measles is check-only.
TUNE_CORPORA = ("return-hubs", "iberian-blackout", "myanmar-earthquake")


def read_copy(bot: Assistant) -> Path:
    assert isinstance(bot.index, SavedIndex)
    return saved_path(bot.index_dir, bot.index.namespace)


@contextmanager
def without_read_copy(bot: Assistant) -> Iterator[None]:
    """The read copy moved aside for the block, as if it had never been saved."""
    path = read_copy(bot)
    aside = path.with_name("aside.npz")
    os.replace(path, aside)
    try:
        yield
    finally:
        os.replace(aside, path)


def through_chroma(bot: Assistant, **options: object) -> Assistant:
    """Another assistant on the same index that reads Chroma (no read copy when it opens)."""
    with without_read_copy(bot):
        other = Assistant(corpus=bot.corpus_dir, index_dir=bot.index_dir, **options)  # type: ignore[arg-type]
    assert isinstance(other.index, SavedIndex) and other.index._saved is None
    return other


def test_an_ingest_saves_a_read_copy_and_questions_never_open_chroma(bot: Assistant) -> None:
    assert read_copy(bot).exists()
    reader = Assistant(corpus=bot.corpus_dir, index_dir=bot.index_dir)
    assert reader.ask("Did Albania agree to host a UK return hub?").answered
    assert reader.brief().items
    assert reader.refresh() is False
    assert isinstance(reader.index, SavedIndex) and reader.index._chroma is None


def test_article_answers_are_the_same_through_the_read_copy_and_chroma(bot: Assistant) -> None:
    """Every case of the article set, both halves, with its conversation; and briefings."""
    from evals.cases import load_cases

    cases = load_cases(ROOT / "evals" / "article.yaml")
    chroma = through_chroma(bot)
    assert same_answers(bot, chroma, [c.turns for c in cases]) >= len(cases)
    assert bot.brief().to_dict() | {"latency_ms": 0} == chroma.brief().to_dict() | {"latency_ms": 0}


@pytest.mark.slow
@pytest.mark.parametrize("name", TUNE_CORPORA)
def test_multi_document_answers_are_the_same_through_the_read_copy_and_chroma(name: str, tmp_path: Path) -> None:
    """The tune cases of a corpus of several documents, also limited to one document."""
    from evals.cases import load_cases

    folder = ROOT / "evals" / "corpora" / name
    saved = Assistant(corpus=folder / "corpus", index_dir=tmp_path / "index")
    assert saved.index._saved is not None  # type: ignore[union-attr]
    chroma = through_chroma(saved)
    cases = [c for c in load_cases(folder / "cases.yaml") if c.split == "tune"]
    assert same_answers(saved, chroma, [c.turns for c in cases]) >= len(cases) > 0
    first = sorted(saved.snapshot.documents)[0]
    for case in cases[:10]:
        a = saved.ask(case.question, doc_ids=[first]).to_dict()
        b = chroma.ask(case.question, doc_ids=[first]).to_dict()
        assert a | {"latency_ms": 0} == b | {"latency_ms": 0}


def test_nearest_vectors_match_chroma_with_and_without_a_document_filter(bot: Assistant) -> None:
    chroma = through_chroma(bot)
    vector = bot.index.embedder.embed_query("the Prime Minister's visit to Tirana")
    doc = next(iter(bot.snapshot.documents))
    for k, doc_ids in ((5, None), (40, None), (500, None), (7, [doc]), (3, ["no-such-document"])):
        for method in ("query_sentences", "query_chunks"):
            mine = getattr(bot.index, method)(vector, k, doc_ids)
            theirs = getattr(chroma.index.chroma, method)(vector, k, doc_ids)
            assert [rid for rid, _ in mine] == [rid for rid, _ in theirs]
            assert np.allclose([s for _, s in mine], [s for _, s in theirs], atol=1e-6)


def test_a_write_by_another_index_is_seen_and_a_no_op_write_changes_nothing(
    article_corpus: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(article_corpus, corpus)
    bot = Assistant(corpus=corpus, index_dir=tmp_path / "index")
    before = read_copy(bot).stat()

    bot.index.reconcile()  # takes the writer lock, writes nothing
    after = read_copy(bot).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert bot.refresh() is False

    (corpus / "ferry.txt").write_text(
        "The night ferry carries about 340 passengers between the port and the island.\n", encoding="utf-8"
    )
    writer = Assistant(corpus=corpus, index_dir=tmp_path / "index")  # another "process": its own index
    assert writer.last_ingest is not None and writer.last_ingest.added == 1
    answer = bot.ask("How many passengers does the night ferry carry?")
    assert "340 passengers" in answer.text
    assert bot.index._saved is not None  # type: ignore[union-attr]  # still the read copy, reloaded


def test_a_failed_write_leaves_no_read_copy_and_readers_fall_back_to_chroma(
    article_corpus: Path, tmp_path: Path
) -> None:
    bot = Assistant(corpus=article_corpus, index_dir=tmp_path / "index")
    index = Index(bot.index.embedder, tmp_path / "index", namespace=bot.index.namespace)
    with pytest.raises(RuntimeError), index.writing():
        index._sentences.delete(ids=list(bot.snapshot.by_record)[:1])  # a write, then a failure
        raise RuntimeError("killed")
    assert not read_copy(bot).exists()
    fresh = Assistant(corpus=article_corpus, index_dir=tmp_path / "index")
    assert fresh.index._saved is None  # type: ignore[union-attr]  # reads Chroma
    assert fresh.ask("Did Albania agree to host a UK return hub?").answered

    index.reconcile()  # the next successful write saves the copy again
    assert read_copy(bot).exists()
    assert Assistant(corpus=article_corpus, index_dir=tmp_path / "index").index._saved is not None  # type: ignore[union-attr]


def _flip_middle_byte(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]


DAMAGES = {
    "not a zip file": lambda data: b"not a zip file",
    "empty": lambda data: b"",
    "half of it": lambda data: data[: len(data) // 2],
    "its last 100 bytes cut": lambda data: data[:-100],
    "one byte flipped": _flip_middle_byte,
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_read_copy_is_ignored_and_the_next_write_saves_a_good_one(
    damage: str, article_corpus: Path, tmp_path: Path
) -> None:
    corpus = shutil.copytree(article_corpus, tmp_path / "corpus")
    bot = Assistant(corpus=corpus, index_dir=tmp_path / "index")
    path = read_copy(bot)
    path.write_bytes(DAMAGES[damage](path.read_bytes()))
    fresh = Assistant(corpus=corpus, index_dir=tmp_path / "index")
    assert fresh.index._saved is None  # type: ignore[union-attr]
    assert fresh.ask("Did Albania agree to host a UK return hub?").answered
    (corpus / "note.txt").write_text("The ferry timetable changes on Monday.\n", encoding="utf-8")
    assert fresh.ingest().added == 1
    again = Assistant(corpus=corpus, index_dir=tmp_path / "index")
    assert again.index._saved is not None  # type: ignore[union-attr]
