"""Run question sets against the engine, report, and check thresholds.

Scope: ``run_eval`` (what ``briefing eval`` calls) runs the named sets, builds one report
dict, prints it as rich tables with every failing case, writes ``report.json`` and
``report.md``, and returns the exit code: 0 when every threshold in ``thresholds.toml``
holds, 1 when one does not. Malformed sets or thresholds raise ``CaseError`` /
``ConfigError`` (both ``AssistantError``), so the CLI reports them like any other error.

Sets: ``article`` (``evals/article.yaml`` on the given corpus, default ``corpus/``),
``squad2`` (the SQuAD 2.0 sample, always in a fresh temporary corpus and index), or the
path of any other YAML set (run on the given corpus; thresholds looked up by file stem).
Left out: judging answers with a model; everything here is string and span matching.
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
import tomllib
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from assistant.errors import AssistantError, ConfigError
from evals import squad
from evals.cases import SPLITS, Case, CaseError, load_cases
from evals.metrics import (
    CaseResult,
    Cited,
    Span,
    case_set_metrics,
    failure_reasons,
    is_valid,
)

if TYPE_CHECKING:
    from assistant import Answer, Assistant

EVALS_DIR = Path(__file__).parent
CASE_SETS: dict[str, Path] = {"article": EVALS_DIR / "article.yaml"}
SQUAD_SET = "squad2"
JUDGED_SPLIT = "check"  # thresholds judge this split; the other is for fitting (tune)
# The SQuAD sample splits by article: mechanisms are fit on one, judged on the other.
SQUAD_SPLITS: dict[str, str] = {"Normans": "tune", "Computational_complexity_theory": "check"}
DEFAULT_SETS: tuple[str, ...] = ("article", SQUAD_SET)
THRESHOLDS_FILE = EVALS_DIR / "thresholds.toml"
DEFAULT_REPORT_DIR = Path("eval-report")
REPORT_VERSION = 1
_EPS = 1e-9  # float slack so 0.95 passes ">= 0.95" after a division

# Which metrics the summary table shows for each kind of set, in order.
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
# Column labels short enough for an 80-column CI log.
_SHORT = {
    "cases": "n",
    "questions": "n",
    "pass_rate": "pass",
    "answer_correctness": "correct",
    "forbidden_claim_rate": "forbid",
    "citation_recall": "c.rec",
    "citation_precision": "c.prec",
    "decline_recall": "decl.rec",
    "latency_p50_ms": "p50 ms",
    "latency_p95_ms": "p95 ms",
    "overall_accuracy": "acc",
    "answerable_cited_gold": "cite.gold",
    "retrieval_recall_at_5": "r@5",
    "unanswerable_declined": "unans.decl",
    "answerable_answered": "ans.ans",
    "citation_validity": "valid",
}
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


# --------------------------------------------------------------------------- entry points


def run_eval(
    sets: Sequence[str] | None = None,
    report_dir: Path | None = None,
    corpus: Path | None = None,
    index_dir: Path | None = None,
    console: Console | None = None,
    *,
    thresholds_file: Path = THRESHOLDS_FILE,
    max_listed: int = 40,
    chroma_url: str | None = None,
    collection: str | None = None,
    split: str | None = None,
) -> int:
    """Run ``sets`` (default: article and squad2), print and write the report, return the
    exit code (0: all thresholds hold; 1: at least one fails).

    Every set is scored per split (tune and check, see ``evals/cases.py``); thresholds
    judge the check split only. ``split`` runs one split alone (``"tune"`` while fitting
    a mechanism, so no check case is asked or shown); when the check split is not run no
    threshold is checked.

    ``corpus``, ``index_dir``, ``chroma_url`` and ``collection`` apply to YAML sets (None:
    the engine's defaults; a ``chroma_url`` runs them against that Chroma server); the SQuAD set always
    builds its own temporary corpus and embedded index. ``report_dir`` defaults to
    ``./eval-report``. ``max_listed`` caps the failing cases printed per set (all of them
    are in report.md and report.json).
    """
    console = console or Console()
    names = list(sets) if sets else list(DEFAULT_SETS)
    if split is not None and split not in SPLITS:
        raise ConfigError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    splits = (split,) if split else SPLITS
    all_thresholds = load_thresholds(thresholds_file)
    # Resolve names and validate every YAML set before the (slow) engine starts.
    resolved = [(name, _resolve_set(name)) for name in names]
    loaded = {str(path): [c for c in load_cases(path) if c.split in splits] for _, path in resolved if path is not None}

    report: dict[str, Any] = {
        "version": REPORT_VERSION,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "splits": list(splits),
        "judged_split": JUDGED_SPLIT,
        "sets": {},
    }
    bot: Assistant | None = None
    for name, path in resolved:
        if path is None:
            section = run_squad_set(console, splits=splits)
        else:
            if bot is None:
                bot = _assistant(corpus, index_dir, chroma_url, collection)
            label = name if name in CASE_SETS else path.stem  # a custom set is named by its file
            section = run_case_set(bot, label, loaded[str(path)], source=str(path), console=console)
        limits = all_thresholds.get(section["name"], {})
        section["thresholds"] = limits
        judged = section["splits"].get(JUDGED_SPLIT)
        section["threshold_failures"] = check_thresholds(judged["metrics"], limits) if judged else []
        report["sets"][section["name"]] = section
    report["passed"] = not any(s["threshold_failures"] for s in report["sets"].values())
    report["thresholds_checked"] = JUDGED_SPLIT in splits

    print_report(report, console, max_listed=max_listed)
    out = report_dir or DEFAULT_REPORT_DIR
    write_report(report, out)
    console.print(f"\nreport written to {escape(str(out / 'report.json'))} and report.md")
    return 0 if report["passed"] else 1


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m evals``: the same as ``briefing eval``."""
    parser = argparse.ArgumentParser(prog="briefing eval", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        dest="sets",
        action="append",
        metavar="NAME",
        help=f"set to run: {', '.join(DEFAULT_SETS)} or a path to a YAML set (repeatable)",
    )
    parser.add_argument("--split", choices=SPLITS, help="run one split only (default both; thresholds judge check)")
    parser.add_argument("--report", type=Path, metavar="DIR", help="where to write report.*")
    parser.add_argument("--corpus", type=Path, metavar="DIR", help="corpus for YAML sets")
    parser.add_argument("--index-dir", type=Path, metavar="DIR", help="index for YAML sets")
    args = parser.parse_args(argv)
    console = Console()
    try:
        return run_eval(args.sets, args.report, args.corpus, args.index_dir, console, split=args.split)
    except AssistantError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}")
        return 2


