"""Direct answers: the phrase of a cited sentence that answers a wh-question, verbatim.

For a question that asks for a kind of thing (a person, a place, a date, a number, a sum
of money, a percentage; see ``assistant.question.asked_kind``), the short answer is the
phrase of that kind in the sentence that the question does not already give, nearest
to the words the question and the sentence share. A person keeps an appositive that
follows the name ("Jane Okafor, the mayor,"). No phrase of the kind: no short answer.

A person's role travels with the name: a title before it ("Shadow Home Secretary Chris
Philp") or an appositive after it ("Chris Philp, the shadow home secretary"); a question
about a person's role ("What is X's role?", "Who is X?") is answered by that role alone
(``role_span``).

Which cited sentence the phrase comes from (``predicate_sentence``): the one that states
the most of the question's words, a sentence opening with a pronoun counting the words of
the sentence it refers back to; so "When will the bridge reopen?" takes its date from "It
will reopen in August", not from the sentence before it about the closure.

A "which NOUN" question whose noun is no kind of the above ("Which port ...?", "Which
hospital ...?") is answered by the name the sentence attaches to that noun
(``category_span``: "the port of Leith", "Leith harbour", "St Ann's, the largest hospital").

Not handled: "what"/"which" questions whose noun the sentence does not use, answers that
are clauses ("Why ...?").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

import numpy as np

from assistant.evidence import (
    COMMON_OPENERS,
    Span,
    age_spans,
    clock_spans,
    date_spans,
    duration_spans,
    kind_spans,
    name_kind,
    name_spans,
    number_spans,
)
from assistant.figures import clause_of, same_stem
from assistant.lexical import STOPWORDS, covered_terms, stem, tokenize, unaccented
from assistant.names import NAME_WORD, UPPER
from assistant.numerals import NUMBER_WORDS
from assistant.question import DETERMINERS
from assistant.speakers import Mention, mentions, speaker_label
from assistant.stance import asked_subject

APPOSITIVE = re.compile(r",\s+(?:the|a|an|its|his|her|their)\s+[^,.;:“”\"()]{2,60}?(?=,)")
NAME_KINDS = frozenset({"person", "organisation", "place"})
FIGURE_KINDS = frozenset({"amount", "number", "money", "percentage", "duration"})
NEAR_WORDS = 6  # a name answers only when this close to a word the question shares with the sentence
# A unit of measure right after a number ("984 feet", "about 7 knots", "50,000 tonnes").
UNIT = re.compile(
    r"(?:-|\s+)(?:square\s+|cubic\s+)?(?:feet|foot|ft|inch(?:es)?|yards?|miles?|nautical\s+miles?|metres?|meters?|"
    r"kilometres?|kilometers?|km|centimetres?|centimeters?|cm|millimetres?|millimeters?|mm|knots?|mph|km/h|"
    r"tons?|tonnes?|kilograms?|kg|grams?|lbs?|litres?|liters?|gallons?|barrels?|acres?|hectares?|"
    r"degrees?|megawatts?|MW|gigawatts?|GW|kilowatts?|kW|volts?|storeys?|stories|floors?)\b",
    re.I,
)
# A unit of speed right after a number ("18 knots", "60 km/h", "40 miles per hour", "3 metres a second").
SPEED_UNIT = re.compile(
    r"(?:-|\s+)(?:knots?|mph|km/h|kph|kmh|m/s|(?:nautical\s+)?(?:miles?|kilometres?|kilometers?|km|metres?|meters?|feet)"
    r"\s+(?:an|a|per)\s+(?:hour|minute|second))(?![\w/])",
    re.I,
)
# A unit of time right after a number ("78 minutes", "a 12-hour shift"): part of a short answer.
TIME_UNIT = re.compile(r"(?:-|\s+)(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b", re.I)


def lone_opening_word(sentence: str, span: Span) -> bool:
    """Whether ``span`` is the sentence's capitalised first word alone, which no cue (a verb
    of saying, a role beside it) makes a person or a place: an ordinary word ("Vehicles ...",
    a heading's "Excerpt from ...").

    >>> lone_opening_word("Excerpt from the hearing of the board.", (0, 7))
    True
    >>> lone_opening_word("Ruiz said the port would open.", (0, 4)), lone_opening_word("Moss, the chair, spoke.", (0, 4))
    (False, False)
    """
    if span[0] != 0 or " " in sentence[span[0] : span[1]] or APPOSITIVE.match(sentence, span[1]):
        return False
    return name_kind(sentence, span) == "name"


# A name joined by a hyphen to a word in lower case: an adjective ("Liberia-flagged", "London-based").
MODIFIER_TAIL = re.compile(r"-[a-z]+\b")


def name_as_modifier(sentence: str, span: Span) -> bool:
    """Whether the name at ``span`` is part of an adjective ("a Liberia-flagged ship", "a
    Paris-based firm", "Texas-born"), which says where, not who: no person or company.

    >>> t = "The Liberia-flagged carrier, run by Brightwater Shipping, sank."
    >>> name_as_modifier(t, (4, 21)), name_as_modifier(t, (4, 11)), name_as_modifier(t, (38, 58))
    (True, True, False)
    """
    text = sentence[span[0] : span[1]]
    return MODIFIER_TAIL.search(text) is not None or MODIFIER_TAIL.match(sentence, span[1]) is not None


ASKS_FLAG = re.compile(r"\bflags?\b|\bflagged\b|\b(?:where|which\s+country|what\s+country)\b.*\bregistered\b", re.I)
# Where a ship or aircraft is registered: "a Liberia-flagged carrier", "flying the flag of Malta",
# "sailing under the Panamanian flag", "registered in Cyprus".
FLAG = re.compile(
    rf"(?P<a>{UPPER}[\w’'-]*?(?:\s+{UPPER}[\w’'-]*?)*)-(?:flagged|registered)\b"
    rf"|\b(?:flag|flags)\s+of\s+(?:the\s+)?(?P<b>{UPPER}[\w’'-]*(?:\s+{UPPER}[\w’'-]*)*)"
    rf"|\bunder\s+(?:the|a|an)\s+(?P<c>{UPPER}[\w’'-]*(?:\s+{UPPER}[\w’'-]*)*)\s+flag\b"
    rf"|\bregistered\s+in\s+(?:the\s+)?(?P<d>{UPPER}[\w’'-]*(?:\s+{UPPER}[\w’'-]*)*)"
)


def asks_flag(question: str) -> bool:
    """Whether a question asks under which flag a ship or aircraft sails ("What flag does the
    Orla fly?", "Which country is the tanker registered in?").

    >>> [asks_flag(q) for q in ["What flag does the Orla fly?", "Where is the tanker registered?", "Who owns it?"]]
    [True, True, False]
    """
    return ASKS_FLAG.search(question) is not None


def flag_span(sentence: str) -> Span | None:
    """The country whose flag a sentence says a ship or aircraft flies: "Liberia" of "a
    Liberia-flagged carrier", "Malta" of "flying the flag of Malta", "Panamanian" of "under
    the Panamanian flag", "Cyprus" of "registered in Cyprus".

    >>> t = "The Orla, a Liberia-flagged tanker operated by Seaway Lines, ran aground."
    >>> a, b = flag_span(t); t[a:b]
    'Liberia'
    >>> t = "The yacht, flying the flag of the Cayman Islands, was seized."
    >>> a, b = flag_span(t); t[a:b]
    'Cayman Islands'
    >>> flag_span("The tanker ran aground off Brest.") is None
    True
    """
    found = FLAG.search(sentence)
    if found is None:
        return None
    group = next(g for g in "abcd" if found[g])
    return found.start(group), found.end(group)


def answer_phrase(
    kind: str | None, question: str, sentence: str, ordinary: Collection[str] = COMMON_OPENERS
) -> Span | None:
    """The span of ``sentence`` that answers a question asking for ``kind``, or None.

    >>> s = "Jane Okafor, the mayor, opened the bridge in 2019."
    >>> a, b = answer_phrase("person", "Who opened the bridge?", s); s[a:b]
    'Jane Okafor, the mayor'
    >>> a, b = answer_phrase("date", "When did Jane Okafor open the bridge?", s); s[a:b]
    '2019'
    >>> answer_phrase("money", "How much did the bridge cost?", s) is None
    True
    >>> answer_phrase("person", "Who paid for the bridge?", "The bridge was paid for by the state, as the long report by the auditors confirmed, said Ali Musa.")
    >>> t = "The festival, founded by Rosa Lind in 1988, draws crowds."
    >>> a, b = answer_phrase("person", "Who founded the festival?", t); t[a:b]
    'Rosa Lind'

    """
    if kind is None:
        return None
    spans = kind_spans(kind, sentence, ordinary)
    if kind in ("person", "organisation"):
        spans = [sp for sp in spans if not name_as_modifier(sentence, sp)]
    asked = set(tokenize(question))
    fresh = [sp for sp in spans if not _given(sentence[sp[0] : sp[1]], asked)]
    if not fresh:
        return place_phrase(question, sentence) if kind == "place" and WHERE.match(question) else None
    words = list(re.finditer(r"[\w’'-]+", sentence))
    anchors = [i for i, m in enumerate(words) if covered_terms(set(tokenize(m.group(0))), asked)]

    def widened(span: Span) -> Span:
        """A name with the appositive that follows it ("Jane Okafor, the mayor"), a
        person's with the title before it ("Mayor Jane Okafor")."""
        if kind == "person":
            span = with_role(sentence, span)
        appositive = APPOSITIVE.match(sentence, span[1]) if kind in NAME_KINDS else None
        if appositive:
            return span[0], appositive.end()
        return with_range(sentence, with_unit(sentence, span)) if kind in FIGURE_KINDS else span

    def distance(span: Span) -> int:
        """Words between the phrase and the nearest word the question shares with the sentence."""
        inside = [i for i, m in enumerate(words) if span[0] <= m.start() < span[1]] or [0]
        return min((min(abs(i - a) for i in (inside[0], inside[-1])) for a in anchors), default=NEAR_WORDS + 1)

    if kind in ("place", "person"):
        fresh = [sp for sp in fresh if not lone_opening_word(sentence, sp)]
    fresh = attached_to_subject(sentence, fresh, asked_subject(question))
    best = min((widened(sp) for sp in fresh), key=distance, default=None)
    if kind == "place" and WHERE.match(question):
        # No place name near the question's words, or a name no cue makes a place that a
        # phrase of place holds ("take Interstate 95 ... around the west side"): the phrase.
        phrase = place_phrase(question, sentence)
        if best is None or distance(best) > NEAR_WORDS:
            return phrase
        if phrase and phrase[0] <= best[0] < phrase[1] and name_kind(sentence, best) == "name":
            return phrase
    if best is None or (kind in NAME_KINDS and distance(best) > NEAR_WORDS):
        return None  # a name far from what the question asks about is not its answer
    return best


# The end of a gapped conjunct before a figure or date: "..., and departures from" (20:00),
# "and Spain by" (8%): a noun phrase of its own, its verb left to the clause before.
GAPPED = re.compile(
    r"(?:,\s*|\s)(?:and|but|while|whereas)\s+(?P<subject>(?:[\w’'-]+\s+){1,3}?)"
    r"(?:from|at|on|in|by|until|till|to|for|of)\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$",
    re.I,
)


def gapped_subject(text: str, start: int) -> set[str]:
    """Stems of the subject of a gapped conjunct that ends right before ``start`` ("and
    departures from" 20:00: the verb is the first conjunct's), empty when there is none.

    >>> t = "Buses resumed at 06:00 and trams from 09:30."
    >>> gapped_subject(t, t.index("09:30")), gapped_subject(t, t.index("06:00"))
    ({'tram'}, set())
    """
    m = GAPPED.search(text[:start])
    if m is None or not _noun_phrase(m["subject"].split()):
        return set()
    return {w for w in tokenize(m["subject"]) if w not in STOPWORDS}


def _noun_phrase(words: Sequence[str]) -> bool:
    """Whether a few words read as a noun phrase, not a verb with its adverb ("fell
    sharply"): opened by a determiner, or ending in a plural or a name."""
    last = words[-1]
    return words[0].lower() in DETERMINERS or last[:1].isupper() or (last.endswith("s") and not last.endswith("ss"))


def attached_to_subject(text: str, spans: list[Span], subject: set[str]) -> list[Span]:
    """Of figure or date ``spans``, those attached to the question's ``subject``: in a
    gapped conjunct ("and trams from 09:30") whose own subject it is, else the spans of no
    conjunct about another subject ("When did buses resume?" is not answered by 09:30).

    >>> t = "Buses resumed at 06:00 and trams from 09:30."
    >>> spans = [(t.index("06:00"), t.index("06:00") + 5), (t.index("09:30"), t.index("09:30") + 5)]
    >>> [t[a:b] for a, b in attached_to_subject(t, spans, {"tram"})]
    ['09:30']
    >>> [t[a:b] for a, b in attached_to_subject(t, spans, {"bus"})]
    ['06:00']
    """
    if not subject:
        return spans
    own = {span: gapped_subject(text, span[0]) for span in spans}
    named = [span for span in spans if own[span] and covered_terms(subject, own[span])]
    if named:
        return named
    return [span for span in spans if not own[span]] or spans


WHERE = re.compile(r"^\W*(?:and\s+|so\s+|but\s+)?where\b", re.I)
# A preposition of place opening a phrase about a place ("at the ticket office", "around the west side").
PLACE_PREPOSITION = re.compile(
    r"\b(?:at|in|on|to|into|onto|near|along|around|through|via|across|inside|outside|towards?|beside|behind|past|"
    r"within|beyond|opposite)\s+(?=(?:the|a|an|its|their|his|her|this|that|these|those)\b|" + UPPER + ")",
)


def names_place(sentence: str, ordinary: Collection[str] = COMMON_OPENERS) -> bool:
    """Whether a sentence names a place: a name read as one (``evidence.name_kind``) or a
    phrase of place ("at the ticket office", "in the open air"), which a "where" question
    needs. Loose by design: "in the vote" reads as a phrase of place too.

    >>> names_place("The crowd gathered at the old harbour."), names_place("The mayor was not told.")
    (True, False)
    """
    if PLACE_PREPOSITION.search(sentence):
        return True
    return any(name_kind(sentence, span) == "place" for span in name_spans(sentence, ordinary))


# "Where was X going?", "Where was the ship headed?", "What was the train's destination?"
ASKS_DESTINATION = re.compile(
    r"^\W*(?:and\s+|so\s+)?where\b.*\b(?:going|headed|heading|bound|travell?ing|sailing|flying|driving|"
    r"bringing|taking|carrying|descending|ascending|climbing|returning|en\s+route)\b(?!\s+(?:on|in)\b)"
    r"|\bdestinations?\b",
    re.I,
)
# A phrase saying where something is going: "bound for", "en route to", "headed for", "on its way to".
DESTINATION_CUE = re.compile(
    r"\b(?:(?:was|were|is|are)\s+)?(?:bound\s+for|en\s+route\s+to|on\s+(?:its|their|his|her|the)\s+way\s+to|"
    r"head(?:ed|ing)\s+(?:for|to|towards?)|destined\s+for|(?:sailing|flying|travell?ing|driving|making|going|"
    r"descending|ascending|climbing|returning|moving)\s+(?:for|to|towards?)|with\s+(?:a|its|their)\s+destination\s+"
    r"(?:of|in))\s+",
    re.I,
)
# The place after a destination cue: a run of names ("Kiel", "New York's JFK"), else a short noun phrase.
DESTINATION_NAME = re.compile(rf"(?:the\s+)?{UPPER}[\w’'-]*(?:\s+(?:(?:of|de|la|del|upon)\s+)?{UPPER}[\w’'-]*)*")
DESTINATION_PHRASE = re.compile(r"(?:the|a|an|its|their|his|her)(?:\s+[a-z][\w’'-]*){1,4}")


def asks_destination(question: str) -> bool:
    """Whether a question asks where someone or something was going, which a phrase of
    destination answers ("bound for Kiel"), not where it was.

    >>> [asks_destination(q) for q in ["Where was the ferry going?", "Where was the coach headed?"]]
    [True, True]
    >>> [asks_destination(q) for q in ["Where did the ferry sink?", "Where was the talk going on?"]]
    [False, False]
    """
    return ASKS_DESTINATION.search(question) is not None


def destination_span(sentence: str) -> Span | None:
    """The phrase of ``sentence`` saying where something was going: a destination cue
    ("bound for", "en route to", "headed for", "on its way to") with the place after it.

    >>> t = "The ferry, bound for Kiel with 212 people on board, ran aground."
    >>> a, b = destination_span(t); t[a:b]
    'bound for Kiel'
    >>> t = "The lorry was heading to Gdansk."
    >>> a, b = destination_span(t); t[a:b]
    'heading to Gdansk'
    >>> t = "The coach was on its way to the airport when a tyre burst."
    >>> a, b = destination_span(t); t[a:b]
    'on its way to the airport'
    >>> destination_span("The coach left the airport at noon.") is None
    True
    """
    for cue in DESTINATION_CUE.finditer(sentence):
        end = _destination_end(sentence, cue.end())
        if end is not None:
            start = cue.start()
            auxiliary = re.match(r"(?:was|were|is|are)\s+", sentence[start:], re.I)
            return start + (auxiliary.end() if auxiliary else 0), end
    return None


def _destination_end(sentence: str, at: int) -> int | None:
    """Where the place named at ``at`` ends: a run of names, else a determiner and the words
    after it up to a function word ("the valley station" of "the valley station when ...")."""
    name = DESTINATION_NAME.match(sentence, at)
    if name:
        return name.end()
    phrase = DESTINATION_PHRASE.match(sentence, at)
    if phrase is None:
        return None
    words = list(re.finditer(r"[\w’'-]+", phrase.group(0)))
    end = words[0].end()
    for word in words[1:]:
        if word.group(0).lower() in STOPWORDS:
            break
        end = word.end()
    return at + end if end > words[0].end() else None


# A run of names and numbers joined by "or"/"and" ("Interstate 95 or Interstate 695").
NAMED_RUN = re.compile(rf"(?:{UPPER}[\w’'-]*|\d[\d,]*)(?:\s+(?:(?:or|and)\s+)?(?:{UPPER}[\w’'-]*|\d[\d,]*))*\s+$")


def place_phrase(question: str, sentence: str) -> Span | None:
    """For a "where" question, the phrase of place after the words the question shares
    with the sentence: a preposition of place to the end of its clause, with the names
    right before it ("take Interstate 95 or Interstate 695 around the west side of the city").

    >>> t = "Visitors with large bags must leave them at the ticket office on the quay."
    >>> a, b = place_phrase("Where must visitors with bags leave them?", t); t[a:b]
    'at the ticket office on the quay'
    >>> t = "Lorries must take Route 9 or Route 12 around the north of the town, the council said."
    >>> a, b = place_phrase("Where must lorries go?", t); t[a:b]
    'Route 9 or Route 12 around the north of the town'
    >>> place_phrase("Where must lorries go?", "Lorries are banned.") is None
    True
    >>> place_phrase("Where was Kelso built?", "Kelso fell to rebel hands.") is None  # only the name is shared
    True
    """
    asked = set(tokenize(question))
    shared = [m for m in re.finditer(r"[\w’'-]+", sentence) if covered_terms(set(tokenize(m.group(0))), asked)]
    if all(m.group(0)[:1].isupper() for m in shared):
        return None  # only names shared: the sentence says nothing of what the question asks of them
    after = max(m.end() for m in shared)
    for found in PLACE_PREPOSITION.finditer(sentence, after):
        start = found.start()
        run = NAMED_RUN.search(sentence[after:start])
        if run:
            start = after + run.start()
        end = clause_of(sentence, found.end(), found.end())[1]
        end = len(sentence[:end].rstrip(" .!?;:"))
        if end > found.end():
            return start, end
    return None


def with_unit(text: str, span: Span) -> Span:
    """A number's span with the unit of measure that follows it, which is part of the
    answer to "How long/far/fast ...?" ("984" alone does not say feet or metres).

    >>> t = "The ferry, which is 120 metres long, sailed at about 18 knots."
    >>> a, b = with_unit(t, (t.index("120"), t.index("120") + 3)); t[a:b]
    '120 metres'
    >>> a, b = with_unit(t, (t.index("ferry"), t.index("ferry") + 5)); t[a:b]
    'ferry'
    >>> t = "The line reopened at noon, 90 minutes after the fault."
    >>> a, b = with_unit(t, (t.index("90"), t.index("90") + 2)); t[a:b]
    '90 minutes'
    >>> t = "The bus was doing 40 miles per hour."
    >>> a, b = with_unit(t, (t.index("40"), t.index("40") + 2)); t[a:b]
    '40 miles per hour'
    """
    unit = SPEED_UNIT.match(text, span[1]) or UNIT.match(text, span[1]) or TIME_UNIT.match(text, span[1])
    return (span[0], unit.end()) if unit else span


# "How deep is X?": the adjective of size a question asks by ("long" and "far" ask for a distance too).
ASKED_DIMENSION = re.compile(
    r"\bhow\s+(?P<adjective>deep|wide|broad|tall|high|long|far|thick|heavy|fast|big|large)\b", re.I
)


def asked_dimension(question: str) -> str | None:
    """The adjective of size a "How ADJ is X?" question asks by, lower case, or None.

    >>> asked_dimension("How deep is the channel?"), asked_dimension("How many ships passed?")
    ('deep', None)
    """
    found = ASKED_DIMENSION.search(question)
    return found["adjective"].lower() if found else None


# Adjectives whose answer is a measure with a unit ("How long was the bridge?" -> "1.6 miles"):
# not "high" or "big" ("How high was inflation?", "How big was the crowd?").
MEASURED_ADJECTIVES = frozenset("deep wide broad tall long far thick heavy fast".split())


def asks_measure(question: str) -> bool:
    """Whether a question asks for a measure with a unit of measure ("How long was the
    bridge?", "How fast was the ship going?"), which a bare count does not give.

    >>> [asks_measure(q) for q in ["How wide is the river?", "How big was the crowd?", "How many cars?"]]
    [True, False, False]
    """
    return asked_dimension(question) in MEASURED_ADJECTIVES


ASKS_SPEED = re.compile(
    r"\bhow\s+(?:fast|quickly)\s+(?:was|were|is|are|did|does|do|had|has|could|can)\b"
    r"|\bhow\s+fast\b|\bspeeds?\b(?!\s+(?:cameras?|limits?\s+signs?|bumps?|humps?))|\bvelocit(?:y|ies)\b",
    re.I,
)


def asks_speed(question: str) -> bool:
    """Whether a question asks how fast something went ("How fast was the ferry going?",
    "What was the train's speed?"), which only a number with a unit of speed answers: a
    length ("a 1.6-mile stretch") or a count does not.

    >>> [asks_speed(q) for q in ["How fast was the tram going?", "What speed did the jet reach?"]]
    [True, True]
    >>> [asks_speed(q) for q in ["How far did the tram go?", "How many speed cameras are there?"]]
    [False, False]
    """
    return ASKS_SPEED.search(question) is not None and not re.search(r"\bhow\s+many\b", question, re.I)


def speed_at(text: str, span: Span) -> bool:
    """Whether the number at ``span`` is a speed: a unit of speed follows it.

    >>> t = "The ferry made 22 knots over a 1.6-mile stretch."
    >>> speed_at(t, (t.index("22"), t.index("22") + 2)), speed_at(t, (t.index("1.6"), t.index("1.6") + 3))
    (True, False)
    """
    return SPEED_UNIT.match(text, span[1]) is not None


SPEED = re.compile(rf"\b\d[\d,.]*{SPEED_UNIT.pattern}", re.I)


def gives_asked_measure(question: str, text: str) -> bool:
    """Whether ``text`` gives the measure a "How far/long/fast ...?" question asks for: a
    speed for a question about speed, else any measure (``gives_measure``).

    >>> q = "How fast was the train going?"
    >>> gives_asked_measure(q, "It ran at 80 km/h."), gives_asked_measure(q, "It ran for 1.6 miles.")
    (True, False)
    >>> gives_asked_measure("How far did it run?", "It ran for 1.6 miles.")
    True
    """
    if asks_speed(question):
        return SPEED.search(text) is not None
    return gives_measure(text)


def gives_measure(text: str) -> bool:
    """Whether ``text`` gives a measure a "How far/long/fast ...?" question may ask for: a
    number with a unit of measure (``states_measure``) or a length of time ("How far apart
    were the two faults?" -> "about one and a half seconds").

    >>> [gives_measure(t) for t in ["It is 40 feet deep.", "They came 2 seconds apart.", "Some 300 cars."]]
    [True, True, False]
    """
    return states_measure(text) or any(not rate(text, span) for span in duration_spans(text))


def rate(text: str, span: Span) -> bool:
    """Whether the length of time at ``span`` is the period of a rate ("30,000 vehicles a
    day", "£5 a week"): "a"/"an" right after a plural noun or a number, not a length.

    >>> t = "About 30,000 vehicles a day crossed it; repairs took a week."
    >>> [rate(t, (t.index(p), t.index(p) + len(p))) for p in ("a day", "a week")]
    [True, False]
    """
    before = re.search(r"([\w’'-]+)\s+$", text[: span[0]])
    if not re.match(r"an?\s", text[span[0] : span[1]], re.I) or before is None:
        return False
    word = before.group(1)
    return any(c.isdigit() for c in word) or (
        len(word) > 3 and word.lower().endswith("s") and not word.lower().endswith("ss")
    )


def bound_to(text: str, span: Span, adjective: str) -> bool:
    """Whether the measure at ``span`` (with its unit) is the one ``adjective`` qualifies:
    "50 feet deep" is how deep, "700 feet wide" is not, in "700 feet wide and 50 feet deep".

    >>> t = "The channel is 700 feet wide and 50 feet deep."
    >>> [bound_to(t, (t.index(n), t.index(n) + len(n)), "deep") for n in ("700", "50")]
    [False, True]
    """
    end = with_unit(text, span)[1]
    return re.match(rf"[\s-]+{re.escape(adjective)}\b", text[end:], re.I) is not None


MEASURED = re.compile(rf"\b\d[\d,.]*{UNIT.pattern}", re.I)


def states_measure(text: str) -> bool:
    """Whether ``text`` gives a number with a unit of measure, which answers "How long
    is the bridge?" as a length of time answers "How long did the strike last?".

    >>> states_measure("The bridge is 85 feet long."), states_measure("The strike lasted 85 days.")
    (True, False)
    """
    return MEASURED.search(text) is not None


RANGE_START = re.compile(r"\b(?:between|from)\s+$", re.I)
RANGE_END = re.compile(
    r"\s+(?:and|to)\s+(?:[£$€¥]\s?)?\d[\d,.]*(?:\s?(?:million|billion|trillion|thousand|bn|m|k)\b)?", re.I
)


def with_range(text: str, span: Span) -> Span:
    """A figure's span widened to the range it opens ("between $1.7 billion and $1.9
    billion", "from 40 to 60"): its first end alone misstates what the sentence says.

    >>> t = "The new bridge will cost between £1.7 billion and £1.9 billion, officials said."
    >>> a, b = with_range(t, (t.index("£1.7"), t.index(" and"))); t[a:b]
    'between £1.7 billion and £1.9 billion'
    >>> t = "The new bridge will cost £1.7 billion and open in 2028."
    >>> a, b = with_range(t, (t.index("£1.7"), t.index(" and"))); t[a:b]
    '£1.7 billion'
    >>> t = "Only 30% to 45% of the homes were insured."
    >>> a, b = with_range(t, (t.index("30%"), t.index("30%") + 3)); t[a:b]
    '30% to 45%'
    """
    opening = RANGE_START.search(text[: span[0]])
    closing = RANGE_END.match(text, span[1])
    if opening is None or closing is None:
        paired = PAIRED_END.match(text, span[1])
        if paired is None or _mark(text[span[0] : span[1]]) != _mark(paired.group(0)) or not _mark(paired.group(0)):
            return span
        return span[0], paired.end()  # "10% to 20%": the same mark at both ends
    return opening.start(), with_unit(text, (span[0], closing.end()))[1]


def widest(spans: Sequence[Span], span: Span) -> Span:
    """The span of ``spans`` that holds ``span`` (``span`` itself when none does): a figure
    read as its whole phrase ("10 to 12 hours" around "12 hours").

    >>> widest([(0, 4), (10, 25)], (16, 25)), widest([(0, 4)], (16, 25))
    ((10, 25), (16, 25))
    """
    return next(((a, b) for a, b in spans if a <= span[0] and span[1] <= b), span)


# After a figure, a second one that closes a range without "from" or "between" ("10% to 20%").
PAIRED_END = re.compile(
    r"\s*(?:to|–|-)\s*(?:[£$€¥]\s?)?\d[\d,.]*(?:\s?%|\s?(?:million|billion|trillion|bn|m)\b)?", re.I
)


def _mark(figure: str) -> str:
    """The sign that says what a figure measures: a currency symbol or a per cent sign."""
    return "".join(sorted(set(re.findall(r"[£$€¥%]", figure))))


# A sentence holding one of these words, or opening with a demonstrative, is about what the
# sentence before it names ("It will reopen in August", "The owners say it will restart").
REFERS_BACK = re.compile(r"^\s*(?:this|that|these|those)\b|\b(?:it|its|they|them|their|he|him|his|she|her)\b", re.I)


def stated_terms(terms: Collection[str], text: str, before: str = "") -> frozenset[str]:
    """The question terms ``text`` states, with those of ``before`` when ``text`` refers back to it.

    >>> sorted(stated_terms({"bridge", "reopen"}, "It will reopen in August.", "The bridge closed."))
    ['bridge', 'reopen']
    >>> sorted(stated_terms({"bridge", "reopen"}, "Crews will reopen the road.", "The bridge closed."))
    ['reopen']
    """
    words = set(tokenize(text))
    if before and REFERS_BACK.search(text):
        words |= set(tokenize(before))
    return covered_terms(set(terms), words)


def predicate_sentence(terms: Collection[str], sentences: Sequence[tuple[str, str]]) -> int | None:
    """Index of the first ``(text, text before)`` stating the most question terms, then most in its own words.

    >>> before = "The bridge closed on 4 May."
    >>> predicate_sentence({"bridge", "reopen"}, [(before, ""), ("It will reopen in August.", before)])
    1
    >>> predicate_sentence({"bridge", "closed"}, [("It will reopen in August.", before), (before, "")])
    1
    """
    if not sentences:
        return None
    scores = [(len(stated_terms(terms, text, before)), len(stated_terms(terms, text))) for text, before in sentences]
    return scores.index(max(scores))


def _given(phrase: str, asked: set[str]) -> bool:
    """Whether every content word of ``phrase`` is already in the question."""
    words = set(tokenize(phrase))
    return bool(words) and words <= asked


def _mention_at(text: str, span: Span) -> Mention | None:
    """The person mention of ``text`` (``speakers.mentions``) that overlaps ``span``."""
    return next((m for m in mentions(text) if m.start < span[1] and span[0] < m.end), None)


def _role_place(text: str, mention: Mention) -> Span | None:
    """Where the role ``speakers`` found for ``mention`` stands: right before the name (a
    title, possibly after a comma) or right after it (an appositive)."""
    if not mention.role:
        return None
    before = text.rfind(mention.role, 0, mention.start)
    if before >= 0 and not text[before + len(mention.role) : mention.start].strip(" ,"):
        return before, before + len(mention.role)
    after = text.find(mention.role, mention.end)
    if after >= 0 and re.fullmatch(r",\s+(?:who\s+(?:is|was)\s+)?(?:the\s+|a\s+|an\s+)?", text[mention.end : after]):
        return after, after + len(mention.role)
    return None


def with_role(text: str, span: Span) -> Span:
    """A person's name widened to the role written next to it, title or appositive.

    >>> t = "Conservatives mocked it, with Shadow Home Secretary Chris Philp calling it a stunt."
    >>> a, b = with_role(t, (t.index("Chris"), t.index(" calling"))); t[a:b]
    'Shadow Home Secretary Chris Philp'
    >>> t = "Dana Osei, the fire chief, said so."
    >>> a, b = with_role(t, (0, 9)); t[a:b]
    'Dana Osei, the fire chief'
    """
    mention = _mention_at(text, span)
    place = _role_place(text, mention) if mention is not None else None
    if place is None:
        return span
    return min(span[0], place[0]), max(span[1], place[1])


def role_span(name: str, text: str) -> Span | None:
    """Where ``text`` gives the role of the person ``name`` (any of its words), or None.

    >>> t = "Senior General Ko Lwin, head of the junta, visited the site."
    >>> a, b = role_span("Ko Lwin", t); t[a:b]
    'Senior General'
    >>> role_span("Ko Lwin", "Ko Lwin visited the site.") is None
    True
    """
    wanted = {w.lower() for w in re.findall(r"[\w’'-]+", name)}
    for mention in mentions(text):
        if wanted & {w.lower() for w in mention.words}:
            place = _role_place(text, mention)
            if place is not None:
                return place
    return label_role_span(wanted, text)


def label_role_span(wanted: Collection[str], text: str) -> Span | None:
    """Where a transcript speaker label opening ``text`` gives the role of the person whose
    name has a word of ``wanted`` (lower case): the words in brackets after the name.

    >>> t = "MARIA VOSS (committee chair): Why was it shut?"
    >>> a, b = label_role_span({"voss"}, t); t[a:b]
    'committee chair'
    >>> label_role_span({"dent"}, t) is None, label_role_span({"reed"}, "REED: In May.") is None
    (True, True)
    """
    label = speaker_label(text)
    if label is None or label[1] is None or not {w.lower() for w in label[0]} & set(wanted):
        return None
    start = text.index(f"({label[1]})") + 1
    return start, start + len(label[1])


# A verb group that states what state its subject is in ("is currently stalled", "remains on hold").
STATE_VERB = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been|remains?|remained|stays?|stayed)\s+"
    r"(?=(?:now|currently|still|no\s+longer|yet\s+to|being|under|on|in|awaiting|pending|\w+ed\b|\w+en\b))",
    re.I,
)


def status_span(text: str) -> Span | None:
    """The predicate of ``text`` that states a state, from after its verb to the end of
    the sentence, or None when its verb states none.

    >>> t = "The bypass is currently on hold pending a review."
    >>> a, b = status_span(t); t[a:b]
    'currently on hold pending a review'
    >>> t = "Talks between the unions and the club remain suspended."
    >>> a, b = status_span(t); t[a:b]
    'suspended'
    >>> t = "The club was founded in 1899 by miners."  # a passive reads as a state too
    >>> a, b = status_span(t); t[a:b]
    'founded in 1899 by miners'
    >>> status_span("The mayor opened the bridge.") is None
    True
    """
    found = STATE_VERB.search(text)
    if found is None:
        return None
    end = len(text.rstrip().rstrip(".!;"))
    return (found.end(), end) if end > found.end() else None


def category_span(
    noun: str, text: str, asked: Collection[str] = (), ordinary: Collection[str] = COMMON_OPENERS
) -> Span | None:
    """The name ``text`` attaches to ``noun`` (a question's "which NOUN"), not one the
    question gives (``asked``): "the NOUN of NAME", "NAME NOUN", "NOUN NAME", "NAME, ... NOUN".

    >>> t = "The minister toured the port of Leith on Monday."
    >>> a, b = category_span("port", t); t[a:b]
    'the port of Leith'
    >>> t = "Crews were sent to Kirkwall harbour at dawn."
    >>> a, b = category_span("harbour", t); t[a:b]
    'Kirkwall harbour'
    >>> category_span("port", "The ferry left the port at noon.") is None
    True
    >>> t = "The case was heard in the High Court of Justice in May."
    >>> a, b = category_span("court", t); t[a:b]
    'the High Court of Justice'
    """
    names = [sp for sp in name_spans(text, ordinary) if not _given(text[sp[0] : sp[1]], set(asked))]
    if not names:
        return None
    for found in re.finditer(r"[\w’'-]+", text):
        if not covered_terms(set(tokenize(found.group(0))), {stem(noun.lower())}):
            continue
        a, b = found.span()
        if found.group(0)[:1].isupper():
            # The noun inside a name: "the Superior Court of Fulton County", "Kirkwall Harbour".
            inside = next(((start, end) for start, end in names if start <= a and b <= end), None)
            if inside is not None:
                the = re.search(r"\bthe\s+$", text[: inside[0]], re.I)
                return (the.start() if the else inside[0], inside[1])
            continue
        for start, end in names:
            between_after = text[b:start]
            between_before = text[end:a]
            if start >= b and re.fullmatch(r"\s+of\s+(?:the\s+)?|\s+", between_after):
                the = re.search(r"\bthe\s+$", text[:a], re.I)
                return (the.start() if the else a, end)  # "the port of Leith", "port Leith"
            if end <= a and between_before == " ":
                return (start, b)  # "Leith port"
            if end <= a and re.fullmatch(
                r",\s+(?:the|a|an|its|their|[\w’']+’s|[\w']+'s)\s+(?:[\w-]+\s+){0,3}", between_before
            ):
                return (start, end)  # "Leith, Scotland's busiest port"
    return None


# A sentence states the extreme of something with a superlative or a record; "most" only
# as "the most" (bare "most" is "most people", a majority).
STATES_EXTREME = {
    "most": re.compile(r"\b(?:highest|largest|biggest|greatest|record|peak|maximum|all-time|the most)\b", re.I),
    "least": re.compile(r"\b(?:lowest|smallest|fewest|the least|minimum|record low)\b", re.I),
}


def states_extreme(extreme: str, text: str) -> bool:
    """Whether ``text`` states the most (or least) of something, as a question asking for it wants.

    >>> states_extreme("most", "The highest total came in 2022, when 45,000 crossed.")
    True
    >>> states_extreme("most", "Most residents stayed at home.")
    False
    """
    pattern = STATES_EXTREME.get(extreme)
    return bool(pattern and pattern.search(text))


YEAR_BOUND = re.compile(
    r"\b(before|until|till|prior\s+to|earlier\s+than|after|later\s+than)\s+((?:1[0-9]|20)\d\d)\b", re.I
)


def year_bounds(question: str) -> list[tuple[str, int]]:
    """The years a question bounds, as ("<", year) for before/until and (">", year) for after.

    >>> year_bounds("Before 2024, which year was the worst?"), year_bounds("What happened in 2024?")
    ([('<', 2024)], [])
    """
    return [
        (">" if word.lower().startswith(("after", "later")) else "<", int(year))
        for word, year in YEAR_BOUND.findall(question)
    ]


def within(bounds: list[tuple[str, int]], text: str) -> bool:
    """Whether ``text`` gives a year that keeps every bound.

    >>> within([("<", 2024)], "The previous worst year was 2019."), within([("<", 2024)], "In 2024 it lost more.")
    (True, False)
    """
    years = [int(y) for y in re.findall(r"\b(?:1[0-9]|20)\d\d\b", text)]
    return any(all(y < b if op == "<" else y > b for op, b in bounds) for y in years)


# Static MiniLM word cosine at which a clause's word says a count question's predicate
# ("dead" for "died" 0.57, "sent" for "send" 0.75; "lost" for "rescued" 0.16, "scheduled"
# for "cancelled" 0.31). Fit on the tune splits' "how many" questions.
PREDICATE_SIMILARITY = 0.45
# After a count, words that say it names no noun of its own ("344 were cancelled", "rose to 12,000.").
NO_NOUN_AFTER = re.compile(
    r"(?:\s*[,.;:)”\"]|\s*$|\s+(?:were|was|are|is|have|has|had|will|would|could|may|might|must|remain\w*|"
    r"died|survived|in|on|at|by|from|to|for|last|this|so|since|according)\b)",
    re.I,
)
# After a count, a word standing for the noun of an earlier count ("three others", "two more were").
OTHERS = re.compile(r"\s+(?:others|more)\b(?!\s+than)", re.I)
# Quantity words too vague to stand for a noun left out ("one tool among many").
VAGUE = frozenset("many few several numerous multiple dozens hundreds thousands millions some".split())
WordVectors = Callable[[list[str]], np.ndarray]


def counts_noun(text: str, span: Span, counted: Collection[str], before: str = "") -> bool:
    """Whether the count at ``span`` counts the nouns a "how many" question asks about
    (stems ``counted``): they follow it within four words ("six road workers", "five of the
    ship's 28 pumps"), or, when no noun follows it ("344 were cancelled"), its sentence names
    them before it. A count of another noun ("one tool among many") counts something else.

    >>> t = "Of 90 boats in the harbour, 12 were sunk and three piers were lost."
    >>> [counts_noun(t, (t.index(n), t.index(n) + len(n)), {"boat"}) for n in ("90", "12", "three")]
    [True, True, False]
    >>> t = "Three others are missing."
    >>> counts_noun(t, (0, 5), {"miner"}), counts_noun(t, (0, 5), {"miner"}, before="Nine miners were saved.")
    (False, True)
    >>> t = "She logged 300 days in space."
    >>> counts_noun(t, (t.index("300"), t.index("300") + 3), {"spacewalk"})
    False
    """
    if not counted:
        return True
    after = re.findall(r"[\w’'-]+", re.split(r"[,.;:()“”\"]", text[span[1] :], maxsplit=1)[0])
    # "five of the ship's 28 pumps", "five members of the museum's staff"
    after = after[: 7 if "of" in after[:2] else 4]
    if _names_all(counted, " ".join(w.lstrip("-") for w in after)):
        return True
    others = OTHERS.match(text, span[1])
    if not (others or NO_NOUN_AFTER.match(text, span[1])):
        return False
    number = text[span[0] : span[1]].lower().split()[-1]
    if number in VAGUE or not (any(c.isdigit() for c in number) or number in NUMBER_WORDS):
        return False
    # "Three others are missing": the noun is the one counted before, in the sentence before if need be.
    return _names_all(counted, text[: span[0]]) or bool(others and before and _names_all(counted, before))


def _names_all(nouns: Collection[str], text: str) -> bool:
    """Whether ``text`` has a word for each noun stem: the stem, or a longer word it
    begins ("spacewalks" names "spacewalk"; "space" does not)."""
    words = set(tokenize(text))
    return all(any(w == n or (len(n) >= 5 and w.startswith(n)) for w in words) for n in nouns)


def says_predicate(predicate: Collection[str], clause: str, vectors: WordVectors | None = None) -> bool:
    """Whether ``clause`` says what a count question's ``predicate`` says happened: one
    of its words, or one whose static word vector is this near (``PREDICATE_SIMILARITY``).
    No predicate: True.

    >>> says_predicate(("flooded",), "About 40 homes were flooded overnight.")
    True
    >>> says_predicate(("flooded",), "About 40 homes were evacuated overnight.")
    False
    """
    if not predicate:
        return True
    words = set(tokenize(clause))
    if covered_terms({stem(w) for w in predicate}, words):
        return True
    if vectors is None:
        return False
    own = [w.lower() for w in re.findall(r"(?:[^\W\d_]|[’'-])+", clause) if len(w) > 2 and w.lower() not in STOPWORDS]
    if not own:
        return False
    similarity = vectors(list(predicate)) @ vectors(own).T
    return bool(similarity.max() >= PREDICATE_SIMILARITY)


# After a count, "of" and a determiner: the count is a part of a group named after it.
PARTITIVE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|these|those|them|us)\b", re.I)


