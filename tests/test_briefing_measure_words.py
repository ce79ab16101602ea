"""Two reports often name one measure in different words ("the storm cost the county £40
million", "insurers put its losses at £46 million"; "30,000 passengers", "35,000
customers"): "Where sources differ" flags them, while a group's total ("the four operators
lost £9m between them") and a different measure ("brought in £2.5m in revenue") stay apart
(briefings of such stories: tests/test_briefing_events.py). Examples written for these tests
in our own words."""

from __future__ import annotations

import pytest

from assistant.figures import measure_head, named_apart, synonymous, totals_a_group


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        ("cost", "loss", True),  # money an event took
        ("lost", "cost", True),
        ("passenger", "customer", True),  # people a transport failure hit
        ("hom", "household", True),  # a power cut's homes
        ("death", "kill", True),
        ("flight", "servic", True),
        ("cost", "revenu", False),  # money an event took against money it brought in
        ("passenger", "hom", False),  # "customers" names both, these two never one measure
        ("death", "injur", False),
        ("loss", "loss", False),  # one word: same_measure's business, not a synonym
    ],
)
def test_synonymous_measure_words(x: str, y: str, same: bool) -> None:
    assert synonymous(x, y) is same


@pytest.mark.parametrize(
    ("x", "y", "apart"),
    [
        ("cost", "revenu", True),  # what a festival cost, what it brought in
        ("death", "injur", True),  # the dead and the hurt of one crash
        ("evacuat", "arrest", True),
        ("cost", "loss", False),  # one measure in two words
        ("cost", "town", False),  # a word that names no measure tells nothing
        ("cost", "cost", False),
    ],
)
def test_named_apart(x: str, y: str, apart: bool) -> None:
    assert named_apart(x, y) is apart


@pytest.mark.parametrize(
    ("text", "figure", "kind", "head"),
    [
        (
            "The flood cost the valley's farmers about £12 million, the union said.",
            "about £12 million",
            "money",
            "cost",
        ),
        ("The operator puts its losses at $3.2 billion after the recall.", "$3.2 billion", "money", "loss"),
        ("The festival brought in £2.5m in ticket revenue.", "£2.5m", "money", "revenue"),
        ("The blackout left 4,000 households without heating.", "4,000", "count", "household"),
        ("The derailment killed 14 and hurt 60 more.", "14", "count", "kill"),
        ("Organisers said 12,000 visitors came on Saturday.", "12,000", "count", "visitor"),
    ],
)
def test_measure_head(text: str, figure: str, kind: str, head: str) -> None:
    start = text.index(figure)
    assert measure_head(text, start, start + len(figure), kind) == head  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "figure", "total"),
    [
        ("The four ferry operators lost £9m between them over the winter.", "£9m", True),
        ("Two hospital trusts spent $40 million on agency staff.", "$40 million", True),
        ("The island's largest ferry operator put its losses at £6m.", "£6m", False),
        ("The trust spent $35 million on agency nurses in 2 years.", "$35 million", False),  # a count after it
    ],
)
def test_totals_a_group(text: str, figure: str, total: bool) -> None:
    assert totals_a_group(text, text.index(figure)) is total
