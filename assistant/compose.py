"""Compose an answer from retrieved sentences. The default composer is extractive.

A composer is anything with ``compose(question, hits) -> Answer``; a generative one
(an LLM) can replace the default without touching the other stages, and its answer goes
through the same verifier.

The extractive composer writes answers only from verbatim source sentences, so it can
state nothing the sources do not. Its algorithm:

1. Score each hit: cosine similarity of the sentence, of its best chunk, and the share
   of the question's content words that the sentence (with its lead-in and section)
   contains (``coverage``).
2. Decide whether the sources answer at all: the best sentence must be close enough in
   meaning and share enough words; a question that asks for a time, money or a count
   needs a sentence that holds one, a year it gives must be in the evidence, and two
   names it gives must be named together. Otherwise decline (``answered`` False) and
   show the closest sentences labelled as related, not as the answer.
3. Pick the smallest set: the best sentence, plus others nearly as good that cover
   question words it misses; a bullet brings its lead-in, a lead-in brings its list; a
   sentence that opens with a pronoun brings the sentence before it.
4. Polarity: a yes/no question about agreeing is answered "No:" when a nearly-best
   sentence states a refusal ("ruled out", "declined", "said no") by the question's own
   subject; a wh-question that presumes an agreement, or something still going on, gets
   its premise corrected when a sentence states a refusal or a stop ("stalled",
   "scrapped") about a name it uses. Nothing is said without such a cue.

Status (issue 8): this composer's cue lists (``STOPPED``, ``AGREEING``, ``ONGOING``,
``PRONOUN_START``) and its thresholds were written from the seed article and its eval set
before that set was split, so they are not general rules (its refusal cues are
``assistant.stance.REFUSAL``, shared). The routed
composer still sends single-document questions here because the article check half
depends on them: the calibrated pipeline alone scores 0.795 correctness there (threshold
0.94), and swapping these cue lists for ``assistant.stance``'s general ones drops the
article check to 0.923 correctness and 0.60 premise correction (measured with ``briefing
eval``, November 2026). Retire this module once the calibrated pipeline holds the
article check thresholds.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from assistant.context import CONTINUES, CONTRAST
from assistant.index import Snapshot
from assistant.lexical import covered_terms, stem, tokenize
from assistant.question import Question
from assistant.records import Answer, Behaviour, Citation, Hit, Sentence
from assistant.stance import REFUSAL, refuses

NOT_IN_SOURCES = "The sources do not say."
PREMISE_LEAD = "The sources say otherwise:"
INJECTION_NOTE = "(Instructions inside the question were ignored; this answer comes only from the sources.)"

# Evidence must clear these to count as an answer (support of the best sentence, cosine
# of MiniLM vectors); set from the article eval set and checked on the SQuAD sample.
MIN_SUPPORT = 0.62
STRONG_DENSE = 0.62
RELATED_MIN_DENSE = 0.315  # the closest passages shown with a decline must be this close
NEARLY_AS_GOOD = 0.85
STANCE_AS_GOOD = 0.8
TIED = 0.97
FOLLOW_UP_AS_GOOD = 0.6
DISTINCTIVE_IDF = math.log(10)  # a word in at most about a tenth of the sentences
PROXIMITY_WEIGHT = 0.35
MAX_SENTENCES = 3

# Stance cues. A refusal answers a question about agreeing ("Did Albania agree to host a
# hub?" -> "No: Albania ... has publicly ruled out participation"); a stop contradicts a
# question that presumes something is going on ("Since when has the plan been operating?"
# -> "A similar plan ... is currently stalled"). Nothing else is read as a yes or a no.
# The refusal cues are stance.REFUSAL, shared with the calibrated pipeline and claims.
STOPPED = re.compile(
    r"\b(?:cancel(?:l?ed|s)?|scrapp(?:ed)|stall(?:ed|s)|halt(?:ed|s)|block(?:ed|s)|suspend(?:ed|s)|"
    r"abandon(?:ed|s)|withdr(?:ew|awn)|no longer|exclu(?:ded|sion))\b",
    re.I,
)
AGREEING = re.compile(
    r"\b(?:agree[sd]?|agreeing|accept(?:ed|s|ing)?|sign(?:ed|s|ing)? up|host(?:ed|s|ing)?|join(?:ed|s|ing)?|"
    r"approv(?:e|ed|es|ing)|support(?:ed|s|ing)?|participat(?:e|ed|es|ing)|take part|took part|"
    r"endors(?:e|ed|es|ing)|welcom(?:e|ed|es|ing)|consent(?:ed|s)?|sa(?:y|id) yes|volunteer(?:ed|s)?)\b",
    re.I,
)
ONGOING = re.compile(
    r"\b(?:operating|running|working|going ahead|proceeding|continuing|succeeding|under way|"
    r"revive[sd]?|reviving|restor(?:e|ed|es|ing)|reinstat(?:e|ed|es|ing)|bring(?:s|ing)? back|brought back|"
    r"r(?:u|a)n(?:s)? the|pa(?:y|ys|id|ying) .{0,40}\bto run)\b",
    re.I,
)
ASKS_REFUSAL = re.compile(REFUSAL.pattern + "|" + STOPPED.pattern, re.I)
# Openings that refer back: pronouns, and "The aim"/"The plan"-style nouns that name
# something the sentence before introduced.
PRONOUN_START = re.compile(
    r"^(?:he|she|it|they|this|that|these|those|his|her|its|their|such|"
    r"the\s+(?:aim|goal|purpose|idea|plan|move|decision|proposal|policy|measure|scheme|deal|agreement|"
    r"programme|program|project|initiative|reason|result|outcome|problem|change|law|bill|report)\b)",
    re.I,
)
TIME = re.compile(
    r"\b(?:1[0-9]\d\d|20\d\d|\d{1,2}(?:st|nd|rd|th)|\d+[- ](?:day|week|month|year)s?|january|february|march|april|"
    r"june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|yesterday|today|tomorrow|(?:last|next|past|this|coming|previous)\s+(?:\w+\s+)?"
    r"(?:day|week|month|year|decade)s?|decades?|centur(?:y|ies)|\d+(?:st|nd|rd|th)\s+century|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+(?:day|week|month|year)s?|"
    r"spring|summer|autumn|winter|(?:\w+ )?ago)\b",
    re.I,
)
AMOUNT = re.compile(
    r"(?:[£$€]\s?\d|\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|half|"
    r"double|doubling|twice)\b)",
    re.I,
)
COUNT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundreds?|thousands?|millions?|billions?|dozens?|several|many|few|multiple|numerous|a number of|handful)\b",
    re.I,
)
MONEY = re.compile(
    r"[£$€]\s?\d|\d[\d,.]*\s?(?:pounds|dollars|euros|bn|m)\b|\b(?:million|billion|thousand) (?:pounds|dollars|euros)",
    re.I,
)
MONEY_QUESTION = re.compile(
    r"\b(?:cost|costs|price|budget|spend|spent|spending|invest|investment|pay|paid|paying|fund|funding|worth|money)\b",
    re.I,
)
YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
# "What is the capital of Albania?": an attribute (lower case) of a name (capitalised).
ATTRIBUTE_QUESTION = re.compile(
    r"^\s*(?:[Ww]hat|[Ww]hich|[Ww]ho)\s+(?:is|are|was|were)\s+(?:the\s+)?([a-z]+)\s+(?:of|in|for)\s+(?:the\s+)?[A-Z]"
)
ENTITY = re.compile(r"\b[A-Z][a-zA-Z’'-]*[a-z][a-zA-Z’'-]*|\b[A-Z]{2,}\b")
NAME = re.compile(r"(?:\b(?:[A-Z][\w’'-]*|of|the|and)\s+)*\b[A-Z][\w’'-]*")
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
        share = 1.0 if PRONOUN_START.match(hit.sentence.text) else 0.5
        covered = own | borrowed
        coverage = (sum(weight[t] for t in own) + share * sum(weight[t] for t in borrowed)) / total if total else 0.0
        # A sentence that leans on the one before has an embedding without its referent;
        # the similarity of its chunk (which holds the referent) stands in for it.
        dense = max(hit.dense, hit.context) if share == 1.0 else hit.dense
        base = dense + 0.25 * hit.context + 0.35 * coverage
        support = base + PROXIMITY_WEIGHT * proximity(question.terms, hit.sentence, idf)
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
        return bool(TIME.search(text))
    untimed = TIME.sub(" ", text)
    if answer_type == "amount":
        if MONEY_QUESTION.search(question):
            return bool(MONEY.search(untimed))
        return bool(AMOUNT.search(untimed))
    if answer_type == "count":
        return bool(COUNT.search(re.sub(r"\d[\d,.]*\s?(?:%|per\s?cent|percent)", " ", untimed)))
    return True  # "who" and "where" can be answered by common nouns ("failed asylum seekers")


def _entities(text: str) -> set[str]:
    words = ENTITY.findall(text)
    if words and text.startswith(words[0]):
        words = words[1:]  # the question's first word is capitalised anyway
    return {p for w in words for p in re.split(r"[-’']", w.lower()) if len(p) > 1}


def _bigrams(tokens: list[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(tokens))


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


def _subject(question: str) -> set[str] | None:
    """The first named thing after a question's opening words ("Did Albania agree" -> {"albania"})."""
    words = ENTITY.findall(question)
    if words and question.startswith(words[0]):
        words = words[1:]
    return {p for p in re.split(r"[-’']", words[0].lower()) if len(p) > 1} if words else None