def partitive(text: str, span: Span) -> bool:
    """Whether the count at ``span`` counts a part of a group named after it ("one of the
    thieves", "two of the five climbers"): it says how many did something, not how many
    there were.

    >>> t = "Guards held one of the burglars; two of them ran off."
    >>> [partitive(t, (t.index(n), t.index(n) + len(n))) for n in ("one", "two")]
    [True, True]
    >>> t = "Four burglars fled."
    >>> partitive(t, (0, 4))
    False
    """
    return PARTITIVE.match(text, span[1]) is not None


def labelled_value(text: str, span: Span, clause_start: int) -> bool:
    """Whether the figure at ``span`` stands alone after a label and its colon ("Suspects
    charged so far: two.", "Flights cancelled: 344"): its clause holds nothing else, so the
    label says what it counts and what happened to it.

    >>> t = "Homes flooded so far: about 40."
    >>> labelled_value(t, (t.index("40"), t.index("40") + 2), t.index(":") + 1)
    True
    >>> t = "Rangers said: 14 hikers were lost."
    >>> labelled_value(t, (t.index("14"), t.index("14") + 2), t.index(":") + 1)
    False
    """
    if clause_start == 0 or text[:clause_start].rstrip()[-1:] != ":":
        return False
    rest = text[clause_start:].strip().rstrip(".;")
    return rest.endswith(text[span[0] : span[1]]) and len(rest.split()) <= len(text[span[0] : span[1]].split()) + 2


