"""The eval suite's pure parts: metrics, case loading, the article set's own consistency,
thresholds and SQuAD scoring. No engine is started here."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from evals import metrics as m
from evals import squad
from evals.cases import CaseError, load_cases, parse_cases
from evals.thresholds import THRESHOLDS_FILE, check_thresholds, load_thresholds

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_SET = ROOT / "evals" / "article.yaml"
ARTICLE_FRESH_SET = ROOT / "evals" / "article_fresh.yaml"
ARTICLE = ROOT / "corpus" / "000_c1187ead2ec13693.txt"
DOC = "a.txt"
TEXT = "Albania said no. The UK will invest £1 million. Rama spoke."


def article_text() -> str:
    return ARTICLE.read_text(encoding="utf-8")


def cited(start: int, end: int, *, doc: str = DOC, related: bool = False, marker: int = 1) -> m.Cited:
    return m.Cited(marker, doc, start, end, TEXT[start:end], related)


def result(
    expect: m.Expect = "answer",
    *,
    answered: bool = True,
    text: str = "",
    citations: tuple[m.Cited, ...] = (),
    facts: tuple[tuple[str, ...], ...] = (),
    forbidden: tuple[str, ...] = (),
    gold: tuple[m.Span, ...] = (),
    behaviour: str = "answer",
    latency: float = 1.0,
    sources: tuple[str, ...] = (),
) -> m.CaseResult:
    return m.CaseResult(
        case_id="c",
        category="x",
        expect=expect,
        answered=answered,
        behaviour=behaviour,
        text=text,
        citations=citations,
        facts=facts,
        forbidden=forbidden,
        gold=gold,
        latency_ms=latency,
        sources=sources,
    )


GOLD_NO = m.Span(DOC, 0, 16)  # "Albania said no."
GOLD_MONEY = m.Span(DOC, 17, 47)  # "The UK will invest £1 million."


# --------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("text", "pattern", "expected"),
    [
        ("", "no", False),
        ("North Macedonia", "no", False),  # literal phrases match whole words only
        ("No: Albania ruled it out [1].", r"re:^\W*no\b", True),
        ("\u201cNo,\u201d he said", r"re:^\W*no\b", True),
        ("a 95% drop", "95%", True),
        ("Invest £1 million", "£1 million", True),
        ("Invest £10 million", "£1 million", False),
        ("Albania\u2019s exclusion", "Albania's exclusion", True),  # curly vs straight quote
        ("the ruled [2] out", "ruled out", True),  # markers are removed before matching
        ("DNA\u2013tracking", "DNA-tracking", True),
        ("ALBANIA HAS AGREED", "re:albania (has )?agreed", True),
        ("Albania has publicly ruled out", "re:albania (has )?agreed", False),
    ],
)
def test_matches(text: str, pattern: str, expected: bool) -> None:
    assert m.matches(text, pattern) is expected


@pytest.mark.parametrize(
    ("text", "alternatives", "expected"),
    [
        ("Albania said no", [], False),  # a fact without phrasings is never stated
        ("", ["said no"], False),
        ("Albania said no", ["ruled out", "said no"], True),
    ],
)
def test_states_fact(text: str, alternatives: list[str], expected: bool) -> None:
    assert m.states_fact(text, alternatives) is expected


def test_normalise_worked_example() -> None:
    assert m.normalise("Rama said: \u201cWe said no\u201d [2].") == 'rama said: "we said no" .'


@pytest.mark.parametrize(
    ("c", "expected"),
    [
        (cited(0, 16), True),
        (m.Cited(1, DOC, 0, 16, "Albania said NO.", False), False),  # quote differs
        (m.Cited(1, "missing.txt", 0, 16, "Albania said no.", False), False),  # unknown doc
        (m.Cited(1, DOC, 0, 0, "", False), False),  # empty quote
        (m.Cited(1, DOC, 50, 999, TEXT[50:], False), False),  # end out of range
        (m.Cited(1, DOC, 16, 0, "", False), False),  # reversed
    ],
)
def test_is_valid(c: m.Cited, expected: bool) -> None:
    assert m.is_valid(c, {DOC: TEXT}) is expected


@pytest.mark.parametrize(
    ("c", "span", "expected"),
    [
        (cited(0, 16), GOLD_NO, True),
        (cited(5, 10), GOLD_NO, True),  # inside
        (cited(16, 17), GOLD_NO, False),  # touching end is not overlap
        (cited(0, 16, doc="b.txt"), GOLD_NO, False),  # other document
    ],
)
def test_overlaps(c: m.Cited, span: m.Span, expected: bool) -> None:
    assert m.overlaps(c, span) is expected


# --------------------------------------------------------------------------- set metrics


def test_share_and_percentile_edges() -> None:
    assert m.share([]) is None
    assert m.share([True, False]) == 0.5
    assert m.percentile([], 50) is None
    assert m.percentile([7.0], 95) == 7.0
    assert m.percentile([30.0, 10.0, 20.0, 40.0], 50) == 20.0
    assert m.percentile([float(i) for i in range(1, 101)], 95) == 95.0
    with pytest.raises(ValueError):
        m.percentile([1.0], 101)


def test_every_metric_is_undefined_on_no_cases() -> None:
    values = m.case_set_metrics([], {DOC: TEXT})
    assert values["cases"] == 0
    assert all(v is None for k, v in values.items() if k != "cases")


def test_answer_correctness_needs_answered_and_every_fact() -> None:
    facts = (("said no",), ("£1 million",))
    good = result(text="Albania said no [1]. The UK will invest £1 million [2].", facts=facts)
    half = result(text="Albania said no [1].", facts=facts)
    declined = result(answered=False, text="Related: Albania said no. £1 million.", facts=facts)
    decline_case = result("decline", answered=False)
    assert m.answer_correctness([good]) == 1.0
    assert m.answer_correctness([good, half, declined, decline_case]) == pytest.approx(1 / 3)
    assert m.answer_correctness([decline_case]) is None


def test_forbidden_claim_rate_counts_every_case() -> None:
    bad = result(text="Yes: Albania has agreed.", forbidden=("re:albania (has )?agreed",))
    clean = result(text="Albania said no.", forbidden=("re:albania (has )?agreed",))
    declined = result("decline", answered=False, text="The sources do not say.")
    assert m.forbidden_claim_rate([bad, clean, declined]) == pytest.approx(1 / 3)
    assert m.forbidden_claim_rate([clean]) == 0.0


def test_citation_validity_pools_related_citations() -> None:
    broken = m.Cited(2, DOC, 0, 16, "Albania agreed.", True)
    r = result(citations=(cited(0, 16), broken))
    assert m.citation_validity([r], {DOC: TEXT}) == 0.5
    assert m.citation_validity([result()], {DOC: TEXT}) is None  # no citations: undefined


def test_citation_recall_ignores_related_and_counts_declines_as_misses() -> None:
    hit = result(citations=(cited(0, 16),), gold=(GOLD_NO,))
    related_only = result(citations=(cited(0, 16, related=True),), gold=(GOLD_NO,))
    declined = result(answered=False, gold=(GOLD_NO,))
    decline_case = result("decline", answered=False)
    assert m.citation_recall([hit]) == 1.0
    assert m.citation_recall([hit, related_only, declined, decline_case]) == pytest.approx(1 / 3)
    assert m.citation_recall([decline_case]) is None


def test_citation_precision_accepts_gold_or_fact_stating_citations() -> None:
    r = result(
        citations=(
            cited(0, 16, marker=1),  # gold
            cited(17, 47, marker=2),  # not gold, but states the required fact
            cited(48, len(TEXT), marker=3),  # neither
            cited(48, len(TEXT), marker=4, related=True),  # ignored
        ),
        facts=(("£1 million",),),
        gold=(GOLD_NO,),
    )
    assert m.citation_precision([r]) == pytest.approx(2 / 3)
    wrongly_answered = result("decline", citations=(cited(48, len(TEXT)),))
    assert m.citation_precision([wrongly_answered]) is None  # decline cases are not pooled


def test_decline_precision_and_recall() -> None:
    should = result("decline", answered=False)
    should_but_answered = result("decline", answered=True)
    wrongly_declined = result("answer", answered=False)
    answered = result("answer", answered=True)
    cases = [should, should_but_answered, wrongly_declined, answered]
    assert m.decline_precision(cases) == 0.5
    assert m.decline_recall(cases) == 0.5
    # An engine that never declines: precision is undefined (fails a threshold), recall 0.
    assert m.decline_precision([should_but_answered, answered]) is None
    assert m.decline_recall([should_but_answered, answered]) == 0.0
    assert m.decline_recall([answered]) is None


def test_premise_correction_needs_facts_and_a_gold_citation() -> None:
    facts = (("said no",),)
    corrected = result(
        "correct_premise",
        text="Albania said no [1].",
        citations=(cited(0, 16),),
        facts=facts,
        gold=(GOLD_NO,),
    )
    uncited = result("correct_premise", text="Albania said no.", facts=facts, gold=(GOLD_NO,))
    assert m.premise_correction_rate([corrected, uncited]) == 0.5
    assert m.premise_flag_rate([corrected, uncited]) == 0.0  # labels are informational
    assert m.premise_correction_rate([result()]) is None


def test_failure_reasons_name_each_broken_expectation() -> None:
    r = result(
        text="Yes: Albania has agreed [1].",
        citations=(m.Cited(1, DOC, 0, 16, "not the text", False),),
        facts=(("said no",),),
        forbidden=("re:albania (has )?agreed",),
        gold=(GOLD_MONEY,),
    )
    reasons = m.failure_reasons(r, {DOC: TEXT})
    assert any(x.startswith("missing fact") for x in reasons)
    assert any(x.startswith("no evidence citation") for x in reasons)
    assert any(x.startswith("forbidden claim") for x in reasons)
    assert any("differs from document text" for x in reasons)
    assert m.failure_reasons(result("decline", answered=True), {}) == ["expected a decline, got an answer"]
    assert m.failure_reasons(result("decline", answered=False), {}) == []


def test_named_sources_must_be_cited_as_evidence() -> None:
    money = (("£1 million",),)
    other = cited(0, 5, doc="b.txt")
    right = result(text="£1 million", facts=money, citations=(cited(17, 47),), sources=(DOC,))
    wrong_doc = result(text="£1 million", facts=money, citations=(other,), sources=(DOC,))
    only_related = result(text="£1 million", facts=money, citations=(cited(17, 47, related=True),), sources=(DOC,))
    assert m.missing_sources(right) == [] and m.missing_sources(wrong_doc) == [DOC]
    assert m.missing_sources(only_related) == [DOC]
    assert "no evidence citation from the named source 'a.txt'" in m.failure_reasons(wrong_doc, {DOC: TEXT})
    assert m.source_accuracy([right, wrong_doc, result(text="x")]) == 0.5  # cases without sources are left out
    assert m.source_accuracy([result(text="x")]) is None


# --------------------------------------------------------------------------- case loading


def test_article_set_loads_and_covers_the_issue() -> None:
    cases = load_cases(ARTICLE_SET)
    assert len(cases) >= 60
    categories = {c.category for c in cases}
    assert {
        "single-fact",
        "numbers",
        "quote-attribution",
        "list",
        "contrast",
        "negation",
        "paraphrase",
        "detail-absent",
        "off-topic",
        "false-premise",
        "injection",
        "multi-turn",
    } <= categories
    assert sum(len(c.turns) > 1 for c in cases) >= 6
    assert {c.expect for c in cases} == {"answer", "decline", "correct_premise"}


def _gold_lines(text: str, needle: str) -> str:
    """The paragraph (line) of the article holding a support substring."""
    return next(line for line in text.splitlines() if needle in line)


@pytest.mark.parametrize("path", [ARTICLE_SET, ARTICLE_FRESH_SET], ids=lambda p: p.name)
def test_article_set_is_written_from_the_article(path: Path) -> None:
    """Support names one place in the article; gold paragraphs state every fact; no
    forbidden pattern matches a gold paragraph (a verbatim quote of it must stay legal)."""
    text = article_text()
    for case in load_cases(path):
        for needle in case.support:
            assert text.count(needle) == 1, (case.case_id, needle)
        gold = " ".join(_gold_lines(text, needle) for needle in case.support)
        for fact in case.facts:
            assert m.states_fact(gold, fact), (case.case_id, fact)
        assert not m.forbidden_claims(gold, case.forbidden), case.case_id


MALFORMED = [
    ("not a list", "id: x", "non-empty YAML list"),
    ("bad id", "- id: Bad Id\n  category: x\n  question: q\n  expect: decline", "slug"),
    (
        "fact is a string",
        "- id: case-a\n  category: x\n  question: q\n  expect: answer\n  facts: ['ruled out']\n  support: [s]",
        "case 'case-a': facts[0] must be a list",
    ),
    (
        "bad regex",
        "- id: case-b\n  category: x\n  question: q\n  expect: answer\n  facts: [['re:(']]\n  support: [s]",
        "case 'case-b': facts[0][0]: bad regular expression",
    ),
    (
        "unknown expect",
        "- id: case-c\n  category: x\n  question: q\n  expect: maybe",
        "case 'case-c': 'expect' must be one of",
    ),
    (
        "decline with facts",
        "- id: case-d\n  category: x\n  question: q\n  expect: decline\n  facts: [[a]]",
        "case 'case-d': a decline case takes no 'facts'",
    ),
    (
        "answer without support",
        "- id: case-e\n  category: x\n  question: q\n  expect: answer\n  facts: [[a]]",
        "case 'case-e': an answer case needs 'support'",
    ),
    (
        "question and turns",
        "- id: case-f\n  category: x\n  question: q\n  turns: [a, b]\n  expect: decline",
        "case 'case-f': give exactly one of 'question'",
    ),
    (
        "typo key",
        "- id: case-g\n  category: x\n  question: q\n  expect: decline\n  forbiden: [x]",
        "case 'case-g': unknown key(s) ['forbiden']",
    ),
    (
        "duplicate id",
        "- id: case-h\n  category: x\n  question: q\n  expect: decline\n"
        "- id: case-h\n  category: x\n  question: q\n  expect: decline",
        "case 'case-h': duplicate id",
    ),
]


@pytest.mark.parametrize(("label", "body", "message"), MALFORMED, ids=[m_[0] for m_ in MALFORMED])
def test_malformed_case_gives_a_clear_error(tmp_path: Path, label: str, body: str, message: str) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    with pytest.raises(CaseError, match=re.escape(message)) as info:
        load_cases(path)
    assert str(path) in str(info.value)


def test_invalid_yaml_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: [unclosed", encoding="utf-8")
    with pytest.raises(CaseError, match="not valid YAML"):
        load_cases(bad)
    with pytest.raises(CaseError, match="cannot read"):
        load_cases(tmp_path / "missing.yaml")


def test_conversation_judges_the_last_turn() -> None:
    (case,) = parse_cases([{"id": "conv", "category": "multi-turn", "turns": ["a?", "b?"], "expect": "decline"}])
    assert case.question == "b?" and case.turns == ("a?", "b?")


def test_fresh_article_set_is_check_only_and_shares_no_question_with_the_article_set() -> None:
    fresh = load_cases(ARTICLE_FRESH_SET)
    assert len(fresh) >= 30 and {c.split for c in fresh} == {"check"}
    tuned = {c.question.casefold() for c in load_cases(ARTICLE_SET)}
    assert not [c.case_id for c in fresh if c.question.casefold() in tuned]


# --------------------------------------------------------------------------- thresholds


# Issue 8's targets for the article's check half (issue 3's 0.95 floors were on all cases;
# see thresholds.toml for why the check half's thresholds sit at 0.94).
NAMED_FLOORS = {
    "answer_correctness": ("min", 0.90),
    "citation_validity": ("min", 1.0),
    "citation_recall": ("min", 0.90),
    "decline_precision": ("min", 0.9),
    "decline_recall": ("min", 0.9),
}


# The one documented exception: retiring compose.py's story-specific cue lists (issue 8,
# 2026-11-27) turned one article check case from a premise correction into a decline while
# every unseen set held; decline precision fell to 0.846 (11 of 13) and its threshold to
# that minus one case (see thresholds.toml). The target stays 0.9.
BELOW_TARGET = {"decline_precision": 0.78}


def test_article_thresholds_are_never_below_the_named_figures() -> None:
    limits = load_thresholds(THRESHOLDS_FILE)["article"]
    for metric, (kind, floor) in NAMED_FLOORS.items():
        assert limits[metric][kind] >= BELOW_TARGET.get(metric, floor), metric
    assert limits["forbidden_claim_rate"]["max"] == 0.0


def test_every_threshold_names_a_real_metric() -> None:
    from evals import briefing

    case_metrics = m.case_set_metrics([], {})
    other_kinds = {"squad2": squad.squad_metrics([]), "briefing": briefing.pooled([])}
    for set_name, limits in load_thresholds(THRESHOLDS_FILE).items():
        known = other_kinds.get(set_name, case_metrics)
        check_thresholds(dict.fromkeys(known, 1.0), limits)  # raises on an unknown metric


@pytest.mark.parametrize(
    ("value", "bound", "fails"),
    [
        (0.95, {"min": 0.95}, False),
        (19 / 20, {"min": 0.95}, False),  # float division lands on the bound
        (0.94, {"min": 0.95}, True),
        (None, {"min": 0.95}, True),  # undefined never passes
        (0.0, {"max": 0.0}, False),
        (0.01, {"max": 0.0}, True),
    ],
)
def test_check_thresholds(value: float | None, bound: dict[str, float], fails: bool) -> None:
    assert bool(check_thresholds({"x": value}, {"x": bound})) is fails


def test_unknown_threshold_metric_is_an_error() -> None:
    from assistant.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown metric 'answer_corectness'"):
        check_thresholds({"answer_correctness": 1.0}, {"answer_corectness": {"min": 0.9}})


# --------------------------------------------------------------------------- SQuAD


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("The  Normans' Duchy.", "normans duchy"),
        ("", ""),
        ("the", ""),
        ("10th and 11th centuries", "10th and 11th centuries"),
        ("\u201cRollo\u201d", "rollo"),
    ],
)
def test_normalize_answer(raw: str, normal: str) -> None:
    assert squad.normalize_answer(raw) == normal


@pytest.mark.parametrize(
    ("passage", "answers", "expected"),
    [
        ("The Normans were in France.", ["France"], True),
        ("In the year 1066.", ["1"], False),  # whole tokens only
        ("In the year 1066.", [], False),
        ("", ["France"], False),
        ("It was the king.", ["the"], False),  # answers normalising to nothing are ignored
        ("in the 10th and 11th centuries", ["10th and 11th centuries"], True),
        # a dash or a slash between words separates them, in the passage and in the answer
        ("The ferry port\u2014the busiest on the coast\u2014closed.", ["the coast"], True),
        ("Both Hull/Grimsby crews struck.", ["Grimsby"], True),
        ("A well-known pier was rebuilt.", ["well-known pier"], True),
        ("The 1914\u201318 war memorial", ["1914\u201318"], True),
        ("The 1914\u201318 war memorial", ["191418"], False),
        # and so does an apostrophe: the owner of a possessive is a word of its own
        ("The mayor married Ana\u2019s cousin Pilar.", ["Ana"], True),
        ("Tom's brother sailed first.", ["Tom"], True),
        ("Tom's brother sailed first.", ["Tom's brother"], True),
    ],
)
def test_contains_answer(passage: str, answers: list[str], expected: bool) -> None:
    assert squad.contains_answer(passage, answers) is expected


def test_cited_contains_answer_across_adjacent_quotes() -> None:
    assert squad.cited_contains_answer(["He was Duke", "of Normandy."], ["Duke of Normandy"])
    assert not squad.cited_contains_answer([], ["x"])


def test_squad_sample_loads_with_located_answers() -> None:
    articles, questions = squad.load()
    assert [a.title for a in articles] == ["Normans", "Computational_complexity_theory"]
    assert len(questions) == 626
    assert sum(not q.answerable for q in questions) == 333
    texts = {a.doc_id: a.text for a in articles}
    for q in questions:
        assert q.answerable == bool(q.spans)
        for span, answer in zip(q.spans, q.answers, strict=True):
            assert texts[span.doc_id][span.start : span.end] == answer


def test_holds_answer_uses_the_sentence_the_answer_starts_in() -> None:
    spans = [m.Span("d", 10, 20)]
    assert squad.holds_answer(0, 11, "d", spans)
    assert not squad.holds_answer(0, 10, "d", spans)
    assert not squad.holds_answer(0, 11, "other", spans)


def test_squad_data_keeps_provenance_and_licence() -> None:
    provenance = (squad.DATA_DIR / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in provenance and "Rajpurkar" in provenance
