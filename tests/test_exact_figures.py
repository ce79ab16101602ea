"""Figures in words and the phrase that answers: a share in words ("fewer than five percent")
is a percentage and "tens of thousands of pounds" a sum, though only an order of size
(``evidence.vague``); "how much" asks for a sum, not a count; a short answer keeps its unit of
time and the other end of its range. Stories written for these tests: a museum closed for
repairs, a ferry line's strike, trawlers kept in port."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.direct import with_range, with_unit
from assistant.evidence import vague

STORIES = {
    "museum-closure.md": (
        '---\ntitle: "Harbour Museum reopens after roof repairs"\noutlet: Quay Courier\nkind: news report\n'
        "date: 2025-04-02\n---\n"
        "The Harbour Museum reopened on Tuesday after five months of roof repairs.\n\n"
        "Its director said the closure had cost the museum tens of thousands of pounds a week in lost ticket revenue.\n\n"
        "Fewer than five percent of its visitors last year came from abroad.\n"
    ),
    "museum-accounts.md": (
        '---\ntitle: "Museum accounts show cost of closure"\noutlet: Arts Ledger\nkind: news report\n'
        "date: 2025-06-30\n---\n"
        "The museum's annual accounts show it lost £840,000 in ticket revenue while the roof was repaired.\n\n"
        "The trustees drew on reserves to pay the staff during the closure.\n"
    ),
    "ferry-strike.md": (
        '---\ntitle: "Ferry crews end strike"\noutlet: Island News\nkind: news report\n'
        "date: 2025-09-12\n---\n"
        "Crews on the island ferry line ended a six-day strike on Friday.\n\n"
        "The operator said the strike had cost it millions of pounds in lost fares.\n\n"
        "Its chief executive later put the cost of the strike at £2.3 million.\n"
    ),
    "harbour-fleet.md": (
        '---\ntitle: "Storm keeps trawlers in port"\noutlet: Fishing Weekly\nkind: news report\n'
        "date: 2025-01-20\n---\n"
        "Gales kept the harbour's trawlers tied up for eleven days this month.\n\n"
        "The four trawlers in the harbour fleet lost about £600,000 in catches during the storm.\n"
    ),
}


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        ("tens of thousands of pounds", True),
        ("millions of pounds", True),
        ("dozens", True),
        ("£840,000", False),
        ("Fewer than five percent", False),
        ("a million dollars", False),
    ],
)
def test_an_order_of_size_is_vague(figure: str, expected: bool) -> None:
    assert vague(figure) is expected


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "exact-figures", STORIES, calibrated=None)


@pytest.mark.parametrize(
    ("question", "right"),
    [
        ("What share of the museum's visitors came from abroad?", "Fewer than five percent"),
        ("How much did the trawlers in the harbour fleet lose?", "about £600,000"),  # a sum, not "four"
    ],
)
def test_the_figure_asked_for_answers(bot: Assistant, question: str, right: str) -> None:
    out = checked_answer(bot, question)
    assert out["answered"], out["text"]
    assert out["short_answer"] is not None and out["short_answer"]["text"] == right, out


@pytest.mark.parametrize(
    ("text", "figure", "phrase"),
    [
        ("The pumps were restarted at 06:10, 45 minutes after the alarm.", "45", "45 minutes"),
        ("Crews worked a 12-hour shift to clear the line.", "12", "12-hour"),
        ("Only 30% to 45% of the flooded homes were insured.", "30%", "30% to 45%"),
        ("Tickets rose from £40 to £55 this year.", "£40", "from £40 to £55"),
        ("The fund paid $2 million to 300 families.", "$2 million", "$2 million"),  # no range: another measure
        ("Turnout was 30% and 12 wards voted.", "30%", "30%"),
    ],
)
def test_a_short_answer_keeps_its_unit_and_range(text: str, figure: str, phrase: str) -> None:
    at = text.index(figure)
    a, b = with_range(text, with_unit(text, (at, at + len(figure))))
    assert text[a:b] == phrase