def count_spans(
    text: str,
    counted: Collection[str],
    predicate: Collection[str],
    vectors: WordVectors | None = None,
    setting: Collection[str] = (),
    before: str = "",
) -> list[Span]:
    """The counts of ``text`` that answer a "how many" question: counting its nouns
    (``counts_noun``) in a clause saying its predicate (``says_predicate``); when no
    clause of ``text`` says it, those in a clause sharing a word of the question's
    ``setting`` (stems: its subject and adjuncts), which word the same event otherwise.
    ``before``: the sentence before, which may name what "three others" counts. A question
    saying nothing happened to its nouns ("How many X were there?") asks for all of them: a
    part of them (``partitive``) does not answer it.

    >>> t = "Two hikers were rescued, and four hikers died on the ridge."
    >>> [t[a:b] for a, b in count_spans(t, {"hiker"}, ("died",))]
    ['four']
    >>> t = "Rangers say 14 hikers were lost on the ridge."
    >>> [t[a:b] for a, b in count_spans(t, {"hiker"}, ("died",), setting={"ridge"})]
    ['14']
    >>> t = "A 67-year-old hiker, aged 67 like his friend, was rescued."
    >>> count_spans(t, {"hiker"}, ("rescued",))
    []
    """
    said, near = [], []
    ages = age_spans(text)
    for span in number_spans(text):  # a sum of money or a percentage counts nothing
        if any(a < span[1] and span[0] < b for a, b in ages):
            continue  # "a 52-year-old passenger" is one passenger, not 52
        if not counts_noun(text, span, counted, before):
            continue
        if not predicate and partitive(text, span):
            continue  # "How many thieves were there?" asks for all of them, not "one of the thieves"
        left, right = clause_of(text, *span)
        if labelled_value(text, span, left):
            left = 0  # "Suspects charged so far: two.": the label says what the count is of
        if says_predicate(predicate, text[left:right], vectors):
            said.append(span)
        elif covered_terms(set(setting), set(tokenize(text[left:right]))) or counts_compound(text, span, counted):
            near.append(span)
    return said or near