def _resolve_set(name: str) -> Path | None:
    """The YAML path of a set name, None for the SQuAD set; ConfigError if unknown."""
    if name == SQUAD_SET:
        return None
    if name in CASE_SETS:
        return CASE_SETS[name]
    path = Path(name)
    if path.suffix in {".yaml", ".yml"} and path.is_file():
        return path
    raise ConfigError(
        f"unknown eval set {name!r}: use one of {', '.join(DEFAULT_SETS)} or the path of a .yaml question set"
    )


def _assistant(
    corpus: Path | None, index_dir: Path | None, chroma_url: str | None = None, collection: str | None = None
) -> Assistant:
    from assistant import Assistant  # heavy (torch, chroma): imported only when running

    kwargs: dict[str, Any] = {}
    if corpus is not None:
        kwargs["corpus"] = corpus
    if index_dir is not None:
        kwargs["index_dir"] = index_dir
    if chroma_url:
        kwargs["chroma_url"] = chroma_url
    if collection:
        kwargs["collection"] = collection
    return Assistant(**kwargs)


# --------------------------------------------------------------------------- case sets


def document_texts(bot: Assistant) -> dict[str, str]:
    """Every indexed document's text by doc_id: what citation offsets point into."""
    return {d.doc_id: d.text for d in bot.documents}


def locate_support(case: Case, texts: Mapping[str, str], source: str) -> tuple[Span, ...]:
    """The span of each support substring in the corpus; it must occur exactly once."""
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
    )


