"""The eval runner end to end on the real engine: the article set plus a tiny custom set
with a deliberately wrong case, on a fresh index in tmp_path."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from assistant.errors import ConfigError
from evals import runner
from evals.cases import CaseError
from evals.report import SetReport, case_text, packed, split_scores
from evals.runner import EvalSet, RunContext, register_set, run_eval

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"

TINY_SET = """\
- id: right-money
  category: numbers
  question: How much will the UK invest in Albania's digital forensics?
  expect: answer
  facts:
    - ["£1 million"]
  support: ["Invest £1 million to upgrade"]

- id: wrong-on-purpose
  category: numbers
  question: How much will the UK invest in Albania's digital forensics?
  expect: answer
  facts:
    - ["£7 million"]          # deliberately wrong: the article says £1 million
  support: ["Invest £1 million to upgrade"]
"""

TINY_THRESHOLDS = """\
[tiny]
pass_rate = { min = 1.0 }
"""


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("eval")
    tiny = tmp / "tiny.yaml"
    tiny.write_text(TINY_SET, encoding="utf-8")
    thresholds = tmp / "thresholds.toml"
    thresholds.write_text(
        (ROOT / "evals" / "thresholds.toml").read_text(encoding="utf-8") + "\n" + TINY_THRESHOLDS,
        encoding="utf-8",
    )
    out = io.StringIO()
    code = run_eval(
        ["article", str(tiny)],
        report_dir=tmp / "report",
        corpus=CORPUS,
        index_dir=tmp / "index",
        console=Console(file=out, width=120),
        thresholds_file=thresholds,
    )
    report = json.loads((tmp / "report" / "report.json").read_text(encoding="utf-8"))
    return {"code": code, "out": out.getvalue(), "report": report, "dir": tmp / "report"}


def test_report_files_are_written(run: dict[str, Any]) -> None:
    assert (run["dir"] / "report.json").is_file()
    markdown = (run["dir"] / "report.md").read_text(encoding="utf-8")
    assert "## Set `article`" in markdown and "## Set `tiny`" in markdown


def test_article_set_reports_every_metric(run: dict[str, Any]) -> None:
    section = run["report"]["sets"]["article"]
    assert len(section["cases"]) >= 60
    assert list(section["splits"]) == ["tune", "check"]
    assert {c["split"] for c in section["cases"]} == {"tune", "check"}
    metrics = section["splits"]["check"]["metrics"]
    for name in (
        "answer_correctness",
        "forbidden_claim_rate",
        "citation_validity",
        "citation_recall",
        "citation_precision",
        "decline_precision",
        "decline_recall",
        "premise_correction_rate",
        "latency_p50_ms",
        "latency_p95_ms",
    ):
        assert metrics[name] is not None, name
    assert metrics["latency_p50_ms"] <= metrics["latency_p95_ms"]
    assert {"negation", "multi-turn", "false-premise"} <= set(section["splits"]["check"]["categories"])
    assert section["splits"]["tune"]["metrics"]["cases"] + metrics["cases"] == len(section["cases"])
    # The engine's verbatim-citation invariant, checked independently of the engine.
    assert metrics["citation_validity"] == 1.0


def test_wrong_case_is_listed_as_failing_and_fails_the_run(run: dict[str, Any]) -> None:
    tiny = run["report"]["sets"]["tiny"]
    assert "wrong-on-purpose" in tiny["failing"]
    wrong = next(c for c in tiny["cases"] if c["id"] == "wrong-on-purpose")
    assert any("£7 million" in reason for reason in wrong["reasons"])
    assert wrong["answer"]["citations"], "the failing listing shows the answer's citations"
    assert "FAIL wrong-on-purpose" in run["out"]
    assert [f["metric"] for f in tiny["threshold_failures"]] == ["pass_rate"]
    assert run["code"] == 1 and run["report"]["passed"] is False


def test_report_prints_tune_and_check_side_by_side(run: dict[str, Any]) -> None:
    assert "tune" in run["out"] and "check" in run["out"] and "per category and split" in run["out"]
    markdown = (run["dir"] / "report.md").read_text(encoding="utf-8")
    assert "| metric | tune | check | threshold | status |" in markdown
    assert "overview: cases passed per set and split" in run["out"]
    assert "| article | check | 50 |" in markdown


def test_tune_split_alone_asks_no_check_case_and_checks_no_threshold(tmp_path: Path) -> None:
    tiny = tmp_path / "tiny.yaml"
    tiny.write_text(
        TINY_SET.replace("  category: numbers\n", "  category: numbers\n  split: tune\n", 1), encoding="utf-8"
    )
    thresholds = tmp_path / "thresholds.toml"
    thresholds.write_text(TINY_THRESHOLDS, encoding="utf-8")
    out = io.StringIO()
    code = run_eval(
        [str(tiny)],
        report_dir=tmp_path / "report",
        corpus=CORPUS,
        index_dir=tmp_path / "index",
        console=Console(file=out, width=120),
        thresholds_file=thresholds,
        split="tune",
    )
    report = json.loads((tmp_path / "report" / "report.json").read_text(encoding="utf-8"))
    section = report["sets"]["tiny"]
    assert [c["id"] for c in section["cases"]] == ["right-money"]
    assert list(section["splits"]) == ["tune"] and section["threshold_failures"] == []
    assert code == 0 and report["thresholds_checked"] is False
    assert "thresholds not checked" in out.getvalue()


def test_support_missing_from_corpus_names_the_case(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        textwrap.dedent(
            """\
            - id: invented-support
              category: x
              question: Did Albania agree?
              expect: answer
              facts: [["ruled out"]]
              support: ["a sentence the article does not contain"]
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(CaseError, match=r"case 'invented-support': support .* is in no corpus"):
        run_eval(
            [str(bad)],
            report_dir=tmp_path / "report",
            corpus=CORPUS,
            index_dir=tmp_path / "index",
            console=Console(file=io.StringIO()),
        )


