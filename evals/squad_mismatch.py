"""Measure candidate "mismatch" evidence on the SQuAD tune article before wiring any of it.

``python -m evals.squad_mismatch`` asks every question of the tune article (``Normans``)
as the engine does, takes the first evidence sentence each answer cites (or the best
retrieved sentence of a declined question), and computes, per question:

1. ``ctx_min``: over the question's content words, the lowest of each word's best cosine
   with a word piece of the sentence, both read off MiniLM's last-layer token states
   (contextual: a word's state depends on its sentence). A question word without any
   counterpart in the sentence gives a low value.
2. ``ctx_low2``: the mean of the two lowest of those best cosines.
3. ``ctx_mean``: their idf-weighted mean.
4. ``ctx_rare_min``: ``ctx_min`` over the question's words rarer than its median word.
5. ``contrast_min`` / ``contrast_low2``: per question word, its best cosine in the sentence
   minus its best cosine in the other top-five retrieved sentences, then the lowest / the
   mean of the two lowest: a question word that another passage matches far better than
   the cited one ("Who ruled Normandy?" citing a sentence about England).
   ``static_contrast_low2``: the same with the static word vectors the engine already
   has (``Embedder.word_vectors``: no forward pass, no latency).
6. ``name_swap``: 1 when a name of the question is missing from the sentence (and the
   sentence before it, and the title) while the sentence names something else.
7. ``number_swap``: 1 when a number of the question is missing from the sentence while the
   sentence gives another number.

It prints the ROC AUC of each feature (oriented so that higher means "answerable") for two
populations: every answered question (gold cited vs unanswerable), and every question
(answerable with a gold sentence among the top five retrieved vs unanswerable). Check
articles are never read. Nothing is fit and nothing in the engine changes.

Measured 2026-11-27 (main 42f86a2; answered: 79 gold cited vs 76 unanswerable): ctx_min
0.561, ctx_low2 0.549, ctx_mean 0.521, ctx_rare_min 0.572, contrast_min 0.597,
contrast_low2 0.652, static_contrast_low2 0.615, name_swap 0.561, number_swap 0.500 (no
question of the article has a number the sentence lacks). Contextual states cost one
forward pass per sentence (53 ms for a 35-word sentence at load 8.8, against a warm
``ask()`` p50 of 10 ms): six per question is too slow for a 25 ms ``ask()``. The static contrast was tried as a decline step on the rule
composer's answers (evidence: every cited sentence, the sentence a pronoun leans on and
the title; others: the rest of the top five): below -0.6 it declined 1 more unanswerable
tune question and nothing else; measured on the first cited sentence instead it declined
13 unanswerable against 7 gold-cited SQuAD tune answers and 7 right article tune answers
(long questions whose words spread over several sentences). Not wired: no threshold
gains declines without losing more answers than the gold-cited target allows.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant import Assistant
from assistant.answerability import content_words
from assistant.context import sentence_before
from assistant.lexical import stem
from assistant.records import Sentence
from evals import squad
from evals.fit_answerability import auc
from evals.run_squad import squad_split

NAME = re.compile(r"\b[A-Z][\w’'-]*")
NUMBER = re.compile(r"\b\d[\d,.]*\b")
WH_WORDS = frozenset("what who whom whose which when where why how".split())


def piece_words(pieces: Sequence[str], states: np.ndarray) -> tuple[list[str], np.ndarray]:
    """Whole words and their states (mean of their word pieces), [CLS]/[SEP] left out.

    >>> words, vectors = piece_words(["[CLS]", "nor", "##mans", "sailed", "[SEP]"], np.eye(5))
    >>> words, vectors.shape
    (['normans', 'sailed'], (2, 5))
    """
    words: list[str] = []
    groups: list[list[int]] = []
    for i, piece in enumerate(pieces):
        if piece in ("[CLS]", "[SEP]", "[PAD]"):
            continue
        if piece.startswith("##") and groups:
            words[-1] += piece[2:]
            groups[-1].append(i)
        else:
            words.append(piece)
            groups.append([i])
    vectors = np.asarray([states[g].mean(axis=0) for g in groups]) if groups else np.zeros((0, states.shape[1]))
    return words, vectors


def normalised(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-12)


def names_of(text: str) -> set[str]:
    """Lower-cased capitalised words of ``text`` after its first word."""
    found = NAME.findall(text)
    if found and text.startswith(found[0]):
        found = found[1:]
    return {w.lower().removesuffix("’s").removesuffix("'s") for w in found}


class Alignment:
    """Question words against sentences by MiniLM's token states, each text encoded once."""

    def __init__(self, bot: Assistant) -> None:
        self.bot = bot
        self._states: dict[str, tuple[list[str], np.ndarray]] = {}

    def words(self, text: str) -> tuple[list[str], np.ndarray]:
        """(words, normalised contextual vectors) of ``text``."""
        if text not in self._states:
            words, vectors = piece_words(*self.bot.index.embedder.token_states(text))
            self._states[text] = (words, normalised(vectors))
        return self._states[text]

    def best(self, question: str, text: str) -> tuple[list[str], np.ndarray]:
        """The question's content words and each one's best match in ``text`` (an exact stem match is 1)."""
        q_words, q_vectors = self.words(question)
        s_words, s_vectors = self.words(text)
        asked = [i for i, w in enumerate(q_words) if w not in WH_WORDS and content_words(w) and w.isalpha()]
        if not asked or not s_words:
            return [q_words[i] for i in asked], np.ones(len(asked))
        cos = q_vectors[asked] @ s_vectors.T
        stems = {stem(w) for w in s_words}
        exact = np.asarray([1.0 if stem(q_words[i]) in stems else 0.0 for i in asked])
        return [q_words[i] for i in asked], np.maximum(cos.max(axis=1), exact)


