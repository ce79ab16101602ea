"""The thing a question asks for (its focus), and whether a sentence holds it.

"Which insurer covered the jewels?" asks for an insurer; "What brand were the scooters?"
for a brand; "What is the weather in Paris?" for the weather; "Who is the head of
security?" for a head. A sentence about the jewels, the scooters or Paris that names no
insurer, brand or weather does not answer, however close it is to the question's other
words: it is the commonest way a plausible question no document answers gets a related
sentence as its answer. ``asked_focus`` reads the focus off the question's form (the noun
of "which/what X", "what is the X of ...", "who is the X of ...", "how much X ...");
``focus_match`` scores how well a sentence holds it: 1 for the same word (stemmed) or, for
a focus that asks for a kind of name ("which company", "what is the name of ..."), a name
of that kind; else the best cosine of the focus with a content word of the sentence or a
pair of them, each encoded alone by the model (``Embedder.phrase_vectors``: "tool" meets
"grinder", "vehicle" meets "truck"). The calibrated composer (``CalibratedComposer.focused``)
declines a question whose focus word the corpus never uses (``used_by``) when no nearly-best
sentence matches it at least a threshold fit on the tune splits (``evals/fit_focus.py``,
``assistant/focus.json``); a question asking for a name needs a sentence with a name the
question does not give (``names_new``), whatever words the corpus uses. On the tune data the static word vectors ("insurer" ~ "jewels")
separated answerable from unanswerable questions worse, and so did the match alone of
questions whose focus word the corpus uses (the sentence naming it is often the next one).

Not handled: a focus the question states by a verb ("Who chairs the board?"), a noun
phrase whose head the question's word order hides ("Which fire stations responded?" reads
"fire stations"; "Which company owns it?" reads "company"); questions asking for a date,
a figure or a place, which the composers' ``typed`` steps already check.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.answerability import WORD, content_words
from assistant.evidence import COMMON_OPENERS, holds, kind_spans
from assistant.lexical import STOPWORDS, covered_terms, stem
from assistant.question import (
    ASKS_SOURCE,
    AUX_WORDS,
    PREPOSITIONS,
    asked_kind,
    asks_reason,
    asks_status,
    role_asked,
)

FOCUS_FILE = Path(__file__).with_name("focus.json")
WordVectors = Callable[[list[str]], np.ndarray]

LEAD = r"^\W*(?:(?:and|so|but|then)\s+)?"
# "Which insurer covered ...?", "What brand were ...?", "What kind of car ...?"
WHICH_NOUN = re.compile(
    LEAD
    + r"(?:which|what)\s+(?:(?:kind|type|sort|range|set|series|group|number|amount|list)s?\s+of\s+)?([^\W\d_][\w’'-]*)"
    r"(?:\s+([^\W\d_][\w’'-]*))?(?:\s+([^\W\d_][\w’'-]*))?",
    re.I,
)
# "What is the weather in Paris?", "What was the name of the ship?", "What are their names?"
WHAT_IS_THE = re.compile(
    LEAD + r"what\s+(?:is|was|are|were|will\s+be|would\s+be)\s+(?:the|their|his|her|its)\s+"
    r"(?:(?:main|exact|official|full|real|current)\s+)?([^\W\d_][\w’'-]*)(?=\s+(?:of|in|for|at|on|from|behind)\b|\W*$)",
    re.I,
)
# "Who is the head of security?", "Who was Acme's chief executive?"
WHO_IS_THE = re.compile(
    LEAD + r"who\s+(?:is|was|are|were)\s+(?:the\s+(?:[^\W\d_][\w-]*[’']s?\s+)?|[^\W\d_][\w-]*[’']s?\s+)"
    r"((?:[^\W\d_][\w’'-]*\s+)?[^\W\d_][\w’'-]*)"
    r"(?=\s+(?:of|in|for|at|on|from)\b|\W*$)",
    re.I,
)
# "How much insurance did ...?", "How much is the reward ...?"
HOW_MUCH = re.compile(LEAD + r"how\s+much\s+(?:(?:is|was|are|were)\s+(?:the|their|its)\s+)?([^\W\d_][\w’'-]*)", re.I)
# Verbs in the past a "which N VERB" question puts right after its noun, not ending in -ed.
IRREGULAR_PAST = frozenset(
    "wrote built made took gave won led ran said told sent paid bought sold found left kept held brought began "
    "came went saw got put set chose drove flew hit lost met read rose shut spent stood struck thought wore "
    "became broke caught dug drew fell fought forgot froze grew hid hung knew laid lent let meant rang sank "
    "shot sang sat slept spoke stole swam swore taught tore threw understood woke".split()
)
# Nouns that say nothing of what is asked ("Which one ...?", "What else ...?").
EMPTY_FOCUS = frozenset(
    "one ones thing things else other others way ways extent part parts kind type sort lot much many more "
    "happened caused money cash time number amount total figure count".split()
)
# Foci that ask for a person's name: any person named answers ("What is the name of X?").
NAME_FOCI = frozenset({"name", "names"})


@dataclass(frozen=True)
class Focus:
    """What a question asks for: its words (the head last) and the kind of name that
    stands for them (``assistant.evidence`` kinds: "person", "organisation"), if any."""

    words: tuple[str, ...]
    kind: str | None = None


def _verb_like(word: str) -> bool:
    """Whether a word right after "which N" reads as the question's verb, not part of its noun."""
    low = word.lower()
    return low in AUX_WORDS or low in IRREGULAR_PAST or low.endswith("ed")