def names_in(question: str) -> list[set[str]]:
    """The names a question uses, each as the set of its words' stems.

    >>> [sorted(n) for n in names_in("What did Rama say about North Macedonia joining the task force?")]
    [['rama'], ['macedonia', 'north']]
    """
    names = []
    for match in NAME.finditer(question):
        words = [
            w for w in re.findall(r"[\w’'-]+", match.group(0)) if w.lower() not in QUESTION_WORDS and w[:1].isupper()
        ]
        words = [w.lower().removesuffix("’s").removesuffix("'s") for w in words]
        if words:
            names.append({stem(w) for w in words} | set(words))
    return names


class ExtractiveComposer:
    """Answers made of verbatim source sentences (the default; needs no language model)."""

    def __init__(self, snapshot: Snapshot, idf: Callable[[str], float] | None = None) -> None:
        self.snapshot = snapshot
        self.idf = idf
        # Names the corpus never uses (an alias, a misspelling) cannot be required of evidence.
        self.vocabulary: set[str] = set()
        for sentence in snapshot.sentences.values():
            self.vocabulary.update(w.lower() for w in re.findall(r"[\w’'-]+", sentence.text))
        self.vocabulary_stems = {stem(w) for w in self.vocabulary} | self.vocabulary

    def _before(self, sentence: Sentence) -> Sentence | None:
        doc = self.snapshot.by_doc.get(sentence.doc_id, [])
        at = sentence.ordinal
        if 0 < at < len(doc) and doc[at - 1].paragraph == sentence.paragraph:
            return doc[at - 1]
        return None

    def compose(self, question: Question, hits: list[Hit]) -> Answer:
        if question.wants_more and question.previous_answer:
            # "What else ...?": what the previous answer quoted is not news.
            said = question.previous_answer
            hits = [h for h in hits if h.sentence.text not in said] or hits
        scored = score_hits(question, hits, self._before, self.idf)
        if not scored:
            return self._decline(question, [])
        distinctive = {t for t in question.terms if self.idf and self.idf(t) >= DISTINCTIVE_IDF}
        if question.context_terms and distinctive:
            # A follow-up's own distinctive words say what is new ("... about the gangs?"):
            # a sentence without them only repeats the previous turn's subject.
            fresh = [s for s in scored if distinctive & set(tokenize(s.sentence.text))]
            if fresh and fresh[0].support >= FOLLOW_UP_AS_GOOD * scored[0].support:
                scored = fresh + [s for s in scored if s not in fresh]
        best = scored[0]
        # Relevant: close in meaning, or enough support, or every word of a question of
        # two or more words in one sentence ("Who is Edi Rama?").
        relevant = (
            best.hit.dense >= STRONG_DENSE
            or max(s.base for s in scored[:3]) >= MIN_SUPPORT
            or (len(question.terms) >= 2 and any(s.coverage >= 0.999 for s in scored[:3]))
        )
        if not relevant:
            return self._decline(question, scored)
        # "What is the capital of Albania?" asks for an attribute; if the corpus never uses
        # the attribute's word, no sentence about Albania answers it.
        attribute = ATTRIBUTE_QUESTION.match(question.focus)
        if attribute and not covered_terms({stem(attribute.group(1).lower())}, self.vocabulary_stems):
            return self._decline(question, scored)
        # Every name the question uses must be in the evidence: a question about what
        # Rama said of North Macedonia is not answered by a sentence that names only one.
        names = [n for n in names_in(question.focus) if covered_terms(n, self.vocabulary)]
        if len(names) >= 2:
            named = [
                s
                for s in scored[:5]
                if s.support >= NEARLY_AS_GOOD * best.support and self._names_all(s.sentence, names)
            ]
            if not named:
                return self._decline(question, scored)
            if named[0] is not best:
                best = named[0]
                scored = [best] + [s for s in scored if s is not best]
        # A year the question gives must be in the evidence: the 2025 figure does not
        # answer a question about 2024. (Other figures are not checked: quoting the £1
        # million bullet is the right answer to a question about "£10 million".)
        years = set(YEAR.findall(question.focus))
        if years:
            numbered = [
                s
                for s in scored[:5]
                if s.support >= NEARLY_AS_GOOD * best.support and years <= set(YEAR.findall(s.sentence.text))
            ]
            if not numbered:
                return self._decline(question, scored)
            if numbered[0] is not best:
                best = numbered[0]
                scored = [best] + [s for s in scored if s is not best]
        entities = _entities(question.focus)
        # A yes/no answer must be about the question's subject; a presumption may be
        # contradicted about any of the names the question uses.
        subject = _subject(question.focus) if question.yes_no else None
        if question.yes_no and subject is None and question.context_text:
            # "Did his country agree?": the names of the previous question stand in.
            subject = _entities(question.context_text) or None
        asks_refusal = ASKS_REFUSAL.search(question.focus) is not None
        negated_question = re.search(r"\b(?:not|n't|never)\b", question.focus.replace("’", "'"), re.I) is not None
        # Which stance could answer this question: a refusal answers "did X agree ...?";
        # a refusal or a stop contradicts "why did X agree ...?" / "since when is X running?".
        cues: re.Pattern[str] | None = None
        if not asks_refusal and not negated_question:
            if (question.yes_no and subject and AGREEING.search(question.focus)) or (
                not question.yes_no and AGREEING.search(question.focus)
            ):
                cues = REFUSAL
            elif not question.yes_no and ONGOING.search(question.focus):
                cues = STOPPED
        stance = None
        if cues is not None:
            actors = subject if question.yes_no and subject else entities
            stance = next(
                (
                    s
                    for s in scored[:5]
                    if s.support >= STANCE_AS_GOOD * best.support
                    and refuses(s.sentence.text, set(question.terms), actors, cues)
                ),
                None,
            )
        polar = stance is not None
        if stance is not None:
            best = stance
            scored = [best] + [s for s in scored if s is not best]
            if not question.yes_no:
                return self._answer(question, [best.sentence], PREMISE_LEAD, "correct_premise")

        if question.answer_type and not (question.yes_no or polar):
            typed = [
                s
                for s in scored[:3]
                if s.support >= NEARLY_AS_GOOD * best.support
                and s.coverage >= best.coverage
                and holds_answer_type(question.answer_type, s.sentence, question.focus)
            ]
            if not typed:
                return self._decline(question, scored)
            best = typed[0]
            scored = [best] + [s for s in scored if s is not best]

        chosen = self._with_context([best.sentence]) if polar else self._select(scored)
        if CONTRAST.search(question.focus):
            chosen = self._with_contrast(chosen)
        return self._answer(question, chosen, "No:" if polar else None, "answer")

    def _names_all(self, sentence: Sentence, names: list[set[str]]) -> bool:
        """Whether each name (any of its words) appears in the sentence or its context."""
        doc = self.snapshot.documents.get(sentence.doc_id)
        context = " ".join(filter(None, [sentence.lead_in, sentence.text, doc.title if doc else None]))
        words = set(tokenize(context)) | {w.lower() for w in re.findall(r"[\w’'-]+", context)}
        return all(covered_terms(name, words) for name in names)

    # -- selection ------------------------------------------------------------------------
    def _select(self, scored: list[Scored]) -> list[Sentence]:
        best = scored[0]
        chosen = [best.sentence]
        covered = set(best.covered)
        for other in scored[1:]:
            if len(chosen) >= MAX_SENTENCES or other.support < NEARLY_AS_GOOD * best.support:
                break
            # A sentence joins when it covers question words the others miss, or when it
            # is as good as the best (then the sources are split and both are shown).
            if other.covered - covered or other.support >= TIED * best.support:
                chosen.append(other.sentence)
                covered |= other.covered
        return self._with_context(chosen)

    def _neighbours(self, sentence: Sentence) -> list[Sentence]:
        """The sentences of the same document, in order."""
        return self.snapshot.by_doc.get(sentence.doc_id, [])

    def _with_context(self, chosen: list[Sentence]) -> list[Sentence]:
        """Add what each sentence needs to be read alone; the best sentence stays first,
        the others follow in document order, each after its own context."""
        primary, rest = chosen[0], sorted(chosen[1:], key=lambda s: (s.doc_id, s.ordinal))
        chosen = [primary, *rest]
        out: dict[str, Sentence] = {}
        for sentence in chosen:
            doc = self._neighbours(sentence)
            at = sentence.ordinal
            if sentence.kind == "bullet" and sentence.lead_in:
                lead = next((s for s in reversed(doc[:at]) if s.kind != "bullet"), None)
                if lead is not None and lead.text == sentence.lead_in and lead.citable:
                    out.setdefault(lead.sentence_id, lead)
            elif at + 1 < len(doc) and doc[at + 1].lead_in == sentence.text:
                out.setdefault(sentence.sentence_id, sentence)
                for item in doc[at + 1 :]:
                    if item.kind != "bullet" or item.lead_in != sentence.text or not item.citable:
                        break
                    out.setdefault(item.sentence_id, item)
            elif PRONOUN_START.match(sentence.text) and at > 0:
                before = doc[at - 1]
                if before.citable and before.kind == "sentence" and before.paragraph == sentence.paragraph:
                    out.setdefault(before.sentence_id, before)
            out.setdefault(sentence.sentence_id, sentence)
        return list(out.values())

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
    def _answer(self, question: Question, sentences: list[Sentence], lead: str | None, behaviour: Behaviour) -> Answer:
        text, citations = self._write(sentences, related=False)
        parts = [INJECTION_NOTE] if question.injected else []
        parts += [lead, text] if lead else [text]
        return Answer(
            question=question.text, text=" ".join(parts), answered=True, citations=citations, behaviour=behaviour
        )

    def _decline(self, question: Question, scored: list[Scored]) -> Answer:
        related = [s.sentence for s in scored[:2] if s.hit.dense >= RELATED_MIN_DENSE]
        parts = [INJECTION_NOTE] if question.injected else []
        parts.append(NOT_IN_SOURCES)
        citations: list[Citation] = []
        if related:
            text, citations = self._write(sorted(related, key=lambda s: (s.doc_id, s.ordinal)), related=True)
            parts += ["Related passages, which do not answer the question:", text]
        return Answer(
            question=question.text, text=" ".join(parts), answered=False, citations=citations, behaviour="decline"
        )

    def _write(self, sentences: list[Sentence], related: bool) -> tuple[str, list[Citation]]:
        pieces: list[str] = []
        citations: list[Citation] = []
        for marker, s in enumerate(sentences, start=1):
            citations.append(Citation.of(marker, s, self.snapshot.documents[s.doc_id], related))
            piece = f"{s.text} [{marker}]"
            pieces.append(f"\n• {piece}" if s.kind == "bullet" else piece)
        return " ".join(pieces).replace(" \n", "\n"), citations
