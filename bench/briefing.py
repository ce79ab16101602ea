"""Briefing benchmark: ``Assistant.brief()`` on the seed article (warm) and a topic briefing
over a generated corpus of 1,000 documents.

    .venv/bin/python bench/briefing.py [--docs 1000] [--rounds 10] [--keep DIR]

1. article: the index of ``corpus/`` is built in a scratch folder, one briefing is made
   (first use: the query encoder and each document's quotes and figures), then
   ``--rounds`` whole briefings are timed (p50 / max); a chat briefing ("Brief me") too.
2. corpus: ``--docs`` documents are generated as ``bench/scale.py`` does (reshuffled
   SQuAD 2.0 sentences, seeded), indexed (not timed), then a topic briefing for each of a
   few topics is timed after one warm-up, and one whole-corpus briefing.

Targets (issue 9): article <= 1 s warm; topic briefing over 1,000 documents <= 5 s.
A script, not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

TOPICS = ["the Norman conquest of England", "complexity classes and polynomial time", "Viking raids in France"]


def timed(call) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def bench_article(work: Path, rounds: int) -> None:
    from assistant import Assistant

    bot = Assistant(corpus=ROOT / "corpus", index_dir=work / "article-index")
    first = timed(lambda: bot.brief())
    runs = [timed(lambda: bot.brief()) for _ in range(rounds)]
    chat = [timed(lambda: bot.ask("Brief me")) for _ in range(rounds)]
    print(
        f"article: first briefing {first:.0f} ms; warm brief() p50 {statistics.median(runs):.0f} ms, max {max(runs):.0f} ms"
    )
    print(f"article: chat 'Brief me' p50 {statistics.median(chat):.0f} ms, max {max(chat):.0f} ms")


def bench_corpus(work: Path, docs: int, rounds: int) -> None:
    from scale import build_corpus

    from assistant import Assistant

    corpus = work / f"corpus-{docs}"
    if not corpus.exists():
        build_corpus(corpus, docs)
    started = time.perf_counter()
    bot = Assistant(corpus=corpus, index_dir=work / f"index-{docs}")
    print(f"{docs} documents: index ready in {time.perf_counter() - started:.0f} s (not part of the figures)")
    bot.brief(TOPICS[0])  # warm-up
    for topic in TOPICS:
        runs = [timed(lambda t=topic: bot.brief(t)) for _ in range(rounds)]
        print(f"{docs} documents: brief({topic!r}) p50 {statistics.median(runs):.0f} ms, max {max(runs):.0f} ms")
    whole = timed(lambda: bot.brief())
    print(f"{docs} documents: whole-corpus brief() {whole:.0f} ms (first use of every document's quotes and figures)")
    print(f"{docs} documents: whole-corpus brief() again {timed(lambda: bot.brief()):.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--keep", metavar="DIR", help="keep corpora and indexes here (reused next run)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-briefing-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        bench_article(work, args.rounds)
        bench_corpus(work, args.docs, max(3, args.rounds // 3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
