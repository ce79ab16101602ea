"""Compose an answer from retrieved sentences. The default composer is extractive.

A composer is anything with ``compose(question, hits) -> Answer``; a generative one
(an LLM) can replace the default without touching the other stages, and its answer goes
through the same verifier.

The extractive composer writes answers only from verbatim source sentences, so it can
state nothing the sources do not. Its algorithm:

1. Score each hit: cosine similarity of the sentence, of its best chunk, and the share
   of the question's content words that the sentence (with its lead-in and section)
   contains (``coverage``), plus adjacent question-word pairs found adjacent (``proximity``).
2. Run the gates in order (``ExtractiveComposer.compose``), each a named method that
   declines with its reason (``Answer.reason``) or passes the ranking on: ``fresh_first``
   (a follow-up's new words), ``relevant`` (close enough in meaning or words),
   ``attribute_known`` ("the capital of X" needs the word "capital"), ``names_together``
   (two names the question gives, named together), ``years_given`` (a year it gives, in
   the evidence), ``stance`` (polarity, below), ``typed`` (a time, amount or count asked
   for, held by the sentence). A decline shows the closest sentences labelled as related.
3. Pick the smallest set: the best sentence, plus others nearly as good that cover
   question words it misses; a bullet brings its lead-in, a lead-in brings its list; a
   sentence that refers back (``context.opens_with_reference``) brings the sentence before.
4. Polarity (``assistant.stance``'s general cue words): a yes/no question about agreeing
   is answered "No:" when a nearly-best sentence states a refusal by the question's own
   subject; a wh-question that presumes an agreement, or something still going on, gets
   its premise corrected when a sentence states a refusal or a stop about a name it uses.
   Nothing is said without such a cue.

Every number is in ``Gates``: ``min_support``, which decides whether the best sentences
are relevant enough to answer at all, is fit by ``evals/fit_gates.py`` on the tune
questions this composer answers (``assistant/gates.json``, read by ``load_gates``); the
others are set by hand. Its cue lists were once written from the seed article's
wording; since issue 8 (third session) they are ``assistant.stance``'s and
``assistant.context``'s general ones, tested on other documents in
tests/test_rule_composer.py and tests/test_answer_rules.py. Not handled: stances without
a cue word; the gates other than ``min_support`` are set by hand, not fitted.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from assistant.answerability import content_words
from assistant.context import (
    CONTINUES,
    CONTRAST,
    opens_with_reference,
    phrase_referent,
    sentence_before,
    with_context,
)
from assistant.direct import states_measure, within, year_bounds
from assistant.errors import ModelError
from assistant.evidence import date_spans
from assistant.index import Snapshot
from assistant.lexical import covered_terms, stem, tokenize, unaccented
from assistant.names import NAME_WORD, PARTICLE, UPPER
from assistant.numerals import CARDINAL
from assistant.question import YEAR_RE, Question
from assistant.records import Answer, Behaviour, Citation, Document, Hit, Sentence
from assistant.sources import source_name
from assistant.stance import (
    REFUSAL,
    STOPPED,
    asks_about_refusal,
    entities,
    presumes_agreement,
    presumes_ongoing,
    refuses,
    subject,
)

NOT_IN_SOURCES = "The sources do not say."
PREMISE_LEAD = "The sources say otherwise:"
INJECTION_NOTE = "(Instructions inside the question were ignored; this answer comes only from the sources.)"


@dataclass(frozen=True)
class Gates:
    """Every number the rule-based composer decides with (support of a sentence, cosine of
    MiniLM vectors, ratios to the best sentence's support).

    ``min_support`` (``FITTED_GATES``) is fit by ``evals/fit_gates.py`` on the tune splits
    and read from ``assistant/gates.json`` (``load_gates``); the default here is the hand-set
    value it replaced. The others were set by hand on the seed article's eval set (before
    it was split into tune and check) and checked on the SQuAD sample; no script refits
    them. ``CalibratedComposer`` is the fitted alternative (``evals/fit_answerability.py``).
    """

    min_support: float = 0.62  # the best sentence's support (without word order) that answers
    strong_dense: float = 0.62  # a cosine that answers whatever the words
    related_min_dense: float = 0.315  # the closest passages shown with a decline must be this close
    nearly_as_good: float = 0.85  # a sentence this close to the best's support may replace or join it
    stance_as_good: float = 0.8  # ... or, stating a refusal or a stop, answer a yes/no or correct a premise
    tied: float = 0.97  # as good as the best: both are shown (the sources are split)
    follow_up_as_good: float = 0.6  # a follow-up's fresh sentence goes first at this share of the best
    distinctive_idf: float = math.log(10)  # a word in at most about a tenth of the sentences
    proximity_weight: float = 0.35  # weight of adjacent question word pairs in support
    max_sentences: int = 3
    # A sentence word this close (static MiniLM word vectors) stands for a question word
    # in ``beyond_setting``: "religion" ~ "Christian" 0.35; unrelated pairs of the SQuAD
    # tune article's declined questions ("besiege" ~ "Nourmands") stay below 0.28.
    counterpart_cosine: float = 0.3


GATES = Gates()  # the hand-set numbers; the composer runs ``load_gates()``, with the fitted ones
GATES_FILE = Path(__file__).with_name("gates.json")
FITTED_GATES = ("min_support",)  # the numbers of ``Gates`` that ``evals/fit_gates.py`` fits


def load_gates(path: Path = GATES_FILE) -> Gates:
    """``Gates`` with the numbers of ``FITTED_GATES`` as ``evals/fit_gates.py`` wrote them to ``path``."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    fitted = raw.get("fitted", {})
    if sorted(fitted) != sorted(FITTED_GATES):
        raise ModelError(
            f"{path} holds {sorted(fitted)}, the composer reads {list(FITTED_GATES)}: rerun python -m evals.fit_gates"
        )
    numbers: dict[str, Any] = {name: float(value) for name, value in fitted.items()}
    return dataclasses.replace(GATES, **numbers)


