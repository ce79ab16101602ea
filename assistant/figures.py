"""Figures: numbers with what they measure, and where documents give the same measure
different values.

Scope: English prose. A figure is money with its currency and scale ("£1m", "£1 million"
and "£1,000,000" are all 1,000,000 GBP), a percentage ("95%", "95 per cent"), a count
("12,000 people"), a length of time ("286 days", "about eight days", "a 10-day flight":
its unit kept, "day"), a year ("in 2025") or a date ("15 May 2025", "May 15, 2025",
"March 2024"). Each keeps its qualifier as a bound ("more than 12,000" is at least
12,000), its document offsets, the content words of what it measures (a few words either
side within its clause, stemmed) and the year it refers to ("in 2025", or "this year"
read against the document's date).

``merge`` groups identical figures of the same measure from several documents, and
``disagreements`` finds a measure given different values by different documents ("more
than 12,000 crossings in 2025" against "over 12,500"). Two figures measure the same
thing when they are of the same kind and unit, refer to no different years, lie within a
factor of two of each other (percentages: within 25 points), and share content words
(``same_measure``; a length of time's words are its unit and its whole clause, and
lengths in different units are never compared, since "nine months" may round "286
days"); callers with sentence vectors may pass a stricter or looser test.

A number that is part of a name ("Interstate 695", "Flight 370", "Section 230") is not a
count. A range ("10 to 12 hours", "two or three days") is one figure, read by its first number.
Not handled: fractions, ratios,
currencies other than pound, dollar, euro and yen; figures stated across two sentences.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from assistant.lexical import STOPWORDS, tokenize
from assistant.names import UPPER
from assistant.numerals import MONTHS, NUMBER_WORDS, parse_number
from assistant.records import Sentence

FigureKind = Literal["money", "percent", "count", "duration", "year", "date", "clock"]
Bound = Literal["exact", "at least", "at most", "about"]

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = r"(?:thousand|million|billion|trillion|bn|mn|tn|m|k|b)\b"
CURRENCY_SIGNS = {"£": "GBP", "$": "USD", "US$": "USD", "€": "EUR", "¥": "JPY"}
CURRENCY_WORDS = {
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "yen": "JPY",
}
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"

# "$1.7-1.9 billion" or "$12-15" is one figure, a range read by its low end (a scale after the high end counts for both).
MONEY_SIGN = re.compile(
    rf"(?<![\w$£€¥])(?P<cur>US\$|[£$€¥])\s?(?P<num>{NUMBER})(?:\s?[-–]\s?(?P<high>(?:{NUMBER})))?"
    rf"(?:\s?(?P<scale>{SCALE}))?",
    re.I,
)
# The high end of a money range written in full: "$1.7 billion to $1.9 billion", "£40m-£50m".
MONEY_RANGE_TAIL = re.compile(rf"(?:\s?[-–]\s?|\s+(?:to|or)\s+)(?:US\$|[£$€¥])\s?(?:{NUMBER})(?:\s?{SCALE})?", re.I)
# "40 euros", and as a modifier "a 200-euro pass", "a 10-pound note".
MONEY_WORD = re.compile(
    rf"(?<![\w.,])(?P<num>{NUMBER})(?:\s?(?P<scale>{SCALE}))?[\s-](?P<cur>pounds?|sterling|dollars?|euros?|yen)\b", re.I
)
PERCENT = re.compile(rf"(?<![\w.,])(?P<num>{NUMBER})\s?(?:%|per\s?cent\b|percent\b)", re.I)
DATE_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH})(?:,?\s+(?P<year>(?:19|20)\d\d))?\b")
DATE_MDY = re.compile(rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b")
DATE_MY = re.compile(rf"\b(?P<month>{MONTH})\s+(?P<year>(?:19|20)\d\d)\b")
YEAR = re.compile(r"(?<![\w£$€¥.,\-])(?P<year>(?:19|20)\d\d)(?![\w%]|[.,]\d)")
TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\b\.?)?|\b\d{1,2}\s?[ap]\.?m\b\.?", re.I)
CLOCK_PARTS = re.compile(r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s?(?:(?P<half>[ap])\.?m\b)?", re.I)
# Number words that count ("zero" and "one" are too often no count: "one of them", "one day").
COUNT_WORDS = {w: n for w, n in NUMBER_WORDS.items() if n >= 2}
# A number word counts something when a word other than "of" follows ("eight deaths", not "two of them"),
# or a unit of time joined by a hyphen ("a four-minute raid").
WORD_COUNT = re.compile(
    rf"\b(?P<word>{'|'.join(COUNT_WORDS)})\b(?=\s+(?!of\b)[a-z]|-(?:second|minute|hour|day|night|week|month|year|decade)s?\b)",
    re.I,
)
COUNT = re.compile(
    rf"(?<![\w£$€¥.,\-/])(?P<num>{NUMBER})(?:\s(?P<scale>thousand|million|billion|trillion)\b)?(?![\w%/])"
)
QUALIFIER = re.compile(
    r"\b(?P<q>more than|over|at least|upwards of|in excess of|almost|nearly|close to|about|around|roughly|"
    r"approximately|some|an estimated|up to|fewer than|less than|under|below|no more than|just over|just under|"
    r"well over|well under|higher than|greater than|larger than|lower than|smaller than)\s+$",
    re.I,
)
BOUNDS: dict[str, Bound] = {
    "more than": "at least",
    "over": "at least",
    "at least": "at least",
    "upwards of": "at least",
    "in excess of": "at least",
    "just over": "at least",
    "well over": "at least",
    "higher than": "at least",
    "greater than": "at least",
    "larger than": "at least",
    "lower than": "at most",
    "smaller than": "at most",
    "up to": "at most",
    "fewer than": "at most",
    "less than": "at most",
    "under": "at most",
    "below": "at most",
    "no more than": "at most",
    "just under": "at most",
    "well under": "at most",
    "almost": "at most",
    "nearly": "at most",
}
CLAUSE_BREAK = re.compile(r"[;:—–()“”\"]|,\s+(?:and|but|while|whereas|which|who|putting|saying|as)\b|,")
THIS_YEAR = re.compile(
    r"\b(?:this|the current)\s+year\b|\bso far\b|\bsince the (?:start|beginning) of the year\b|\bsince january\b|"
    r"\byear to date\b",
    re.I,
)
CURRENT_YEAR = 0  # Figure.year when the text says "this year" and the document's date is unknown
# Words around a figure that say when or how, not what is measured.
NOT_MEASURE = frozenset("far now currently already yet still just since past ago recent latest so year".split())
# Nouns naming what a sum of money cost someone: one measure however a report words it ("the
# outage cost it $500 million", "puts its losses at $550 million", "a repair bill of €4 million").
COST_WORDS = frozenset(tokenize("cost costs loss losses bill bills expense expenses outlay"))
WINDOW_BEFORE = 4
WINDOW_AFTER = 7
MAX_RATIO = 2.0
MAX_PERCENT_POINTS = 25.0
MAX_CLOCK_MINUTES = 120.0  # two times of day further apart than this are no two accounts of one moment
MIN_SHARED_WORDS = 2


@dataclass(frozen=True)
class Figure:
    """A number in a document, what it measures, and where it is."""

    doc_id: str
    sentence_id: str
    start: int  # document offsets of the figure's words, qualifier included ("more than 12,000")
    end: int
    text: str
    kind: FigureKind
    value: float  # money in units of its currency, percentages in points, dates as yyyymmdd
    unit: str = ""  # "GBP", "USD", "EUR", "JPY", "%" or ""
    bound: Bound = "exact"
    measure: tuple[str, ...] = ()  # content-word stems of what it measures
    year: int | None = None  # the year the figure refers to, when the text says
    noun: tuple[str, ...] = ()  # a count's own noun, stemmed ("22 crew members" -> crew, member)

    @property
    def when(self) -> str:
        """A date or year as ISO text ("2025-05-15", "2024-03", "2025"); else ""."""
        if self.kind not in ("date", "year"):
            return ""
        n = int(self.value)
        year, month, day = n // 10000, n // 100 % 100, n % 100
        return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


@dataclass(frozen=True)
class FigureGroup:
    """The same value of the same measure, from one or more documents."""

    figures: tuple[Figure, ...]

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.doc_id for f in self.figures))

    @property
    def value(self) -> float:
        return self.figures[0].value


@dataclass(frozen=True)
class Disagreement:
    """One measure given different values by different documents, one group per value."""

    values: tuple[FigureGroup, ...]
    measure: tuple[str, ...]  # the content words the figures share


def qualifier_bound(before: str) -> tuple[Bound, int]:
    """The bound a qualifier just before a number sets, and the qualifier's length.

    >>> qualifier_bound("crossings rose to more than "), qualifier_bound("a total of ")
    (('at least', 10), ('exact', 0))
    """
    m = QUALIFIER.search(before)
    if not m:
        return "exact", 0
    q = m.group("q").lower()
    return BOUNDS.get(q, "about"), len(before) - m.start("q")


def clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` holding text[start:end]: bounded by ; : dashes, quotation
    marks, brackets and commas."""
    left = 0
    for m in CLAUSE_BREAK.finditer(text, 0, start):
        left = m.end()
    right_match = CLAUSE_BREAK.search(text, end)
    right = right_match.start() if right_match else len(text)
    return left, right


