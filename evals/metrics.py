"""Pure scoring functions for the faithfulness eval.

Every function here takes plain records (built by the runner from engine answers) and
returns a number, a verdict or ``None``; none of them calls the engine, reads files or
the environment, so each can be tested on hand-made inputs. ``None`` means "undefined on
this input" (an empty denominator); the threshold check treats an undefined metric that
has a threshold as failing, so a metric can never pass by having nothing to measure.

Text matching (facts and forbidden claims) works on *normalised* text, see ``normalise``.
A pattern is either a literal phrase, matched on word boundaries, or a regular expression
written after a ``re:`` prefix, matched with ``re.search`` (case-insensitive) against the
normalised text. Left out: anything semantic (entailment, paraphrase detection); a fact is
stated only if one of its listed phrasings appears.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

Expect = Literal["answer", "decline", "correct_premise"]
ANSWERING: frozenset[str] = frozenset({"answer", "correct_premise"})

_MARKER = re.compile(r"\[\d+\]")
_SPACE = re.compile(r"\s+")
# Typographic characters that writers of cases type in their plain form.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2022": " ",
        "\u00a0": " ",
    }
)


@dataclass(frozen=True)
class Span:
    """A character span of one document: a gold sentence (or the part named by a case)."""

    doc_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Cited:
    """One citation of an answer, reduced to what scoring needs."""

    marker: int
    doc_id: str
    start: int
    end: int
    quote: str
    related: bool = False  # related reading in a decline: not evidence for a claim


@dataclass(frozen=True)
class CaseResult:
    """One judged case: what was expected and what the engine returned for its last turn."""

    case_id: str
    category: str
    expect: Expect
    answered: bool
    behaviour: str
    text: str
    citations: tuple[Cited, ...] = ()
    facts: tuple[tuple[str, ...], ...] = ()
    forbidden: tuple[str, ...] = ()
    gold: tuple[Span, ...] = ()
    latency_ms: float = 0.0
    error: str | None = None  # the engine raised instead of answering
    extra: Mapping[str, object] = field(default_factory=dict)
    sources: tuple[str, ...] = ()  # documents the evidence citations must include


# --------------------------------------------------------------------------- matching


def normalise(text: str) -> str:
    """Normalise text before matching facts and forbidden claims.

    Algorithm: Unicode NFKC; curly quotes to straight, en and em dashes to ``-``, bullets and
    no-break spaces to spaces; citation markers ``[n]`` removed; case-folded; runs of
    whitespace collapsed to one space; stripped.

    >>> normalise("Rama said: \u201cWe said no\u201d [2].")
    'rama said: "we said no" .'
    """
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    text = _MARKER.sub(" ", text)
    return _SPACE.sub(" ", text.casefold()).strip()


@functools.lru_cache(maxsize=4096)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile one fact alternative or forbidden claim.

    ``re:<regex>`` is used as written (flags: IGNORECASE); anything else is a literal phrase,
    normalised like the text and bounded so it cannot match inside a longer word
    (``"no"`` does not match ``"north"``; ``"95%"`` matches ``"a 95% drop"``).
    Raises ``re.error`` for a bad regex.
    """
    if pattern.startswith("re:"):
        return re.compile(pattern[3:], re.IGNORECASE)
    phrase = re.escape(normalise(pattern))
    return re.compile(rf"(?<!\w){phrase}(?!\w)", re.IGNORECASE)


def matches(text: str, pattern: str) -> bool:
    """True when ``pattern`` (literal or ``re:``) occurs in the normalised ``text``."""
    return compile_pattern(pattern).search(normalise(text)) is not None


def states_fact(text: str, alternatives: Sequence[str]) -> bool:
    """True when any one of a fact's alternative phrasings occurs in ``text``.

    Edge cases: no alternatives -> False (a fact nobody can state is never stated);
    empty text -> False.
    """
    return any(matches(text, alt) for alt in alternatives)


def missing_facts(text: str, facts: Sequence[Sequence[str]]) -> list[Sequence[str]]:
    """The facts (each a list of alternatives) that ``text`` does not state, in order."""
    return [fact for fact in facts if not states_fact(text, fact)]


def forbidden_claims(text: str, patterns: Sequence[str]) -> list[str]:
    """The forbidden patterns that occur in ``text`` (empty list: no forbidden claim)."""
    return [p for p in patterns if matches(text, p)]


def overlaps(cited: Cited, span: Span) -> bool:
    """True when a citation and a gold span share at least one character of one document.

    Overlap, not equality, so a gold sentence named by a substring still matches when the
    engine's splitter cuts the sentence differently.
    """
    return cited.doc_id == span.doc_id and cited.start < span.end and span.start < cited.end