TIME = re.compile(
    r"\b(?:1[0-9]\d\d|20\d\d|\d{1,2}(?:st|nd|rd|th)|\d+[- ](?:day|week|month|year)s?|january|february|march|april|"
    r"june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|yesterday|today|tomorrow|(?:last|next|past|this|coming|previous)\s+(?:\w+\s+)?"
    r"(?:day|week|month|year|decade)s?|decades?|centur(?:y|ies)|\d+(?:st|nd|rd|th)\s+century|"
    rf"(?:{CARDINAL}|several|many)\s+(?:day|week|month|year)s?|"
    r"spring|summer|autumn|winter|(?:\w+ )?ago|"
    # A decade ("the 1050s", "the 880s"); a year of three digits after "in", "since" or
    # "until" and before punctuation or a clause ("began in 911 as a fief", not "in 300
    # ships"; "by 300," and "from 300 to" are amounts).
    r"[1-9]\d{1,2}0s|(?:in|since|until|circa)\s+[1-9]\d\d(?=\s*[,.;:)]|\s+(?:as|when|after|before|under|AD|CE)\b)"
    # "May" only capitalised and beside a day number or a preposition: "may" is a modal verb.
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?-i:May)|(?-i:May)\s+\d{1,2}|(?:in|on|since|until|by|from|early|late|mid-?)\s+(?-i:May))\b",
    re.I,
)
AMOUNT = re.compile(
    rf"(?:[£$€]\s?\d|\d|\b(?:{CARDINAL}|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|half|"
    r"double|doubling|twice)\b)",
    re.I,
)
COUNT = re.compile(
    rf"\d|\b(?:{CARDINAL}|"
    r"hundreds?|thousands?|millions?|billions?|dozens?|several|many|few|multiple|numerous|a number of|handful)\b",
    re.I,
)
MONEY = re.compile(
    r"[£$€]\s?\d|\d[\d,.]*\s?(?:pounds|dollars|euros|bn|m)\b|\b(?:million|billion|thousand) (?:pounds|dollars|euros)",
    re.I,
)
HOW_LONG = re.compile(r"\bhow\s+long\b", re.I)
MONEY_QUESTION = re.compile(
    r"\b(?:cost|costs|price|budget|spend|spent|spending|invest|investment|pay|paid|paying|fund|funding|worth|money)\b",
    re.I,
)
# "What is the capital of Albania?": an attribute (lower case) of a name (capitalised).
ATTRIBUTE_QUESTION = re.compile(
    r"^\s*(?:[Ww]hat|[Ww]hich|[Ww]ho)\s+(?:is|are|was|were)\s+(?:the\s+)?([a-z]+)\s+(?:of|in|for)\s+(?:the\s+)?" + UPPER
)
NAME = re.compile(rf"(?:\b(?:{NAME_WORD}|of|the|and|{PARTICLE})\s+)*\b{NAME_WORD}")
QUESTION_WORDS = frozenset(
    "what who whom whose which when where why how did does do is are was were has have had will would can could "
    "should shall may might must in on at of for to from by with about and so but if the a an tell list give "
    "describe explain please according since until after before during between among besides other name "
    "names following".split()
)


