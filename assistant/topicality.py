"""What a briefing may make a point of, and what a topic briefing keeps to.

- ``says_little`` and ``is_procedural``: sentences that tell no fact of their own (a
  transcript's "That is for the inquiry.", a chair's "The meeting will come to order."):
  they never make a key point, nor decide what a topic briefing keeps.
- ``names_topic``: a sentence names every content word of a topic (``same_word``, so
  "apology" meets "apologised" and "closure" meets "close").
- ``covers_topic``: whether the documents say anything on a topic at all: a sentence names
  it, or one is close enough to it in meaning. A topic they do not cover gives no points.
- ``about_the_topic``: documents whose heading (title, caption) names the topic or is closer
  to it than any sentence is: the topic is what the whole document is about ("the hearing"
  and a hearing's transcript), so every sentence of it is on the topic, however little it
  repeats the topic's words.

Not handled: topics in other languages; a topic named only by a synonym the model does not
place near it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

import numpy as np

from assistant.figures import raw_figures
from assistant.lexical import tokenize
from assistant.names import UPPER
from assistant.speakers import speaker_label

NAME_WORD = re.compile(rf"(?<=[\w,;’'\)] ){UPPER}[\w’'\-]+")

# A chair's or moderator's formulas that run a meeting rather than report anything.
PROCEDURE = re.compile(
    r"\b(?:(?:will|shall)\s+(?:now\s+)?come\s+to\s+order|(?:is|are|stands?)\s+(?:now\s+)?(?:adjourned|in\s+recess)|"
    r"(?:i|we)\s+yield\s+(?:back|the\s+(?:floor|balance))|without\s+objection,?\s+so\s+ordered|"
    r"the\s+(?:chair|committee|court|house)\s+(?:now\s+)?recogni[sz]es|"
    r"(?:i|we)\s+(?:now\s+)?(?:call|declare)\s+(?:this|the)\s+(?:meeting|hearing|session|sitting)\s+(?:to\s+order|open|closed))\b",
    re.I,
)


def spoken(text: str) -> str:
    """A sentence without the transcript speaker label that opens it, if any.

    >>> spoken("ANA RUIZ (mayor): We open on Monday."), spoken("The port reopened.")
    ('We open on Monday.', 'The port reopened.')
    """
    label = speaker_label(text)
    return text[label[2] :] if label else text


def says_little(text: str, most: int = 2) -> bool:
    """Whether a sentence carries no checkable detail: no figure, no name inside it and at
    most ``most`` content words, once a transcript speaker label is set aside.

    >>> says_little("ANA RUIZ (mayor): Thank you all for coming."), says_little("Ruiz: The pool shuts on 3 May.")
    (True, False)
    """
    words = spoken(text)
    if raw_figures(words) or NAME_WORD.search(words):
        return False
    return len(set(tokenize(words))) <= most


def is_procedural(text: str) -> bool:
    """Whether a sentence is a formula that runs a meeting (opening, adjourning, giving the
    floor) rather than telling of events.

    >>> is_procedural("CHAIR: This sitting will now come to order."), is_procedural("The order will come soon.")
    (True, False)
    """
    return PROCEDURE.search(spoken(text)) is not None


def same_word(a: str, b: str) -> bool:
    """Whether two stems are forms of one word: they share all but at most the last letter
    of the shorter one, and four letters at least.

    >>> same_word("apology", "apologis"), same_word("closur", "close"), same_word("car", "card")
    (True, True, False)
    """
    shared = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a == b or shared >= max(4, min(len(a), len(b)) - 1)


def names_topic(terms: Collection[str], text: str) -> bool:
    """Whether ``text`` names every one of a topic's content-word stems (``terms``).

    >>> names_topic(tokenize("the apology"), "The firm apologised on Monday.")
    True
    >>> names_topic(tokenize("football transfers"), "Staff were transferred to Leeds.")
    False
    """
    words = set(tokenize(text))
    return bool(terms) and all(any(same_word(t, w) for w in words) for t in terms)


def passage_names_topic(terms: Collection[str], passage: Sequence[str]) -> bool:
    """Whether a passage (a sentence and its neighbours) names every one of a topic's
    content-word stems between its sentences: a topic's words are often spread over two
    sentences ("... modernise our security." / "We failed to protect the paintings.").

    >>> passage_names_topic(tokenize("the safety lapses"), ["Safety checks were cut in May.", "Two lapses followed."])
    True
    >>> passage_names_topic(tokenize("the safety lapses"), ["Safety checks were cut in May.", "Fares rose."])
    False
    """
    return names_topic(terms, " ".join(passage))


def covers_topic(named: bool, relevance: np.ndarray, floor: float) -> bool:
    """Whether the documents say anything on a topic: a sentence names all its words
    (``named``), or the closest sentence or title (``relevance``, cosines) reaches ``floor``.

    >>> covers_topic(False, np.array([0.2, 0.35]), 0.39), covers_topic(True, np.array([0.2]), 0.39)
    (False, True)
    """
    return named or float(relevance.max(initial=0.0)) >= floor


def about_the_topic(named: Sequence[bool], closeness: Sequence[float], best_sentence: float, floor: float) -> list[int]:
    """Which documents the topic is the subject of, from each one's heading (its title and
    any caption, "Excerpt from a hearing of ..."): a heading that names the topic
    (``named``), or one closer to it (``closeness``, cosine) than every sentence is
    (``best_sentence``) and at least ``floor`` close.

    >>> about_the_topic([False, False, False], [0.53, 0.3, 0.2], 0.35, 0.39), about_the_topic([False, True], [0.4, 0.2], 0.6, 0.39)
    ([0], [1])
    """
    return [i for i, (n, c) in enumerate(zip(named, closeness, strict=True)) if n or (c > best_sentence and c >= floor)]