def _ends_noun(word: str) -> bool:
    """Whether a word cannot belong to the noun a "which" question opens with: a verb, a
    preposition or a determiner ("What steps for ...", "Which of the ...")."""
    low = word.lower()
    return _verb_like(word) or low in PREPOSITIONS or low in STOPWORDS or low.endswith("ly")


def asked_focus(question: str) -> Focus | None:
    """The focus of a question (see the module docstring), or None when it has none this
    reads: a question asking for a date, a figure or a place, a yes/no question, "why".

    >>> asked_focus("Which insurer covered the jewels?")
    Focus(words=('insurer',), kind=None)
    >>> asked_focus("Which architecture firm designed the tower?")
    Focus(words=('architecture', 'firm'), kind=None)
    >>> asked_focus("What range of losses does the estimate imply?")
    Focus(words=('losses',), kind=None)
    >>> asked_focus("What is the weather in Oslo?"), asked_focus("What are their names?")
    (Focus(words=('weather',), kind=None), Focus(words=('names',), kind='person'))
    >>> asked_focus("Who is the head of security at the museum?")
    Focus(words=('head',), kind=None)
    >>> asked_focus("How much insurance did the gallery have?")
    Focus(words=('insurance',), kind=None)
    >>> asked_focus("Which company makes the valves?"), asked_focus("When did it open?")
    (Focus(words=('company',), kind='organisation'), None)
    >>> asked_focus("What did the mayor say?"), asked_focus("What year was it built?")
    (None, None)
    """
    if ASKS_SOURCE.search(question) or asks_reason(question) or asks_status(question) or role_asked(question):
        return None  # answered from metadata, by a cause, a state or a role: other steps check those
    kind = asked_kind(question)
    how_much = HOW_MUCH.match(question) if kind in ("amount", "money") else None
    words: tuple[str, ...] = ()
    if how_much is not None:
        words = (how_much.group(1),)  # the sum is checked by ``typed``, what it is of here
    elif kind not in (None, "person", "organisation"):
        return None  # a date, a figure or a place: the ``typed`` steps check those
    which = WHICH_NOUN.match(question) if not words else None
    if which is not None:
        words = which_noun(which.group(1), which.group(2) or "", which.group(3) or "")
    for pattern in (WHAT_IS_THE, WHO_IS_THE):
        found = pattern.match(question) if not words else None
        if found is not None:
            words = (found.group(1).split()[-1],)  # "the Paris prosecutor": the head comes last
    words = tuple(w.lower().replace("’", "'").removesuffix("'s") for w in words)
    if not words or words[-1] in EMPTY_FOCUS or any(w in STOPWORDS for w in words):
        return None
    if words[-1] in NAME_FOCI:
        return Focus(words, "person")
    return Focus(words, "organisation" if kind == "organisation" else None)


def which_noun(first: str, second: str, third: str) -> tuple[str, ...]:
    """The noun a "which/what" question opens with, from its next three words: the first,
    with the second when the third reads as the verb ("Which architecture firm designed
    ...?"); after a name, the word after it ("Which NASA official said ...?"); nothing when
    the first reads as a verb ("What did ...?").

    >>> which_noun("insurer", "covered", "the"), which_noun("architecture", "firm", "designed")
    (('insurer',), ('architecture', 'firm'))
    >>> which_noun("NASA", "official", "said"), which_noun("did", "the", "mayor")
    (('official',), ())
    >>> which_noun("investments", "come", "with"), which_noun("river", "originally", "bounded")
    (('investments',), ('river',))
    """
    if _ends_noun(first):
        return ()
    if first[:1].isupper() and second and not _ends_noun(second):
        return (second,)
    if second and not _ends_noun(second) and third and _verb_like(third):
        return (first, second)
    return (first,)