def counts_compound(text: str, span: Span, counted: Collection[str]) -> bool:
    """Whether the count at ``span`` counts the very compound a question counts, two nouns
    or more right after it ("8,000 Windows laptops" for "How many Windows laptops ...?"):
    the same things, so the same event, however its verb is worded.

    >>> t = "About 200 Westways trains were scrapped; 300 trains ran."
    >>> [counts_compound(t, (t.index(n), t.index(n) + 3), {"westway", "train"}) for n in ("200", "300")]
    [True, False]
    """
    if len(counted) < 2:
        return False
    after = re.findall(r"[\w’'-]+", re.split(r"[,.;:()“”\"]", text[span[1] :], maxsplit=1)[0])[:4]
    return _names_all(counted, " ".join(after))


def names_another(
    text: str, asked: Collection[str], figures: Collection[Span], ordinary: Collection[str] = COMMON_OPENERS
) -> bool:
    """Whether the clause of one of ``figures`` (spans of ``text``), before the figure, names
    someone or something a question does not: a name none of whose words is among the
    question's stems ``asked`` (dates aside). A name in another clause ("..., the Harwick
    office said") does not count.

    >>> t = "Harwick Port lost £12 million."
    >>> names_another(t, {"felmouth", "lose"}, [(t.index("£"), len(t) - 1)])
    True
    >>> t = "The port lost £12 million, the Harwick office said."
    >>> names_another(t, {"felmouth", "lose"}, [(t.index("£"), t.index(","))])
    False
    >>> t = "On Monday, Felmouth lost £2 million."
    >>> names_another(t, {"felmouth", "lose"}, [(t.index("£"), len(t) - 1)])
    False
    """
    dates = date_spans(text)
    clauses = [(clause_of(text, *span)[0], span[0]) for span in figures]  # the clause up to the figure
    return any(
        not covered_terms(set(asked), set(tokenize(text[a:b])))
        for a, b in name_spans(text, ordinary)
        if not any(x < b and a < y for x, y in dates) and any(left <= a and b <= right for left, right in clauses)
    )


