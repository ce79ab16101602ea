"""Fit the focus gate's threshold (``assistant/focus.json``) on the tune splits only.

The calibrated composer (``CalibratedComposer.focused``) declines a wh-question whose focus
("Which insurer ...?": an insurer, ``assistant.focus.asked_focus``) the corpus never names
and none of the sentences that may answer holds at least the threshold
(``focus.focus_match``: a name of the kind asked, else the best cosine of the focus with a
word or pair of words of the sentence). The rule-based composer (every SQuAD question, most
one-document questions) has no focus step: on the SQuAD tune article no question it answers
changed with one, so the tune data gives no threshold for it.
``python -m evals.fit_focus`` fits it:

1. ask every tune question of the SQuAD sample (its tune article) and of the YAML sets (the
   article set and every ``evals/corpora`` set but the check-only ones) through the engine,
   earlier turns first, with the calibrated composer's focus gate letting every question
   through and noting the best match among the sentences it judges (``FocusGate.noted``);
   keep the questions whose last turn reaches the gate. A question is to be answered unless its case
   expects a decline (SQuAD: unless it is unanswerable);
2. score each (``needed_match``): -inf when it is to be declined and a later step declines
   it anyway, +inf when it is to be answered and a later step declines it anyway (the gate
   cannot lose it), else its best match: the threshold declines exactly the questions
   scoring below it;
3. choose the threshold as ``evals.fit_gates`` chooses ``min_support``
   (``fit_answerability.choose_threshold``: ``4 * kept + declined`` averaged over the
   sources, smoothed, the middle of ties), and per source the value chosen on the other
   sources and its shares there (``held_out``): what carries to a story the fit has not read;
4. write the threshold, the sources, the sha256 of the questions and documents read and the
   measurements. ``--measure`` fits nothing and prints the figures of the file as it is.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Sequence
from pathlib import Path

from assistant.calibrated import RoutedComposer
from assistant.engine import Assistant
from assistant.focus import FOCUS_FILE, load_focus_threshold
from evals.fit_answerability import COST_OF_DECLINING_AN_ANSWER
from evals.fit_gates import Source, fit, shares, tune_sources


def needed_match(best: float, answerable: bool, declined_later: bool) -> float:
    """The score the threshold is compared with (step 2).

    >>> needed_match(0.3, False, True), needed_match(0.3, True, True), needed_match(0.3, True, False)
    (-inf, inf, 0.3)
    """
    if declined_later:
        return math.inf if answerable else -math.inf
    return best


def _ask(bot: Assistant, turns: Sequence[str], answerable: bool, source: Source) -> None:
    """Ask a question (after its earlier turns) and add it to ``source`` when it reaches the focus gate."""
    routed = bot.composer
    if not isinstance(routed, RoutedComposer):
        raise SystemExit("the fit needs the engine's routed extractive composer")
    gate = routed.calibrated.focus_gate
    gate.threshold, gate.noted = -math.inf, None
    history: list[tuple[str, str]] = []
    for turn in turns[:-1]:
        history.append((turn, bot.ask(turn, history=list(history)).text))
    gate.noted = []
    answer = bot.ask(turns[-1], history=history)
    noted = gate.noted
    if noted:
        source.needed.append(needed_match(noted[-1], answerable, not answer.answered))
        source.answerable.append(answerable)


def measurements(sources: Sequence[Source], threshold: float) -> dict[str, float]:
    """Per source: questions, kept and declined shares at the fitted threshold, with no gate
    (threshold 0), and at the threshold fit on the other sources (held out)."""
    measured: dict[str, float] = {}
    for i, s in enumerate(sources):
        others = fit([o for j, o in enumerate(sources) if j != i])
        measured[f"{s.name}.questions"] = len(s.needed)
        measured[f"{s.name}.to_decline"] = s.answerable.count(False)
        for label, value in (("tune", threshold), ("no_gate", 0.0), ("held_out", others)):
            kept, declined = shares(s, value)
            measured[f"{s.name}.{label}.kept"] = round(kept, 4)
            measured[f"{s.name}.{label}.declined"] = round(declined, 4)
            measured[f"{s.name}.{label}.utility"] = round(COST_OF_DECLINING_AN_ANSWER * kept + declined, 4)
        measured[f"{s.name}.held_out.threshold"] = round(others, 4)
    return measured


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.fit_focus", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=FOCUS_FILE)
    parser.add_argument(
        "--measure",
        action="store_true",
        help="fit nothing: say whether the file was fit on the tune data there is now, and print its figures on it",
    )
    args = parser.parse_args(argv)
    sources, digest = tune_sources(_ask)
    sources = [s for s in sources if s.needed]
    if args.measure:
        shipped = json.loads(args.out.read_text(encoding="utf-8"))
        if shipped["data_hash"] != digest.hexdigest():
            print(f"{args.out} was fit on other tune data than there is now: refit it (python -m evals.fit_focus)")
        print(json.dumps(measurements(sources, load_focus_threshold(args.out)), indent=1))
        return 0
    threshold = fit(sources)
    out = {
        "threshold": round(threshold, 4),
        "fit_on": [f"{s.name} (tune, {len(s.needed)} questions)" for s in sources],
        "data_hash": digest.hexdigest(),
        "measured": measurements(sources, threshold),
    }
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
