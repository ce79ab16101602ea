"""The tune data a fitting script may read: every tune case, never a check case."""

from __future__ import annotations

from collections import Counter

from evals.cases import load_cases
from evals.runner import builtin_sets
from evals.tune_data import ARTICLE_SET, CHECK_ONLY_CORPORA, CORPORA_DIR, corpus_dir, tune_data_hash, tune_questions


def test_tune_questions_hold_every_tune_case_and_no_check_case() -> None:
    questions = tune_questions()
    by_set = Counter(q.set_name for q in questions)
    corpora = {p.name for p in CORPORA_DIR.glob("*") if (p / "cases.yaml").is_file()}
    assert set(by_set) == {"article", "squad2"} | (corpora - CHECK_ONLY_CORPORA)
    assert not CHECK_ONLY_CORPORA & set(by_set)
    assert by_set["squad2"] == 208  # the Normans article, never the check article
    for name, path in [("article", ARTICLE_SET)] + [(c, CORPORA_DIR / c / "cases.yaml") for c in corpora]:
        tune_ids = {c.case_id for c in load_cases(path) if c.split == "tune"}
        assert {q.case_id for q in questions if q.set_name == name} == tune_ids
    assert {q.answerable for q in questions} == {True, False}
    assert all(q.support for q in questions if q.answerable and q.set_name != "squad2")


def test_tune_data_hash_is_stable_and_content_sensitive() -> None:
    questions = tune_questions()
    assert tune_data_hash(questions) == tune_data_hash()
    assert tune_data_hash(questions[1:]) != tune_data_hash(questions)


def test_every_corpus_set_has_its_documents_where_tune_data_says() -> None:
    corpora = {p.name for p in CORPORA_DIR.glob("*") if (p / "cases.yaml").is_file()}
    assert corpora <= {s.name for s in builtin_sets()}
    for name in corpora:
        assert corpus_dir(name) == CORPORA_DIR / name / "corpus" and corpus_dir(name).is_dir()