# "cost carriers tens of millions", "cost the city £3m": the one who bears a cost, between
# the verb and the sum; in a question, what follows "cost" ("How much did it cost the city?").
COST_VERB = re.compile(r"\bcost(?:s|ing)?\s+", re.I)
SUM_START = re.compile(
    r"(?:about|around|some|nearly|almost|roughly|more|less|over|under|up|at|an?|tens|hundreds|dozens|thousands|"
    r"millions|billions|several|single-digit|double-digit)\b|[£$€¥\d]",
    re.I,
)
PRONOUNS = frozenset("it its them they him her he she us we you me i itself themselves".split())


def cost_bearer(text: str) -> str:
    """Whom a cost falls on: the words between "cost" and the sum it states ("the strike
    cost the ferry operator £2m"), or after "cost" in a question ("How much did it cost
    the city?"); "" when none is named (a pronoun names no one here).

    >>> cost_bearer("Airline bosses say the closure cost carriers tens of millions of pounds.")
    'carriers'
    >>> cost_bearer("How much did the storm cost Leeds City Council?"), cost_bearer("The delay cost it £4m.")
    ('Leeds City Council', '')
    """
    for verb in COST_VERB.finditer(text):
        rest = text[verb.end() :]
        words = list(re.finditer(r"[\w’'-]+", rest))[:5]
        stop = next((m.start() for m in words if SUM_START.match(rest, m.start())), None)
        if stop is None and not text.rstrip().endswith("?"):
            continue
        named = re.sub(r"[?.!].*$", "", rest[:stop] if stop is not None else rest).strip()
        if any(w.lower() in PRONOUNS for w in re.findall(r"[\w’'-]+", named)):
            return ""
        return named
    return ""