def static_contrast(bot: Assistant, question: str, sentence: Sentence, others: Sequence[Sentence]) -> float:
    """``contrast_low2`` with static word vectors: per question content word, its best
    match in the sentence minus its best match in ``others`` (same stem 1, else cosine),
    the mean of the two lowest."""
    vectors = bot.index.embedder.word_vectors
    asked = content_words(question)
    if not asked or not others:
        return 0.0

    def best(text: str) -> np.ndarray:
        words = content_words(text)
        if not words:
            return np.zeros(len(asked))
        stems = {stem(w) for w in words}
        exact = np.asarray([1.0 if stem(w) in stems else 0.0 for w in asked])
        return np.maximum(exact, (vectors(asked) @ vectors(words).T).max(axis=1))

    there = np.max([best(o.text) for o in others], axis=0)
    return float(np.sort(best(sentence.text) - there)[:2].mean())


def features(
    align: Alignment, question: str, sentence: Sentence, others: Sequence[Sentence], before: Sentence | None, title: str
) -> dict[str, float]:
    """The mismatch features of one question against one sentence (see the module docstring)."""
    words, best = align.best(question, sentence.text)
    out: dict[str, float] = {}
    if len(words):
        idf = np.asarray([align.bot.retriever.idf(stem(w)) for w in words])
        low = np.sort(best)
        out["ctx_min"] = float(low[0])
        out["ctx_low2"] = float(low[:2].mean())
        out["ctx_mean"] = float((best * idf).sum() / idf.sum()) if idf.sum() else float(best.mean())
        out["ctx_rare_min"] = float(best[idf >= np.median(idf)].min())
        elsewhere = np.max([align.best(question, o.text)[1] for o in others], axis=0) if others else best
        contrast = np.sort(best - elsewhere)
        out["contrast_min"] = float(contrast[0])
        out["contrast_low2"] = float(contrast[:2].mean())
        out["static_contrast_low2"] = static_contrast(align.bot, question, sentence, others)
    else:
        out |= dict.fromkeys(("ctx_min", "ctx_low2", "ctx_mean", "ctx_rare_min"), 1.0)
        out |= dict.fromkeys(("contrast_min", "contrast_low2", "static_contrast_low2"), 0.0)
    context = " ".join(filter(None, [before.text if before else None, sentence.text, title]))
    q_names = names_of(question)
    context_words = {w.lower().removesuffix("’s").removesuffix("'s") for w in re.findall(r"[\w’'-]+", context)}
    context_stems = {stem(w) for w in context_words}
    missing = {n for n in q_names if n not in context_words and stem(n) not in context_stems}
    other = names_of(sentence.text) - q_names
    out["name_swap"] = 0.0 if (missing and other) else 1.0
    q_numbers = set(NUMBER.findall(question))
    s_numbers = set(NUMBER.findall(sentence.text))
    out["number_swap"] = 0.0 if (q_numbers - s_numbers and s_numbers - q_numbers) else 1.0
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.squad_mismatch", description=__doc__.splitlines()[0])
    parser.add_argument("--index-dir", type=Path, default=None, help="keep the index here between runs")
    parser.add_argument("--dump", type=Path, default=None, help="write every question's features as JSON lines")
    args = parser.parse_args(argv)
    articles, questions = squad.load()
    articles = [a for a in articles if squad_split(a.title) == "tune"]
    questions = [q for q in questions if squad_split(q.article) == "tune"]
    with tempfile.TemporaryDirectory(prefix="squad-mismatch-") as tmp:
        corpus = Path(tmp) / "corpus"
        squad.write_corpus(articles, corpus)
        bot = Assistant(corpus=corpus, index_dir=args.index_dir or Path(tmp) / "index")
        snapshot = bot.snapshot
        records = []
        align = Alignment(bot)
        for q in questions:
            answer = bot.ask(q.question)
            evidence = [c for c in answer.citations if not c.related]
            hits = bot.retrieve(q.question, k=5)
            if answer.answered and evidence:
                sentence = snapshot.sentences[evidence[0].sentence_id]
            elif hits:
                sentence = hits[0].sentence
            else:
                continue
            quotes = tuple(c.quote for c in evidence)
            doc = snapshot.documents.get(sentence.doc_id)
            before = sentence_before(snapshot.by_doc.get(sentence.doc_id, []), sentence)
            others = [h.sentence for h in hits if h.sentence.sentence_id != sentence.sentence_id][:5]
            records.append(
                {
                    "id": q.qid,
                    "question": q.question,
                    "answerable": q.answerable,
                    "answered": answer.answered,
                    "gold_cited": q.answerable and squad.cited_contains_answer(quotes, q.answers),
                    "gold_top5": q.answerable
                    and any(
                        squad.holds_answer(h.sentence.start, h.sentence.end, h.sentence.doc_id, q.spans) for h in hits
                    ),
                    "sentence": sentence.text,
                    **features(align, q.question, sentence, others, before, doc.title if doc else ""),
                }
            )
    if args.dump:
        args.dump.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    names = [k for k in records[0] if k.startswith(("ctx_", "contrast_", "static_", "name_", "number_"))]
    answered = [r for r in records if r["answered"] and (r["gold_cited"] or not r["answerable"])]
    populations = {
        "answered: gold cited vs unanswerable": answered,
        "all: gold in top 5 vs unanswerable": [r for r in records if r["gold_top5"] or not r["answerable"]],
    }
    for label, rows in populations.items():
        y = np.asarray([r["answerable"] for r in rows])
        print(f"{label}: {int(y.sum())} vs {int((~y).sum())}")
        for name in names:
            x = np.asarray([r[name] for r in rows])
            print(f"  {name:20s} ROC AUC {auc(x, y):.3f}")
    print("answered questions declined below a threshold (unanswerable declined / gold-cited lost):")
    y = np.asarray([r["answerable"] for r in answered])
    for name in ("ctx_min", "contrast_low2", "static_contrast_low2"):
        x = np.asarray([r[name] for r in answered])
        cuts = ", ".join(
            f"<{t:.2f}: {int(((x < t) & ~y).sum())}/{int(((x < t) & y).sum())}"
            for t in np.quantile(x, [0.05, 0.1, 0.15, 0.2])
        )
        print(f"  {name:20s} {cuts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