class Composer(Protocol):
    """Turns a question and its retrieved sentences into an answer with citations."""

    def compose(self, question: Question, hits: list[Hit]) -> Answer: ...


@dataclass(frozen=True)
class Scored:
    hit: Hit
    coverage: float
    support: float  # ranks sentences
    covered: frozenset[str]
    base: float = 0.0  # support without the word-order bonus: decides whether to answer

    @property
    def sentence(self) -> Sentence:
        return self.hit.sentence


@dataclass(frozen=True)
class Verdict:
    """What one gate says: decline (with its reason), or go on with ``scored`` (best first)."""

    scored: list[Scored]
    declined: bool = False
    reason: str = ""


@dataclass(frozen=True)
class Relevance:
    """What the ``relevant`` gate reads of a question's scored hits (best first)."""

    dense: float  # the best sentence's cosine to the question
    support: float  # the highest support without word order (``Scored.base``) of the best three
    whole: bool  # the question has two terms or more, and one of the best three holds them all

    @classmethod
    def of(cls, question: Question, scored: Sequence[Scored]) -> Relevance:
        """The relevance of ``scored`` (at least one hit) to ``question``."""
        return cls(
            dense=scored[0].hit.dense,
            support=max(s.base for s in scored[:3]),
            whole=len(question.terms) >= 2 and any(s.coverage >= 0.999 for s in scored[:3]),
        )

    def clears(self, gates: Gates) -> bool:
        """Close enough in meaning, enough support, or every word of the question.

        >>> Relevance(dense=0.3, support=0.7, whole=False).clears(Gates(min_support=0.66))
        True
        >>> Relevance(dense=0.3, support=0.64, whole=False).clears(Gates(min_support=0.66))
        False
        """
        return self.dense >= gates.strong_dense or self.support >= gates.min_support or self.whole


def _first(chosen: Scored, scored: list[Scored]) -> list[Scored]:
    """``scored`` with ``chosen`` moved to the front."""
    return [chosen] + [s for s in scored if s is not chosen]


def _words(sentence: Sentence) -> set[str]:
    return set(tokenize(" ".join(filter(None, [sentence.section, sentence.lead_in, sentence.text]))))


def score_hits(
    question: Question,
    hits: Iterable[Hit],
    before: Callable[[Sentence], Sentence | None] | None = None,
    idf: Callable[[str], float] | None = None,
) -> list[Scored]:
    """Score hits for answer support, best first (see the module docstring, step 1).

    Coverage weighs each question term by its rarity (``idf``), so the one sentence that
    has the question's distinctive word ("cancelled") beats many that share its common
    ones ("scheme"). A term found only in the sentence just before counts half, or fully
    when the sentence opens with a pronoun ("That policy, which Sir Keir cancelled").
    """
    # The previous turn's words count half: "And Albanian arrivals?" is about arrivals
    # of Albanians, in the frame of the question before.
    terms = set(question.terms) | set(question.context_terms)
    weight = {t: (idf(t) if idf else 1.0) * (0.5 if t in question.context_terms else 1.0) for t in terms}
    total = sum(weight.values())
    scored = []
    for hit in hits:
        own = covered_terms(terms, _words(hit.sentence))
        antecedent = before(hit.sentence) if before else None
        borrowed: frozenset[str] = frozenset()
        if antecedent is not None:
            borrowed = covered_terms(terms - own, _words(antecedent))
        share = 1.0 if opens_with_reference(hit.sentence.text) else 0.5
        covered = own | borrowed
        coverage = (sum(weight[t] for t in own) + share * sum(weight[t] for t in borrowed)) / total if total else 0.0
        # A sentence that leans on the one before has an embedding without its referent;
        # the similarity of its chunk (which holds the referent) stands in for it.
        dense = max(hit.dense, hit.context) if share == 1.0 else hit.dense
        base = dense + 0.25 * hit.context + 0.35 * coverage
        support = base + GATES.proximity_weight * proximity(question.terms, hit.sentence, idf)
        scored.append(Scored(hit, coverage, support, covered, base))
    scored.sort(key=lambda s: -s.support)
    return scored


