"""Checking the UI's user:password pairs, with guessing slowed down.

Gradio accepts an async ``auth(username, password) -> bool``; ``password_check`` makes
one that compares in constant time and, after ``FREE_FAILURES`` wrong passwords within
``WINDOW`` seconds (across all users: Gradio does not tell who is asking), waits before
answering, twice as long after each further failure, up to ``MAX_DELAY`` seconds. The
wait is an ``asyncio.sleep``, so other users' requests carry on meanwhile. Fifty guesses
then take minutes instead of half a second; a right password is still accepted, after
the same wait, so guessing cannot lock a user out.

Not handled: telling attackers apart (no client address reaches the check).
"""

from __future__ import annotations

import asyncio
import hmac
import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence

FREE_FAILURES = 5
WINDOW = 300.0
MAX_DELAY = 30.0

Check = Callable[[str, str], Awaitable[bool]]


def delay_after(failures: int) -> float:
    """Seconds to wait before answering, given the failures in the window.

    >>> [delay_after(n) for n in (0, 5, 6, 7, 10, 20)]
    [0.0, 0.0, 1.0, 2.0, 16.0, 30.0]
    """
    if failures <= FREE_FAILURES:
        return 0.0
    return min(2.0 ** (failures - FREE_FAILURES - 1), MAX_DELAY)


def password_check(
    users: Sequence[tuple[str, str]],
    *,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> Check:
    """An async ``auth`` for Gradio over ``users`` that slows down repeated failures."""
    passwords = dict(users)
    failures: deque[float] = deque()

    async def check(username: str, password: str) -> bool:
        now = clock()
        while failures and now - failures[0] > WINDOW:
            failures.popleft()
        wait = delay_after(len(failures))
        if wait:
            await sleep(wait)
        expected = passwords.get(username)
        # Compare even for an unknown user, so timing does not tell which users exist.
        ok = hmac.compare_digest(password.encode("utf-8", "replace"), (expected or "\0").encode("utf-8", "replace"))
        ok = ok and expected is not None
        if not ok:
            failures.append(clock())
        return ok

    return check
