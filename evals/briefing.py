"""Briefing evals: does a briefing carry the facts a reader needs, attribute quotes to the
right people, flag figures that differ between sources, and check out line by line?

``evals/briefing.yaml`` lists sets, each a corpus folder with what its briefing must
hold. ``briefing eval --set briefing`` (``run_briefing_set``) briefs each corpus, scores
it with the pure metric functions below and judges the check split by ``[briefing]`` in
thresholds.toml; ``run_briefing_eval`` (the CI test) judges each set by its own
thresholds in the YAML. ``python -m evals.briefing`` is the same as ``briefing eval --set
briefing`` (same flags).

A set:

```yaml
- name: article
  corpus: corpus                  # relative to the repository root
  split: tune                     # tune | check (check: do not tune on it)
  max_points: 8
  key_facts:                      # each a list of alternatives (literal or re:)
    - ["ruled out", "said no"]
  quotes:                         # every quotation of the corpus: a distinctive piece, its speaker
    - {quote: "important innovation", speaker: "Keir Starmer"}
    - {quote: "No entry", speaker: null}     # a quotation nobody is named as saying
  disagreements:                  # figures that documents give differently: every value
    - ["12,000", "12,500"]
```
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from assistant.lexical import tokenize
from evals.metrics import normalise, states_fact
from evals.report import SetReport

if TYPE_CHECKING:
    from evals.runner import RunContext

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).with_name("briefing.yaml")
NEAR_DUPLICATE = 0.6  # content-word Jaccard at which two key points say the same thing


@dataclass(frozen=True)
class BriefingSet:
    name: str
    corpus: Path
    split: str = "tune"
    max_points: int = 8
    key_facts: tuple[tuple[str, ...], ...] = ()
    quotes: tuple[tuple[str, str | None], ...] = ()  # (distinctive piece, speaker or None)
    disagreements: tuple[tuple[str, ...], ...] = ()
    thresholds: Thresholds | None = None  # this set's own, where it differs from the file's


@dataclass(frozen=True)
class Thresholds:
    key_fact_recall: float = 0.8
    speaker_precision: float = 0.95
    disagreement_recall: float = 0.8
    citation_validity: float = 1.0
    near_duplicates: int = 0


@dataclass
class SetResult:
    name: str
    split: str
    metrics: dict[str, float | int | None] = field(default_factory=dict)
    missing_facts: list[list[str]] = field(default_factory=list)
    wrong_speakers: list[str] = field(default_factory=list)
    missed_disagreements: list[list[str]] = field(default_factory=list)
    markdown: str = ""


# --------------------------------------------------------------------------- metrics


def key_fact_recall(points: Sequence[str], facts: Sequence[Sequence[str]], max_points: int) -> float | None:
    """Share of the key facts stated within the first ``max_points`` key points.

    Algorithm: join the first ``max_points`` point texts; a fact counts when any of its
    alternatives matches (``evals.metrics.states_fact``). No facts -> None.

    >>> key_fact_recall(["Talks failed [1].", "Costs rose by 5% [2]."], [["failed"], ["5%"], ["strike"]], 2)
    0.6666666666666666
    """
    if not facts:
        return None
    text = "\n".join(points[:max_points])
    return sum(states_fact(text, fact) for fact in facts) / len(facts)


def jaccard(a: str, b: str) -> float:
    """Jaccard similarity of the content-word stems of two texts (0 when both are empty)."""
    x, y = set(tokenize(a)), set(tokenize(b))
    return len(x & y) / len(x | y) if x | y else 0.0


def near_duplicates(points: Sequence[str], threshold: float = NEAR_DUPLICATE) -> list[tuple[int, int]]:
    """Pairs (i, j) of key points whose content words overlap at least ``threshold`` (Jaccard).

    >>> near_duplicates(["The bridge opened on Monday.", "On Monday the bridge opened.", "Fares rose."])
    [(0, 1)]
    """
    return [
        (i, j)
        for i in range(len(points))
        for j in range(i + 1, len(points))
        if jaccard(points[i], points[j]) >= threshold
    ]


def speaker_precision(
    attributed: Sequence[tuple[str, str]], gold: Sequence[tuple[str, str | None]]
) -> tuple[float | None, list[str]]:
    """Share of attributed quotations whose speaker is right, and the wrong ones.

    ``attributed``: (quoted words, speaker) pairs the briefing gives. ``gold``: every
    quotation of the corpus as (distinctive piece, speaker or None). An attribution is
    right when a gold piece occurs in its words and the gold speaker's surname is in the
    speaker's name; one that matches no gold piece, or a piece nobody said, is wrong.
    None when nothing was attributed.

    >>> speaker_precision([("We will act now", "Ana Ruiz"), ("No entry", "Ben Ito")], [("will act", "Ruiz"), ("No entry", None)])
    (0.5, ['"No entry" -> Ben Ito (expected nobody)'])
    """
    if not attributed:
        return None, []
    wrong = []
    for words, speaker in attributed:
        said = normalise(words)
        expected = [g for g in gold if normalise(g[0]) in said]
        if not expected:
            wrong.append(f'"{words}" -> {speaker} (not in the gold list)')
            continue
        who = expected[0][1]
        if who is None or normalise(who.split()[-1]) not in normalise(speaker):
            wrong.append(f'"{words}" -> {speaker} (expected {who or "nobody"})')
    return 1 - len(wrong) / len(attributed), wrong


def speaker_recall(attributed: Sequence[tuple[str, str]], gold: Sequence[tuple[str, str | None]]) -> float | None:
    """Share of the gold quotations with a speaker that are attributed to that speaker.

    >>> speaker_recall([("We will act now", "Ana Ruiz")], [("will act", "Ruiz"), ("pay up", "Ito")])
    0.5
    """
    spoken = [g for g in gold if g[1]]
    if not spoken:
        return None
    found = 0
    for piece, who in spoken:
        assert who is not None
        found += any(
            normalise(piece) in normalise(w) and normalise(who.split()[-1]) in normalise(s) for w, s in attributed
        )
    return found / len(spoken)


def disagreement_recall(
    items: Sequence[str], expected: Sequence[Sequence[str]]
) -> tuple[float | None, list[list[str]]]:
    """Share of the expected disagreements flagged: one "Where sources differ" item states
    every value (literal or ``re:``) of it. None when none are expected.

    >>> disagreement_recall(["Sources differ: 12,000 [1]; 12,500 [2]."], [["12,000", "12,500"], ["3%", "4%"]])
    (0.5, [['3%', '4%']])
    """
    if not expected:
        return None, []
    missed = [list(values) for values in expected if not any(all(states_fact(t, [v]) for v in values) for t in items)]
    return 1 - len(missed) / len(expected), missed


def citation_validity(citations: Sequence[tuple[str, int, int, str]], texts: Mapping[str, str]) -> float | None:
    """Share of citations (doc_id, start, end, quote) whose quote is the document's text at
    its offsets. None when there are none.

    >>> citation_validity([("a", 0, 3, "abc"), ("a", 0, 2, "zz")], {"a": "abcdef"})
    0.5
    """
    if not citations:
        return None
    ok = sum(1 for d, s, e, q in citations if d in texts and texts[d][s:e] == q and s < e)
    return ok / len(citations)


# --------------------------------------------------------------------------- loading


def load_sets(path: Path = CASES) -> tuple[list[BriefingSet], Thresholds]:
    """The sets and thresholds of a briefing YAML file."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    base = raw.get("thresholds") or {}
    thresholds = Thresholds(**base)
    sets = []
    for item in raw.get("sets") or []:
        own = item.get("thresholds")
        sets.append(
            BriefingSet(
                name=str(item["name"]),
                corpus=(ROOT / str(item["corpus"])).resolve(),
                split=str(item.get("split", "tune")),
                max_points=int(item.get("max_points", 8)),
                key_facts=tuple(tuple(str(a) for a in fact) for fact in item.get("key_facts") or []),
                quotes=tuple(
                    (str(q["quote"]), None if q.get("speaker") is None else str(q["speaker"]))
                    for q in item.get("quotes") or []
                ),
                disagreements=tuple(tuple(str(v) for v in d) for d in item.get("disagreements") or []),
                thresholds=Thresholds(**{**base, **own}) if own else None,
            )
        )
    return sets, thresholds


