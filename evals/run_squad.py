"""Run the SQuAD 2.0 sample against the engine: one article to tune on, one to check.

Scope: build the two articles as a fresh temporary corpus and embedded index, ask the
questions of the articles in the requested splits exactly as written, score them with
``evals.squad`` per split (``SQUAD_SPLITS``) and per group (article, answerable,
unanswerable).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import Progress

from assistant.errors import AssistantError, ConfigError
from evals import squad
from evals.cases import SPLITS
from evals.metrics import Cited, is_valid
from evals.report import JUDGED_SPLIT, SetReport, SplitScores

if TYPE_CHECKING:
    from assistant import Answer, Assistant

SQUAD_SET = "squad2"
# Mechanisms are fit on one article and judged on the other. Normans is the smaller
# (208 questions), so the judged figure rests on the larger article (418).
SQUAD_SPLITS: dict[str, str] = {"Normans": "tune", "Computational_complexity_theory": "check"}
SQUAD_METRICS = (
    "questions",
    "overall_accuracy",
    "answerable_cited_gold",
    "retrieval_recall_at_5",
    "unanswerable_declined",
    "answerable_answered",
    "citation_validity",
    "latency_p50_ms",
    "latency_p95_ms",
)


def squad_split(article: str) -> str:
    """The split of a SQuAD article; an article not named in ``SQUAD_SPLITS`` is check."""
    return SQUAD_SPLITS.get(article, JUDGED_SPLIT)


def run_squad_set(
    console: Console,
    *,
    splits: Sequence[str] = SPLITS,
    data_file: Path = squad.DATA_FILE,
    engine_options: Mapping[str, Any] | None = None,
) -> SetReport | None:
    """Ingest the SQuAD articles into a fresh temporary index and score the questions of
    the articles in ``splits``; None when no article is in them. ``engine_options`` go to
    the ``Assistant`` (e.g. which composer answers)."""
    from assistant import Assistant

    articles, questions = squad.load(data_file)
    questions = [q for q in questions if squad_split(q.article) in splits]
    if not questions:
        return None
    with tempfile.TemporaryDirectory(prefix="briefing-squad2-") as tmp:
        corpus = Path(tmp) / "corpus"
        squad.write_corpus(articles, corpus)
        bot = Assistant(corpus=corpus, index_dir=Path(tmp) / "index", **dict(engine_options or {}))
        texts = {d.doc_id: d.text for d in bot.documents}
        for article in articles:
            if texts.get(article.doc_id) != article.text:
                raise ConfigError(
                    f"the engine's text of {article.doc_id} differs from the file written; "
                    "SQuAD answer offsets cannot be located (the corpus loader must keep "
                    ".txt text verbatim)"
                )
        results: list[squad.SquadResult] = []
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task(f"eval {SQUAD_SET}", total=len(questions))
            for q in questions:
                results.append(_ask(bot, q, texts))
                progress.advance(task)
    by_split: dict[str, SplitScores] = {}
    for split in SPLITS:
        part = [r for r in results if squad_split(r.question.article) == split]
        if part:
            by_split[split] = SplitScores(squad.squad_metrics(part), _groups(part))
    return SetReport(
        name=SQUAD_SET,
        kind="squad",
        source=str(data_file),
        corpus=tuple(a.doc_id for a in articles),
        splits=by_split,
        cases=tuple(_entry(r) for r in results),
        metric_names=SQUAD_METRICS,
        category_metric_names=SQUAD_METRICS,
    )


def _groups(results: Sequence[squad.SquadResult]) -> dict[str, Mapping[str, float | None]]:
    """SQuAD metrics per article and per answerable/unanswerable."""
    by_group: dict[str, list[squad.SquadResult]] = {}
    for r in results:
        by_group.setdefault(r.question.article, []).append(r)
        by_group.setdefault("answerable" if r.question.answerable else "unanswerable", []).append(r)
    return {g: squad.squad_metrics(rs) for g, rs in sorted(by_group.items())}


def _ask(bot: Assistant, q: squad.SquadQuestion, texts: Mapping[str, str]) -> squad.SquadResult:
    error: str | None = None
    answer: Answer | None = None
    latency = 0.0
    try:
        started = time.perf_counter()
        answer = bot.ask(q.question)
        latency = (time.perf_counter() - started) * 1000
    except AssistantError as exc:
        error = f"{type(exc).__name__}: {exc}"
    citations = list(answer.citations) if answer else []
    quotes = tuple(c.quote for c in citations if not c.related)
    retrieved = False
    if q.answerable:
        hits = bot.retrieve(q.question, k=5)[:5]
        retrieved = any(squad.holds_answer(h.sentence.start, h.sentence.end, h.sentence.doc_id, q.spans) for h in hits)
    return squad.SquadResult(
        question=q,
        answered=bool(answer and answer.answered),
        text=answer.text if answer else "",
        cited_quotes=quotes,
        cites_gold=q.answerable and squad.cited_contains_answer(quotes, q.answers),
        retrieved_gold=retrieved,
        citations_valid=tuple(
            is_valid(Cited(c.marker, c.doc_id, c.start, c.end, c.quote, c.related), texts) for c in citations
        ),
        latency_ms=latency,
        citations=tuple(c.to_dict() for c in citations),
        error=error,
    )


def _entry(r: squad.SquadResult) -> dict[str, Any]:
    q = r.question
    reasons: list[str] = []
    if r.error:
        reasons.append(f"engine raised: {r.error}")
    if q.answerable:
        if not r.answered:
            reasons.append("expected an answer, got a decline")
        elif not r.cites_gold:
            reasons.append("no cited sentence contains a gold answer")
        if not r.retrieved_gold:
            reasons.append("gold sentence not in the top 5 retrieved (information)")
    elif r.answered:
        reasons.append("unanswerable question was answered")
    if not all(r.citations_valid):
        reasons.append("a citation's quote differs from the document text at its offsets")
    return {
        "id": q.qid,
        "category": f"{q.article}/{'answerable' if q.answerable else 'unanswerable'}",
        "split": squad_split(q.article),
        "turns": [q.question],
        "expect": "answer" if q.answerable else "decline",
        "expected": {"answers": sorted(set(q.answers))},
        "passed": r.correct and all(r.citations_valid),
        "reasons": reasons,
        "latency_ms": round(r.latency_ms, 2),
        "answer": {"text": r.text, "answered": r.answered, "citations": list(r.citations)},
        "error": r.error,
    }
