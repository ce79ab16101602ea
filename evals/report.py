"""The eval report: typed records, and their rendering as tables, Markdown and JSON.

Scope: ``SetReport`` (one set: its metrics per split, per category, every case) and
``Report`` (all sets of a run), with ``to_dict()`` for ``report.json``;
``print_report`` (rich tables, tune and check side by side, then the failing cases, ending
with every set's check figures against its thresholds),
``render_markdown`` and ``write_report``. Nothing here runs the engine or judges a
threshold: the runner attaches the threshold results before the report is printed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from evals.cases import SPLITS

REPORT_VERSION = 2  # 2: metrics per split (tune, check); thresholds judge check
JUDGED_SPLIT = "check"  # thresholds judge this split; the other one is for fitting (tune)

Metrics = Mapping[str, float | None]
R = TypeVar("R")

# Column labels short enough for an 80-column CI log.
_SHORT = {
    "cases": "n",
    "questions": "n",
    "pass_rate": "pass",
    "answer_correctness": "correct",
    "forbidden_claim_rate": "forbid",
    "citation_recall": "c.rec",
    "citation_precision": "c.prec",
    "decline_precision": "decl.prec",
    "decline_recall": "decl.rec",
    "source_accuracy": "source",
    "latency_p50_ms": "p50 ms",
    "latency_p95_ms": "p95 ms",
    "overall_accuracy": "acc",
    "answerable_cited_gold": "cite.gold",
    "retrieval_recall_at_5": "r@5",
    "unanswerable_declined": "unans.decl",
    "answerable_answered": "ans.ans",
    "citation_validity": "valid",
    "premise_correction_rate": "premise",
    "key_fact_recall": "key facts",
    "speaker_precision": "speakers",
    "disagreement_recall": "disagree",
    "near_duplicates": "near.dup",
}


@dataclass(frozen=True)
class SplitScores:
    """A set's metrics on one split, overall and per category."""

    metrics: Metrics
    categories: Mapping[str, Metrics] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"metrics": dict(self.metrics), "categories": {k: dict(v) for k, v in self.categories.items()}}


@dataclass(frozen=True)
class SetReport:
    """One eval set's results.

    ``splits`` holds the splits that were run, in ``SPLITS`` order. ``cases`` holds one
    JSON-ready entry per case with at least ``id``, ``category``, ``split``, ``turns``,
    ``expect``, ``expected``, ``passed``, ``reasons``, ``latency_ms``, ``answer`` and
    ``error``. ``metric_names`` and ``category_metric_names`` are the rows of the summary
    table and the columns of the category table, in order.
    """

    name: str
    kind: str  # "cases", "squad", or the kind of a plugged-in set (e.g. "briefing")
    source: str
    corpus: tuple[str, ...]
    splits: Mapping[str, SplitScores]
    cases: tuple[Mapping[str, Any], ...]
    metric_names: tuple[str, ...]
    category_metric_names: tuple[str, ...]
    thresholds: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    threshold_failures: tuple[Mapping[str, Any], ...] = ()

    @property
    def judged(self) -> SplitScores | None:
        """The scores thresholds judge (the check split), None when it was not run."""
        return self.splits.get(JUDGED_SPLIT)

    @property
    def failing(self) -> list[Mapping[str, Any]]:
        return [c for c in self.cases if not c["passed"]]

    def judged_by(
        self, thresholds: Mapping[str, Mapping[str, float]], failures: Sequence[Mapping[str, Any]]
    ) -> SetReport:
        """This report with its thresholds and the ones that broke attached."""
        return replace(self, thresholds=dict(thresholds), threshold_failures=tuple(failures))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "source": self.source,
            "corpus": list(self.corpus),
            "splits": {name: scores.to_dict() for name, scores in self.splits.items()},
            "thresholds": {k: dict(v) for k, v in self.thresholds.items()},
            "threshold_failures": [dict(f) for f in self.threshold_failures],
            "cases": [dict(c) for c in self.cases],
            "failing": [c["id"] for c in self.failing],
        }


@dataclass(frozen=True)
class Report:
    """All sets of one ``briefing eval`` run."""

    generated_at: str
    python: str
    splits: tuple[str, ...]
    sets: tuple[SetReport, ...]

    @property
    def thresholds_checked(self) -> bool:
        """False when the check split was not run: no threshold was judged."""
        return JUDGED_SPLIT in self.splits

    @property
    def passed(self) -> bool:
        return not any(s.threshold_failures for s in self.sets)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": REPORT_VERSION,
            "generated_at": self.generated_at,
            "python": self.python,
            "splits": list(self.splits),
            "judged_split": JUDGED_SPLIT,
            "thresholds_checked": self.thresholds_checked,
            "passed": self.passed,
            "sets": {s.name: s.to_dict() for s in self.sets},
        }