def measure_words(text: str, start: int, end: int) -> tuple[str, ...]:
    """Content-word stems of what a figure at text[start:end] measures: a few words either
    side within its clause, without numbers and words of time.

    >>> measure_words("More than 12,000 people have crossed the Channel so far in 2025, putting it", 10, 16)
    ('people', 'cross', 'channel')
    """
    left, right = clause_of(text, start, end)
    before = [w for w in tokenize(text[left:start]) if _is_measure_word(w)][-WINDOW_BEFORE:]
    after = [w for w in tokenize(text[end:right]) if _is_measure_word(w)][:WINDOW_AFTER]
    noun = counted_noun(text, start, end)
    if not (noun or before or after):
        before = labelled(text, left)
    return tuple(dict.fromkeys(([noun] if noun else []) + before + after))


def money_measure(words: Iterable[str]) -> tuple[str, ...]:
    """The measure words of a sum of money, each noun of cost read as "cost" (``COST_WORDS``).

    >>> money_measure(("airline", "put", "loss")), money_measure(("repair", "bill"))
    (('airline', 'put', 'cost'), ('repair', 'cost'))
    """
    return tuple(dict.fromkeys("cost" if w in COST_WORDS else w for w in words))


def labelled(text: str, left: int) -> list[str]:
    """The content-word stems of the label of a figure that stands alone after a colon
    ("Value of the stolen jewels, as estimated by the curators: 88 million euros", a fact
    sheet's "Investigators on the case: about 100"): what the label says it measures.
    [] when no colon ends the text before ``left``.

    >>> t = "Homes still without power: about 2,400."
    >>> labelled(t, t.index(":") + 1), labelled("About 2,400 homes", 0)
    (['hom', 'without', 'power'], [])
    """
    label = text[:left].rstrip()
    if not label.endswith(":"):
        return []
    return [w for w in tokenize(label[:-1]) if _is_measure_word(w)][: WINDOW_BEFORE + WINDOW_AFTER]


ASKS_LENGTH = re.compile(
    r"\bhow\s+(?:long|many\s+(?:more\s+)?(?:seconds|minutes|hours|days|nights|weeks|months|years|decades))\b", re.I
)


def asks_length(question: str) -> bool:
    """Whether a question asks for a length of time ("How long ...?", "How many days ...?").

    >>> [asks_length(q) for q in ["How long did the strike last?", "How many weeks was it shut?", "How many died?"]]
    [True, True, False]
    """
    return ASKS_LENGTH.search(question) is not None


def duration_measure(text: str, start: int, end: int, unit: str) -> tuple[str, ...]:
    """What a length of time at text[start:end] measures: its unit, then the content words
    of its whole clause, since what lasts is the clause's event, often far from the number
    ("The crew flight test lifted off on 5 June with a planned stay of about eight days").

    >>> t = "The ferry trial, which began in May, ran for about six weeks on the northern route."
    >>> duration_measure(t, t.index("six"), t.index(" on"), "week")
    ('week', 'ran', 'northern', 'route')
    """
    left, right = clause_of(text, start, end)
    words = tokenize(text[left:start] + " " + text[end:right])
    return tuple(dict.fromkeys([unit, *(w for w in words if _is_measure_word(w) and w not in NUMBER_WORDS)]))


