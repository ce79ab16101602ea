"""Wrong passwords are slowed down, a right one still gets in (issue 12, item 10)."""

from __future__ import annotations

import asyncio

from assistant.logins import FREE_FAILURES, password_check


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