def holds_answer_type(answer_type: str | None, sentence: Sentence, question: str = "") -> bool:
    """Whether a sentence holds the kind of thing a wh-question asks for.

    A time answers "when"; an amount answers "how much" (money, when the question is
    about cost, price, budget or spending); a number answers "how many", once the
    sentence's own time expressions ("over the past three years") are set aside.

    >>> from assistant.records import Sentence
    >>> holds_answer_type("amount", Sentence("d#s0", "d", 0, 0, 9, "Invest £1 million"), "How much will it cost?")
    True
    >>> holds_answer_type("amount", Sentence("d#s0", "d", 0, 0, 9, "It passed 31 to 12"), "How much will it cost?")
    False
    >>> holds_answer_type("count", Sentence("d#s0", "d", 0, 0, 9, "A doubling over the past three years"))
    False
    """
    text = sentence.text
    if answer_type == "time":
        # "How long is the bridge?" asks for a length: "85 feet" answers it, as "three weeks" would.
        return bool(TIME.search(text)) or (HOW_LONG.search(question) is not None and states_measure(text))
    untimed = TIME.sub(" ", text)
    if answer_type == "amount":
        if MONEY_QUESTION.search(question):
            return bool(MONEY.search(untimed))
        return bool(AMOUNT.search(untimed))
    if answer_type == "count":
        return bool(COUNT.search(re.sub(r"\d[\d,.]*\s?(?:%|per\s?cent|percent)", " ", untimed)))
    return True  # "who" and "where" can be answered by common nouns ("failed asylum seekers")