def _plugged_report(ctx: RunContext) -> SetReport:
    """A stand-in for another kind of set (e.g. briefings), scored per split."""
    rows = [{"id": f"p-{s}", "category": "key-facts", "split": s, "passed": s == "tune"} for s in ctx.splits]
    entries = tuple(
        {**r, "turns": ["Brief me"], "expect": "answer", "expected": {}, "reasons": [], "latency_ms": 0.0} for r in rows
    )
    return SetReport(
        name="plugged",
        kind="briefing",
        source="test",
        corpus=(),
        splits=split_scores(
            rows,
            split_of=lambda r: str(r["split"]),
            category_of=lambda r: str(r["category"]),
            score=lambda rs: {"key_fact_recall": sum(bool(r["passed"]) for r in rs) / len(rs)},
        ),
        cases=entries,
        metric_names=("key_fact_recall",),
        category_metric_names=("key_fact_recall",),
    )


def test_a_plugged_in_set_is_run_reported_and_judged_on_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "SETS", dict(runner.SETS))
    register_set(EvalSet("plugged", _plugged_report, "a stand-in set", default=False))
    thresholds = tmp_path / "thresholds.toml"
    thresholds.write_text("[plugged]\nkey_fact_recall = { min = 0.8 }\n", encoding="utf-8")
    out = io.StringIO()
    code = run_eval(["plugged"], report_dir=tmp_path, console=Console(file=out, width=120), thresholds_file=thresholds)
    section = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["sets"]["plugged"]
    assert section["splits"]["tune"]["metrics"] == {"key_fact_recall": 1.0}
    assert section["splits"]["check"]["categories"] == {"key-facts": {"key_fact_recall": 0.0}}
    assert [f["metric"] for f in section["threshold_failures"]] == ["key_fact_recall"]
    assert code == 1 and "plugged.key_fact_recall (check)" in out.getvalue()


@pytest.mark.parametrize(
    ("split", "bound", "row", "last_line"),
    [
        (None, 0.8, ["plugged", "key facts 0.000 >= 0.8 FAIL", "1 failed"], "thresholds failed"),
        (None, 0.0, ["plugged", "key facts 0.000 >= 0", "ok"], "all thresholds hold"),
        ("tune", 0.8, None, "thresholds not checked: the check split was not run"),
    ],
)
def test_output_ends_with_each_sets_check_figures_against_its_thresholds(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    split: str | None,
    bound: float,
    row: list[str] | None,
    last_line: str,
) -> None:
    """What CI judged is the end of its log: one row per set (figure, threshold, verdict), then the verdict."""
    monkeypatch.setattr(runner, "SETS", dict(runner.SETS))
    register_set(EvalSet("plugged", _plugged_report, "a stand-in set", default=False))
    thresholds = tmp_path / "thresholds.toml"
    thresholds.write_text(f"[plugged]\nkey_fact_recall = {{ min = {bound} }}\n", encoding="utf-8")
    out = io.StringIO()
    run_eval(
        ["plugged"], report_dir=tmp_path, console=Console(file=out, width=120), thresholds_file=thresholds, split=split
    )
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    assert lines[-1].strip() == last_line
    title = "check figures vs thresholds (judged by CI)"
    if row is None:
        assert title not in out.getvalue()
        return
    table = [i for i, line in enumerate(lines) if title in line]
    assert table and table[0] > max(i for i, line in enumerate(lines) if "overview" in line)
    cells = [cell.strip() for cell in lines[-3].strip(" │|").split("│")]
    assert cells == row