# A count that stands as the subject of one of these verbs has left out what it counts
# ("344 were cancelled", "12 have since died", "two of them remain").
ELIDED_NOUN = re.compile(
    r"\s+(?:of\s+(?:them|those|these)\b|(?:were|was|are|is|have|has|had|remain(?:ed)?|will|would|could|may|"
    r"might|must|died|survived)\b)",
    re.I,
)


def counted_noun(text: str, start: int, end: int) -> str | None:
    """What a count at text[start:end] counts when the sentence leaves it out: a count
    followed by a verb ("344 were cancelled") counts the noun of the count before it in
    the sentence ("Of about 6,000 flights scheduled ..., 344 were cancelled" -> "flight").
    None when the count names its own noun or no earlier count names one.

    >>> t = "Of the 120 passengers on board, 14 were taken to hospital."
    >>> counted_noun(t, t.index("14"), t.index("14") + 2), counted_noun(t, 7, 10)
    ('passenger', None)
    """
    if not ELIDED_NOUN.match(text, end):
        return None
    earlier = [(s, e) for s, e, kind, *_ in raw_figures(text[:start]) if kind == "count"]
    for _, e in reversed(earlier):
        after = re.match(r"\s+([^\W\d_][\w'’-]*)", text[e:])
        if after and not ELIDED_NOUN.match(text, e):
            words = [w for w in tokenize(after.group(1)) if _is_measure_word(w)]
            if words:
                return words[0]
    return None


COUNTED_WORD = re.compile(r"[\s-]+(?P<word>[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*)")
MAX_NOUN_WORDS = 3
VERB_FORM = re.compile(r"(?:ed|ing)$")  # after a count's first word, a verb ends its noun ("deaths linked to")
# Nouns that count people in general: they may stand for any group of people ("12,000 people"
# and "12,500 migrants" count the same crossings).
GENERAL_NOUNS = frozenset(tokenize("people persons individuals others ones"))


def counted_phrase(text: str, end: int) -> tuple[int, int] | None:
    """The span of the words a count ending at ``end`` names as what it counts: up to three
    words right after it, up to a function word or punctuation. None when none follows
    ("four were sent", "two of them").

    >>> t = "The ship had 22 crew members on board and 4,700 containers."
    >>> [t[a:b] for a, b in (counted_phrase(t, t.index("22") + 2), counted_phrase(t, t.index("4,700") + 5))]
    ['crew members', 'containers']
    >>> t = "a 30-storey office tower being built"
    >>> t[slice(*counted_phrase(t, 4))], counted_phrase("four were sent", 4)
    ('storey office tower', None)
    >>> t = "eight deaths linked to the storm, 40 injured people"
    >>> t[slice(*counted_phrase(t, 5))], t[slice(*counted_phrase(t, t.index("40") + 2))]
    ('deaths', 'injured people')
    """
    start = stop = None
    at = end
    for _ in range(MAX_NOUN_WORDS):
        m = COUNTED_WORD.match(text, at)
        word = m["word"].lower() if m else ""
        if m is None or word in STOPWORDS or word in BOUNDS or (start is not None and VERB_FORM.search(word)):
            break
        start = m.start("word") if start is None else start
        stop = at = m.end()
    return (start, stop) if start is not None and stop is not None else None


def counted_words(text: str, end: int) -> tuple[str, ...]:
    """Stems of what a count ending at ``end`` counts (``counted_phrase``); () when it
    names nothing."""
    span = counted_phrase(text, end)
    return tuple(dict.fromkeys(tokenize(text[span[0] : span[1]]))) if span else ()


def names_other_things(a: Figure, b: Figure) -> bool:
    """Whether two counts name different things right after their numbers ("two test
    pilots", "four seats"): both name one, neither is a general noun for people, and they
    share no word nor two words for one measure ("passengers", "customers": ``synonymous``).
    Such counts never measure the same thing.

    >>> f = lambda noun: Figure("d", "d#s0", 0, 1, "", "count", 2.0, noun=noun)
    >>> names_other_things(f(("test", "pilot")), f(("seat",))), names_other_things(f(("people",)), f(("migrant",)))
    (True, False)
    >>> names_other_things(f(("passenger",)), f(("customer",)))
    False
    """
    if a.kind != "count" or b.kind != "count" or not a.noun or not b.noun:
        return False
    if GENERAL_NOUNS & (set(a.noun) | set(b.noun)):
        return False
    return not set(a.noun) & set(b.noun) and not any(synonymous(x, y) for x in a.noun for y in b.noun)


RANGE_OPENS = re.compile(r"\b(?:between|from)\s+$", re.I)
RANGE_JOINS = re.compile(r"^\s+(?:and|to)\s+$", re.I)


def range_ends(figures: Sequence[Figure], text: str) -> set[int]:
    """Which of a document's figures (in order, with ``text`` the document) are an end of a
    range ("between $540 million and $1.08 billion", "from 40 to 60"): one estimate, not
    two values, so neither end is a value another report could differ from.

    >>> t = "Losses will run between $5m and $8m, and 40 staff left."
    >>> f = lambda s: Figure("d", "d#s0", t.index(s), t.index(s) + len(s), s, "money", 1.0)
    >>> sorted(range_ends([f("$5m"), f("$8m"), f("40")], t))
    [0, 1]
    """
    ends: set[int] = set()
    for i, (a, b) in enumerate(itertools.pairwise(figures)):
        if (
            a.sentence_id == b.sentence_id
            and RANGE_JOINS.match(text[a.end : b.start])
            and RANGE_OPENS.search(text[: a.start])
        ):
            ends |= {i, i + 1}
    return ends


PERIOD_BEFORE = re.compile(
    r"\b(?:in|over|during|across)\s+(?:(?:the|those|these|its|their|that)\s+)?(?:(?:first|last|past|next|same)\s+)?$",
    re.I,
)


def counting_period(text: str, start: int) -> bool:
    """Whether a length of time at ``text[start:]`` is the period a count or sum before it in
    its clause is counted over ("cancelled 5,000 flights in those three days", "raised £2m
    over five years"), not a length of something of its own ("closed for 16 hours").

    >>> t = "Delta cancelled 5,000 flights in those three days, and the strike lasted over two weeks."
    >>> counting_period(t, t.index("three")), counting_period(t, t.index("two"))
    (True, False)
    """
    if PERIOD_BEFORE.search(text, 0, start) is None:
        return False
    left, _ = clause_of(text, start, start)
    return any(kind in ("count", "money") for _, _, kind, _, _ in raw_figures(text[left:start]))


