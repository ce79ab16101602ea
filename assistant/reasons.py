"""Reasons: which sentence gives the cause or purpose a "Why ...?" question asks for.

A sentence gives a reason when it holds a causal or purpose connective of general English
("because", "due to", "in order to", "on the grounds that", ...; the explicit causal
connectives of the Penn Discourse Treebank). It gives the reason *for what the question
asks* when the clause before the connective (the effect) shares the question's words,
its light verbs and particles included ("say no" meets "said no"), or states a refusal
when the question asks why something was refused or not agreed. A quotation's speaker
and their role count as words of the sentence: "the Albanian leader" asks for what a
speaker introduced as "Albanian Prime Minister" says.

Not handled: reasons given without a connective ("Fares rose. Fuel cost more."), reasons
spread over two sentences, negated connectives ("not because ...").
"""

from __future__ import annotations

import re

from assistant.lexical import covered_terms, stem
from assistant.stance import NEGATED, REFUSAL

CAUSAL = re.compile(
    r"\b(?:because|due to|owing to|as a result of|on the grounds that|on the grounds of|in order to|so as to|"
    r"in an effort to|so that|given that|in protest at|in protest against|for fear of|for fear that|"
    r"the reason|reasons? for|the cause|caused by|blamed (?:it )?on|attributed (?:it )?to|citing|"
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


def words_of(text: str) -> set[str]:
    """Lower-case stems of every word of ``text``, function words included, a final "e"
    dropped so that "hire" meets "hired" ("hir").

    >>> sorted(words_of("They said no to the hire."))
    ['hir', 'no', 'said', 'th', 'they', 'to']
    """
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'s", ""))
    return {stem(w).removesuffix("e") or w for w in words}


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
