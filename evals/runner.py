"""Run eval sets, judge thresholds, print and write the report: what ``briefing eval`` calls.

Scope: the registry of eval sets (``SETS``: the article set, every corpus under
``evals/corpora/``, the SQuAD sample; ``register_set`` plugs in another kind of set, e.g.
briefings) and ``run_eval``. Every set is scored per split; thresholds in
``thresholds.toml`` judge the check split only. Running a YAML set lives in
``evals.run_cases``, the SQuAD sample in ``evals.run_squad``, thresholds in
``evals.thresholds``, the report records and their rendering in ``evals.report``.
Malformed sets or thresholds raise ``CaseError`` / ``ConfigError`` (both
``AssistantError``), so the CLI reports them like any other error.

Left out: judging answers with a model; everything here is string and span matching.
The one command line is ``briefing eval`` (``python -m evals`` is the same command).
"""

from __future__ import annotations

import platform
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape

from assistant.errors import ConfigError
from evals.cases import SPLITS, load_cases
from evals.report import Report, SetReport, print_report, write_report
from evals.run_cases import run_case_set
from evals.run_squad import SQUAD_SET, run_squad_set
from evals.thresholds import THRESHOLDS_FILE, check_thresholds, load_thresholds
from evals.tune_data import ARTICLE_FRESH_SET, ARTICLE_SET, CHECK_ONLY_CORPORA, CORPORA_DIR

if TYPE_CHECKING:
    from assistant import Assistant

DEFAULT_REPORT_DIR = Path("eval-report")

__all__ = [
    "CHECK_ONLY_CORPORA",
    "SETS",
    "THRESHOLDS_FILE",
    "EvalSet",
    "RunContext",
    "case_set",
    "check_thresholds",
    "load_thresholds",
    "register_set",
    "run_eval",
]


@dataclass
class RunContext:
    """What a set runner gets: the splits to run, where to print progress, the user's
    engine options (for sets asked of ``--corpus``) and a scratch folder for sets that
    build their own index. Engines are built once per corpus and shared by the sets."""

    splits: tuple[str, ...]
    console: Console
    workdir: Path
    corpus: Path | None = None
    index_dir: Path | None = None
    chroma_url: str | None = None
    collection: str | None = None
    engine_options: Mapping[str, Any] = field(default_factory=dict)  # e.g. strict, follow_links
    answer_options: Mapping[str, Any] = field(default_factory=dict)  # every engine, e.g. calibrated=True
    on_user_engine: Callable[[Assistant], None] | None = None  # e.g. warn about skipped files
    _engines: dict[str, Assistant] = field(default_factory=dict)

    def assistant(self, corpus: Path | None = None) -> Assistant:
        """The engine on ``corpus`` (a set's own folder, indexed fresh in the scratch
        folder), or on the user's corpus and index when ``corpus`` is None."""
        from assistant import Assistant  # heavy (torch, chroma): imported only when running

        key = "" if corpus is None else str(corpus.resolve())
        if key not in self._engines:
            kwargs: dict[str, Any] = {}
            if corpus is not None:
                kwargs = {"corpus": corpus, "index_dir": self.workdir / f"index-{len(self._engines)}"}
            else:
                options = {
                    "corpus": self.corpus,
                    "index_dir": self.index_dir,
                    "chroma_url": self.chroma_url,
                    "collection": self.collection,
                }
                kwargs = {**{k: v for k, v in options.items() if v}, **self.engine_options}
            self._engines[key] = Assistant(**kwargs, **self.answer_options)
            if corpus is None and self.on_user_engine is not None:
                self.on_user_engine(self._engines[key])
        return self._engines[key]


SetRunner = Callable[[RunContext], SetReport | None]  # None: the set has nothing in these splits


@dataclass(frozen=True)
class EvalSet:
    """A named eval set: how to run it, and how to validate it before any engine starts.

    ``run`` returns the set's report, scored per split in ``ctx.splits`` (see
    ``evals.report.split_scores``), or None when it holds nothing in those splits. A set
    with ``default`` False runs only when named with ``--set``.
    """

    name: str
    run: SetRunner
    about: str
    validate: Callable[[], None] = lambda: None
    default: bool = True


SETS: dict[str, EvalSet] = {}


def register_set(eval_set: EvalSet) -> None:
    """Add a set to the registry (``briefing eval`` runs it, ``--set NAME`` names it);
    its thresholds go under ``[NAME]`` in ``thresholds.toml``."""
    if eval_set.name in SETS and SETS[eval_set.name] != eval_set:
        raise ConfigError(f"two eval sets are named {eval_set.name!r}; give the new one another name")
    SETS[eval_set.name] = eval_set


def case_set(name: str, path: Path, corpus: Path | None = None, about: str = "") -> EvalSet:
    """A YAML question set as an ``EvalSet``: asked of ``corpus`` (a set's own folder of
    documents) or, when None, of the user's corpus (``--corpus``, default ``corpus/``)."""

    def run(ctx: RunContext) -> SetReport | None:
        cases = [c for c in load_cases(path) if c.split in ctx.splits]
        if not cases:  # e.g. a check-only corpus under --split tune: not even indexed
            return None
        return run_case_set(ctx.assistant(corpus), name, cases, source=str(path), console=ctx.console)

    def validate() -> None:
        load_cases(path)

    return EvalSet(name, run, about or f"questions in {path}", validate=validate)