def focus_match(
    focus: Focus, text: str, phrase_vectors: WordVectors | None = None, ordinary: Collection[str] = COMMON_OPENERS
) -> float:
    """How well ``text`` holds ``focus``: 1.0 when it has every focus word (stemmed) or a
    name of the focus's kind; else the best cosine of the focus with a content word of
    ``text`` or a pair of adjacent ones ("angle grinder"), each encoded alone
    (``Embedder.phrase_vectors``; 0.0 without vectors).

    >>> focus_match(Focus(("insurer",)), "The insurer paid out.")
    1.0
    >>> focus_match(Focus(("names",), "person"), "Ana Ruiz and Ko Lwin were charged.")
    1.0
    >>> focus_match(Focus(("brand",)), "The scooters were stolen.")
    0.0
    """
    # Any name but a place's stands for a person or an organisation asked for: names are
    # told apart poorly ("the president of the National Rally" reads as a person).
    if focus.kind is not None and holds("person", text, ordinary):
        return 1.0
    words = content_words(text)
    if {stem(w) for w in focus.words} <= {stem(w) for w in words}:
        return 1.0
    grams = phrases_of(text)
    if phrase_vectors is None or not grams:
        return 0.0
    vectors = phrase_vectors([" ".join(focus.words), *grams])
    return float(np.clip((vectors[1:] @ vectors[0]).max(), 0.0, 1.0))


def names_new(kind: str, text: str, given: Collection[str], ordinary: Collection[str] = COMMON_OPENERS) -> bool:
    """Whether ``text`` holds a name of ``kind`` (``evidence.kind_spans``) that is not one of
    the ``given`` names or a part of one: "What is the name of the surgeon at St Mary's?" is
    not answered by a sentence naming St Mary's alone.

    >>> names_new("person", "Ana Ruiz, the surgeon at St Mary's, resigned.", ["St Mary's"])
    True
    >>> names_new("person", "The surgeon at St Mary's resigned.", ["St Mary's"])
    False
    """
    known = {w.lower() for name in given for w in WORD.findall(name)}
    return any({w.lower() for w in WORD.findall(text[a:b])} - known for a, b in kind_spans(kind, text, ordinary))


def phrases_of(text: str) -> list[str]:
    """The content words of ``text`` (lower case) and each pair of them side by side.

    >>> phrases_of("They cut it with an angle grinder.")
    ['cut', 'angle', 'grinder', 'angle grinder']
    """
    words = [w.lower().replace("’", "'").removesuffix("'s") for w in WORD.findall(text)]
    keep = [w not in STOPWORDS and not w.isdigit() and len(w) > 1 for w in words]
    single = [w for w, k in zip(words, keep, strict=True) if k]
    pairs = [f"{a} {b}" for (a, ka), (b, kb) in itertools.pairwise(zip(words, keep, strict=True)) if ka and kb]
    return list(dict.fromkeys(single + pairs))


def load_focus_threshold(path: Path = FOCUS_FILE) -> float:
    """The least ``focus_match`` of an answering sentence, as ``evals/fit_focus.py`` wrote it."""
    return float(json.loads(path.read_text(encoding="utf-8"))["threshold"])


def used_by(focus: Focus, vocabulary: Collection[str]) -> bool:
    """Whether the corpus uses every focus word (``vocabulary``: its words and their stems).
    A focus it uses is left to the ranking (the sentence naming it may be the next one);
    one it never uses ("Which insurer ...?" of a corpus without the word) must be met by
    a word of the answering sentence close to it.

    >>> used_by(Focus(("insurer",)), {"insurer", "jewel"}), used_by(Focus(("brand",)), {"scooter"})
    (True, False)
    """
    return covered_terms({stem(w) for w in focus.words}, set(vocabulary)) == {stem(w) for w in focus.words}


class FocusGate:
    """The composers' focus step: of the sentences that may answer (best first), the first
    that holds the question's focus at least ``threshold`` (``focus_match``), or none.

    ``noted`` (None but in ``evals/fit_focus.py``) collects, per question judged, the best
    match among those sentences: the gate declines exactly when it is below the threshold.
    """

    def __init__(self, phrase_vectors: WordVectors | None = None, threshold: float | None = None) -> None:
        self.phrase_vectors = phrase_vectors
        self.threshold = load_focus_threshold() if threshold is None else threshold
        self.noted: list[float] | None = None

    def holding(self, focus: Focus, texts: Sequence[str], ordinary: Collection[str] = COMMON_OPENERS) -> int | None:
        """The index of the first of ``texts`` that holds ``focus``, None when none does.

        >>> gate = FocusGate(threshold=0.5)
        >>> gate.holding(Focus(("insurer",)), ["The jewels were stolen.", "Their insurer paid."])
        1
        >>> gate.holding(Focus(("brand",)), ["The scooters were stolen."]) is None
        True
        """
        if self.noted is None:  # one at a time: the first usually holds it
            held = (
                i for i, t in enumerate(texts) if focus_match(focus, t, self.phrase_vectors, ordinary) >= self.threshold
            )
            return next(held, None)
        scores = [focus_match(focus, t, self.phrase_vectors, ordinary) for t in texts]
        self.noted.append(max(scores, default=0.0))
        return next((i for i, score in enumerate(scores) if score >= self.threshold), None)
