"""``assistant.pipeline.overlapped``: order, overlap, errors, stopping (no timing assertions
beyond "ends within a few seconds")."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable

import pytest

from assistant.pipeline import Pipeline, checkpoint, overlapped


def run(batches: list[int], prepare: Callable, embed: Callable, store: Callable) -> list[int]:  # type: ignore[type-arg]
    with overlapped(batches, prepare, embed, store) as results:
        return list(results)


def ingest_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("ingest-")]


@pytest.mark.parametrize("batches", [[], [1], [1, 2], list(range(7))])
def test_results_come_in_order_and_each_stage_sees_batches_in_order(batches: list[int]) -> None:
    seen: dict[str, list[int]] = {"prepare": [], "embed": [], "store": []}

    def stage(name: str, offset: int) -> Callable[[int], int]:
        def step(value: int) -> int:
            seen[name].append(value)
            return value + offset

        return step

    assert run(batches, stage("prepare", 100), stage("embed", 100), stage("store", 100)) == [b + 300 for b in batches]
    assert seen == {"prepare": batches, "embed": [b + 100 for b in batches], "store": [b + 200 for b in batches]}
    assert ingest_threads() == []


def test_the_next_batch_is_prepared_and_the_last_stored_while_one_is_embedded() -> None:
    prepared_2 = threading.Event()
    stored_1 = threading.Event()
    overlap = []

    def prepare(b: int) -> int:
        if b == 2:
            prepared_2.set()
        return b

    def embed(b: int) -> int:
        if b == 1:  # batch 2 is prepared while batch 1 is embedded
            overlap.append(prepared_2.wait(timeout=30))
        if b == 2:  # batch 1 is stored while batch 2 is embedded
            overlap.append(stored_1.wait(timeout=30))
        return b

    def store(b: int) -> int:
        if b == 1:
            stored_1.set()
        return b

    assert run([1, 2, 3], prepare, embed, store) == [1, 2, 3]
    assert overlap == [True, True]


def test_at_most_one_batch_waits_between_two_stages() -> None:
    prepared: list[int] = []
    release = threading.Event()

    def prepare(b: int) -> int:
        prepared.append(b)
        return b

    def embed(b: int) -> int:
        release.wait(timeout=30)  # the model is slow: the preparer must not run far ahead
        return b

    with overlapped(range(100), prepare, embed, lambda b: b) as results:
        time.sleep(0.5)
        ahead = len(prepared)
        release.set()
        assert list(results) == list(range(100))
    assert ahead <= 3  # the batch being embedded, one waiting, one prepared and being put


@pytest.mark.parametrize("failing", ["prepare", "embed", "store"])
def test_a_stage_error_reaches_the_caller_unchanged_and_every_thread_ends(failing: str) -> None:
    stored: list[int] = []
    error = ValueError(f"{failing} failed on 3")

    def stage(name: str) -> Callable[[int], int]:
        def step(value: int) -> int:
            if name == failing and value == 3:
                raise error
            if name == "store":
                stored.append(value)
            return value

        return step

    with pytest.raises(ValueError) as raised:
        run([1, 2, 3, 4, 5], stage("prepare"), stage("embed"), stage("store"))
    assert raised.value is error
    assert stored == [1, 2][: len(stored)]  # in order; nothing from the failing batch on
    assert ingest_threads() == []


def test_an_error_in_the_callers_loop_stops_the_stages_at_their_next_checkpoint() -> None:
    calls = []

    def embed(b: int) -> int:
        for _ in range(100):  # a long model call, in steps
            checkpoint()
            calls.append(b)
            time.sleep(0.01)
        return b

    started = time.monotonic()
    with pytest.raises(RuntimeError, match="caller"), overlapped(range(50), lambda b: b, embed, lambda b: b) as results:
        for _ in results:
            raise RuntimeError("caller gave up")
    assert time.monotonic() - started < 10
    assert ingest_threads() == []
    assert len(calls) < 50 * 100


def test_relayed_progress_runs_in_the_callers_thread() -> None:
    pipeline = Pipeline()
    threads: list[str] = []
    report = pipeline.relay(lambda *args: threads.append(threading.current_thread().name))
    assert report is not None and pipeline.relay(None) is None

    def prepare(b: int) -> int:
        report("prepare", b)
        return b

    with overlapped([1, 2, 3], prepare, lambda b: b, lambda b: b, pipeline) as results:
        assert list(results) == [1, 2, 3]
    assert threads == [threading.current_thread().name] * 3


def test_checkpoint_outside_a_pipeline_does_nothing() -> None:
    checkpoint()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_the_pipeline_even_when_its_exception_is_lost(signum: int) -> None:
    """The handler's exception is raised inside a finalizer here and lost there ("Exception
    ignored in ... __del__"), as Python does when a signal comes while a ``__del__`` runs:
    the pipeline still stops, and raises it again in the caller's thread."""

    class Interrupted(Exception):
        pass

    def handler(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    class SignalsInDel:
        def __del__(self) -> None:
            os.kill(os.getpid(), signum)  # the handler runs in here: its exception is lost

    pipeline = Pipeline()
    report = pipeline.relay(lambda: SignalsInDel())  # made and dropped in the caller's thread
    assert report is not None

    def prepare(b: int) -> int:
        report()
        return b

    def embed(b: int) -> int:
        for _ in range(500):  # a long model call, in steps
            checkpoint()
            time.sleep(0.01)
        return b

    previous = signal.signal(signum, handler)
    try:
        started = time.monotonic()
        with pytest.raises(Interrupted), overlapped(range(10), prepare, embed, lambda b: b, pipeline) as results:
            list(results)
        assert time.monotonic() - started < 10
        assert signal.getsignal(signum) is handler  # put back
    finally:
        signal.signal(signum, previous)
    assert ingest_threads() == []
