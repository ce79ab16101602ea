"""Checking the UI's user:password pairs, with guessing slowed down per client.

Gradio accepts an async ``auth(username, password) -> bool``; ``password_check`` makes
one that compares in constant time and, once one client address has sent more than
``FREE_FAILURES`` wrong passwords within ``WINDOW`` seconds, makes that address's attempts
wait before they are checked, twice as long after each further failure, up to ``MAX_DELAY`` seconds, and
one at a time (guesses sent side by side queue instead of sharing one wait). Fifty
guesses then take minutes instead of half a second. Only the guessing address waits: a
user at another address is answered at once, and a right password from the guessing
address is still accepted after its wait, so guessing cannot lock anyone out. The wait
comes before the check, so a guesser learns nothing sooner by giving up on slow answers.
The wait is an ``asyncio.sleep``, so other requests carry on meanwhile.

The client's address reaches the check through ``CLIENT``, a context variable that the
ASGI middleware ``ClientAddress`` sets for each request (``ui.serve`` installs it).
Attempts whose address is unknown count as one client.

Not handled: a guesser with many addresses; behind a reverse proxy every user has the
proxy's address, so all share one count (the proxy's own limits are the place for more).
"""

from __future__ import annotations

import asyncio
import hmac
import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from contextvars import ContextVar
from typing import Any

FREE_FAILURES = 5
WINDOW = 300.0
MAX_DELAY = 30.0
MAX_CLIENTS = 10_000  # addresses remembered before those with no failures left are swept

Check = Callable[[str, str], Awaitable[bool]]

# The address of the client whose request is being handled (set by ``ClientAddress``).
CLIENT: ContextVar[str | None] = ContextVar("briefing_login_client", default=None)


def delay_after(failures: int) -> float:
    """Seconds to wait before answering, given the client's failures in the window.

    >>> [delay_after(n) for n in (0, 5, 6, 7, 10, 20)]
    [0.0, 0.0, 1.0, 2.0, 16.0, 30.0]
    """
    if failures <= FREE_FAILURES:
        return 0.0
    return min(2.0 ** (failures - FREE_FAILURES - 1), MAX_DELAY)


class ClientAddress:
    """ASGI middleware: sets ``CLIENT`` to the request's client address while it is handled."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        client = scope.get("client") if scope.get("type") in ("http", "websocket") else None
        token = CLIENT.set(str(client[0]) if client else None)
        try:
            await self.app(scope, receive, send)
        finally:
            CLIENT.reset(token)


def password_check(
    users: Sequence[tuple[str, str]],
    *,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    client: Callable[[], str | None] = CLIENT.get,
) -> Check:
    """An async ``auth`` for Gradio over ``users`` that slows down a client's repeated failures."""
    passwords = dict(users)
    failures: dict[str, deque[float]] = {}  # client -> times of its wrong passwords in the window
    turns: dict[str, asyncio.Lock] = {}  # client -> its queue while it must wait

    def recent(key: str) -> int:
        times = failures.get(key)
        now = clock()
        while times and now - times[0] > WINDOW:
            times.popleft()
        return len(times or ())

    def forget(key: str) -> None:
        """Drop a client with no failures left in the window and nobody queued."""
        if not recent(key) and not (key in turns and turns[key].locked()):
            failures.pop(key, None)
            turns.pop(key, None)

    def verdict(key: str, username: str, password: str) -> bool:
        expected = passwords.get(username)
        # Compare even for an unknown user, so timing does not tell which users exist.
        ok = hmac.compare_digest(password.encode("utf-8", "replace"), (expected or "\0").encode("utf-8", "replace"))
        ok = ok and expected is not None
        if ok:
            forget(key)
        else:
            failures.setdefault(key, deque()).append(clock())
            if len(failures) > MAX_CLIENTS:
                for other in list(failures):
                    forget(other)
        return ok

    async def check(username: str, password: str) -> bool:
        key = client() or ""
        if not delay_after(recent(key)):
            return verdict(key, username, password)  # no await before it: attempts count in order
        async with turns.setdefault(key, asyncio.Lock()):
            await sleep(delay_after(recent(key)))
            return verdict(key, username, password)

    return check
