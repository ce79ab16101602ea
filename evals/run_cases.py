"""Run a YAML question set against the engine and score it.

Scope: locate each case's gold support in the indexed documents (refusing a set whose
support is missing or ambiguous, or whose ``sources`` name no document), ask every case
(earlier turns become history), reduce each answer to a ``CaseResult`` and score the set
per split and per category with the pure metrics of ``evals.metrics``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import Progress

from assistant.errors import AssistantError
from evals.cases import Case, CaseError
from evals.metrics import CaseResult, Cited, Span, case_set_metrics, failure_reasons
from evals.report import SetReport, split_scores

if TYPE_CHECKING:
    from assistant import Answer, Assistant

# Which metrics the summary table shows for a YAML set, in order.
CASE_METRICS = (
    "cases",
    "pass_rate",
    "answer_correctness",
    "forbidden_claim_rate",
    "citation_validity",
    "citation_recall",
    "citation_precision",
    "decline_precision",
    "decline_recall",
    "premise_correction_rate",
    "source_accuracy",
    "premise_flag_rate",
    "latency_p50_ms",
    "latency_p95_ms",
)
CATEGORY_METRICS = (
    "cases",
    "pass_rate",
    "answer_correctness",
    "forbidden_claim_rate",
    "citation_recall",
    "citation_precision",
    "decline_recall",
    "latency_p50_ms",
)


def document_texts(bot: Assistant) -> dict[str, str]:
    """Every indexed document's text by doc_id: what citation offsets point into."""
    return {d.doc_id: d.text for d in bot.documents}


def locate_support(case: Case, texts: Mapping[str, str], source: str) -> tuple[Span, ...]:
    """The span of each support substring in the corpus; it must occur exactly once. Every
    document named in ``sources`` must be in the corpus too."""
    for doc_id in case.sources:
        if doc_id not in texts:
            raise CaseError(
                f"{source}: case {case.case_id!r}: source {doc_id!r} is not a corpus document; "
                f"name a file of the corpus (e.g. {next(iter(sorted(texts)), '?')!r})"
            )
    spans: list[Span] = []
    for needle in case.support:
        found = [Span(doc_id, i, i + len(needle)) for doc_id, text in texts.items() for i in _occurrences(text, needle)]
        if not found:
            raise CaseError(
                f"{source}: case {case.case_id!r}: support {needle!r} is in no corpus document; "
                "copy a distinctive substring of the gold sentence from the document, or run "
                "the set on the corpus it was written for (--corpus)"
            )
        if len(found) > 1:
            raise CaseError(
                f"{source}: case {case.case_id!r}: support {needle!r} occurs {len(found)} times "
                "in the corpus; lengthen it until it names one sentence"
            )
        spans.append(found[0])
    return tuple(spans)


def _occurrences(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def ask_case(bot: Assistant, case: Case) -> tuple[Answer | None, float, str | None]:
    """Ask a case's turns in order, each earlier answer becoming history; return the last
    answer, its wall-clock latency in ms and the engine error, if it raised."""
    history: list[tuple[str, str]] = []
    try:
        for turn in case.turns[:-1]:
            earlier = bot.ask(turn, history=list(history))
            history.append((turn, earlier.text))
        started = time.perf_counter()
        answer = bot.ask(case.question, history=list(history))
        return answer, (time.perf_counter() - started) * 1000, None
    except AssistantError as exc:  # a refused or broken answer is a failing case, not a crash
        return None, 0.0, f"{type(exc).__name__}: {exc}"


def to_result(
    case: Case, answer: Answer | None, latency_ms: float, error: str | None, gold: tuple[Span, ...]
) -> CaseResult:
    """Reduce an engine answer to the record the metrics score."""
    cited = tuple(
        Cited(c.marker, c.doc_id, c.start, c.end, c.quote, c.related) for c in (answer.citations if answer else [])
    )
    return CaseResult(
        case_id=case.case_id,
        category=case.category,
        expect=case.expect,
        answered=bool(answer and answer.answered),
        behaviour=answer.behaviour if answer else "error",
        text=answer.text if answer else "",
        citations=cited,
        facts=case.facts,
        forbidden=case.forbidden,
        gold=gold,
        latency_ms=latency_ms,
        error=error,
        sources=case.sources,
    )


def run_case_set(bot: Assistant, name: str, cases: Sequence[Case], *, source: str, console: Console) -> SetReport:
    """Ask every case of a YAML set and score it per split and category."""
    texts = document_texts(bot)
    golds = {c.case_id: locate_support(c, texts, source) for c in cases}  # before any ask
    results: list[CaseResult] = []
    entries: list[dict[str, Any]] = []
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task(f"eval {name}", total=len(cases))
        for case in cases:
            answer, latency, error = ask_case(bot, case)
            result = to_result(case, answer, latency, error, golds[case.case_id])
            results.append(result)
            entries.append(_case_entry(case, answer, result, failure_reasons(result, texts)))
            progress.advance(task)
    split_of = {c.case_id: c.split for c in cases}
    return SetReport(
        name=name,
        kind="cases",
        source=source,
        corpus=tuple(sorted(texts)),
        splits=split_scores(
            results,
            split_of=lambda r: split_of[r.case_id],
            category_of=lambda r: r.category,
            score=lambda rs: case_set_metrics(rs, texts),
        ),
        cases=tuple(entries),
        metric_names=CASE_METRICS,
        category_metric_names=CATEGORY_METRICS,
    )


def _case_entry(case: Case, answer: Answer | None, result: CaseResult, reasons: list[str]) -> dict[str, Any]:
    return {
        "id": case.case_id,
        "category": case.category,
        "split": case.split,
        "turns": list(case.turns),
        "expect": case.expect,
        "expected": {
            "facts": [list(f) for f in case.facts],
            "forbidden": list(case.forbidden),
            "support": list(case.support),
            "sources": list(case.sources),
        },
        "passed": not reasons,
        "reasons": reasons,
        "latency_ms": round(result.latency_ms, 2),
        "answer": answer.to_dict() if answer else None,
        "error": result.error,
    }
