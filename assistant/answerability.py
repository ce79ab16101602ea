"""How likely each retrieved sentence is to answer the question: one calibrated probability.

Every candidate sentence gets a vector of general evidence features (``FEATURES``). A
conditional logit ranks a question's candidates against each other; a logistic
regression on the best candidate (``ANSWER_FEATURES``) gives the probability that the
question is answerable at all, and each candidate's probability is that times
``exp(score - best score)``. The question is answered when its probability clears one
threshold. Weights, standardisation and threshold are fit by
``evals/fit_answerability.py`` on the tune splits only and stored, with the hash of the
data they were fit on, in ``assistant/answerability.json``; ``Calibration`` is that file
as a frozen record.

Features (all in [0, 1] or small ranges; none reads a particular corpus's wording):

1. ``dense``: cosine of the sentence to the question (MiniLM), or of its chunk when the
   sentence leans on the one before (it opens with a pronoun).
2. ``context``: cosine of the best chunk holding the sentence.
3. ``dense_gap``: ``dense`` minus the best ``dense`` among the candidates (0 for the best).
4. ``lexical``: BM25 score over the best BM25 score among the candidates.
5. ``coverage``: idf-weighted share of the question's terms in the sentence (its lead-in,
   section and, at half weight, the sentence before).
6. ``alignment``: idf-weighted mean, over the question's content words, of the best
   cosine with a word of the sentence (static word vectors; an exact stem match is 1),
   so "refused" meets "rejected" and "cost" meets "price".
7. ``weakest``: the lowest of those best matches, over the question's words rarer than
   the median (one distinctive word without a counterpart often means the sentence is
   about something else: SQuAD's unanswerable questions swap one word).
8. ``proximity``: weighted share of the question's adjacent term pairs adjacent in the
   sentence too.
9. ``kind_missing``: 1 when the question asks for a kind of thing (a date, a person, a sum
   of money ...) and the sentence holds none.
10. ``names_missing``: share of the question's names that neither the sentence, its
   context nor its document's title uses.
11. ``unknown_terms``: idf-weighted share of the question's terms the corpus never uses
    (the same for every candidate of a question).
12. ``year_missing``: 1 when the question gives a year the sentence's context lacks.
13. ``interrogative``: 1 when the sentence is itself a question (a transcript's "Q:" line).

Not handled: negation and entailment (no NLI model ships offline); see ``stance``.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from assistant.errors import ModelError
from assistant.evidence import holds
from assistant.lexical import STOPWORDS, covered_terms, stem, tokenize
from assistant.question import YEAR_RE, Question
from assistant.records import Document, Hit, Sentence

CALIBRATION_FILE = Path(__file__).with_name("answerability.json")
FEATURES = (
    "dense",
    "context",
    "dense_gap",
    "lexical",
    "coverage",
    "alignment",
    "weakest",
    "proximity",
    "kind_missing",
    "names_missing",
    "unknown_terms",
    "year_missing",
    "interrogative",
)
# What says whether a question is answerable at all, read off its best candidate.
ANSWER_FEATURES = ("dense", "context", "top_score", "weakest", "names_missing")
FIGURE_KINDS = frozenset({"date", "amount", "number", "money", "percentage", "duration"})
WORD = re.compile(r"[\w’'-]+")
# Openings that lean on the sentence before: personal pronouns and demonstratives.
LEANS_BACK = re.compile(
    r"^\W*(?:he|she|it|they|him|them|his|her|its|their|this|that|these|those|such|there|"
    r"the\s+(?:same|latter|former)|both|neither)\b",
    re.I,
)

WordVectors = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class Calibration:
    """The fitted models and every number the composer decides with, with where they were fit.

    Two models: ``rank_*`` scores candidates against each other (a conditional logit over
    ``FEATURES``: which sentence of this question's candidates answers it), and
    ``answer_*`` gives the probability that the question is answerable at all from the
    best candidate's ``ANSWER_FEATURES`` (a logistic regression). A candidate's probability
    is the question's times ``exp(score - best score)``.
    """

    rank_mean: tuple[float, ...]
    rank_scale: tuple[float, ...]
    rank_weights: tuple[float, ...]
    answer_mean: tuple[float, ...]
    answer_scale: tuple[float, ...]
    answer_weights: tuple[float, ...]
    answer_bias: float
    threshold: float  # decline when the question's probability is below this
    related_floor: float  # a decline lists a related passage only above this probability
    nearly_as_good: float  # another sentence joins the answer at this share of the best probability
    distinctive_idf: float  # a follow-up's own word this rare says what is new in it
    near_share: float  # a candidate this near the best still counts: for a date or figure asked for, a list
    fit_on: tuple[str, ...]  # the tune splits
    data_hash: str  # sha256 of the questions and documents the fit read
    measured: dict[str, float]  # what the fit script measured on the tune data

    def scores(self, rows: np.ndarray) -> np.ndarray:
        """The ranking score of each candidate's feature row."""
        return ((rows - np.asarray(self.rank_mean)) / np.asarray(self.rank_scale)) @ np.asarray(self.rank_weights)

    def answerable(self, row: np.ndarray) -> float:
        """P(the question is answerable) from the best candidate's answer features."""
        z = (row - np.asarray(self.answer_mean)) / np.asarray(self.answer_scale)
        return float(1.0 / (1.0 + np.exp(-(z @ np.asarray(self.answer_weights) + self.answer_bias))))


def answer_row(row: np.ndarray, score: float) -> np.ndarray:
    """``ANSWER_FEATURES`` of the best candidate: some of its ``FEATURES`` and its score."""
    values = dict(zip(FEATURES, row, strict=True)) | {"top_score": score}
    return np.asarray([values[name] for name in ANSWER_FEATURES], dtype=np.float64)


def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration:
    """Read the calibration file written by ``evals/fit_answerability.py``."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    if tuple(raw["features"]) != FEATURES or tuple(raw["answer_features"]) != ANSWER_FEATURES:
        raise ModelError(f"{path} was fit on other features: rerun python -m evals.fit_answerability")
    numbers = {k: tuple(raw[k]) for k in ("rank_mean", "rank_scale", "rank_weights")}
    numbers |= {k: tuple(raw[k]) for k in ("answer_mean", "answer_scale", "answer_weights")}
    return Calibration(
        **numbers,
        answer_bias=float(raw["answer_bias"]),
        threshold=float(raw["threshold"]),
        related_floor=float(raw["related_floor"]),
        nearly_as_good=float(raw["nearly_as_good"]),
        distinctive_idf=float(raw["distinctive_idf"]),
        near_share=float(raw["near_share"]),
        fit_on=tuple(raw["fit_on"]),
        data_hash=str(raw["data_hash"]),
        measured=dict(raw.get("measured", {})),
    )


def proximity(terms: Sequence[str], sentence_terms: Sequence[str], idf: Callable[[str], float]) -> float:
    """Weighted share of the question's adjacent term pairs that are adjacent in the sentence too.

    >>> proximity(["central", "bank"], ["central", "bank", "rate"], lambda t: 1.0)
    1.0
    >>> proximity(["central", "bank"], ["bank", "central"], lambda t: 1.0)
    0.0
    """
    pairs = set(itertools.pairwise(terms))
    if not pairs:
        return 0.0
    near = set(itertools.pairwise(sentence_terms))
    weight = {p: (idf(p[0]) + idf(p[1])) / 2 for p in pairs}
    found = sum(
        weight[(a, b)] for a, b in pairs if any(covered_terms({a}, {x}) and covered_terms({b}, {y}) for x, y in near)
    )
    total = sum(weight.values())
    return found / total if total else 0.0


def leans_back(text: str) -> bool:
    """Whether a sentence opens with a word that refers to something said before it."""
    return LEANS_BACK.match(text) is not None


def content_words(text: str) -> list[str]:
    """Lower-cased words of ``text`` that carry meaning (no function words, no digits alone)."""
    words = (w.lower().replace("’", "'").removesuffix("'s") for w in WORD.findall(text))
    return [w for w in words if w not in STOPWORDS and not w.isdigit() and len(w) > 1]


@dataclass(frozen=True)
class Candidate:
    """A retrieved sentence with its features and its probability of answering."""

    hit: Hit
    features: dict[str, float]
    score: float  # ranking score among the question's candidates
    probability: float  # P(question answerable) * exp(score - best score)
    covered: frozenset[str]

    @property
    def sentence(self) -> Sentence:
        return self.hit.sentence


@dataclass(frozen=True)
class SentenceWords:
    """What the features read of one sentence, cached by ``FeatureBuilder``."""

    own_text: str  # section, lead-in and text
    own_terms: frozenset[str]  # stems of ``own_text``
    terms: tuple[str, ...]  # stems of the sentence's text, in order
    stems: frozenset[str]  # stems of the content words of ``own_text``
    vectors: np.ndarray | None  # static vectors of those content words


class FeatureBuilder:
    """Computes ``FEATURES`` for a question's candidates over one index snapshot."""

    def __init__(
        self,
        documents: dict[str, Document],
        before: Callable[[Sentence], Sentence | None],
        idf: Callable[[str], float],
        vocabulary: set[str],
        word_vectors: WordVectors | None = None,
    ) -> None:
        self.documents = documents
        self.before = before
        self.idf = idf
        self.vocabulary = vocabulary
        self.word_vectors = word_vectors
        self._sentences: dict[str, SentenceWords] = {}

    @cached_property
    def vocabulary_stems(self) -> set[str]:
        return {stem(w) for w in self.vocabulary} | self.vocabulary

    def _read(self, sentence: Sentence) -> SentenceWords:
        """A sentence's words as the features need them, computed once per sentence."""
        found = self._sentences.get(sentence.sentence_id)
        if found is None:
            own_text = " ".join(filter(None, [sentence.section, sentence.lead_in, sentence.text]))
            words = content_words(own_text)
            vectors = self.word_vectors(words) if self.word_vectors is not None and words else None
            found = SentenceWords(
                own_text=own_text,
                own_terms=frozenset(tokenize(own_text)),
                terms=tuple(tokenize(sentence.text)),
                stems=frozenset(stem(w) for w in words),
                vectors=vectors,
            )
            self._sentences[sentence.sentence_id] = found
        return found

    def rows(self, question: Question, hits: Sequence[Hit]) -> tuple[np.ndarray, list[frozenset[str]]]:
        """The feature matrix (one row per hit, columns as ``FEATURES``) and each hit's covered terms."""
        terms = set(question.terms) | set(question.context_terms)
        weight = {t: self.idf(t) * (0.5 if t in question.context_terms else 1.0) for t in terms}
        total = sum(weight.values())
        unknown = sum(w for t, w in weight.items() if not covered_terms({t}, self.vocabulary_stems))
        unknown_share = unknown / total if total else 0.0
        asked_words = content_words(question.focus)
        asked_vectors = self.word_vectors(asked_words) if self.word_vectors and asked_words else None
        asked_weight = np.asarray([self.idf(stem(w)) for w in asked_words], dtype=np.float32)
        years = set(YEAR_RE.findall(question.focus))
        best_dense = max((h.dense for h in hits), default=0.0)
        best_lexical = max((h.lexical for h in hits), default=0.0)
        rows, covered_list = [], []
        for hit in hits:
            sentence = hit.sentence
            doc = self.documents.get(sentence.doc_id)
            read = self._read(sentence)
            own_text = read.own_text
            own = covered_terms(terms, set(read.own_terms))
            antecedent = self.before(sentence)
            borrowed: frozenset[str] = frozenset()
            leaning = leans_back(sentence.text)
            if antecedent is not None:
                borrowed = covered_terms(terms - own, set(self._read(antecedent).own_terms))
            share = 1.0 if leaning else 0.5
            coverage = (
                (sum(weight[t] for t in own) + share * sum(weight[t] for t in borrowed)) / total if total else 0.0
            )
            dense = max(hit.dense, hit.context) if leaning else hit.dense
            context_text = " ".join(
                filter(None, [own_text, antecedent.text if antecedent else None, doc.title if doc else None])
            )
            rows.append(
                [
                    dense,
                    hit.context,
                    hit.dense - best_dense,
                    hit.lexical / best_lexical if best_lexical > 0 else 0.0,
                    coverage,
                    *self._alignment(asked_words, asked_vectors, asked_weight, read),
                    proximity(question.terms, read.terms, self.idf),
                    0.0 if holds(figure_kind(question.asks_for), sentence.text, self.vocabulary) else 1.0,
                    names_missing(question.names, context_text),
                    unknown_share,
                    1.0 if years - set(YEAR_RE.findall(context_text)) else 0.0,
                    1.0 if sentence.text.rstrip().rstrip("”\"'’").endswith("?") else 0.0,
                ]
            )
            covered_list.append(own | borrowed)
        return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(FEATURES)), covered_list

    def _alignment(
        self, asked: list[str], vectors: np.ndarray | None, weight: np.ndarray, read: SentenceWords
    ) -> tuple[float, float]:
        """Idf-weighted mean of each asked word's best match among the sentence's words,
        and the weakest best match among the rarer half of the asked words."""
        if not asked:
            return 0.0, 0.0
        exact = np.asarray([1.0 if stem(w) in read.stems else 0.0 for w in asked])
        if vectors is not None and read.vectors is not None:
            best = (vectors @ read.vectors.T).max(axis=1)
            exact = np.maximum(exact, np.clip(best, 0.0, 1.0))
        total = float(weight.sum())
        rare = weight >= np.median(weight)
        mean = float((exact * weight).sum() / total) if total else 0.0
        return mean, float(exact[rare].min())


