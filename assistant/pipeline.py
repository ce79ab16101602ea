"""Run the three stages of an ingest on successive batches at once, in worker threads.

An ingest writes batches of documents, and each batch goes through three stages: prepare
(read what is stored, split into sentences: Python), embed (the model: torch, which
releases the GIL in its kernels) and store (Chroma writes: Rust and SQLite). Run one
after another, the model waits while a batch is split and stored. ``overlapped`` runs
each stage in its own thread, so batch ``n + 1`` is prepared and batch ``n - 1`` stored
while batch ``n`` is embedded:

    prepare:  [1][2][3]
    embed:       [1][2][3]
    store:          [1][2][3]

Guarantees:

1. Each stage sees the batches in order, one at a time (one thread per stage), so a
   batch's records are stored after the previous batch's.
2. At most one batch waits between two stages (queues of one): about five batches are in
   memory at once, whatever the number of batches.
3. The caller's thread only waits: the results, and every ``relay``-ed progress call of
   the stages, are handed to it, so callbacks run in the caller's thread, and a Ctrl-C
   (``KeyboardInterrupt``, which Python raises in the main thread only) lands where it is
   seen. Python can lose the exception a signal handler raises if it runs inside a
   finalizer ("Exception ignored in ... __del__"); so while the pipeline runs in the main
   thread, the Python handlers of SIGINT and SIGTERM are wrapped to also note the signal,
   and a noted signal whose exception never arrived is raised again by calling its handler
   from the waiting loop.
4. The first error, in a stage or in the caller's thread (a Ctrl-C), stops every stage at
   its next ``checkpoint()`` (between documents, model calls of one batch, Chroma calls),
   waits for the worker threads to end (a second Ctrl-C does not cut that short: the
   caller must not let another writer in while a stage still writes), and is raised in the
   caller: the stage's own exception, unchanged.

Not handled: more than one thread per stage; signals when the pipeline runs outside the
main thread (Python delivers them to the main thread only, as without a pipeline).
"""

from __future__ import annotations

import queue
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

WAIT = 0.1  # seconds between two looks at the stop flag while a thread waits
_END = object()  # after the last batch
_local = threading.local()  # a worker thread's pipeline (``checkpoint`` reads it)


class Stopped(BaseException):
    """Raised by ``checkpoint()`` in a stage of a pipeline that is stopping (a
    BaseException, so that no ``except Exception`` of a stage mistakes it for an error)."""


def checkpoint() -> None:
    """Raise ``Stopped`` when the pipeline running this stage is stopping; else (or outside
    a pipeline) do nothing. Stages call it between units of work."""
    pipeline: Pipeline | None = getattr(_local, "pipeline", None)
    if pipeline is not None and pipeline.stopping.is_set():
        raise Stopped


