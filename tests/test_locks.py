"""The inter-process writer lock (issue 12, item 1), without Chroma: a second process
waits for the lock file, is told who holds it, and gives up after its timeout."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.errors import IndexStoreError
from assistant.locks import file_lock, index_lock_path

HOLD = """
import sys, time
from pathlib import Path
from assistant.locks import file_lock
with file_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def holder(path: Path, seconds: float) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    return process


def test_a_second_writer_is_told_who_holds_the_lock_and_gives_up(tmp_path: Path) -> None:
    path = index_lock_path(tmp_path, "briefing-corpus/with odd:name")
    other = holder(path, 5.0)
    try:
        notices: list[str] = []
        started = time.monotonic()
        busy = rf"another ingest \(pid {other.pid} on .+\) is writing"
        with pytest.raises(IndexStoreError, match=busy), file_lock(path, timeout=1.0, notify=notices.append):
            pass
        assert 0.9 < time.monotonic() - started < 4
        assert len(notices) == 1 and "waiting for it to finish" in notices[0]
    finally:
        other.kill()
        other.wait()


def test_the_lock_is_free_once_its_holder_dies(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    other = holder(path, 60.0)
    other.kill()  # SIGKILL: the kernel releases the flock with the process
    other.wait()
    with file_lock(path, timeout=5.0):
        pass


def test_a_waiting_writer_says_so_once_and_gives_up_at_its_deadline() -> None:
    """The file lock and the server lease wait alike (``locks.Waiting``)."""
    from assistant.locks import Waiting

    other = {"pid": 4242, "host": "host-a"}
    notices: list[str] = []
    waiting = Waiting(60.0, notices.append)
    waiting.still(other)
    waiting.still(other)
    assert notices == ["another ingest (pid 4242 on host-a) is writing this index: waiting for it to finish"]
    with pytest.raises(
        IndexStoreError, match=r"\(pid 4242 on host-a\) is writing this index and did not finish within 0 s"
    ):
        Waiting(0.0, None).still(other)
