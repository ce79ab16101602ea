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
8. ``static_matched``: 1 minus the idf-weighted share of the question's content words whose
   best static match in the sentence, the one before and the title is below ``UNMATCHED``.
9. ``name_worst``: the lowest best static match of the question's capitalised words.
10. ``negation_kept``: 0 when the question negates ("not", "never", "n't" ...) and the
    sentence does not.
11. ``kind_near``: whether the kind the question asks for (a date, person, number ...)
    stands within ``NEAR`` words of where the question's words align (``kind_near``).

It prints the ROC AUC of each feature (oriented so that higher means "answerable") for two
populations: every answered question (gold cited vs unanswerable), and every question
(answerable with a gold sentence among the top five retrieved vs unanswerable). With
``--cases`` it does the same on the tune cases of the article set and the tune corpora
(gold: a cited or top-five sentence overlaps a support span; to decline: expect decline).
Check articles, check splits and check-only corpora are never read. Nothing is fit and
nothing in the engine changes.

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

Measured 2026-11-28 (main f26ad08, ``--cases``; SQuAD answered 79 gold cited vs 75 to
decline; case sets answered 187 vs 16, all 207 vs 41): SQuAD answered ctx_min 0.565,
contrast_low2 0.646, static_contrast_low2 0.608, static_matched 0.488, name_worst 0.535,
negation_kept 0.500 (no tune question's negation goes missing), kind_near 0.502 (an
unanswerable SQuAD question is written on its paragraph: the asked kind stands beside
the aligned words as often as for an answerable one). Case sets answered: ctx_mean
0.739, static_matched 0.739, ctx_low2 0.710, ctx_rare_min 0.709, kind_near 0.520; all:
ctx_mean 0.751, ctx_rare_min 0.741, static_matched 0.727, kind_near 0.615. Contextual
alignment does no better than the static alignment the engine already has (its
``alignment`` feature is the static idf-weighted mean; adding it, ``coverage``,
``unknown_terms`` or ``kind_missing`` + ``year_missing`` to the answerability model's
features moves the leave-one-source-out ROC AUC averaged over the tune sources from
0.816 to 0.812 / 0.819 / 0.820 / 0.832, the last by return-hubs 0.795 -> 0.966 while
iberian 0.95 -> 0.90 and myanmar 0.971 -> 0.941). Nothing wired. Note that the SQuAD
sample's corpora are one document each, so ``RoutedComposer`` sends their questions to
the rule composer: the answerability model and its threshold do not decide them.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from assistant import Assistant
from assistant.answerability import content_words
from assistant.context import sentence_before
from assistant.evidence import kind_spans
from assistant.lexical import stem
from assistant.question import analyse
from assistant.records import Sentence
from evals import squad
from evals.cases import load_cases
from evals.fit_answerability import auc
from evals.metrics import Span
from evals.run_cases import document_texts, locate_support
from evals.run_squad import squad_split
from evals.runner import ARTICLE_SET, CORPORA_DIR
from evals.tune_data import CHECK_ONLY_CORPORA

WordVectors = Callable[[list[str]], np.ndarray]
GoldTest = Callable[[Sequence[str], Sequence[Sentence]], bool]  # (cited quotes or none, sentences)
RECORD_FIELDS = frozenset({"question", "answerable", "answered", "gold_cited", "gold_top5", "sentence"})
NAME = re.compile(r"\b[A-Z][\w’'-]*")
NUMBER = re.compile(r"\b\d[\d,.]*\b")
WH_WORDS = frozenset("what who whom whose which when where why how".split())
NEGATION = re.compile(r"\b(?:not|never|no|none|nor|neither|nobody|nothing|without)\b|n[’']t\b", re.I)
UNMATCHED = 0.5  # a question word whose best static match is below this has no counterpart
NEAR = 6  # words either side of the aligned words where ``kind_near`` looks for the asked kind


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


def static_best(vectors: WordVectors, asked: Sequence[str], words: Sequence[str]) -> np.ndarray:
    """Each asked word's best static cosine among ``words`` (the same stem counts 1)."""
    stems = {stem(w) for w in words}
    exact = np.asarray([1.0 if stem(w) in stems else 0.0 for w in asked])
    if not asked or not words:
        return exact
    return np.maximum(exact, (vectors(list(asked)) @ vectors(list(words)).T).max(axis=1))


