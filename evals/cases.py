"""Load and validate a question set written in YAML.

A set is a list of cases; each case is a mapping with these keys (others are errors, so a
typo cannot silently drop a check):

    id         unique slug, e.g. ``albania-declined``
    category   free text naming what the case covers, e.g. ``negation``
    question   the question, or
    turns      a list of questions: a conversation whose LAST turn is judged
    expect     ``answer`` | ``decline`` | ``correct_premise``
    facts      list of facts; each fact is a list of alternative phrasings (``re:`` = regex)
    forbidden  list of phrasings the answer text must never contain
    support    list of distinctive substrings of the gold supporting sentence(s)
    sources    optional list of document ids (file names relative to the corpus) that the
               answer's evidence citations must include: "which report says X?" cases
    split      ``tune`` | ``check``: which half the case is in (default ``check``).
               Mechanisms and thresholds are fit on tune cases; CI thresholds judge the
               check cases. Written once by ``python -m evals.split_cases`` (seeded,
               stratified by category), never by hand.
    note       optional free text for the reader (why the case exists)

Rules: ``decline`` cases have no facts and no support; ``answer`` and ``correct_premise``
cases need at least one fact and one support substring. Every error names the file and
the case id and says how to fix it. Whether each support substring really occurs in the
corpus, and whether each ``sources`` document exists, is checked later, by the runner,
against the indexed documents.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

import yaml

from assistant.errors import ConfigError
from evals.metrics import Expect, compile_pattern

EXPECTS: tuple[str, ...] = ("answer", "decline", "correct_premise")
SPLITS: tuple[str, ...] = ("tune", "check")
Split = Literal["tune", "check"]
_KEYS = {"id", "category", "split", "question", "turns", "expect", "facts", "forbidden", "support", "sources", "note"}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class CaseError(ConfigError):
    """A question set file is malformed; the message names the case and the fix."""


@dataclass(frozen=True)
class Case:
    """One validated case of a question set."""

    case_id: str
    category: str
    turns: tuple[str, ...]  # one question, or a conversation whose last turn is judged
    expect: Expect
    facts: tuple[tuple[str, ...], ...] = ()
    forbidden: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    note: str = ""
    split: Split = "check"
    sources: tuple[str, ...] = ()  # documents the evidence citations must include

    @property
    def question(self) -> str:
        """The judged question: the last turn."""
        return self.turns[-1]


def load_cases(path: Path) -> list[Case]:
    """Read, parse and validate a question set; raise ``CaseError`` on the first problem."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CaseError(f"{path}: cannot read the question set ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise CaseError(f"{path}: not valid YAML: {exc}") from exc
    return parse_cases(raw, source=str(path))


def parse_cases(raw: object, source: str = "<cases>") -> list[Case]:
    """Validate already-parsed YAML (a list of mappings) into cases."""
    if not isinstance(raw, list) or not raw:
        raise CaseError(f"{source}: expected a non-empty YAML list of cases (lines starting '- id:')")
    cases: list[Case] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        case = _parse_case(item, f"{source}: case #{index + 1}", source)
        if case.case_id in seen:
            raise CaseError(f"{source}: case {case.case_id!r}: duplicate id; give each case its own id")
        seen.add(case.case_id)
        cases.append(case)
    return cases


def _parse_case(item: object, where: str, source: str) -> Case:
    if not isinstance(item, Mapping):
        raise CaseError(f"{where}: a case must be a mapping with keys id, category, question ...")
    item = cast(Mapping[str, Any], item)
    case_id = item.get("id")
    if not isinstance(case_id, str) or not _ID.match(case_id):
        raise CaseError(f"{where}: 'id' must be a lower-case slug such as 'albania-declined'")
    where = f"{source}: case {case_id!r}"
    unknown = sorted(set(item) - _KEYS)
    if unknown:
        raise CaseError(f"{where}: unknown key(s) {unknown}; allowed: {sorted(_KEYS)}")
    category = item.get("category")
    if not isinstance(category, str) or not category.strip():
        raise CaseError(f"{where}: 'category' must be a non-empty string, e.g. 'negation'")
    split = item.get("split", "check")
    if split not in SPLITS:
        raise CaseError(f"{where}: 'split' must be one of {list(SPLITS)}, got {split!r}")
    turns = _turns(item, where)
    expect = item.get("expect")
    if expect not in EXPECTS:
        raise CaseError(f"{where}: 'expect' must be one of {list(EXPECTS)}, got {expect!r}")
    facts = tuple(
        tuple(_strings(fact, f"{where}: facts[{i}]", patterns=True))
        for i, fact in enumerate(_list(item.get("facts"), f"{where}: 'facts'"))
    )
    forbidden = tuple(_strings(item.get("forbidden") or [], f"{where}: 'forbidden'", patterns=True))
    support = tuple(_strings(item.get("support") or [], f"{where}: 'support'", patterns=False))
    sources = tuple(_strings(item.get("sources") or [], f"{where}: 'sources'", patterns=False))
    if expect == "decline" and (facts or support or sources):
        raise CaseError(f"{where}: a decline case takes no 'facts', 'support' or 'sources'; remove them")
    if expect != "decline" and not facts:
        raise CaseError(f"{where}: an {expect} case needs 'facts': what the answer must state")
    if expect != "decline" and not support:
        raise CaseError(
            f"{where}: an {expect} case needs 'support': a distinctive substring of each gold "
            "sentence, copied from the document"
        )
    note = item.get("note") or ""
    if not isinstance(note, str):
        raise CaseError(f"{where}: 'note' must be a string")
    return Case(
        case_id=case_id,
        category=category.strip(),
        turns=turns,
        expect=cast(Expect, expect),
        facts=facts,
        forbidden=forbidden,
        support=support,
        note=note.strip(),
        split=cast(Split, split),
        sources=sources,
    )


def _turns(item: Mapping[str, Any], where: str) -> tuple[str, ...]:
    question, turns = item.get("question"), item.get("turns")
    if (question is None) == (turns is None):
        raise CaseError(f"{where}: give exactly one of 'question' (a string) or 'turns' (a list)")
    if question is not None:
        if not isinstance(question, str) or not question.strip():
            raise CaseError(f"{where}: 'question' must be a non-empty string")
        return (question.strip(),)
    values = _strings(turns, f"{where}: 'turns'", patterns=False)
    if len(values) < 2:
        raise CaseError(f"{where}: 'turns' needs at least two questions; use 'question' for one")
    return tuple(v.strip() for v in values)


def _list(value: object, where: str) -> list[object]:
    if value is None:
        return []
    if not isinstance(value, list):
        hint = " of alternative phrasings, e.g. ['ruled out', 'said no']" if "facts" in where else ""
        raise CaseError(f"{where} must be a list{hint}, got {type(value).__name__} {value!r}")
    return value


def _strings(value: object, where: str, *, patterns: bool) -> list[str]:
    items = _list(value, where)
    if not items and where.endswith("]"):
        raise CaseError(f"{where} must list at least one phrasing, e.g. ['ruled out', 'said no']")
    out: list[str] = []
    for i, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            raise CaseError(
                f"{where}[{i}] must be a non-empty string; a fact is a list of phrasings, e.g. ['ruled out', 'said no']"
            )
        if patterns and item.startswith("re:"):
            try:
                compile_pattern(item)
            except re.error as exc:
                raise CaseError(f"{where}[{i}]: bad regular expression {item[3:]!r}: {exc}") from exc
        out.append(item)
    return out