# --------------------------------------------------------------------------- running


def _quoted_words(text: str) -> list[str]:
    return [m.group(1) or m.group(2) for m in re.finditer(r"“([^”]+)”|\"([^\"]+)\"", text)]


def score_set(case: BriefingSet, bot: Any) -> SetResult:
    """Brief the set's corpus and score the briefing."""
    from assistant.briefing import KEY_POINTS, SOURCES_DIFFER, WHO_SAID_WHAT

    briefing = bot.brief(max_points=case.max_points)
    section = briefing.section(KEY_POINTS)
    points = [item.text for item in section.items] if section else []
    result = SetResult(case.name, case.split, markdown=briefing.to_markdown())
    result.metrics["key_fact_recall"] = key_fact_recall(points, case.key_facts, case.max_points)
    result.missing_facts = [list(f) for f in case.key_facts if not states_fact("\n".join(points), f)]
    result.metrics["near_duplicates"] = len(near_duplicates(points))
    attributed: list[tuple[str, str]] = []
    who = briefing.section(WHO_SAID_WHAT)
    for item in who.items if who else ():
        speaker = (item.label or "").split(",")[0]
        for c in item.citations:
            attributed += [(words, speaker) for words in _quoted_words(c.quote)]
    precision, wrong = speaker_precision(attributed, case.quotes)
    result.metrics["speaker_precision"] = precision
    result.metrics["speaker_recall"] = speaker_recall(attributed, case.quotes)
    result.wrong_speakers = wrong
    differ = briefing.section(SOURCES_DIFFER)
    recall, missed = disagreement_recall([i.text for i in differ.items] if differ else [], case.disagreements)
    result.metrics["disagreement_recall"] = recall
    result.missed_disagreements = missed
    texts = {d.doc_id: d.text for d in bot.documents}
    citations = [(c.doc_id, c.start, c.end, c.quote) for item in briefing.items for c in item.citations]
    result.metrics["citation_validity"] = citation_validity(citations, texts)
    result.metrics["latency_ms"] = round(briefing.latency_ms, 1)
    return result