def kind_near(vectors: WordVectors, question: str, text: str, near: int = NEAR) -> float:
    """1 when the kind the question asks for (``analyse(question).asks_for``) stands within
    ``near`` words of the sentence words the question's words align with (best static match
    at least ``UNMATCHED``), and is not itself one of the question's words; 0 when it does
    not; 1 when no kind is asked for.

    >>> stems_only = lambda words: np.zeros((len(words), 2))  # only the same stem aligns
    >>> kind_near(stems_only, "When did the mill close?", "The mill closed in 1921 after a fire.")
    1.0
    >>> kind_near(stems_only, "When did the mill close?", "The mill closed after a fire; the town was founded in 1921.")
    0.0
    """
    kind = analyse(question).asks_for
    if kind is None:
        return 1.0
    tokens = list(re.finditer(r"[\w’'-]+", text))
    asked = [w for w in content_words(question) if w not in WH_WORDS]
    words = [t.group().lower() for t in tokens]
    if not asked or not words:
        return 0.0
    similar = vectors(asked) @ vectors(words).T
    similar = np.maximum(similar, [[1.0 if stem(a) == stem(w) else 0.0 for w in words] for a in asked])
    aligned = {int(j) for i, j in enumerate(similar.argmax(axis=1)) if similar[i].max() >= UNMATCHED}
    if not aligned:
        return 0.0
    low, high = min(aligned) - near, max(aligned) + near
    own = {stem(w) for w in content_words(question)}
    for start, end in kind_spans(kind, text):
        inside = [j for j, t in enumerate(tokens) if t.start() >= start and t.end() <= end]
        new = [j for j in inside if stem(words[j]) not in own and j not in aligned]
        if any(low <= j <= high for j in new):
            return 1.0
    return 0.0


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
    asked = [w for w in content_words(question) if w not in WH_WORDS]
    vectors = align.bot.index.embedder.word_vectors
    near = static_best(vectors, asked, content_words(context))
    if len(near):
        idf = np.asarray([align.bot.retriever.idf(stem(w)) for w in asked])
        share = float((idf * (near < UNMATCHED)).sum() / idf.sum()) if idf.sum() else float((near < UNMATCHED).mean())
        out["static_matched"] = 1.0 - share
    else:
        out["static_matched"] = 1.0
    names = sorted(q_names)
    out["name_worst"] = float(static_best(vectors, names, content_words(context)).min()) if names else 1.0
    out["negation_kept"] = 0.0 if NEGATION.search(question) and not NEGATION.search(sentence.text) else 1.0
    out["kind_near"] = kind_near(vectors, question, sentence.text)
    return out


def record(
    bot: Assistant,
    align: Alignment,
    question: str,
    history: Sequence[tuple[str, str]],
    answerable: bool,
    gold: GoldTest,
) -> dict[str, object] | None:
    """One question's features on the first sentence its answer cites as evidence (on the
    best retrieved sentence when it is declined), with its labels."""
    snapshot = bot.snapshot
    answer = bot.ask(question, history=list(history))
    evidence = [c for c in answer.citations if not c.related]
    hits = bot.retrieve(question, k=5)
    cited = [snapshot.sentences[c.sentence_id] for c in evidence if c.sentence_id in snapshot.sentences]
    if answer.answered and cited:
        sentence = cited[0]
    elif hits:
        sentence = hits[0].sentence
    else:
        return None
    doc = snapshot.documents.get(sentence.doc_id)
    before = sentence_before(snapshot.by_doc.get(sentence.doc_id, []), sentence)
    others = [h.sentence for h in hits if h.sentence.sentence_id != sentence.sentence_id][:5]
    return {
        "question": question,
        "answerable": answerable,
        "answered": answer.answered,
        "gold_cited": answerable and gold([c.quote for c in evidence], cited),
        "gold_top5": answerable and gold([], [h.sentence for h in hits]),
        "sentence": sentence.text,
        **features(align, question, sentence, others, before, doc.title if doc else ""),
    }


