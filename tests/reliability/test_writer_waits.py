"""Item 8 of issue 12: with threads asking non-stop, ``bot.ingest()`` gets the engine's
lock as soon as the questions already running finish (it waited 59 s before)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from assistant import Assistant

pytestmark = pytest.mark.slow

QUESTIONS = ["How long did the strike last?", "What did Valencia ration?", "What will the ministry spend?"]


def test_ingest_is_not_starved_by_questions(corpus: Path, tmp_path: Path) -> None:
    bot = Assistant(corpus=corpus, index_dir=tmp_path / "index")
    stop = threading.Event()
    errors: list[BaseException] = []
    asked = [0]

    def asker(n: int) -> None:
        while not stop.is_set():
            try:
                bot.ask(QUESTIONS[n % len(QUESTIONS)])
                asked[0] += 1
            except BaseException as exc:
                errors.append(exc)
                return

    threads = [threading.Thread(target=asker, args=(n,), daemon=True) for n in range(8)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(2.0)
        (corpus / "ferry.txt").write_text("Ferry fares rose by 4 percent in June.\n", encoding="utf-8")
        started = time.monotonic()
        summary = bot.ingest()
        waited = time.monotonic() - started
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    assert not errors, errors
    assert summary.added == 1 and asked[0] > 0
    assert waited < 30, f"ingest took {waited:.1f} s with 8 threads asking"
    assert any("4 percent" in c.quote for c in bot.ask("How much did ferry fares rise?").citations)
