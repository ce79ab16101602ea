"""Fit the answerability model (``assistant/answerability.json``) on the tune splits only.

``python -m evals.fit_answerability`` reads the tune cases of the YAML sets (the article
set and every ``evals/corpora`` set, each on its own corpus) and the tune article of the
SQuAD sample, retrieves candidates for every
question exactly as the engine does, computes their features, and labels each candidate
1 when it is a gold sentence of an answerable question (a gold support span, or the
sentence holding a SQuAD gold answer), else 0 (every candidate of a question to decline).

Then, in order:

1. standardise the features and fit the ranking model, a conditional logit over each
   answerable question's candidates (each source weighing the same);
2. take each question's best-ranked candidate and fit the answerability model, a logistic
   regression on its ``ANSWER_FEATURES`` (label: a gold sentence is among the candidates;
   each source weighing the same);
3. choose the threshold by leave-one-source-out cross-validation, so that it is the one that
   carries over to a story the fit has not read (as the check corpora are): for each tune
   source, fit steps 1 and 2 on the other sources and score that source's questions with
   them (``held_out_probabilities``); then take the threshold that maximises, averaged over
   the sources, ``4 * (share of answerable questions kept) + (share of unanswerable
   questions declined)`` on those held-out probabilities, the utility first averaged over
   ``SMOOTHING`` grid steps (0.01 each) either side, since its one-step peaks are noise; when
   several thresholds tie at the maximum (within 1e-9), the middle one of them
   (``choose_threshold``). A wrongful decline costs four times a wrongful answer (a reader
   can still judge a cited answer, and the composer's later steps decline more of the
   questions kept: a year or a figure missing). The models the engine runs are then fit on
   every tune source (step 2), and the threshold applies to them unchanged. This rule was
   fixed (sixth session) before any check figure of its outcome was read: the fifth
   session's in-sample choice was flat from 0.32 to 0.58 on the tune data, and which tune
   corpus to fit on had been decided with check figures in view;
4. write weights, threshold and the sha256 of everything read (questions, gold, document
   texts) with the measurements, so ``assistant.answerability`` knows what it runs on.

Check splits are never read by the fit; ``--check`` prints, after the fit is written, the
best-is-gold share and the ROC AUC (answerable against unanswerable questions) on the
check splits of the same sets (never the check-only corpora). ``--measure`` fits nothing
and prints those figures for the calibration file as it is (``--out``), saying so when
the file was fit on other tune data (its ``data_hash`` differs).

The L2 strengths are set, not refit each time: on the tune data of 2026-11-28 (eight
sources), the leave-one-source-out utility of step 3 at its chosen threshold was 4.234 for
``RANK_L2`` 0.01 at every ``L2`` from 0.1 to 10 (threshold 0.34 to 0.42), 4.223 at
``RANK_L2`` 0.001 and 4.17-4.18 at 0.1; a bootstrap over questions put the chosen
threshold's interquartile range at 0.33-0.35 (the in-sample choice's: 0.36-0.55).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.answerability import (
    ANSWER_FEATURES,
    CALIBRATION_FILE,
    FEATURES,
    Calibration,
    answer_row,
    load_calibration,
    logistic_fit,
    rank_fit,
)
from assistant.calibrated import CalibratedComposer
from assistant.engine import RETRIEVE_K, Assistant
from assistant.question import analyse
from evals import squad
from evals.cases import load_cases
from evals.run_cases import document_texts, locate_support
from evals.run_squad import squad_split
from evals.runner import ARTICLE_SET, CORPORA_DIR
from evals.tune_data import CHECK_ONLY_CORPORA

COST_OF_DECLINING_AN_ANSWER = 4.0  # relative to answering a question the sources cannot answer (see step 3)
NEARLY_AS_GOOD = 0.6  # set by hand: a second sentence joins at 60% of the best probability
DISTINCTIVE_IDF = 2.3  # log(10): a word in at most about a tenth of the sentences
NEAR_SHARE = 0.5  # set by hand: a candidate half as likely as the best still counts (a date or figure, a list)
DECIMALS = 4  # of the weights written (see _rounded)
SMOOTHING = 3  # grid steps (0.01 each) either side the threshold's utility is averaged over
L2 = 1.0  # answerability model (rows weigh 1 on average)
RANK_L2 = 0.01  # ranking model (the groups' weights sum to 1)


@dataclass
class Rows:
    """Candidates of one source: features, labels, and which question each row belongs to."""

    name: str
    x: list[list[float]]
    y: list[int]
    question: list[int]
    answerable: list[bool]  # per question
    digest: hashlib._Hash


def _composer(bot: Assistant) -> CalibratedComposer:
    composer = bot.composer
    if not isinstance(composer, CalibratedComposer):
        raise SystemExit("the fit needs the extractive composer")
    return composer


def case_rows(name: str, set_file: Path, corpus: Path | None, split: str = "tune") -> Rows | None:
    """Rows of the cases of one split of a YAML set on its corpus (None: no such cases)."""
    cases = [c for c in load_cases(set_file) if c.split == split]
    if not cases:
        return None  # a check-only corpus is not even indexed
    with tempfile.TemporaryDirectory(prefix="fit-") as tmp:
        bot = (
            Assistant(corpus=corpus, index_dir=Path(tmp) / "index", calibrated=True)
            if corpus
            else Assistant(calibrated=True)
        )
        texts = document_texts(bot)
        rows = Rows(name, [], [], [], [], hashlib.sha256())
        for doc_id in sorted(texts):
            rows.digest.update(texts[doc_id].encode())
        for case in cases:
            gold = locate_support(case, texts, str(set_file))
            history: list[tuple[str, str]] = []
            for turn in case.turns[:-1]:
                history.append((turn, bot.ask(turn, history=list(history)).text))
            rows.digest.update(json.dumps([case.turns, case.expect, case.support]).encode())
            answerable = case.expect != "decline"
            labels = [
                answerable and any(g.doc_id == s.doc_id and g.start < s.end and s.start < g.end for g in gold)
                for s in _add(bot, rows, case.question, history)
            ]
            rows.y.extend(int(v) for v in labels)
            rows.answerable.append(answerable)
    return rows


def squad_rows(split: str = "tune") -> Rows:
    """Rows of the SQuAD article(s) of one split."""
    articles, questions = squad.load()
    articles = [a for a in articles if squad_split(a.title) == split]
    questions = [q for q in questions if squad_split(q.article) == split]
    rows = Rows("squad2", [], [], [], [], hashlib.sha256())
    with tempfile.TemporaryDirectory(prefix="fit-squad-") as tmp:
        corpus = Path(tmp) / "corpus"
        squad.write_corpus(articles, corpus)
        bot = Assistant(corpus=corpus, index_dir=Path(tmp) / "index", calibrated=True)
        for article in articles:
            rows.digest.update(article.text.encode())
        for q in questions:
            rows.digest.update(json.dumps([q.question, sorted(q.answers)]).encode())
            sentences = _add(bot, rows, q.question, [])
            rows.y.extend(
                int(q.answerable and squad.holds_answer(s.start, s.end, s.doc_id, q.spans)) for s in sentences
            )
            rows.answerable.append(q.answerable)
    return rows


def _add(bot: Assistant, rows: Rows, text: str, history: Sequence[tuple[str, str]]) -> list:  # type: ignore[type-arg]
    """Append the feature rows of one question's candidates; return their sentences."""
    question = analyse(text, history, rewrite=True)
    hits = [h for h in bot.retriever.search(question.query, k=RETRIEVE_K) if h.sentence.citable]
    composer = _composer(bot)
    x, _ = composer.features.rows(question, hits)
    number = len(rows.answerable)
    rows.x.extend(x.tolist())
    rows.question.extend([number] * len(hits))
    return [h.sentence for h in hits]


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """ROC AUC by the rank-sum formula (ties count half)."""
    pos, neg = scores[labels], scores[~labels]
    if not len(pos) or not len(neg):
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def choose_threshold(sources: Iterable[tuple[np.ndarray, np.ndarray]]) -> float:
    """The threshold maximising the mean over sources of the cost-weighted utility (step 3),
    averaged over the ``SMOOTHING`` grid steps either side (on a few dozen questions per
    source the utility is a step function whose one-step peaks are noise); of several
    thresholds tied at the maximum, the middle one.

    >>> p = np.array([0.1, 0.2, 0.7, 0.8]); answerable = np.array([False, False, True, True])
    >>> 0.2 <= choose_threshold([(p, answerable)]) <= 0.7
    True
    """
    sources = list(sources)
    grid = np.linspace(0.02, 0.9, 89)

    def utility(t: float) -> float:
        total = 0.0
        for best, answerable in sources:
            kept = float((best[answerable] >= t).mean()) if answerable.any() else 1.0
            declined = float((best[~answerable] < t).mean()) if (~answerable).any() else 1.0
            total += COST_OF_DECLINING_AN_ANSWER * kept + declined
        return total / len(sources)

    values = np.asarray([utility(t) for t in grid])
    padded = np.pad(values, SMOOTHING, mode="edge")
    smooth = np.convolve(padded, np.ones(2 * SMOOTHING + 1) / (2 * SMOOTHING + 1), mode="valid")
    tied = np.flatnonzero(smooth >= smooth.max() - 1e-9)
    return float(grid[tied[len(tied) // 2]])


def held_out_probabilities(sources: Sequence[Rows]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per source, its questions' P(answerable) from the models fit on the other sources
    only, with their labels (step 3): what the threshold sees on a story it was not fit on."""
    held_out = []
    for i, source in enumerate(sources):
        model, _ = fit([s for j, s in enumerate(sources) if j != i])
        rows, labels = best_rows(model, source)
        held_out.append((model.probability(rows), labels))
    return held_out


@dataclass(frozen=True)
class Model:
    """The two fitted models, as ``Calibration`` reads them (before the threshold)."""

    rank_mean: np.ndarray
    rank_scale: np.ndarray
    rank_weights: np.ndarray
    answer_mean: np.ndarray
    answer_scale: np.ndarray
    answer_weights: np.ndarray
    answer_bias: float

    @classmethod
    def of(cls, calibration: Calibration) -> Model:
        """The models of a calibration file, to measure them as they run."""
        c = calibration
        arrays = [np.asarray(v) for v in (c.rank_mean, c.rank_scale, c.rank_weights)]
        arrays += [np.asarray(v) for v in (c.answer_mean, c.answer_scale, c.answer_weights)]
        return cls(*arrays, answer_bias=c.answer_bias)

    def best(self, rows: Rows, k: int) -> tuple[int, float] | None:
        """The row of question ``k``'s best-ranked candidate and its score (None: no candidates)."""
        at = np.flatnonzero(np.asarray(rows.question) == k)
        if not len(at):
            return None
        scores = ((np.asarray(rows.x)[at] - self.rank_mean) / self.rank_scale) @ self.rank_weights
        top = int(np.argmax(scores))
        return int(at[top]), float(scores[top])

    def probability(self, answer_rows: np.ndarray) -> np.ndarray:
        """P(answerable) of each best candidate's ``ANSWER_FEATURES`` row."""
        z = ((answer_rows - self.answer_mean) / self.answer_scale) @ self.answer_weights + self.answer_bias
        return 1.0 / (1.0 + np.exp(-z))


def fit(sources: Sequence[Rows]) -> tuple[Model, list[tuple[str, np.ndarray, np.ndarray]]]:
    """Steps 1 and 2: the ranking and answerability models, and per source the best
    candidates' answer rows with their labels (a gold sentence is among the candidates)."""
    x = np.asarray([row for s in sources for row in s.x])
    rank_mean, rank_scale = x.mean(axis=0), x.std(axis=0)
    rank_scale[rank_scale == 0] = 1.0
    groups = []
    for s in sources:
        sx, sy, sq = (np.asarray(s.x) - rank_mean) / rank_scale, np.asarray(s.y, dtype=float), np.asarray(s.question)
        positive = [k for k in range(len(s.answerable)) if sy[sq == k].sum() > 0]
        groups += [(sx[sq == k], sy[sq == k], 1.0 / (len(positive) * len(sources))) for k in positive]
    rank_weights = rank_fit(groups, l2=RANK_L2)
    ranked = Model(rank_mean, rank_scale, rank_weights, np.zeros(0), np.ones(0), np.zeros(0), 0.0)

    per_source, sample = [], []
    for s in sources:
        rows, labels = best_rows(ranked, s)
        per_source.append((s.name, rows, labels))
        sample += [1.0 / (len(rows) * len(sources))] * len(rows)
    ax = np.vstack([rows for _, rows, _ in per_source])
    ay = np.concatenate([labels for _, _, labels in per_source]).astype(float)
    answer_mean, answer_scale = ax.mean(axis=0), ax.std(axis=0)
    answer_scale[answer_scale == 0] = 1.0
    weight = np.asarray(sample) * len(sample)
    answer_weights, answer_bias = logistic_fit((ax - answer_mean) / answer_scale, ay, L2, sample=weight)
    model = Model(rank_mean, rank_scale, rank_weights, answer_mean, answer_scale, answer_weights, answer_bias)
    return model, per_source


def best_rows(model: Model, source: Rows) -> tuple[np.ndarray, np.ndarray]:
    """The ``ANSWER_FEATURES`` row of each question's best-ranked candidate, and its label:
    answerable when a gold sentence is among the candidates (otherwise no answer can cite one)."""
    rows, labels = [], []
    y, question = np.asarray(source.y), np.asarray(source.question)
    for k in range(len(source.answerable)):
        found = model.best(source, k)
        if found is None:
            continue
        rows.append(answer_row(np.asarray(source.x[found[0]]), found[1]))
        labels.append(bool(y[question == k].sum() > 0))
    return np.asarray(rows).reshape(len(rows), len(ANSWER_FEATURES)), np.asarray(labels, dtype=bool)


def measure(model: Model, rows: Rows, split: str) -> dict[str, float]:
    """How well the models do on one source's questions: the share of questions with a gold
    candidate whose best-ranked candidate is gold, the ROC AUC of P(answerable) for the
    questions to answer against those to decline, and, as the bar it must clear, the ROC
    AUC of the best sentence cosine among the candidates (``cosine_auc``)."""
    best_is_gold, p, cosine, answerable = [], [], [], []
    x, y, question = np.asarray(rows.x), np.asarray(rows.y), np.asarray(rows.question)
    dense = FEATURES.index("dense")
    for k, expected in enumerate(rows.answerable):
        found = model.best(rows, k)
        if found is None:
            continue
        if y[question == k].any():
            best_is_gold.append(bool(y[found[0]]))
        row = answer_row(x[found[0]], found[1])
        p.append(float(model.probability(row[None, :])[0]))
        cosine.append(float(x[question == k, dense].max()))
        answerable.append(expected)
    labels = np.asarray(answerable, bool)
    return {
        f"{rows.name}.{split}.questions": len(rows.answerable),
        f"{rows.name}.{split}.best_is_gold": round(float(np.mean(best_is_gold)), 4),
        f"{rows.name}.{split}.answerable_auc": round(auc(np.asarray(p), labels), 4),
        f"{rows.name}.{split}.cosine_auc": round(auc(np.asarray(cosine), labels), 4),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.fit_answerability", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        dest="sets",
        action="append",
        default=[],
        metavar="NAME=YAML[:CORPUS]",
        help="a YAML set and its corpus (default: article on corpus/ and every evals/corpora set)",
    )
    parser.add_argument("--out", type=Path, default=CALIBRATION_FILE)
    parser.add_argument(
        "--measure",
        action="store_true",
        help="fit nothing: print best-is-gold and ROC AUC of the calibration file as it is, on the tune "
        "splits and (with --check) the check splits",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="after the fit, print best-is-gold and ROC AUC on the check splits too (numbers only; "
        "check-only corpora are still never read)",
    )
    args = parser.parse_args(argv)
    _provisional_calibration()
    specs = args.sets or [f"article={ARTICLE_SET}"] + [
        f"{folder.name}={folder / 'cases.yaml'}:{folder / 'corpus'}"
        for folder in sorted(CORPORA_DIR.glob("*"))
        if (folder / "cases.yaml").is_file() and folder.name not in CHECK_ONLY_CORPORA
    ]
    parsed = []
    for spec in specs:
        name, _, rest = spec.partition("=")
        yaml_file, _, corpus = rest.partition(":")
        parsed.append((name, Path(yaml_file), Path(corpus) if corpus else None))
    sources = [squad_rows()]
    for name, yaml_file, corpus in parsed:
        rows = case_rows(name, yaml_file, corpus)
        if rows is not None:
            sources.append(rows)

    digest = hashlib.sha256()
    for s in sources:
        digest.update(s.digest.digest())
    if args.measure:
        calibration = load_calibration(args.out)
        model = Model.of(calibration)
        if calibration.data_hash != digest.hexdigest():
            print(
                f"{args.out} was fit on other tune data than there is now: refit it (python -m evals.fit_answerability)"
            )
        measured = {}
        for rows in sources:
            measured |= measure(model, rows, "tune")
        print(json.dumps(measured, indent=1))
        if args.check:
            print(json.dumps(_check(model, parsed), indent=1))
        return 0

    model, per_source = fit(sources)
    measured: dict[str, float] = {}
    scored = [(model.probability(rows), labels) for _, rows, labels in per_source]
    held_out = held_out_probabilities(sources)
    threshold = choose_threshold(held_out)
    for s, (name, _, _), (p, labels), (q, _) in zip(sources, per_source, scored, held_out, strict=True):
        measured |= measure(model, s, "tune")
        measured[f"{name}.tune.answerable_kept"] = round(float((p[labels] >= threshold).mean()), 4)
        measured[f"{name}.held_out.answerable_kept"] = round(float((q[labels] >= threshold).mean()), 4)
        measured[f"{name}.held_out.answerable_auc"] = round(auc(q, labels), 4)
        if (~labels).any():
            measured[f"{name}.tune.unanswerable_declined"] = round(float((p[~labels] < threshold).mean()), 4)
            measured[f"{name}.held_out.unanswerable_declined"] = round(float((q[~labels] < threshold).mean()), 4)

    out = {
        "features": list(FEATURES),
        "rank_mean": _rounded(model.rank_mean),
        "rank_scale": _rounded(model.rank_scale),
        "rank_weights": _rounded(model.rank_weights),
        "answer_features": list(ANSWER_FEATURES),
        "answer_mean": _rounded(model.answer_mean),
        "answer_scale": _rounded(model.answer_scale),
        "answer_weights": _rounded(model.answer_weights),
        "answer_bias": round(model.answer_bias, DECIMALS) + 0.0,
        "threshold": round(threshold, 4),
        "related_floor": round(threshold / 2, 4),
        "nearly_as_good": NEARLY_AS_GOOD,
        "distinctive_idf": DISTINCTIVE_IDF,
        "near_share": NEAR_SHARE,
        "fit_on": [f"{s.name} (tune)" for s in sources],
        "data_hash": digest.hexdigest(),
        "measured": measured,
    }
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: out[k] for k in ("rank_weights", "answer_weights", "threshold", "measured")}, indent=1))
    if args.check:
        print(json.dumps(_check(model, parsed), indent=1))  # after the fit is written: it never sees them
    return 0


def _check(model: Model, sets: Sequence[tuple[str, Path, Path | None]]) -> dict[str, float]:
    """``measure`` on the check splits of the SQuAD sample and of ``sets``."""
    checked: dict[str, float] = {}
    for rows in [squad_rows("check")] + [case_rows(name, y, c, "check") for name, y, c in sets]:
        if rows is not None:
            checked |= measure(model, rows, "check")
    return checked


def _provisional_calibration(path: Path = CALIBRATION_FILE) -> None:
    """When the engine's calibration file was fit on other features, replace it by one that
    ranks by nothing and answers everything, so the engine can run to compute the features
    of the new fit (which then overwrites it)."""
    try:
        load_calibration(path)
        return
    except (ValueError, KeyError, OSError):
        pass
    n, m = len(FEATURES), len(ANSWER_FEATURES)
    raw = {
        "features": list(FEATURES),
        "answer_features": list(ANSWER_FEATURES),
        **{k: [0.0] * n for k in ("rank_mean", "rank_weights")},
        "rank_scale": [1.0] * n,
        **{k: [0.0] * m for k in ("answer_mean", "answer_weights")},
        "answer_scale": [1.0] * m,
        "answer_bias": 0.0,
        "threshold": 0.0,
        "related_floor": 0.0,
        "nearly_as_good": NEARLY_AS_GOOD,
        "distinctive_idf": DISTINCTIVE_IDF,
        "near_share": NEAR_SHARE,
        "fit_on": [],
        "data_hash": "",
    }
    path.write_text(json.dumps(raw, indent=1) + "\n", encoding="utf-8")
    print(f"{path} was fit on other features: a provisional one stands in until this fit ends")


def _rounded(values: np.ndarray) -> list[float]:
    """Four decimals: a refit on the same data then writes the same file, though the sums
    of a threaded BLAS may differ in the sixth."""
    return [round(float(v), DECIMALS) + 0.0 for v in values]  # + 0.0: never "-0.0"


if __name__ == "__main__":
    raise SystemExit(main())
