"""Reasons: which sentence gives the cause or purpose a "Why ...?" question asks for.

A sentence gives a reason when it holds a causal or purpose connective of general English
("because", "due to", "in order to", "on the grounds that", ...; the explicit causal
connectives of the Penn Discourse Treebank). It gives the reason *for what the question
asks* when the clause before the connective (the effect) shares the question's words,
its light verbs and particles included ("say no" meets "said no"), or states a refusal
when the question asks why something was refused or not agreed. A quotation's speaker
and their role count as words of the sentence: "the Albanian leader" asks for what a
speaker introduced as "Albanian Prime Minister" says.

``cause_match``: a looser test for when no sentence gives the reason that plainly. A
sentence gives a cause of the asked event when it relates a cause to an effect at all
(``cause_and_effect``: "because" and its kin or "after" put the cause after the effect;
"caused", "led to", ", so", a result clause ", bringing ..." put it before; "the cause of
E was C" names it; "what caused" or "why" in a statement gives the cause as unknown), its
effect is about what is asked (a word of the question's predicate, negations aside, or the
event itself when the predicate only says it came about, "Why did the fire start?"; a
result clause naming the question's subject), and it does not give what the question asks about as the cause of
something else ("the channel reopened eleven weeks after the bridge collapsed" says
nothing of why it collapsed). The effect may name another subject: a false premise
("Why did hackers cut the power?") is corrected by the true cause of the event.

Not handled: reasons given without a connective ("Fares rose. Fuel cost more."), reasons
spread over two sentences, negated connectives ("not because ...").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from assistant.lexical import covered_terms, stem
from assistant.question import subject_phrase
from assistant.stance import NEGATED, REFUSAL, asked_subject

CAUSAL = re.compile(
    r"\b(?:because|due to|owing to|as a result of|on the grounds that|on the grounds of|in order to|so as to|"
    r"in an effort to|so that|given that|in protest at|in protest against|for fear of|for fear that|"
    r"the reason|reasons? for|the cause|caused by|blamed (?:it )?on|attributed (?:it )?to|citing|"
    r"(?:triggered|sparked|sparked off|set off|touched off|brought about|prompted|started|ignited) by|"
    r"in response to|out of (?:loyalty|concern|respect|fear))\b",
    re.I,
)
# Words that carry no content in a question about a reason.
QUESTION_WORDS = frozenset(
    """why how come what which reason reasons cause causes did does do is are was were has have had will
    would can could should the a an of to for in on at by give gave given behind""".split()
)
QUESTION_STEMS = frozenset(stem(w).removesuffix("e") or w for w in QUESTION_WORDS)
AGREE_WORDS = re.compile(r"\b(?:agree|accept|join|host|sign|approve|support|take part|participate)\w*", re.I)


def effect_clause(text: str) -> str | None:
    """The part of ``text`` before its first causal connective, or None without one.

    >>> effect_clause("The match was called off because the pitch froze.")
    'The match was called off '
    >>> effect_clause("The match was called off.") is None
    True
    """
    found = CAUSAL.search(text)
    if found is None:
        return None
    return text[: found.start()] if found.start() > 0 else text


# Common English verbs whose past tense a suffix rule cannot undo ("lost" is "lose").
IRREGULAR_PAST = {
    "lost": "lose", "struck": "strike", "fell": "fall", "broke": "break", "broken": "break", "sank": "sink",
    "sunk": "sink", "ran": "run", "took": "take", "taken": "take", "gave": "give", "went": "go", "gone": "go",
    "came": "come", "made": "make", "left": "leave", "held": "hold", "rose": "rise", "risen": "rise",
    "froze": "freeze", "frozen": "freeze", "shut": "shut", "cut": "cut", "hit": "hit", "began": "begin",
    "begun": "begin", "brought": "bring", "caught": "catch", "drove": "drive", "driven": "drive", "flew": "fly",
    "flown": "fly", "grew": "grow", "grown": "grow", "kept": "keep", "sent": "send", "spent": "spend",
    "sold": "sell", "bought": "buy", "built": "build", "fought": "fight", "won": "win", "wrote": "write",
    "written": "write", "chose": "choose", "chosen": "choose", "stood": "stand", "met": "meet", "paid": "pay",
    "burnt": "burn", "blew": "blow", "blown": "blow", "shook": "shake", "threw": "throw", "thrown": "throw",
}  # fmt: skip


def words_of(text: str) -> set[str]:
    """Lower-case stems of every word of ``text``, function words included, a final "e"
    dropped so that "hire" meets "hired" ("hir"), a common irregular past read as its
    verb ("lost" as "lose").

    >>> sorted(words_of("They said no to the hire."))
    ['hir', 'no', 'said', 'th', 'they', 'to']
    >>> sorted(words_of("The ferry lost power"))
    ['ferry', 'los', 'power', 'th']
    """
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'s", ""))
    return {stem(IRREGULAR_PAST.get(w, w)).removesuffix("e") or w for w in words}


def asks_why_refused(question: str) -> bool:
    """Whether a why-question asks about a refusal or a failure to agree.

    >>> [asks_why_refused(q) for q in ["Why did Oslo reject the bid?", "Why did Kenya not sign?", "Why did it rain?"]]
    [True, True, False]
    """
    q = question.replace("’", "'")
    return bool(REFUSAL.search(q)) or (bool(NEGATED.search(q)) and bool(AGREE_WORDS.search(q)))


def reason_match(question: str, sentence: str, speaker: str = "") -> int:
    """How well ``sentence`` gives the reason a why-question asks for: 0 without a causal
    connective, else the question's words found in its effect clause (and ``speaker``,
    the speaker of its quotation with their role), plus two for a refusal when the
    question asks why something was refused.

    >>> q = "Why did the union say no to the offer?"
    >>> reason_match(q, "The union said no because the offer was too low.")
    4
    >>> reason_match(q, "The union met on Monday.")
    0
    """
    effect = effect_clause(sentence)
    if effect is None:
        return 0
    asked = {w for w in words_of(question) if w not in QUESTION_STEMS}
    found = len(covered_terms(asked, words_of(effect) | words_of(speaker)))
    if asks_why_refused(question) and REFUSAL.search(effect.replace("’", "'")):
        found += 2
    return found


# A cause after its effect ("A because B", "A after B"; "after" a time is only a time) ...
EFFECT_FIRST = re.compile(
    rf"{CAUSAL.pattern}|(?<!look )(?<!looks )(?<!looked )(?<!looking )(?<!named )"  # "look after" is a verb
    r"\bafter\b(?!\s+(?:all|that|midnight|noon|dawn|dark|\d)\b)",
    re.I,
)
# ... or before it ("A caused B", "A led to B", "A, so B"); "what caused" in a statement, or
# "why" after a verb of knowing or finding out ("nobody knows why", "to establish why"),
# gives the cause of what follows as unknown or to be found: "the row over why ..." or "why
# it closed was a question for them" gives none ...
KNOWING = (
    r"know|knows|knew|known|say|explain|explains|explained|understand|understood|establish|established|"
    r"determine|determined|investigate|investigates|investigating|investigated|examine|examining|find out|"
    r"finding out|found out|look into|looking into|unclear|clear|sure|certain|ask|asked|asking|wonder|wondered"
)
CAUSE_FIRST = re.compile(
    r"\b(?:caus(?:ed|es|ing)|led to|leads? to|leading to|result(?:ed|s|ing)? in|trigger(?:ed|s|ing)?|"
    r"spark(?:ed|s|ing)?(?:\s+off)?|(?:set|sets|setting|touch(?:ed|es|ing)?)\s+off|(?:brought|brings?|bringing)\s+about|"
    r"(?:gave|give|gives|giving)\s+rise\s+to|provok(?:ed|es|ing)|"
    rf"prompt(?:ed|s|ing)?|(?:{KNOWING})\s+(?:\w+\s+)?(?P<why>why))\b(?!\s+by\b)"
    r"|,\s+so\b(?!\s+(?:far|many|much|that)\b)",
    re.I,
)
# ... or a result clause after a comma, about what the cause acted on ("A struck the crane,
# bringing down two floors"; "leaving out" excludes, it brings nothing about).
RESULT = re.compile(
    r",\s+(?:bringing|sending|leaving(?!\s+out\b)|knocking|cutting|killing|forcing)\b(?!\s+(?:far|many|much|that)\b)",
    re.I,
)


# "The (root) cause of E was C": the cause named after the effect it is the cause of.
CAUSE_NAMED = re.compile(
    r"\b(?:main\s+|root\s+|likely\s+|probable\s+)?(?:cause|reason)\s+(?:of|for)\s+(?P<effect>[^,;:.]+?)\s+"
    r"(?:was|is|were|are|had\s+been|has\s+been)\s+(?P<cause>.+)",
    re.I,
)
PAST_AUXILIARIES = frozenset("was were had got did could would".split())


def after_a_clause(text: str, end: int) -> bool:
    """Whether the "after" ending at ``end`` opens a clause, whose verb comes before the
    next comma ("after the levee broke", "after losing power"), not only a time or the
    name of an event ("after the fire at the mill"), which tells when, not why.

    >>> after_a_clause("The town flooded after the levee broke.", 22)
    True
    >>> after_a_clause("The mayor spoke after the fire at the mill, as planned.", 21)
    False
    """
    words = re.findall(r"[a-z]+", re.split(r"[,;.:]", text[end:].lower(), maxsplit=1)[0])
    if words and words[0].endswith("ing"):
        return True
    return any(w in IRREGULAR_PAST or w in PAST_AUXILIARIES or (w.endswith("ed") and len(w) > 4) for w in words)


class Relation(NamedTuple):
    """A sentence's cause and effect; ``result`` when the effect is a result clause, which
    is about what the cause clause acted on ("struck the bridge, bringing it down")."""

    cause: str
    effect: str
    result: bool = False


def cause_and_effect(text: str) -> Relation | None:
    """The cause and the effect of a sentence relating the two, or None.

    A connective opening the sentence ("Because it froze, the match was off") puts the
    cause before the first comma; a cause that is only named as unknown ("what caused the
    fire") is the part before the cue.

    >>> cause_and_effect("The ferry stopped because its engine failed.")
    Relation(cause='its engine failed.', effect='The ferry stopped ', result=False)
    >>> cause_and_effect("A gust toppled the crane, bringing down two floors.")
    Relation(cause='A gust toppled the crane', effect='bringing down two floors.', result=True)
    >>> cause_and_effect("After the levee broke, the town flooded.")
    Relation(cause='After the levee broke', effect=' the town flooded.', result=False)
    >>> cause_and_effect("The levee broke shortly after midnight.") is None
    True
    >>> cause_and_effect("Inspectors said the cause of the crash was a worn brake.")
    Relation(cause='a worn brake.', effect='the crash', result=False)
    >>> cause_and_effect("A dropped cigarette set off the blaze.")
    Relation(cause='A dropped cigarette', effect='the blaze.', result=False)
    >>> cause_and_effect("The riot was touched off by a police raid.")
    Relation(cause='a police raid.', effect='The riot was ', result=False)
    """
    named = CAUSE_NAMED.search(text)
    if named is not None:
        return Relation(named["cause"], named["effect"])
    effect_first = next(
        (m for m in EFFECT_FIRST.finditer(text) if m[0].lower() != "after" or after_a_clause(text, m.end())), None
    )
    found = [m for m in (effect_first, CAUSE_FIRST.search(text), RESULT.search(text)) if m]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    if first.re is RESULT:  # the clause keeps its verb ("bringing down")
        return Relation(text[: first.start()], text[first.start() + 1 :].lstrip(), result=True)
    if first.re is CAUSE_FIRST:
        start = first.start("why") if first["why"] else first.start()
        return Relation(text[:start].rstrip(), text[first.end() :].lstrip())
    if first.start() == 0:
        comma = text.find(",")
        return Relation(text[:comma], text[comma + 1 :]) if comma > 0 else Relation("", text)
    return Relation(text[first.end() :].lstrip(), text[: first.start()])


def asked_words(question: str) -> set[str]:
    """The words of a why-question that say what it asks about (``words_of``).

    >>> sorted(asked_words("Why did the ferry lose power?"))
    ['ferry', 'los', 'power']
    """
    return {w for w in words_of(question) if w not in QUESTION_STEMS}


# "Why could the old servers not restart?": the subject runs from the auxiliary to the negation.
NEGATED_SUBJECT = re.compile(
    r"\b(?:did|does|do|has|have|had|was|were|is|are|will|would|can|could|should)\s+"
    r"(?P<subject>(?:[\w’'-]+\s+){1,4}?)(?:not|never)\b",
    re.I,
)


def subject_words(question: str) -> set[str]:
    """The words of a why-question's subject: its noun phrase before the verb
    (``question.subject_phrase``) or the negation, else the first word after the
    auxiliary (``stance.asked_subject``).

    >>> sorted(subject_words("Why could crashed computers not download the fix?"))
    ['computer', 'crash']
    >>> sorted(subject_words("Why did the Tay bridge close?")), sorted(subject_words("Why did it rain?"))
    (['bridg', 'tay'], ['it'])
    """
    negated = NEGATED_SUBJECT.search(question)
    phrase = negated["subject"] if negated else subject_phrase(question)
    if phrase:
        return asked_words(phrase) or asked_subject(question)
    return {w.removesuffix("e") for w in asked_subject(question)}


def shared_words(question: str, sentence: str, speaker: str = "") -> int:
    """How many of a why-question's words (``asked_words``) ``sentence`` or its ``speaker`` has.

    >>> shared_words("Why did the ferry lose power?", "The ferry lost power at dawn.")
    3
    """
    return len(covered_terms(asked_words(question), words_of(sentence) | words_of(speaker)))


NEGATIONS = frozenset({"not", "no", "never", "nor", "t"})  # "t" of "couldn't" as ``words_of`` splits it


def about_asked(subject: set[str], predicate: set[str], effect: str, result: bool) -> bool:
    """Whether an ``effect`` clause is about what a why-question asks: a result clause
    names its ``subject`` (what the cause acted on: "..., bringing down the stand"); any
    other effect holds a word of its ``predicate`` ("what caused the power cut", not
    "Other lines were not affected" for "Why could the trains not run?"). The effect may
    name another subject: a false premise is corrected by the true cause of the event.

    >>> about_asked({"stand"}, {"collaps"}, "bringing down half the stand.", True)
    True
    >>> about_asked({"ferry"}, {"sail"}, "Two other boats were not damaged ", False)
    False
    """
    words = words_of(effect)
    return bool(covered_terms(subject if result else predicate, words))


# Verbs that say only that an event came about ("Why did the fire start?"): what is asked
# about is then the event, the question's subject.
COMING_ABOUT = frozenset(words_of("start started begin began happen happened occur occurred arise arose erupt ignite"))


def comes_about(predicate: set[str]) -> bool:
    """Whether a why-question's predicate (``predicate_words``) only says that its subject,
    an event, came about: "Why did the fire start?", "Why did the riot happen?".

    >>> comes_about(words_of("start")), comes_about(words_of("happened")), comes_about(words_of("close the road"))
    (True, True, False)
    """
    return bool(predicate) and predicate <= COMING_ABOUT


BE_WORDS = frozenset("was were is are be been being had has have".split())


def ends_naming(subject: set[str], effect: str) -> bool:
    """Whether an ``effect`` clause ends by naming the ``subject`` (a be-verb aside): the
    event itself is the effect ("found that the blaze was [caused by]", "[caused] the
    blaze"), not a clause that only mentions it ("... and learned of the blaze at dawn").

    >>> ends_naming({"blaz"}, "Crews said the blaze was "), ends_naming({"blaz"}, "he heard of the blaze at dawn.")
    (True, False)
    """
    words = re.findall(r"[a-z]+", effect.lower())
    while words and words[-1] in BE_WORDS:
        words.pop()
    return bool(words) and bool(covered_terms(subject, words_of(words[-1])))


def predicate_words(question: str) -> set[str]:
    """What a why-question says its subject did: its words (``asked_words``) but its
    subject's (``subject_words``) and negations.

    >>> sorted(predicate_words("Why could crashed computers not download the fix?"))
    ['download', 'fix']
    """
    return asked_words(question) - subject_words(question) - NEGATIONS


def cause_match(question: str, sentence: str, speaker: str = "") -> int:
    """How well ``sentence`` gives a cause (or says the cause is unknown) of what a
    why-question asks about: the question's words it shares (``speaker`` counting as its
    words) when it relates a cause to an effect (``cause_and_effect``) about what the
    question asks (``about_asked``, with its subject, ``subject_words``, and its predicate,
    ``predicate_words``) and its cause does not hold the predicate alone; else 0.

    >>> q = "Why did the ferry lose power?"
    >>> cause_match(q, "Investigators cannot yet say what caused the ferry's power cut.")
    2
    >>> cause_match(q, "The ferry drifted onto rocks after it lost power.")
    0
    >>> cause_match(q, "The ferry sailed at noon because the tide was high.")
    0
    >>> cause_match("Why did the blaze start?", "Crews said the blaze was caused by a dropped cigarette.")
    1
    """
    relation = cause_and_effect(sentence)
    if relation is None:
        return 0
    asked = asked_words(question)
    subject, predicate = subject_words(question), predicate_words(question)
    cause, effect = words_of(relation.cause), words_of(relation.effect)
    if covered_terms(predicate, cause) - covered_terms(predicate, effect):
        return 0  # what is asked about is given as the cause of something else
    event = comes_about(predicate) and ends_naming(subject, relation.effect)  # "... the fire was caused by"
    if not (event or about_asked(subject, predicate, relation.effect, relation.result)):
        return 0
    return len(covered_terms(asked, cause | effect | words_of(speaker)))
