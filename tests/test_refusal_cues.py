"""The refusal cues ("ruled out", "declined", "turned down" ...): one pattern in
``assistant.stance``, read by the extractive composer, the calibrated pipeline and the
checks of a model's claims alike. Sentences written for this test, from several kinds of
report."""

from __future__ import annotations

import pytest

from assistant import calibrated, claims, compose, stance

REFUSALS = [
    ("The port authority rules out a second terminal.", True),
    ("Norway ruled out joining the scheme.", True),
    ("Ministers are denying any link to the firm.", True),
    ("The firm denied the report.", True),
    ("The board dismissed the complaint as groundless.", True),
    ("Residents are opposing the new road.", True),
    ("The club opposes the merger.", True),
    ("The senator said no to the bill.", True),
    ("Farmers turned down the offer.", True),
    ("Officials declined to comment.", True),
    ("The union refused the pay deal.", True),
    ("The president vetoed the budget.", True),
    ("Council members voted against the plan.", True),
    ("The minister said the plan would go ahead.", False),
    ("She said nothing about the vote.", False),
    ("The new rule outlines how fees are paid.", False),
    ("The denomination of the coin changed.", False),
    ("The tide turned at dawn.", False),
]


@pytest.mark.parametrize(("text", "expected"), REFUSALS)
def test_a_refusal_is_read_alike_by_every_step(text: str, expected: bool) -> None:
    for module in (stance, compose, calibrated, claims):
        assert bool(module.REFUSAL.search(text)) is expected, module.__name__


def test_the_refusal_cues_are_defined_once() -> None:
    assert compose.REFUSAL is stance.REFUSAL
    assert claims.REFUSAL is stance.REFUSAL
    assert calibrated.REFUSAL is stance.REFUSAL
