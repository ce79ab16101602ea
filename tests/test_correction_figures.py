"""A briefing's Figures list a correction's right value instead of the wrong one it takes
back (``Briefer._corrected_figures``), and the correction stays tied to the statement it
takes back: the day the corrected report came out is no content a claim shares with it,
and "What does the correction say?" gives the sentence with the right value. Two stories written for
these tests: a ferry's rescued passengers and a marathon's finishers, each miscounted in a
report that also dates something to the day it came out."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.briefing import FIGURES
from assistant.records import Sentence
from assistant.sources import superseded

FERRY = {
    "ferry-report.txt": (
        "The ferry Kestrel ran onto a sandbank near Orran harbour on Sunday.\n\n"
        "Lifeboat crews from Orran and Kells said 312 passengers, many of them schoolchildren on a day trip, "
        "were brought ashore.\n\n"
        "The harbour master said the port would stay shut until noon on 14 April.\n\n"
        "Divers will inspect the hull of the Kestrel later this week.\n"
    ),
    "ferry-report.meta.toml": (
        'title = "Ferry stuck on sandbank off Orran"\noutlet = "Isle Gazette"\nkind = "news report"\n'
        'date = "2025-04-14"\n'
    ),
    "ferry-correction.txt": (
        'An Isle Gazette report published on 14 April, "Ferry stuck on sandbank off Orran", said that 312 '
        "passengers were brought ashore.\n\n"
        "That figure was wrong.\n\n"
        "The coastguard said 213 passengers were brought ashore from the Kestrel.\n\n"
        "The Isle Gazette apologises for the error.\n"
    ),
    "ferry-correction.meta.toml": (
        'title = "Correction: passengers rescued from the Kestrel"\noutlet = "Isle Gazette"\n'
        'kind = "correction"\ndate = "2025-04-16"\n'
    ),
}

MARATHON = {
    "marathon-report.md": (
        '---\ntitle: "Record field at the Riverside marathon"\noutlet: Riverside Echo\nkind: news report\n'
        "date: 2025-10-05\n---\n"
        "About 9,400 runners finished the Riverside marathon on Sunday, a record for the race.\n\n"
        "Organisers said the embankment would reopen to traffic at 18:00 on 5 October.\n\n"
        "The winner crossed the line in two hours and eleven minutes.\n"
    ),
    "marathon-correction.md": (
        '---\ntitle: "Correction: marathon finishers"\noutlet: Riverside Echo\nkind: correction\n'
        "date: 2025-10-07\n---\n"
        "Our report of 5 October said that about 9,400 runners finished the Riverside marathon.\n\n"
        "That number was wrong.\n\n"
        "The organisers said about 7,900 runners finished the marathon.\n\n"
        "The Riverside Echo regrets the error.\n"
    ),
}


def _s(doc_id: str, text: str, ordinal: int = 0) -> Sentence:
    return Sentence(f"{doc_id}#s{ordinal}", doc_id, ordinal, 0, len(text), text)


@pytest.mark.parametrize(
    ("sentence", "account", "expected"),
    [
        (  # shares only the day the corrected report came out
            "The harbour master said the port would stay shut until noon on 14 April.",
            'An Isle Gazette report published on 14 April, "Ferry stuck on sandbank off Orran", said that 312 '
            "passengers were taken off by lifeboat.",
            False,
        ),
        (
            "The ferry ran onto a sandbank, and 312 passengers were taken off by lifeboat.",
            'An Isle Gazette report published on 14 April, "Ferry stuck on sandbank off Orran", said that 312 '
            "passengers were taken off by lifeboat.",
            True,
        ),
        (
            "Organisers said the embankment would reopen to traffic at 18:00 on 5 October.",
            "Our report of 5 October said that about 9,400 runners finished the Riverside marathon.",
            False,
        ),
        (
            "About 9,400 runners finished the Riverside marathon on Sunday.",
            "Our report of 5 October said that about 9,400 runners finished the Riverside marathon.",
            True,
        ),
    ],
)
def test_superseded_ignores_the_publication_day(sentence: str, account: str, expected: bool) -> None:
    assert superseded(_s("report", sentence), _s("correction", account)) is expected


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "ferry", FERRY)


@pytest.fixture(scope="module")
def marathon(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "marathon", MARATHON)


@pytest.mark.parametrize(
    ("story", "question", "right"),
    [
        ("ferry", "Until when would the port stay shut?", "noon on 14 April"),
        ("marathon", "When would the embankment reopen to traffic?", "18:00"),
    ],
)
def test_a_statement_dated_on_the_publication_day_carries_no_correction(
    request: pytest.FixtureRequest, story: str, question: str, right: str
) -> None:
    out = checked_answer(request.getfixturevalue(story), question)
    assert out["answered"], out
    assert right in out["citations"][0]["quote"], out["text"]
    assert all("correction" not in c["doc_id"] for c in out["citations"]), out["text"]


@pytest.mark.parametrize(("story", "right"), [("ferry", "213 passengers"), ("marathon", "about 7,900 runners")])
def test_what_the_correction_says_gives_the_right_value(request: pytest.FixtureRequest, story: str, right: str) -> None:
    out = checked_answer(request.getfixturevalue(story), "What does the correction say?")
    assert out["answered"], out
    assert right in out["text"], out["text"]


@pytest.mark.parametrize(("story", "right", "wrong"), [("ferry", "213", "312"), ("marathon", "7,900", "9,400")])
def test_briefing_figures_list_the_corrected_value(
    request: pytest.FixtureRequest, story: str, right: str, wrong: str
) -> None:
    figures = request.getfixturevalue(story).brief().section(FIGURES)
    assert figures is not None
    listed = [c.quote for item in figures.items for c in item.citations]
    assert any(right in quote for quote in listed), listed
    assert not any(wrong in quote for quote in listed), listed