def failures(result: SetResult, thresholds: Thresholds) -> list[str]:
    """The thresholds a set's result breaks (a metric that is None breaks none)."""
    out = []
    m = result.metrics
    for name in ("key_fact_recall", "speaker_precision", "disagreement_recall", "citation_validity"):
        value = m.get(name)
        if value is not None and value < getattr(thresholds, name):
            out.append(f"{name} {value:.2f} < {getattr(thresholds, name)}")
    dup = m.get("near_duplicates")
    if dup is not None and dup > thresholds.near_duplicates:
        out.append(f"near_duplicates {dup} > {thresholds.near_duplicates}")
    return out


def run_briefing_eval(
    cases: Path = CASES, report: Path | None = None, only: Sequence[str] | None = None, split: str | None = None
) -> int:
    """Run the briefing sets (all, or those named in ``only``; one split when given);
    print a table; write ``briefing.json`` and ``briefing.md`` to ``report``; 1 when a
    threshold breaks."""
    from assistant import Assistant

    sets, thresholds = load_sets(cases)
    sets = [s for s in sets if (not only or s.name in only) and (split is None or s.split == split)]
    results = []
    own = {}
    with tempfile.TemporaryDirectory(prefix="briefing-eval-") as tmp:
        for case in sets:
            bot = Assistant(corpus=case.corpus, index_dir=Path(tmp) / case.name)
            results.append(score_set(case, bot))
            own[case.name] = case.thresholds or thresholds
    broken = 0
    names = ["key_fact_recall", "near_duplicates", "speaker_precision", "speaker_recall", "disagreement_recall"]
    names += ["citation_validity", "latency_ms"]
    print(f"{'set':<24}{'split':<7}" + "".join(f"{n[:18]:>20}" for n in names))
    for r in results:
        cells = "".join(f"{_cell(r.metrics.get(n)):>20}" for n in names)
        print(f"{r.name:<24}{r.split:<7}{cells}")
    for r in results:
        broke = failures(r, own[r.name])
        for line in broke:
            print(f"FAIL {r.name}: {line}")
        broken += bool(broke)
        for fact in r.missing_facts:
            print(f"  {r.name}: key fact missing: {fact}")
        for line in r.wrong_speakers:
            print(f"  {r.name}: wrong speaker: {line}")
        for values in r.missed_disagreements:
            print(f"  {r.name}: disagreement not flagged: {values}")
    if report is not None:
        report.mkdir(parents=True, exist_ok=True)
        payload = [{"name": r.name, "split": r.split, "metrics": r.metrics} for r in results]
        (report / "briefing.json").write_text(json.dumps(payload, indent=2), encoding="utf-8")
        (report / "briefing.md").write_text("\n\n".join(f"<!-- {r.name} -->\n{r.markdown}" for r in results))
    return 1 if broken else 0


