"""The engine's read-write lock: many readers, one writer, and a waiting writer is not
starved by a steady stream of readers (issue 12, item 8)."""

from __future__ import annotations

import threading
import time

from assistant.engine import ReadWriteLock


def test_a_waiting_writer_gets_in_while_readers_keep_coming() -> None:
    lock = ReadWriteLock()
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            with lock.reading():
                time.sleep(0.02)  # readers overlap: without writer preference there is never zero of them

    readers = [threading.Thread(target=reader, daemon=True) for _ in range(8)]
    for thread in readers:
        thread.start()
    time.sleep(0.2)
    started = time.monotonic()
    got_in = threading.Event()

    def writer() -> None:
        with lock.writing():
            got_in.set()

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        assert got_in.wait(timeout=2.0), "the writer waited more than 2 s behind readers"
        assert time.monotonic() - started < 1.0
    finally:
        stop.set()
        thread.join(timeout=5)
        for r in readers:
            r.join(timeout=5)


def test_readers_share_and_a_writer_excludes_them() -> None:
    lock = ReadWriteLock()
    inside = []
    with lock.reading(), lock.reading():  # two readers at once (one thread, no writer waiting)
        inside.append("both")
    events: list[str] = []

    def reader() -> None:
        with lock.reading():
            events.append("read")

    with lock.writing():
        thread = threading.Thread(target=reader)
        thread.start()
        time.sleep(0.1)
        events.append("write done")
    thread.join(timeout=5)
    assert inside == ["both"] and events == ["write done", "read"]
