"""The external benchmark: two articles of the SQuAD 2.0 dev set (CC BY-SA 4.0).

Scope: load the SQuAD v2.0 JSON, write each article as one ``.txt`` document (its
paragraphs joined by blank lines, title in a sidecar) into a corpus folder, locate every
gold answer in the resulting document, and score one engine answer per question. The
questions are asked as written; nothing here (or anywhere) special-cases them.

Left out: SQuAD's exact-match and F1 (the engine answers with whole sentences, not spans);
scoring asks whether the cited sentences *contain* a gold answer instead.
"""

from __future__ import annotations

import json
import re
import string
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from evals.metrics import Span, percentile, share

DATA_DIR = Path(__file__).parent / "data" / "squad2-dev-sample"
DATA_FILE = DATA_DIR / "squad2_dev_first_two_articles.json"
PARAGRAPH_SEPARATOR = "\n\n"

_ARTICLES = re.compile(r"\b(a|an|the)\b")


@dataclass(frozen=True)
class SquadQuestion:
    """One SQuAD question with its gold answers located in the built document."""

    qid: str
    article: str  # the article title, e.g. "Normans"
    doc_id: str  # the corpus file name holding the article
    question: str
    answerable: bool
    answers: tuple[str, ...]  # gold answer texts (several annotators; may repeat)
    spans: tuple[Span, ...]  # where each gold answer sits in the document text


@dataclass(frozen=True)
class SquadArticle:
    """One article as a corpus document."""

    title: str
    doc_id: str
    text: str


@dataclass(frozen=True)
class SquadResult:
    """One scored question."""

    question: SquadQuestion
    answered: bool
    text: str
    cited_quotes: tuple[str, ...]  # evidence citations only (related reading left out)
    cites_gold: bool  # some cited sentence contains a gold answer (answerable only)
    retrieved_gold: bool  # a top-5 retrieved sentence holds a gold answer (answerable only)
    citations_valid: tuple[bool, ...]
    latency_ms: float
    citations: tuple[dict[str, object], ...] = ()
    error: str | None = None

    @property
    def correct(self) -> bool:
        """Answerable: answered and a cited sentence contains a gold answer.
        Unanswerable: declined."""
        if self.question.answerable:
            return self.answered and self.cites_gold and self.error is None
        return not self.answered and self.error is None


def load(path: Path = DATA_FILE) -> tuple[list[SquadArticle], list[SquadQuestion]]:
    """Build the documents and the located questions from a SQuAD v2.0 file.

    Each gold answer's span is its paragraph's offset in the joined document plus
    ``answer_start``; a span whose text does not match the answer raises ``ValueError``
    (a corrupted file, not something to score around).
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    articles: list[SquadArticle] = []
    questions: list[SquadQuestion] = []
    for article in data["data"]:
        title = article["title"]
        doc_id = f"{title}.txt"
        parts: list[str] = []
        offset = 0
        for paragraph in article["paragraphs"]:
            context = paragraph["context"]
            for qa in paragraph["qas"]:
                answers = tuple(a["text"] for a in qa.get("answers", []))
                spans = []
                for a in qa.get("answers", []):
                    start = offset + a["answer_start"]
                    if context[a["answer_start"] : a["answer_start"] + len(a["text"])] != a["text"]:
                        raise ValueError(f"{path}: question {qa['id']}: answer offset mismatch")
                    spans.append(Span(doc_id, start, start + len(a["text"])))
                questions.append(
                    SquadQuestion(
                        qid=qa["id"],
                        article=title,
                        doc_id=doc_id,
                        question=qa["question"],
                        answerable=not qa.get("is_impossible", False),
                        answers=answers,
                        spans=tuple(spans),
                    )
                )
            parts.append(context)
            offset += len(context) + len(PARAGRAPH_SEPARATOR)
        articles.append(SquadArticle(title, doc_id, PARAGRAPH_SEPARATOR.join(parts)))
    return articles, questions


def write_corpus(articles: Sequence[SquadArticle], folder: Path) -> None:
    """Write each article as ``<title>.txt`` with a ``<title>.meta.toml`` sidecar."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / article.doc_id).write_text(article.text, encoding="utf-8")
        title = article.title.replace("_", " ").replace('"', "'")
        sidecar = folder / (Path(article.doc_id).stem + ".meta.toml")
        sidecar.write_text(
            f'title = "{title}"\nkind = "encyclopedia article"\n'
            'source_url = "https://rajpurkar.github.io/SQuAD-explorer/"\n',
            encoding="utf-8",
        )


