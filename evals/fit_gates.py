"""Fit the rule-based composer's ``min_support`` (``assistant/gates.json``) on the tune splits only.

The rule-based composer (``assistant.compose``) answers the questions whose best retrieved
sentences come from one document (``RoutedComposer.to_rules``): every question of the SQuAD
sample (each article is one document) and a few of the other sets'. Its decision whether to
answer at all is its ``relevant`` gate: the best sentences must be close in meaning
(``Gates.strong_dense``), have enough support (``Gates.min_support``) or hold every word of
the question (``Relevance.clears``). ``python -m evals.fit_gates`` fits ``min_support``:

1. ask every tune question of the SQuAD sample (its tune article) and of the YAML sets (the
   article set and every ``evals/corpora`` set but the check-only ones) through the engine,
   earlier turns first, with a rule-based composer whose ``relevant`` gate lets every
   question through and notes its ``Relevance``; keep the questions that reach it. A
   question is to be answered unless its case expects a decline (SQuAD: unless it is
   unanswerable);
2. score each (``needed_support``): -inf when it is to be declined and a later step
   declines it anyway (a name, a year, a kind of thing missing), +inf when it clears
   ``relevant`` whatever ``min_support`` is (close in meaning, or every word), else its
   support: ``min_support`` declines exactly the questions scoring below it;
3. choose ``min_support`` with ``evals.fit_answerability.choose_threshold``: the utility
   ``4 * (share of questions to answer kept) + (share of questions to decline declined)``
   averaged over the sources (each story weighing the same), smoothed over the grid, the
   middle of ties; and, to see how it carries to a story the fit has not read, per source
   the value chosen on the other sources and its shares on that source (``held_out``);
4. write the value, the sources, the sha256 of the questions and documents read, and the
   measurements to ``assistant/gates.json``. ``--measure`` fits nothing: it says whether the
   file was fit on the tune data there is now (its ``data_hash``) and prints its figures.

``strong_dense`` is not fit: on the tune data of 2026-11-28 the utility over both numbers
peaked on a one-step ridge (``strong_dense`` 0.42: 4.76; 0.50: 4.57), which is noise on a
few hundred questions, while over ``min_support`` alone (``strong_dense`` 0.62, as set by
hand) it is smooth. The other gates compare sentences with each other, not the question's
answerability; they stay set by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from assistant.calibrated import RoutedComposer
from assistant.compose import (
    FITTED_GATES,
    GATES_FILE,
    ExtractiveComposer,
    Gates,
    Relevance,
    Scored,
    Verdict,
    load_gates,
)
from assistant.engine import Assistant
from assistant.question import Question
from evals import squad
from evals.cases import load_cases
from evals.fit_answerability import COST_OF_DECLINING_AN_ANSWER, choose_threshold
from evals.run_squad import squad_split
from evals.runner import ARTICLE_SET, CORPORA_DIR
from evals.tune_data import CHECK_ONLY_CORPORA


@dataclass
class Source:
    """The questions of one tune source that reach the rule-based composer's ``relevant`` gate."""

    name: str
    needed: list[float]  # ``needed_support`` of each question
    answerable: list[bool]  # whether each is to be answered
    digest: hashlib._Hash


class _Noting(ExtractiveComposer):
    """The rule-based composer with ``relevant`` letting every question through, noting what it read."""

    noted: list[Relevance]

    def relevant(self, question: Question, scored: list[Scored]) -> Verdict:
        self.noted.append(Relevance.of(question, scored))
        return Verdict(scored)


def needed_support(relevance: Relevance, answerable: bool, declined_later: bool, gates: Gates) -> float:
    """The least ``min_support`` at which the ``relevant`` gate declines the question, as a
    score the threshold is compared with (step 2): -inf when a question to decline is
    declined by a later step anyway, +inf when the gate clears it whatever ``min_support`` is.

    >>> gates = Gates(strong_dense=0.62)
    >>> needed_support(Relevance(0.7, 0.5, False), False, False, gates)
    inf
    >>> needed_support(Relevance(0.4, 0.5, False), False, True, gates)
    -inf
    >>> needed_support(Relevance(0.4, 0.5, False), True, True, gates)
    0.5
    """
    if not answerable and declined_later:
        return -math.inf
    if relevance.clears(replace(gates, min_support=math.inf)):
        return math.inf
    return relevance.support


def _ask(bot: Assistant, turns: Sequence[str], answerable: bool, source: Source) -> None:
    """Ask a question (after its earlier turns) and add it to ``source`` when it reaches the rules."""
    routed = bot.composer
    if not isinstance(routed, RoutedComposer):
        raise SystemExit("the fit needs the engine's routed extractive composer")
    history: list[tuple[str, str]] = []
    for turn in turns[:-1]:
        history.append((turn, bot.ask(turn, history=list(history)).text))
    rules = routed.rules
    noting = _Noting(rules.snapshot, rules.idf, rules.word_vectors, rules.gates)
    noting.noted = []
    routed.rules = noting
    try:
        answer = bot.ask(turns[-1], history=history)
    finally:
        routed.rules = rules
    if noting.noted:
        source.needed.append(needed_support(noting.noted[-1], answerable, not answer.answered, rules.gates))
        source.answerable.append(answerable)


Ask = Callable[[Assistant, Sequence[str], bool, Source], None]