def split_scores(
    results: Sequence[R],
    split_of: Callable[[R], str],
    category_of: Callable[[R], str],
    score: Callable[[Sequence[R]], Metrics],
) -> dict[str, SplitScores]:
    """Score results per split (in ``SPLITS`` order) and per category within each split.

    ``split_of(r)`` and ``category_of(r)`` name a result's split and category;
    ``score(rs)`` returns the metrics of a list of results.
    """
    out: dict[str, SplitScores] = {}
    for split in SPLITS:
        part = [r for r in results if split_of(r) == split]
        if not part:
            continue
        categories = sorted({category_of(r) for r in part})
        out[split] = SplitScores(
            metrics=score(part),
            categories={c: score([r for r in part if category_of(r) == c]) for c in categories},
        )
    return out


# --------------------------------------------------------------------------- formatting


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


def _status(section: SetReport, metric: str, *, markup: bool) -> str:
    failed = {f["metric"]: f["why"] for f in section.threshold_failures}
    if not section.thresholds.get(metric) or section.judged is None:
        return ""
    if metric in failed:
        return "[red]FAIL[/red]" if markup else f"FAIL ({failed[metric]})"
    return "[green]ok[/green]" if markup else "ok"


def _category_rows(section: SetReport) -> list[tuple[str, str, Metrics]]:
    """``(category, split, metrics)`` for every category, its splits side by side."""
    categories = sorted({cat for part in section.splits.values() for cat in part.categories})
    return [
        (cat, split, part.categories[cat])
        for cat in categories
        for split, part in section.splits.items()
        if cat in part.categories
    ]


def case_text(case: Mapping[str, Any]) -> str:
    """A failing case as plain text: question(s), answer, citations, expected, reasons."""
    lines = [f"\nFAIL {case['id']} [{case['category']}, {case['split']}] expected: {case['expect']}"]
    for i, turn in enumerate(case["turns"], 1):
        prefix = "Q" if len(case["turns"]) == 1 else f"Q{i}"
        lines.append(f"  {prefix}: {turn}")
    answer = case.get("answer")
    if isinstance(answer, str):  # a briefing set's case: the briefing's Markdown
        lines += [f"  {line}" for line in answer.splitlines() if line.strip()]
    elif answer:
        if answer.get("standalone_question"):
            lines.append(f"  rewritten as: {answer['standalone_question']}")
        state = "answered" if answer["answered"] else "declined"
        lines.append(f"  A ({state}): {' '.join(answer['text'].split())}")
        if answer.get("reason"):  # the composer's own account of why it answered or declined
            lines.append(f"  why: {answer['reason']}")
        for c in answer.get("citations", []):
            tag = " related" if c.get("related") else ""
            lines.append(f"    [{c['marker']}]{tag} {c['doc_id']} {c['start']}-{c['end']}: {c['quote']!r}")
    for key, value in case["expected"].items():
        if value:
            lines.append(f"  expected {key}: {value}")
    for reason in case["reasons"]:
        lines.append(f"  - {reason}")
    return "\n".join(lines)


def overview(report: Report) -> list[tuple[str, str, int, int, str]]:
    """One row per set and split: ``(set, split, cases, passed, thresholds)``, where
    thresholds reads ``ok``, ``N failed`` (judged split only) or is empty."""
    rows: list[tuple[str, str, int, int, str]] = []
    for section in report.sets:
        for split in section.splits:
            cases = [c for c in section.cases if c["split"] == split]
            verdict = ""
            if split == JUDGED_SPLIT and section.thresholds:
                failed = len(section.threshold_failures)
                verdict = f"{failed} failed" if failed else "ok"
            rows.append((section.name, split, len(cases), sum(bool(c["passed"]) for c in cases), verdict))
    return rows


def check_figures(report: Report) -> list[tuple[str, tuple[str, ...], str]]:
    """What the thresholds judged: one row per set that has thresholds and whose check split
    was run, ``(set, figures, verdict)``. ``figures`` holds every metric with a threshold as
    ``label value bound`` (``FAIL`` after a broken one), ``verdict`` reads ``ok`` or ``N failed``.
    Sets without thresholds (tune-only corpora) and runs of the tune split alone give no row.
    """
    rows: list[tuple[str, tuple[str, ...], str]] = []
    for section in report.sets:
        judged = section.judged
        if judged is None or not section.thresholds:
            continue
        failed = {f["metric"] for f in section.threshold_failures}
        figures = tuple(
            f"{_SHORT.get(metric, metric)} {_fmt(metric, judged.metrics.get(metric))} {_bound(bound)}"
            + (" FAIL" if metric in failed else "")
            for metric, bound in section.thresholds.items()
        )
        rows.append((section.name, figures, f"{len(failed)} failed" if failed else "ok"))
    return rows


def packed(items: Sequence[str], width: int = 40) -> str:
    """``items`` joined by ", " into lines of at most ``width`` characters, a line break only
    between items (a longer item stands alone), so a narrow table never splits one.

    >>> print(packed(["c.rec 0.923 >= 0.9", "forbid 0.000 <= 0", "valid 1.000 >= 1"], width=38))
    c.rec 0.923 >= 0.9, forbid 0.000 <= 0,
    valid 1.000 >= 1
    """
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + len(item) + 2 <= width:
            lines[-1] += f", {item}"
        else:
            if lines:
                lines[-1] += ","
            lines.append(item)
    return "\n".join(lines)


