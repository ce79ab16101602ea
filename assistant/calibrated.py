"""The calibrated extractive composer: a short pipeline of named steps over general evidence.

Like ``compose.ExtractiveComposer`` it writes answers only from verbatim source
sentences, so it can state nothing the sources do not; it replaces that composer's rules
with a fitted answerability model (``assistant.answerability``) and adds direct answers,
named sources, merged repeated statements and "Sources differ". Each step returns a
verdict with its reason, and the answer carries the reasons (``Answer.reason``):

1. ``rank``: one calibrated probability per candidate that it answers the question
   (``assistant.answerability``), best first. A question that names documents by their
   kind or outlet ("the press release") is answered from those documents; ``gist``: one
   asking only what they say ("What did the Herald report?") by the lead of the report.
2. ``stance``: a refusal by the question's subject answers "Did X agree ...?" with "No:";
   a refusal or stop by a name it uses, an outright denial of what it presumes ("no
   evidence of a cyberattack"), a statement that its subject did not do it ("X will not
   fly home aboard Y", with the next sentence: what happened instead) or that someone
   else did ("A, not X, pays"), corrects "Why did X agree ...?" (``assistant.stance``),
   from any of the first five candidates above the related-passage bar; so does a
   statement that the subject does what "Why did X refuse to V?" presumes it refused.
   ``reason``: a why-question is answered by the sentence whose causal clause is about
   what it asks (``assistant.reasons``), ahead of the answerable gate, else by the first
   candidate giving a cause of it at all (``reasons.cause_match``), the best candidate
   after it when that may deny the question's premise.
3. ``answerable``: decline (``answered`` False) when the best probability is below the
   fitted threshold; the closest passages above a lower bar are shown as related.
   ``corrected``: a statement a correction says was wrong gives way to the correction.
4. ``day``: a question naming a day ("What happened on 20 March?") is answered first by a
   sentence naming that day; ``years``: a year the question gives must be in the evidence,
   else decline; ``dated``: a decline too when the evidence dates what it says to another
   time than the question names ("in the 10th century" against a sentence about 1072, "on
   20 March" against one about 21 and 22 March).
5. ``typed``: a question asking for a date or a figure needs a nearly-best sentence
   holding one (for "how many X died", a count of X in a clause saying they died; for "how
   long", a length of time; for "what time", a time of day, from one of the best three if
   need be), else decline.
6. ``prefer``: a quotation by the person "What did X say?" names, a sentence stating the
   state of what a status question names, a sentence giving the role a role question
   asks, or in a follow-up a candidate with the follow-up's own words, comes first.
   ``focused``: a question asking for a thing the sources never name ("Which insurer
   ...?", "What brand ...?", ``assistant.focus``) needs a nearly-best sentence with a word
   close to it (cosine at least the threshold fit by ``evals/fit_focus.py``), which comes
   first, else decline.
7. ``disagreement``: when two documents give different values for the figure asked for,
   "Sources differ:" with each value, its source and its citation.
8. ``parts`` and ``select``: for a question in two parts, the best sentence of each part;
   else the best sentence, others nearly as good that cover words it misses, and
   what each needs to be read alone (a bullet's lead-in, the sentence a pronoun or "this
   statement" refers to);
   statements repeated by other documents join their item as further citations.
9. ``direct``: for a wh-question, lead with the answer phrase quoted from the best sentence
   (the speaker of its quotation with their role for "Who said ...?", the figure the
   question measures, the role for "What is X's role?", the state for a status question).
10. ``write``: when the cited sentences come from several documents, each item names its source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

import numpy as np

from assistant.agents import asked_action, asked_person_span, head_asked, passive_agent, same_action
from assistant.answerability import (
    FEATURES,
    Calibration,
    Candidate,
    FeatureBuilder,
    WordVectors,
    answer_row,
    figure_kind,
    leans_back,
    load_calibration,
    unused_names,
)
from assistant.citations import markers
from assistant.compose import INJECTION_NOTE, NOT_IN_SOURCES, PREMISE_LEAD, ExtractiveComposer, declined, write_items
from assistant.context import (
    CONTINUES,
    CONTRAST,
    is_question,
    opposite_time,
    phrase_referent,
    puts_same_question,
    question_answered,
    refers_back,
    sentence_before,
    states_attribute,
    with_context,
)
from assistant.direct import (
    WHERE,
    answer_phrase,
    asked_dimension,
    asks_destination,
    asks_flag,
    asks_measure,
    asks_speed,
    bound_to,
    category_span,
    clock_stretch,
    count_spans,
    dated_event,
    destination_span,
    event_dates,
    event_verb,
    flag_span,
    future_only,
    gives_asked_measure,
    mentions_name,
    names_another,
    names_place,
    nouns_named,
    other_bearer,
    predicate_sentence,
    role_span,
    says_predicate,
    speed_at,
    stated_terms,
    states_extreme,
    status_span,
    timed_event,
    verb_of_another,
    widest,
    with_range,
    with_role,
    with_unit,
    within,
    year_bounds,
)
from assistant.evidence import (
    age_spans,
    clock_spans,
    day_conflict,
    days,
    holds,
    kind_spans,
    period_conflict,
    vague,
)
from assistant.figures import THIS_YEAR, Figure, asks_length, clause_of, document_year, same_figure
from assistant.findings import asks_finding, states_finding
from assistant.focus import NAME_FOCI, FocusGate, asked_focus, names_new, used_by
from assistant.index import Snapshot
from assistant.lexical import covered_terms, stem, tokenize
from assistant.question import (
    WANTS_MORE,
    WHO_SAID_SO,
    YEAR_RE,
    Question,
    analyse,
    asked_deed,
    asker_asked,
    holder_asked,
)
from assistant.reasons import cause_match, reason_match, shared_words
from assistant.records import Answer, Behaviour, Citation, Hit, Sentence, ShortAnswer
from assistant.sources import (
    asked_figures,
    asks_gist,
    corrected_values,
    corrections_in,
    corrects,
    disagreement,
    disagrees_with,
    is_correction,
    lead_of,
    named_documents,
    same_statement,
    settled,
    source_name,
    stage_of,
    stages_named,
)
from assistant.speakers import mentions, speaker_label
from assistant.stance import (
    REFUSAL,
    STOPPED,
    affirms,
    asked_subject,
    asks_about_refusal,
    denies,
    entities,
    excludes_actor,
    limits,
    negates_action,
    presumed_amount_missing,
    presumes_agreement,
    presumes_ongoing,
    refused_action,
    refuses,
    refuses_offer,
    subject,
)

SOURCES_DIFFER = "Sources differ:"
MAX_ITEMS = 3
# The kinds of ``assistant.figures`` that answer each kind of question.
FIGURE_KINDS_ASKED = {
    "amount": ("count", "money", "percent"),
    "number": ("count",),
    "money": ("money",),
    "percentage": ("percent",),
    "date": ("date", "year", "clock"),  # two accounts of one moment may give other times of day
    "duration": ("duration",),  # "How long was it shut?": a length of time, never a count
}
HOW_MUCH = re.compile(r"\bhow\s+much\b", re.I)
SPEECH = re.compile(
    r"\b(?:said|say|says|saying|told|tell|called|call|described|describe|branded|brand|warned|warn|claimed|claim|"
    r"argued|argue|added|stated|quoted|insisted|wrote|dismissed|criticised|criticized|praised)\b|[“\"]",
    re.I,
)
# A verb of saying, rejecting or replying: what its subject states (``states_as``).
STATES = re.compile(
    rf"{SPEECH.pattern}|\b(?:rejected|rejects|denied|denies|replied|replies|responded|responds|accepted|accepts)\b",
    re.I,
)
STATES_SUBJECT_WORDS = 8  # words a statement's subject may take before its verb
# "He said ...", "She later told ...": indirect speech whose speaker the sentence before names.
PRONOUN_SPEAKS = re.compile(
    r"^\W*(?:he|she)\s+(?:\w+\s+)?(?:said|told|added|warned|called|described|argued|insisted|wrote|claimed|stated|asked)\b",
    re.I,
)
MIN_CITED_CHARS = 12  # a shorter sentence ("Yes.") found inside an earlier answer may be a part of another
AGREEMENT_POOL = 6  # best candidates whose figures "Do the sources agree on X?" compares
AGENT_KINDS = ("person", "organisation")  # "Who runs X?", "Which company runs X?": an agent "run by Y" answers
SPREAD = 5  # retrieved sentences that say whether the evidence spans documents
# The words a status question frames its subject with ("the status of X"): not the subject.
STATUS_FRAME = frozenset(tokenize("status state situation position progress current latest happened stand going"))
YEAR_POOL = 5  # best candidates a "before 2024" question's earlier year is looked for among
COUNT_POOL = 3  # best candidates a "how many X died?" question's count saying "died" is looked for among
ASKED_MAX = 5  # questions one asker put, shown for "What did X ask?"
AGENT_POOL = 5  # best candidates a "Who decided ...?" question's "decided by X" is looked for among
STAGE_POOL = 6  # best candidates a "What did the final report find?" question's final finding is looked for among
CATEGORY_POOL = 3  # best candidates a "Which port ...?" question's port (or "the highest"'s record) is looked for among
REASON_POOL = 20  # candidates a why-question's reason is looked for among (rank is not fit for reasons)
REASON_MIN_MATCH = 3  # question words (a refusal counts two) a reason's effect clause must share
CAUSE_ONLY = "gives a cause of what is asked"  # the reason step's verdict on a cause found by cause_match
# Words a destination question asks with, which say nothing of whose course it is.
ASKING_WORDS = "going headed heading bound travelling traveling sailing flying driving route destination"
COMPOUND = re.compile(r",?\s+and\s+(?:who|whom|what|which|when|where|why|how)\b", re.I)


def _kinds_asked(question: Question) -> tuple[str, ...]:
    """The kinds of ``assistant.figures`` that answer a question; a length of time only
    when it asks for one ("How long ...?", "How many days ...?", ``figures.asks_length``)."""
    kinds = FIGURE_KINDS_ASKED.get(question.asks_for or "", ())
    return (*kinds, "duration") if kinds and asks_length(question.focus) else kinds


@dataclass(frozen=True)
class Verdict:
    """What one step decided, and why."""

    ok: bool
    reason: str


class RoutedComposer:
    """The calibrated pipeline when the evidence spans documents, the rule-based composer
    when it comes from one document.

    The rule-based composer's gates still answer questions about a single document best
    (its answers get the calibrated pipeline's short answer); the calibrated pipeline is what names sources, merges repeated
    statements and finds disagreements. Which one answers is decided per
    question by where its ``SPREAD`` best retrieved sentences come from (a question that
    asks which source says something always goes to the calibrated pipeline, and so does
    a why-question with a sentence giving its reason, or a question about someone's role
    with a sentence giving it: the rule-based composer has no step for them). The rule-based
    composer's answers pass the calibrated pipeline's ``dated`` step too.
    """

    def __init__(self, rules: ExtractiveComposer, calibrated: CalibratedComposer) -> None:
        self.rules = rules
        self.calibrated = calibrated
        self.snapshot = calibrated.snapshot

    def to_rules(self, question: Question, hits: list[Hit]) -> bool:
        """Whether the rule-based composer answers: the best retrieved sentences come from one
        document, and the question needs none of the calibrated pipeline's own steps."""
        spread = {h.sentence.doc_id for h in hits[:SPREAD]}
        return not (
            len(spread) > 1
            or question.asks_source
            or question.agreement
            or self.calibrated.has_step_for(question, hits)
        )

    def compose(self, question: Question, hits: list[Hit]) -> Answer:
        if not self.to_rules(question, hits):
            return self.calibrated.compose(question, hits)
        answer = self.rules.compose(question, hits)
        if answer.behaviour == "answer":
            # The rules check a year the question gives, not a decade or a century.
            verdict = self.calibrated.dated(
                question, [self.snapshot.sentences[c.sentence_id] for c in answer.citations]
            )
            if not verdict.ok:
                return self.calibrated._decline(question, self.calibrated.rank(question, hits), [verdict.reason])
        return self.calibrated.with_short_answer(question, answer)


class CalibratedComposer:
    """Answers made of verbatim source sentences, decided by the calibrated answerability model."""

    def __init__(
        self,
        snapshot: Snapshot,
        idf: Callable[[str], float] | None = None,
        word_vectors: WordVectors | None = None,
        calibration: Calibration | None = None,
        phrase_vectors: WordVectors | None = None,
    ) -> None:
        self.snapshot = snapshot
        self.idf = idf or (lambda term: 1.0)
        self.calibration = calibration or load_calibration()
        self.focus_gate = FocusGate(phrase_vectors)
        vocabulary: set[str] = set()
        ordinary: set[str] = set()  # words the corpus writes in lower case: not names
        for sentence in snapshot.sentences.values():
            for word in re.findall(r"[\w’'-]+", sentence.text):
                vocabulary.add(word.lower())
                if word.islower():
                    ordinary.add(word)
        self.ordinary = frozenset(ordinary)
        self._ordinary_stems = frozenset(stem(w) for w in ordinary)
        self._fixes: list[tuple[Sentence, Sentence]] | None = None
        self.features = FeatureBuilder(snapshot.documents, self._before, self.idf, vocabulary, word_vectors)

    def _before(self, sentence: Sentence) -> Sentence | None:
        """The sentence ``sentence`` leans on (``context.sentence_before``)."""
        return sentence_before(self.snapshot.by_doc.get(sentence.doc_id, []), sentence)

    # -- the pipeline ---------------------------------------------------------------------
    def compose(self, question: Question, hits: list[Hit]) -> Answer:
        candidates = self.rank(question, hits)
        reasons: list[str] = []
        lead = self.gist(question, candidates)
        if lead is not None:
            reasons.append(f"the question asks what a named source says: its lead {lead.sentence_id}")
            return self._answer(question, self._with_context([[lead]]), None, "answer", reasons)
        stance = self.stance(question, candidates)
        if stance is not None:
            best, corrects = stance
            reasons.append(
                f"{'premise corrected' if corrects else 'No'}: {best.sentence.sentence_id} states a refusal, stop or contrary"
            )
            refusal = self._refused_next(question, best.sentence)
            if corrects:
                items = [[best.sentence], [refusal]] if refusal is not None else [[best.sentence]]
                instead = self._instead(question, best.sentence)
                actors = asked_subject(question.focus) or subject(question.focus) or set()
                if instead is not None and negates_action(best.sentence.text, set(question.terms), actors):
                    items.append([instead])
                return self._answer(question, items, PREMISE_LEAD, "correct_premise", reasons)
            # "No:" leads the refusal itself; what it needs to be read alone follows it.
            items = self._with_context([[best.sentence]])
            items.sort(key=lambda item: item[0].sentence_id != best.sentence.sentence_id)
            if refusal is not None and all(refusal not in item for item in items):
                items.insert(1, [refusal])
            return self._answer(question, items, "No:", "answer", reasons)
        said = self.said_before(question)
        if said is not None:
            reasons.append(f"who said {said[-1][0].sentence_id}, which the previous answer cited first")
            return self._answer(question, said, None, "answer", reasons, name_sources=True, direct=said[-1][0])
        asked = self.questions_of(question)
        if asked:
            reasons.append(f"the questions {asked[0].sentence_id} and after put, by the asker named")
            return self._answer(question, [[s] for s in asked], None, "answer", reasons)
        listed = self.more_of_list(question, hits)
        if listed is not None:
            reasons.append(f"the rest of the list {listed[0][0].sentence_id} belongs to")
            return self._answer(question, self._with_context(listed), None, "answer", reasons)
        if self._presumes_unstated_amount(question, candidates):
            reasons.append("the why-question presumes a sum or percentage no candidate states")
            return self._decline(question, candidates, reasons)
        because = self.reason(question, candidates)
        closest = None  # the best candidate, kept after a cause found by ``reasons.cause_match`` alone
        if because is not None:
            reasons.append(because.reason)
            cause = next(c for c in candidates if because.reason.startswith(f"{c.sentence.sentence_id} "))
            if cause is not candidates[0] and because.reason.endswith(CAUSE_ONLY):
                closest = self._closest(question, candidates[0], cause)
            candidates = _first(cause, candidates)
        verdict = self.answerable(candidates) if because is None else Verdict(True, "a reason is given")
        reasons.append(verdict.reason)
        if not verdict.ok:
            return self._decline(question, candidates, reasons)
        candidates = self.day(question, candidates, reasons)  # before a correction replaces the best
        candidates, correction = self.corrected(question, candidates, reasons)
        verdict, candidates = self.years(question, candidates)
        reasons.append(verdict.reason)
        if not verdict.ok:
            return self._decline(question, candidates, reasons)
        verdict = self.dated(question, [candidates[0].sentence])
        if not verdict.ok:
            return self._decline(question, candidates, [*reasons, verdict.reason])
        verdict, candidates = self.typed(question, candidates)
        reasons.append(verdict.reason)
        if not verdict.ok:
            return self._decline(question, candidates, reasons)
        # A sentence set on the other side of the time asked is no context for the answer.
        aside = {c.sentence.sentence_id for c in candidates if opposite_time(question.focus, c.sentence.text)}
        candidates = self.prefer(question, candidates, reasons)
        verdict, candidates = self.focused(question, candidates)
        reasons.append(verdict.reason)
        if not verdict.ok:
            return self._decline(question, candidates, reasons)
        differing = self.disagreement(question, candidates)
        if differing is not None:
            reasons.append("documents give different values for the figure asked for")
            return self._answer(question, differing, SOURCES_DIFFER, "answer", reasons, name_sources=True)
        items = self.select(question, candidates, aside)
        if closest is not None and all(closest.sentence_id != s.sentence_id for item in items for s in item):
            items.insert(1, [closest])  # a cause found by its wording alone, then what fits the question best
        if question.agreement:
            items[0] += self._agreeing(question, items[0], candidates)
        if correction is not None and all(correction.sentence_id != s.sentence_id for item in items for s in item):
            items.insert(1, [correction])  # the statement, then what a correction says of it
        return self._answer(question, items, None, "answer", reasons, direct=candidates[0].sentence)

    def gist(self, question: Question, candidates: list[Candidate]) -> Sentence | None:
        """Step 1b: "What did the Herald report?", "What does the correction say?": the lead of
        the document the question names (``sources.asks_gist``, ``sources.lead_of``), a report
        before a correction of it, else the named document ranked first; a line that merely
        names the source ("The Herald regrets the error.") is not what it says."""
        documents = self.snapshot.documents
        named = [d for d in named_documents(question.focus, documents) if question.in_scope(d)]
        if not named or not asks_gist(question.terms, [documents[d] for d in named]):
            return None
        ranked = dict.fromkeys([*(c.sentence.doc_id for c in candidates if c.sentence.doc_id in named), *sorted(named)])
        doc_id = min(ranked, key=lambda d: is_correction(documents[d]))  # the first report, if any
        return lead_of(documents[doc_id], self.snapshot.by_doc.get(doc_id, []), self._corrections())

    def has_step_for(self, question: Question, hits: list[Hit]) -> bool:
        """Whether a step only this pipeline has applies: a reason found for a why-question,
        a role found for a question about someone's role, the holder of a role for "Who is the
        X?", a state for a status question, a
        quotation's speaker for "Who said ...?", the rest of a list for "What else?", the
        agent "by X" of the action a "Who VERB ...?" question asks about, a finding for "What
        did X conclude?", a figure other documents give other values ("Sources differ"), a
        measure of the kind asked that the best sentence lacks and one of the next gives, where
        something was bound for "Where was X going?", the stage of a finding a question names
        ("the final report")."""
        who_said = question.asks_for == "person" and SPEECH.search(question.focus) is not None
        if self.gist(question, []) is not None or self.more_of_list(question, hits) is not None:
            return True
        if self.said_before(question) is not None:
            return True
        if self.questions_of(question):
            return True
        agent = question.asks_for in AGENT_KINDS and asked_action(question.focus) is not None
        finding = asks_finding(question.focus)
        holder = holder_asked(question.focus) is not None
        deed = asked_deed(question.focus) is not None
        asked = question.asks_reason or question.role_of or question.asks_status or who_said or question.attribute
        figure = bool(_kinds_asked(question))
        destination = asks_destination(question.focus)
        staged = len(stages_named(question.focus)) == 1
        if not (asked or agent or finding or holder or deed or figure or destination or staged):
            return False
        candidates = self.rank(question, hits)
        if not candidates:
            return False
        if figure and self.disagreement(question, candidates) is not None:
            return True  # other documents give the figure asked another value
        if (
            question.asks_for == "amount"
            and self._asks_unit(question)
            and self._measure_elsewhere(question, candidates)
        ):
            return True
        if self._destined(question, candidates) is not None:
            return True
        if staged and self._staged(question, candidates, []) is not candidates:
            return True
        if (agent and self._agent(question, candidates) is not None) or self._finding(question, candidates):
            return True
        if self._leader(question, candidates) is not None or self._deed(question, candidates) is not None:
            return True
        if self._stating(question, candidates) is not None:
            return True
        if question.asks_reason and self.reason(question, candidates) is not None:
            return True
        if self._presumes_unstated_amount(question, candidates):
            return True
        if who_said and self._teller(candidates[0].sentence):
            return True
        if question.asks_status and self._stated(question, candidates) is not None:
            return True
        return bool(question.role_of) and any(
            role_span(question.role_of, c.sentence.text) is not None for c in candidates[:5]
        )

    def _stating(self, question: Question, candidates: list[Candidate]) -> Candidate | None:
        """For "What is the N of X?", the first candidate that opens by stating the N
        ("The aim is ...", ``context.states_attribute``) in a sentence about X or right
        after one (X's words all there)."""
        if question.attribute is None:
            return None
        noun, holder = question.attribute
        wanted = set(tokenize(holder))
        for c in candidates:
            if not wanted or not states_attribute(noun, c.sentence.text):
                continue
            before = self._before(c.sentence)
            words = set(tokenize(" ".join(filter(None, [before.text if before else "", c.sentence.text]))))
            if covered_terms(wanted, words) == wanted:
                return c
        return None

    def _stated(self, question: Question, candidates: list[Candidate]) -> Candidate | None:
        """For a status question, the first nearly-best candidate whose predicate states a
        state (``direct.status_span``) and that covers the question's distinctive words."""
        return self._near_best(
            candidates, lambda c: self._state_of(question, c.sentence) is not None, self.calibration.near_share
        )

    def _state_of(self, question: Question, sentence: Sentence) -> tuple[int, int] | None:
        """The predicate of ``sentence`` stating a state (``direct.status_span``) whose
        subject, the words before it, names what the status question asks about (every
        word of the question but its frame, "the status of")."""
        span = status_span(sentence.text)
        if span is None:
            return None
        asked = set(question.terms) - STATUS_FRAME
        subject_words = set(tokenize(sentence.text[: span[0]]))
        return span if asked and covered_terms(asked, subject_words) == asked else None

    def rank(self, question: Question, hits: list[Hit]) -> list[Candidate]:
        """Step 1: candidates with their probability of answering, best first."""
        if question.wants_more and question.previous_answer:
            # "What else ...?": what the previous answer quoted is not news.
            hits = [h for h in hits if h.sentence.text not in question.previous_answer] or hits
        named = named_documents(question.focus, self.snapshot.documents)
        if named:
            hits = [h for h in hits if h.sentence.doc_id in named] or hits
        hits = [h for h in hits if h.sentence.citable]
        if not hits:
            return []
        rows, covered = self.features.rows(question, hits)
        scores = self.calibration.scores(rows)
        top = int(np.argmax(scores))
        answerable = self.calibration.answerable(answer_row(rows[top], float(scores[top])))
        probabilities = answerable * np.exp(scores - scores[top])
        candidates = [
            Candidate(hit, dict(zip(FEATURES, map(float, row), strict=True)), float(score), float(p), cov)
            for hit, row, score, p, cov in zip(hits, rows, scores, probabilities, covered, strict=True)
        ]
        candidates.sort(key=lambda c: -c.score)
        return candidates

    def answerable(self, candidates: list[Candidate]) -> Verdict:
        """Step 3: the best candidate must clear the calibrated threshold."""
        threshold = self.calibration.threshold
        if not candidates:
            return Verdict(False, "nothing retrieved")
        best = candidates[0]
        relation = ">=" if best.probability >= threshold else "<"
        return Verdict(
            best.probability >= threshold,
            f"best {best.sentence.sentence_id} p={best.probability:.2f} {relation} threshold {threshold:.2f}",
        )

    def more_of_list(self, question: Question, hits: list[Hit]) -> list[list[Sentence]] | None:
        """Step 2a: "What else ...?" after an answer that quoted an item of a list: the
        list's items the previous answer did not quote (or, when it quoted the whole list,
        all but the item that answered the previous question best), when the follow-up has
        no word of its own ("What else?") or one of them has one, with the list's lead-in
        ("What else will it fund?" -> "The grant will:" "Fund a new ... programme")."""
        said = question.previous_answer
        if not (question.wants_more and said):
            return None
        own = set(tokenize(WANTS_MORE.sub(" ", question.focus)))  # "else", "other" ask for more, not what
        before = set(tokenize(question.context_text))
        for doc_id in dict.fromkeys(h.sentence.doc_id for h in hits):
            doc = self.snapshot.by_doc.get(doc_id, [])
            quoted = next((s for s in doc if s.kind == "bullet" and s.lead_in and s.text in said), None)
            if quoted is None:
                continue
            items = [s for s in doc if s.kind == "bullet" and s.lead_in == quoted.lead_in and s.citable]
            rest = [s for s in items if s.text not in said]
            if not rest:
                answered = max(items, key=lambda s: len(covered_terms(before, set(tokenize(s.text)))))
                rest = [s for s in items if s is not answered]
            if not own or any(covered_terms(own, set(tokenize(f"{s.lead_in} {s.text}"))) for s in rest):
                return [[s] for s in rest]
        return None

    def _turn_opening(self, sentence: Sentence) -> Sentence | None:
        """The sentence opening the transcript turn ``sentence`` belongs to: the nearest one
        before it in its paragraph with a speaker label (``speakers.speaker_label``)."""
        for before in reversed(self.snapshot.by_doc.get(sentence.doc_id, [])[: sentence.ordinal]):
            if before.paragraph != sentence.paragraph:
                return None
            if speaker_label(before.text):
                return before
        return None

    def said_before(self, question: Question) -> list[list[Sentence]] | None:
        """Step 2a': "Who said so?" / "Who said that?" after an answer, when no rule rewrote
        it (``question.rewrite_who_said``): the statement the previous answer cited first,
        after the sentence naming its speaker when it does not name them itself
        (``_teller``, ``_naming``); a statement nobody in it speaks is answered by itself,
        under its source's name (the document's outlet or publisher). None for other
        questions, or after a decline."""
        said = question.previous_answer
        if not said or question.standalone or WHO_SAID_SO.match(question.focus) is None:
            return None
        if NOT_IN_SOURCES in said:
            return None  # the previous answer was a decline: what it showed was only related
        cited = self._cited_in(said, question)
        if not cited:
            return None
        statement = cited[0]
        speaker = self._teller(statement)
        naming = (
            self._naming(statement, speaker, question) if speaker and not _name_in(speaker, statement.text) else None
        )
        return [[naming], [statement]] if naming is not None else [[statement]]

    def _cited_in(self, text: str, question: Question) -> list[Sentence]:
        """The sentences an earlier answer's ``text`` quotes, in the order it quotes them; a
        list's lead-in ("... were:") is no statement."""
        at = {
            s.sentence_id: text.find(s.text)
            for d in self.snapshot.by_doc
            if question.in_scope(d)
            for s in self.snapshot.by_doc[d]
            if s.citable and len(s.text) >= MIN_CITED_CHARS and not s.text.rstrip().endswith(":") and s.text in text
        }
        return [self.snapshot.sentences[i] for i in sorted(at, key=lambda i: at[i])]

    def questions_of(self, question: Question) -> list[Sentence]:
        """Step 2a': "What did X ask?" (``question.asker_asked``): the questions a transcript
        gives X in their turns (``speakers.attribute``: a label "X: ..." and the turn after
        it), at most ``ASKED_MAX``, in document order; none for other questions."""
        asker = asker_asked(question.focus)
        wanted = set(tokenize(asker)) if asker else set()
        if not wanted:
            return []
        asked = [
            self.snapshot.sentences[q.sentence_id]
            for doc_id in sorted(self.snapshot.by_doc)
            if question.in_scope(doc_id)
            for q in self.snapshot.quotes_of(doc_id)
            if covered_terms(wanted, set(tokenize(q.speaker))) == wanted and is_question(q.text)
        ]
        return self._with_turn_openings(list(dict.fromkeys(asked))[:ASKED_MAX])

    def _with_turn_openings(self, asked: list[Sentence]) -> list[Sentence]:
        """Questions put inside a transcript turn, each after the sentence opening its turn
        when it does not open it: "CHAIR (name): The public wants to know how ... . Why was
        it not stopped?" reads as one question, and the label says who asks."""
        out: dict[str, Sentence] = {}
        for sentence in asked:
            opening = self._turn_opening(sentence)
            if opening is not None and opening.citable and speaker_label(sentence.text) is None:
                out.setdefault(opening.sentence_id, opening)
            out.setdefault(sentence.sentence_id, sentence)
        return list(out.values())

    def reason(self, question: Question, candidates: list[Candidate]) -> Verdict | None:
        """Step 2b: for a why-question, the candidate whose causal clause is about what the
        question asks (``reasons.reason_match``), among the first ``REASON_POOL`` of an
        on-topic question; None when no candidate gives such a reason."""
        if not question.asks_reason or not candidates:
            return None
        if candidates[0].probability < self.calibration.related_floor:
            return None
        asked = question.standalone or question.focus  # "Why not?" as the question it stands for
        scored = [
            (reason_match(asked, c.sentence.text, self._speaker_words(c.sentence)), -i, c)
            for i, c in enumerate(candidates[:REASON_POOL])
        ]
        match, _, best = max(scored, key=lambda t: (t[0], t[1]))
        if match >= REASON_MIN_MATCH:
            return Verdict(True, f"{best.sentence.sentence_id} gives a reason for what is asked (match {match})")
        cause = next(
            (
                c
                for c in candidates[:REASON_POOL]
                if not is_question(c.sentence.text)
                and cause_match(asked, c.sentence.text, self._speaker_words(c.sentence)) > 0
            ),
            None,
        )
        if cause is None:
            return None
        return Verdict(True, f"{cause.sentence.sentence_id} {CAUSE_ONLY}")

    def _presumes_unstated_amount(self, question: Question, candidates: list[Candidate]) -> bool:
        """Whether a why-question presumes a sum or percentage ("Why was X fined £50
        million?") that none of the first ``REASON_POOL`` candidates states
        (``stance.presumed_amount_missing``): its premise has no source."""
        texts = [c.sentence.text for c in candidates[:REASON_POOL]]
        return question.asks_reason and presumed_amount_missing(question.focus, texts)

    def _closest(self, question: Question, best: Candidate, cause: Candidate) -> Sentence | None:
        """The best candidate, to follow a cause found by its wording alone, when it clears the
        answerable threshold, gives no reason itself, and negates or limits what it states
        (``stance.limits``) or has more of the question's words than the cause
        (``reasons.shared_words``): it may deny what the question presumes ("Why did so many
        towers fall?" against "only one tower fell")."""
        if best.probability < self.calibration.threshold or self._explains(question, best.sentence):
            return None
        asked = question.standalone or question.focus
        closer = shared_words(asked, best.sentence.text, self._speaker_words(best.sentence)) > shared_words(
            asked, cause.sentence.text, self._speaker_words(cause.sentence)
        )
        return best.sentence if closer or limits(best.sentence.text) else None

    def _explains(self, question: Question, sentence: Sentence) -> bool:
        """Whether ``sentence`` gives a reason for what a why-question asks, or a cause of
        it sharing more than one of its words."""
        asked = question.standalone or question.focus
        speaker = self._speaker_words(sentence)
        return reason_match(asked, sentence.text, speaker) > 0 or cause_match(asked, sentence.text, speaker) > 1

    def corrected(
        self, question: Question, candidates: list[Candidate], reasons: list[str]
    ) -> tuple[list[Candidate], Sentence | None]:
        """A statement that a correction says was wrong (the correction's own account of
        the error, or another document repeating it) gives way to the correction's next
        sentence, which states the right value, when that sentence holds what a question
        asking for a date or a figure asks (the count of the same thing); a correction of
        another figure leaves the statement, cited with the correction after it, and the
        correction's own account of the error, which then answers nothing, is set aside.
        Returns the candidates and the correction to cite after the best, if any."""
        best = candidates[0]
        kind = figure_kind(question.asks_for)
        for retraction, fix in self._corrections():
            if not question.in_scope(fix.doc_id):
                continue  # a correction in a document left out of ``ask(doc_ids=...)`` is not evidence
            own = best.sentence.sentence_id == retraction.sentence_id
            if not (own or corrects(best.sentence, retraction, self.snapshot.documents)):
                continue
            rest = [c for c in candidates[1:] if c.sentence.sentence_id != fix.sentence_id]
            news = [c for c in rest if not corrects(c.sentence, retraction, self.snapshot.documents)]
            if question.wants_more and fix.text in question.previous_answer and news:
                # "What else?" after the correction was shown: the error it corrects is no news either.
                reasons.append(f"{best.sentence.sentence_id} is corrected by {fix.sentence_id}, already said")
                return news, None
            if kind is None and not own:
                reasons.append(f"{best.sentence.sentence_id} is corrected by {fix.sentence_id}")
                return candidates, fix
            # The fix answers when it holds what is asked, or gives anew a value of the kind asked
            # when the account of the error held it ("said nine pieces had been stolen" -> "Eight were taken").
            asked_here = self._holds_asked(question, fix) or self._holds_asked(question, retraction)
            if kind is None or (
                asked_here and corrected_values(kind, fix.text, retraction.text, self.features.vocabulary)
            ):
                reasons.append(f"{best.sentence.sentence_id} is corrected by {fix.sentence_id}")
                # The features read by the later steps are those of the sentence shown.
                features = best.features if kind is None else {**best.features, "kind_missing": 0.0}
                fixed = replace(best, hit=replace(best.hit, sentence=fix), features=features)
                docs = self.snapshot.documents
                return [fixed, *(c for c in rest if not corrects(c.sentence, retraction, docs))], None
            if own and rest:
                reasons.append(f"{best.sentence.sentence_id} reports an error in a figure other than the one asked")
                return rest, None
            reasons.append(
                f"{fix.sentence_id} corrects a figure of {best.sentence.sentence_id} other than the one asked"
            )
            return candidates, fix
        return candidates, None

    def _holds_asked(self, question: Question, sentence: Sentence) -> bool:
        """Whether ``sentence`` holds the date or figure the question asks for, and for "how
        many X ... died?" a count of X in a clause saying they died (``_count_spans``: a
        count of something else, or of another event, does not answer it)."""
        if not holds(figure_kind(question.asks_for), sentence.text, self.features.vocabulary):
            return False
        if question.clock:
            return bool(clock_spans(sentence.text))  # "What time did X leave?": not the day alone
        if question.age:
            return bool(age_spans(sentence.text))  # "How old are they?": not how many they are
        if question.predicate or question.counted:
            return bool(self._count_spans(question, sentence))
        return True

    def _dates_event(self, question: Question, sentence: Sentence) -> bool:
        """Whether ``sentence`` may date the event a "When was X Ved?" question asks about:
        not when its every date is that of a statement by another verb ("the police said on
        Wednesday" for "When were they arrested?", ``direct.event_dates``); True for other
        questions. Nor, for one about the past, a sentence dating only what is still to come
        (``direct.future_only``)."""
        if figure_kind(question.asks_for) != "date":
            return True
        if future_only(question.focus, sentence.text):
            return False
        verb = event_verb(question.focus)
        if verb is None or SPEECH.search(question.focus):
            return True
        return bool(event_dates(sentence.text, verb))

    def _count_spans(self, question: Question, sentence: Sentence) -> list[tuple[int, int]]:
        """The counts of ``sentence`` (its lead-in's nouns count too) that answer a "how
        many X ...?" question: counting X in a clause saying what it asks happened
        (``direct.count_spans``)."""
        counted = set(question.counted)
        if sentence.lead_in and covered_terms(counted, set(tokenize(sentence.lead_in))) == counted:
            counted = set()  # "Flights cancelled:" then "- 344 in Spain"
        vectors = self.features.word_vectors
        return count_spans(
            sentence.text, counted, question.predicate, vectors, question.setting, self._text_before(sentence)
        )

    def _gives(self, question: Question, sentence: Sentence) -> tuple[bool, bool]:
        """Whether ``sentence`` gives what a question asking for a figure asks (a count of
        what it counts, ``_count_spans``, or a figure of its kind; always for other
        questions), and whether it gives it as a number (``_exact``)."""
        if question.predicate or question.counted:
            given = bool(self._count_spans(question, sentence))
        else:
            given = self._holds_asked(question, sentence) and self._dates_event(question, sentence)
            if question.asks_for == "amount" and self._asks_unit(question):
                # "1.6 miles long", not "30,000 vehicles"; "22 knots", not "a 1.6-mile stretch"
                given = given and gives_asked_measure(question.focus, sentence.text)
        return given, given and self._exact(question, sentence)

    def _exact(self, question: Question, sentence: Sentence) -> bool:
        """Whether ``sentence`` gives the figure asked for as a number, not only as an order
        of size (``evidence.vague``): "lost $380 million" over "tens of millions of dollars"."""
        kind = figure_kind(question.asks_for) or ""
        if kind == "date":
            return True  # "in August" is as exact as a date needs to be
        if question.predicate or question.counted:
            spans = self._count_spans(question, sentence)
        else:
            spans = kind_spans(kind, sentence.text, self.features.vocabulary)
        return any(not vague(sentence.text[a:b]) for a, b in spans)

    def _names_left_out(self, question: Question, sentence: Sentence) -> list[str]:
        """The question's names that ``sentence``, the sentence it leans on and its document's
        title do not mention (``direct.mentions_name``: "the airline" or "an American carrier"
        is not American Airlines)."""
        before = self._before(sentence)
        doc = self.snapshot.documents.get(sentence.doc_id)
        text = " ".join(filter(None, [sentence.text, before.text if before else None, doc.title if doc else None]))
        return [name for name in question.names if not mentions_name(name, text, self._ordinary_stems)]

    def _text_before(self, sentence: Sentence) -> str:
        """The text of the sentence before ``sentence`` in its document, "" for the first."""
        doc = self.snapshot.by_doc.get(sentence.doc_id, [])
        return doc[sentence.ordinal - 1].text if 0 < sentence.ordinal <= len(doc) else ""

    def _says_count(self, question: Question, sentence: Sentence) -> bool:
        """Whether ``sentence`` holds a count of what a "how many" question counts in a clause
        that says its predicate itself (its word, or a near one: ``direct.says_predicate``)."""
        counted, vectors = set(question.counted), self.features.word_vectors
        return bool(
            count_spans(sentence.text, counted, question.predicate, vectors, before=self._text_before(sentence))
        )

    def _corrections(self) -> list[tuple[Sentence, Sentence]]:
        """(the error as a correction reports it, the corrected statement after it)."""
        if self._fixes is None:
            self._fixes = corrections_in(self.snapshot.documents, self.snapshot.by_doc)
        return self._fixes

    def years(self, question: Question, candidates: list[Candidate]) -> tuple[Verdict, list[Candidate]]:
        """Step 4: a year the question gives must be in the evidence (the 2025 figure does
        not answer a question about 2024); a year it bounds ("before 2024") must be kept:
        one of the best few sentences gives a year within the bound."""
        bounds = year_bounds(question.focus)
        if bounds:
            # "Before 2024, which year ...?": a sentence giving an earlier year answers, not 2024's.
            found = next((c for c in candidates[:YEAR_POOL] if within(bounds, c.sentence.text)), None)
            if found is None:
                return Verdict(False, "no sentence gives a year within the question's bounds"), candidates
            return Verdict(True, f"{found.sentence.sentence_id} gives a year within bounds"), _first(found, candidates)
        asked = set(YEAR_RE.findall(question.focus))
        if not asked:
            return Verdict(True, "no year asked"), candidates
        found = self._near_best(
            candidates, lambda c: c.features["year_missing"] == 0.0 or self._this_year(asked, c.sentence)
        )
        if found is None:
            return Verdict(False, f"no nearly-best sentence gives {', '.join(sorted(asked))}"), candidates
        return Verdict(True, f"{found.sentence.sentence_id} gives the year"), _first(found, candidates)

    def _this_year(self, asked: Collection[str], sentence: Sentence) -> bool:
        """Whether ``sentence`` says "this year" ("since the start of the year", "so far",
        ``figures.THIS_YEAR``) in a document dated in a year the question asks about: "more
        than 12,000 have crossed since the start of the year", in a report of May 2025,
        gives 2025."""
        doc = self.snapshot.documents.get(sentence.doc_id)
        year = document_year(doc.date if doc else None)
        return year is not None and str(year) in asked and THIS_YEAR.search(sentence.text) is not None

    def day(self, question: Question, candidates: list[Candidate], reasons: list[str]) -> list[Candidate]:
        """Step 4a: for a question naming a day ("What happened on 20 March?"), the first
        nearly-best candidate naming that day, else the first of the best few that does (as
        for a year the question bounds, ``years``), comes first (``evidence.days``)."""
        asked = days(question.focus)
        if not asked:
            return candidates

        def names_day(c: Candidate) -> bool:
            return bool(asked & (days(self._dated_text(c.sentence)) | self._report_day(c.sentence)))

        found = self._near_best(candidates, names_day) or next(
            (c for c in candidates[:YEAR_POOL] if names_day(c)), None
        )
        if found is None or found is candidates[0]:
            return candidates
        reasons.append(f"{found.sentence.sentence_id} names the day asked")
        return _first(found, candidates)

    def _dated_text(self, sentence: Sentence) -> str:
        """The sentence with the one before it: what dates what the sentence says."""
        before = self._before(sentence)
        return " ".join(filter(None, [before.text if before else "", sentence.text]))

    def _report_day(self, sentence: Sentence) -> set[tuple[int, int]]:
        """The day of the report ``sentence`` is in, as (month, day) (``evidence.days``), from
        its document's date ("2025-04-05"); a report of that day says what stood then."""
        doc = self.snapshot.documents.get(sentence.doc_id)
        iso = re.match(r"\d{4}-(\d\d)-(\d\d)", (doc.date or "") if doc else "")
        return {(int(iso[1]), int(iso[2]))} if iso else set()

    def dated(self, question: Question, evidence: list[Sentence]) -> Verdict:
        """Step 4b: a time the question names (a year, a decade, a century, a day) must not
        be contradicted by the dates of the evidence (``evidence.period_conflict``: a question
        about the 10th century is not answered by a sentence about 1072; ``evidence.day_conflict``:
        nor one about 20 March by a sentence about 21 and 22 March, unless its report is of
        20 March: a report of the day says what stood then)."""
        text = " ".join(s.text for cited in evidence for s in (self._before(cited), cited) if s is not None)
        if period_conflict(question.focus, text):
            return Verdict(False, "the evidence dates what it says to another time than the question asks about")
        if day_conflict(question.focus, text) and not any(days(question.focus) & self._report_day(s) for s in evidence):
            return Verdict(False, "the evidence dates what it says to another day than the question asks about")
        return Verdict(True, "no other time in the evidence")

    def typed(self, question: Question, candidates: list[Candidate]) -> tuple[Verdict, list[Candidate]]:
        """Step 5: a question asking for a date or a figure needs a nearly-best sentence
        that holds one ("How much will it cost?" is not answered by a sentence without a
        sum), and "how many X" a count of X (a count of something else does not answer it)."""
        kind = figure_kind(question.asks_for)
        if WHERE.match(question.focus) and not question.yes_no:
            # "Where was the fire?": a sentence naming no place does not say where.
            placed = self._near_best(
                candidates, lambda c: self._places(question, c.sentence), self.calibration.near_share
            )
            if placed is None:
                return Verdict(False, "no nearly-best sentence names a place"), candidates
            # What names no place joins the answer as nothing but noise.
            kept = [placed, *(c for c in candidates if c is not placed and self._places(question, c.sentence))]
            return Verdict(True, f"{placed.sentence.sentence_id} names a place"), kept
        if kind is None or question.yes_no:
            return Verdict(True, "no date or figure asked"), candidates
        unnamed = unused_names(nouns_named(question.focus, question.names), self.features.vocabulary_stems)
        if unnamed:
            # "What did the outage cost in Europe?": no figure is about what no document names.
            return Verdict(False, f"no document names {', '.join(unnamed)}"), candidates
        counted = set(question.counted)
        named = {
            n for c in candidates[:5] for n in set(question.names) - set(self._names_left_out(question, c.sentence))
        }

        def elsewhere(c: Candidate) -> bool:
            # A sentence that leaves out a name the best sentences use and names another
            # instead is about that other ("Delta said the outage cost it $500 million" for
            # "What did it cost American Airlines?").
            left_out = named & set(self._names_left_out(question, c.sentence))
            if not left_out:
                return False
            figures = kind_spans(kind, c.sentence.text, self.features.vocabulary)
            return names_another(c.sentence.text, question.terms, figures, self.ordinary)

        def answers(c: Candidate) -> bool:
            # "How much did it cost the airport?" is not answered by what it cost airlines.
            bearer_differs = kind == "money" and other_bearer(question.focus, c.sentence.text)
            # "When did the airport reopen?" is not answered by a date near "reopening the row",
            # nor "When did the bridge open?" by "The new bridge will open in 2030".
            other_sense = kind == "date" and (
                verb_of_another(question.focus, c.sentence.text) or future_only(question.focus, c.sentence.text)
            )
            return not (elsewhere(c) or bearer_differs or other_sense) and self._holds_asked(question, c.sentence)

        found = self._near_best(candidates, answers, self.calibration.near_share)
        if found is None and question.agreement:
            # "Do the sources agree on the number of X?" asks for the comparison: one of the
            # best AGREEMENT_POOL giving the figure answers, as it takes part in the comparison.
            found = next((c for c in candidates[:AGREEMENT_POOL] if answers(c)), None)
        if (
            found is not None
            and kind == "amount"
            and self._asks_unit(question)
            and not gives_asked_measure(question.focus, found.sentence.text)
        ):
            # "How long was the bridge?": one of the best three giving a measure with a unit
            # ("1.6 miles long") answers before one giving only a count ("30,000 vehicles").
            found = next(
                (
                    c
                    for c in candidates[:COUNT_POOL]
                    if answers(c) and gives_asked_measure(question.focus, c.sentence.text)
                ),
                found,
            )
        verb = event_verb(question.focus) if kind == "date" else None
        if found is not None and verb and not self._dates_event(question, found.sentence):
            # "When were the suspects arrested?": the sentence found dates only when something
            # was said; one of the best three dating the event asked ("detained on Saturday")
            # answers better, else the date of the statement stands.
            vectors = self.features.word_vectors
            found = next(
                (c for c in candidates[:COUNT_POOL] if answers(c) and dated_event(c.sentence.text, verb, vectors)),
                found,
            )
        elif (
            found is not None
            and found is not candidates[0]
            and verb
            and not dated_event(found.sentence.text, verb, self.features.word_vectors)
        ):
            # The best sentence holds no date of the event ("The museum will remain closed
            # today" for "When did it reopen?"): another dates it only in a clause saying the
            # asked verb or a near word, not "A robbery took place on Sunday".
            return Verdict(False, f"no nearly-best sentence dates what the question's '{verb}' says"), candidates
        if found is None and (question.clock or question.age):
            # "What time did they leave?": the best sentences say the day; a close one giving a
            # time of day (or for "How old ...?" an age) answers, however less likely the
            # ranking finds it ("They left at 9:38.").
            found = next((c for c in candidates[:COUNT_POOL] if answers(c)), None)
        if found is None and question.predicate:
            # "How many people died?": the best sentences count people pulled from the water;
            # a close one counting them in a clause that says they died answers, however less
            # likely the ranking finds it ("... are presumed dead").
            found = next(
                (c for c in candidates[:COUNT_POOL] if not elsewhere(c) and self._says_count(question, c.sentence)),
                None,
            )
        if found is None:
            what = f"{kind} of {', '.join(sorted(counted))}" if counted else kind
            return Verdict(False, f"no nearly-best sentence holds the {what} asked for"), candidates
        return Verdict(True, f"{found.sentence.sentence_id} holds the {kind} asked for"), _first(found, candidates)

    def focused(self, question: Question, candidates: list[Candidate]) -> tuple[Verdict, list[Candidate]]:
        """Step 6b: what a question asks for ("Which insurer ...?", "What is the weather ...?",
        ``focus.asked_focus``), when the sources never use its word, must be met by a close
        word of the answering sentence or of one nearly as likely among the best
        ``COUNT_POOL`` (``focus.FocusGate``), which then comes first: a sentence about the
        jewels that names no insurer does not say which insurer. A focus the sources use is
        left to the ranking (the steps before found what names it). A question asking for a
        name ("What is the name of the head of security?") needs a nearly-best sentence
        naming someone or something the question does not (``focus.names_new``)."""
        focus = asked_focus(question.focus) if not question.yes_no else None
        if focus is None or not candidates:
            return Verdict(True, "no thing asked for by its noun"), candidates
        asked = " ".join(focus.words)
        best = max(c.probability for c in candidates[:COUNT_POOL])
        pool = [candidates[0]] + [
            c for c in candidates[1:COUNT_POOL] if c.probability >= self.calibration.near_share * best
        ]
        if focus.words[-1] in NAME_FOCI:
            # "What is the name of the suspect?": a sentence naming no one the question does not.
            own = [c.sentence.text for c in pool]
            found = next((i for i, t in enumerate(own) if names_new("person", t, question.names, self.ordinary)), None)
        elif used_by(focus, self.features.vocabulary_stems):
            return Verdict(True, f"the sources use the word {asked!r}"), candidates
        elif asks_speed(question.focus):
            # "What was the speed of the ferry?": "22 knots" holds a speed, whether or not the word is used.
            found = next((i for i, c in enumerate(pool) if gives_asked_measure(question.focus, c.sentence.text)), None)
        else:
            found = self.focus_gate.holding(focus, [self._focus_text(c.sentence) for c in pool], self.ordinary)
        if found is None:
            return Verdict(False, f"no nearly-best sentence holds the {asked} asked for"), candidates
        return Verdict(True, f"{pool[found].sentence.sentence_id} holds the {asked} asked for"), _first(
            pool[found], candidates
        )

    def _focus_text(self, sentence: Sentence) -> str:
        """What a sentence says, as the focus step reads it: its section, lead-in and text,
        after the sentence it leans on ("He added ..." names its speaker there)."""
        before = self._before(sentence) if leans_back(sentence.text) else None
        own = [sentence.section, sentence.lead_in, sentence.text]
        return " ".join(filter(None, [before.text if before else None, *own]))

    def prefer(self, question: Question, candidates: list[Candidate], reasons: list[str]) -> list[Candidate]:
        """Step 6: bring forward a nearly-as-good candidate that quotes the person a "What
        did X say ...?" question names, one of the best three that names the thing a
        "Which port ...?" question asks for, or, in a follow-up, one with the words the
        follow-up adds ("... and the gangs?").

        Before those: a sentence set on the other side of an event than the question
        ("Before the collapse ..." for "after the collapse") gives way to the next candidate
        that is not; a sentence that leaves out the subject of a yes/no question ("Pilots can drop
        an anchor" for "Did the crew drop an anchor?") to one of the best three naming it."""
        candidates = self._answering(question, candidates, reasons)
        candidates = _lead(self._agent(question, candidates), candidates, reasons, "names who did what is asked")
        candidates = _lead(
            self._leader(question, candidates), candidates, reasons, "names who heads or holds what is asked"
        )
        candidates = _lead(self._deed(question, candidates), candidates, reasons, "says what the doer asked about did")
        candidates = _lead(self._reply(question, candidates), candidates, reasons, "replies to the question put so")
        candidates = _lead(self._finding(question, candidates), candidates, reasons, "states what was found")
        if question.names and (SPEECH.search(question.focus) or asks_response(question.focus)):
            # "What did X say about Y?", "How did X respond?": a quotation by X comes first;
            # else a statement X makes ("X rejected the findings").
            names = asked_speakers(question.focus, question.names)

            def by_named(c: Candidate) -> bool:
                speaker = self._speaker_of(c.sentence) or ""
                return any(_name_in(name, speaker) or _name_in(speaker, name) for name in names if speaker)

            def stated_by_named(c: Candidate) -> bool:
                teller = self._teller(c.sentence) or ""
                return any(
                    states_as(name, c.sentence.text) or (teller and (_name_in(name, teller) or _name_in(teller, name)))
                    for name in names
                )

            quoted = self._near_best(candidates, by_named, self.calibration.near_share)
            if quoted is None and not stated_by_named(candidates[0]):
                floor = self.calibration.related_floor
                quoted = next((c for c in candidates[:5] if c.probability >= floor and stated_by_named(c)), None)
            candidates = _lead(quoted, candidates, reasons, "is said by a person the question names")
        if question.asks_status:
            # "What is the status of X?": a sentence stating X's state comes first.
            candidates = _lead(self._stated(question, candidates), candidates, reasons, "states a state")
        stating = self._stating(question, candidates)
        if stating is not None and stating is not candidates[0]:
            # "What is the aim of X?": "The aim is ..." right after a sentence about X comes first.
            reasons.append(
                f"{stating.sentence.sentence_id} states the {question.attribute[0] if question.attribute else ''}"
            )
            candidates = _first(stating, candidates)
        if question.category:
            # "Which port did X tour?": a sentence naming a port comes first, among the best
            # three or any that clears the answerable threshold.
            threshold = self.calibration.threshold
            named = next(
                (
                    c
                    for i, c in enumerate(candidates)
                    if (i < CATEGORY_POOL or c.probability >= threshold)
                    and category_span(question.category, c.sentence.text, question.terms, self.ordinary)
                ),
                None,
            )
            if named is not None and named is not candidates[0]:
                reasons.append(f"{named.sentence.sentence_id} names a {question.category}")
                candidates = _first(named, candidates)
        candidates = self._staged(question, candidates, reasons)
        candidates = _lead(self._destined(question, candidates), candidates, reasons, "says where it was going")
        if question.extreme:
            # "What is the highest number ...?": a sentence stating a highest or a record comes first.
            extreme = next(
                (c for c in candidates[:CATEGORY_POOL] if states_extreme(question.extreme, c.sentence.text)), None
            )
            if extreme is not None and extreme is not candidates[0]:
                reasons.append(f"{extreme.sentence.sentence_id} states the {question.extreme}")
                candidates = _first(extreme, candidates)
        if question.role_of:
            # "What is X's role?": a sentence that gives X a role comes first.
            titled = self._near_best(
                candidates,
                lambda c: role_span(question.role_of, c.sentence.text) is not None,
                self.calibration.near_share,
            )
            if titled is not None and titled is not candidates[0]:
                reasons.append(f"{titled.sentence.sentence_id} gives the role of {question.role_of}")
                candidates = _first(titled, candidates)
        if question.context_terms:
            own = {t for t in question.terms if self.idf(t) >= self.calibration.distinctive_idf}
            if own:
                fresh = self._near_best(candidates, lambda c: bool(own & set(tokenize(c.sentence.text))), 0.6)
                if fresh is not None and fresh is not candidates[0]:
                    reasons.append(f"{fresh.sentence.sentence_id} has the follow-up's own words")
                    candidates = _first(fresh, candidates)
        return candidates

    def _staged(self, question: Question, candidates: list[Candidate], reasons: list[str]) -> list[Candidate]:
        """For a question naming one stage of a finding ("What did the final report find?",
        "the preliminary report"), the first of the best ``STAGE_POOL`` candidates reporting
        that stage (``sources.stage_of``; the best itself when it does, else one naming it in
        its own words before one whose document's title names it) comes first, and what a
        document of the other stage says is left out: a preliminary finding does not answer
        a question about the final one, nor the reverse."""
        asked = stages_named(question.focus)
        if len(asked) != 1:
            return candidates
        stage = next(iter(asked))
        documents = self.snapshot.documents

        def stage_of_document(c: Candidate) -> str:
            return stage_of("", documents.get(c.sentence.doc_id))

        staged = [
            c for c in candidates[:STAGE_POOL] if stage_of(c.sentence.text, documents.get(c.sentence.doc_id)) == stage
        ]
        if not staged:
            return candidates
        # The best when it reports the stage; else one naming the stage itself ("The preliminary
        # report found ...") before one only its document's title names.
        found = (
            staged[0]
            if staged[0] is candidates[0]
            else next((c for c in staged if stage in stages_named(c.sentence.text)), staged[0])
        )
        kept = [c for c in candidates if stage_of_document(c) in ("", stage)]
        reasons.append(f"{found.sentence.sentence_id} reports the {stage} stage asked")
        return _first(found, kept)

    def _destined(self, question: Question, candidates: list[Candidate]) -> Candidate | None:
        """For "Where was the ferry going?" (``direct.asks_destination``), the first of the
        best three, or of any that clears the answerable threshold, saying where what it
        asks about was bound (``direct.destination_span``, ``_about_subject``)."""
        if not asks_destination(question.focus):
            return None
        return next(
            (
                c
                for i, c in enumerate(candidates)
                if (i < CATEGORY_POOL or c.probability >= self.calibration.threshold)
                and destination_span(c.sentence.text) is not None
                and self._about_subject(question, c.sentence)
            ),
            None,
        )

    def _places(self, question: Question, sentence: Sentence) -> bool:
        """Whether ``sentence`` says where, as a "where" question needs: it names a place
        (``direct.names_place``), or, asked where something was going, says where it was
        bound ("bound for Kiel": ``direct.destination_span``)."""
        if names_place(sentence.text, self.ordinary):
            return True
        return asks_destination(question.focus) and destination_span(sentence.text) is not None

    def _about_subject(self, question: Question, sentence: Sentence) -> bool:
        """Whether ``sentence`` is about what the question asks of: it mentions every name the
        question uses (``_names_left_out``), or, when it uses none, one of its words (the
        sentence about another ship's course does not say where "the ferry" was going)."""
        if question.names:
            return not self._names_left_out(question, sentence)
        asked = set(question.terms) - set(tokenize(ASKING_WORDS))
        return bool(covered_terms(asked, set(tokenize(sentence.text))))

    def _agent(self, question: Question, candidates: list[Candidate]) -> Candidate | None:
        """For "Who VERB ...?" (``agents.asked_action``), the first of the best ``AGENT_POOL``
        candidates naming the agent of that action after "by" (``agents.passive_agent``),
        unless the best candidate says the action and names a person (its agent, maybe)."""
        verb = asked_action(question.focus) if question.asks_for in AGENT_KINDS else None
        if verb is None or SPEECH.search(question.focus) or not candidates:
            return None
        best = candidates[0].sentence.text
        if mentions(best) and any(same_action(verb, w) for w in re.findall(r"[\w’'-]+", best)):
            return None
        return next((c for c in candidates[:AGENT_POOL] if passive_agent(verb, c.sentence.text)), None)

    def _leader(self, question: Question, candidates: list[Candidate]) -> Candidate | None:
        """For "Who runs/chairs X?" (``agents.head_asked``) or "Who is the X?"
        (``question.holder_asked``), the first candidate above the related-passage bar or among
        the best ``AGENT_POOL`` naming a
        person whose role heads X or is X (``agents.asked_person_span``); for "Who is the X?",
        only when the best candidate names nobody (a best sentence naming a person answers)."""
        holder = holder_asked(question.focus) is not None and bool(candidates)
        if head_asked(question.focus) is None and not (holder and not mentions(candidates[0].sentence.text)):
            return None
        floor, pool = self.calibration.related_floor, candidates[:AGENT_POOL]
        return next(
            (
                c
                for c in candidates
                if (c.probability >= floor or c in pool)
                and asked_person_span(question.focus, c.sentence.text, self._title(c.sentence))
            ),
            None,
        )

    def _deed(self, question: Question, candidates: list[Candidate]) -> Candidate | None:
        """For "What did X VERB?" (``question.asked_deed``) whose best candidate has no form of
        the verb nor its noun (``agents.same_action``), the first of the best ``AGENT_POOL``
        that has one and names X (a word of X): "Ruiz also proposed a toll" for "What did Ana
        Ruiz propose?" over a quotation of hers."""
        asked = asked_deed(question.focus)
        if asked is None or not candidates:
            return None
        doer, verb = asked

        def does(sentence: Sentence) -> bool:
            return any(same_action(verb, w) for w in re.findall(r"[\w’'-]+", sentence.text))

        if does(candidates[0].sentence):
            return None
        who = set(tokenize(doer))
        return next(
            (
                c
                for c in candidates[:AGENT_POOL]
                if does(c.sentence) and covered_terms(who, set(tokenize(c.sentence.text)))
            ),
            None,
        )

    def _reply(self, question: Question, candidates: list[Candidate]) -> Candidate | None:
        """Unless the best already is one, the first of the best ``AGENT_POOL`` that replies in a
        transcript to a question put as the user's (``context.puts_same_question``): "DES CARS:
        We did not spot them." after "Why were they not stopped?" for "Why were the thieves not
        stopped?"."""

        def replies(sentence: Sentence) -> bool:
            put = question_answered(self.snapshot.by_doc.get(sentence.doc_id, []), sentence)
            return put is not None and puts_same_question(put.text, question.focus)

        if question.yes_no or not candidates or replies(candidates[0].sentence):
            return None
        return next((c for c in candidates[:AGENT_POOL] if replies(c.sentence)), None)

    def _title(self, sentence: Sentence) -> str:
        """The title of the document ``sentence`` comes from ("" when unknown)."""
        document = self.snapshot.documents.get(sentence.doc_id)
        return document.title if document else ""

    def _finding(self, question: Question, candidates: list[Candidate]) -> Candidate | None:
        """For "What did X conclude/find?" (``findings.asks_finding``), the first of the best
        five passages (``_passages``) stating a finding (``findings.states_finding``: "It found that ..."),
        by what a name of the question stands for (``_by_named``), unless the best states one."""
        if not candidates or not asks_finding(question.focus) or states_finding(candidates[0].sentence.text):
            return None
        return next(
            (c for c in _passages(candidates, 5) if states_finding(c.sentence.text) and self._by_named(question, c)),
            None,
        )

    def _by_named(self, question: Question, candidate: Candidate) -> bool:
        """Whether ``candidate`` comes from what a name of the question stands for: the name
        is in the sentence, the one before it, or its document's title or outlet ("It found
        that ..." in the notes on the Kelly Review)."""
        sentence = candidate.sentence
        document = self.snapshot.documents.get(sentence.doc_id)
        before = self._before(sentence)
        where = " ".join(
            filter(
                None,
                [
                    sentence.text,
                    before.text if before else "",
                    document.title if document else "",
                    document.outlet if document else "",
                ],
            )
        )
        words = set(tokenize(where))
        return any(
            set(tokenize(name)) and covered_terms(set(tokenize(name)), words) == set(tokenize(name))
            for name in question.names
        )

    def _answering(self, question: Question, candidates: list[Candidate], reasons: list[str]) -> list[Candidate]:
        """The candidates with a better first one when the first cannot answer the question
        (``prefer``'s first checks): a sentence set on the other side of the event the
        question times (``context.opposite_time``), a sentence without the subject a yes/no
        question asks about."""
        best = candidates[0]
        if opposite_time(question.focus, best.sentence.text):
            kept = [c for c in candidates if not opposite_time(question.focus, c.sentence.text)]
            if kept:
                reasons.append(f"{best.sentence.sentence_id} is set on the other side of the time asked")
                return kept
        actors = asked_subject(question.focus) if question.yes_no else set()
        if actors and not covered_terms(actors, set(tokenize(best.sentence.text))):
            floor = self.calibration.related_floor
            named = next(
                (
                    c
                    for c in candidates[1:3]
                    if c.probability >= floor and covered_terms(actors, set(tokenize(c.sentence.text)))
                ),
                None,
            )
            if named is not None:
                reasons.append(f"{named.sentence.sentence_id} names the subject of the question")
                return [named, *(c for c in candidates[1:] if c is not named)]  # the first read as context only
        return candidates

    def stance(self, question: Question, candidates: list[Candidate]) -> tuple[Candidate, bool] | None:
        """Step 2: a candidate stating a refusal or stop that answers or contradicts the
        question, or denying outright what a wh-question presumes, and whether it corrects
        a premise (True) or answers a yes/no (False)."""
        focus = question.focus
        floor = self.calibration.related_floor
        if asks_about_refusal(focus):
            done = self._done_instead(question, candidates)
            return (done, True) if done is not None else None
        if not question.yes_no:
            # "Which group carried out the cyberattack?" against "found no evidence of a cyberattack".
            rare = {t for t in question.terms if self.idf(t) >= self.calibration.distinctive_idf}
            denial = next(
                (c for c in candidates[:5] if c.probability >= floor and denies(c.sentence.text, rare)),
                None,
            )
            if denial is not None:
                return denial, True
        contrary = None if question.yes_no else self._contrary(question, candidates)
        if contrary is not None:
            return contrary, True
        actors: set[str] | None
        if question.yes_no:
            actors = subject(focus) or (entities(question.context_text) if question.context_text else None)
            if not actors or not presumes_agreement(focus):
                return None
            cues = REFUSAL
        else:
            actors = entities(focus)
            if presumes_agreement(focus):
                cues = REFUSAL
            elif presumes_ongoing(focus):
                cues = STOPPED
            else:
                return None
        terms = set(question.terms)
        found = next(
            (
                c
                for c in candidates[:5]
                if c.probability >= floor and refuses(c.sentence.text, terms, actors or set(), cues)
            ),
            None,
        )
        if found is None and cues is REFUSAL:
            # "I offered my resignation." then "She refused it." against "Why did X accept the resignation?"
            found = next(
                (c for c in candidates[:5] if c.probability >= floor and self._refused_next(question, c.sentence)),
                None,
            )
        return (found, not question.yes_no) if found is not None else None

    def _refused_next(self, question: Question, sentence: Sentence) -> Sentence | None:
        """The next sentence of ``sentence``'s document when it only refuses what ``sentence``
        offers (``stance.refuses_offer``: "She refused it.") and ``sentence`` shares a word
        with the question other than its names (the thing offered: "resignation")."""
        doc = self.snapshot.by_doc.get(sentence.doc_id, [])
        at = sentence.ordinal + 1
        if at >= len(doc) or not doc[at].citable or not refuses_offer(doc[at].text):
            return None
        names = entities(question.focus) | asked_subject(question.focus)
        shared = covered_terms(set(question.terms) - names, set(tokenize(sentence.text)))
        return doc[at] if shared else None

    def _done_instead(self, question: Question, candidates: list[Candidate]) -> Candidate | None:
        """For "Why did X refuse to V?", the first of the best five candidates
        (above the related-passage bar) saying X does, did or will V (``stance.affirms``),
        unless one of them states the refusal or that X will not V: then the premise holds
        (X may do V for others, or did it before)."""
        action = refused_action(question.focus) if question.asks_reason else None
        actors = entities(question.focus) or asked_subject(question.focus)
        if action is None or not actors:
            return None
        floor = self.calibration.related_floor
        near = [c for c in candidates[:5] if c.probability >= floor]
        terms = set(question.terms)
        if any(refuses(c.sentence.text, terms, actors) or negates_action(c.sentence.text, terms, actors) for c in near):
            return None
        return next(
            (c for c in near if affirms(c.sentence.text, action, actors, self._speaker_words(c.sentence))), None
        )

    def _contrary(self, question: Question, candidates: list[Candidate]) -> Candidate | None:
        """For a wh-question, the first of the best five candidates (above the related-passage
        bar) saying the question's subject did not do what it presumes (``stance.negates_action``), or that
        someone else did (``stance.excludes_actor``)."""
        actors = asked_subject(question.focus) or subject(question.focus)
        if not actors:
            return None
        terms = set(question.terms)
        floor = self.calibration.related_floor
        return next(
            (
                c
                for c in candidates[:5]
                if c.probability >= floor
                and (negates_action(c.sentence.text, terms, actors) or excludes_actor(c.sentence.text, terms, actors))
            ),
            None,
        )

    def _instead(self, question: Question, sentence: Sentence) -> Sentence | None:
        """What happened instead, after a sentence that says something did not: the next
        sentence of its document (no heading between) when it shares a word with the
        question other than its subject."""
        doc = self.snapshot.by_doc.get(sentence.doc_id, [])
        at = sentence.ordinal + 1
        if at >= len(doc) or not doc[at].citable:
            return None
        following = doc[at]
        actors = asked_subject(question.focus) or subject(question.focus) or set()
        shared = covered_terms(set(question.terms) - actors, set(tokenize(following.text)))
        return following if shared else None

    def disagreement(self, question: Question, candidates: list[Candidate]) -> list[list[Sentence]] | None:
        """Step 7: for a question asking for a figure or a date, the sentences of the
        documents that give the measure different values (``assistant.figures``), one item
        per value, each citing every document that gives it."""
        kinds = _kinds_asked(question)
        if not kinds:
            return None
        bar = self.calibration.near_share * candidates[0].probability
        # "Do the sources agree on X?" asks for the comparison: every one of the best six
        # takes part, however much less likely than the best to answer alone.
        near = [c.sentence for c in candidates[:AGREEMENT_POOL] if c.probability >= bar or question.agreement]
        found = None

        def figures_in(sentences: list[Sentence]) -> list[Figure]:
            return self._timing(question, self._counting(question, self._figures_in(sentences)))

        asked = asked_figures(figures_in(near[:1]), kinds, question.terms)
        if len({s.doc_id for s in near}) >= 2:
            found = disagreement(figures_in(near), kinds, question.terms, including=asked)
        if found is None:
            # Another document among the best retrieved may word the same measure differently
            # from the question ("in orbit" for "in space"): the words test alone links them.
            top = [c.sentence for c in candidates[:AGREEMENT_POOL]]
            found = disagrees_with(figures_in(top[:1]), figures_in(top[1:]), kinds, question.terms)
        if found is None and question.agreement:
            # "Do the sources agree on X?": every document's figure of X takes part, retrieved
            # or not (retrieval ranks sentences, not the values a comparison needs).
            # Only their figures of what is asked: a count of other nouns is no value of it.
            theirs = self._timing(question, self._counting(question, self._figures_elsewhere(near[0].doc_id, question)))
            found = disagrees_with(figures_in(near[:1]), theirs, kinds, question.terms)
        if found is None:
            return None
        sentences = self.snapshot.sentences
        return [list({f.doc_id: sentences[f.sentence_id] for f in group.figures}.values()) for group in found.values]

    def _figures_elsewhere(self, doc_id: str, question: Question) -> list[Figure]:
        """The figures of every document but ``doc_id`` that ``question`` may cite, a value a
        correction says was wrong left out (``sources.settled``)."""
        documents = [d for d in self.snapshot.documents if d != doc_id and question.in_scope(d)]
        found = [f for doc in documents for f in self.snapshot.figures_of(doc)]
        return settled(found, self._corrections())

    def _agreeing(self, question: Question, item: list[Sentence], candidates: list[Candidate]) -> list[Sentence]:
        """For "Do the sources agree on X?" when they do: the sentences of other documents
        among the best six that give the value the item's first sentence gives for X
        (``figures.same_figure``), so the answer cites every source that agrees."""
        kinds = _kinds_asked(question)
        asked = asked_figures(self._counting(question, self._figures_in(item[:1])), kinds, question.terms)
        have = {s.doc_id for s in item}
        found: dict[str, Sentence] = {}
        for c in candidates[1:AGREEMENT_POOL]:
            s = c.sentence
            if s.doc_id in have or s.doc_id in found:
                continue
            if any(same_figure(a, f) for a in asked for f in self._counting(question, self._figures_in([s]))):
                found[s.doc_id] = s
        return list(found.values())

    def _counting(self, question: Question, figures: list[Figure]) -> list[Figure]:
        """Of ``figures``, for a "how many X ...?" question, those that count X in a clause
        saying what it asks happened (``_count_spans``); for "How long was the bridge?"
        (``direct.asks_measure``) those with a unit of measure ("1.6 miles", not "30,000
        vehicles"); all of them for other questions."""
        if question.asks_for == "amount" and self._asks_unit(question):
            figures = [f for f in figures if self._has_unit(f, question)]
        if not (question.counted or question.predicate):
            return figures
        kept = []
        for f in figures:
            sentence = self.snapshot.sentences[f.sentence_id]
            a, b = f.start - sentence.start, f.end - sentence.start
            if any(x < b and a < y for x, y in self._count_spans(question, sentence)):
                kept.append(f)
        return kept

    def _measure_elsewhere(self, question: Question, candidates: list[Candidate]) -> bool:
        """Whether the best candidate does not give the measure a "How fast/far/long ...?"
        question asks for (``direct.gives_asked_measure``) and one of the best ``COUNT_POOL``
        does: "going fast down a 1.6-mile stretch" ranks above "it reached 62 km/h"."""
        focus = question.focus
        if gives_asked_measure(focus, candidates[0].sentence.text):
            return False
        return any(gives_asked_measure(focus, c.sentence.text) for c in candidates[1:COUNT_POOL])

    def _asks_unit(self, question: Question) -> bool:
        """Whether a question asks for a measure with a unit: "How long was the bridge?"
        (``direct.asks_measure``), "What was the ferry's speed?" (``direct.asks_speed``)."""
        return asks_measure(question.focus) or asks_speed(question.focus)

    def _timing(self, question: Question, figures: list[Figure]) -> list[Figure]:
        """Of ``figures``, for "What time did X V?" or "When did X V?" (``direct.timed_event``),
        the times of day whose words (``direct.clock_stretch``) say that event, its verb, a
        near word (``direct.says_predicate``) or its noun (``agents.same_action``: "collision"
        for "collide"), and every figure of another kind; all of them for other questions."""
        verb = timed_event(question.focus)
        if verb is None:
            return figures
        vectors = self.features.word_vectors
        kept = []
        for f in figures:
            sentence = self.snapshot.sentences[f.sentence_id]
            span = (f.start - sentence.start, f.end - sentence.start)
            stretch = clock_stretch(sentence.text, span) if f.kind == "clock" else ""
            said = f.kind != "clock" or says_predicate((verb,), stretch, vectors)
            if said or any(same_action(verb, w) for w in re.findall(r"[\w’'-]+", stretch)):
                kept.append(
                    f
                )  # "called at 23:23" is no time of arrival; "the collision happened at 04:12" is of colliding
        return kept

    def _has_unit(self, figure: Figure, question: Question) -> bool:
        """Whether ``figure`` is the measure ``question`` asks for: for a speed, a number a
        unit of speed follows (``direct.speed_at``: "22 knots", not "a 1.6-mile stretch");
        else a length of time ("three-day", "four days"), or a number a unit of measure
        follows in its sentence (``direct.with_unit``)."""
        sentence = self.snapshot.sentences[figure.sentence_id]
        span = (figure.start - sentence.start, figure.end - sentence.start)
        if asks_speed(question.focus):
            return speed_at(sentence.text, span)
        return figure.kind == "duration" or with_unit(sentence.text, span) != span

    def _figures_in(self, sentences: list[Sentence]) -> list[Figure]:
        """The figures (``assistant.figures``) of ``sentences``, document by document."""
        ids = {s.sentence_id for s in sentences}
        docs = dict.fromkeys(s.doc_id for s in sentences)
        found = [f for doc in docs for f in self.snapshot.figures_of(doc) if f.sentence_id in ids]
        return settled(found, self._corrections())  # a value a correction says was wrong differs from nothing

    def parts(self, question: Question, candidates: list[Candidate]) -> list[Candidate]:
        """Step 7b: a question in two parts ("Near which city was it, and which bridge
        fell?"): the best candidate for each part, each part ranked on its own (a part
        whose best is below the related-passage bar adds nothing)."""
        split = split_compound(question.focus)
        if split is None:
            return []
        hits = [c.hit for c in candidates]
        chosen: list[Candidate] = []
        for part in split:
            ranked = self.rank(analyse(part), hits)
            if ranked and ranked[0].probability >= self.calibration.related_floor:
                found = next(c for c in candidates if c.sentence.sentence_id == ranked[0].sentence.sentence_id)
                if found not in chosen:
                    chosen.append(found)
        return chosen if len(chosen) > 1 else []

    def select(
        self, question: Question, candidates: list[Candidate], aside: Collection[str] = ()
    ) -> list[list[Sentence]]:
        """Step 8: the items of the answer, each a sentence and the same statement in other
        documents, with what each needs to be read alone (never a sentence ``aside``)."""
        best = candidates[0]
        chosen = self.parts(question, candidates) or [best]
        covered = {t for c in chosen for t in c.covered}
        # A question in two parts ("..., and which bridge fell?") may need a second,
        # weaker sentence for its second part.
        share = self.calibration.near_share if COMPOUND.search(question.focus) else self.calibration.nearly_as_good
        bar = share * best.probability
        for other in candidates[1:]:
            if other in chosen:
                continue
            if len(chosen) >= MAX_ITEMS or other.probability < bar:
                break
            if any(same_statement(c.sentence, other.sentence) for c in chosen):
                continue
            if question.asks_reason and not self._explains(question, other.sentence):
                continue  # a why-question's answer gives causes, not more on the same subject
            if other.covered - covered:
                chosen.append(other)
                covered |= other.covered
        items = [[c.sentence] for c in chosen]
        listed = self._whole_list(best, candidates)
        if listed:
            items = listed
        # The same statement in other documents is one item citing all of them.
        for item in items:
            for other in candidates:
                if (
                    other.probability >= self.calibration.threshold
                    and same_statement(item[0], other.sentence)
                    and all(other.sentence.doc_id != s.doc_id for s in item)
                ):
                    item.append(other.sentence)
        items = self._with_context(items, question.terms, aside)
        if question.names and asks_what_said(question.focus) and question.asks_for != "person":
            items = self._with_their_words(question, items)
        if question.asks_for == "person" and SPEECH.search(question.focus):
            speaker = self._teller(best.sentence)
            if speaker and not _name_in(speaker, best.sentence.text):
                naming = self._naming(best.sentence, speaker, question)
                if naming is not None:  # who said it, then what was said
                    items = [[naming], *(i for i in items if i != [naming])]
        if CONTRAST.search(question.focus):
            items = self._with_contrast(items)
        if question.asks_source:
            items = self._with_self_naming(items)
        return items

    def _with_their_words(self, question: Question, items: list[list[Sentence]]) -> list[list[Sentence]]:
        """For "What did X say?", a first item that reports X without quoting them ("X told
        the paper that ...") followed by the quotation of X right after it ('"...," he
        said'), which holds X's own words."""
        names = asked_speakers(question.focus, question.names)
        first = items[0][0]

        def by_asked(sentence: Sentence) -> bool:
            speaker = self._speaker_of(sentence) or ""
            return bool(speaker) and any(_name_in(n, speaker) or _name_in(speaker, n) for n in names)

        if by_asked(first) or not any(_name_in(n, first.text) for n in names):
            return items
        doc = self.snapshot.by_doc.get(first.doc_id, [])
        after = max(s.ordinal for s in items[0] if s.doc_id == first.doc_id) + 1
        shown = {s.sentence_id for item in items for s in item}
        if after < len(doc) and doc[after].citable and doc[after].sentence_id not in shown and by_asked(doc[after]):
            return [items[0], [doc[after]], *items[1:]]
        return items

    def _with_self_naming(self, items: list[list[Sentence]]) -> list[list[Sentence]]:
        """For "Which outlet says/corrected ...?", add the sentence in which the best
        item's document names itself ("The Valley Gazette regrets the error."): the
        source's own words that it is the source."""
        best = items[0][0]
        document = self.snapshot.documents[best.doc_id]
        name = source_name(document)
        have = {s.sentence_id for item in items for s in item}
        if name == PurePosixPath(document.doc_id).name:
            return items  # named by its file name only: the text cannot name it
        naming = next(
            (
                s
                for s in self.snapshot.by_doc.get(best.doc_id, [])
                if s.citable and s.kind == "sentence" and re.search(rf"\b{re.escape(name)}\b", s.text)
            ),
            None,
        )
        if naming is None or naming.sentence_id in have:
            return items
        return [*items, [naming]]

    def _whole_list(self, best: Candidate, candidates: list[Candidate]) -> list[list[Sentence]] | None:
        """A bullet ranked with another of its list among the first three candidates: the
        lead-in and every bullet of the list."""
        head = best.sentence
        if head.kind != "bullet" or not head.lead_in:
            return None
        siblings = [
            c
            for c in candidates[:3]
            if c.sentence.kind == "bullet" and c.sentence.doc_id == head.doc_id and c.sentence.lead_in == head.lead_in
        ]
        if len(siblings) < 2:
            return None
        doc = self.snapshot.by_doc.get(head.doc_id, [])
        bullets = [s for s in doc if s.kind == "bullet" and s.lead_in == head.lead_in]
        return [[head], *([s] for s in bullets if s is not head and s.sentence_id != head.sentence_id)]

    # -- helpers ----------------------------------------------------------------------------
    def _near_best(
        self, candidates: list[Candidate], wanted: Callable[[Candidate], bool], share: float | None = None
    ) -> Candidate | None:
        """The first of the first five candidates nearly as likely as the best that is ``wanted``."""
        bar = (share if share is not None else self.calibration.nearly_as_good) * candidates[0].probability
        return next((c for c in candidates[:5] if c.probability >= bar and wanted(c)), None)

    def _with_context(
        self, items: list[list[Sentence]], terms: Collection[str] = (), aside: Collection[str] = ()
    ) -> list[list[Sentence]]:
        """What each item needs to be read alone (``context.with_context``): the sentence a
        reference points back to is one opening with it, or one with a pronoun inside whose
        antecedent states question ``terms`` it lacks ("The owners say it will restart"),
        never a sentence ``aside``."""

        def referent(sentence: Sentence) -> Sentence | None:
            before = self._referent(sentence, terms)
            ok = before is not None and before.kind == "sentence" and before.sentence_id not in aside
            return before if ok else None

        return with_context(items, lambda s: self.snapshot.by_doc.get(s.doc_id, []), referent)

    def _referent(self, sentence: Sentence, terms: Collection[str]) -> Sentence | None:
        """The sentence ``sentence`` refers back to, when it does (``context.refers_back``:
        the one before in its paragraph), or when a pronoun inside it stands for question
        ``terms`` only the sentence before states (``_needs_antecedent``)."""
        if refers_back(sentence.text):
            # "After that, ...": a phrase referring back may open its paragraph after a long one.
            doc = self.snapshot.by_doc.get(sentence.doc_id, [])
            before = phrase_referent(doc, sentence) or self._before(sentence)
            if before is not None:
                return before
        return self._antecedent(sentence) if self._needs_antecedent(sentence, terms) else None

    def _antecedent(self, sentence: Sentence) -> Sentence | None:
        """The sentence a pronoun inside ``sentence`` points back to (``context.sentence_before``)."""
        return sentence_before(self.snapshot.by_doc.get(sentence.doc_id, []), sentence, leans=True)

    def _needs_antecedent(self, sentence: Sentence, terms: Collection[str]) -> bool:
        """Whether a pronoun inside ``sentence`` stands for question words only the sentence
        it points back to states (``direct.stated_terms``)."""
        before = self._antecedent(sentence)
        if not terms or before is None:
            return False
        return len(stated_terms(terms, sentence.text, before.text)) > len(stated_terms(terms, sentence.text))

    def _with_contrast(self, items: list[list[Sentence]]) -> list[list[Sentence]]:
        """For a question that compares, add the sentences of the best sentence's section
        that carry the comparison on ("That policy ...", "In contrast, ...")."""
        best = items[0][0]
        doc = self.snapshot.by_doc.get(best.doc_id, [])
        have = {s.sentence_id for item in items for s in item}
        extra = []
        for s in doc[best.ordinal + 1 : best.ordinal + 3]:
            if s.kind != "sentence" or s.section != best.section or not CONTINUES.match(s.text):
                break
            if s.sentence_id not in have:
                extra.append([s])
        return [*items, *extra]

    # -- writing ------------------------------------------------------------------------
    def _answer(
        self,
        question: Question,
        items: list[list[Sentence]],
        lead: str | None,
        behaviour: Behaviour,
        reasons: list[str],
        *,
        name_sources: bool = False,
        direct: Sentence | None = None,
    ) -> Answer:
        """Step 10 (and 9 with ``direct``, the best sentence): the answer text, its citations
        and its short answer."""
        docs = {s.doc_id for item in items for s in item}
        name_sources = name_sources or question.asks_source or len(docs) > 1
        text, citations = write_items(items, self.snapshot.documents, related=False, name_sources=name_sources)
        short = self._short_answer(question, direct, citations) if direct and not question.yes_no else None
        parts = [INJECTION_NOTE] if question.injected else []
        if short is not None:
            parts.append(f"{short.text} [{short.marker}].")
        parts += [lead, text] if lead else [text]
        text, citations, short = _renumber(" ".join(parts), citations, short)
        return Answer(
            question=question.text,
            text=text,
            answered=True,
            citations=citations,
            behaviour=behaviour,
            short_answer=short,
            standalone_question=question.standalone or None,
            reason="; ".join(reasons),
        )

    def _short_answer(self, question: Question, sentence: Sentence, citations: list[Citation]) -> ShortAnswer | None:
        """Step 9: the phrase of the best sentence that answers the question, if any: the
        speaker of its quotation for "Who said ...?", the figure whose measure the question
        names for "How many/much ...?", else ``direct.answer_phrase``. For a question asking
        for a kind of thing, the phrase comes from the cited sentence that states most of the
        question's words (``direct.predicate_sentence``), or from none when it holds no phrase."""
        verb = asked_action(question.focus) if question.asks_for in AGENT_KINDS else None
        agent = passive_agent(verb, sentence.text) if verb and not SPEECH.search(question.focus) else None
        agent = asked_person_span(question.focus, sentence.text, self._title(sentence)) or agent
        cited = next((c for c in citations if c.sentence_id == sentence.sentence_id), None)
        if agent is not None and cited is not None:
            # "Who decided ...?": the agent "by X" of the best sentence, which may state fewer question words.
            a, b = agent
            return ShortAnswer(
                text=sentence.text[a:b], marker=cited.marker, start=sentence.start + a, end=sentence.start + b
            )
        if question.asks_for and not question.role_of:
            answering = self._predicate_sentence(question, sentence, citations)
            if answering is None:
                return None
            if self._gives(question, answering) >= self._gives(question, sentence):
                sentence = answering  # else only this sentence gives the figure asked for, or as a number
        cited = next((c for c in citations if c.sentence_id == sentence.sentence_id), None)
        if cited is None:
            return None
        if question.role_of:
            role = role_span(question.role_of, sentence.text)
            if role is None:
                return None
            a, b = role
            return ShortAnswer(
                text=sentence.text[a:b], marker=cited.marker, start=sentence.start + a, end=sentence.start + b
            )
        if question.asks_status:
            state = self._state_of(question, sentence)
            if state is not None:
                a, b = state
                return ShortAnswer(
                    text=sentence.text[a:b], marker=cited.marker, start=sentence.start + a, end=sentence.start + b
                )
        if question.asks_for == "person" and SPEECH.search(question.focus):
            speaker = self._teller(sentence)
            if speaker:
                for c in citations:
                    found = _name_in(speaker, c.quote)
                    if found:
                        a, b = with_role(c.quote, found)
                        return ShortAnswer(text=c.quote[a:b], marker=c.marker, start=c.start + a, end=c.start + b)
        bound = destination_span(sentence.text) if asks_destination(question.focus) else None
        if bound is None and asks_flag(question.focus):
            bound = flag_span(sentence.text)  # "What flag does the Orla fly?": "Liberia" of "Liberia-flagged"
        if bound is not None:
            # "Where was the ferry going?": "bound for Kiel", not where it was.
            a, b = bound
            return ShortAnswer(
                text=sentence.text[a:b], marker=cited.marker, start=sentence.start + a, end=sentence.start + b
            )
        own = "clock" if question.clock else "age" if question.age else None
        span = answer_phrase(own, question.focus, sentence.text) if own else None
        if span is not None:
            # "What time ...?", "How old ...?": a time of day, an age, not any date or number.
            a, b = span
            return ShortAnswer(
                text=sentence.text[a:b], marker=cited.marker, start=sentence.start + a, end=sentence.start + b
            )
        kinds = _kinds_asked(question)
        if question.predicate or question.counted:
            # "How many X died?": a count of X in a clause saying they died, or none.
            spans = self._count_spans(question, sentence)
            if not spans:
                return None
            terms = set(question.terms)

            def shared(span: tuple[int, int]) -> int:
                left, right = clause_of(sentence.text, *span)
                return len(covered_terms(terms, set(tokenize(sentence.text[left:right]))))

            a, b = with_range(sentence.text, with_unit(sentence.text, max(spans, key=shared)))
            return ShortAnswer(
                text=sentence.text[a:b], marker=cited.marker, start=sentence.start + a, end=sentence.start + b
            )
        if kinds and question.asks_for != "date":
            terms = set(question.terms)
            figures = [
                f
                for f in self.snapshot.figures_of(sentence.doc_id)
                if f.sentence_id == sentence.sentence_id and f.kind in kinds
            ]
            if HOW_MUCH.search(question.focus):
                # "How much did the six airlines lose?" asks for a sum, not how many lost it.
                figures = [f for f in figures if f.kind != "count"] or figures
            if question.asks_for == "amount" and self._asks_unit(question):
                # "How long was the bridge?": a measure with its unit, never a bare count.
                figures = [f for f in figures if self._has_unit(f, question)]
                if not figures:
                    return None
            adjective = asked_dimension(question.focus)
            if adjective:
                # "How deep is it?": "50 feet deep", not "700 feet wide", of "700 feet wide and 50 feet deep".
                at = sentence.start
                figures = [
                    f for f in figures if bound_to(sentence.text, (f.start - at, f.end - at), adjective)
                ] or figures
            if figures:
                f = max(figures, key=lambda f: (len(covered_terms(terms, set(f.measure))), -f.start))
                a, b = with_range(
                    sentence.text, with_unit(sentence.text, (f.start - sentence.start, f.end - sentence.start))
                )
                if question.asks_for == "duration":  # "10 to 12 hours", not its last number alone
                    a, b = widest(kind_spans("duration", sentence.text), (a, b))
                return ShortAnswer(
                    text=sentence.text[a:b], marker=cited.marker, start=sentence.start + a, end=sentence.start + b
                )
        span = answer_phrase(question.asks_for, question.focus, sentence.text, self.ordinary)
        if span is None and question.category and not question.asks_for:
            span = category_span(question.category, sentence.text, question.terms, self.ordinary)
        if span is None:
            return None
        start, end = sentence.start + span[0], sentence.start + span[1]
        return ShortAnswer(text=sentence.text[span[0] : span[1]], marker=cited.marker, start=start, end=end)

    def _predicate_sentence(self, question: Question, sentence: Sentence, citations: list[Citation]) -> Sentence | None:
        """Of ``sentence`` and the other cited evidence, the one that answers the question's
        predicate ("reopen", not "closed"): ``sentence`` unless another states more of its
        words; None when the uncited sentence after one of them states more (no phrase then
        rather than the date of another event)."""
        cited = [sentence] + [
            s
            for c in citations
            if not c.related and c.sentence_id != sentence.sentence_id
            for s in [self.snapshot.sentences.get(c.sentence_id)]
            if s is not None
        ]
        ids = {s.sentence_id for s in cited}
        following = [
            doc[s.ordinal + 1]
            for s in cited
            for doc in [self.snapshot.by_doc.get(s.doc_id, [])]
            if s.ordinal + 1 < len(doc) and doc[s.ordinal + 1].citable and doc[s.ordinal + 1].sentence_id not in ids
        ]
        candidates = cited + following
        texts = [
            (s.text, self.snapshot.by_doc[s.doc_id][s.ordinal - 1].text if s.ordinal > 0 else "") for s in candidates
        ]
        best = predicate_sentence(question.terms, texts)
        if best is None:
            return sentence
        return candidates[best] if best < len(cited) else None

    def with_short_answer(self, question: Question, answer: Answer) -> Answer:
        """``answer`` (from another composer) led by the phrase that answers a wh-question,
        taken from the first evidence citation that holds one (step 9); a sentence cited as
        the one a referring phrase points to ("Because of this, ...") gives none."""
        if not answer.answered or answer.behaviour != "answer" or answer.short_answer or question.yes_no:
            return answer
        cited = [self.snapshot.sentences.get(c.sentence_id) for c in answer.citations]
        # "Because of this, Ethelred fled ...": what the phrase points to is background, not
        # the answer (unlike the antecedent of "She later visited ...", which may hold it).
        background = {
            before.sentence_id
            for s in cited
            if s is not None
            for before in [phrase_referent(self.snapshot.by_doc.get(s.doc_id, []), s)]
            if before is not None
        }
        for citation, sentence in zip(answer.citations, cited, strict=True):
            if citation.related or sentence is None or sentence.sentence_id in background:
                continue
            short = self._short_answer(question, sentence, answer.citations)
            if short is None:
                continue
            note = f"{INJECTION_NOTE} " if answer.text.startswith(INJECTION_NOTE) else ""
            text = f"{note}{short.text} [{short.marker}]. {answer.text.removeprefix(note)}"
            text, citations, short = _renumber(text, list(answer.citations), short)
            return replace(answer, text=text, citations=citations, short_answer=short)
        return answer

    def _speaker_of(self, sentence: Sentence) -> str | None:
        """The speaker of the quotation in ``sentence`` (``speakers.attribute``), if told."""
        quotes = [q for q in self.snapshot.quotes_of(sentence.doc_id) if q.sentence_id == sentence.sentence_id]
        return quotes[0].speaker if quotes else None

    def _teller(self, sentence: Sentence) -> str | None:
        """Who says what ``sentence`` says: its quotation's speaker, else, for indirect
        speech opening "He/She said ...", the one person the sentence before names
        (``speakers.mentions``: "Energy Secretary Ed Miliband called it ... He said ...")."""
        speaker = self._speaker_of(sentence)
        if speaker or not PRONOUN_SPEAKS.match(sentence.text):
            return speaker
        before = self._before(sentence)
        people = mentions(before.text) if before is not None else []
        return " ".join(people[0].words) if len(people) == 1 else None

    def _speaker_words(self, sentence: Sentence) -> str:
        """The speaker of the quotation in ``sentence`` and the role the document gives them."""
        quotes = [q for q in self.snapshot.quotes_of(sentence.doc_id) if q.sentence_id == sentence.sentence_id]
        return " ".join(filter(None, [quotes[0].speaker, quotes[0].role])) if quotes else ""

    def _naming(self, sentence: Sentence, speaker: str, question: Question) -> Sentence | None:
        """The nearest sentence before ``sentence`` in its document that names ``speaker``;
        else, for a speaker the document names only by a label ("MOORE: ..."), the sentence
        of another document ``question`` may cite that names them in full, with their role
        when one does."""
        doc = self.snapshot.by_doc.get(sentence.doc_id, [])
        near = next(
            (s for s in reversed(doc[max(0, sentence.ordinal - 4) : sentence.ordinal]) if _name_in(speaker, s.text)),
            None,
        )
        if near is not None or len(speaker.split()) < 2:
            return near
        full = re.compile(rf"\b{re.escape(speaker)}\b")
        naming = [
            s
            for d in sorted(self.snapshot.by_doc)
            if d != sentence.doc_id and question.in_scope(d)
            for s in self.snapshot.by_doc[d]
            if s.citable and s.kind == "sentence" and full.search(s.text)
        ]
        return next((s for s in naming if role_span(speaker, s.text)), naming[0] if naming else None)

    def _decline(self, question: Question, candidates: list[Candidate], reasons: list[str]) -> Answer:
        floor = self.calibration.related_floor
        related = [c.sentence for c in candidates[:2] if c.probability >= floor]
        ordered = sorted(related, key=lambda s: (s.doc_id, s.ordinal))
        written = write_items([[s] for s in ordered], self.snapshot.documents, related=True) if related else None
        return declined(question, written, "; ".join(reasons), question.standalone or None)


def asked_speakers(question: str, names: Sequence[str]) -> tuple[str, ...]:
    """The names a "What did X say ...?" question asks to hear from: those before its verb
    of speech, not the one spoken to or about ("What did the union say in response to
    the mayor?"); all its names when none comes before the verb.

    >>> asked_speakers("What did the union say in response to Mayor Hart?", ("Hart",))
    ('Hart',)
    >>> asked_speakers("What did Unite tell Mayor Hart?", ("Unite", "Hart"))
    ('Unite',)
    """
    verb = SPEECH.search(question)
    before = tuple(n for n in names if verb is not None and _name_in(n, question[: verb.start()]))
    return before or tuple(names)


# What may follow the verb of "What did X say ...?" when it asks for all X said: nothing, a
# topic ("about the fire", "on Monday") or whom they told ("tell the BBC").
SAID_TOPIC = r"(?:about|on|of|to|in|at|after|before|during|regarding)\b"
SAID_TAIL = re.compile(rf"^\W*$|^\s*{SAID_TOPIC}", re.I)
TOLD_WHOM = re.compile(
    rf"^\s*(?:(?:the|a|an|his|her|their|its)\s+)?[\w’'-]+(?:\s+[\w’'-]+){{0,2}}?(?=\W*$|\s+{SAID_TOPIC})", re.I
)


def asks_what_said(question: str) -> bool:
    """Whether a question asks for what someone said, not for one thing they said ("What
    did X say Y had offered?" asks for the offer).

    >>> [asks_what_said(q) for q in ["What did Mayor Hart say?", "What did Ana Ruiz tell the council?"]]
    [True, True]
    >>> [asks_what_said(q) for q in ["What did Hart say the fare would be?", "Who said it?"]]
    [False, False]
    """
    if not re.match(r"^\W*(?:and\s+|so\s+)?what\b", question, re.I):
        return False
    verb = SPEECH.search(question)
    if verb is None:
        return False
    tail = question[verb.end() :]
    if verb.group(0).lower() in ("tell", "told"):
        tail = TOLD_WHOM.sub("", tail, count=1)
    return SAID_TAIL.match(tail) is not None


RESPONSE_ASKED = re.compile(
    r"^\W*(?:and\s+|so\s+)?how\s+(?:did|does|do|has|have|had|will|would)\s+.+?\s+"
    r"(?:respond|react|reply|answer)(?:ed)?\b",
    re.I,
)


def asks_response(question: str) -> bool:
    """Whether a question asks how someone responded ("How did the union react?"): what
    they said or did in reply, as "What did X say in response?" asks.

    >>> [asks_response(q) for q in ["How did the union react?", "How has Acme responded to the fine?"]]
    [True, True]
    >>> [asks_response(q) for q in ["How did the dam fail?", "What did the union say?"]]
    [False, False]
    """
    return RESPONSE_ASKED.match(question) is not None


def states_as(name: str, text: str) -> bool:
    """Whether ``text`` is a statement ``name`` makes: the name in the few words before its
    first verb of saying, rejecting or replying ("Unite rejected the offer", "Mayor Hart
    said ..."), not a passive ("the offer to Unite was rejected").

    >>> states_as("Unite", "Unite rejected the offer on Monday."), states_as("Unite", "The offer to Unite was rejected.")
    (True, False)
    """
    verb = STATES.search(text)
    if verb is None:
        return False
    subject = text[: verb.start()]
    passive = re.search(r"\b(?:was|were|is|are|be|been|being)\s*$", subject, re.I)
    return not passive and len(subject.split()) <= STATES_SUBJECT_WORDS and _name_in(name, subject) is not None


def split_compound(question: str) -> tuple[str, str] | None:
    """A question in two parts joined by "and" before a second wh-word, as two questions.

    >>> split_compound("Who opened the dam, and when did it fail?")
    ('Who opened the dam?', 'when did it fail?')
    >>> split_compound("Who opened the dam?") is None
    True
    """
    found = COMPOUND.search(question)
    if found is None:
        return None
    first = question[: found.start()].rstrip(" ,;") + "?"
    second = question[found.start() :].lstrip(" ,")
    second = re.sub(r"^and\s+", "", second, flags=re.I).strip()
    return first, second if second.endswith("?") else second + "?"


def _name_in(name: str, text: str) -> tuple[int, int] | None:
    """Where ``text`` names a person: the full name, as written or in the capitals of a
    transcript's speaker label ("ANA KOVAC (Mayor): ..."), else the surname (its last
    word) as written; a label giving the surname alone ("KOVAC:") does not name them in
    full, so another sentence is looked for.

    >>> _name_in("Edi Rama", "Rama said no.")
    (0, 4)
    >>> _name_in("Ana Kovac", "ANA KOVAC (Mayor): We will.")
    (0, 9)
    >>> _name_in("Edi Rama", "He said no.") is None
    True
    """
    words = name.split()
    for form in (name, *([name.upper()] if len(words) > 1 else []), words[-1]):
        found = re.search(rf"\b{re.escape(form)}\b", text)
        if found:
            return found.span()
    return None


def _renumber(
    text: str, citations: list[Citation], short: ShortAnswer | None
) -> tuple[str, list[Citation], ShortAnswer | None]:
    """Markers renumbered 1..N in order of first appearance in ``text`` (a short answer
    that leads the text may cite the second item)."""
    order = markers(text)
    new = {old: i for i, old in enumerate(order, start=1)}
    if all(old == i for old, i in new.items()):
        return text, citations, short
    text = re.sub(r"\[(\d+)\]", lambda m: f"[{new[int(m.group(1))]}]", text)
    renumbered = sorted((replace(c, marker=new[c.marker]) for c in citations), key=lambda c: c.marker)
    if short is not None:
        short = replace(short, marker=new[short.marker])
    return text, renumbered, short


def _passages(candidates: list[Candidate], count: int) -> list[Candidate]:
    """The candidates of the best ``count`` passages: a list's lead-in and the items under it
    make one passage."""
    leads: set[str] = set()
    kept: list[Candidate] = []
    for c in candidates:
        if c.sentence.kind == "bullet" and c.sentence.lead_in in leads:
            kept.append(c)
            continue
        if len(leads) >= count:
            break
        leads.add(c.sentence.text)
        kept.append(c)
    return kept


def _lead(found: Candidate | None, candidates: list[Candidate], reasons: list[str], why: str) -> list[Candidate]:
    """``candidates`` with ``found`` first, the reason noted, when a step found one that is not first yet."""
    if found is None or found is candidates[0]:
        return candidates
    reasons.append(f"{found.sentence.sentence_id} {why}")
    return _first(found, candidates)


def _first(candidate: Candidate, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` with ``candidate`` moved to the front."""
    return [candidate, *(c for c in candidates if c is not candidate)]