def _bigrams(tokens: list[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(tokens))


def attribute_noun(question: str) -> str | None:
    """The attribute a question asks of a name ("What is the capital of Peru?" -> "capital").

    >>> attribute_noun("What is the capital of Peru?"), attribute_noun("What did Peru say?")
    ('capital', None)
    """
    found = ATTRIBUTE_QUESTION.match(question)
    return found.group(1).lower() if found else None


def proximity(terms: tuple[str, ...], sentence: Sentence, idf: Callable[[str], float] | None = None) -> float:
    """Weighted share of the question's adjacent term pairs that are adjacent in the sentence too.

    Bag-of-words coverage cannot tell "Albanian Prime Minister Edi Rama" from a sentence
    that has "Albania" and "Prime Minister" far apart; adjacent pairs can. Each pair
    weighs the mean rarity (``idf``) of its words, so a phrase the corpus repeats
    everywhere ("return hub") counts for little.
    """
    pairs = _bigrams(list(terms))
    if not pairs:
        return 0.0
    words = _bigrams(tokenize(sentence.text))
    weight = {p: ((idf(p[0]) + idf(p[1])) / 2 if idf else 1.0) for p in pairs}
    found = sum(
        weight[(a, b)] for a, b in pairs if any(covered_terms({a}, {x}) and covered_terms({b}, {y}) for x, y in words)
    )
    total = sum(weight.values())
    return found / total if total else 0.0


def names_in(question: str) -> list[set[str]]:
    """The names a question uses, each as the set of its words' stems.

    >>> [sorted(n) for n in names_in("What did Rama say about North Macedonia joining the task force?")]
    [['rama'], ['macedonia', 'north']]
    """
    names = []
    for match in NAME.finditer(unaccented(question)):
        words = [
            w for w in re.findall(r"[\w’'-]+", match.group(0)) if w.lower() not in QUESTION_WORDS and w[:1].isupper()
        ]
        words = [w.lower().removesuffix("’s").removesuffix("'s") for w in words]
        if words:
            names.append({stem(w) for w in words} | set(words))
    return names


# "Which other Balkan state is ...", "What Viking groups were ...": a wh-word and the noun
# phrase it asks about, up to the first auxiliary or verb-like word.
WH_PHRASE = re.compile(
    r"^\s*(?:[Ww]hich|[Ww]hat)\s+(?:(?!(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could)\b)"
    r"[\w’'-]+\s+){1,4}?(?=(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could)\b)"
)


def given_names(question: str) -> list[set[str]]:
    """The names a question gives (``names_in``), leaving out those inside its wh-phrase
    (read up to the first auxiliary, so "Which Balkan state joined?" keeps Balkan): in
    "Which other Balkan state has joined?" Balkan describes what is asked for, and the
    answer names the state instead.

    >>> [sorted(n) for n in given_names("Which Nordic country did Kari Nordmann visit?")]
    [['kari', 'nordmann']]
    >>> [sorted(n) for n in given_names("Who ruled Cyprus?")]
    [['cypru', 'cyprus']]
    """
    phrase = WH_PHRASE.match(question)
    return names_in(question[phrase.end() :] if phrase else question)


def join_items(items: Sequence[tuple[str, bool]]) -> str:
    r"""An answer's text from its items (text, is a bullet): a bullet on a line of its own
    after "• ", other items after a space; an answer never opens with an empty line.

    >>> join_items([("Fares rise: [1]", False), ("on buses [2]", True), ("on trams [3]", True)])
    'Fares rise: [1]\n• on buses [2]\n• on trams [3]'
    >>> join_items([("on buses [1]", True), ("Trams are free. [2]", False)])
    '• on buses [1] Trams are free. [2]'
    """
    text = " ".join(f"\n• {piece}" if bullet else piece for piece, bullet in items)
    return text.replace(" \n", "\n").lstrip("\n")


def write_items(
    items: Sequence[Sequence[Sentence]], documents: Mapping[str, Document], related: bool, name_sources: bool = False
) -> tuple[str, list[Citation]]:
    """An answer's text and citations: each item as its first sentence's text and a marker
    per sentence (one statement told by several documents); with ``name_sources``, each
    item is led by the names of its documents. ``related`` marks the citations as related
    reading, not evidence."""
    pieces: list[tuple[str, bool]] = []
    citations: list[Citation] = []
    for item in items:
        markers = []
        for s in item:
            marker = len(citations) + 1
            citations.append(Citation.of(marker, s, documents[s.doc_id], related))
            markers.append(f"[{marker}]")
        head = item[0]
        piece = f"{head.text} {''.join(markers)}"
        if name_sources:
            names = list(dict.fromkeys(source_name(documents[s.doc_id]) for s in item))
            piece = f"{' and '.join(names)}: {piece}"
        pieces.append((piece, head.kind == "bullet"))
    return join_items(pieces), citations


def declined(
    question: Question, related: tuple[str, list[Citation]] | None, reason: str, standalone: str | None = None
) -> Answer:
    """A decline, shared by the composers: "The sources do not say." (after a note when the
    question carried instructions), then the related passages, when given as their written
    text and citations."""
    parts = [INJECTION_NOTE] if question.injected else []
    parts.append(NOT_IN_SOURCES)
    citations: list[Citation] = []
    if related is not None:
        text, citations = related
        parts += ["Related passages, which do not answer the question:", text]
    return Answer(
        question=question.text,
        text=" ".join(parts),
        answered=False,
        citations=citations,
        behaviour="decline",
        standalone_question=standalone,
        reason=reason,
    )


def setting_free_terms(question: str, title: str | None) -> set[str]:
    """The question's terms once its dates and the words of the document's title (what
    the whole document is about) are set aside.

    >>> sorted(setting_free_terms("Which mills closed in the 19th century?", "Textile mills of Lancashire"))
    ['clos']
    """
    for start, end in sorted(date_spans(question), reverse=True):
        question = question[:start] + " " + question[end:]
    return set(tokenize(question)) - set(tokenize(title or ""))


class ExtractiveComposer:
    """Answers made of verbatim source sentences (the default; needs no language model)."""

    def __init__(
        self,
        snapshot: Snapshot,
        idf: Callable[[str], float] | None = None,
        word_vectors: Callable[[list[str]], np.ndarray] | None = None,
        gates: Gates | None = None,
    ) -> None:
        self.snapshot = snapshot
        self.idf = idf
        self.word_vectors = word_vectors
        self.gates = gates or load_gates()
        # Names the corpus never uses (an alias, a misspelling) cannot be required of evidence.
        self.vocabulary: set[str] = set()
        for sentence in snapshot.sentences.values():
            self.vocabulary.update(w.lower() for w in re.findall(r"[\w’'-]+", unaccented(sentence.text)))
        self.vocabulary_stems = {stem(w) for w in self.vocabulary} | self.vocabulary

    def _before(self, sentence: Sentence) -> Sentence | None:
        """The sentence ``sentence`` leans on (``context.sentence_before``)."""
        return sentence_before(self.snapshot.by_doc.get(sentence.doc_id, []), sentence)

    def compose(self, question: Question, hits: list[Hit]) -> Answer:
        """Run the gates of ``GATE_STEPS`` in order over the scored hits: each either
        declines (with its reason) or passes the ranking on, perhaps with another best
        sentence first; then select the sentences and write the answer."""
        if question.wants_more and question.previous_answer:
            # "What else ...?": what the previous answer quoted is not news.
            said = question.previous_answer
            hits = [h for h in hits if h.sentence.text not in said] or hits
        scored = score_hits(question, hits, self._before, self.idf)
        if not scored:
            return self._decline(question, [], "no sentence retrieved")
        reasons: list[str] = []
        for step in (
            self.fresh_first,
            self.relevant,
            self.attribute_known,
            self.names_together,
            self.years_given,
            self.beyond_setting,
        ):
            verdict = step(question, scored)
            if verdict.declined:
                return self._decline(question, scored, verdict.reason)
            scored = verdict.scored
            if verdict.reason:
                reasons.append(verdict.reason)
        stance = self.stance(question, scored)
        if stance is not None:
            scored = [stance] + [s for s in scored if s is not stance]
            if not question.yes_no:
                reasons.append(f"premise corrected: {stance.sentence.sentence_id} states a refusal or stop")
                return self._answer(question, [stance.sentence], PREMISE_LEAD, "correct_premise", reasons)
            reasons.append(f"No: {stance.sentence.sentence_id} states a refusal by the question's subject")
            chosen = self._with_context([stance.sentence])
            if CONTRAST.search(question.focus):
                chosen = self._with_contrast(chosen)
            return self._answer(question, chosen, "No:", "answer", reasons)
        verdict = self.typed(question, scored)
        if verdict.declined:
            return self._decline(question, scored, verdict.reason)
        scored = verdict.scored
        chosen = self._select(scored)
        if CONTRAST.search(question.focus):
            chosen = self._with_contrast(chosen)
        reasons.append(f"best sentence {scored[0].sentence.sentence_id} (support {scored[0].support:.2f})")
        return self._answer(question, chosen, None, "answer", reasons)

    # -- the gates, in order --------------------------------------------------------------
    def fresh_first(self, question: Question, scored: list[Scored]) -> Verdict:
        """A follow-up's own distinctive words say what is new ("... about the gangs?"):
        a nearly-as-good sentence with them goes first."""
        distinctive = {t for t in question.terms if self.idf and self.idf(t) >= self.gates.distinctive_idf}
        if not (question.context_terms and distinctive):
            return Verdict(scored)
        fresh = [s for s in scored if distinctive & set(tokenize(s.sentence.text))]
        if fresh and fresh[0].support >= self.gates.follow_up_as_good * scored[0].support:
            return Verdict(fresh + [s for s in scored if s not in fresh])
        return Verdict(scored)

    def relevant(self, question: Question, scored: list[Scored]) -> Verdict:
        """The best sentence must be close in meaning, or have enough support, or hold every
        word of a question of two or more words ("Who is Ana Ruiz?")."""
        if Relevance.of(question, scored).clears(self.gates):
            return Verdict(scored)
        return Verdict(scored, declined=True, reason="no sentence close enough to the question")

    def attribute_known(self, question: Question, scored: list[Scored]) -> Verdict:
        """ "What is the capital of Peru?" asks for an attribute: a corpus that never uses the
        attribute's word does not answer it."""
        attribute = attribute_noun(question.focus)
        if attribute and not covered_terms({stem(attribute)}, self.vocabulary_stems):
            return Verdict(scored, declined=True, reason=f"the sources never use the word {attribute!r}")
        return Verdict(scored)

    def names_together(self, question: Question, scored: list[Scored]) -> Verdict:
        """Every name the question gives (``given_names``) must be in one nearly-best
        sentence (or its context, or as the speaker of its quotation): a question about what
        Ruiz said of Leeds is not answered by a sentence naming one, nor "Who ruled Cyprus
        then?" by a sentence without Cyprus. With two names or more, that sentence comes
        first; one name alone leaves the ranking as it is."""
        names = [n for n in given_names(question.focus) if covered_terms(n, self.vocabulary)]
        if not names:
            return Verdict(scored)
        best = scored[0]
        named = [
            s
            for s in scored[:5]
            if s.support >= self.gates.nearly_as_good * best.support and self._names_all(s.sentence, names)
        ]
        if not named:
            return Verdict(scored, declined=True, reason="no sentence names every name the question uses")
        return Verdict(_first(named[0], scored) if len(names) > 1 else scored)

    def years_given(self, question: Question, scored: list[Scored]) -> Verdict:
        """A year the question gives must be in a nearly-best sentence: the 2025 figure does
        not answer a question about 2024 (other figures are not checked); a year it bounds
        ("before 2024") needs one of the best five giving a year within the bound."""
        bounds = year_bounds(question.focus)
        if bounds:
            # "Before 2024, which year ...?": an earlier year answers, not 2024's.
            bounded = next((s for s in scored[:5] if within(bounds, s.sentence.text)), None)
            if bounded is None:
                return Verdict(scored, declined=True, reason="no sentence gives a year within the question's bounds")
            return Verdict(_first(bounded, scored))
        years = set(YEAR_RE.findall(question.focus))
        if not years:
            return Verdict(scored)
        best = scored[0]
        numbered = [
            s
            for s in scored[:5]
            if s.support >= self.gates.nearly_as_good * best.support and years <= set(YEAR_RE.findall(s.sentence.text))
        ]
        if not numbered:
            return Verdict(scored, declined=True, reason=f"no sentence gives the year(s) {sorted(years)}")
        return Verdict(_first(numbered[0], scored))

    def beyond_setting(self, question: Question, scored: list[Scored]) -> Verdict:
        """For a wh-question that gives a date, the best sentence (with the sentence a
        pronoun leans on) must share a question word besides that date and its document's
        subject (the title): "Who did the Normans besiege in the 11th century?" is not
        answered by a sentence that only says the Normans lived in the 11th century."""
        if question.yes_no or not date_spans(question.focus):
            return Verdict(scored)
        best = scored[0].sentence
        doc = self.snapshot.documents.get(best.doc_id)
        own = setting_free_terms(question.focus, doc.title if doc else None)
        before = self._before(best) if opens_with_reference(best.text) else None
        text = " ".join(s.text for s in (before, best) if s is not None)
        if not own or covered_terms(own, _words(best) | set(tokenize(text))) or self._counterpart(own, question, text):
            return Verdict(scored)
        return Verdict(scored, declined=True, reason="the best sentence shares only the subject and the dates")

    def _counterpart(self, terms: set[str], question: Question, text: str) -> bool:
        """Whether a word of ``text`` is close in meaning to a question word whose stem is
        in ``terms`` (static word vectors, ``Gates.counterpart_cosine``): "religion" meets
        "Christian"."""
        asked = [w for w in content_words(question.focus) if stem(w) in terms]
        words = content_words(text)
        if self.word_vectors is None or not asked or not words:
            return False
        cosines = self.word_vectors(asked) @ self.word_vectors(words).T
        return float(cosines.max()) >= self.gates.counterpart_cosine

    def stance(self, question: Question, scored: list[Scored]) -> Scored | None:
        """A nearly-best sentence stating a refusal (for "did X agree ...?") or a stop (for a
        question presuming something goes on) by a name the question uses (``assistant.stance``)."""
        mentioned = entities(question.focus)
        # A yes/no answer must be about the question's subject; a presumption may be
        # contradicted about any of the names the question uses.
        actor = subject(question.focus) if question.yes_no else None
        if question.yes_no and actor is None and question.context_text:
            # "Did his country agree?": the names of the previous question stand in.
            actor = entities(question.context_text) or None
        if asks_about_refusal(question.focus):
            return None
        if presumes_agreement(question.focus) and (actor or not question.yes_no):
            cues = REFUSAL
        elif not question.yes_no and presumes_ongoing(question.focus):
            cues = STOPPED
        else:
            return None
        actors = actor if question.yes_no and actor else mentioned
        best = scored[0]
        return next(
            (
                s
                for s in scored[:5]
                if s.support >= self.gates.stance_as_good * best.support
                and refuses(s.sentence.text, set(question.terms), actors, cues)
            ),
            None,
        )

    def typed(self, question: Question, scored: list[Scored]) -> Verdict:
        """A wh-question asking for a time, an amount or a count needs a nearly-best sentence,
        covering as much of the question, that holds one (``holds_answer_type``)."""
        if not question.answer_type or question.yes_no:
            return Verdict(scored)
        best = scored[0]
        typed = [
            s
            for s in scored[:3]
            if s.support >= self.gates.nearly_as_good * best.support
            and s.coverage >= best.coverage
            and holds_answer_type(question.answer_type, s.sentence, question.focus)
        ]
        if not typed:
            return Verdict(scored, declined=True, reason=f"no nearly-best sentence holds a {question.answer_type}")
        return Verdict(_first(typed[0], scored))

    def _names_all(self, sentence: Sentence, names: list[set[str]]) -> bool:
        """Whether each name (any of its words) appears in the sentence or its context."""
        doc = self.snapshot.documents.get(sentence.doc_id)
        # "He appointed ...": the name a pronoun stands for is in the sentence before.
        before = self._before(sentence) if opens_with_reference(sentence.text) else None
        # '"...," he said.': the speaker is named where the document introduces them.
        speakers = [
            q.speaker for q in self.snapshot.quotes_of(sentence.doc_id) if q.sentence_id == sentence.sentence_id
        ]
        context = " ".join(
            filter(
                None,
                [
                    sentence.lead_in,
                    sentence.text,
                    before.text if before else None,
                    doc.title if doc else None,
                    *speakers,
                ],
            )
        )
        context = unaccented(context)
        words = set(tokenize(context)) | {w.lower() for w in re.findall(r"[\w’'-]+", context)}
        return all(covered_terms(name, words) for name in names)

    # -- selection ------------------------------------------------------------------------
    def _select(self, scored: list[Scored]) -> list[Sentence]:
        best = scored[0]
        chosen = [best.sentence]
        covered = set(best.covered)
        for other in scored[1:]:
            if len(chosen) >= self.gates.max_sentences or other.support < self.gates.nearly_as_good * best.support:
                break
            # A sentence joins when it covers question words the others miss, or when it
            # is as good as the best (then the sources are split and both are shown).
            if other.covered - covered or other.support >= self.gates.tied * best.support:
                chosen.append(other.sentence)
                covered |= other.covered
        return self._with_context(chosen)

    def _neighbours(self, sentence: Sentence) -> list[Sentence]:
        """The sentences of the same document, in order."""
        return self.snapshot.by_doc.get(sentence.doc_id, [])

    def _with_context(self, chosen: list[Sentence]) -> list[Sentence]:
        """Add what each sentence needs to be read alone (``context.with_context``; what a
        sentence opening with a reference points back to is the one before it in its
        paragraph)."""

        def referent(sentence: Sentence) -> Sentence | None:
            doc, at = self._neighbours(sentence), sentence.ordinal
            if not opens_with_reference(sentence.text) or at == 0:
                return phrase_referent(doc, sentence)
            before = doc[at - 1]
            ok = before.citable and before.kind == "sentence" and before.paragraph == sentence.paragraph
            return before if ok else None

        items = with_context([[s] for s in chosen], self._neighbours, referent)
        return [item[0] for item in items]

    def _with_contrast(self, chosen: list[Sentence]) -> list[Sentence]:
        """For a question that compares, add the sentences of the best sentence's section
        that carry the comparison on ("That policy ...", "In contrast, ...")."""
        best = chosen[0]
        doc = self.snapshot.by_doc.get(best.doc_id, [])
        have = {s.sentence_id for s in chosen}
        extra = []
        for s in doc[best.ordinal + 1 : best.ordinal + 3]:
            if s.kind != "sentence" or not s.citable or s.section != best.section or not CONTINUES.match(s.text):
                break
            if s.sentence_id not in have:
                extra.append(s)
        return [*chosen, *extra]

    # -- writing ------------------------------------------------------------------------
    def _answer(
        self, question: Question, sentences: list[Sentence], lead: str | None, behaviour: Behaviour, reasons: list[str]
    ) -> Answer:
        text, citations = write_items([[s] for s in sentences], self.snapshot.documents, related=False)
        parts = [INJECTION_NOTE] if question.injected else []
        parts += [lead, text] if lead else [text]
        return Answer(
            question=question.text,
            text=" ".join(parts),
            answered=True,
            citations=citations,
            behaviour=behaviour,
            reason="; ".join(reasons),
        )

    def _decline(self, question: Question, scored: list[Scored], reason: str) -> Answer:
        related = [s.sentence for s in scored[:2] if s.hit.dense >= self.gates.related_min_dense]
        ordered = sorted(related, key=lambda s: (s.doc_id, s.ordinal))
        written = write_items([[s] for s in ordered], self.snapshot.documents, related=True) if related else None
        return declined(question, written, f"declined: {reason}")
