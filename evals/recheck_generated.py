"""Run the generative composer over a question set, save the run, and re-check it independently.

    python -m evals.recheck_generated run --llm-url http://127.0.0.1:8080/v1 --model smollm2 --out run.json
    python -m evals.recheck_generated check run.json

``run`` asks every case of a set (default: the article set) with a language model behind
an OpenAI-compatible server and saves each answer (``Answer.to_dict()``), the model's
raw reply and the composer's per-sentence verdicts, with the corpus folder.

``check`` re-verifies the saved answers without the engine's claim checks: its own small
tokenizer, number reader and negation cues, written apart from ``assistant.claims`` so a
mistake there is not repeated here. For every sentence of every generated answer, the
sentence must end with markers, and against the quotes those markers cite (with their
lead-in lines): its numbers and capitalised names must appear, text in quotation marks
must be word for word in one quote, each of its content words must share a stem (five
letters, or the whole shorter word) with a quote word, and a negation must be matched by
one in the quotes. It also checks every citation against the document text on disk and
the set's forbidden claims, and reports:

- accepted sentences failing the re-check (target 0) and which check failed;
- forbidden claims in shown answers (target 0);
- citation validity, the share of citations whose quote is the document text at its
  offsets (target 1.0);
- survival: the share of questions the model was asked whose generated answer was shown.

Exit code 1 when a target is missed. Left out: judging meaning; both checkers are lexical.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.cases import Case, load_cases
from evals.metrics import forbidden_claims

if TYPE_CHECKING:
    from assistant import Assistant

ARTICLE_SET = Path(__file__).parent / "article.yaml"
RUN_VERSION = 1

# -- the run --------------------------------------------------------------------------------


def ask_turns(bot: Assistant, case: Case) -> dict[str, Any]:
    """Ask a case's turns in order (earlier answers become history); the last answer as a
    dict, with the history it was asked with and the model's reply and verdicts."""
    from assistant.errors import AssistantError
    from assistant.generative import GenerativeComposer

    history: list[tuple[str, str]] = []
    entry: dict[str, Any] = {"id": case.case_id, "question": case.question, "forbidden": list(case.forbidden)}
    try:
        for turn in case.turns[:-1]:
            history.append((turn, bot.ask(turn, history=list(history)).text))
        answer = bot.ask(case.question, history=list(history))
    except AssistantError as exc:
        entry["error"] = f"{type(exc).__name__}: {exc}"
        return entry
    entry["history"] = history
    entry["answer"] = answer.to_dict()
    composer = bot.composer
    if isinstance(composer, GenerativeComposer):
        entry["reply"] = composer.last_reply
        entry["rejection"] = composer.last_rejection
        entry["verdicts"] = [{"claim": v.claim, "reason": v.reason} for v in composer.last_verdicts]
    return entry


def run(bot: Assistant, cases: Sequence[Case]) -> dict[str, Any]:
    """Every case asked of ``bot``, as a JSON-ready run record."""
    return {
        "version": RUN_VERSION,
        "corpus": str(bot.corpus_dir.resolve()),
        "cases": [ask_turns(bot, case) for case in cases],
    }


# -- the independent re-check -----------------------------------------------------------------

STOP = frozenset(
    """a an the and or but if of to in on at by for from with about as into than then that this these
    those it its is are was were be been being has have had do does did will would can could should
    may might must shall he she they we you i his her their our your him them us who whom which what
    when where why how there here so such also very just only all any some each both more most other
    own same too not no nor never over under up down out off again further once said says say told
    tell according much many however additionally furthermore moreover meanwhile overall therefore thus
    instead indeed yet""".split()
)
NUMBER_WORDS = dict(
    zip(
        "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred".split(),
        "1 2 3 4 5 6 7 8 9 10 11 12 20 30 40 50 100".split(),
        strict=True,
    )
)
MULTIPLIERS = {"thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000, "bn": 10**9, "billion": 10**9}
NEGATIVE = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|ruled? out|declin\w*|refus\w*|"
    r"reject\w*|den(?:y|ied|ies)|dismiss\w*|oppos\w*|said no)\b|n't\b"
)
SENTENCE = re.compile(r".+?(?:\[\d+\])+[.!?\"”’)]*(?=\s|$)|.+?$", re.S)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return text.translate(str.maketrans("“”‘’–—", "\"\"''--"))