def is_valid(cited: Cited, texts: Mapping[str, str]) -> bool:
    """True when the quote equals the document text at the citation's offsets.

    Edge cases: unknown document -> False; empty quote -> False (a citation must quote
    something); offsets out of range or reversed -> False.
    """
    text = texts.get(cited.doc_id)
    if text is None or not cited.quote:
        return False
    if not 0 <= cited.start < cited.end <= len(text):
        return False
    return text[cited.start : cited.end] == cited.quote


def evidence(result: CaseResult) -> tuple[Cited, ...]:
    """The citations offered as evidence: related-reading citations are left out."""
    return tuple(c for c in result.citations if not c.related)


def cites_gold(result: CaseResult) -> bool:
    """True when any evidence citation overlaps any gold span of the case."""
    return any(overlaps(c, g) for c in evidence(result) for g in result.gold)


def missing_sources(result: CaseResult) -> list[str]:
    """The documents named by the case's ``sources`` that no evidence citation points into,
    in order (empty list: every named source is cited, or the case names none)."""
    cited = {c.doc_id for c in evidence(result)}
    return [s for s in result.sources if s not in cited]


def citation_supports(cited: Cited, result: CaseResult) -> bool:
    """ALCE-style precision test for one citation: it points at a gold sentence, or its
    quote itself states one of the case's required facts."""
    if any(overlaps(cited, g) for g in result.gold):
        return True
    return any(states_fact(cited.quote, fact) for fact in result.facts)


# --------------------------------------------------------------------------- per case


def answer_is_correct(result: CaseResult) -> bool:
    """An answering case is correct when the engine answered (``answered`` is True) and the
    text states every required fact. A decline whose text happens to contain a fact does
    not count: the user was told the sources do not say."""
    return result.answered and not missing_facts(result.text, result.facts)


def premise_corrected(result: CaseResult) -> bool:
    """A false-premise case is corrected when the answer is correct (see
    ``answer_is_correct``: answered, every contradicting fact stated) and cites a gold
    sentence. The ``behaviour`` label is not required: an answer that states what the
    sources say, with its citation, corrects the premise whatever it is labelled."""
    return answer_is_correct(result) and cites_gold(result)


def failure_reasons(result: CaseResult, texts: Mapping[str, str]) -> list[str]:
    """Why a case fails, one line per broken expectation; an empty list means it passes.

    Checks, in order: the engine raised; a decline case was answered; an answering case was
    declined, misses a fact, cites no gold sentence or cites none of a named source; a
    forbidden claim was made; a citation's quote differs from the document text at its
    offsets.
    """
    reasons: list[str] = []
    if result.error:
        reasons.append(f"engine raised: {result.error}")
    if result.expect == "decline":
        if result.answered:
            reasons.append("expected a decline, got an answer")
    else:
        if not result.answered:
            reasons.append("expected an answer, got a decline")
        for fact in missing_facts(result.text, result.facts):
            reasons.append("missing fact: one of " + " | ".join(repr(a) for a in fact))
        if result.gold and not cites_gold(result):
            reasons.append("no evidence citation points at a gold sentence")
        for source in missing_sources(result):
            reasons.append(f"no evidence citation from the named source {source!r}")
    for pattern in forbidden_claims(result.text, result.forbidden):
        reasons.append(f"forbidden claim: {pattern!r}")
    for c in result.citations:
        if not is_valid(c, texts):
            reasons.append(f"citation [{c.marker}] quote differs from document text at offsets")
    return reasons


# --------------------------------------------------------------------------- set metrics


def share(flags: Sequence[bool]) -> float | None:
    """Share of True values; ``None`` for an empty sequence (undefined, never 0 or 1)."""
    return sum(flags) / len(flags) if flags else None


def answer_correctness(results: Sequence[CaseResult]) -> float | None:
    """Share of ``answer`` and ``correct_premise`` cases whose answer states every fact.

    Algorithm: keep cases whose ``expect`` is answer or correct_premise; a case counts when
    ``answer_is_correct``. Edge case: no such case -> None.
    """
    return share([answer_is_correct(r) for r in results if r.expect in ANSWERING])


def forbidden_claim_rate(results: Sequence[CaseResult]) -> float | None:
    """Share of all cases (any ``expect``) whose answer text makes a forbidden claim.

    Algorithm: a case counts when any of its forbidden patterns matches its normalised
    answer text (citations' quotes are not part of the claim). Cases without forbidden
    patterns count as clean. Target 0. Edge case: no cases -> None.
    """
    return share([bool(forbidden_claims(r.text, r.forbidden)) for r in results])