def run_case_set(bot: Assistant, name: str, cases: Sequence[Case], *, source: str, console: Console) -> dict[str, Any]:
    """Ask every case of a YAML set and score it; return the set's report section."""
    texts = document_texts(bot)
    golds = {c.case_id: locate_support(c, texts, source) for c in cases}  # before any ask
    results: list[CaseResult] = []
    entries: list[dict[str, Any]] = []
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task(f"eval {name}", total=len(cases))
        for case in cases:
            answer, latency, error = ask_case(bot, case)
            result = to_result(case, answer, latency, error, golds[case.case_id])
            reasons = failure_reasons(result, texts)
            results.append(result)
            entries.append(_case_entry(case, answer, result, reasons))
            progress.advance(task)
    by_split: dict[str, list[CaseResult]] = {}
    for case, result in zip(cases, results, strict=True):
        by_split.setdefault(case.split, []).append(result)
    return {
        "name": name,
        "kind": "cases",
        "source": source,
        "corpus": sorted(texts),
        "splits": {
            split: {
                "metrics": case_set_metrics(rs, texts),
                "categories": {
                    cat: case_set_metrics([r for r in rs if r.category == cat], texts)
                    for cat in sorted({r.category for r in rs})
                },
            }
            for split, rs in sorted(by_split.items(), key=lambda kv: SPLITS.index(kv[0]))
        },
        "cases": entries,
        "failing": [e["id"] for e in entries if not e["passed"]],
    }


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
        },
        "passed": not reasons,
        "reasons": reasons,
        "latency_ms": round(result.latency_ms, 2),
        "answer": answer.to_dict() if answer else None,
        "error": result.error,
    }


# --------------------------------------------------------------------------- SQuAD


def run_squad_set(
    console: Console, data_file: Path = squad.DATA_FILE, *, splits: Sequence[str] = SPLITS
) -> dict[str, Any]:
    """Ingest the two SQuAD articles into a fresh temporary index and score the questions
    of the articles in ``splits`` (``SQUAD_SPLITS``: one article is tune, the other check)."""
    from assistant import Assistant

    articles, questions = squad.load(data_file)
    questions = [q for q in questions if squad_split(q.article) in splits]
    with tempfile.TemporaryDirectory(prefix="briefing-squad2-") as tmp:
        corpus = Path(tmp) / "corpus"
        squad.write_corpus(articles, corpus)
        bot = Assistant(corpus=corpus, index_dir=Path(tmp) / "index")
        texts = document_texts(bot)
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
                results.append(_ask_squad(bot, q, texts))
                progress.advance(task)
    by_split: dict[str, list[squad.SquadResult]] = {}
    for r in results:
        by_split.setdefault(squad_split(r.question.article), []).append(r)
    entries = [_squad_entry(r) for r in results]
    return {
        "name": SQUAD_SET,
        "kind": "squad",
        "source": str(data_file),
        "corpus": [a.doc_id for a in articles],
        "splits": {
            split: {"metrics": squad.squad_metrics(rs), "categories": _squad_groups(rs)}
            for split, rs in sorted(by_split.items(), key=lambda kv: SPLITS.index(kv[0]))
        },
        "cases": entries,
        "failing": [e["id"] for e in entries if not e["passed"]],
    }


def squad_split(article: str) -> str:
    """The split of a SQuAD article; an article not named in ``SQUAD_SPLITS`` is check."""
    return SQUAD_SPLITS.get(article, JUDGED_SPLIT)


def _squad_groups(results: Sequence[squad.SquadResult]) -> dict[str, dict[str, float | None]]:
    """SQuAD metrics per article and per answerable/unanswerable."""
    by_group: dict[str, list[squad.SquadResult]] = {}
    for r in results:
        by_group.setdefault(r.question.article, []).append(r)
        by_group.setdefault("answerable" if r.question.answerable else "unanswerable", []).append(r)
    return {g: squad.squad_metrics(rs) for g, rs in sorted(by_group.items())}


def _ask_squad(bot: Assistant, q: squad.SquadQuestion, texts: Mapping[str, str]) -> squad.SquadResult:
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


def _squad_entry(r: squad.SquadResult) -> dict[str, Any]:
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
        "answer": {
            "text": r.text,
            "answered": r.answered,
            "citations": list(r.citations),
        },
        "error": r.error,
    }


# --------------------------------------------------------------------------- thresholds


