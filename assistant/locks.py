"""One writer at a time per index, across processes and machines.

Two ingests writing one index at once lose vectors: each process keeps Chroma's vector
index in memory and persists its own view over the other's. ``writer_lock`` serialises
them:

- on one machine, an exclusive ``flock`` on a lock file (in the index folder for an
  embedded index; in the temporary folder, named after the server and collection, for a
  Chroma server);
- across machines sharing a Chroma server, a lease record in a collection of its own
  (``<namespace>-writer``, which a rebuild does not drop) that names its holder and
  expires unless renewed (``Lease.renew``), so a holder that died frees the index after
  ``LEASE_SECONDS``.

A second writer waits, saying so once through ``notify``, and gives up with an
``IndexStoreError`` after ``timeout`` seconds. Readers never take the lock.

Not handled: a server lease is not atomic (Chroma has no compare-and-set); two machines
that take it within the same ``SETTLE_SECONDS`` could both proceed. The file lock
covers processes of one machine completely.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import socket
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from assistant.errors import IndexStoreError

LEASE_ID = "__writer__"
LEASE_SECONDS = 120.0  # a lease not renewed for this long belonged to a process that died
SETTLE_SECONDS = 0.3  # wait after writing a lease, then read it back: the last writer wins
POLL_SECONDS = 0.5
LOCK_TIMEOUT = 1800.0  # a second ingest waits this long for the first one, then gives up

Notify = Callable[[str], None]


def holder() -> dict[str, Any]:
    """Who this process is, for the message another writer shows while it waits."""
    return {"pid": os.getpid(), "host": socket.gethostname(), "since": time.time()}


def describe(info: dict[str, Any]) -> str:
    """ "pid 123 on host-a, for 42 s" from a holder record (missing fields left out)."""
    parts = []
    if info.get("pid"):
        parts.append(f"pid {info['pid']}")
    if info.get("host"):
        parts.append(f"on {info['host']}")
    if info.get("since"):
        parts.append(f"for {max(0.0, time.time() - float(info['since'])):.0f} s")
    return " ".join(parts) or "another process"


class Waiting:
    """A writer waiting for another: says so once through ``notify``, and gives up with an
    ``IndexStoreError`` once ``timeout`` seconds have passed since it began."""

    def __init__(self, timeout: float, notify: Notify | None) -> None:
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout
        self.notify = notify
        self.told = False

    def still(self, other: dict[str, Any]) -> None:
        """Another writer (``other``, a holder record) still holds the index: go on waiting or give up."""
        if time.monotonic() >= self.deadline:
            raise IndexStoreError(
                f"another ingest ({describe(other)}) is writing this index and did not finish within "
                f"{self.timeout:.0f} s: wait for it to end, then run the same command again"
            )
        if self.notify and not self.told:
            self.notify(f"another ingest ({describe(other)}) is writing this index: waiting for it to finish")
            self.told = True


@contextmanager
def file_lock(path: Path, timeout: float = LOCK_TIMEOUT, notify: Notify | None = None) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path``, waiting up to ``timeout`` seconds for it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+", encoding="utf-8") as handle:
        waiting = Waiting(timeout, notify)
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                handle.seek(0)
                other = _read_holder(handle.read())
            waiting.still(other)
            time.sleep(POLL_SECONDS)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(json.dumps(holder()))
            handle.flush()
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _read_holder(text: str) -> dict[str, Any]:
    try:
        info = json.loads(text)
    except ValueError:
        return {}
    return info if isinstance(info, dict) else {}


def server_lock_path(url: str, namespace: str) -> Path:
    """The local lock file for a server's collection: one per (server, namespace)."""
    key = hashlib.sha256(f"{url}\0{namespace}".encode()).hexdigest()[:16]
    # One folder per user: another user's folder may not be writable (the lease covers them).
    return Path(tempfile.gettempdir()) / f"briefing-locks-{os.getuid()}" / f"{key}.lock"


def index_lock_path(index_dir: Path, namespace: str) -> Path:
    """The lock file of one namespace of an embedded index, inside its folder."""
    key = hashlib.sha256(namespace.encode()).hexdigest()[:12]
    return index_dir / f".ingest-{key}.lock"


class Lease:
    """A writer's lease on a server index: a record in ``collection`` naming its owner."""

    def __init__(self, collection: Any) -> None:
        self.collection = collection
        self.owner = uuid.uuid4().hex

    def current(self) -> dict[str, Any] | None:
        got = self.collection.get(ids=[LEASE_ID], include=["metadatas"])
        if not got["ids"]:
            return None
        meta = dict(got["metadatas"][0] or {})
        return meta if float(meta.get("expires", 0)) > time.time() else None

    def renew(self) -> None:
        """Write (or extend) this writer's lease."""
        meta = {**holder(), "owner": self.owner, "expires": time.time() + LEASE_SECONDS}
        self.collection.upsert(ids=[LEASE_ID], embeddings=[[1.0]], documents=[""], metadatas=[meta])

    def acquire(self, timeout: float = LOCK_TIMEOUT, notify: Notify | None = None) -> None:
        waiting = Waiting(timeout, notify)
        while True:
            other = self.current()
            if other is None or other.get("owner") == self.owner:
                self.renew()
                time.sleep(SETTLE_SECONDS)
                other = self.current()
                if other is not None and other.get("owner") == self.owner:
                    return
            if other is not None:
                waiting.still(other)
            time.sleep(POLL_SECONDS)

    def release(self) -> None:
        try:
            other = self.current()
            if other is not None and other.get("owner") == self.owner:
                self.collection.delete(ids=[LEASE_ID])
        except Exception:  # the lease expires by itself; a failed release must not hide the real error
            pass