def other_bearer(question: str, text: str) -> bool:
    """Whether ``text`` puts a cost on someone other than the one a question names ("cost
    carriers ..." for "How much did it cost Heathrow?"): the question's bearer is a name and
    the text's bearer shares no word with it. A bearer in common nouns may be a synonym
    ("airlines", "carriers"), so it never differs.

    >>> other_bearer("How much did the fire cost Leeds Airport?", "The fire cost airlines £20m.")
    True
    >>> other_bearer("How much did the fire cost airlines?", "The fire cost carriers £20m.")
    False
    """
    asked, bears = cost_bearer(question), cost_bearer(text)
    if not asked or not bears or not any(w[:1].isupper() for w in asked.split()):
        return False
    return not covered_terms(set(tokenize(asked)), set(tokenize(bears)))


# "When did the museum reopen?": the verb right after the question's subject.
ASKED_VERB = re.compile(
    r"^\W*(?:[Aa]nd\s+)?(?:[Ww]hen|[Ww]hat\s+(?:day|date|time|year))\s+(?:did|does|do|will|would|has|have|had)\s+"
    rf"(?:(?:the|a|an|its|their)\s+)?(?:{NAME_WORD}\s+)*?(?:[a-z][\w’'-]*\s+)?(?P<verb>[a-z]+)\W*$"
)
# The object right after a verb: "reopening the row".
OBJECT_AFTER = re.compile(r"\s+(?:the|a|an|its|their|his|her|this|that)\s+(?P<object>[a-z]+)")