def load_thresholds(path: Path = THRESHOLDS_FILE) -> dict[str, dict[str, dict[str, float]]]:
    """Read ``thresholds.toml``: ``{set: {metric: {"min"|"max": value}}}``, validated."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read eval thresholds {path}: {exc}") from exc
    out: dict[str, dict[str, dict[str, float]]] = {}
    for set_name, metrics in raw.items():
        if not isinstance(metrics, dict):
            raise ConfigError(f"{path}: [{set_name}] must be a table of metric = {{ min = x }}")
        out[set_name] = {}
        for metric, bound in metrics.items():
            if (
                not isinstance(bound, dict)
                or not bound
                or set(bound) - {"min", "max"}
                or not all(isinstance(v, int | float) for v in bound.values())
            ):
                raise ConfigError(f"{path}: {set_name}.{metric} must be {{ min = number }} or {{ max = number }}")
            out[set_name][metric] = {k: float(v) for k, v in bound.items()}
    return out


def check_thresholds(
    metrics: Mapping[str, float | None], limits: Mapping[str, Mapping[str, float]]
) -> list[dict[str, Any]]:
    """Each broken threshold as ``{metric, value, min|max, why}``; empty when all hold.

    An unknown metric name is a ConfigError (a typo must not disable a check); an
    undefined (None) value breaks its threshold.
    """
    failures: list[dict[str, Any]] = []
    for metric, bound in limits.items():
        if metric not in metrics:
            raise ConfigError(f"thresholds name unknown metric {metric!r}; known: {', '.join(sorted(metrics))}")
        value = metrics[metric]
        why = None
        if value is None:
            why = "undefined on this run (nothing to measure)"
        elif "min" in bound and value < bound["min"] - _EPS:
            why = f"{value:.3f} < min {bound['min']}"
        elif "max" in bound and value > bound["max"] + _EPS:
            why = f"{value:.3f} > max {bound['max']}"
        if why:
            failures.append({"metric": metric, "value": value, **bound, "why": why})
    return failures


# --------------------------------------------------------------------------- output


def _fmt(metric: str, value: float | None) -> str:
    if value is None:
        return "n/a"
    if metric.endswith("_ms"):
        return f"{value:.0f} ms"
    if metric in {"cases", "questions"}:
        return str(int(value))
    return f"{value:.3f}"


def _cell(metric: str, value: float | None) -> str:
    """A compact table cell: two decimals, latency as a bare number of ms."""
    if value is None:
        return "n/a"
    if metric.endswith("_ms") or metric in {"cases", "questions"}:
        return f"{value:.0f}"
    return f"{value:.2f}"


def _bound(bound: Mapping[str, float] | None) -> str:
    if not bound:
        return ""
    return " ".join(f"{'>=' if k == 'min' else '<='} {v:g}" for k, v in bound.items())


def _metric_names(section: Mapping[str, Any]) -> tuple[str, ...]:
    return SQUAD_METRICS if section["kind"] == "squad" else CASE_METRICS


def _category_names(section: Mapping[str, Any]) -> tuple[str, ...]:
    return SQUAD_METRICS if section["kind"] == "squad" else CATEGORY_METRICS


def _split_names(section: Mapping[str, Any]) -> list[str]:
    return list(section["splits"])


def _side_by_side(section: Mapping[str, Any], metric: str, category: str | None = None) -> list[float | None]:
    """A metric's value in each split of the section (of one category when given)."""
    values: list[float | None] = []
    for split in _split_names(section):
        part = section["splits"][split]
        source = part["metrics"] if category is None else part["categories"].get(category, {})
        values.append(source.get(metric))
    return values


def _category_rows(section: Mapping[str, Any]) -> list[tuple[str, str, Mapping[str, float | None]]]:
    """``(category, split, metrics)`` for every category, its splits side by side."""
    categories = sorted({cat for part in section["splits"].values() for cat in part["categories"]})
    return [
        (cat, split, part["categories"][cat])
        for cat in categories
        for split, part in section["splits"].items()
        if cat in part["categories"]
    ]


def _status(section: Mapping[str, Any], metric: str, failed: Mapping[str, str], *, markup: bool) -> str:
    limit = section["thresholds"].get(metric)
    if not limit or JUDGED_SPLIT not in section["splits"]:
        return ""
    if metric in failed:
        return "[red]FAIL[/red]" if markup else f"FAIL ({failed[metric]})"
    return "[green]ok[/green]" if markup else "ok"


