"""Polarity from general English cue words: refusals, stops, and questions that presume the opposite.

A refusal ("ruled out", "rejected", "turned down") by the question's own subject answers
a yes/no question about agreeing with "No:"; a refusal or a stop ("cancelled", "halted",
"suspended") by a name the question uses contradicts a wh-question that presumes an
agreement or something still going on ("Why did X agree ...?", "Since when has X been
running?"). Nothing is read as a yes or a no without such a cue by such an actor.

``denies``: a sentence that denies outright what a wh-question presumes ("found no
evidence of a cyberattack" against "Which group carried out the cyberattack?").
``negates_action``: a sentence saying the question's subject did not (will not) do what
the question presumes ("X will not fly home aboard Y" against "How did X feel flying home
on Y?"). ``excludes_actor``: a sentence saying someone other than the question's subject
did it ("A, not B, pays for overruns" against "How much has B paid for overruns?").

``affirms``: a sentence saying the question's subject does (did, will do) what a
why-question presumes it refused to do ("We will rebuild it", said by the
governor, against "Why did the state refuse to rebuild the bridge?"; ``refused_action``).

Not handled: negation in general, double negatives, hedged stances ("may reconsider").
"""

from __future__ import annotations

import re

from assistant.figures import MONEY_SIGN, PERCENT
from assistant.lexical import covered_terms, stem
from assistant.names import LOWER, NAME, UPPER
from assistant.numerals import parse_number

REFUSAL = re.compile(
    r"\b(?:rul(?:ed|es|e|ing) out|sa(?:ys|y|id) no|declin(?:ed|es|e|ing)|refus(?:ed|es|e|ing)|"
    r"reject(?:ed|s|ing)?|turn(?:ed|s)? down|den(?:ied|ies|ying|y)|dismiss(?:ed|es|ing)?|oppos(?:ed|es|e|ing)|"
    r"veto(?:ed|es)?|vote[sd]? against|voting against)\b",
    re.I,
)
STOPPED = re.compile(
    r"\b(?:cancel(?:l?ed|s)?|scrapp(?:ed)|stall(?:ed|s)|halt(?:ed|s)|block(?:ed|s)|suspend(?:ed|s)|"
    r"abandon(?:ed|s)|withdr(?:ew|awn)|no longer|exclu(?:ded|sion)|shelved|paused|struck down|overturned|"
    r"put on hold)\b",
    re.I,
)
AGREEING = re.compile(
    r"\b(?:agree[sd]?|agreeing|accept(?:ed|s|ing)?|sign(?:ed|s|ing)? up|host(?:ed|s|ing)?|join(?:ed|s|ing)?|"
    r"approv(?:e|ed|es|ing)|support(?:ed|s|ing)?|participat(?:e|ed|es|ing)|take part|took part|"
    r"endors(?:e|ed|es|ing)|welcom(?:e|ed|es|ing)|consent(?:ed|s)?|sa(?:y|id) yes|volunteer(?:ed|s)?|"
    r"back(?:ed|s)? the)\b",
    re.I,
)
ONGOING = re.compile(
    r"\b(?:operating|running|working|going ahead|proceeding|continuing|succeeding|under way|in force|in place|"
    r"revive[sd]?|reviving|restor(?:e|ed|es|ing)|reinstat(?:e|ed|es|ing)|resum(?:e|ed|es|ing)|"
    r"bring(?:s|ing)? back|brought back)\b",
    re.I,
)
NEGATED = re.compile(r"\b(?:not|never|no)\b|n't\b", re.I)
ENTITY = re.compile(rf"\b{UPPER}(?:[^\W\d_]|[’'-])*?{LOWER}(?:[^\W\d_]|[’'-])*|\b{UPPER}{{2,}}\b")


LIMITING = re.compile(r"\b(?:not|never|no|none|neither|nor|only|nobody|nothing)\b|n't\b", re.I)


def limits(text: str) -> bool:
    """Whether a sentence negates or limits what it states ("not", "no", "only"): the kind
    of statement that can contradict what a question presumes.

    >>> [limits(t) for t in ["Only one tower fell.", "Staff had no right of appeal.", "The tower fell."]]
    [True, True, False]
    """
    return LIMITING.search(text.replace("’", "'")) is not None