def builtin_sets() -> list[EvalSet]:
    """The article set, one set per folder of ``evals/corpora`` and the SQuAD sample."""
    sets = [
        case_set("article", ARTICLE_SET, None, "hand-written cases on the seed article"),
        case_set("article-fresh", ARTICLE_FRESH_SET, None, "fresh questions on the seed article (check-only)"),
    ]
    for folder in sorted(p for p in CORPORA_DIR.glob("*") if (p / "cases.yaml").is_file()):
        sets.append(case_set(folder.name, folder / "cases.yaml", folder / "corpus", f"corpus {folder.name}"))
    sets.append(
        EvalSet(
            SQUAD_SET,
            lambda ctx: run_squad_set(ctx.console, splits=ctx.splits, engine_options=ctx.answer_options),
            "SQuAD 2.0 sample",
        )
    )
    sets.append(briefing_set())
    return sets


def briefing_set() -> EvalSet:
    """Briefings of the article and of each corpus (evals/briefing.yaml)."""
    from evals import briefing

    def validate() -> None:
        briefing.load_sets()

    return EvalSet(
        "briefing",
        briefing.run_briefing_set,
        "briefings of the article and each corpus (evals/briefing.yaml)",
        validate=validate,
    )


def _register_builtin_sets() -> None:
    for eval_set in builtin_sets():
        SETS.setdefault(eval_set.name, eval_set)


def resolve_sets(names: Sequence[str] | None) -> list[EvalSet]:
    """The sets to run: the named ones (a registered name or a path to a YAML set, asked
    of the user's corpus), or every default set."""
    _register_builtin_sets()
    if not names:
        return [s for s in SETS.values() if s.default]
    out: list[EvalSet] = []
    for name in names:
        path = Path(name)
        if name in SETS:
            out.append(SETS[name])
        elif path.suffix in {".yaml", ".yml"} and path.is_file():
            out.append(case_set(path.stem, path))  # a custom set is named by its file
        else:
            raise ConfigError(
                f"unknown eval set {name!r}: use one of {', '.join(SETS)} or the path of a .yaml question set"
            )
    return out


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
    engine_options: Mapping[str, Any] | None = None,
    on_user_engine: Callable[[Assistant], None] | None = None,
    answer_options: Mapping[str, Any] | None = None,
) -> int:
    """Run ``sets`` (default: every registered default set), print and write the report,
    return the exit code (0: all thresholds hold; 1: at least one fails).

    Every set is scored per split (tune and check); thresholds judge the check split.
    ``split`` runs one split alone (``"tune"`` while fitting a mechanism: no check case is
    asked or shown, and no threshold is checked). ``corpus``, ``index_dir``,
    ``chroma_url`` and ``collection`` apply to sets asked of the user's corpus (the article
    set, custom YAML paths); sets with their own corpus always index it afresh in a
    temporary folder. ``engine_options`` (how to read the user's corpus: ``strict``,
    ``follow_links``, ...) and ``on_user_engine`` (called once with that engine, e.g. to
    warn about skipped files) apply to the user's corpus too; ``answer_options`` go to
    every engine the run builds, SQuAD's included (e.g. ``{"calibrated": True}`` to score
    another composer on every set). ``report_dir`` defaults to ``./eval-report``; ``max_listed`` caps the
    failing cases printed per set (all are in report.md and report.json).
    """
    console = console or Console()
    if split is not None and split not in SPLITS:
        raise ConfigError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    splits = (split,) if split else SPLITS
    all_thresholds = load_thresholds(thresholds_file)
    chosen = resolve_sets(sets)
    for eval_set in chosen:  # malformed sets fail before the (slow) engine starts
        eval_set.validate()

    sections: list[SetReport] = []
    with tempfile.TemporaryDirectory(prefix="briefing-eval-") as tmp:
        ctx = RunContext(
            splits,
            console,
            Path(tmp),
            corpus,
            index_dir,
            chroma_url,
            collection,
            engine_options=dict(engine_options or {}),
            on_user_engine=on_user_engine,
            answer_options=dict(answer_options or {}),
        )
        for eval_set in chosen:
            section = eval_set.run(ctx)
            if section is None:
                continue
            limits = all_thresholds.get(section.name, {})
            judged = section.judged
            failures = check_thresholds(judged.metrics, limits) if judged else []
            sections.append(section.judged_by(limits, failures))
    report = Report(
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        python=platform.python_version(),
        splits=splits,
        sets=tuple(sections),
    )
    out = report_dir or DEFAULT_REPORT_DIR
    write_report(report, out)
    console.print(f"\nreport written to {escape(str(out / 'report.json'))} and report.md")
    print_report(report, console, max_listed=max_listed)  # last: it ends with what was judged
    return 0 if report.passed else 1
