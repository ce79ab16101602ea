"""The NumPy query encoder computes the same vectors as sentence-transformers.

Over sentences of the seed article and the SQuAD sample (the eval corpora under
evals/corpora are left to the evals: some are check-only), the two encoders' normalised vectors agree to a cosine of at least 0.9999,
and questions asked through either encoder get the same answers.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from answers import same_answers

from assistant import Assistant
from assistant.embeddings import Embedder, NumpyEncoder, STEncoder, blas_threads
from assistant.minilm import erf, gelu
from assistant.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]


def repo_sentences() -> list[str]:
    """Every sentence, heading and bullet of the article and the SQuAD sample, each once."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    for path in sorted((ROOT / "evals" / "data").rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts += [par["context"] for article in data.get("data", []) for par in article.get("paragraphs", [])]
    seen: dict[str, None] = {}
    for text in texts:
        for s in split_sentences("d", text):
            seen.setdefault(s.text, None)
    return list(seen)


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    found = repo_sentences()
    assert len(found) >= 200
    return found[:300]


def test_numpy_and_sentence_transformers_vectors_agree(sentences: list[str]) -> None:
    edge = ["", " ", "a", "🙂 émoji and ünïcode", "word " * 400]  # empty, one char, non-ASCII, truncated
    texts = sentences + edge
    reference = STEncoder().encode(texts)
    light = NumpyEncoder().encode(texts)
    assert light.shape == reference.shape == (len(texts), 384)
    assert light.dtype == np.float32
    cosines = (light * reference).sum(axis=1)
    assert cosines.min() >= 0.9999, texts[int(cosines.argmin())]
    assert np.allclose(np.linalg.norm(light, axis=1), 1.0, atol=1e-5)


def test_a_single_question_matches_its_batched_vector(sentences: list[str]) -> None:
    encoder = NumpyEncoder()
    batched = encoder.encode(sentences[:40])
    alone = np.stack([encoder.encode([s])[0] for s in sentences[:40:7]])
    assert np.allclose(alone, batched[:40:7], atol=1e-5)  # padding in a batch changes nothing


def test_token_states_are_per_word_piece() -> None:
    tokens, states = Embedder().token_states("Did Albania agree?")
    assert tokens[0] == "[CLS]" and tokens[-1] == "[SEP]" and "albania" in tokens
    assert states.shape == (len(tokens), 384)
    pooled = states.mean(axis=0)
    vector = NumpyEncoder().encode(["Did Albania agree?"])[0]
    assert np.allclose(pooled / np.linalg.norm(pooled), vector, atol=1e-5)  # mean-pooled: the sentence vector


@pytest.mark.parametrize("x", [-4.0, -1.0, -0.3, 0.0, 0.2, 1.0, 2.5, 6.0])
def test_erf_and_gelu_match_the_exact_function(x: float) -> None:
    import math

    got = float(erf(np.array([x], dtype=np.float64))[0])
    assert abs(got - math.erf(x)) < 2e-7
    assert abs(float(gelu(np.array([x]))[0]) - x * 0.5 * (1 + math.erf(x / math.sqrt(2)))) < 1e-6


def numpy_blas_threads() -> list[int]:
    """Threads of the BLAS that NumPy's own matrix products call (its bundled OpenBLAS)."""
    from threadpoolctl import threadpool_info

    return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas" and "numpy" in i["filepath"]]


def test_blas_threads_limits_numpys_blas_and_restores() -> None:
    # Other BLAS libraries loaded later (SciPy's, through bm25s) are not NumPy's and are
    # left alone: only NumPy's is used by the encoder.
    before = numpy_blas_threads()
    assert before
    with blas_threads(1):
        assert numpy_blas_threads() == [1] * len(before)
    assert numpy_blas_threads() == before


def test_article_answers_are_the_same_through_either_query_encoder(bot: Assistant) -> None:
    """Every case of the article eval set, both halves, with its conversation."""
    from evals.cases import load_cases

    cases = load_cases(ROOT / "evals" / "article.yaml")
    heavy = Assistant(corpus=bot.corpus_dir, index_dir=bot.index_dir, query_encoder="sentence-transformers")
    assert same_answers(bot, heavy, [c.turns for c in cases]) >= len(cases)


@pytest.mark.slow
def test_squad_answers_are_the_same_through_either_query_encoder(tmp_path: Path) -> None:
    """Every question of the SQuAD sample (both articles, answerable or not)."""
    from evals import squad

    articles, questions = squad.load()
    squad.write_corpus(articles, tmp_path / "corpus")
    light = Assistant(corpus=tmp_path / "corpus", index_dir=tmp_path / "index")
    heavy = Assistant(corpus=tmp_path / "corpus", index_dir=tmp_path / "index", query_encoder="sentence-transformers")
    assert same_answers(light, heavy, [(q.question,) for q in questions]) == len(questions) >= 600
