"""Questions to suggest: starters built from the corpus, follow-ups near an answer.

A question is made from a sentence whose subject is a name and whose verb reports a
statement or a decision ("Rama dismissed speculation ..." -> "What did Rama dismiss?").
The templates know only general English (reporting and decision verbs, auxiliaries),
never the wording of one story. A caller shows a question only after the engine has
answered it (``answerable``), so a suggestion never leads to "The sources do not say".

Leaves out: questions about sentences without a named subject, and yes/no questions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from assistant.names import name_run
from assistant.records import Answer, Sentence

# Past-tense reporting and decision verbs -> the words after "What did X ...?".
VERBS = {
    "said": "say",
    "told": "tell reporters",
    "warned": "warn about",
    "argued": "argue",
    "claimed": "claim",
    "insisted": "insist",
    "stressed": "stress",
    "added": "add",
    "announced": "announce",
    "confirmed": "confirm",
    "revealed": "reveal",
    "promised": "promise",
    "pledged": "pledge",
    "proposed": "propose",
    "agreed": "agree to",
    "approved": "approve",
    "rejected": "reject",
    "ruled out": "rule out",
    "dismissed": "dismiss",
    "denied": "deny",
    "criticised": "criticise",
    "criticized": "criticize",
    "voted": "vote for",
    "decided": "decide",
    "launched": "launch",
    "signed": "sign",
    "scrapped": "scrap",
    "cancelled": "cancel",
}
_VERB = "|".join(sorted((re.escape(v) for v in VERBS), key=len, reverse=True))
# A name: capitalised words, with "of"/"the"/"de" allowed between them ("Council of Lindmoor").
_NAME = name_run()
# Words allowed between a subject and its verb ("Albania, however, has publicly ruled out").
_BETWEEN = r"(?:\s*,?\s+(?:has|have|had|also|publicly|now|already|however|formally|officially|later|earlier|previously|then|quickly|firmly|strongly),?)*"
SUBJECT_VERB = re.compile(rf"(?<![\w’'-])(?P<name>{_NAME}){_BETWEEN}\s+(?P<verb>{_VERB})\b")
VERB_SUBJECT = re.compile(rf"[,”\"]\s*(?P<verb>said|added|warned|argued|insisted)\s+(?P<name>{_NAME})")
# Capitalised only because they start a sentence or a clause, never names.
NOT_NAMES = frozenset(
    "a an the this that these those it its he she they we i you his her their our but and or so yet "
    "however in on at for with from by as if when while after before during despite speaking "
    "meanwhile yesterday today".split()
)
MAX_CHECKS = 8  # questions tried on the engine per list of suggestions


@dataclass(frozen=True)
class Suggestion:
    """A question made from one sentence, with the name and verb it was built from."""

    question: str
    subject: str
    sentence_id: str


def named_subject(name: str, common: Collection[str] = frozenset()) -> str | None:
    """The name as a question would say it, or None when it is not a name.

    Leading function words go ("However Starmer" -> "Starmer"); a short all-capitals
    name takes "the" ("UK" -> "the UK"). A single word that the documents write in lower
    case elsewhere (``common``, from ``common_words``) is a noun capitalised only because
    it opens the sentence: "Police said ..." asks about "the police".

    >>> named_subject("The Harbour Council"), named_subject("UK"), named_subject("But")
    ('the Harbour Council', 'the UK', None)
    >>> named_subject("Police", common={"police"}), named_subject("Police")
    ('the police', 'Police')
    """
    words = name.split()
    article = False
    while words and words[0].lower() in NOT_NAMES:
        article = article or words[0].lower() == "the"
        words.pop(0)
    if not words:
        return None
    out = " ".join(words)
    if len(words) == 1 and out.lower() in common and not out.isupper():
        return "the " + out.lower()
    if article or (out.isupper() and len(out) <= 4):
        return "the " + out
    return out


def common_words(sentences: Iterable[Sentence]) -> frozenset[str]:
    """Words the documents write in lower case and never capitalise inside a sentence:
    nouns, not names, when a sentence opens with one ("Officials said ...").

    A word capitalised after a sentence's first word somewhere ("said Rose") stays a name
    even when it is also written in lower case ("prices rose").

    >>> from assistant.records import Sentence
    >>> docs = ["Police said the road was shut.", "The police closed it.", "Prices rose.", "It was Rose."]
    >>> sorted(common_words(Sentence(f"d#s{i}", "d", i, 0, len(t), t) for i, t in enumerate(docs)))
    ['closed', 'it', 'police', 'road', 'said', 'shut', 'the', 'was']
    """
    lower: set[str] = set()
    capitalised: set[str] = set()
    for s in sentences:
        for i, word in enumerate(re.findall(r"[^\W\d_][\w’'-]*", s.text)):
            if word.islower():
                lower.add(word)
            elif i > 0 and word[0].isupper():
                capitalised.add(word.lower())
    return frozenset(lower - capitalised)


def question_from(sentence: str, common: Collection[str] = frozenset()) -> tuple[str, str] | None:
    """A "What did <name> <verb>?" question and its subject, from a sentence whose subject
    is a name and whose verb reports or decides; None otherwise.

    >>> question_from("Councillor Brenna Holt said the ferry was the only link.")
    ('What did Councillor Brenna Holt say?', 'Councillor Brenna Holt')
    >>> question_from("It rained.") is None
    True
    """
    for pattern in (SUBJECT_VERB, VERB_SUBJECT):
        for found in pattern.finditer(sentence):
            if pattern is SUBJECT_VERB and _after_preposition(sentence[: found.start("name")]):
                continue  # "the council of Lindmoor voted": Lindmoor is not the subject
            subject = named_subject(found.group("name"), common)
            if subject is None:
                continue
            verb = VERBS[found.group("verb")]
            return f"What did {subject} {verb}?", subject
    return None


def _after_preposition(before: str) -> bool:
    """True when the text before a name ends with a preposition ("... council of")."""
    return re.search(r"\b(?:of|in|at|from|for|to|with|by|about|on)\s*$", before) is not None


def candidates(sentences: Iterable[Sentence], common: Collection[str] = frozenset()) -> list[Suggestion]:
    """Questions from citable sentences, in the order given, one per subject and verb
    (``common``: the corpus's ``common_words``)."""
    seen: set[str] = set()
    out: list[Suggestion] = []
    for s in sentences:
        if not s.citable:
            continue
        made = question_from(s.text, common)
        if made is None or made[0].lower() in seen:
            continue
        seen.add(made[0].lower())
        out.append(Suggestion(made[0], made[1], s.sentence_id))
    return out


def round_robin(groups: Sequence[Sequence[Suggestion]]) -> list[Suggestion]:
    """The first of each group, then the second of each, and so on: every document gets a turn."""
    out: list[Suggestion] = []
    for i in range(max((len(g) for g in groups), default=0)):
        out += [g[i] for g in groups if i < len(g)]
    return out


def answerable(
    ask: Callable[[str], Answer],
    pool: Iterable[Suggestion],
    limit: int,
    *,
    skip: Iterable[str] = (),
    known: Iterable[str] = (),
) -> list[str]:
    """Up to ``limit`` questions from ``pool`` that the engine answers with new evidence.

    ``skip`` holds questions already asked; ``known`` sentence ids already cited, so a
    follow-up that would only repeat them is left out. At most ``MAX_CHECKS`` questions
    are asked.
    """
    asked = {q.strip().lower() for q in skip}
    cited = set(known)
    out: list[str] = []
    tries = 0
    for suggestion in pool:
        if len(out) == limit or tries == MAX_CHECKS:
            break
        if suggestion.question.lower() in asked:
            continue
        tries += 1
        answer = ask(suggestion.question)
        if not answer.answered or answer.behaviour != "answer":
            continue
        ids = {c.sentence_id for c in answer.citations if not c.related}
        if ids and not ids <= cited:
            out.append(suggestion.question)
            asked.add(suggestion.question.lower())
    return out