@pytest.mark.parametrize(
    ("items", "width", "text"),
    [
        ([], 40, ""),
        (["valid 1.000 >= 1"], 10, "valid 1.000 >= 1"),  # longer than the width: alone, never split
        (["a 1 >= 1", "b 2 >= 1", "c 3 >= 1"], 20, "a 1 >= 1, b 2 >= 1,\nc 3 >= 1"),
        (
            ["correct 0.923 >= 0.9", "decl.rec 0.444 >= 0.44 FAIL"],
            80,
            "correct 0.923 >= 0.9, decl.rec 0.444 >= 0.44 FAIL",
        ),
    ],
)
def test_check_figures_break_lines_only_between_figures(items: list[str], width: int, text: str) -> None:
    assert packed(items, width) == text


def test_unknown_set_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"unknown eval set 'nope'.*article.*squad2"):
        run_eval(["nope"], console=Console(file=io.StringIO()))


def test_every_corpus_folder_is_a_registered_set() -> None:
    names = {s.name for s in runner.resolve_sets(None)}
    assert {"article", "squad2"} <= names
    assert {p.name for p in (ROOT / "evals" / "corpora").glob("*") if (p / "cases.yaml").is_file()} <= names


def test_a_check_only_corpus_is_not_even_indexed_under_split_tune(tmp_path: Path) -> None:
    out = io.StringIO()
    code = run_eval(["texas-measles"], report_dir=tmp_path, console=Console(file=out, width=120), split="tune")
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert code == 0 and report["sets"] == {} and report["thresholds_checked"] is False
    assert "tm-" not in out.getvalue()


def test_failing_case_text_shows_the_rewrite_and_the_composers_reason() -> None:
    case = {
        "id": "c",
        "category": "multi-turn",
        "split": "tune",
        "turns": ["Will Albania host a hub?", "Why not?"],
        "expect": "answer",
        "expected": {"facts": [["loyal"]]},
        "reasons": ["missing fact: one of 'loyal'"],
        "answer": {
            "text": "The sources do not say.",
            "answered": False,
            "citations": [],
            "standalone_question": "Why will Albania not host a hub?",
            "reason": "no sentence holds what the question asks for",
        },
    }
    text = case_text(case)
    assert "rewritten as: Why will Albania not host a hub?" in text
    assert "why: no sentence holds what the question asks for" in text
    assert "FAIL c [multi-turn, tune]" in text


def test_failing_briefing_case_text_shows_the_briefing() -> None:
    # A briefing set's case carries the briefing's Markdown as its answer, not an Answer dict.
    case = {
        "id": "briefing-harbour-fire",
        "category": "harbour-fire",
        "split": "check",
        "turns": ["Brief me"],
        "expect": "briefing",
        "expected": {"key_facts": [["re:warehouse"]]},
        "reasons": ["key fact missing: ['re:warehouse']"],
        "answer": "## Key points\n- Two tugs fought the fire for six hours [1].",
    }
    text = case_text(case)
    assert "FAIL briefing-harbour-fire [harbour-fire, check]" in text
    assert "Two tugs fought the fire for six hours [1]." in text
    assert "key fact missing" in text


def test_engines_take_reading_and_answer_options_and_report_skipped_files(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in CORPUS.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    (corpus / "latin.txt").write_bytes("Caf\xe9 cr\xe8me.".encode("latin-1"))
    tiny = tmp_path / "tiny.yaml"
    tiny.write_text(TINY_SET.split("\n- id: wrong-on-purpose")[0], encoding="utf-8")
    skipped: list[list[str]] = []
    calibrated: list[bool] = []
    code = run_eval(
        [str(tiny)],
        report_dir=tmp_path / "report",
        corpus=corpus,
        index_dir=tmp_path / "index",
        console=Console(file=io.StringIO()),
        engine_options={"strict": False},
        on_user_engine=lambda bot: (
            skipped.append([str(s.path) for s in bot.skipped]),
            calibrated.append(bot.calibrated),
        ),
        answer_options={"calibrated": True},  # another composer, scored by the same sets
    )
    assert code == 0 and calibrated == [True]
    assert len(skipped) == 1 and any(p.endswith("latin.txt") for p in skipped[0])


@pytest.mark.parametrize("module", ["evals", "evals.briefing"])
def test_module_entries_are_briefing_eval(module: str) -> None:
    """One eval command: ``python -m evals`` and ``python -m evals.briefing`` are ``briefing eval``."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", module, "--help"], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0 and done.stdout.startswith("usage: briefing eval"), done.stderr
