"""Which figures an answer's "Sources differ" compares (``sources.asked_measure``): the same
rule of comparable figures as briefings (``figures.comparable``), plus a word of what they
measure that the question uses. Figures from several kinds of report, written for this test."""

from __future__ import annotations

import pytest

from assistant.figures import Figure
from assistant.sources import asked_measure


def figure(value: float, kind: str, measure: tuple[str, ...], unit: str = "", year: int | None = None) -> Figure:
    return Figure("d", "d#s0", 0, 1, "", kind, value, unit=unit, measure=measure, year=year)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("terms", "a", "b", "expected"),
    [
        # counts: within a factor of two
        (
            ["cross", "boat"],
            figure(12500, "count", ("migrant", "boat")),
            figure(12000, "count", ("cross", "boat")),
            True,
        ),
        (["cross", "boat"], figure(12500, "count", ("migrant", "boat")), figure(40, "count", ("cross", "boat")), False),
        # money: the same currency only
        (["cost", "bridge"], figure(4e6, "money", ("cost",), "GBP"), figure(5e6, "money", ("bridge",), "EUR"), False),
        (["cost", "bridge"], figure(4e6, "money", ("cost",), "GBP"), figure(5e6, "money", ("cost",), "GBP"), True),
        # different years are different measures
        (
            ["turnout"],
            figure(61, "percent", ("turnout",), "%", 2019),
            figure(64, "percent", ("turnout",), "%", 2024),
            False,
        ),
        # percentages: within 25 points, as in briefings (a ratio says little of 10% against 25%)
        (
            ["turnout"],
            figure(10, "percent", ("turnout", "young"), "%"),
            figure(25, "percent", ("turnout", "voter"), "%"),
            True,
        ),
        (
            ["vaccin", "rate"],
            figure(40, "percent", ("vaccin", "rate"), "%"),
            figure(70, "percent", ("vaccin", "rate"), "%"),
            False,
        ),
        # a word they share must be one the question uses
        (["delay"], figure(300, "count", ("flight", "cancel")), figure(344, "count", ("flight", "delay")), False),
    ],
)
def test_figures_compared_for_a_question(terms: list[str], a: Figure, b: Figure, expected: bool) -> None:
    assert asked_measure(terms)(a, b) is expected