def figure_kind(kind: str | None) -> str | None:
    """The kind asked for when a sentence must hold it to answer: a date or a figure.
    A "who" or "where" question can be answered by a common noun ("failed asylum
    seekers", "on the coast"), so names are not required.

    >>> [figure_kind(k) for k in ["date", "money", "person", None]]
    ['date', 'money', None, None]
    """
    return kind if kind in FIGURE_KINDS else None


def names_missing(names: Sequence[str], text: str) -> float:
    """Share of ``names`` of which no word appears in ``text`` (case-insensitive, stems).

    >>> names_missing(["Oslo", "Kari Nordmann"], "Nordmann spoke in Bergen.")
    0.5
    >>> names_missing(["Fed"], "The Fed held rates.")
    0.0
    """
    if not names:
        return 0.0
    words = {w.lower().removesuffix("’s").removesuffix("'s") for w in WORD.findall(text)}
    return len(unused_names(names, {stem(w) for w in words} | words)) / len(names)


def unused_names(names: Sequence[str], stems: Collection[str]) -> list[str]:
    """The ``names`` of which no word is among ``stems`` (words and their stems).

    >>> unused_names(["Oslo", "Kari Nordmann"], {"nordmann", "bergen"})
    ['Oslo']
    """
    missing = []
    known = set(stems)  # once, not per name: callers pass the corpus's whole vocabulary
    for name in names:
        parts = {stem(w.lower().removesuffix("’s").removesuffix("'s")) for w in WORD.findall(name)}
        parts = {p for p in parts if p not in STOPWORDS and len(p) > 1}
        if parts and not covered_terms(parts, known):
            missing.append(name)
    return missing


