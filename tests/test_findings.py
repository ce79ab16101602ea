""" "What did the inquiry conclude?" is answered by what it found ("It found that ..."), not by
who ordered it; a list of findings is found past another list (its items count as one
passage). Stories written for these tests: a rail crash inquiry, a school inspection."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.findings import asks_finding, states_finding


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("What did the inquiry conclude?", True),
        ("What did the inspectors find?", True),
        ("What has the tribunal ruled?", True),
        ("What else did the review find?", True),
        ("Who led the inquiry?", False),
        ("What did the inspectors recommend?", False),
        ("Did the inquiry find any fault?", False),
    ],
)
def test_a_question_asking_what_was_concluded(question: str, asks: bool) -> None:
    assert asks_finding(question) is asks


@pytest.mark.parametrize(
    ("sentence", "states"),
    [
        ("It found that the driver had not been told of the speed limit.", True),
        ("The tribunal ruled that the dismissal was unfair.", True),
        ("The inspectors concluded that teaching had improved.", True),
        ("The report's main findings are:", True),
        ("The inquiry was set up by the transport minister and chaired by a retired judge.", False),
        ("Inspectors found a broken fence behind the gym.", False),
        ("The school will be inspected again next year.", False),
    ],
)
def test_a_sentence_stating_a_finding(sentence: str, states: bool) -> None:
    assert states_finding(sentence) is states


STORIES = {
    "rail-inquiry.txt": (
        "Notes on the Marsh Lane rail crash inquiry\n\n"
        "The inquiry was set up by the transport minister and chaired by Dana Holt, a retired judge.\n\n"
        "It sat for 40 days and heard from 62 witnesses.\n\n"
        "It found that the driver had not been told of the temporary speed limit on the bend.\n\n"
        "The rail company said it would study the report.\n"
    ),
    "school-inspection.md": (
        '---\ntitle: "Inspection of Brookfield Academy"\npublisher: Schools Inspectorate\nkind: report\n'
        "date: 2025-05-20\n---\n"
        "The inspectors recommend that:\n\n"
        "- the school publish its behaviour policy;\n"
        "- governors check attendance figures each term;\n"
        "- pupils get more time for reading.\n\n"
        "The inspection took place over two days in May.\n\n"
        "The main findings are:\n\n"
        "- Teaching in mathematics has improved since the last visit.\n"
        "- Attendance is below the national average.\n"
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "findings", STORIES, calibrated=None)


@pytest.mark.parametrize(
    ("question", "finding"),
    [
        ("What did the Marsh Lane inquiry conclude?", "It found that the driver"),
        ("What did the Brookfield inspection find?", "The main findings are:"),
    ],
)
def test_what_was_concluded_is_answered_by_the_finding(bot: Assistant, question: str, finding: str) -> None:
    out = checked_answer(bot, question)
    assert out["answered"] and out["citations"][0]["quote"].startswith(finding), out["text"]
