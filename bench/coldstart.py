"""Start-up figures, each a whole fresh process, side by side with the sentence-transformers
query path in the same run (a script, not a test: nothing here asserts).

    .venv/bin/python bench/coldstart.py [--runs 5] [--no-serve]

1. ``python -c "import assistant"`` and ``briefing --help``: wall seconds, median of ``--runs``.
2. Cold ``briefing ask QUESTION`` on the article with its index already built (in a
   temporary folder, built once before the clock), three ways alternating, ``--runs`` each:
   the default (the index's read copy, ``assistant.savedindex``; NumPy query encoder); the
   same index read through Chroma (a copy of the folder without its read copy); and
   ``--query-encoder sentence-transformers`` through Chroma (the start-up before issue 11).
   Median wall seconds, CPU seconds and peak RSS of the whole process (``os.wait4``), and
   the ratios against the default.
3. ``briefing serve`` restart (what ``make run`` runs once installed) on a free port with the
   index built: seconds from process start to the first HTTP 200 on ``/`` (either encoder
   is loaded at the first question, so the page's start-up does not depend on it); then the
   same steps timed one by one inside one process, in ``serve``'s order (``--serve-parts``:
   importing the package, ``Assistant()``, importing Gradio, ``build_app``, ``launch``, the
   first ``GET /``), alternating with the same steps after a plain ``import gradio`` (its
   stub writer on: the baseline of ``assistant.gradio_loader``), and their ratio.

The 1-minute load average before and after is printed: on a shared machine every wall
figure moves with it; the ratios and CPU seconds move far less.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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
# (label, index folder key, extra arguments) of the cold asks, run alternating.
WAYS = (
    ("read copy, numpy encoder", "index", []),
    ("Chroma, numpy encoder", "chroma", []),
    ("Chroma, sentence-transformers encoder", "chroma", ["--query-encoder", "sentence-transformers"]),
)


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


def serve_parts(index_dir: str, plain_gradio: bool = False) -> dict[str, list[float]]:
    """In this process: each step ``briefing serve`` takes, as (wall s, CPU s);
    ``plain_gradio`` imports Gradio with a plain ``import gradio`` (its stub writer on),
    the baseline of ``assistant.gradio_loader``."""
    marks = [(time.perf_counter(), time.process_time())]
    parts: dict[str, list[float]] = {}

    def mark(name: str) -> None:
        marks.append((time.perf_counter(), time.process_time()))
        parts[name] = [marks[-1][0] - marks[-2][0], marks[-1][1] - marks[-2][1]]

    from assistant import Assistant
    from assistant.ui import _gradio, build_app, launch_kwargs

    mark("import assistant.ui")
    bot = Assistant(corpus=ROOT / "corpus", index_dir=index_dir)
    mark("Assistant()")
    if plain_gradio:
        os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
        import gradio  # noqa: F401
    _gradio()  # as ``serve`` imports it (``assistant.gradio_loader``); a no-op once imported
    mark("import gradio")
    demo = build_app(bot)
    demo.queue(default_concurrency_limit=8)
    mark("build_app")
    port = free_port()
    demo.launch(
        quiet=True,
        server_name="127.0.0.1",
        server_port=port,
        share=False,
        ssr_mode=False,
        footer_links=["api"],
        run_history=False,
        prevent_thread_lock=True,
        **launch_kwargs(),
    )
    mark("launch")
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as response:
        response.read()
    mark("first GET /")
    demo.close()
    return parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each measurement (median printed)")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve restart measurement")
    parser.add_argument("--serve-parts", metavar="INDEX_DIR", help=argparse.SUPPRESS)  # the child of step 3
    parser.add_argument("--plain-gradio", action="store_true", help=argparse.SUPPRESS)  # its baseline
    args = parser.parse_args()
    if args.serve_parts:
        print(json.dumps(serve_parts(args.serve_parts, args.plain_gradio)))
        return 0
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="briefing-cold-") as tmp:
        folders = {"index": Path(tmp) / "index", "chroma": Path(tmp) / "chroma"}
        corpus = ["--corpus", str(ROOT / "corpus")]
        subprocess.run(
            [*briefing(), "ingest", *corpus, "--index-dir", str(folders["index"])],
            check=True,
            capture_output=True,
            env=env(),
            cwd=ROOT,
        )
        shutil.copytree(folders["index"], folders["chroma"])
        for saved in folders["chroma"].glob("read-*.npz"):
            saved.unlink()  # without its read copy, the index is read through Chroma

        imports = median_row([timed([sys.executable, "-c", "import assistant"]) for _ in range(args.runs)])
        helps = median_row([timed([*briefing(), "--help"]) for _ in range(args.runs)])
        asks: dict[str, list[tuple[float, float, float]]] = {label: [] for label, _, _ in WAYS}
        for _ in range(args.runs):
            for label, folder, extra in WAYS:  # alternating, so each sees the same machine
                cmd = [*briefing(), "ask", QUESTION, *corpus, "--index-dir", str(folders[folder]), *extra]
                asks[label].append(timed(cmd))
        serves: list[float] = []
        parts: list[dict[str, list[float]]] = []
        plain: list[dict[str, list[float]]] = []
        if not args.no_serve:
            for _ in range(args.runs):
                serves.append(serve_until_200([*corpus, "--index-dir", str(folders["index"])]))
                child = [sys.executable, str(Path(__file__).resolve()), "--serve-parts", str(folders["index"])]
                for extra, into in (([], parts), (["--plain-gradio"], plain)):  # alternating
                    done = subprocess.run(
                        [*child, *extra], check=True, capture_output=True, text=True, env=env(), cwd=ROOT
                    )
                    into.append(json.loads(done.stdout.strip().splitlines()[-1]))
    load_after = os.getloadavg()[0]

    print(f"cpus: {os.cpu_count()}; 1-minute load average {load_before:.1f} before, {load_after:.1f} after")
    print(f"medians of {args.runs} runs, each a whole process\n")
    print("| measured | wall s | CPU s | peak RSS MB |")
    print("|---|---|---|---|")
    print(f"| `python -c 'import assistant'` | {imports[0]:.2f} | {imports[1]:.2f} | {imports[2]:.0f} |")
    print(f"| `briefing --help` | {helps[0]:.2f} | {helps[1]:.2f} | {helps[2]:.0f} |")
    cold = {label: median_row(rows) for label, rows in asks.items()}
    for label, row in cold.items():
        print(f"| cold `briefing ask` (index built), {label} | {row[0]:.2f} | {row[1]:.2f} | {row[2]:.0f} |")
    if serves:
        print(f"| `briefing serve` start to HTTP 200 | {statistics.median(serves):.2f} | | |")
    base_label = WAYS[0][0]
    base = cold[base_label]
    for label, row in list(cold.items())[1:]:
        print(
            f"\ncold ask, {label} / {base_label}: {row[0] / base[0]:.1f}x wall, "
            f"{row[1] / base[1]:.1f}x CPU, {row[2] / base[2]:.1f}x peak RSS"
        )
    print(
        "\ncold ask wall per run: " + "; ".join(f"{k}: " + ", ".join(f"{r[0]:.2f}" for r in v) for k, v in asks.items())
    )
    if serves:
        print("serve to HTTP 200 per run: " + ", ".join(f"{s:.2f}" for s in serves))
        print("\n`briefing serve`, step by step in one process (medians):\n")
        print("| step | wall s | CPU s | with a plain `import gradio`: wall s | CPU s |")
        print("|---|---|---|---|---|")

        def med(rows: list[dict[str, list[float]]], step: str | None, i: int) -> float:
            return statistics.median(sum(v[i] for k, v in p.items() if step in (None, k)) for p in rows)

        for step in [*parts[0], None]:
            print(
                f"| {step or 'all steps'} | {med(parts, step, 0):.2f} | {med(parts, step, 1):.2f} "
                f"| {med(plain, step, 0):.2f} | {med(plain, step, 1):.2f} |"
            )
        print(
            f"\nall steps, plain import / gradio_loader: {med(plain, None, 0) / med(parts, None, 0):.2f}x wall, "
            f"{med(plain, None, 1) / med(parts, None, 1):.2f}x CPU"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
