"""Answers over several documents: naming sources, merging repeated statements, finding disagreement.

- ``source_name``: what an answer or a briefing calls a document (its outlet, else its
  title, else its file name).
- ``same_statement``: two sentences from different documents that say the same thing
  (the same content words, mostly, and the same figures), cited as one item.
- ``disagreement``: the figures by which documents give one measure different values
  (``assistant.figures``, shared with briefings).
- ``is_correction``, ``retracts``, ``superseded``, ``corrections_in``: a later correction and
  the earlier statements it says were wrong (``corrects``: only in the documents it is about,
  ``corrected_documents``: the outlet it names or its own, published on the day it names); ``settled``: the figures that may be one side
  of a disagreement (never a value a correction says was wrong).
- ``asks_gist``, ``lead_of``: a question asking what a named source says in general is
  answered by its lead (a correction's corrected statement), not by a line that names it.
- ``named_documents``: the documents a question names by their kind ("What does the press
  release say ...?"), or by outlet or author when it names them as a source
  (``named_as_source``: "according to the Herald", not "Why did NASA decide ...?").

Not handled: paraphrases that share few words ("rejected" against "turned down").
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import PurePosixPath

from assistant.evidence import COMMON_OPENERS, amount_spans, date_spans, kind_spans
from assistant.figures import (
    Disagreement,
    Figure,
    clause_of,
    comparable,
    disagreements,
    money_measure,
    names_other_things,
    raw_figures,
    same_measure,
    sentence_figures,
)
from assistant.lexical import covered_terms, tokenize
from assistant.question import SOURCE_WORDS
from assistant.records import Document, Sentence

SAME_STATEMENT = 0.5  # share of content words two sentences must have in common (Jaccard)


def source_name(document: Document) -> str:
    """How answers and briefings name a document: its outlet, else its title, else its file name.

    A document loaded without a title already has one (``corpus.title_from_text``: its
    first line when that reads as a headline, else its file name).

    >>> from assistant.records import Document
    >>> source_name(Document("a/flood-report.txt", "x", "", "h"))
    'flood-report.txt'
    >>> source_name(Document("b.txt", "x", " Rivers burst their banks ", "h", outlet=" "))
    'Rivers burst their banks'
    """
    return (document.outlet or "").strip() or document.title.strip() or PurePosixPath(document.doc_id).name


def same_statement(a: Sentence, b: Sentence) -> bool:
    """Whether two sentences of different documents say the same thing: most content
    words shared and the same figures.

    >>> from assistant.records import Sentence
    >>> s = lambda d, t: Sentence(f"{d}#s0", d, 0, 0, len(t), t)
    >>> same_statement(s("a", "The council approved the new stadium on Monday."),
    ...                s("b", "On Monday the council approved the new stadium."))
    True
    >>> same_statement(s("a", "Prices rose 4% in March."), s("b", "Prices rose 5% in March."))
    False
    """
    if a.doc_id == b.doc_id:
        return False
    x, y = set(tokenize(a.text)), set(tokenize(b.text))
    if not x or not y:
        return False
    if {f[3] for f in raw_figures(a.text)} != {f[3] for f in raw_figures(b.text)}:
        return False
    return len(x & y) / len(x | y) >= SAME_STATEMENT


SOURCE_VERBS = (
    r"(?:report|reports|reported|write|writes|wrote|written|publish|publishes|published|print|printed|"
    r"announce|announces|announced)"
)


def named_as_source(question: str, label: str) -> bool:
    """Whether ``question`` names ``label`` (an outlet or author) as a source it asks
    about ("NASA's own announcement", "according to Orbit Daily", "what did the Herald
    report"), not as the subject of its story ("Why did NASA decide ...?").

    >>> [named_as_source(q, "NASA") for q in ["What did NASA's statement say?", "Why did NASA wait?"]]
    [True, False]
    >>> named_as_source("According to the Gulf Coast Herald, who paid?", "Gulf Coast Herald")
    True
    """
    q = " ".join(question.lower().split())
    name = re.escape(label.lower().strip())
    return bool(
        re.search(rf"\baccording\s+to\s+(?:the\s+)?{name}\b", q)
        or re.search(rf"\b{name}(?:['’]s)?\s+(?:\w+\s+){{0,2}}{SOURCE_WORDS}\b", q)
        or re.search(rf"\b{name}\s+(?:\w+\s+)?{SOURCE_VERBS}\b", q)
        or re.search(rf"\b(?:in|by|from)\s+(?:the\s+)?{name}(?:['’]s)?\s*(?:[,?]|$)", q)
    )


def named_documents(question: str, documents: Mapping[str, Document]) -> set[str]:
    """Ids of the documents a question names: by kind ("What does the press release say
    ...?"), or by outlet, publisher or author when it names them as a source
    (``named_as_source``); a company's own statement is not the only place a question
    naming the company is answered.

    >>> from assistant.records import Document
    >>> docs = {"a": Document("a", "x", "t", "h", kind="press release", outlet="Acme"), "b": Document("b", "x", "t", "h")}
    >>> named_documents("What does the press release say about rents?", docs)
    {'a'}
    >>> named_documents("Why did Acme close the plant?", docs)
    set()
    """
    lowered = " ".join(question.lower().split())
    found = set()
    for doc_id, doc in documents.items():
        kind = doc.kind if doc.kind != "document" else None
        if isinstance(kind, str) and len(kind) > 2 and re.search(rf"\b{re.escape(kind.lower())}\b", lowered):
            found.add(doc_id)
        for key in ("outlet", "publisher", "author"):
            label = getattr(doc, key, None)
            if isinstance(label, str) and len(label.strip()) > 2 and named_as_source(question, label):
                found.add(doc_id)
    return found


# A finding's stage: the final one, or one that comes before it ("the preliminary report", "interim findings").
FINDING_NOUNS = (
    r"(?:reports?|findings?|conclusions?|assessments?|reviews?|inquiry|investigation|analys[ie]s|results?|"
    r"estimates?|figures?|count|toll|tally|verdict|ruling|account|note)"
)
STAGES = (
    ("final", re.compile(rf"\b(?:final|full|definitive|concluding)\s+(?:\w+\s+)?{FINDING_NOUNS}\b", re.I)),
    (
        "preliminary",
        re.compile(
            rf"\b(?:preliminary|interim|initial|provisional|first|early|draft|earlier)\s+(?:\w+\s+)?{FINDING_NOUNS}\b",
            re.I,
        ),
    ),
)


def stages_named(text: str) -> set[str]:
    """The stages of a finding a text names: "final" ("the final report", "its full
    findings") and "preliminary" ("the interim report", "initial estimates").

    >>> sorted(stages_named("What did the final report conclude?")), sorted(stages_named("The interim review found rust."))
    (['final'], ['preliminary'])
    >>> sorted(stages_named("The final report overturned the preliminary findings.")), stages_named("The report said so.")
    (['final', 'preliminary'], set())
    """
    return {stage for stage, pattern in STAGES if pattern.search(text)}


def stage_of(sentence: str, document: Document | None) -> str:
    """The stage of the finding a sentence reports: the one stage it names and its
    document's title or kind names no other ("Final report on the tram crash"), else the
    one its document names; "" when they disagree (a final report recalling "the brake
    found in the preliminary inquiry") or name none.

    >>> from assistant.records import Document
    >>> final = Document("f", "x", "Final report on the tram crash", "h")
    >>> stage_of("It found a worn cable.", final), stage_of("The preliminary report found a hot brake.", final)
    ('final', '')
    >>> stage_of("The interim review found rust.", None), stage_of("It found a worn cable.", None)
    ('preliminary', '')
    """
    named = stages_named(sentence)
    own = stages_named(f"{document.title} {document.kind or ''}") if document is not None else set()
    if len(named) > 1 or len(own) > 1 or (named and own and named != own):
        return ""
    return next(iter(named or own), "")


# What a question asking what a source says in general may hold besides the source's name.
REPORTING = frozenset(
    tokenize("report write wrote written publish published state stated statement article story document source")
)


def asks_gist(terms: Iterable[str], documents: Iterable[Document]) -> bool:
    """Whether a question naming ``documents`` asks what they say in general ("What did the
    Herald report?", "What does the correction say?"): its ``terms`` are only words of the
    documents' outlet (or publisher), author or kind and words of reporting.

    >>> from assistant.records import Document
    >>> herald = Document("h", "x", "t", "h", kind="news report", outlet="Valley Herald")
    >>> asks_gist(["valley", "herald", "report"], [herald]), asks_gist(["herald", "flood"], [herald])
    (True, False)
    """
    naming: set[str] = set(REPORTING)
    for document in documents:
        for label in (document.outlet, document.author, document.kind):
            naming.update(tokenize(label or ""))
    return not set(terms) - naming


def lead_of(
    document: Document, sentences: Sequence[Sentence], fixes: Iterable[tuple[Sentence, Sentence]]
) -> Sentence | None:
    """What a document says first and foremost: a correction's corrected statement, else its
    first sentence of body text (a headline or a line that only names the source, such as
    "The Herald regrets the error.", is not what it reports)."""
    own = {s.sentence_id for s in sentences}
    fixed = next((fix for _, fix in fixes if fix.sentence_id in own), None)
    if fixed is not None:
        return fixed
    return next((s for s in sentences if s.citable and s.kind == "sentence" and s.text != document.title), None)


def asked_measure(terms: Iterable[str]) -> Callable[[Figure, Figure], bool]:
    """Two figures measure what the question asks about: ``figures.same_measure``, or
    ``figures.comparable`` (same kind, unit and year, within a factor of two; percentages
    within 25 points) sharing a word of what they measure that the question also uses ("over 12,500 migrants ... in small boats" and "more than
    12,000 people ... in small boats", asked "How many people crossed in small boats?").

    >>> f = lambda v, m: Figure("d", "d#s0", 0, 1, "", "count", v, measure=m)
    >>> related = asked_measure(["cross", "small", "boat"])
    >>> related(f(12500, ("migrant", "small", "boat")), f(12000, ("people", "cross", "small")))
    True
    >>> related(f(12500, ("migrant", "small", "boat")), f(40, ("people", "cross", "small")))
    False
    >>> g = lambda v, n: Figure("d", "d#s0", 0, 1, "", "count", v, measure=("thiev", "fled", *n), noun=n)
    >>> asked_measure(["thiev"])(g(2, ("accomplic",)), g(3, ("piec",)))
    False
    """
    asked = set(terms)

    def related(a: Figure, b: Figure) -> bool:
        if names_other_things(a, b):
            return False  # "two accomplices" and "three pieces" are no two values of one count
        if same_measure(a, b) or revised_estimate(a, b, asked):
            return True
        return comparable(a, b) and bool(set(a.measure) & set(b.measure) & asked)

    return related


def disagreement(
    figures: Iterable[Figure], kinds: Iterable[str], terms: Iterable[str] = (), including: Iterable[Figure] = ()
) -> Disagreement | None:
    """The measure that two documents give different values, among figures of ``kinds``
    (linked by ``asked_measure(terms)``), holding one of the figures ``including`` when
    given; of several, the one whose every value's figures state most of the question's
    ``terms`` (``asked_cover``).

    >>> from assistant.figures import sentence_figures
    >>> from assistant.records import Sentence
    >>> s = lambda d, t: Sentence(f"{d}#s0", d, 0, 0, len(t), t)
    >>> found = sentence_figures(s("a", "About 3,000 homes lost power.")) + sentence_figures(
    ...     s("b", "Some 4,500 homes lost power."))
    >>> [g.value for g in disagreement(found, ["count"], ["home", "power"]).values]
    [3000.0, 4500.0]
    """
    wanted = set(kinds)
    asked = set(terms)
    found = disagreements(
        [f for f in figures if f.kind in wanted], related=asked_measure(asked), ratio=MAX_REVISED_RATIO
    )
    return max(_holding(found, including), key=lambda d: asked_cover(d, asked), default=None)


def _holding(found: list[Disagreement], figures: Iterable[Figure]) -> list[Disagreement]:
    """The disagreements that hold one of ``figures`` (all of them when none are given)."""
    ids = {(f.sentence_id, f.start) for f in figures}
    if not ids:
        return found
    return [d for d in found if any((f.sentence_id, f.start) in ids for g in d.values for f in g.figures)]


def asked_figures(figures: Iterable[Figure], kinds: Iterable[str], terms: Iterable[str]) -> list[Figure]:
    """The figures of ``kinds`` whose measure states most of a question's ``terms``: what a
    sentence gives for the figure asked ("$2.6 billion for SpaceX" of a sentence that also
    gives Boeing's $4.2 billion, asked what SpaceX received).

    >>> f = lambda v, m: Figure("d", "d#s0", int(v), 1, "", "money", v, "USD", measure=m)
    >>> [g.value for g in asked_figures([f(4.2, ("boe", "award")), f(2.6, ("spacex", "develop"))], ["money"], ["spacex"])]
    [2.6]
    """
    wanted, asked = set(kinds), set(terms)
    of_kind = [f for f in figures if f.kind in wanted]
    best = max((len(covered_terms(asked, set(f.measure))) for f in of_kind), default=0)
    return [f for f in of_kind if len(covered_terms(asked, set(f.measure))) == best]


def disagrees_with(
    best: Iterable[Figure], others: Iterable[Figure], kinds: Iterable[str], terms: Iterable[str] = ()
) -> Disagreement | None:
    """A measure a figure of ``best`` (the best answer's, the one asked: ``asked_figures``)
    gives that a figure of ``others`` from another document gives a different value, linked by the words test alone
    (``figures.same_measure``), since the other may word it unlike the question; of
    several, the one that states most of the question's ``terms`` (``asked_cover``).
    None unless one figure of ``best`` states more of the terms than the others.

    >>> from assistant.figures import sentence_figures
    >>> from assistant.records import Sentence
    >>> s = lambda d, t: sentence_figures(Sentence(f"{d}#s0", d, 0, 0, len(t), t))
    >>> found = disagrees_with(s("a", "The pilots spent 186 days in space."),
    ...                        s("b", "They spent 187 days in orbit."), ["count", "duration"], ["day", "space"])
    >>> [g.figures[0].text for g in found.values]
    ['186 days', '187 days']
    """
    wanted = set(kinds)
    mine = asked_figures(best, wanted, terms)
    if len(mine) != 1:
        return None  # words alone link the figures: which one is asked must be plain
    own_docs = {f.doc_id for f in mine}
    theirs = [f for f in others if f.kind in wanted and f.doc_id not in own_docs]
    ids = {id(f) for f in mine}
    asked = set(money_measure(terms))
    found = [
        d
        for d in disagreements(
            mine + theirs,
            related=lambda a, b: distinct_measure(a, b) or costs_asked(a, b, asked) or revised_estimate(a, b, asked),
            ratio=MAX_REVISED_RATIO,
        )
        if any(id(f) in ids for g in d.values for f in g.figures)
    ]
    return max(found, key=lambda d: asked_cover(d, set(terms)), default=None)


def costs_asked(a: Figure, b: Figure, asked: Collection[str]) -> bool:
    """Whether two sums of money both give the cost a question asks about ("How much did the
    outage cost the airline?"): comparable (``figures.comparable``), and each the cost of
    something (``figures.COST_WORDS``: "cost it $500 million", "puts its losses at $550
    million"), the question asking for a cost too.

    >>> f = lambda v, m: Figure("d", "d#s0", 0, 1, "", "money", v, "USD", measure=m)
    >>> costs_asked(f(5e8, ("outage", "cost")), f(5.5e8, ("airline", "cost")), {"outage", "cost"})
    True
    >>> costs_asked(f(5e8, ("outage", "cost")), f(5.5e8, ("airline", "revenue")), {"outage", "cost"})
    False
    """
    return "cost" in asked and comparable(a, b) and "cost" in a.measure and "cost" in b.measure


# A sum that is an estimate, or has been revised ("first estimated at", "now expects", "revised up"):
# a later report may put the same measure at several times the earlier sum.
ESTIMATE_WORDS = frozenset(
    tokenize(
        "estimate estimated estimates expect expects expected revised revision initially originally first "
        "forecast forecasts projected budget budgeted"
    )
)
MAX_REVISED_RATIO = 5.0  # how far apart an estimate and its revision may be


def revised_estimate(a: Figure, b: Figure, asked: Collection[str]) -> bool:
    """Whether two sums of money are an estimate and its revision of what a question asks
    about: the same currency and year, within a factor of ``MAX_REVISED_RATIO``, sharing two
    words of what they measure (one the question's), one of them worded as an estimate
    (``ESTIMATE_WORDS``: "first estimated at €2 million", "now expects ... to cost €5.5 million").

    >>> f = lambda d, v, m: Figure(d, d + "#s0", 0, 1, "", "money", v, "EUR", measure=m)
    >>> first, later = f("a", 2e6, ("repair", "dam", "first", "estimat")), f("b", 5.5e6, ("dam", "repair", "cost"))
    >>> revised_estimate(first, later, {"dam"}), revised_estimate(f("a", 2e6, ("repair", "dam")), later, {"dam"})
    (True, False)
    >>> revised_estimate(first, f("b", 5.5e6, ("bridge", "repair", "cost")), {"dam"})
    False
    """
    if a.kind != "money" or b.kind != "money" or a.unit != b.unit or a.doc_id == b.doc_id:
        return False
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    if min(a.value, b.value) <= 0 or max(a.value, b.value) / min(a.value, b.value) > MAX_REVISED_RATIO:
        return False
    shared = set(a.measure) & set(b.measure)
    worded = ESTIMATE_WORDS & (set(a.measure) | set(b.measure))
    return len(shared) >= 2 and bool(shared & set(asked)) and bool(worded)


def distinct_measure(a: Figure, b: Figure) -> bool:
    """``figures.same_measure``, unless two counts name different things right after their
    numbers (``figures.names_other_things``: "four accomplices", "eight pieces")."""
    return same_measure(a, b) and not names_other_things(a, b)


def asked_cover(found: Disagreement, asked: set[str]) -> tuple[int, int]:
    """How well a disagreement's figures state what a question asks: the fewest of its
    words any one value's measure holds, then how many in all (ties keep the first found).

    >>> f = lambda v, m: Figure("d", "d#s0", 0, 1, "", "duration", v, "day", measure=m)
    >>> from assistant.figures import FigureGroup
    >>> planned = Disagreement((FigureGroup((f(8, ("day", "trial", "plann")),)), FigureGroup((f(10, ("day", "trial")),))), ())
    >>> spent = Disagreement((FigureGroup((f(90, ("day", "spent")),)), FigureGroup((f(91, ("day", "trial", "spent")),))), ())
    >>> asked_cover(planned, {"trial", "plann"}), asked_cover(spent, {"trial", "plann"})
    ((1, 3), (0, 1))
    """
    per_value = [len(asked & {w for f in g.figures for w in f.measure}) for g in found.values]
    return min(per_value), sum(per_value)


CORRECTION_DOCUMENT = re.compile(r"\b(?:correction|corrections|clarification|erratum|corrigendum)\b", re.I)
RETRACTED = re.compile(
    r"\b(?:report|article|story|piece|version|headline|bulletin|statement)\b.{0,200}?"
    r"\b(?:said|stated|reported|wrote|gave|claimed|misstated|wrongly|incorrectly)\b",
    re.I,
)


def is_correction(document: Document) -> bool:
    """Whether a document corrects an earlier one (its kind or title says so).

    >>> from assistant.records import Document
    >>> is_correction(Document("c.txt", "x", "Correction: the bridge's age", "h"))
    True
    >>> is_correction(Document("r.txt", "x", "Bridge reopens", "h", kind="news report"))
    False
    """
    return bool(CORRECTION_DOCUMENT.search(f"{document.kind} {document.title}"))


# A report's own correction, appended to it: a "Correction:" label, or an account of what an
# earlier version of the report said ("An earlier version of this article said ...", "This story
# originally reported ...").
CORRECTION_LABEL = re.compile(
    r"^\W*(?:correction|clarification|corrigendum|erratum|editor[’']s\s+note)s?\b[^:.]{0,40}[:.\-–—]", re.I
)
EARLIER_VERSION = re.compile(
    r"\b(?:earlier|previous|original|prior|first)\s+(?:version|edition|draft)\s+of\s+(?:this|our|the|that)\b"
    r"|\b(?:this|our|the)\s+(?:report|article|story|piece)\s+(?:originally|previously|initially|first|earlier)\s+"
    r"(?:said|stated|reported|gave|misstated)\b",
    re.I,
)


def amends(text: str) -> bool:
    """Whether a sentence of a report opens a correction of that report: it reports what an
    earlier version said (``retracts``) under a "Correction:" label or in so many words.

    >>> amends("Correction: An earlier version of this article said the mill employs 240 people.")
    True
    >>> amends("The council's report said the mill employs 240 people.")
    False
    """
    return retracts(text) and (CORRECTION_LABEL.search(text) is not None or EARLIER_VERSION.search(text) is not None)


def _figure_texts(text: str) -> set[str]:
    """The dates, times and amounts of ``text`` as written, lower-cased."""
    return {text[a:b].lower() for a, b in date_spans(text) + amount_spans(text)}


def retracts(text: str) -> bool:
    """Whether a sentence of a correction reports what an earlier report said (the error).

    >>> retracts("Our report of 3 May said the dam was built in 1961.")
    True
    >>> retracts("The dam was built in 1916.")
    False
    """
    return RETRACTED.search(text) is not None


def superseded(sentence: Sentence, retraction: Sentence) -> bool:
    """Whether ``sentence`` (of another document) states what ``retraction`` says was wrong:
    a figure or date of the retraction and two of its content words.

    >>> from assistant.records import Sentence
    >>> s = lambda d, t: Sentence(f"{d}#s0", d, 0, 0, len(t), t)
    >>> superseded(s("a", "The Holm dam, built in 1961, burst."), s("c", "Our report said the dam was built in 1961."))
    True
    >>> superseded(s("a", "The Holm dam burst in 2024."), s("c", "Our report said the dam was built in 1961."))
    False
    """
    if sentence.doc_id == retraction.doc_id:
        return False
    account = without_report_dates(without_titles(retraction.text))
    if not _figure_texts(account) & _figure_texts(sentence.text):
        return False
    return len(set(tokenize(sentence.text)) & set(tokenize(account))) >= 2


# A quoted title naming a report: set off by commas ('A report published on 26 March, "Bridge
# falls", said ...') or after "headlined"/"titled" ('our story headlined "Bridge falls" said ...').
QUOTED_TITLE = re.compile(
    r"(?:,\s*(?P<a>[“\"][^”\"]+[”\"])\s*(?=,))|(?:\b(?:headlined|titled|entitled|under\s+the\s+headline)\s+(?P<b>[“\"][^”\"]+[”\"]))",
    re.I,
)


def without_titles(text: str) -> str:
    """``text`` with the quoted titles of reports blanked out: a correction's account of an
    error names the report by its headline, whose words are not the claim it corrects.

    >>> " ".join(without_titles('A report published on 9 May, "Ferry sinks after two weeks at sea", said 40 sailed.').split())
    'A report published on 9 May, , said 40 sailed.'
    >>> without_titles('Our story headlined "Dam bursts" gave the wrong year.')[:19]
    'Our story headlined'
    """
    out = list(text)
    for m in QUOTED_TITLE.finditer(text):
        group = "a" if m.group("a") else "b"
        out[m.start(group) : m.end(group)] = " " * (m.end(group) - m.start(group))
    return "".join(out)


# What precedes the day a report came out: "published on", "posted", "dated", or the report
# itself ("our report of", "a story from"); the day names the report, not what it claimed.
REPORT_DAY_CUE = re.compile(
    r"(?:\b(?:published|posted|issued|dated|printed|broadcast|aired)(?:\s+(?:on|online))?"
    r"|\b(?:report|article|story|piece|bulletin|edition|version)\s+(?:of|on|from))\s+$",
    re.I,
)


def without_report_dates(text: str) -> str:
    """``text`` with the days that reports came out blanked (same length): a correction
    names the report it corrects by its day, which is not a figure of the error.

    >>> " ".join(without_report_dates("Our report of 12 May said the dam was built in 1961.").split())
    'Our report of said the dam was built in 1961.'
    >>> without_report_dates("The report said the bridge closed on 21 March.")
    'The report said the bridge closed on 21 March.'
    """
    out = list(text)
    for start, end in date_spans(text):
        if REPORT_DAY_CUE.search(text[max(0, start - 40) : start]):
            out[start:end] = " " * (end - start)
    return "".join(out)


# A line of a correction that only disowns what the account of the error said: it names the
# error ("That figure was wrong.", "The Gazette regrets the error.") and gives nothing anew.
DISOWNING = re.compile(r"\b(?:wrong|incorrect|inaccurate|untrue|mistaken|mistake|error|erroneous)\b", re.I)


def disowns(text: str) -> bool:
    """Whether a sentence only says that what was reported was wrong, with no date or
    figure of its own.

    >>> disowns("That figure was wrong."), disowns("The mill employs 210 people, not 240 as we wrongly said.")
    (True, False)
    """
    return DISOWNING.search(text) is not None and not _figure_texts(text)


def names_day(text: str, iso_date: str | None) -> bool:
    """Whether ``text`` names the day of ``iso_date`` ("5 August", "August 5, 2024"; a
    year given must be the same).

    >>> names_day("A report published on 2 March said so.", "2025-03-02")
    True
    >>> names_day("Between 19 and 25 July it fell.", "2024-07-24")
    False
    """
    try:
        day = datetime.date.fromisoformat((iso_date or "")[:10])
    except ValueError:
        return False
    month = day.strftime("%B")[:3]
    for start, end in date_spans(text):
        phrase = text[start:end]
        if re.search(rf"\b{day.day}(?:st|nd|rd|th)?\s+(?:of\s+)?{month}|\b{month}\w*\.?\s+{day.day}\b", phrase):
            year = re.search(r"\b(?:1[0-9]|20)\d\d\b", phrase)
            if year is None or int(year.group(0)) == day.year:
                return True
    return False


def corrected_documents(correction: Document, retraction: Sentence, documents: Mapping[str, Document]) -> set[str]:
    """The documents a correction's account of an error (``retraction``) may be about:
    those of an outlet it names ("A Harbour Wire report said ..."), else those of the
    correction's own outlet when the corpus has any, else every other document; of these,
    the ones published on a day it names, when there are such.

    >>> from assistant.records import Document, Sentence
    >>> docs = {d.doc_id: d for d in [
    ...     Document("fix", "x", "Correction", "h", kind="correction", outlet="Gazette", date="2025-09-15"),
    ...     Document("old", "x", "Plant to close", "h", outlet="Gazette", date="2025-09-12"),
    ...     Document("wire", "x", "Plant shuts", "h", outlet="Wire", date="2025-09-12")]}
    >>> text = "An article published on 12 September said 240 people work there."
    >>> sorted(corrected_documents(docs["fix"], Sentence("fix#s0", "fix", 0, 0, len(text), text), docs))
    ['old']
    """
    others = {d: doc for d, doc in documents.items() if d != correction.doc_id and not is_correction(doc)}
    named = {d for d, doc in others.items() if doc.outlet and named_as_source(retraction.text, doc.outlet)}
    own = {d for d, doc in others.items() if correction.outlet and doc.outlet == correction.outlet}
    pool = named or own or set(others)
    dated = {d for d in pool if names_day(retraction.text, documents[d].date)}
    return dated or pool


def corrects(sentence: Sentence, retraction: Sentence, documents: Mapping[str, Document]) -> bool:
    """Whether ``sentence`` states what ``retraction`` says was wrong (``superseded``) in a
    document the correction is about (``corrected_documents``)."""
    correction = documents.get(retraction.doc_id)
    if correction is None or not superseded(sentence, retraction):
        return False
    return sentence.doc_id in corrected_documents(correction, retraction, documents)


def corrected_values(kind: str, fix: str, retraction: str, ordinary: Collection[str] = COMMON_OPENERS) -> list[str]:
    """The values of ``kind`` a correction's statement ``fix`` gives anew: those in a clause
    that repeats no figure of the account of the error ``retraction``.

    >>> error = "Our report of 3 May said the dam was built in 1961."
    >>> corrected_values("date", "The dam was built in 1916.", error)
    ['1916']
    >>> corrected_values("date", "The mill employs 210 people; 240 was the number in 2019.", "A story said it employs 240.")
    []
    """
    wrong = _figure_texts(retraction)
    found = []
    for start, end in kind_spans(kind, fix, ordinary):
        left, right = clause_of(fix, start, end)
        if not _figure_texts(fix[left:right]) & wrong:
            found.append(fix[start:end])
    return found


def corrections_in(
    documents: Mapping[str, Document], by_doc: Mapping[str, Sequence[Sentence]]
) -> list[tuple[Sentence, Sentence]]:
    """(the error as a correction reports it, the corrected statement after it), of every
    correction document (``is_correction``) among ``documents`` and of every correction a
    report carries in its own text (``amends``: "Correction: An earlier version ... said")."""
    fixes = []
    for doc_id, document in documents.items():
        whole = is_correction(document)
        own = [s for s in by_doc.get(doc_id, []) if s.citable]
        for i, error in enumerate(own):
            if retracts(error.text) and (whole or amends(error.text)):
                fix = _fix_after(own[i + 1 :])
                fixes += [(error, fix)] if fix is not None else []
    return fixes


def _fix_after(following: Sequence[Sentence]) -> Sentence | None:
    """The corrected statement after an account of an error: the next sentence, past lines
    that only disown the account ("That figure was wrong."), unless it is another account;
    the first such line when nothing else follows it."""
    disowning = []
    for sentence in following:
        if retracts(sentence.text):
            break
        if not disowns(sentence.text):
            return sentence
        disowning.append(sentence)
    return disowning[0] if disowning else None


NEGATION_BEFORE = re.compile(r"\b(?:not|never|rather\s+than|instead\s+of)\s+(?:[\w'’-]+\s+){0,2}$", re.I)


def negated(before: str) -> bool:
    """Whether the words before a figure deny it ("nearly 5,000 flights, not 7,000", "rather
    than the 61,000 homes reported"): a fix that names a wrong value this way does not state it.

    >>> negated("Delta cancelled nearly 5,000 flights, not "), negated("the figure of about ")
    (True, False)
    """
    return NEGATION_BEFORE.search(before) is not None


def settled(figures: Iterable[Figure], fixes: Iterable[tuple[Sentence, Sentence]]) -> list[Figure]:
    """The figures that may be one side of a disagreement: none of a correction's account
    of the error, nor a value that account gives, whether the correction repeats it ("22
    was an early figure") or another document states it for the same measure
    (``figures.same_measure``): a correction settles a figure, it does not dispute it. The
    fix's own figures stand unless it denies them (``negated``): it may give the wrong value
    its right measure ("the figure of about 7,000 is the total for the whole five days").

    >>> from assistant.records import Sentence
    >>> s = lambda d, t: Sentence(f"{d}#s0", d, 0, 0, len(t), t)
    >>> error = s("c", "Our report said 14 workers were hurt in the fire.")
    >>> found = sentence_figures(s("a", "In all 14 workers were hurt in the fire.")) + sentence_figures(
    ...     s("b", "The fire hurt 14 workers and cost 300 jobs.")) + sentence_figures(error)
    >>> [(f.doc_id, f.text) for f in settled(found, [(error, s("c", "Twelve were hurt."))])]
    [('b', '300')]
    """
    pairs = list(fixes)
    retractions = {r.sentence_id for r, _ in pairs}
    wrong = [w for r, _ in pairs for w in sentence_figures(r)]
    fixed = {fix.sentence_id: fix for _, fix in pairs}

    def corrected(f: Figure) -> bool:
        fix = fixed.get(f.sentence_id)
        if fix is not None and not negated(fix.text[: f.start - fix.start]):
            return False  # the fix gives it its right measure ("7,000 is the total for the five days")
        return any(
            (w.kind, w.unit, w.value) == (f.kind, f.unit, f.value) and (w.doc_id == f.doc_id or same_measure(w, f))
            for w in wrong
        )

    return [f for f in figures if f.sentence_id not in retractions and not corrected(f)]
