"""Start-up figures, each a whole fresh process, side by side with the sentence-transformers
query path in the same run (a script, not a test: nothing here asserts).

    .venv/bin/python bench/coldstart.py [--runs 5] [--no-serve]

1. ``python -c "import assistant"`` and ``briefing --help``: wall seconds, median of ``--runs``.
2. Cold ``briefing ask QUESTION`` on the article with its index already built (in a
   temporary folder, built once before the clock), ``--query-encoder numpy`` (the default)
   and ``--query-encoder sentence-transformers`` alternating, ``--runs`` each: median wall
   seconds, CPU seconds and peak RSS of the whole process (``os.wait4``), and the ratio
   sentence-transformers / numpy.
3. ``briefing serve`` restart (what ``make run`` runs once installed) on a free port with the
   index built: seconds from process start to the first HTTP 200 on ``/`` (either encoder
   is loaded at the first question, so the page's start-up does not depend on it).

The 1-minute load average before and after is printed: on a shared machine every wall
figure moves with it; the ratios and CPU seconds move far less.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "Did Albania agree to host a UK return hub?"
ENCODERS = ("numpy", "sentence-transformers")


def briefing() -> list[str]:
    return [sys.executable, "-m", "assistant.cli"]


def env() -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFING_")}
    return {**clean, "PYTHONPATH": str(ROOT)}


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MB) of one whole process; its output is discarded."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env(), cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_until_200(args: list[str], timeout: float = 120) -> float:
    """Seconds from starting ``briefing serve`` to its first HTTP 200 on ``/``."""
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*briefing(), "serve", "--port", str(port), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env(),
        cwd=ROOT,
    )
    try:
        while time.perf_counter() - started < timeout:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    if response.status == 200:
                        return time.perf_counter() - started
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("briefing serve did not answer")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def median_row(rows: list[tuple[float, ...]]) -> tuple[float, ...]:
    return tuple(statistics.median(col) for col in zip(*rows, strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each measurement (median printed)")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve restart measurement")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="briefing-cold-") as tmp:
        where = ["--corpus", str(ROOT / "corpus"), "--index-dir", str(Path(tmp) / "index")]
        subprocess.run([*briefing(), "ingest", *where], check=True, capture_output=True, env=env(), cwd=ROOT)

        imports = median_row([timed([sys.executable, "-c", "import assistant"]) for _ in range(args.runs)])
        helps = median_row([timed([*briefing(), "--help"]) for _ in range(args.runs)])
        asks: dict[str, list[tuple[float, float, float]]] = {e: [] for e in ENCODERS}
        for _ in range(args.runs):
            for encoder in ENCODERS:  # alternating, so both see the same machine
                asks[encoder].append(timed([*briefing(), "ask", QUESTION, *where, "--query-encoder", encoder]))
        serves = [] if args.no_serve else [serve_until_200(where) for _ in range(args.runs)]
    load_after = os.getloadavg()[0]

    print(f"cpus: {os.cpu_count()}; 1-minute load average {load_before:.1f} before, {load_after:.1f} after")
    print(f"medians of {args.runs} runs, each a whole process\n")
    print("| measured | wall s | CPU s | peak RSS MB |")
    print("|---|---|---|---|")
    print(f"| `python -c 'import assistant'` | {imports[0]:.2f} | {imports[1]:.2f} | {imports[2]:.0f} |")
    print(f"| `briefing --help` | {helps[0]:.2f} | {helps[1]:.2f} | {helps[2]:.0f} |")
    cold = {e: median_row(asks[e]) for e in ENCODERS}
    for e in ENCODERS:
        print(
            f"| cold `briefing ask` (index built), `--query-encoder {e}` | {cold[e][0]:.2f} | {cold[e][1]:.2f} | {cold[e][2]:.0f} |"
        )
    if serves:
        print(f"| `briefing serve` start to HTTP 200 | {statistics.median(serves):.2f} | | |")
    ratio = cold["sentence-transformers"][0] / cold["numpy"][0]
    print(
        f"\ncold ask, sentence-transformers / numpy: {ratio:.1f}x wall, "
        f"{cold['sentence-transformers'][1] / cold['numpy'][1]:.1f}x CPU, "
        f"{cold['sentence-transformers'][2] / cold['numpy'][2]:.1f}x peak RSS"
    )
    print("cold ask wall per run: " + "; ".join(f"{e}: " + ", ".join(f"{r[0]:.2f}" for r in asks[e]) for e in ENCODERS))
    if serves:
        print("serve to HTTP 200 per run: " + ", ".join(f"{s:.2f}" for s in serves))
    return 0


if __name__ == "__main__":
    sys.exit(main())
