"""Number and scale words (``assistant.numerals``), shared by figures and claim checks.
Examples from several kinds of report, written for these tests."""

from __future__ import annotations

import pytest

from assistant import claims, figures, numerals
from assistant.numerals import NUMBER_WORDS, SCALES, parse_number


@pytest.mark.parametrize(
    ("number", "scale", "expected"),
    [
        ("12,500", None, 12_500.0),  # crossings in a year
        ("3.4", None, 3.4),  # a rate rise
        ("1", "m", 1e6),  # "£1m" for a forensics unit
        ("1", "M", 1e6),
        ("2.5", "billion", 2.5e9),  # a budget
        ("2.5", "billions", 2.5e9),
        ("40", "k", 40_000.0),  # "40k" fans at a stadium
        ("1.2", "bn", 1.2e9),
        ("6", "mn", 6e6),
        ("3", "tn", 3e12),
        ("7", "thousand", 7_000.0),
        ("7", "", 7.0),
        ("three", None, 3.0),  # "three hospitals"
        ("Twelve", None, 12.0),
        ("zero", None, 0.0),
        ("ninety", None, 90.0),
        ("two", "million", 2e6),  # "two million passengers"
    ],
)
def test_parse_number(number: str, scale: str | None, expected: float) -> None:
    assert parse_number(number, scale) == expected


@pytest.mark.parametrize(
    ("word", "value"),
    [("zero", 0), ("one", 1), ("seven", 7), ("eleven", 11), ("nineteen", 19), ("twenty", 20), ("sixty", 60)],
)
def test_number_words(word: str, value: int) -> None:
    assert NUMBER_WORDS[word] == value


@pytest.mark.parametrize("word", ["hundred", "twenty-one", "first", "dozen"])
def test_words_that_are_not_read_as_numbers(word: str) -> None:
    assert word not in NUMBER_WORDS
    with pytest.raises(ValueError):
        parse_number(word)


def test_figures_and_claims_read_the_same_words() -> None:
    assert claims.NUMBER_WORDS is numerals.NUMBER_WORDS
    assert claims.SCALES is numerals.SCALES
    assert figures.parse_number is numerals.parse_number
    # A figure counts from two ("one of them" is rarely a count); every other word is shared.
    assert {w: n for w, n in NUMBER_WORDS.items() if n >= 2} == figures.COUNT_WORDS
    assert set(SCALES) >= {"thousand", "million", "billion", "trillion", "k", "m", "mn", "bn", "b", "tn"}