def normalize_answer(text: str) -> str:
    """SQuAD normalisation: lower case, no punctuation, no articles, collapsed whitespace.

    As the official v2.0 script (``normalize_answer``), except that Unicode punctuation
    (curly quotes) is removed too, not only ASCII ``string.punctuation``: the Wikipedia
    text holds both; and that a dash, a slash or an apostrophe separates words instead of
    gluing them, so a passage's "Dyrrachium—one of the bases of the Adriatic—fell" holds
    the answers "Dyrrachium" and "the Adriatic", and "Edgar's sister" holds "Edgar"
    (answers are normalised the same way).

    >>> normalize_answer("The  Normans' Duchy of Rollo's heirs.")
    'normans duchy of rollo s heirs'
    >>> normalize_answer("Dyrrachium—one of the Adriatic—fell")
    'dyrrachium one of adriatic fell'
    """
    text = text.lower()
    text = "".join(" " if unicodedata.category(ch) == "Pd" or ch in "/'’" else ch for ch in text)
    text = "".join(ch for ch in text if ch not in string.punctuation and not unicodedata.category(ch).startswith("P"))
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def contains_answer(passage: str, answers: Sequence[str]) -> bool:
    """True when the normalised passage holds a normalised gold answer as whole tokens.

    Token containment (``" 10th century "`` inside ``" in 10th century normans "``) rather
    than raw substring, so ``"1"`` does not match inside ``"1066"``. Answers that normalise
    to nothing (``"the"``) are ignored. Edge cases: no answers -> False; empty passage ->
    False.
    """
    hay = f" {normalize_answer(passage)} "
    for answer in answers:
        needle = normalize_answer(answer)
        if needle and f" {needle} " in hay:
            return True
    return False


def cited_contains_answer(quotes: Sequence[str], answers: Sequence[str]) -> bool:
    """True when any cited quote, or all of them joined in citation order (for an answer
    that runs across adjacent cited sentences), contains a gold answer."""
    if not quotes:
        return False
    return any(contains_answer(q, answers) for q in quotes) or contains_answer(" ".join(quotes), answers)


def holds_answer(start: int, end: int, doc_id: str, spans: Sequence[Span]) -> bool:
    """True when the sentence ``[start, end)`` of ``doc_id`` holds the start of a gold span:
    the sentence that "holds the gold answer" is the one the answer begins in."""
    return any(s.doc_id == doc_id and start <= s.start < end for s in spans)


def squad_metrics(results: Sequence[SquadResult]) -> dict[str, float | None]:
    """The benchmark's metrics over a list of scored questions.

    - ``answerable_cited_gold``: share of answerable questions whose evidence citations
      contain a gold answer (``cited_contains_answer``);
    - ``retrieval_recall_at_5``: share of answerable questions for which one of the 5
      best retrieved sentences holds a gold answer (``holds_answer``);
    - ``unanswerable_declined``: share of unanswerable questions declined;
    - ``overall_accuracy``: share of all questions that are ``SquadResult.correct``;
    - ``answerable_answered``: informational, share of answerable questions answered;
    - ``citation_validity``: share of all citations whose quote equals the document text;
    - latency p50 and p95 (ms), nearest rank.
    Each share is None when its denominator is empty.
    """
    answerable = [r for r in results if r.question.answerable]
    unanswerable = [r for r in results if not r.question.answerable]
    latencies = [r.latency_ms for r in results]
    return {
        "questions": float(len(results)),
        "overall_accuracy": share([r.correct for r in results]),
        "answerable_cited_gold": share([r.cites_gold for r in answerable]),
        "retrieval_recall_at_5": share([r.retrieved_gold for r in answerable]),
        "unanswerable_declined": share([not r.answered for r in unanswerable]),
        "answerable_answered": share([r.answered for r in answerable]),
        "citation_validity": share([v for r in results for v in r.citations_valid]),
        "latency_p50_ms": percentile(latencies, 50),
        "latency_p95_ms": percentile(latencies, 95),
    }
