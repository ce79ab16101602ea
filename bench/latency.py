"""Cold start and warm ``ask()`` latency on the seed article (a script, not a test).

Cold start: a fresh Python process imports the package, builds the index of the article
in an empty temporary folder (embedding included) and answers one question; measured
from process start (``python -X importtime`` aside, this is what a user waits for).
Warm: in one process, two assistants on the same index, one per query encoder (NumPy, the
default, and sentence-transformers); after a first answer each, every question is asked
``--rounds`` times through both in turn, so both see the same machine. p50/p95 of wall
time and the median CPU time per call are printed for each. (Cold start from a built
index: ``bench/coldstart.py``.)

    python bench/latency.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [
    "Did Albania agree to host a UK return hub?",
    "How much will the UK invest in Albania's digital forensics?",
    "What will the UK fund in Albania?",
    "How is the return hub plan different from the Rwanda scheme?",
    "Who is the Shadow Home Secretary?",
    "How many people have crossed the Channel in 2025?",
    "What is the population of Albania?",
    "Why did Albania agree to host the hubs?",
]

COLD = """
import time, sys
t0 = float(sys.argv[1])
from assistant import Assistant
bot = Assistant(corpus=sys.argv[2], index_dir=sys.argv[3])
answer = bot.ask("Did Albania agree to host a UK return hub?")
print(f"{time.time() - t0:.3f} {answer.answered}")
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def cold_start() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.time()
        out = subprocess.run(
            [sys.executable, "-c", COLD, str(t0), str(ROOT / "corpus"), str(Path(tmp) / "index")],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        return float(out[0])


ENCODERS = ("numpy", "sentence-transformers")


def warm(rounds: int) -> dict[str, tuple[list[float], list[float]]]:
    """(wall ms, CPU ms) of every warm call, by query encoder."""
    from assistant import Assistant

    with tempfile.TemporaryDirectory() as tmp:
        bots = {e: Assistant(corpus=ROOT / "corpus", index_dir=Path(tmp) / "index", query_encoder=e) for e in ENCODERS}
        out: dict[str, tuple[list[float], list[float]]] = {e: ([], []) for e in ENCODERS}
        for bot in bots.values():
            bot.ask(QUESTIONS[0])
        for _ in range(rounds):
            for question in QUESTIONS:
                for encoder, bot in bots.items():
                    started, cpu = time.perf_counter(), time.process_time()
                    bot.ask(question)
                    out[encoder][0].append((time.perf_counter() - started) * 1000)
                    out[encoder][1].append((time.process_time() - cpu) * 1000)
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="times each question is asked warm (default 20)")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    cold = cold_start()
    calls = warm(args.rounds)
    print(f"cpus: {os.cpu_count()}; 1-minute load average {load:.1f} before, {os.getloadavg()[0]:.1f} after")
    print(f"cold start (process start -> index built -> first answer): {cold:.2f} s")
    for encoder, (times, cpu) in calls.items():
        print(
            f"warm ask(), --query-encoder {encoder}, {len(times)} calls ({len(QUESTIONS)} questions x {args.rounds}): "
            f"p50 {statistics.median(times):.1f} ms, p95 {percentile(times, 95):.1f} ms, max {max(times):.1f} ms; "
            f"CPU p50 {statistics.median(cpu):.1f} ms"
        )
    light, heavy = (statistics.median(calls[e][0]) for e in ENCODERS)
    print(f"warm p50, sentence-transformers / numpy: {heavy / light:.2f}x")


if __name__ == "__main__":
    main()