def print_report(report: Report, console: Console, *, max_listed: int = 40) -> None:
    """Print each set's metric table (one column per split, thresholds judging check), its
    category table (one row per category and split) and its failing cases, then an
    overview of every set and split, then every set's check figures against its thresholds
    (``check_figures``) and the verdict, so that a CI log ends with what was judged."""
    for section in report.sets:
        name = section.name
        table = Table(title=f"eval set: {name} ({section.source})")
        for col in ("metric", *section.splits, "threshold", f"status ({JUDGED_SPLIT})"):
            table.add_column(col, justify="left" if col == "metric" else "right")
        for metric in section.metric_names:
            cells = [_fmt(metric, part.metrics.get(metric)) for part in section.splits.values()]
            limit = section.thresholds.get(metric)
            table.add_row(metric, *cells, _bound(limit), _status(section, metric, markup=True))
        console.print(table)

        cols = section.category_metric_names
        cats = Table(title=f"{name}: per category and split")
        cats.add_column("category", no_wrap=True)
        cats.add_column("split")
        for col in cols:
            cats.add_column(_SHORT.get(col, col), justify="right")
        for cat, split, values in _category_rows(section):
            cats.add_row(cat, split, *(_cell(c, values.get(c)) for c in cols))
        console.print(cats)

        failing = section.failing
        console.print(f"[bold]{name}: {len(failing)} failing case(s) of {len(section.cases)}[/bold]")
        for case in failing[:max_listed]:
            console.print(escape(case_text(case)))
        if len(failing) > max_listed:
            console.print(f"... {len(failing) - max_listed} more failing cases in report.md")
        for f in section.threshold_failures:
            console.print(f"[red]threshold failed[/red] {name}.{f['metric']} ({JUDGED_SPLIT}): {f['why']}")
    summary = Table(title="overview: cases passed per set and split")
    for col in ("set", "split", "cases", "passed", "share", "thresholds"):
        summary.add_column(col, justify="left" if col in {"set", "split"} else "right")
    for name, split, n, passed, verdict in overview(report):
        summary.add_row(name, split, str(n), str(passed), f"{passed / n:.2f}" if n else "n/a", verdict)
    console.print(summary)
    judged = Table(title=f"{JUDGED_SPLIT} figures vs thresholds (judged by CI)")
    for col in ("set", "figures: value, threshold", "status"):
        judged.add_column(col, justify="right" if col == "status" else "left")
    for name, figures, verdict in check_figures(report):
        judged.add_row(name, packed(figures), verdict if verdict == "ok" else f"[red]{verdict}[/red]")
    if judged.rows:
        console.print(judged)
    if not report.thresholds_checked:
        console.print(f"[yellow]thresholds not checked: the {JUDGED_SPLIT} split was not run[/yellow]")
    elif report.passed:
        console.print("[green]all thresholds hold[/green]")
    else:
        console.print("[red]thresholds failed[/red]")


def render_markdown(report: Report) -> str:
    """The report as Markdown: per set, metrics per split with thresholds (judging the
    check split), categories per split, failing cases."""
    if not report.thresholds_checked:
        overall = f"**thresholds not checked** (the {JUDGED_SPLIT} split was not run)"
    else:
        overall = "**all thresholds hold**" if report.passed else "**thresholds failed**"
    out = [
        "# Eval report",
        "",
        f"Generated {report.generated_at}. Overall: {overall}. Thresholds judge the `{JUDGED_SPLIT}` split.",
        "",
        "Metric definitions: `evals/README.md`.",
        "",
        "| set | split | cases | passed | thresholds |",
        "|---|---|---:|---:|---|",
        *(f"| {name} | {split} | {n} | {passed} | {verdict} |" for name, split, n, passed, verdict in overview(report)),
    ]
    for section in report.sets:
        splits = list(section.splits)
        out += ["", f"## Set `{section.name}`", "", f"Source: `{section.source}`", ""]
        out += ["| metric | " + " | ".join(splits) + " | threshold | status |"]
        out.append("|---|" + "---:|" * len(splits) + "---:|---|")
        for metric in section.metric_names:
            cells = " | ".join(_fmt(metric, part.metrics.get(metric)) for part in section.splits.values())
            status = _status(section, metric, markup=False)
            out.append(f"| {metric} | {cells} | {_bound(section.thresholds.get(metric))} | {status} |")
        cols = section.category_metric_names
        out += ["", "### Per category and split", "", "| category | split | " + " | ".join(cols) + " |"]
        out.append("|---|---|" + "---:|" * len(cols))
        for cat, split, values in _category_rows(section):
            out.append(f"| {cat} | {split} | " + " | ".join(_fmt(c, values.get(c)) for c in cols) + " |")
        failing = section.failing
        out += ["", f"### Failing cases ({len(failing)} of {len(section.cases)})", ""]
        for case in failing:
            out += ["```text", case_text(case).strip(), "```", ""]
    return "\n".join(out) + "\n"


def write_report(report: Report, folder: Path) -> None:
    """Write ``report.json`` (everything) and ``report.md`` (tables + failing cases)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.json").write_text(
        json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (folder / "report.md").write_text(render_markdown(report), encoding="utf-8")
