"""BM25 over sentences, with a small English tokenizer and suffix stripper.

Scoring is BM25 in its Lucene form (``k1`` 1.5, ``b`` 0.75), computed in NumPy over
per-term postings, so a query touches only the postings of its own terms, never every
sentence. It gives the same float32 scores, bit for bit, as bm25s 0.3's default
``BM25()``, which it replaces because bm25s imports SciPy (a quarter of a cold
``briefing ask``); ``tests/test_lexical.py`` compares the two. The tokenizer lower-cases, folds curly apostrophes, drops
common function words and strips a few English suffixes ("hubs" -> "hub",
"declined" -> "declin") so that inflected forms meet.

Not handled: languages other than English, phrase queries.
"""

from __future__ import annotations

import math
import re
import unicodedata
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


def unaccented(text: str) -> str:
    """``text`` with accents taken off its letters, so a name typed without them still matches.

    >>> unaccented("Hervé met Zoë in Málaga")
    'Herve met Zoe in Malaga'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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


K1 = 1.5  # BM25 term-frequency saturation (bm25s's and Lucene's default)
B = 0.75  # BM25 length normalisation (same)


class LexicalIndex:
    """BM25 scores for a fixed list of texts.

    Built once: every (text, term) pair's score is computed up front, as bm25s does, and
    kept per term (``_postings[term] = (positions, scores)``); a query adds up its terms'
    postings in float32, in the query's order (repeated terms count again).
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        tokens = [tokenize(t) or ["\0"] for t in texts]  # an empty text counts one token, as in bm25s
        self._df: Counter[str] = Counter()
        for row in tokens:
            self._df.update(set(row))
        self._postings = _postings(tokens, self._df) if tokens else {}

    def idf(self, term: str) -> float:
        """Inverse document frequency of a stem over the indexed texts (unseen: the highest).

        ``log((N + 1) / (df + 0.5))``: a name in one sentence weighs far more than a word
        in every other sentence.
        """
        return math.log((self.size + 1) / (self._df.get(term, 0) + 0.5))

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """The BM25 score of every text for query ``terms`` (float32, one per text)."""
        scores = np.zeros(self.size, dtype=np.float32)
        for term in terms:
            found = self._postings.get(term)
            if found is not None:
                positions, values = found
                scores[positions] += values  # a text appears once in a term's postings
        return scores

    def top(self, query: str, k: int, only: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The ``k`` best (position, score) pairs with a positive score, best first;
        ``only`` (a boolean mask over positions) keeps the rest out."""
        terms = tokenize(query)
        if not terms or self.size == 0:
            return []
        scores = self.scores(terms)
        if only is not None:
            scores = np.where(only, scores, 0.0)
        k = min(k, self.size)
        best = np.argpartition(-scores, k - 1)[:k]
        ranked = sorted(((int(i), float(scores[i])) for i in best), key=lambda p: -p[1])
        return [(i, s) for i, s in ranked if s > 0]


def _postings(tokens: list[list[str]], df: Counter[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Each term's (text positions, float32 scores), Lucene BM25.

    score(t, d) = idf(t) * tf / (tf + K1 * (1 - B + B * len(d) / avg_len)), with
    idf(t) = log(1 + (N - df + 0.5) / (df + 0.5)) rounded to float32 and the product
    rounded to float32: the same operations, in the same precision, as bm25s.
    """
    n = len(tokens)
    lengths = np.array([len(row) for row in tokens])
    avg_len = lengths.mean()
    idf = {t: np.float32(math.log(1 + (n - d + 0.5) / (d + 0.5))) for t, d in df.items()}
    positions: dict[str, list[int]] = {t: [] for t in df}
    counts: dict[str, list[int]] = {t: [] for t in df}
    for i, row in enumerate(tokens):
        for term, tf in Counter(row).items():
            positions[term].append(i)
            counts[term].append(tf)
    out: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for term, docs in positions.items():
        where = np.array(docs, dtype=np.int64)
        freq = np.array(counts[term], dtype=np.float32)
        norm = K1 * ((1 - B) + B * lengths[where] / avg_len)  # float64, as bm25s computes it
        out[term] = (where, (idf[term] * (freq / (norm + freq))).astype(np.float32))
    return out