def other_periods(a: Sequence[Figure], b: Sequence[Figure]) -> bool:
    """Whether two figures are counted over different lengths of time: ``a`` and ``b`` are
    the durations their sentences give, both some and none the same ("nearly 5,000 flights
    in three days", "more than 6,000 flights over five days").

    >>> d = lambda v: Figure("d", "d#s0", 0, 1, "", "duration", v, "day")
    >>> other_periods([d(3.0)], [d(5.0)]), other_periods([d(3.0)], [d(3.0), d(7.0)]), other_periods([], [d(5.0)])
    (True, False, False)
    """
    return bool(a) and bool(b) and not {(f.value, f.unit) for f in a} & {(f.value, f.unit) for f in b}


# A noun phrase whose value a money figure right after it gives ("the closure of the port was
# costing the region about $10 million", "a fixed-price contract worth nearly $5 billion"): a
# determiner or possessive, content words, and at most one "of/to/for ..." after them.
_DETERMINER = rf"(?:(?i:the|a|an|its|their|his|her|our|this|these)|{UPPER}[\w'’]*[’']s)"
_CONTENT = rf"(?!(?:{'|'.join(sorted(STOPWORDS, key=len, reverse=True))})\b)[\w'’-]+"
VALUED = re.compile(
    rf"(?<![\w'’])(?P<np>{_DETERMINER}\s+(?:{_CONTENT}\s+){{0,3}}?{_CONTENT}"
    rf"(?:\s+(?i:of|to|for|in|on)\s+(?:{_DETERMINER}\s+)?(?:{_CONTENT}\s+){{0,2}}?{_CONTENT})?)\s+"
    r"(?:(?:will|would|could|might|may|is|are|was|were|has|have|had|be|been|being)\s+)*"
    r"(?:cost(?:s|ing)?|worth|valued\s+at|totall?(?:ed|ing|s)|amount(?:ed|ing|s)?\s+to|came\s+to)\b"
)
# After a money figure or a percentage, what it is for or of ("670 million euros for the scheme").
VALUE_OF = re.compile(r"\s+(?:for|of|in|on)\s+(?P<np>(?:(?:the|a|an|its|their)\s+)?[^\W\d_][\w'’-]*)")


def measure_label(text: str, start: int, end: int, kind: FigureKind) -> str:
    """What a figure at text[start:end] measures, as a phrase of its sentence, for a heading:
    a count's noun ("crew members"), a length of time's unit ("days"), or for money and
    percentages the noun phrase it gives the value of ("the closure of the port") or what
    it is for ("the scheme"). "" when the sentence names none: never a fragment.

    >>> t = "Officials said the closure of the ferry pier was costing the town about £40,000 a week."
    >>> measure_label(t, t.index("about"), t.index(" a week"), "money")
    'the closure of the ferry pier'
    >>> t = "The ferry carried 212 foot passengers and 40 cars."
    >>> measure_label(t, t.index("212"), t.index("212") + 3, "count")
    'foot passengers'
    """
    if kind == "count":
        span = counted_phrase(text, end)
        if span is None and ELIDED_NOUN.match(text, end):
            counts = [e for _, e, k, *_ in raw_figures(text[:start]) if k == "count"]
            span = next((sp for e in reversed(counts) if (sp := counted_phrase(text, e))), None)
        return text[span[0] : span[1]] if span else ""
    if kind == "duration":
        return re.split(r"[\s-]", text[start:end])[-1]
    if kind in ("money", "percent"):
        left, _ = clause_of(text, start, end)
        left = max((m.end() for m in re.finditer(r"\bthat\s+", text[:start])), default=left)
        valued = list(VALUED.finditer(text[left:start]))
        if valued and text[left + valued[-1].end() : start].split().__len__() <= 6:
            return valued[-1]["np"]
        after = VALUE_OF.match(text, end)
        if after and after["np"].lower().split()[-1] not in STOPWORDS:
            return after["np"]
    return ""


def figure_phrase(text: str, start: int, end: int, kind: FigureKind) -> tuple[int, int]:
    """The span of a figure at text[start:end] together with what it measures when its
    sentence says so beside it (``measure_label``), for a label: a count with its noun,
    money or a percentage with the phrase it is for or of, or the noun phrase it gives the
    value of; the figure alone when nothing beside it says what it measures.

    >>> t = "About 150 people were moved, 70 firefighters fought on, and one airline ran about 85% of its Saturday schedule."
    >>> [t[slice(*figure_phrase(t, t.index(n), t.index(n) + len(n), k))] for n, k in (("About 150", "count"), ("70", "count"), ("about 85%", "percent"))]
    ['About 150 people', '70 firefighters', 'about 85% of its Saturday schedule']
    >>> t = "The new span will cost $1.7-1.9 billion. About 1,300 on Friday."
    >>> [t[slice(*figure_phrase(t, t.index(n), t.index(n) + len(n), k))] for n, k in (("$1.7-1.9 billion", "money"), ("About 1,300", "count"))]
    ['The new span will cost $1.7-1.9 billion', 'About 1,300']
    """
    label = measure_label(text, start, end, kind)
    if not label or kind == "duration":
        return start, end
    if kind == "count":  # the noun ends at its plural: "70 firefighters" (fought the blaze)
        plural = re.search(r"\w(?<!s)s\b", label)
        label = label[: plural.end()] if plural else label
    after = text.find(label, end, end + len(label) + 12)
    if after >= 0:
        more = counted_phrase(text, after + len(label)) if kind != "count" else None  # "its Saturday" + "schedule"
        return start, more[1] if more else after + len(label)
    before = text.rfind(label, 0, start)
    return (before, end) if before >= 0 else (start, end)


def _is_measure_word(stem: str) -> bool:
    return stem.isalpha() and stem not in NOT_MEASURE and stem not in BOUNDS and len(stem) > 1


def year_referred(text: str, start: int, end: int, doc_year: int | None) -> int | None:
    """The year a figure's clause refers to: a year written in it, or the document's year
    for "this year" / "so far" (``CURRENT_YEAR`` when the document is undated)."""
    left, right = clause_of(text, start, end)
    clause = text[left:right]
    years = [int(m.group("year")) for m in YEAR.finditer(clause) if not left + m.start() <= start < left + m.end()]
    if years:
        return years[0]
    if THIS_YEAR.search(clause):
        return doc_year if doc_year is not None else CURRENT_YEAR
    return None


