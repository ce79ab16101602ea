"""The tune splits as labelled questions, for scripts that fit the engine's numbers.

Scope: every tune case of every set that has one (the article set, each corpus under
``evals/corpora`` that is not check-only, the SQuAD tune article), reduced to what a
fitting script needs: the conversation, whether it should be answered, and the gold
support (YAML sets) or gold answers (SQuAD). Check cases and check-only corpora are never
read, so a fit cannot see them. ``tune_data_hash`` names the data a fit was made on;
write it beside the fitted numbers.

Left out: running the engine (a fitting script builds its own ``Assistant`` per corpus:
``corpus_dir`` for the YAML sets, ``write_squad_corpus`` for SQuAD).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from evals import squad
from evals.cases import load_cases
from evals.run_squad import SQUAD_SET, squad_split

EVALS_DIR = Path(__file__).parent
SEED_CORPUS = EVALS_DIR.parent / "corpus"
ARTICLE_SET = EVALS_DIR / "article.yaml"
# Fresh questions on the seed article, all check: never tuned on, never read here.
ARTICLE_FRESH_SET = EVALS_DIR / "article_fresh.yaml"
CORPORA_DIR = EVALS_DIR / "corpora"  # <name>/corpus/ (documents) and <name>/cases.yaml
# Corpora whose cases are all in the check split: never tuned on, never read here.
CHECK_ONLY_CORPORA = frozenset({"texas-measles", "google-search-ruling", "valencia-floods", "lisbon-funicular"})
# Corpora whose cases are all in the tune split: fit on them freely; never judged.
TUNE_ONLY_CORPORA = frozenset({"starliner-return", "crowdstrike-outage", "heathrow-fire", "louvre-heist"})


@dataclass(frozen=True)
class TuneQuestion:
    """One tune case: ask ``turns`` in order (earlier answers as history), judge the last."""

    set_name: str
    case_id: str
    category: str
    turns: tuple[str, ...]
    answerable: bool  # False: the right behaviour is to decline
    support: tuple[str, ...] = ()  # YAML sets: substrings of the gold sentences
    answers: tuple[str, ...] = ()  # SQuAD: gold answer texts


def corpus_dir(set_name: str) -> Path:
    """The folder of documents a YAML set is asked of (SQuAD: see ``write_squad_corpus``)."""
    return SEED_CORPUS if set_name == "article" else CORPORA_DIR / set_name / "corpus"


def write_squad_corpus(folder: Path) -> None:
    """Write the SQuAD sample's documents into ``folder``, as the eval builds them."""
    articles, _ = squad.load(squad.DATA_FILE)
    squad.write_corpus(articles, folder)


def _case_sets() -> list[tuple[str, Path]]:
    sets = [("article", ARTICLE_SET)]
    for folder in sorted(p for p in CORPORA_DIR.glob("*") if (p / "cases.yaml").is_file()):
        if folder.name not in CHECK_ONLY_CORPORA:
            sets.append((folder.name, folder / "cases.yaml"))
    return sets


def tune_questions() -> list[TuneQuestion]:
    """Every tune case of every set, in set order then file order."""
    out: list[TuneQuestion] = []
    for name, path in _case_sets():
        for case in load_cases(path):
            if case.split == "tune":
                out.append(
                    TuneQuestion(
                        name, case.case_id, case.category, case.turns, case.expect != "decline", support=case.support
                    )
                )
    _, questions = squad.load(squad.DATA_FILE)
    for q in questions:
        if squad_split(q.article) == "tune":
            kind = "answerable" if q.answerable else "unanswerable"
            out.append(
                TuneQuestion(
                    SQUAD_SET, q.qid, f"{q.article}/{kind}", (q.question,), q.answerable, answers=tuple(q.answers)
                )
            )
    return out


def tune_data_hash(questions: list[TuneQuestion] | None = None) -> str:
    """sha256 of the tune questions (and what they expect): changes when any tune case does.

    Algorithm: JSON of each question's fields, sorted keys, one per line, hashed in order.
    """
    digest = hashlib.sha256()
    for q in questions if questions is not None else tune_questions():
        digest.update(json.dumps(asdict(q), sort_keys=True, ensure_ascii=False).encode("utf-8") + b"\n")
    return digest.hexdigest()