class Pipeline:
    """One run of ``overlapped``: its stop flag, and the calls relayed to the caller."""

    def __init__(self) -> None:
        self.stopping = threading.Event()
        self.error: BaseException | None = None
        self._calls: queue.SimpleQueue[tuple[Callable[..., Any], tuple[Any, ...]]] = queue.SimpleQueue()
        self._signalled: tuple[Callable[..., Any], int] | None = None

    def relay(self, callback: Callable[..., None] | None) -> Callable[..., None] | None:
        """``callback`` run in the caller's thread, however many stages call it (None stays None)."""
        if callback is None:
            return None
        target = callback
        return lambda *args: self._calls.put((target, args))

    def fail(self, error: BaseException) -> None:
        """Note the first error and stop every stage."""
        if self.error is None and not isinstance(error, Stopped):
            self.error = error
        self.stopping.set()

    def deliver(self) -> None:
        """In the caller's thread: run the relayed calls, raise a stage's error, and raise
        again a signal whose exception was lost."""
        while True:
            try:
                callback, args = self._calls.get_nowait()
            except queue.Empty:
                break
            callback(*args)
        if self.error is not None:
            raise self.error
        if self._signalled is not None:
            handler, signum = self._signalled
            handler(signum, None)  # raised when the signal came: KeyboardInterrupt, say
            raise KeyboardInterrupt

    @contextmanager
    def noting_signals(self) -> Iterator[None]:
        """Wrap the Python handlers of SIGINT and SIGTERM while the block runs (main thread only)."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {}
        for signum in (signal.SIGINT, signal.SIGTERM):
            handler = signal.getsignal(signum)
            if callable(handler):
                previous[signum] = handler
                signal.signal(signum, self._noting(handler))
        try:
            yield
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def _noting(self, handler: Callable[[int, FrameType | None], Any]) -> Callable[[int, FrameType | None], Any]:
        def noted(signum: int, frame: FrameType | None) -> Any:
            try:
                return handler(signum, frame)
            except BaseException:
                self._signalled = (handler, signum)  # raised again by ``deliver`` if it is lost
                self.stopping.set()
                raise

        return noted


def _put(pipeline: Pipeline, out: queue.Queue[Any], item: Any) -> None:
    """Put ``item`` on a queue of one, giving up (``Stopped``) when the pipeline stops."""
    while not pipeline.stopping.is_set():
        try:
            out.put(item, timeout=WAIT)
            return
        except queue.Full:
            continue
    raise Stopped


def _get(pipeline: Pipeline, source: queue.Queue[Any]) -> Any:
    """The next item of a queue, giving up (``Stopped``) when the pipeline stops."""
    while not pipeline.stopping.is_set():
        try:
            return source.get(timeout=WAIT)
        except queue.Empty:
            continue
    raise Stopped


def _worker(
    pipeline: Pipeline, name: str, body: Callable[[], None], threads: list[threading.Thread]
) -> threading.Thread:
    def run() -> None:
        _local.pipeline = pipeline
        try:
            body()
        except BaseException as exc:  # handed to the caller's thread
            pipeline.fail(exc)

    # A daemon: should a stage ever hang, the process can still end (the caller waits for
    # the stages to stop before it lets go of the index, see the module docstring).
    thread = threading.Thread(target=run, name=f"ingest-{name}", daemon=True)
    threads.append(thread)
    thread.start()
    return thread


@contextmanager
def overlapped(
    batches: Iterable[Any],
    prepare: Callable[[Any], Any],
    embed: Callable[[Any], Any],
    store: Callable[[Any], Any],
    pipeline: Pipeline | None = None,
) -> Iterator[Iterator[Any]]:
    """``store(embed(prepare(b)))`` for each batch ``b``, in order, each stage in its own
    thread; the block iterates over the stored batches' results as they come.

    >>> with overlapped([1, 2, 3], lambda b: b * 10, lambda p: p + 1, lambda e: -e) as results:
    ...     list(results)
    [-11, -21, -31]
    """
    run = pipeline or Pipeline()
    prepared: queue.Queue[Any] = queue.Queue(maxsize=1)
    embedded: queue.Queue[Any] = queue.Queue(maxsize=1)
    stored: queue.Queue[Any] = queue.Queue(maxsize=1)

    def feed() -> None:
        for batch in batches:
            checkpoint()
            _put(run, prepared, prepare(batch))
        _put(run, prepared, _END)

    def stage(source: queue.Queue[Any], step: Callable[[Any], Any], out: queue.Queue[Any]) -> Callable[[], None]:
        def body() -> None:
            while (item := _get(run, source)) is not _END:
                _put(run, out, step(item))
            _put(run, out, _END)

        return body

    def results() -> Iterator[Any]:
        while True:
            run.deliver()
            try:
                item = stored.get(timeout=WAIT)
            except queue.Empty:
                continue
            if item is _END:
                run.deliver()
                return
            yield item

    threads: list[threading.Thread] = []
    with run.noting_signals():
        try:
            _worker(run, "prepare", feed, threads)
            _worker(run, "embed", stage(prepared, embed, embedded), threads)
            _worker(run, "store", stage(embedded, store, stored), threads)
            yield results()
        except BaseException as exc:
            run.fail(exc)
            raise
        finally:
            run.stopping.set()  # a no-op after the last batch: every stage has ended
            _join(threads)


def _join(threads: list[threading.Thread]) -> None:
    """Wait for every worker thread to end; a Ctrl-C meanwhile is raised once they have."""
    interrupted: BaseException | None = None
    for thread in threads:
        while thread.is_alive():
            try:
                thread.join(WAIT)
            except BaseException as exc:  # raised below, once the stages stopped
                interrupted = interrupted or exc
    if interrupted is not None:
        raise interrupted