def numbers_in(text: str) -> set[float]:
    """Numbers written in digits or as words, scaled by million/bn/thousand.

    >>> sorted(numbers_in("£1m, 1 million and three; 12,000"))
    [3.0, 12000.0, 1000000.0]
    """
    text = re.sub(r"\[\d+\]", " ", _norm(text))
    for word, digits in NUMBER_WORDS.items():
        text = re.sub(rf"\b{word}\b", digits, text)
    found = set()
    for m in re.finditer(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s?(thousand|million|billion|bn|m|k)?\b", text):
        value = float(m.group(1).replace(",", ""))
        found.add(value * MULTIPLIERS.get(m.group(2) or "", 1))
    return found


def words_in(text: str) -> list[str]:
    """Lower-case words of three letters or more, minus function words and numbers."""
    words = re.findall(r"[a-z][a-z']+", re.sub(r"\[\d+\]", " ", _norm(text)))
    return [w.removesuffix("'s") for w in words if len(w) >= 3 and w not in STOP and w not in NUMBER_WORDS]


def _share_stem(a: str, b: str) -> bool:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n == min(len(a), len(b)) or n >= 5 or (n >= 3 and n >= min(len(a), len(b)) - 1)


def _known(word: str, pool: set[str]) -> bool:
    return word in pool or any(_share_stem(word, w) for w in pool)


def sentence_problems(sentence: str, quotes: Sequence[str]) -> list[str]:
    """What is wrong with one shown sentence given the texts it cites (empty: nothing).

    >>> sentence_problems("Oslo declined to host it [1].", ["Oslo declined to host the summit."])
    []
    >>> sentence_problems("Oslo agreed to host it in 2024 [1].", ["Oslo declined to host the summit."])
    ['number 2024', 'word agreed']
    """
    problems = []
    evidence = " ".join(quotes)
    if not re.search(r"\[\d+\]", sentence):
        problems.append("no marker")
    problems += [f"number {n:g}" for n in sorted(numbers_in(sentence) - numbers_in(evidence))]
    pool = set(words_in(evidence))
    every_word = set(re.findall(r"[a-z]+", _norm(evidence)))
    body = re.sub(r"\[\d+\]", "", sentence).strip()
    for m in re.finditer(r"(?<=[\w,;] )([A-Z][\w'-]+)", body.replace("’", "'")):
        name = m.group(1).lower().removesuffix("'s")
        if not all(_known(p, every_word) for p in re.split(r"[-']", name) if p):
            problems.append(f"name {m.group(1)}")
    for quoted in re.findall(r"[\"“]([^\"”]+)[\"”]", body):
        piece = _norm(quoted).strip(" .,;:!?")
        if piece and not any(piece in _norm(q) for q in quotes):
            problems.append(f"quotation {quoted!r}")
    problems += [f"word {w}" for w in dict.fromkeys(words_in(body)) if not _known(w, pool)]
    if NEGATIVE.search(_norm(body)) and not NEGATIVE.search(_norm(evidence)):
        problems.append("negation")
    return problems


def split_shown(text: str) -> list[str]:
    """The sentences of a shown answer: each runs to the markers that close it.

    >>> split_shown("A b [1]. C d [2][3]")
    ['A b [1].', 'C d [2][3]']
    """
    return [m.group(0).strip() for m in SENTENCE.finditer(text) if m.group(0).strip()]


def recheck(saved: Mapping[str, Any], texts: Mapping[str, str]) -> dict[str, Any]:
    """The re-check's figures for a saved run; ``texts`` maps document ids to their text."""
    accepted = failing = forbidden = asked = survived = dropped = 0
    citations = valid = 0
    failures: list[dict[str, Any]] = []
    for case in saved["cases"]:
        answer = case.get("answer")
        if answer is None:
            continue
        for c in answer["citations"]:
            citations += 1
            text = texts.get(c["doc_id"])
            valid += text is not None and text[c["start"] : c["end"]] == c["quote"]
        hits = forbidden_claims(answer["text"], case.get("forbidden", []))
        if hits:
            forbidden += 1
            failures.append({"id": case["id"], "forbidden": hits, "text": answer["text"]})
        if answer.get("model") is None or answer.get("model_failed"):
            continue
        asked += 1
        dropped += answer.get("dropped_sentences", 0)
        if not answer.get("generated"):
            continue
        survived += 1
        by_marker = {c["marker"]: c for c in answer["citations"]}
        for sentence in split_shown(answer["text"]):
            accepted += 1
            cited = [by_marker[int(n)] for n in re.findall(r"\[(\d+)\]", sentence) if int(n) in by_marker]
            quotes = [" ".join(filter(None, [c.get("lead_in"), c["quote"]])) for c in cited]
            problems = sentence_problems(sentence, quotes)
            if problems:
                failing += 1
                failures.append({"id": case["id"], "sentence": sentence, "problems": problems, "quotes": quotes})
    return {
        "questions": len(saved["cases"]),
        "model_asked": asked,
        "generated_shown": survived,
        "survival": survived / asked if asked else None,
        "accepted_sentences": accepted,
        "dropped_sentences": dropped,
        "accepted_failing_recheck": failing,
        "forbidden_claims": forbidden,
        "citation_validity": valid / citations if citations else None,
        "failures": failures,
    }


def targets_met(report: Mapping[str, Any]) -> bool:
    """0 accepted sentences failing, 0 forbidden claims, citation validity 1.0."""
    validity = report["citation_validity"]
    return report["accepted_failing_recheck"] == 0 and report["forbidden_claims"] == 0 and validity in (None, 1.0)


# -- command line -------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.recheck_generated", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("run", help="ask a question set with a language model and save the run")
    ask.add_argument("--llm-url", required=True, help="OpenAI-compatible base URL, e.g. http://127.0.0.1:8080/v1")
    ask.add_argument("--model", required=True, help="the model name the server expects")
    ask.add_argument("--set", type=Path, default=ARTICLE_SET, help="question set YAML (default: the article set)")
    ask.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: corpus/)")
    ask.add_argument("--index-dir", type=Path, default=None)
    ask.add_argument("--out", type=Path, required=True, help="where to write the run (JSON)")
    check = sub.add_parser("check", help="re-check a saved run")
    check.add_argument("run_file", type=Path)
    check.add_argument("--json", action="store_true", help="print the whole report as JSON")
    args = parser.parse_args(argv)

    if args.command == "run":
        from assistant import Assistant
        from assistant.generative import OpenAICompatibleModel

        bot = Assistant(
            corpus=args.corpus, index_dir=args.index_dir, llm=OpenAICompatibleModel(args.llm_url, args.model)
        )
        saved = run(bot, load_cases(args.set))
        args.out.write_text(json.dumps(saved, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"saved {len(saved['cases'])} answers to {args.out}")
        return 0

    from assistant.corpus import load_corpus

    saved = json.loads(args.run_file.read_text(encoding="utf-8"))
    texts = {d.doc_id: d.text for d in load_corpus(saved["corpus"])}
    report = recheck(saved, texts)
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        for key, value in report.items():
            if key != "failures":
                print(f"{key:26} {value if not isinstance(value, float) else round(value, 3)}")
        for failure in report["failures"]:
            print("FAIL", json.dumps(failure, ensure_ascii=False))
    return 0 if targets_met(report) else 1


if __name__ == "__main__":
    sys.exit(main())