def print_report(report: Mapping[str, Any], console: Console, *, max_listed: int = 40) -> None:
    """Print each set's metric table (one column per split, thresholds judging check), its
    category table (cells ``tune / check``) and its failing cases."""
    for name, section in report["sets"].items():
        failed = {f["metric"]: f["why"] for f in section["threshold_failures"]}
        splits = _split_names(section)
        table = Table(title=f"eval set: {name} ({section['source']})")
        for col in ("metric", *splits, "threshold", f"status ({JUDGED_SPLIT})"):
            table.add_column(col, justify="left" if col == "metric" else "right")
        for metric in _metric_names(section):
            cells = [_fmt(metric, v) for v in _side_by_side(section, metric)]
            limit = section["thresholds"].get(metric)
            table.add_row(metric, *cells, _bound(limit), _status(section, metric, failed, markup=True))
        console.print(table)

        cols = _category_names(section)
        cats = Table(title=f"{name}: per category and split")
        cats.add_column("category", no_wrap=True)
        cats.add_column("split")
        for col in cols:
            cats.add_column(_SHORT.get(col, col), justify="right")
        for cat, split, values in _category_rows(section):
            cats.add_row(cat, split, *(_cell(c, values.get(c)) for c in cols))
        console.print(cats)

        failing = [c for c in section["cases"] if not c["passed"]]
        console.print(f"[bold]{name}: {len(failing)} failing case(s) of {len(section['cases'])}[/bold]")
        for case in failing[:max_listed]:
            console.print(escape(_case_text(case)))
        if len(failing) > max_listed:
            console.print(f"... {len(failing) - max_listed} more failing cases in report.md")
        for f in section["threshold_failures"]:
            console.print(f"[red]threshold failed[/red] {name}.{f['metric']} ({JUDGED_SPLIT}): {f['why']}")
    if not report["thresholds_checked"]:
        console.print(f"[yellow]thresholds not checked: the {JUDGED_SPLIT} split was not run[/yellow]")
    elif report["passed"]:
        console.print("[green]all thresholds hold[/green]")
    else:
        console.print("[red]thresholds failed[/red]")


def _case_text(case: Mapping[str, Any]) -> str:
    """A failing case as plain text: question(s), answer, citations, expected, reasons."""
    lines = [f"\nFAIL {case['id']} [{case['category']}, {case['split']}] expected: {case['expect']}"]
    for i, turn in enumerate(case["turns"], 1):
        prefix = "Q" if len(case["turns"]) == 1 else f"Q{i}"
        lines.append(f"  {prefix}: {turn}")
    answer = case.get("answer")
    if answer:
        state = "answered" if answer["answered"] else "declined"
        lines.append(f"  A ({state}): {' '.join(answer['text'].split())}")
        for c in answer.get("citations", []):
            tag = " related" if c.get("related") else ""
            lines.append(f"    [{c['marker']}]{tag} {c['doc_id']} {c['start']}-{c['end']}: {c['quote']!r}")
    expected = case["expected"]
    for key, value in expected.items():
        if value:
            lines.append(f"  expected {key}: {value}")
    for reason in case["reasons"]:
        lines.append(f"  - {reason}")
    return "\n".join(lines)


def write_report(report: Mapping[str, Any], folder: Path) -> None:
    """Write ``report.json`` (everything) and ``report.md`` (tables + failing cases)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "report.md").write_text(render_markdown(report), encoding="utf-8")


def render_markdown(report: Mapping[str, Any]) -> str:
    """The report as Markdown: per set, metrics per split with thresholds (judging the
    check split), categories per split, failing cases."""
    if not report["thresholds_checked"]:
        overall = f"**thresholds not checked** (the {JUDGED_SPLIT} split was not run)"
    else:
        overall = "**all thresholds hold**" if report["passed"] else "**thresholds failed**"
    out = [
        "# Eval report",
        "",
        f"Generated {report['generated_at']}. Overall: {overall}. Thresholds judge the `{JUDGED_SPLIT}` split.",
        "",
        "Metric definitions: `evals/README.md`.",
    ]
    for name, section in report["sets"].items():
        failed = {f["metric"]: f["why"] for f in section["threshold_failures"]}
        splits = _split_names(section)
        out += ["", f"## Set `{name}`", "", f"Source: `{section['source']}`", ""]
        out += ["| metric | " + " | ".join(splits) + " | threshold | status |"]
        out.append("|---|" + "---:|" * len(splits) + "---:|---|")
        for metric in _metric_names(section):
            cells = " | ".join(_fmt(metric, v) for v in _side_by_side(section, metric))
            status = _status(section, metric, failed, markup=False)
            out.append(f"| {metric} | {cells} | {_bound(section['thresholds'].get(metric))} | {status} |")
        cols = _category_names(section)
        out += ["", "### Per category and split", "", "| category | split | " + " | ".join(cols) + " |"]
        out.append("|---|---|" + "---:|" * len(cols))
        for cat, split, values in _category_rows(section):
            out.append(f"| {cat} | {split} | " + " | ".join(_fmt(c, values.get(c)) for c in cols) + " |")
        failing = [c for c in section["cases"] if not c["passed"]]
        out += ["", f"### Failing cases ({len(failing)} of {len(section['cases'])})", ""]
        for case in failing:
            out += ["```text", _case_text(case).strip(), "```", ""]
    return "\n".join(out) + "\n"