def verb_of_another(question: str, text: str) -> bool:
    """Whether ``text`` uses the verb of a "When did X V?" question only with an object the
    question does not name ("reopening the row" for "When did the museum reopen?": another
    sense of the verb, another event); False when the text does not use the verb.

    >>> verb_of_another("When did the museum reopen?", "The fire was out by Friday, reopening the row over funding.")
    True
    >>> verb_of_another("When did the museum reopen?", "The museum reopened on 4 May.")
    False
    >>> verb_of_another("When did the council reopen the inquiry?", "The council reopened the inquiry in June.")
    False
    """
    m = ASKED_VERB.match(question)
    if m is None:
        return False
    verb = stem(m["verb"])
    asked = set(tokenize(question))
    uses = [u for u in re.finditer(r"\b[a-z]+\b", text) if stem(u.group(0)) == verb]
    if not uses:
        return False
    for use in uses:
        obj = OBJECT_AFTER.match(text, use.end())
        if obj is None or covered_terms(set(tokenize(obj["object"])), asked):
            return False  # used alone ("reopened on 4 May") or with the asked object
    return True


# A verb of saying, then at most two words (whom told) and the preposition of a date: "said on".
SPEECH_BEFORE = re.compile(
    r"\b(?P<verb>said|says|told|tells|added|announced|confirmed|stated|claimed|insisted|warned|wrote|explained|"
    r"noted|replied|argued)(?:\s+[^\W\d_][\w’'-]*){0,2}?\s+(?:(?:late|early)\s+)?(?:on|at|in)\s+$",
    re.I,
)


def speech_date(text: str, span: Span) -> str | None:
    """The verb of saying whose statement the date at ``span`` dates ("the prosecutor said
    on Wednesday", "told reporters on Monday"): when it was said, not when what it reports
    happened; None for a date of anything else.

    >>> t = "Two men arrested over the raid had confessed, the police said on Wednesday."
    >>> speech_date(t, (t.index("Wednesday"), len(t) - 1))
    'said'
    >>> t = "The bridge reopened on 4 May, the council told reporters on Friday."
    >>> [speech_date(t, (t.index(d), t.index(d) + len(d))) for d in ("4 May", "Friday")]
    [None, 'told']
    """
    found = SPEECH_BEFORE.search(text[: span[0]])
    return found["verb"].lower() if found else None


