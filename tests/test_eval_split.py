"""The tune/check split of the YAML sets: the seeded, stratified assignment, the script
that writes it into a set, and the ``split`` key of a case."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from evals.cases import CaseError, parse_cases
from evals.split_cases import SEED, assign_splits, main, write_splits

ROOT = Path(__file__).resolve().parents[1]
SPLIT_SETS = [ROOT / "evals" / "article.yaml"]


@pytest.mark.parametrize(
    ("cases", "expected_counts"),
    [
        ([], {}),
        ([("a", "x", None)], {"x": 1}),
        ([("a", "x", None), ("b", "x", None)], {"x": 2}),
        ([(f"c{i}", "x", None) for i in range(7)] + [(f"d{i}", "y", None) for i in range(4)], {"x": 7, "y": 4}),
    ],
)
def test_assign_splits_halves_each_category(
    cases: list[tuple[str, str, str | None]], expected_counts: dict[str, int]
) -> None:
    splits = assign_splits(cases)
    assert set(splits) == {c[0] for c in cases}
    category = {c[0]: c[1] for c in cases}
    for cat, n in expected_counts.items():
        per = Counter(s for cid, s in splits.items() if category[cid] == cat)
        assert sum(per.values()) == n
        assert abs(per["tune"] - per["check"]) <= 1


def test_assign_splits_is_seeded_and_keeps_existing_splits() -> None:
    cases = [(f"case-{i}", "x", None) for i in range(20)]
    assert assign_splits(cases, SEED) == assign_splits(list(reversed(cases)), SEED)
    assert assign_splits(cases, SEED) != assign_splits(cases, SEED + 1)
    # Two cases already in tune: the new ones are balanced against them.
    done = [("old-1", "x", "tune"), ("old-2", "x", "tune")]
    new = assign_splits([*done, ("n1", "x", None), ("n2", "x", None)])
    assert sorted(new.values()) == ["check", "check"]


def test_write_splits_adds_a_line_after_category_only() -> None:
    text = "# comment\n- id: a\n  category: x\n  question: q?\n  expect: decline\n\n- id: b\n  category: y\n"
    out = write_splits(text, {"a": "tune"})
    assert out == text.replace("  category: x\n", "  category: x\n  split: tune\n")


def test_split_script_fills_only_missing_splits(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(
        "- id: a\n  category: x\n  split: check\n  question: q?\n  expect: decline\n"
        "- id: b\n  category: x\n  question: r?\n  expect: decline\n",
        encoding="utf-8",
    )
    assert main([str(path)]) == 0
    cases = parse_cases(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert [(c.case_id, c.split) for c in cases] == [("a", "check"), ("b", "tune")]
    before = path.read_text(encoding="utf-8")
    assert main([str(path)]) == 0
    assert path.read_text(encoding="utf-8") == before  # idempotent


@pytest.mark.parametrize("path", SPLIT_SETS, ids=lambda p: p.name)
def test_registered_sets_are_split_explicitly_and_stratified(path: Path) -> None:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert all(case.get("split") in {"tune", "check"} for case in raw), "run python -m evals.split_cases"
    per = Counter((case["category"], case["split"]) for case in raw)
    for category in {case["category"] for case in raw}:
        assert abs(per[category, "tune"] - per[category, "check"]) <= 1, category


def test_case_split_defaults_to_check_and_is_validated() -> None:
    base = {"id": "c", "category": "x", "question": "q?", "expect": "decline"}
    assert parse_cases([base])[0].split == "check"
    assert parse_cases([{**base, "split": "tune"}])[0].split == "tune"
    with pytest.raises(CaseError, match="'split' must be one of"):
        parse_cases([{**base, "split": "train"}])
