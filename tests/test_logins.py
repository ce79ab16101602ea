"""Wrong passwords are slowed down, a right one still gets in (issue 12, item 10)."""

from __future__ import annotations

import asyncio

from assistant.logins import CLIENT, FREE_FAILURES, ClientAddress, password_check


def test_guessing_is_slowed_and_the_right_password_still_works() -> None:
    now = [0.0]
    waited: list[float] = []

    async def sleep(seconds: float) -> None:
        waited.append(seconds)
        now[0] += seconds

    check = password_check([("analyst", "s3cret")], clock=lambda: now[0], sleep=sleep)

    async def run() -> list[bool]:
        results = [await check("analyst", f"guess{i}") for i in range(50)]
        results.append(await check("analyst", "s3cret"))
        results.append(await check("nobody", "s3cret"))
        return results

    results = asyncio.run(run())
    assert results[:50] == [False] * 50 and results[50] is True and results[51] is False
    assert waited[:1] == [1.0] and len(waited) >= 40
    assert sum(waited) > 600  # fifty guesses now take over ten minutes, not 0.4 s


def test_failures_are_forgotten_after_the_window() -> None:
    now = [0.0]

    async def sleep(seconds: float) -> None:
        now[0] += seconds

    check = password_check([("a", "b")], clock=lambda: now[0], sleep=sleep)

    async def run() -> float:
        for _ in range(FREE_FAILURES + 2):
            await check("a", "wrong")
        now[0] += 1000
        started = now[0]
        assert await check("a", "b")
        return now[0] - started

    assert asyncio.run(run()) == 0.0


def test_a_guessing_client_does_not_slow_another_clients_right_password() -> None:
    now = [0.0]
    waited: list[float] = []
    address = ["203.0.113.9"]

    async def sleep(seconds: float) -> None:
        waited.append(seconds)
        now[0] += seconds

    check = password_check([("ann", "correct horse")], clock=lambda: now[0], sleep=sleep, client=lambda: address[0])

    async def run() -> list[bool]:
        results = [await check("ann", f"guess{i}") for i in range(20)]
        guessed = len(waited)
        address[0] = "198.51.100.4"  # the user, elsewhere
        results += [
            await check("ann", "correct horse"),
            await check("ann", "typo"),
            await check("ann", "correct horse"),
        ]
        assert len(waited) == guessed  # answered at once
        address[0] = "203.0.113.9"  # the guesser: still waits, then gets in with the right password
        results.append(await check("ann", "correct horse"))
        assert len(waited) == guessed + 1 and waited[-1] == 30.0
        return results

    assert asyncio.run(run()) == [False] * 20 + [True, False, True, True]
    assert len(waited) > 10


def test_guesses_sent_side_by_side_wait_in_turn() -> None:
    """Parallel guesses from one client queue: each waits its own, longer, delay."""
    now = [0.0]
    waited: list[float] = []

    async def sleep(seconds: float) -> None:
        waited.append(seconds)
        await asyncio.sleep(0)  # let the other guesses run meanwhile
        now[0] += seconds

    check = password_check([("a", "b")], clock=lambda: now[0], sleep=sleep, client=lambda: "192.0.2.1")

    async def run() -> list[bool]:
        for _ in range(FREE_FAILURES + 1):
            await check("a", "wrong")
        return list(await asyncio.gather(*(check("a", f"guess{i}") for i in range(5))))

    assert asyncio.run(run()) == [False] * 5
    assert waited == [1.0, 2.0, 4.0, 8.0, 16.0]


def test_a_clients_address_reaches_the_check_through_the_middleware() -> None:
    seen: list[str | None] = []

    async def app(scope: dict, receive: object, send: object) -> None:
        seen.append(CLIENT.get())

    middleware = ClientAddress(app)
    asyncio.run(middleware({"type": "http", "client": ("192.0.2.7", 51234)}, None, None))
    asyncio.run(middleware({"type": "lifespan"}, None, None))
    assert seen == ["192.0.2.7", None] and CLIENT.get() is None