def asks_about_refusal(question: str) -> bool:
    """Whether the question itself names a refusal or a stop, or is negated (then no cue applies).

    >>> [asks_about_refusal(q) for q in ["Why did Norway reject the deal?", "Did Chile sign up?", "Why not?"]]
    [True, False, True]
    """
    q = question.replace("’", "'")
    return bool(REFUSAL.search(q) or STOPPED.search(q) or NEGATED.search(q))


def presumes_agreement(question: str) -> bool:
    """Whether the question speaks of agreeing, joining, hosting or supporting.

    >>> [presumes_agreement(q) for q in ["Did Peru join the pact?", "Why did the union back the strike?"]]
    [True, True]
    >>> presumes_agreement("How tall is the tower?")
    False
    """
    return AGREEING.search(question) is not None


def presumes_ongoing(question: str) -> bool:
    """Whether the question presumes something is still going on or coming back.

    >>> [presumes_ongoing(q) for q in ["Since when has the mine been operating?", "Why was the tram brought back?"]]
    [True, True]
    >>> presumes_ongoing("Who built the mine?")
    False
    """
    return ONGOING.search(question) is not None


def entities(text: str) -> set[str]:
    """Lower-cased words of the capitalised names in ``text``, its first word left out.

    >>> sorted(entities("Did the Swiss government agree with Brussels?"))
    ['brussels', 'swiss']
    """
    words = ENTITY.findall(text)
    if words and text.startswith(words[0]):
        words = words[1:]  # a question's first word is capitalised anyway
    return {p for w in words for p in re.split(r"[-’']", w.lower()) if len(p) > 1}


def subject(question: str) -> set[str] | None:
    """The first name after a question's opening word ("Did Peru agree" -> {"peru"}).

    >>> subject("Did Peru agree to the pact?")
    {'peru'}
    """
    words = ENTITY.findall(question)
    if words and question.startswith(words[0]):
        words = words[1:]
    return {p for p in re.split(r"[-’']", words[0].lower()) if len(p) > 1} if words else None