def rank_fit(groups: Sequence[tuple[np.ndarray, np.ndarray, float]], l2: float = 1.0, steps: int = 50) -> np.ndarray:
    """Weights of a conditional logit (softmax over each question's candidates), by Newton's
    method. Each group is (standardised rows, labels with at least one 1, group weight);
    the target spreads evenly over the group's positive rows.

    >>> x = np.array([[1.0], [0.0], [-1.0]])
    >>> bool(rank_fit([(x, np.array([1.0, 0.0, 0.0]), 1.0)])[0] > 0)
    True
    """
    d = groups[0][0].shape[1]

    def loss(w: np.ndarray) -> float:
        total = 0.5 * l2 * float(w @ w)
        for x, y, weight in groups:
            z = x @ w
            top = z.max()
            total -= weight * float((y / y.sum()) @ (z - top - np.log(np.exp(z - top).sum())))
        return total

    w = np.zeros(d)
    for _ in range(steps):
        gradient = l2 * w
        hessian = l2 * np.eye(d)
        for x, y, weight in groups:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            gradient = gradient + weight * (x.T @ (p - y / y.sum()))
            mean = p @ x
            hessian = hessian + weight * ((x * p[:, None]).T @ x - np.outer(mean, mean))
        step = np.linalg.solve(hessian, gradient)
        before, size = loss(w), 1.0
        while size > 1e-4 and loss(w - size * step) > before:
            size /= 2  # damped Newton: never let the loss rise
        w = w - size * step
        if float(np.abs(size * step).max()) < 1e-7:
            break
    return w


def logistic_fit(
    x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50, sample: np.ndarray | None = None
) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2-regularised logistic regression, by Newton's method
    (``x`` already standardised; ``sample`` weighs rows; the bias is not penalised).

    >>> w, b = logistic_fit(np.array([[-2.0], [-1.0], [1.0], [2.0]]), np.array([0.0, 0.0, 1.0, 1.0]))
    >>> bool(w[0] > 0), abs(b) < 1e-9
    (True, True)
    """
    n, d = x.shape
    sample = np.ones(n) if sample is None else sample
    a = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(a @ w)))
        gradient = a.T @ (sample * (p - y)) + penalty * w
        hessian = (a * (sample * p * (1 - p))[:, None]).T @ a + np.diag(penalty) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return w[:-1], float(w[-1])