def squad_records(index_dir: Path | None) -> list[dict[str, object]]:
    """``record`` of every question of the SQuAD tune article."""
    articles, questions = squad.load()
    articles = [a for a in articles if squad_split(a.title) == "tune"]
    questions = [q for q in questions if squad_split(q.article) == "tune"]
    records = []
    with tempfile.TemporaryDirectory(prefix="squad-mismatch-") as tmp:
        corpus = Path(tmp) / "corpus"
        squad.write_corpus(articles, corpus)
        bot = Assistant(corpus=corpus, index_dir=index_dir or Path(tmp) / "index")
        align = Alignment(bot)
        for q in questions:

            def gold(quotes: Sequence[str], sentences: Sequence[Sentence], q: squad.SquadQuestion = q) -> bool:
                if quotes:
                    return squad.cited_contains_answer(tuple(quotes), q.answers)
                return any(squad.holds_answer(s.start, s.end, s.doc_id, q.spans) for s in sentences)

            found = record(bot, align, q.question, [], q.answerable, gold)
            if found is not None:
                records.append(found)
    return records


def case_records() -> list[dict[str, object]]:
    """``record`` of every tune case of the article set and the tune corpora (the last turn
    of a conversation, earlier turns asked first); check-only corpora are never read."""
    sets = [(ARTICLE_SET, None)] + [
        (folder / "cases.yaml", folder / "corpus")
        for folder in sorted(CORPORA_DIR.glob("*"))
        if (folder / "cases.yaml").is_file() and folder.name not in CHECK_ONLY_CORPORA
    ]
    records = []
    for set_file, corpus in sets:
        cases = [c for c in load_cases(set_file) if c.split == "tune"]
        if not cases:
            continue
        with tempfile.TemporaryDirectory(prefix="case-mismatch-") as tmp:
            bot = Assistant(corpus=corpus, index_dir=Path(tmp) / "index") if corpus else Assistant()
            align = Alignment(bot)
            texts = document_texts(bot)
            for case in cases:
                spans = locate_support(case, texts, str(set_file))

                def gold(_: Sequence[str], sentences: Sequence[Sentence], spans: Sequence[Span] = spans) -> bool:
                    return any(
                        g.doc_id == s.doc_id and g.start < s.end and s.start < g.end for g in spans for s in sentences
                    )

                history: list[tuple[str, str]] = []
                for turn in case.turns[:-1]:
                    history.append((turn, bot.ask(turn, history=list(history)).text))
                found = record(bot, align, case.question, history, case.expect != "decline", gold)
                if found is not None:
                    records.append(found)
    return records


def report(label: str, records: Sequence[dict[str, object]]) -> None:
    """Print each feature's ROC AUC on the two populations of ``records`` (module docstring)."""
    names = [k for k in records[0] if k not in RECORD_FIELDS]
    answered = [r for r in records if r["answered"] and (r["gold_cited"] or not r["answerable"])]
    populations = {
        f"{label} answered: gold cited vs to decline": answered,
        f"{label} all: gold in top 5 vs to decline": [r for r in records if r["gold_top5"] or not r["answerable"]],
    }
    for title, rows in populations.items():
        y = np.asarray([bool(r["answerable"]) for r in rows])
        print(f"{title}: {int(y.sum())} vs {int((~y).sum())}")
        for name in names:
            x = np.asarray([float(r[name]) for r in rows])  # type: ignore[arg-type]
            print(f"  {name:20s} ROC AUC {auc(x, y):.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.squad_mismatch", description=__doc__.splitlines()[0])
    parser.add_argument("--index-dir", type=Path, default=None, help="keep the SQuAD index here between runs")
    parser.add_argument("--dump", type=Path, default=None, help="write every question's features as JSON lines")
    parser.add_argument(
        "--cases", action="store_true", help="measure on the tune cases of the article set and tune corpora too"
    )
    args = parser.parse_args(argv)
    records = squad_records(args.index_dir)
    report("squad2 tune", records)
    if args.cases:
        cases = case_records()
        report("case sets tune", cases)
        records += cases
    if args.dump:
        args.dump.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
