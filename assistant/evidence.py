"""What kind of thing a piece of English text holds: dates, numbers, money, percentages, names.

Each finder returns ``(start, end)`` spans into the text it was given, so a composer can
quote the phrase verbatim (a short answer) and a feature can ask whether a sentence
holds what a question asks for. The patterns are general English surface forms, written
without any corpus in mind; names are runs of capitalised words, classed as a person,
an organisation or a place from the words around them.

Not handled: other languages; names written in lower case; spelled-out numbers above
the tens ("three hundred and twelve" is found as "three hundred"); dates in numeric
formats other than ISO and day/month/year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from assistant.names import PARTICLES
from assistant.numerals import CARDINAL, MONTHS

Span = tuple[int, int]
Period = tuple[int, int]  # the first and last year of a stretch of time

# Month names match only capitalised, as English writes them: "may" is a modal verb and
# "march" or "mar" a verb (the rest of DATE_RE ignores case).
MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?:s\b)?"
NUMBER_WORD = (
    rf"(?:{CARDINAL}|hundred|thousand|"
    r"dozen|dozens|hundreds|thousands|millions|billions|half|a million|a billion|a thousand|a hundred|"
    r"several|multiple|numerous|many|few|a few|a handful|a number|twice|thrice)"
)
SCALE = r"(?:\s?(?:million|billion|trillion|thousand|hundred|bn|m|k)\b)?"
DIGITS = r"\d+(?:[,.]\d+)*"
APPROX = r"(?:(?:more than|less than|fewer than|over|under|about|around|nearly|almost|at least|up to|some|roughly|approximately|just over|just under)\s+)?"

DATE_RE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}(?:,?\s+{YEAR})?|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{YEAR})?"
    rf"|{MONTH}\s+{YEAR}|{MONTH}\b|{WEEKDAY}(?:,?\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}(?:,?\s+{YEAR})?)?|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    rf"|(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)(?:\s+(?:and|to|or)\s+\d{{1,2}}(?:st|nd|rd|th))?|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    rf"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    rf"twenty-first))\s+centur(?:y|ies)|(?:(?:early|mid|late)[- ])?{YEAR}|yesterday|today|tomorrow"
    rf"|(?:last|next|this|coming|previous)\s+(?:week|month|year|decade|spring|summer|autumn|winter)"
    rf"|(?:(?:early|mid|late)[- ])?(?:spring|summer|autumn|winter)\s+(?:of\s+)?{YEAR}"
    rf"|(?:early|mid|late)[- ](?:spring|summer|autumn|winter)"
    rf"|\d{{1,2}}:\d{{2}}(?:\s?[ap]\.?m\b\.?)?(?:\s+(?:local\s+time|GMT|UTC|CET|BST))?)\b",
    re.I,
)
PERCENT_RE = re.compile(rf"{APPROX}(?:{DIGITS}|\b{CARDINAL})\s?(?:%|per\s?cent\b|percent\b|percentage points?\b)", re.I)
# A sum given only by its order of size: "millions of dollars", "tens of billions of euros",
# "single-digit millions" of dollars (a closing quotation mark may stand inside it).
ORDER_OF_MONEY = (
    r"(?:(?:tens|hundreds|dozens|single-digit|double-digit|several|many)\s+(?:of\s+)?)?"
    r"(?:thousands|millions|billions)[”\"’']?\s+of\s+(?:pounds|dollars|euros)\b"
)
# A sum given as a share of another: "up to 10% of its turnover", "5 per cent of annual revenue"
# ("5% of sales" alone may count goods sold).
SHARE_OF_MONEY = (
    r"(?:{DIGITS}|{CARDINAL})\s?(?:%|per\s?cent\b|percent\b)\s+of\s+(?:(?:its|their|his|her|the|\w+['’]s)\s+"
    r"(?:(?:annual|yearly|global|worldwide|total|gross|net)\s+)?|(?:annual|yearly|global|worldwide|total|gross|net)\s+)"
    r"(?:turnover|revenues?|sales|income|profits?|earnings|budget)\b"
)
MONEY_RE = re.compile(
    rf"{APPROX}(?:[£$€¥]\s?{DIGITS}{SCALE}|{DIGITS}{SCALE}\s?(?:pounds|dollars|euros|yen|francs|marks|pence|cents)\b"
    rf"|(?:a|one|two|three|several|many)\s+(?:million|billion|thousand)\s+(?:pounds|dollars|euros)|{ORDER_OF_MONEY}"
    rf"|{SHARE_OF_MONEY.format(DIGITS=DIGITS, CARDINAL=CARDINAL)})",
    re.I,
)
NUMBER_RE = re.compile(
    rf"{APPROX}(?:{DIGITS}{SCALE}|\b{NUMBER_WORD}\b(?:\s+(?:million|billion|thousand|hundred)\b)?)", re.I
)
# A length of time: a number (or "a", "an", a range "10 to 12") and a unit of time, not an
# age or a past moment ("ten years old", "a year ago"); "78 minutes after" is the time between.
TIME_UNITS = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centur(?:y|ies))"
DURATION_RE = re.compile(
    rf"{APPROX}(?:\b(?:a|an)\b|{DIGITS}|\b{NUMBER_WORD}\b)(?:\s+(?:to|or|and)\s+(?:{DIGITS}|{CARDINAL}))?"
    rf"(?:\s+and\s+a\s+half)?[\s-]+(?:(?:full|whole|more|long|straight|consecutive)\s+)?{TIME_UNITS}\b"
    r"(?![\s-]+(?:old|ago)\b)",
    re.I,
)

# Words around a capitalised run that say which kind of name it is.
PERSON_TITLES = frozenset(
    """mr mrs ms miss dr sir dame lord lady president minister secretary chancellor king queen prince princess
    duke duchess emperor empress pope bishop archbishop saint st professor prof general colonel captain
    senator governor mayor judge justice chairman chairwoman chair leader spokesman spokeswoman spokesperson
    commissioner ambassador premier count countess baron earl""".split()
)
SPEECH_VERBS = frozenset(
    """said says told tells added adds argued argues warned warns stated states claimed claims insisted
    insists explained explains wrote writes announced announces confirmed confirms noted notes asked asks
    replied replies called calls urged urges""".split()
)
ORGANISATION_WORDS = frozenset(
    """ministry department office agency council committee commission party union bank university college
    school institute institution association company corporation corp inc ltd plc llc group organisation
    organization court parliament congress senate assembly government police army navy force forces service
    services foundation society board authority network times post news press guardian journal herald
    tribune telegraph review gazette broadcasting television radio club league federation alliance trust
    fund church order""".split()
)
PLACE_WORDS = frozenset(
    """river mountain mountains mount lake sea ocean island islands city town village county province
    state republic kingdom empire region valley bay coast street road avenue square bridge park desert
    peninsula strait channel gulf""".split()
)
PLACE_PREPOSITIONS = frozenset("in at from to near across into through outside inside within towards toward".split())
NAME_JOINERS = frozenset({"of", "the", *PARTICLES})
# A capitalised first word of a sentence that is an ordinary word, not a name.
COMMON_OPENERS = frozenset(
    """a an the this that these those it its he she they we i you his her their our my your there here
    in on at by for from to with without after before during since until while when where why how what
    which who whom whose if although though because but and or so yet however moreover also then thus
    meanwhile instead still despite as once both each every some many most several all no not one
    speaking according asked under over about around between among against""".split()
)


def date_spans(text: str) -> list[Span]:
    """Dates and times: days, months, years, decades, centuries, relative days, clock times.

    >>> text = "The treaty was signed on 4 July 1776."
    >>> [text[a:b] for a, b in date_spans(text)]
    ['4 July 1776']
    >>> text = "They were held on Saturday 25 October and freed on Monday."
    >>> [text[a:b] for a, b in date_spans(text)]
    ['Saturday 25 October', 'Monday']
    """
    return _merge(m.span() for m in DATE_RE.finditer(text))


# A time of day: "9:38", "23:23 GMT", "4pm", "4.30 p.m.", "noon", "midnight" (a decimal like
# "3.45" is a time only with am/pm).
CLOCK_RE = re.compile(
    r"\b(?:\d{1,2}:\d{2}(?:\s?[ap]\.?m\b\.?)?|\d{1,2}(?:\.\d{2})?\s?[ap]\.?m\b\.?|noon|midday|midnight)", re.I
)


def clock_spans(text: str) -> list[Span]:
    """Times of day, not days or dates: what "What time ...?" asks for.

    >>> text = "The alarm sounded at 4.15pm on Monday and crews left at 18:05."
    >>> [text[a:b] for a, b in clock_spans(text)]
    ['4.15pm', '18:05']
    """
    return _merge(m.span() for m in CLOCK_RE.finditer(text))


# An age: "aged 39", "a 34-year-old", "nine years old", "six-month-old".
AGE_RE = re.compile(
    rf"\baged\s+(?:about\s+|around\s+)?(?:\d{{1,3}}|{CARDINAL})\b"
    rf"|\b(?:\d{{1,3}}|{CARDINAL})(?:-|\s+)(?:years?|months?|weeks?|days?)(?:-|\s+)old\b",
    re.I,
)


def age_spans(text: str) -> list[Span]:
    """Ages of people or things, not counts or lengths of time: what "How old ...?" asks for.

    >>> text = "Two men, one aged 39 and a 34-year-old, were held for ten days."
    >>> [text[a:b] for a, b in age_spans(text)]
    ['aged 39', '34-year-old']
    """
    return _merge(m.span() for m in AGE_RE.finditer(text))


def percentage_spans(text: str) -> list[Span]:
    """Percentages ("12%", "about 40 per cent").

    >>> text = "Turnout rose to about 40 per cent."
    >>> [text[a:b] for a, b in percentage_spans(text)]
    ['about 40 per cent']
    """
    return _merge(m.span() for m in PERCENT_RE.finditer(text))


def money_spans(text: str) -> list[Span]:
    """Sums of money ("£1 million", "$30bn", "500 euros", "up to 10% of its turnover").

    >>> text = "The council will spend £2.5 million on roads."
    >>> [text[a:b] for a, b in money_spans(text)]
    ['£2.5 million']
    >>> text = "The bank could be fined up to 4% of its global turnover; 30% of staff left."
    >>> [text[a:b] for a, b in money_spans(text)]
    ['up to 4% of its global turnover']
    """
    return _merge(m.span() for m in MONEY_RE.finditer(text))


def duration_spans(text: str) -> list[Span]:
    """Lengths of time ("about 18 hours", "10 to 12 days", "a week"), not ages or past moments.

    >>> text = "The bridge, built 40 years ago, stayed closed for about six weeks."
    >>> [text[a:b] for a, b in duration_spans(text)]
    ['about six weeks']
    """
    return _merge(m.span() for m in DURATION_RE.finditer(text))


def number_spans(text: str) -> list[Span]:
    """Counts and quantities that are not dates, percentages or money.

    >>> text = "In 2023 more than 12,500 people crossed, 40% of them in May."
    >>> [text[a:b] for a, b in number_spans(text)]
    ['more than 12,500']
    """
    taken = date_spans(text) + percentage_spans(text) + money_spans(text)
    found = [
        m.span()
        for m in NUMBER_RE.finditer(text)
        if not any(a <= m.start() < b or a < m.end() <= b for a, b in taken) and not _inside_word(text, m.span())
    ]
    return _merge(found)


def name_spans(text: str, ordinary: Collection[str] = COMMON_OPENERS) -> list[Span]:
    """Runs of capitalised words ("Edi Rama", "Bank of England"), leaving out an
    ``ordinary`` word (lower case) that is capitalised only because it opens the sentence.

    >>> text = "The Bank of England raised rates, said Andrew Bailey."
    >>> [text[a:b] for a, b in name_spans(text)]
    ['Bank of England', 'Andrew Bailey']
    >>> text = "Laurence des Cars thanked Élisabeth Borne; des Cars left."
    >>> [text[a:b] for a, b in name_spans(text)]
    ['Laurence des Cars', 'Élisabeth Borne', 'des Cars']
    """
    words = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[\w’'.-]+", text)]
    spans: list[Span] = []
    run: list[tuple[int, int, str]] = []

    def close() -> None:
        while run and run[-1][2].lower() in NAME_JOINERS:
            run.pop()
        if run:
            spans.append((run[0][0], run[-1][1]))
        run.clear()

    for i, (start, end, word) in enumerate(words):
        capital = word[:1].isupper()
        opener = (i == 0 or text[:start].rstrip().endswith((".", "!", "?", ":", "“", '"'))) and (
            word.lower() in ordinary or word.lower() in COMMON_OPENERS
        )
        if capital and not opener:
            if run and text[run[-1][1] : start].strip(" ") not in {""}:
                close()  # punctuation between capitalised words ends a name
            run.append((start, end, word.rstrip(".")))
            if word.endswith(".") and len(word) > 3:
                close()
        elif run and word.lower() in NAME_JOINERS and text[run[-1][1] : start] == " ":
            run.append((start, end, word))
        elif word in PARTICLES and i + 1 < len(words) and words[i + 1][2][:1].isupper():
            close()  # a surname that opens with a particle: "des Cars"
            run.append((start, end, word))
        else:
            close()
    close()
    return [(a, b if not text[a:b].endswith(".") or len(text[a:b]) <= 3 else b - 1) for a, b in spans]


def name_kind(text: str, span: Span) -> str:
    """Whether the name at ``span`` reads as a "person", an "organisation" or a "place"
    (or "name" when nothing around it says).

    >>> text = "Minister Ana Brnabic met officials from the World Bank in Belgrade."
    >>> [name_kind(text, s) for s in name_spans(text)]
    ['person', 'organisation', 'place']
    """
    name = text[span[0] : span[1]]
    words = [w.lower().strip("’'") for w in re.findall(r"[\w’'-]+", name)]
    before = re.findall(r"[\w’'-]+", text[: span[0]])
    after = re.findall(r"[\w’'-]+", text[span[1] :])
    if any(w in ORGANISATION_WORDS for w in words) or any(len(w) >= 2 and w.isupper() for w in name.split()):
        return "organisation"
    if (words and words[0] in PERSON_TITLES) or (after and after[0].lower() in SPEECH_VERBS):
        return "person"
    if any(w in PLACE_WORDS for w in words) or (before and before[-1].lower() in PLACE_PREPOSITIONS):
        return "place"
    if len(words) >= 2 and all(w not in NAME_JOINERS for w in words):
        return "person"
    return "name"


# A number that is a number, not an order of size: digits, a number word, "a million", "half".
EXACT = re.compile(rf"\d|\b(?:{CARDINAL}|a|an|half)\b", re.I)


def vague(figure: str) -> bool:
    """Whether a figure gives only an order of size, no number of its own.

    >>> [vague(f) for f in ["tens of millions of dollars", "dozens", "about $380 million", "one percent"]]
    [True, True, False, False]
    """
    return EXACT.search(figure) is None


def kind_spans(kind: str, text: str, ordinary: Collection[str] = COMMON_OPENERS) -> list[Span]:
    """Spans of one kind of thing a question can ask for (see ``FINDERS``).

    >>> text = "Jane Okafor, the mayor, opened the bridge in 2019."
    >>> [text[a:b] for a, b in kind_spans("person", text)]
    ['Jane Okafor']
    """
    finder = FINDERS.get(kind)
    if finder is not None:
        return finder(text)
    wanted = NAME_KINDS.get(kind)
    if wanted is None:
        return []
    dates = date_spans(text)
    return [
        s
        for s in name_spans(text, ordinary)
        if name_kind(text, s) in wanted and not any(a < s[1] and s[0] < b for a, b in dates)
    ]


def holds(kind: str | None, text: str, ordinary: Collection[str] = COMMON_OPENERS) -> bool:
    """Whether ``text`` holds something of ``kind`` (no kind asked: always True)."""
    return kind is None or bool(kind_spans(kind, text, ordinary))


def amount_spans(text: str) -> list[Span]:
    """Counts, sums of money and percentages together (what "how many/much" asks for).

    >>> text = "Several firms paid $2m, about 5% of sales."
    >>> [text[a:b] for a, b in amount_spans(text)]
    ['Several', '$2m', 'about 5%']
    """
    return _merge(number_spans(text) + money_spans(text) + percentage_spans(text))


ORDINAL_CENTURY_RE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)(?:\s+(?:and|or|to)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th))?[\s-]+centur(?:y|ies)\b",
    re.I,
)
DECADE_RE = re.compile(r"\b((?:1\d|20)\d0)(?:['’]?s)\b")
# A year: four digits from 1000 to 2099 (not part of a larger figure such as 1,500 or
# £1200), or three after "in", "by", "since" ... ("in 911").
YEAR_RE = re.compile(r"(?<![\d,.£$€¥])\b(?:(1\d{3}|20\d{2})|(?<=in |by |of )([1-9]\d{2}))\b(?![,.]\d|\d|\s?%)")


def periods(text: str) -> list[Period]:
    """The stretches of time a text's dates name, as (first year, last year): a year, a
    decade ("the 1960s"), a century ("the 11th century", "the 1100s").

    >>> periods("In the 11th century, and again in 1191, and in the 1960s.")
    [(1000, 1099), (1960, 1969), (1191, 1191)]
    """
    found: list[Period] = []
    taken: list[Span] = []
    for m in ORDINAL_CENTURY_RE.finditer(text):
        # As commonly read: the 11th century is the 1000s (1000-1099).
        found += [(100 * int(n) - 100, 100 * int(n) - 1) for n in m.groups() if n]
        taken.append(m.span())
    for m in DECADE_RE.finditer(text):
        start = int(m.group(1))
        # "the 1100s" is a century (1100-1199); "the 1960s" a decade.
        found.append((start, start + 99) if start % 100 == 0 else (start, start + 9))
        taken.append(m.span())
    for m in YEAR_RE.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            year = int(m.group(1) or m.group(2))
            found.append((year, year))
    return found


def period_conflict(question: str, evidence: str) -> bool:
    """Whether the question asks about a stretch of time and the evidence dates what it says,
    but to none of that time (a question about the 10th century answered by a sentence
    about 1072). Evidence without a date never conflicts.

    >>> period_conflict("Who invaded Scotland in the 10th century?", "William invaded Scotland in 1072.")
    True
    >>> period_conflict("What changed in the 1990s?", "In 1994 the law changed.")
    False
    """
    asked = periods(question)
    dated = periods(evidence)
    if not asked or not dated:
        return False
    return not any(a <= d and c <= b for a, b in asked for c, d in dated)


# A day of a month: "20 March", "March 20th" (not "March 2025"), the first day of a pair or a
# span before it ("19 and 21 July", "19 to 21 July").
DAY_RE = re.compile(
    rf"\b(?:(?:(?P<first>\d{{1,2}})(?:st|nd|rd|th)?\s*(?P<joint>and|or|to|until|till|-|–)\s*)?(?P<day>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?\s+(?P<month>{MONTH})|(?P<month2>{MONTH})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b(?![:.]\d))"
)
MONTH_NUMBERS = {m[:3]: n for m, n in MONTHS.items()}  # by the first three letters, as MONTH abbreviates


def days(text: str) -> set[tuple[int, int]]:
    """The days of a month a text names, as (month, day); a span names every day in it.

    >>> sorted(days("Talks began on 3 May and ended on June 14th, 2024, not in March 2025."))
    [(5, 3), (6, 14)]
    >>> sorted(days("Trains ran on 4 and 6 July, and buses from 8 to 10 July."))
    [(7, 4), (7, 6), (7, 8), (7, 9), (7, 10)]
    """
    found: set[tuple[int, int]] = set()
    for m in DAY_RE.finditer(text):
        day, month = int(m["day"] or m["day2"]), MONTH_NUMBERS[(m["month"] or m["month2"]).lower()[:3]]
        first = int(m["first"]) if m["first"] else day
        spanned = range(first, day + 1) if m["joint"] not in ("and", "or") else (first, day)
        found.update((month, d) for d in spanned if 1 <= d <= 31)
    return found


def day_conflict(question: str, evidence: str) -> bool:
    """Whether the question names a day and the evidence names days, none of them that one
    (a question about 3 May answered by a sentence about 4 and 5 May). Evidence naming no
    day never conflicts.

    >>> day_conflict("What happened on 3 May?", "The ferry sank on 4 May and was raised on 5 May.")
    True
    >>> day_conflict("What happened on 3 May?", "On May 3rd the ferry sank.")
    False
    """
    asked, named = days(question), days(evidence)
    return bool(asked and named and not asked & named)


FINDERS: dict[str, Callable[[str], list[Span]]] = {
    "age": age_spans,  # asked by no kind of ``question.ASKED_KINDS``: "how old" asks for an amount
    "amount": amount_spans,
    "clock": clock_spans,  # asked by no kind of ``question.ASKED_KINDS``: "what time" asks for a date
    "date": date_spans,
    "duration": duration_spans,
    "number": number_spans,
    "money": money_spans,
    "percentage": percentage_spans,
}
# A "who" question is answered by a person or by an organisation ("Who runs the camps?").
NAME_KINDS: dict[str, frozenset[str]] = {
    "person": frozenset({"person", "organisation", "name"}),
    "organisation": frozenset({"organisation", "name"}),
    "place": frozenset({"place", "name"}),
}


def _merge(spans: object) -> list[Span]:
    """Sorted spans with overlapping ones joined, the longer kept."""
    out: list[Span] = []
    for a, b in sorted(spans):  # type: ignore[call-overload]
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _inside_word(text: str, span: Span) -> bool:
    """Whether a match sits inside a longer word ("A4", "B52", "covid19")."""
    a, b = span
    return (a > 0 and text[a - 1].isalpha()) or (b < len(text) and text[b].isalpha())
