"""The multi-document corpora under evals/corpora: shape, metadata, and cases written from
the documents (support found once, facts stated by the gold lines, forbidden claims never
made by them). Reads files only; no engine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from assistant.corpus import load_corpus
from evals import metrics as m
from evals.briefing import load_sets
from evals.cases import load_cases
from evals.runner import CHECK_ONLY_CORPORA
from evals.thresholds import THRESHOLDS_FILE, load_thresholds
from evals.tune_data import TUNE_ONLY_CORPORA

ROOT = Path(__file__).resolve().parents[1]
CORPORA = sorted(p for p in (ROOT / "evals" / "corpora").glob("*") if (p / "cases.yaml").is_file())
# Phrases an answer adds around the quotes (not in any document): allowed as facts.
ANSWER_FRAMING = {"sources differ", "re:\\bdiffer"}
REQUIRED_CATEGORIES = {
    "single-fact",
    "cross-document",
    "quote-attribution",
    "source",
    "disagreement",
    "detail-absent",
    "false-premise",
    "multi-turn",
}


def _has_metadata_file(path: Path) -> bool:
    """A sidecar ``<stem>.meta.toml`` beside the document, or YAML front matter atop a Markdown file."""
    if path.with_name(path.stem + ".meta.toml").is_file():
        return True
    return path.suffix == ".md" and path.read_text(encoding="utf-8").startswith("---\n")


@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: p.name)
def test_corpus_has_six_to_ten_documents_with_metadata(folder: Path) -> None:
    docs = load_corpus(folder / "corpus")
    assert 6 <= len(docs) <= 10
    plain = []
    for doc in docs:
        if not _has_metadata_file(folder / "corpus" / doc.doc_id):
            plain.append(doc)
            continue
        assert doc.outlet and doc.date and doc.kind != "document", doc.doc_id
    # At most one plain .txt without metadata, as users have: titled by its first line.
    assert len(plain) <= 1, [d.doc_id for d in plain]
    for doc in plain:
        assert doc.outlet is None and doc.title == doc.text.splitlines()[0], doc.doc_id
    assert len({d.outlet for d in docs}) >= 4, "several outlets, as real coverage has"
    assert (folder / "README.md").is_file(), "say where the facts come from and that the text is ours"


@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: p.name)
def test_cases_cover_the_kinds_of_question(folder: Path) -> None:
    cases = load_cases(folder / "cases.yaml")
    assert len(cases) >= 40
    assert {c.category for c in cases} >= REQUIRED_CATEGORIES
    assert {c.expect for c in cases} == {"answer", "decline", "correct_premise"}
    assert sum(len(c.turns) > 1 for c in cases) >= 4
    raw = yaml.safe_load((folder / "cases.yaml").read_text(encoding="utf-8"))
    assert all(case.get("split") in {"tune", "check"} for case in raw), "run python -m evals.split_cases"


def _line_of(texts: dict[str, str], needle: str) -> tuple[str, str]:
    for doc_id, text in texts.items():
        for line in text.splitlines():
            if needle in line:
                return doc_id, line
    raise AssertionError(f"support {needle!r} is in no document")


@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: p.name)
def test_cases_are_written_from_the_documents(folder: Path) -> None:
    docs = {d.doc_id: d for d in load_corpus(folder / "corpus")}
    texts = {k: d.text for k, d in docs.items()}
    for case in load_cases(folder / "cases.yaml"):
        for needle in case.support:
            assert sum(t.count(needle) for t in texts.values()) == 1, (case.case_id, needle)
        for source in case.sources:
            assert source in docs, (case.case_id, source)
        gold = [_line_of(texts, needle) for needle in case.support]
        metadata = " ".join(f"{docs[d].title} {docs[d].outlet} {docs[d].author or ''}" for d, _ in gold)
        stated = " ".join(line for _, line in gold) + " " + metadata
        for fact in case.facts:
            assert m.states_fact(stated, fact) or set(fact) <= ANSWER_FRAMING, (case.case_id, fact)
        assert not m.forbidden_claims(" ".join(line for _, line in gold), case.forbidden), case.case_id


def _windows(text: str, n: int = 8) -> set[str]:
    words = re.findall(r"\w+", text.casefold())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: p.name)
def test_documents_do_not_copy_the_seed_article(folder: Path) -> None:
    seed = _windows((ROOT / "corpus" / "000_c1187ead2ec13693.txt").read_text(encoding="utf-8"))
    for doc in load_corpus(folder / "corpus"):
        copied = seed & _windows(doc.text)
        assert not copied, (doc.doc_id, sorted(copied)[:3])


def test_there_are_at_least_three_corpora_and_check_or_tune_only_ones_are_all_one_split() -> None:
    assert len(CORPORA) >= 3, [p.name for p in CORPORA]
    assert {p.name for p in CORPORA} >= CHECK_ONLY_CORPORA
    for name in CHECK_ONLY_CORPORA:
        cases = load_cases(ROOT / "evals" / "corpora" / name / "cases.yaml")
        assert {c.split for c in cases} == {"check"}, name
    assert {p.name for p in CORPORA} >= TUNE_ONLY_CORPORA
    assert not CHECK_ONLY_CORPORA & TUNE_ONLY_CORPORA
    for name in TUNE_ONLY_CORPORA:
        cases = load_cases(ROOT / "evals" / "corpora" / name / "cases.yaml")
        assert {c.split for c in cases} == {"tune"}, name
    for folder in CORPORA:
        if folder.name not in CHECK_ONLY_CORPORA | TUNE_ONLY_CORPORA:
            assert {c.split for c in load_cases(folder / "cases.yaml")} == {"tune", "check"}, folder.name


@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: p.name)
def test_corpus_is_listed_briefed_and_judged_as_its_split_says(folder: Path) -> None:
    """The steps of "Adding a corpus" (evals/README.md) a new corpus must not skip."""
    name = folder.name
    assert f"`{name}`" in (ROOT / "evals" / "README.md").read_text(encoding="utf-8"), "list it in evals/README.md"
    assert f"`{name}`" in (ROOT / "README.md").read_text(encoding="utf-8"), "list it in README.md's eval section"
    briefed = {s.name: s.split for s in load_sets()[0]}
    assert name in briefed, "add a briefing.yaml entry (key facts, quotes, disagreements)"
    if name in TUNE_ONLY_CORPORA:
        assert briefed[name] == "tune"
        assert name not in load_thresholds(THRESHOLDS_FILE), "a tune-only set is never judged: no thresholds"
    else:
        assert name in load_thresholds(THRESHOLDS_FILE), "a set with a check split needs thresholds"
    if name in CHECK_ONLY_CORPORA:
        assert briefed[name] == "check"