METRICS: tuple[str, ...] = (
    "key_fact_recall",
    "near_duplicates",
    "speaker_precision",
    "speaker_recall",
    "disagreement_recall",
    "citation_validity",
)


def _mean(values: Sequence[Any]) -> float | None:
    known = [float(v) for v in values if v is not None]
    return sum(known) / len(known) if known else None


def pooled(results: Sequence[SetResult]) -> dict[str, float | None]:
    """The metrics of several corpora in one row: each the mean over the corpora that
    define it; near-duplicates summed."""
    out = {name: _mean([r.metrics.get(name) for r in results]) for name in METRICS}
    out["near_duplicates"] = float(sum(int(r.metrics.get("near_duplicates") or 0) for r in results))
    return out


def run_briefing_set(ctx: RunContext) -> SetReport | None:
    """The briefing evals as one set of ``briefing eval`` (``evals.runner``): one row per
    corpus of evals/briefing.yaml in the splits asked for, scored per split; thresholds
    under ``[briefing]`` in thresholds.toml judge the check split."""
    from evals.report import split_scores

    sets, _ = load_sets()
    chosen = [s for s in sets if s.split in ctx.splits]
    if not chosen:
        return None
    results = [score_set(case, ctx.assistant(case.corpus)) for case in chosen]
    split_of = {case.name: case.split for case in chosen}
    rows = []
    for case, r in zip(chosen, results, strict=True):
        reasons = [f"key fact missing: {f}" for f in r.missing_facts]
        reasons += [f"wrong speaker: {w}" for w in r.wrong_speakers]
        reasons += [f"disagreement not flagged: {d}" for d in r.missed_disagreements]
        rows.append(
            {
                "id": f"briefing-{case.name}",
                "category": case.name,
                "split": case.split,
                "turns": ["Brief me"],
                "expect": "briefing",
                "expected": {"key_facts": [list(f) for f in case.key_facts]},
                "passed": not failures(r, case.thresholds or Thresholds()),
                "reasons": reasons,
                "latency_ms": r.metrics.get("latency_ms") or 0.0,
                "answer": r.markdown,
                "error": None,
                "metrics": r.metrics,
            }
        )
    by_name = {r.name: r for r in results}
    return SetReport(
        name="briefing",
        kind="briefing",
        source=str(CASES),
        corpus=tuple(str(c.corpus) for c in chosen),
        splits=split_scores(
            rows,
            split_of=lambda row: split_of[str(row["category"])],
            category_of=lambda row: str(row["category"]),
            score=lambda part: pooled([by_name[str(row["category"])] for row in part]),
        ),
        cases=tuple(rows),
        metric_names=METRICS,
        category_metric_names=("key_fact_recall", "speaker_precision", "disagreement_recall"),
    )


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


if __name__ == "__main__":  # one eval command: this is `briefing eval --set briefing`
    from assistant.cli import main

    sys.exit(main(["eval", "--set", "briefing", *sys.argv[1:]]))