def refuses(text: str, terms: set[str], actors: set[str], cues: re.Pattern[str] = REFUSAL) -> bool:
    """Whether ``text`` states a refusal (or, with ``cues=STOPPED``, a stop) by one of
    ``actors``, named before the cue or in the noun it qualifies, that bears on a
    question with ``terms``. No actor, no stance: a cue about someone else says nothing.

    >>> refuses("Chile has rejected the fishing accord", {"chile", "accord"}, {"chile"})
    True
    >>> refuses("The mayor declined to comment on the budget", {"mayor", "tram"}, {"mayor"})
    False
    >>> refuses("Despite Peru's exclusion, Chile signed", {"chile", "sign"}, {"chile"}, STOPPED)
    False
    >>> refuses("the cancelled Hyperloop project", {"hyperloop"}, {"hyperloop"}, STOPPED)
    True
    """
    if not actors:
        return False
    lowered = text.lower()
    for cue in cues.finditer(text):
        # The actor is named before the cue ("Chile ... rejected") or right after it when
        # the cue qualifies a noun ("the cancelled Hyperloop project").
        before = lowered[: cue.start()]
        qualifies = re.search(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", before) is not None
        after = " ".join(lowered[cue.end() :].split()[:3]) if qualifies else ""
        if not any(re.search(rf"\b{re.escape(a)}\b", before + " | " + after) for a in actors):
            continue
        action = re.match(r"\s+to\s+(\w+)", text[cue.end() :])
        if action is None or covered_terms({stem(action.group(1).lower())}, terms):
            return True
    return False


# A refusal whose subject is a pronoun and whose object, when given, points back ("She refused
# it.", "They turned the offer down.", "He declined."): it refuses what the sentence before offered.
_OFFERED = (
    r"(?:it|them|this|that|(?:the|his|her|their|its)\s+(?:offer|request|proposal|idea|plan|bid|invitation|resignation))"
)
REFUSES_OFFER = re.compile(
    rf"^\W*(?:she|he|they|it|we|i)\s+(?:\w+\s+)?"
    rf"(?:(?:{REFUSAL.pattern})(?:\s+{_OFFERED})?|turn(?:ed|s)?\s+{_OFFERED}\s+down)\s*[.!;]",
    re.I,
)


def refuses_offer(text: str) -> bool:
    """Whether a sentence only refuses what the sentence before offered or asked for: a
    pronoun subject, a refusal, at most a pronoun or "the offer" as its object.

    >>> [refuses_offer(t) for t in ["She refused it.", "They quickly turned the offer down.", "He declined."]]
    [True, True, True]
    >>> [refuses_offer(t) for t in ["She refused to comment on the budget.", "Chile rejected the accord."]]
    [False, False]
    """
    return REFUSES_OFFER.search(text) is not None


DENIAL = re.compile(
    r"\bno\s+(?:evidence|sign|signs|trace|indication)\s+(?:of|for|that)\s+(?:a\s+|an\s+|any\s+|the\s+)?([\w-]+)"
    r"|\b(?:rules?\s+out|ruled\s+out|ruling\s+out|denied|denies|deny|dismissed|dismisses)\s+(?:a\s+|an\s+|any\s+|the\s+)?([\w-]+)"
    r"|\b(?:found|finds|find)\s+no\s+(?!evidence|signs?\b|trace|indication)([\w-]+)",
    re.I,
)


def denies(text: str, terms: set[str]) -> bool:
    """Whether ``text`` denies one of a question's ``terms`` outright ("no evidence of a
    cyberattack", "ruled out sabotage"): a question presuming it rests on a false premise.

    >>> denies("Investigators found no evidence of sabotage.", {"sabotage", "group"})
    True
    >>> denies("Investigators found no evidence of sabotage.", {"weather"})
    False
    >>> denies("The club ruled out a move for the striker.", {"striker", "sign"})
    False
    """
    objects = (next(g for g in m.groups() if g) for m in DENIAL.finditer(text))
    return any(covered_terms({stem(word.lower())}, terms) for word in objects)


NEGATED_ACTION = re.compile(
    r"\b(?:not|never|no\s+longer|\w+n[’']t)\s+(?!only\b|just\b|merely\b|least\b|all\b)"
    r"(?:(?:be|been|being|have|yet|even|ever|actually|then)\s+)*(?P<verb>[a-z]+)",
    re.I,
)


def negates_action(text: str, terms: set[str], actors: set[str]) -> bool:
    """Whether ``text`` says one of ``actors`` (a question's subject) did not, or will not,
    do what the question presumes: a word of the question's ``terms`` right after "not",
    "never", "no longer" or "-n't" ("not only" aside), the actor named before it.

    >>> negates_action("The crew will not sail home on the ferry.", {"crew", "sail", "ferry"}, {"crew"})
    True
    >>> negates_action("The mayor never opened the bridge.", {"mayor", "open", "bridge"}, {"mayor"})
    True
    >>> negates_action("The mayor not only opened the bridge.", {"mayor", "open", "bridge"}, {"mayor"})
    False
    >>> negates_action("The council did not open the bridge.", {"mayor", "open", "bridge"}, {"mayor"})
    False
    """
    if not actors:
        return False
    lowered = text.lower()
    for m in NEGATED_ACTION.finditer(text):
        before = lowered[: m.start()]
        if not any(re.search(rf"\b{re.escape(a)}", before) for a in actors):
            continue
        if covered_terms({stem(m["verb"].lower())}, terms):
            return True
    return False


EXCLUDED = re.compile(rf"(?:,\s*not|\brather\s+than|\binstead\s+of)\s+(?:the\s+)?(?P<name>{NAME})")


def excludes_actor(text: str, terms: set[str], actors: set[str]) -> bool:
    """Whether ``text`` says someone other than ``actors`` (a question's subject) does what
    the question asks: the actor named after ", not", "rather than" or "instead of", and
    one more word of the question's ``terms`` in the sentence.

    >>> excludes_actor("Under the lease, the tenant, not the Council, pays for repairs.",
    ...                {"council", "pay", "repair"}, {"council"})
    True
    >>> excludes_actor("Rovers, rather than Albion, signed the striker.", {"albion", "sign", "striker"}, {"albion"})
    True
    >>> excludes_actor("The Council, not the tenant, pays for repairs.", {"council", "pay", "repair"}, {"council"})
    False
    """
    for m in EXCLUDED.finditer(text):
        name = {p for w in m["name"].split() for p in re.split(r"[-’']", w.lower()) if len(p) > 1}
        if not name & actors:
            continue
        words = {stem(w.lower()) for w in re.findall(r"[\w-]+", text)} - name
        if covered_terms(words, terms - actors):
            return True
    return False


ASKED_SUBJECT = re.compile(
    r"\b(?:did|does|do|has|have|had|was|were|is|are|will|would|can|could|should)\s+"
    r"(?:(?:the|a|an|its|their|his|her)\s+)?(?P<word>[\w’'-]+)",
    re.I,
)


def asked_subject(question: str) -> set[str]:
    """The subject a wh-question presumes did something: the first word after its
    auxiliary, an article skipped ("Why did the crew sail ...?" -> {"crew"}), stemmed.

    >>> asked_subject("Why did the crew sail home?"), asked_subject("How much has Oxfam paid?")
    ({'crew'}, {'oxfam'})
    >>> asked_subject("Who won?")
    set()
    """
    m = ASKED_SUBJECT.search(question)
    if m is None:
        return set()
    word = re.sub(r"[’']s$", "", m["word"].lower())
    return {stem(word)} if len(word) > 1 else set()


REFUSED_ACTION = re.compile(rf"(?:{REFUSAL.pattern})\s+to\s+(?P<verb>[a-z]+)", re.I)


def refused_action(question: str) -> str | None:
    """The verb of what a question presumes was refused ("refused to V", "declined to V"),
    stemmed; a question that only says "not V" may ask why it has not happened yet.

    >>> refused_action("Why did the council refuse to repair the bridge?")
    'repair'
    >>> refused_action("Why did the council not repair the bridge?") is None
    True
    """
    m = REFUSED_ACTION.search(question)
    return stem(m["verb"].lower()) if m else None


def affirms(text: str, action: str, actors: set[str], speaker: str = "") -> bool:
    """Whether ``text`` says one of ``actors`` (named in it, or the ``speaker`` of its
    quotation with their role) does, did or will do ``action`` (a stemmed verb), with no
    negation in the three words before it.

    >>> affirms("The council will repair the bridge in spring.", "repair", {"council"})
    True
    >>> affirms("We will repair it.", "repair", {"council"}, speaker="council leader Jo Hart")
    True
    >>> affirms("The council will not repair the bridge.", "repair", {"council"})
    False
    >>> affirms("A contractor repaired the bridge.", "repair", {"council"})
    False
    >>> affirms("The ferry's crew dropped anchor.", "drop", {"ferry"})
    True
    """
    named = f"{text} {speaker}".lower()
    if not any(re.search(rf"\b{re.escape(a)}", named) for a in actors):
        return False
    words = re.findall(r"[\w’']+", text)
    for i, word in enumerate(words):
        base = stem(word.lower())
        if len(base) > 3 and base[-1] == base[-2]:
            base = base[:-1]  # "dropped" -> "dropp" -> "drop"
        if covered_terms({action}, {base}) and not any(
            NEGATED.search(w.replace("’", "'")) for w in words[max(0, i - 3) : i]
        ):
            return True
    return False


def stated_amounts(text: str) -> set[tuple[str, float]]:
    """The sums of money and the percentages ``text`` states, as (kind, value): "£50
    million" and "£50m" are one amount.

    >>> sorted(stated_amounts("Why was the firm fined £50m, or 10% of its profit?"))
    [('money', 50000000.0), ('percent', 10.0)]
    """
    money = {("money", parse_number(m["num"], m["scale"])) for m in MONEY_SIGN.finditer(text)}
    return money | {("percent", parse_number(m["num"])) for m in PERCENT.finditer(text)}


def presumed_amount_missing(question: str, texts: list[str]) -> bool:
    """Whether a question presumes a sum or percentage (``stated_amounts``: "Why was X
    fined £50 million?") that none of ``texts`` states.

    >>> presumed_amount_missing("Why was the club fined £2m?", ["The club was fined £2 million."])
    False
    >>> presumed_amount_missing("Why was the club fined £5m?", ["The club was fined £2 million."])
    True
    """
    presumed = stated_amounts(question)
    return bool(presumed) and not any(presumed & stated_amounts(text) for text in texts)
