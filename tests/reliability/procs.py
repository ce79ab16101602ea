"""Helpers for the reliability suite: real ``briefing`` processes on real Chroma indexes,
each bounded in time. The documents are written here, in the suite's own words."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 300.0  # seconds for one command; a hang fails the test instead of the whole run

DOCUMENTS = {
    "harbour.txt": (
        "Harbour strike ends\n\n"
        "Dock workers in Rotterdam voted on Monday to end a strike that had lasted ten days. "
        "The union said members accepted a pay rise of 7 percent over two years.\n"
    ),
    "rail.md": (
        "---\ntitle: Rail budget\n---\n# Rail budget\n\n"
        "The transport ministry will spend 3 billion euros on new signalling by 2030. "
        "Critics said the plan ignores rural lines.\n"
    ),
    "water.txt": (
        "Water rationing\n\n"
        "The city council of Valencia introduced water rationing after a dry winter. "
        "Households may not fill swimming pools until October.\n"
    ),
}


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    @property
    def out(self) -> str:
        """stdout with rich's line wrapping undone."""
        return " ".join(self.stdout.split())

    @property
    def err(self) -> str:
        return " ".join(self.stderr.split())


def command(*args: str | bytes) -> list[str | bytes]:
    return [sys.executable, "-m", "assistant.cli", *args]


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFING_")}
    return {**env, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1", "COLUMNS": "200", **extra}


def briefing(*args: str | bytes, timeout: float = TIMEOUT, stdin: str | None = None, **env: str) -> Run:
    """Run ``briefing ARGS`` to the end (killed after ``timeout``)."""
    done = subprocess.run(
        command(*args),
        cwd=ROOT,
        env=environment(**env),
        input=stdin.encode("utf-8", "surrogateescape") if stdin is not None else None,
        capture_output=True,
        timeout=timeout,
    )
    return Run(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def start(*args: str, **env: str) -> subprocess.Popen[bytes]:
    """Start ``briefing ARGS`` in the background."""
    return subprocess.Popen(
        command(*args), cwd=ROOT, env=environment(**env), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def no_traceback(run: Run) -> None:
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout, run.stderr


TOWNS = ["Arden", "Bexley", "Corran", "Dunmore", "Elsworth", "Fenwick", "Garvan", "Holm", "Istow", "Jarrow"]
THINGS = ["bridges", "clinics", "bus lanes", "schools", "wind turbines", "libraries", "flood walls", "depots"]
VERBS = ["approved", "delayed", "cancelled", "funded", "inspected", "reopened", "expanded", "audited"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def write_notes(folder: Path, prefix: str, n: int, sentences: int = 12, seed: int = 0) -> None:
    """``n`` council notes of ``sentences`` distinct sentences each, from a fixed seed."""
    import random

    rng = random.Random(seed)
    for i in range(n):
        lines = [f"Council note {prefix} {i}", ""]
        for j in range(sentences):
            town, thing, verb, day = rng.choice(TOWNS), rng.choice(THINGS), rng.choice(VERBS), rng.choice(DAYS)
            lines.append(
                f"On {day} the {town} council {verb} {rng.randint(2, 90)} {thing} costing "
                f"{rng.randint(1, 500)} thousand pounds, item {prefix}{i}-{j}."
            )
        (folder / f"{prefix}-{i:03d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