def citation_validity(results: Sequence[CaseResult], texts: Mapping[str, str]) -> float | None:
    """Share of all citations (related ones included) whose quote equals
    ``texts[doc_id][start:end]``.

    Algorithm: pool the citations of every case, test each with ``is_valid``. Target 1.0.
    Edge case: no citations at all -> None (undefined, so it fails a threshold).
    """
    return share([is_valid(c, texts) for r in results for c in r.citations])


def citation_recall(results: Sequence[CaseResult]) -> float | None:
    """Share of answerable cases whose evidence citations include a gold sentence.

    After ALCE (Gao et al. 2023), at case level: the denominator is every case expected to
    be answered (answer, correct_premise) that names gold support, *whether or not the
    engine answered*: declining an answerable question cites nothing and counts as a miss.
    Related-reading citations are ignored. Edge case: no such case -> None.
    """
    return share([cites_gold(r) for r in results if r.expect in ANSWERING and r.gold])


def citation_precision(results: Sequence[CaseResult]) -> float | None:
    """Share of evidence citations that support the answer.

    After ALCE (Gao et al. 2023): pool the evidence citations (related ones ignored) of
    every case expected to be answered; a citation counts when ``citation_supports`` (it
    overlaps a gold sentence, or its quote states a required fact of its case). Citations
    in answers to decline cases are not pooled: answering those is scored by decline
    precision. Edge case: no pooled citation -> None.
    """
    return share([citation_supports(c, r) for r in results if r.expect in ANSWERING for c in evidence(r)])


def decline_precision(results: Sequence[CaseResult]) -> float | None:
    """Of the cases the engine declined (``answered`` False), the share expected to decline.

    Edge case: the engine declined nothing -> None (undefined; fails a threshold, so an
    engine that never declines cannot pass on precision alone).
    """
    return share([r.expect == "decline" for r in results if not r.answered])


def decline_recall(results: Sequence[CaseResult]) -> float | None:
    """Of the cases expected to decline, the share the engine declined.

    Edge case: no decline case -> None.
    """
    return share([not r.answered for r in results if r.expect == "decline"])


def source_accuracy(results: Sequence[CaseResult]) -> float | None:
    """Share of cases naming ``sources`` ("which report says X?") that were answered, state
    every fact and whose evidence citations include every named document.

    Algorithm: keep cases with a non-empty ``sources``; a case counts when
    ``answer_is_correct`` and ``missing_sources`` is empty. Edge case: no such case -> None.
    """
    return share([answer_is_correct(r) and not missing_sources(r) for r in results if r.sources])


def premise_correction_rate(results: Sequence[CaseResult]) -> float | None:
    """Share of ``correct_premise`` cases that ``premise_corrected``: answered, every
    contradicting fact stated, and a gold sentence cited. Edge case: none -> None."""
    return share([premise_corrected(r) for r in results if r.expect == "correct_premise"])


def premise_flag_rate(results: Sequence[CaseResult]) -> float | None:
    """Informational: share of ``correct_premise`` cases the engine labelled
    ``behaviour == "correct_premise"``. Not part of premise correction (see
    ``premise_corrected``). Edge case: none -> None."""
    return share([r.behaviour == "correct_premise" for r in results if r.expect == "correct_premise"])


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile: the smallest value with at least ``q``% of values <= it.

    Algorithm: sort; take the element at rank ``ceil(q/100 * n)`` (1-based, at least 1).
    Edge cases: empty -> None; q outside [0, 100] -> ValueError.

    >>> percentile([30.0, 10.0, 20.0, 40.0], 50)
    20.0
    """
    if not 0 <= q <= 100:
        raise ValueError(f"percentile q must be in [0, 100], got {q}")
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def case_set_metrics(results: Sequence[CaseResult], texts: Mapping[str, str]) -> dict[str, float | None]:
    """Every metric of a question set (or of one category of it), keyed by metric name."""
    latencies = [r.latency_ms for r in results]
    return {
        "cases": float(len(results)),
        "pass_rate": share([not failure_reasons(r, texts) for r in results]),
        "answer_correctness": answer_correctness(results),
        "forbidden_claim_rate": forbidden_claim_rate(results),
        "citation_validity": citation_validity(results, texts),
        "citation_recall": citation_recall(results),
        "citation_precision": citation_precision(results),
        "decline_precision": decline_precision(results),
        "decline_recall": decline_recall(results),
        "premise_correction_rate": premise_correction_rate(results),
        "source_accuracy": source_accuracy(results),
        "premise_flag_rate": premise_flag_rate(results),
        "latency_p50_ms": percentile(latencies, 50),
        "latency_p95_ms": percentile(latencies, 95),
    }
