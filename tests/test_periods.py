"""Times a text names (years, decades, centuries) and a question's time against its evidence's.

Examples come from several kinds of document written for these tests: a history of a
monastery, a harbour's history, a report on a library, a note on a city's population.
"""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.evidence import period_conflict, periods


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The abbey was founded in the 12th century by monks from Cluny.", [(1100, 1199)]),
        ("Its walls date from the 11th and 12th centuries.", [(1000, 1099), (1100, 1199)]),
        ("The harbour silted up during the 1600s.", [(1600, 1699)]),
        ("Trade grew fast in the 1960s and again in 1985.", [(1960, 1969), (1985, 1985)]),
        ("The library reopened in 2019, seven years after the fire.", [(2019, 2019)]),
        ("The chapel was rebuilt in 911 after a raid.", [(911, 911)]),
        # Figures that are not years.
        ("The town had 1,500 inhabitants and paid £1200 in tax.", []),
        ("Turnout was 2024 votes short of the record.", [(2024, 2024)]),  # read as a year: no way to tell
        ("The ferry carries 300 cars.", []),
        ("About 1500% more visitors came.", []),
    ],
)
def test_periods(text: str, expected: list[tuple[int, int]]) -> None:
    assert periods(text) == expected


@pytest.mark.parametrize(
    ("question", "evidence", "conflict"),
    [
        # The question's century, decade or year against the evidence's dates.
        ("Who founded the abbey in the 10th century?", "Monks from Cluny founded the abbey in 1132.", True),
        ("Who founded the abbey in the 12th century?", "Monks from Cluny founded the abbey in 1132.", False),
        ("What silted up the harbour in the 1700s?", "The harbour silted up during the 1600s.", True),
        ("What happened to the harbour in the 1600s?", "The harbour silted up during the 17th century.", False),
        ("Why did trade grow in the 1970s?", "Trade grew fast in the 1960s as the port was dredged.", True),
        ("When was the library rebuilt in the 2010s?", "The library reopened in 2019.", False),
        # "The 1100s" is the 12th century, not the 11th.
        ("What was built in the 1100s?", "A new quay was built in the 11th century.", True),
        # Nothing to compare: the question names no time, or the evidence dates nothing.
        ("Who founded the abbey?", "Monks from Cluny founded the abbey in 1132.", False),
        ("Who founded the abbey in the 10th century?", "Monks from Cluny founded the abbey.", False),
        # Any date of the evidence inside the asked time is enough.
        ("What did the city count in the 1990s?", "The city counted 80,000 people in 1981 and 95,000 in 1996.", False),
    ],
)
def test_period_conflict(question: str, evidence: str, conflict: bool) -> None:
    assert period_conflict(question, evidence) is conflict


HARBOUR = {
    "harbour.txt": "A history of the harbour\n\n"
    "The first stone quay was built in 1230 by the town's merchants.\n"
    "A lighthouse was added to the harbour mouth in 1781.\n"
    "The harbour silted up during the 1600s, and ships moored off the beach instead.\n"
}


@pytest.fixture(scope="module")
def harbour_bots(tmp_path_factory: pytest.TempPathFactory) -> dict[bool | None, Assistant]:
    """The engine on the harbour history: the calibrated pipeline alone, and routed."""
    return {mode: bot_on(tmp_path_factory, "harbour", HARBOUR, calibrated=mode) for mode in (True, None)}


@pytest.mark.parametrize("calibrated", [True, None])
@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("Who built the first stone quay in the 13th century?", True),
        ("Who built the first stone quay in the 15th century?", False),
    ],
)
def test_a_question_about_another_time_is_declined(
    harbour_bots: dict[bool | None, Assistant], calibrated: bool | None, question: str, answered: bool
) -> None:
    bot = harbour_bots[calibrated]
    answer = checked_answer(bot, question)
    assert answer["answered"] is answered
    if not answered:
        assert "another time" in bot.ask(question).reason