def document_year(date: str | None) -> int | None:
    """The year of a document's date ("2025-05-16", "16 May 2025", "2025"), if it has one."""
    m = re.search(r"(?:19|20)\d\d", date or "")
    return int(m.group(0)) if m else None


def _date_value(year: int | None, month: int, day: int) -> float:
    return float((year or 0) * 10000 + month * 100 + day)


DURATION = re.compile(
    r"[\s-]+(?P<half>and\s+a\s+half\s+)?(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|"
    r"century|centuries)\b",
    re.I,
)
# After a length of time, words that make it an age or a moment ("10 years old", "a 34-year-old", "three days later").
NOT_A_LENGTH = re.compile(r"[\s-]+(?:old|ago|later|earlier|before|after)\b", re.I)


def is_duration(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` is a length of time ("five years", "10-day"),
    which says how long, not how many of what."""
    return DURATION.match(text, end) is not None


def duration_unit(text: str, end: int) -> tuple[str, int, float] | None:
    """The unit of a length of time whose number ends at ``end`` (singular, lower case),
    where the unit word ends, and what "and a half" adds; None when the number is not one.
    "10 years old", "three days later" say an age or a moment, not a length.

    >>> t = "a planned 10-day trip that lasted two and a half weeks"
    >>> duration_unit(t, 12), duration_unit(t, t.index("two") + 3)
    (('day', 16, 0.0), ('week', 54, 0.5))
    """
    m = DURATION.match(text, end)
    if m is None or NOT_A_LENGTH.match(text, m.end()):
        return None
    unit = m["unit"].lower()
    unit = "century" if unit == "centuries" else unit.removesuffix("s")
    return unit, m.end(), 0.5 if m["half"] else 0.0


# A capitalised word that may stand before a count without naming it: a month or a weekday
# ("in March 344 flights"), or a qualifier opening a sentence ("About 300 ...").
NOT_A_NAME = frozenset([*MONTHS, *"monday tuesday wednesday thursday friday saturday sunday".split()])
# The capitalised word before a number, or before a list of numbers the number ends
# ("Terminals 2 and ", "Gates 3, 4 or ").
NAME_BEFORE = re.compile(
    rf"(?<![\w'’-])(?P<word>{UPPER}[^\W\d_]*)\s(?:\d+(?:,\s*|\s+(?:and|or|&)\s+|\s*,\s*(?:and|or)\s+))*$"
)


def names_a_thing(text: str, start: int) -> bool:
    """Whether the number at ``start`` is part of a name, not a count: it follows a
    capitalised word that is not a function word, a qualifier, a month or a weekday
    ("Interstate 695", "Flight 370", "Section 230", "Boeing 737"), also in a list of such
    numbers ("Terminals 2 and 4", "Gates 3, 4 or 5").

    >>> t = "Traffic on Interstate 695 moved again after 300 workers cleared it."
    >>> names_a_thing(t, t.index("695")), names_a_thing(t, t.index("300"))
    (True, False)
    >>> t = "About 300 people marched in March 344 days later."
    >>> names_a_thing(t, t.index("300")), names_a_thing(t, t.index("344"))
    (False, False)
    >>> t = "Staff cleared Terminals 2 and 4 while 40 flights waited."
    >>> names_a_thing(t, t.index("4 ")), names_a_thing(t, t.index("40"))
    (True, False)
    """
    m = NAME_BEFORE.search(text[:start])
    if m is None:
        return False
    word = m["word"].lower()
    return word not in STOPWORDS and word not in NOT_A_NAME and QUALIFIER.search(m["word"] + " ") is None


RANGE_TAIL = re.compile(rf"\s*(?:to|or|–|-)\s*(?:{NUMBER}|{'|'.join(COUNT_WORDS)})\b(?!\s*(?:%|per\s?cent))", re.I)


FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:about|around|some|roughly|nearly|almost|just|over|under)\s+)?$", re.I)


def range_end(text: str, start: int, end: int) -> int:
    """Where a number at text[start:end] ends with the rest of its range ("10 to 12 hours",
    "two or three days", "40-50 people": one figure, read by its first number); ``end``
    when no second number follows, or when "from" opens it ("rose from 30 to 33" is a
    change, and "from 40 to 60" two ends ``range_ends`` reads).

    >>> t = "Repairs take 10 to 12 hours; two or three crews and 40 volunteers help."
    >>> [t[t.index(n) : range_end(t, t.index(n), t.index(n) + len(n))] for n in ("10", "two", "40")]
    ['10 to 12', 'two or three', '40']
    >>> t = "The toll rose from 30 to 33."
    >>> range_end(t, t.index("30"), t.index("30") + 2) == t.index("30") + 2
    True
    """
    m = RANGE_TAIL.match(text, end)
    if m is None or FROM_BEFORE.search(text, 0, start):
        return end
    return m.end()


def money_range_end(text: str, start: int, end: int) -> int:
    """Where a money figure at text[start:end] ends with the high end of its range written
    in full ("$1.7 billion to $1.9 billion": one figure, read by its low end); ``end`` when
    none follows, or when "from" opens it ("rose from $2bn to $3bn" is a change).

    >>> t = "Repairs will cost $1.7 billion to $1.9 billion, and the fare rose from $2 to $3."
    >>> [t[t.index(n) : money_range_end(t, t.index(n), t.index(n) + len(n))] for n in ("$1.7 billion", "$2")]
    ['$1.7 billion to $1.9 billion', '$2']
    """
    m = MONEY_RANGE_TAIL.match(text, end)
    if m is None or FROM_BEFORE.search(text, 0, start):
        return end
    return m.end()


AGE_BEFORE = re.compile(r"\b(?:aged|ages?(?:\s+of)?|age\s+group\s+of)\s+(?:between\s+|about\s+|around\s+)?$", re.I)


def gives_an_age(text: str, start: int) -> bool:
    """Whether the number at ``start`` is someone's age ("aged 39", "at the age of 70"),
    which says how old, not how many of what.

    >>> t = "The other, aged 39, was held with 12 others at the age of 70."
    >>> gives_an_age(t, t.index("39")), gives_an_age(t, t.index("12")), gives_an_age(t, t.index("70"))
    (True, False, True)
    """
    return AGE_BEFORE.search(text, 0, start) is not None


def clock_value(time: str) -> float | None:
    """Minutes after midnight of a time of day written as ``TIME`` matches it ("04:12",
    "4.30 p.m.", "11pm"); None for a decimal without am/pm ("3.45" may be no time) or an
    hour or minute out of range.

    >>> [clock_value(t) for t in ("04:12", "4.30 p.m.", "11pm", "12am", "3.45", "25:10")]
    [252.0, 990.0, 1380.0, 0.0, None, None]
    """
    m = CLOCK_PARTS.match(time)
    if m is None or ("." in time[: m.end()] and not m["half"] and m["minute"]):
        return None
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    if m["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m["half"].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return float(hour * 60 + minute)


def raw_figures(text: str) -> list[tuple[int, int, FigureKind, float, str]]:
    """(start, end, kind, value, unit) of every figure in ``text``, in order; a number is
    read once, as money, percentage, date, year or count, in that order of preference.

    >>> [(k, v, u) for _, _, k, v, u in raw_figures("It cost £1.5bn, 40% more, by 3 May 2024.")]
    [('money', 1500000000.0, 'GBP'), ('percent', 40.0, '%'), ('date', 20240503.0, '')]
    """
    found: list[tuple[int, int, FigureKind, float, str]] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(s: int, e: int, kind: FigureKind, value: float, unit: str) -> None:
        if free(s, e):
            found.append((s, e, kind, value, unit))
            taken.append((s, e))

    for m in MONEY_SIGN.finditer(text):
        end = money_range_end(text, m.start(), m.end())
        add(m.start(), end, "money", parse_number(m["num"], m["scale"]), CURRENCY_SIGNS[m["cur"].upper()])
    for m in MONEY_WORD.finditer(text):
        add(m.start(), m.end(), "money", parse_number(m["num"], m["scale"]), CURRENCY_WORDS[m["cur"].lower()])
    for m in PERCENT.finditer(text):
        add(m.start(), m.end(), "percent", parse_number(m["num"]), "%")
    for pattern in (DATE_DMY, DATE_MDY):
        for m in pattern.finditer(text):
            day = int(m["day"])
            if 1 <= day <= 31:
                year = int(m["year"]) if m["year"] else None
                add(m.start(), m.end(), "date", _date_value(year, MONTHS[m["month"].lower()], day), "")
    for m in DATE_MY.finditer(text):
        add(m.start(), m.end(), "date", _date_value(int(m["year"]), MONTHS[m["month"].lower()], 0), "")
    for m in TIME.finditer(text):
        minutes = clock_value(m.group(0))
        if minutes is not None:
            # "11pm." at a sentence's end: the full stop is the sentence's, "a.m." keeps its own.
            dotted = re.search(r"\.[ap]?\.?m\.$|[ap]\.m\.$", m.group(0), re.I)
            end = m.end() - 1 if m.group(0).endswith(".") and not dotted else m.end()
            add(m.start(), end, "clock", minutes, "")
        taken.append((m.start(), m.end()))  # a time of day, or a decimal that may be one, is not a count
    for m in YEAR.finditer(text):
        add(m.start(), m.end(), "year", _date_value(int(m["year"]), 0, 0), "")
    for m in COUNT.finditer(text):
        last = range_end(text, m.start(), m.end())
        length = duration_unit(text, last)
        if length is not None:
            unit, end, half = length
            add(m.start(), end, "duration", parse_number(m["num"], m["scale"]) + half, unit)
        elif not (is_duration(text, last) or names_a_thing(text, m.start()) or gives_an_age(text, m.start())):
            add(m.start(), last, "count", parse_number(m["num"], m["scale"]), "")
    for m in WORD_COUNT.finditer(text):
        last = range_end(text, m.start(), m.end())
        length = duration_unit(text, last)
        if length is not None:
            unit, end, half = length
            add(m.start(), end, "duration", COUNT_WORDS[m["word"].lower()] + half, unit)
        elif not (is_duration(text, last) or gives_an_age(text, m.start())):
            add(m.start(), last, "count", float(COUNT_WORDS[m["word"].lower()]), "")
    return sorted(found)


def sentence_figures(sentence: Sentence, doc_year: int | None = None) -> list[Figure]:
    """The figures of one sentence, with document offsets, bounds, measures and years."""
    text = sentence.text
    figures = []
    for start, end, kind, value, unit in raw_figures(text):
        bound, qualifier = qualifier_bound(text[:start]) if kind not in ("year", "date") else ("exact", 0)
        if kind == "date" and value < 10000:  # a day and month without a year: use the document's
            value += (doc_year or 0) * 10000
        figures.append(
            Figure(
                doc_id=sentence.doc_id,
                sentence_id=sentence.sentence_id,
                start=sentence.start + start - qualifier,
                end=sentence.start + end,
                text=text[start - qualifier : end],
                kind=kind,
                value=value,
                unit=unit,
                bound=bound,
                measure=duration_measure(text, start, end, unit)
                if kind == "duration"
                else money_measure(measure_words(text, start, end))
                if kind == "money"
                else measure_words(text, start, end),
                year=year_referred(text, start, end, doc_year) if kind not in ("year", "date", "clock") else None,
                noun=counted_words(text, end) if kind == "count" else (),
            )
        )
    return figures


def extract(sentences: Iterable[Sentence], doc_date: str | None = None) -> list[Figure]:
    """The figures of a document's citable sentences, in document order."""
    year = document_year(doc_date)
    return [f for s in sentences if s.citable for f in sentence_figures(s, year)]


SameMeasure = Callable[[Figure, Figure], bool]


def comparable(a: Figure, b: Figure) -> bool:
    """Whether two figures could measure the same thing, words aside: same kind and unit
    (not a date), no different years, values within a factor of two (percentages within
    25 points, times of day within two hours)."""
    if a.kind != b.kind or a.unit != b.unit or a.kind in ("year", "date"):
        return False
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    if a.kind in ("percent", "clock"):
        return abs(a.value - b.value) <= _reach(a.kind)
    return min(a.value, b.value) > 0 and max(a.value, b.value) / min(a.value, b.value) <= MAX_RATIO


def _reach(kind: str) -> float:
    """How far apart two percentages (points) or times of day (minutes) may measure one thing."""
    return MAX_CLOCK_MINUTES if kind == "clock" else MAX_PERCENT_POINTS


def same_measure(a: Figure, b: Figure) -> bool:
    """Whether two figures measure the same thing: same kind and unit, no different years,
    values within a factor of two (percentages within 25 points), and at least two shared
    content words (one when either figure has only one).

    >>> f = lambda v, m: Figure("d", "d#s0", 0, 1, "", "count", v, measure=m)
    >>> same_measure(f(12000, ("people", "cross", "channel")), f(12500, ("migrant", "cross", "channel")))
    True
    >>> same_measure(f(12000, ("people", "cross", "channel")), f(40, ("boat", "seiz")))
    False
    """
    if not comparable(a, b):
        return False
    need = min(MIN_SHARED_WORDS, len(a.measure), len(b.measure))
    return need > 0 and shared_words(a.measure, b.measure) >= need


def measured(figure: Figure) -> tuple[str, ...]:
    """The words of what a figure measures, without a length of time's unit (every length
    in hours shares "hour", whatever lasted that long).

    >>> measured(Figure("d", "d#s0", 0, 1, "", "duration", 12.0, "hour", measure=("hour", "repair", "take")))
    ('repair', 'take')
    """
    if figure.kind == "duration" and figure.measure[:1] == (figure.unit,):
        return figure.measure[1:]
    return figure.measure


def same_stem(a: str, b: str) -> bool:
    """Whether two stems are one word cut differently ("carry" from "carrying", "carr" from
    "carried"): equal, or one of four letters or more starts the other, which is at most two
    letters longer ("port" and "portugal" are not).

    >>> same_stem("carr", "carry"), same_stem("port", "portugal"), same_stem("fee", "feed")
    (True, False, False)
    """
    short, long = sorted((a, b), key=len)
    return a == b or (len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 2)


def shared_words(a: Sequence[str], b: Sequence[str]) -> int:
    """How many of the stems ``a`` one of ``b`` matches (``same_stem``)."""
    return sum(1 for x in dict.fromkeys(a) if any(same_stem(x, y) for y in b))


def same_figure(a: Figure, b: Figure) -> bool:
    """Whether two figures state the same thing: the same kind, unit and value, and at
    least one content word in common (a value repeated exactly is itself strong evidence).

    >>> f = lambda m: Figure("d", "d#s0", 0, 1, "", "money", 2e6, "GBP", measure=m)
    >>> same_figure(f(("council", "set", "bus")), f(("council", "fund"))), same_figure(f(("bus",)), f(("fine",)))
    (True, False)
    """
    if (a.kind, a.unit, a.value) != (b.kind, b.unit, b.value) or a.kind in ("year", "date"):
        return False
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    return bool(set(a.measure) & set(b.measure)) or same_measure(a, b)


def floor_and_estimate(a: Figure, b: Figure) -> bool:
    """Whether one figure is a floor ("more than", "higher than") and the other is not: a
    floor at an estimate's value disputes the estimate rather than repeating it.

    >>> f = lambda b: Figure("d", "d#s0", 0, 1, "", "count", 8e6, bound=b, measure=("device",))
    >>> floor_and_estimate(f("at least"), f("about")), floor_and_estimate(f("at least"), f("at least"))
    (True, False)
    """
    return (a.bound == "at least") != (b.bound == "at least")


def _clusters(figures: Sequence[Figure], related: SameMeasure, ratio: float = MAX_RATIO) -> list[list[Figure]]:
    """Figures linked by ``related`` (union-find), each cluster in document order.

    ``related`` must imply ``comparable`` (same kind and unit, values within a factor of
    two, or ``ratio``, or 25 points): only such pairs are tried, found by sorting each kind
    and unit by value, so thousands of figures cost little more than sorting them."""
    parent = list(range(len(figures)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[tuple[str, str], list[int]] = {}
    for i, f in enumerate(figures):
        if f.kind not in ("year", "date"):
            buckets.setdefault((f.kind, f.unit), []).append(i)
    for (kind, _), members in buckets.items():
        members.sort(key=lambda i: figures[i].value)
        for a, i in enumerate(members):
            low = figures[i].value
            reach = low + _reach(kind) if kind in ("percent", "clock") else low * ratio
            for j in members[a + 1 :]:
                if figures[j].value > reach:
                    break
                if figures[i].doc_id != figures[j].doc_id and related(figures[i], figures[j]):
                    parent[root(j)] = root(i)
    groups: dict[int, list[Figure]] = {}
    for i, f in enumerate(figures):
        groups.setdefault(root(i), []).append(f)
    return list(groups.values())


def _by_value(cluster: Sequence[Figure]) -> list[FigureGroup]:
    values: dict[float, list[Figure]] = {}
    for f in cluster:
        values.setdefault(f.value, []).append(f)
    return [FigureGroup(tuple(fs)) for _, fs in sorted(values.items())]


def merge(figures: Sequence[Figure], related: SameMeasure = same_figure) -> list[FigureGroup]:
    """Figures of the same measure and value, from any number of documents, as one group
    each (in order of first appearance); dates and years are never merged.

    >>> f = lambda d, v: Figure(d, d + "#s0", 0, 1, "", "money", v, "GBP", measure=("fund", "forensic"))
    >>> [g.doc_ids for g in merge([f("a", 1e6), f("b", 1e6), f("c", 2e6)])]
    [('a', 'b'), ('c',)]
    """
    groups: list[FigureGroup] = []
    for cluster in _clusters(figures, related):
        groups.extend(_by_value(cluster))
    order = {id(f): i for i, f in enumerate(figures)}
    return sorted(groups, key=lambda g: order[id(g.figures[0])])


def rivals(values: Sequence[FigureGroup], disputing: Collection[str] = ()) -> list[FigureGroup]:
    """The values of one measure that may dispute each other: not a value stated only in
    sentences that give another of the values too, since one sentence does not dispute
    itself ("we lost one of our three lines and moved onto the other two": the two is a
    part of the three), unless it is one of ``disputing`` (sentence ids of sentences that
    give each value its own source: "officials said 30, but local media reported 33").

    >>> f = lambda d, s, v: Figure(d, f"{d}#s{s}", 0, 1, "", "count", v, measure=("line",))
    >>> [g.value for g in rivals([FigureGroup((f("a", 1, 2.0),)), FigureGroup((f("a", 1, 3.0), f("b", 4, 3.0)))])]
    [3.0]
    """
    sentences = [{f.sentence_id for f in g.figures} for g in values]
    return [
        g
        for i, g in enumerate(values)
        if not all(
            s not in disputing and any(s in other for j, other in enumerate(sentences) if j != i) for s in sentences[i]
        )
    ]


def disagreements(
    figures: Sequence[Figure],
    related: SameMeasure = same_measure,
    disputing: Collection[str] = (),
    ratio: float = MAX_RATIO,
) -> list[Disagreement]:
    """Measures that different documents give different values, each value with the
    figures (and so the documents) that give it. Figures are linked by ``related`` or
    when they are the same figure (``same_figure``); ``ratio``: how far apart in value a
    pair ``related`` may link is (it may reach beyond ``comparable``'s factor of two).

    >>> f = lambda d, v: Figure(d, d + "#s0", 0, 1, "", "count", v, measure=("crossing", "channel"), year=2025)
    >>> [[g.value for g in d.values] for d in disagreements([f("a", 12000.0), f("b", 12500.0), f("c", 12000.0)])]
    [[12000.0, 12500.0]]
    """
    found = []
    for cluster in _clusters(figures, lambda a, b: same_figure(a, b) or related(a, b), ratio):
        values = rivals(_by_value(cluster), disputing)
        docs_per_value = [set(g.doc_ids) for g in values]
        if len(values) < 2 or len(set().union(*docs_per_value)) < 2:
            continue
        # At least two values must come from documents that do not give both.
        if all(a == b for a in docs_per_value for b in docs_per_value):
            continue
        shared = set(cluster[0].measure)
        for f in cluster[1:]:
            shared &= set(f.measure) or shared
        measure = tuple(w for w in cluster[0].measure if w in shared)
        found.append(Disagreement(tuple(values), measure))
    return found


# Words that name one measure in general news English, one set per measure (a word may name
# several): two reports of one figure often name it differently ("the outage cost it $500
# million" and "puts its losses at $550 million"; "1,200 passengers" and "1,300 customers").
MEASURE_SYNONYMS: tuple[frozenset[str], ...] = tuple(
    frozenset(tokenize(words))
    for words in (
        "cost costs lost loss losses",
        "died dead deaths killed fatalities",
        "injured injuries hurt wounded",
        "passengers travellers travelers customers flyers",
        "flights services departures sailings",
        "homes households properties customers",
        "staff employees workers",
        "visitors tourists",
        "evacuated displaced",
        "arrested detained",
        "revenue revenues income sales earnings takings",
    )
)
HEAD_REACH = 5  # words before a figure that may name what it measures ("puts its losses at $550 million")


def synonymous(x: str, y: str) -> bool:
    """Whether two stems are two words for one measure: one set of ``MEASURE_SYNONYMS``
    holds both ("cost" and "loss", "customer" and "passenger"), and they are not one word
    cut differently (``same_stem``: that is the same word, not another one).

    >>> synonymous("cost", "loss"), synonymous("passenger", "customer"), synonymous("cost", "revenue")
    (True, True, False)
    >>> synonymous("passenger", "hom"), synonymous("death", "death")
    (False, False)
    """
    return not same_stem(x, y) and any(x in words and y in words for words in MEASURE_SYNONYMS)


def named_apart(x: str, y: str) -> bool:
    """Whether two stems name two different measures: each is a word of ``MEASURE_SYNONYMS``
    and no set holds both ("cost" and "revenue", "death" and "injured": what a storm cost
    and what a festival brought in, the dead and the hurt).

    >>> named_apart("cost", "revenu"), named_apart("death", "injur"), named_apart("cost", "loss"), named_apart("cost", "town")
    (True, True, False, False)
    """
    families = [{i for i, words in enumerate(MEASURE_SYNONYMS) if w in words} for w in (x, y)]
    return all(families) and not families[0] & families[1] and not same_stem(x, y)


def measure_head(text: str, start: int, end: int, kind: FigureKind) -> str | None:
    """The stem of the word that names what a figure at text[start:end] measures: a
    count's own noun (its last word up to its plural: "crew members" -> member, "4,000
    households without heating" -> household); else, within its clause,
    the nearest of the ``HEAD_REACH`` words before it that names a measure
    (``MEASURE_SYNONYMS``: "the storm cost the region about $40 million" -> cost); else the
    noun of the phrase after "in", "of" or "for" ("$380 million in lost revenue" ->
    revenue); else the nearest measure word before it ("puts its losses at $550 million" ->
    loss). None when its clause names nothing near it.

    >>> t = "The storm cost the region about $40 million, and insurers put their losses at $35 million."
    >>> [measure_head(t, t.index(n), t.index(n) + len(n), "money") for n in ("about $40 million", "$35 million")]
    ['cost', 'loss']
    >>> t = "The ferry carried 212 foot passengers; the strike left £2m in unpaid wages."
    >>> measure_head(t, t.index("212"), t.index("212") + 3, "count"), measure_head(t, t.index("£2m"), t.index("£2m") + 3, "money")
    ('passenger', 'wag')
    """
    if kind == "count":
        span = counted_phrase(text, end)
        if span:  # the noun ends at its plural: "4,000 households" (without heating)
            plural = re.search(r"\w(?<!s)s\b", text[span[0] : span[1]])
            words = tokenize(text[span[0] : span[0] + plural.end()] if plural else text[span[0] : span[1]])
            if words:
                return words[-1]
    left, right = clause_of(text, start, end)
    near = [w for word in text[left:start].split()[-HEAD_REACH:] for w in tokenize(word) if _is_measure_word(w)]
    named = [w for w in near if any(w in words for words in MEASURE_SYNONYMS)]
    if named:
        return named[-1]
    after = re.match(r"\s+(?:in|of|for)\s+", text[end:right])
    span = counted_phrase(text, end + after.end() - 1) if after else None
    words = [w for w in tokenize(text[span[0] : span[1]]) if _is_measure_word(w)] if span else []
    named_after = words or near
    return named_after[-1] if named_after else None


def totals_a_group(text: str, start: int) -> bool:
    """Whether a money figure at ``start`` is the total of a counted group, a count of two
    or more in its clause before it ("The six airlines in the index lost about $860 million
    between them"): a group's total never measures the same as one member's figure.

    >>> t = "The three councils spent £4m between them, while the county spent £3.5m."
    >>> totals_a_group(t, t.index("£4m")), totals_a_group(t, t.index("£3.5m"))
    (True, False)
    """
    left, _ = clause_of(text, start, start)
    return any(kind == "count" and value >= 2 for _, _, kind, value, _ in raw_figures(text[left:start]))
