"""BM25 over sentences, with a small English tokenizer and suffix stripper.

Scoring uses bm25s's sparse matrix, so a query touches only the postings of its own
terms, never every sentence. The tokenizer lower-cases, folds curly apostrophes, drops
common function words and strips a few English suffixes ("hubs" -> "hub",
"declined" -> "declin") so that inflected forms meet.

Not handled: languages other than English, phrase queries.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

WORD_RE = re.compile(r"[a-z0-9£$€%]+(?:[.,][0-9]+)*")
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    s t don say said says tell told according article much many also""".split()
)
SUFFIXES = ("ingly", "edly", "ings", "ing", "ied", "ies", "ed", "es", "ly", "s")


def stem(word: str) -> str:
    """Strip one common English suffix, keeping at least three letters.

    >>> [stem(w) for w in ["hubs", "declined", "processing", "countries", "uk"]]
    ['hub', 'declin', 'process', 'countr', 'uk']
    """
    if not word.isalpha():
        return word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: -len(suffix)]
    return word


def tokenize(text: str) -> list[str]:
    """Content-word stems of ``text``.

    >>> tokenize("Did Albania’s PM rule out the hubs?")
    ['albania', 'pm', 'rule', 'hub']
    """
    text = text.lower().replace("’", "'").replace("'s ", " ")
    return [stem(w) for w in WORD_RE.findall(text) if w not in STOPWORDS]


def covered_terms(terms: set[str], words: set[str]) -> frozenset[str]:
    """Question terms found among a sentence's words; a stem of five letters or more also
    matches a longer or shorter word it begins ("albania" ~ "albanian").

    >>> sorted(covered_terms({"norway", "fjord", "ship"}, {"norwegian", "ship"}))
    ['ship']
    >>> sorted(covered_terms({"canad", "vote"}, {"canadian", "voter"}))
    ['canad']
    >>> sorted(covered_terms({"econom"}, {"economic"}))
    ['econom']
    """
    found = terms & words
    for term in terms - found:
        if len(term) >= 5 and any(len(w) >= 5 and (w.startswith(term) or term.startswith(w)) for w in words):
            found.add(term)
    return frozenset(found)


class LexicalIndex:
    """BM25 scores for a fixed list of texts."""

    def __init__(self, texts: Sequence[str]) -> None:
        import bm25s

        self.size = len(texts)
        self._bm25 = bm25s.BM25()
        tokens = [tokenize(t) or ["\0"] for t in texts]  # bm25s rejects empty documents
        self._df: Counter[str] = Counter()
        for row in tokens:
            self._df.update(set(row))
        if tokens:
            self._bm25.index(tokens, show_progress=False)

    def idf(self, term: str) -> float:
        """Inverse document frequency of a stem over the indexed texts (unseen: the highest).

        ``log((N + 1) / (df + 0.5))``: a name in one sentence weighs far more than a word
        in every other sentence.
        """
        return math.log((self.size + 1) / (self._df.get(term, 0) + 0.5))

    def top(self, query: str, k: int, only: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The ``k`` best (position, score) pairs with a positive score, best first;
        ``only`` (a boolean mask over positions) keeps the rest out."""
        terms = tokenize(query)
        if not terms or self.size == 0:
            return []
        scores = np.asarray(self._bm25.get_scores(terms))
        if only is not None:
            scores = np.where(only, scores, 0.0)
        k = min(k, self.size)
        best = np.argpartition(-scores, k - 1)[:k]
        ranked = sorted(((int(i), float(scores[i])) for i in best), key=lambda p: -p[1])
        return [(i, s) for i, s in ranked if s > 0]
