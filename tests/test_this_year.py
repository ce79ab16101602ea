"""A year a question gives, met by "this year" in a report dated that year (``CalibratedComposer.years``).
Documents written for these tests."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant

DATED = {
    "ferries.txt": "More than 3,000 lorries have used the new ferry route since the start of the year, the port said.",
    "ferries.meta.toml": 'title = "Ferry route busy"\ndate = "2024-06-12"\n',
    "wards.txt": "So far this year the hospital has opened two new wards for older patients.",
    "wards.meta.toml": 'title = "Hospital opens wards"\ndate = "2023-09-03"\n',
}


@pytest.fixture(scope="module")
def dated_bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "dated", DATED)


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("How many lorries used the new ferry route in 2024?", True),  # "since the start of the year" in a 2024 report
        ("How many lorries used the new ferry route in 2023?", False),
        ("How many new wards did the hospital open in 2023?", True),  # "so far this year" in a 2023 report
        ("How many new wards did the hospital open in 2021?", False),
    ],
)
def test_this_year_is_the_year_of_the_report(dated_bot: Assistant, question: str, answered: bool) -> None:
    assert checked_answer(dated_bot, question)["answered"] is answered