def event_dates(text: str, verb: str) -> list[Span]:
    """The dates of ``text`` that may date what a "When was X Ved?" question's ``verb`` says:
    all but those of a statement by another verb (``speech_date``: "When did they confirm
    it?" is answered by "confirmed on Monday", "When were they arrested?" is not).

    >>> t = "Two men held since 3 May had confessed, the police said on Wednesday."
    >>> [t[a:b] for a, b in event_dates(t, "arrested")], [t[a:b] for a, b in event_dates(t, "said")]
    (['3 May'], ['3 May', 'Wednesday'])
    >>> t = "The closure was announced on Monday."
    >>> [t[a:b] for a, b in event_dates(t, "announce")]
    ['Monday']
    """
    kept = []
    for span in date_spans(text):
        said = speech_date(text, span)
        if said is None or same_stem(stem(said), stem(verb.lower())):
            kept.append(span)
    return kept


# "When were the suspects arrested?", "When did the ferry sail?": the verb ending the question.
EVENT_VERB = re.compile(
    r"^\W*(?:[Aa]nd\s+)?(?:[Ww]hen|[Ww]hat\s+(?:day|date|year))\s+"
    r"(?:did|does|do|will|would|has|have|had|was|were|is|are)\s+"
    rf"(?:(?:the|a|an|its|their)\s+)?(?:{NAME_WORD}\s+)*?(?:[a-z][\w’'-]*\s+){{0,4}}?(?P<verb>[a-z]+)\W*$"
)


def event_verb(question: str) -> str | None:
    """The verb of what a "When did X V?" / "When was X Ved?" question asks about, None
    when the question does not end with it.

    >>> [event_verb(q) for q in ["When were the suspects arrested?", "When did the ferry sail?", "When was it built, and why?"]]
    ['arrested', 'sail', None]
    """
    m = EVENT_VERB.match(question)
    return m["verb"] if m else None


# A question about the past ("When did X open?", "When was it built?").
ASKS_PAST = re.compile(r"^\W*(?:and\s+)?(?:when|what\s+(?:day|date|year))\s+(?:did|was|were|had)\b", re.I)
# A clause about the future: "will open", "is due to", "is expected to", "plans to".
FUTURE = re.compile(
    r"\b(?:will|shall|won[’']t|(?:is|are)\s+(?:now\s+)?(?:due|expected|scheduled|set|planned|likely)\s+to|plans?\s+to|"
    r"(?:is|are)\s+to\s+(?:be\s+)?\w+)\b",
    re.I,
)


def future_only(question: str, text: str) -> bool:
    """Whether a question about the past ("When did the bridge open?") meets a sentence whose
    every date stands in a clause about the future ("The new bridge will open in late 2030"):
    what is still to come does not say when something happened.

    >>> future_only("When did the bridge open?", "The new bridge will open in late 2030.")
    True
    >>> future_only("When did the bridge open?", "The old bridge opened in 1977; its successor will open in 2030.")
    False
    >>> future_only("When will the bridge open?", "The new bridge will open in late 2030.")
    False
    """
    spans = date_spans(text)
    if not ASKS_PAST.match(question) or not spans:
        return False
    return all(FUTURE.search(text[slice(*clause_of(text, *span))]) for span in spans)


# "What time did the crews arrive at the mill?", "When the collision happened?": what follows the wh-phrase.
TIMED = re.compile(
    r"^\W*(?:and\s+)?(?:at\s+)?(?:what\s+time|when)\s+(?:(?:did|does|do|will|would|has|have|had|was|were|is|are)\s+)?"
    r"(?P<rest>.+?)\W*$",
    re.I,
)
# Words that end a question's verb phrase: prepositions and determiners ("arrive at the mill", "leave the museum").
VERB_PHRASE_ENDS = frozenset(
    "at in on to from for by with into onto near after before during across over under the a an its their his her".split()
)


def timed_event(question: str) -> str | None:
    """The verb of the event a "What time did X V ...?" or "When did X V ...?" question asks
    the time of: the last word in lower case before the first preposition or determiner
    after one ("arrive" of "arrive at the mill"), else the last word in lower case; None for
    other questions.

    >>> [timed_event(q) for q in ["What time did the fire crews arrive at the mill?", "At what time was the alarm raised?"]]
    ['arrive', 'raised']
    >>> [timed_event(q) for q in ["When did Ines Roth leave Kiel?", "When the collision happened?", "Who left?"]]
    ['leave', 'happened', None]
    """
    found = TIMED.match(question)
    if found is None:
        return None
    words = re.findall(r"[\w’'-]+", found["rest"])
    lower = [i for i, w in enumerate(words) if w.isalpha() and w.islower() and w not in VERB_PHRASE_ENDS]
    for i, word in enumerate(words):
        if word.lower() in VERB_PHRASE_ENDS and any(j < i for j in lower):
            return words[max(j for j in lower if j < i)]
    return words[lower[-1]] if lower else None


def clock_stretch(text: str, span: Span) -> str:
    """The words that say what the time of day at ``span`` is the time of: those of its
    clause since the time before it ("called at" of "called at 23:23 and arrived at 23:29"),
    or, when none stand there, those after it up to the next time ("At 04:12 the ferries
    collided").

    >>> t = "Crews were called at 23:23 and arrived at 23:29."
    >>> [clock_stretch(t, (t.index(c), t.index(c) + 5)) for c in ("23:23", "23:29")]
    ['Crews were called at ', ' and arrived at ']
    >>> clock_stretch("At 04:12 the two ferries collided in fog.", (3, 8))
    ' the two ferries collided in fog.'
    """
    clocks = clock_spans(text)
    masked = "".join("." if c == ":" and any(a <= i < b for a, b in clocks) else c for i, c in enumerate(text))
    left, right = clause_of(masked, *span)  # the colon of "23:23" ends no clause
    others = [(a, b) for a, b in clocks if left <= a and b <= right and (a, b) != span]
    start = max([left, *(b for a, b in others if b <= span[0])])
    end = min([right, *(a for a, b in others if a >= span[1])])
    before = text[start : span[0]]
    return before if tokenize(before) else text[span[1] : end]


def dated_event(text: str, verb: str, vectors: WordVectors | None = None) -> bool:
    """Whether ``text`` dates an event ``verb`` says (a date not of a statement, ``speech_date``,
    in a clause with the verb or a near word, ``says_predicate``: "detained on Saturday" for
    "arrested").

    >>> dated_event("The men were arrested late on Saturday 25 October.", "arrested")
    True
    >>> dated_event("The men, who were arrested, spoke to police on Monday.", "arrested")
    False
    """
    for span in date_spans(text):
        left, right = clause_of(text, *span)
        if speech_date(text, span) is None and says_predicate((verb,), text[left:right], vectors):
            return True
    return False


def mentions_name(name: str, text: str, ordinary: Collection[str] = ()) -> bool:
    """Whether ``text`` mentions ``name``: its words in a row, or its last word alone when
    that word is its own (a surname; not a word in ``ordinary``, stems of words the corpus
    also writes in lower case: "American carrier" does not mention American Airlines).

    >>> mentions_name("Kari Nordmann", "Nordmann said so."), mentions_name("Ana Nunez", "Núñez said so.")
    (True, True)
    >>> mentions_name("American Airlines", "More than any American carrier.", ordinary={"airlin", "carrier"})
    False
    """
    words = re.findall(r"[\w’'-]+", unaccented(name))
    text = unaccented(text)  # "Nunez" typed for "Nuñez"
    if not words:
        return False
    phrase = r"\s+".join(re.escape(w) for w in words)
    if re.search(rf"\b{phrase}\b", text, re.I):
        return True
    last = words[-1]
    return (
        len(words) > 1
        and stem(last.lower()) not in ordinary
        and re.search(rf"\b{re.escape(last)}\b", text, re.I) is not None
    )


def nouns_named(question: str, names: Sequence[str]) -> list[str]:
    """The ``names`` a question uses as nouns, not as modifiers of a word after them ("in
    Europe", not "the Spanish economy", which documents may word "Spain's economy").

    >>> nouns_named("What did the storm cost the Spanish economy in Europe?", ["Spanish", "Europe"])
    ['Europe']
    """
    return [n for n in names if not re.search(rf"\b{re.escape(n)}\s+[a-z]", question)]