def squad_source(ask: Ask = _ask) -> Source:
    """The SQuAD sample's tune article, asked of an index of both articles (as the eval does),
    each question through ``ask`` (``evals/fit_focus.py`` notes another step)."""
    articles, questions = squad.load()
    source = Source("squad2", [], [], hashlib.sha256())
    with tempfile.TemporaryDirectory(prefix="fit-gates-squad-") as tmp:
        corpus = Path(tmp) / "corpus"
        squad.write_corpus(articles, corpus)
        bot = Assistant(corpus=corpus, index_dir=Path(tmp) / "index")
        for article in articles:
            source.digest.update(article.text.encode())
        for q in questions:
            if squad_split(q.article) == "tune":
                source.digest.update(json.dumps([q.question, q.answerable]).encode())
                ask(bot, [q.question], q.answerable, source)
    return source


def case_source(name: str, set_file: Path, corpus: Path | None, ask: Ask = _ask) -> Source:
    """The tune cases of one YAML set, asked of a fresh index of its corpus through ``ask``."""
    source = Source(name, [], [], hashlib.sha256())
    cases = [c for c in load_cases(set_file) if c.split == "tune"]
    with tempfile.TemporaryDirectory(prefix="fit-gates-") as tmp:
        index = Path(tmp) / "index"
        bot = Assistant(corpus=corpus, index_dir=index) if corpus else Assistant(index_dir=index)
        for doc in sorted(bot.documents, key=lambda d: d.doc_id):
            source.digest.update(doc.text.encode())
        for case in cases:
            source.digest.update(json.dumps([case.turns, case.expect]).encode())
            ask(bot, case.turns, case.expect != "decline", source)
    return source


def tune_sources(ask: Ask = _ask) -> tuple[list[Source], hashlib._Hash]:
    """Every tune source (the SQuAD tune article, the article set, each corpus but the
    check-only ones), asked through ``ask``, and the sha256 of all they read."""
    specs: list[tuple[str, Path, Path | None]] = [("article", ARTICLE_SET, None)]
    specs += [
        (folder.name, folder / "cases.yaml", folder / "corpus")
        for folder in sorted(CORPORA_DIR.glob("*"))
        if (folder / "cases.yaml").is_file() and folder.name not in CHECK_ONLY_CORPORA
    ]
    sources = [squad_source(ask)] + [case_source(*spec, ask=ask) for spec in specs]
    digest = hashlib.sha256()
    for s in sources:
        digest.update(s.digest.digest())
    return sources, digest


def shares(source: Source, min_support: float) -> tuple[float, float]:
    """The share of the source's questions to answer that ``min_support`` keeps, and of
    those to decline that are declined (1.0 when there are none)."""
    needed, answerable = np.asarray(source.needed), np.asarray(source.answerable, dtype=bool)
    kept = float((needed[answerable] >= min_support).mean()) if answerable.any() else 1.0
    declined = float((needed[~answerable] < min_support).mean()) if (~answerable).any() else 1.0
    return kept, declined


def fit(sources: Sequence[Source]) -> float:
    """Step 3: ``min_support`` chosen on ``sources``."""
    return choose_threshold((np.asarray(s.needed), np.asarray(s.answerable, dtype=bool)) for s in sources)


def measurements(sources: Sequence[Source], min_support: float, hand_set: float) -> dict[str, float]:
    """Per source: questions, kept and declined shares at the fitted value, at the hand-set
    one, and at the value fit on the other sources (held out)."""
    measured: dict[str, float] = {}
    for i, s in enumerate(sources):
        others = fit([o for j, o in enumerate(sources) if j != i])
        measured[f"{s.name}.questions"] = len(s.needed)
        for label, value in (("tune", min_support), ("hand_set", hand_set), ("held_out", others)):
            kept, declined = shares(s, value)
            measured[f"{s.name}.{label}.kept"] = round(kept, 4)
            measured[f"{s.name}.{label}.declined"] = round(declined, 4)
            measured[f"{s.name}.{label}.utility"] = round(COST_OF_DECLINING_AN_ANSWER * kept + declined, 4)
        measured[f"{s.name}.held_out.min_support"] = round(others, 4)
    return measured


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.fit_gates", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=GATES_FILE)
    parser.add_argument(
        "--measure",
        action="store_true",
        help="fit nothing: say whether the file was fit on the tune data there is now, and print its figures on it",
    )
    args = parser.parse_args(argv)
    sources, digest = tune_sources()
    sources = [s for s in sources if s.needed]  # a set whose questions all span documents
    if args.measure:
        shipped = json.loads(args.out.read_text(encoding="utf-8"))
        if shipped["data_hash"] != digest.hexdigest():
            print(f"{args.out} was fit on other tune data than there is now: refit it (python -m evals.fit_gates)")
        value = load_gates(args.out).min_support
        print(json.dumps(measurements(sources, value, Gates().min_support), indent=1))
        return 0
    min_support = fit(sources)
    out = {
        "fitted": {name: round(min_support, 4) for name in FITTED_GATES},
        "fit_on": [f"{s.name} (tune, {len(s.needed)} questions)" for s in sources],
        "data_hash": digest.hexdigest(),
        "measured": measurements(sources, min_support, Gates().min_support),
    }
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
