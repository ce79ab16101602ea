""" "How deep is X?" is answered by the measure the adjective qualifies: "50 feet deep", not
"700 feet wide", of "a channel 700 feet wide and 50 feet deep"; "How long was the bridge?" by a
measure with a unit ("1.6 miles"), never by a count ("30,000 vehicles a day"), nor by two
reports' counts as "Sources differ". Stories written for these tests: a shipping channel, a
flood wall, a bridge struck by a ship."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.direct import asked_dimension, asks_measure, bound_to, gives_measure


@pytest.mark.parametrize(
    ("text", "number", "adjective", "bound"),
    [
        ("The channel is 700 feet wide and 50 feet deep.", "50", "deep", True),
        ("The channel is 700 feet wide and 50 feet deep.", "700", "deep", False),
        ("The new flood wall, 4 metres high, runs for 2 kilometres.", "4", "high", True),
        ("The new flood wall, 4 metres high, runs for 2 kilometres.", "2", "high", False),
        ("The tunnel is 9-mile long and 30 feet wide.", "9", "long", True),
    ],
)
def test_a_measure_is_bound_to_the_adjective_after_it(text: str, number: str, adjective: str, bound: bool) -> None:
    at = text.index(number)
    assert bound_to(text, (at, at + len(number)), adjective) is bound


@pytest.mark.parametrize(
    ("question", "adjective"),
    [("How deep is the channel?", "deep"), ("How high will the wall be?", "high"), ("How many walls?", None)],
)
def test_the_adjective_a_question_asks_by(question: str, adjective: str | None) -> None:
    assert asked_dimension(question) == adjective


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("How long was the bridge?", True),
        ("How fast was the ferry going?", True),
        ("How big was the crowd?", False),
        ("How high was inflation last year?", False),
    ],
)
def test_a_question_asks_for_a_measure_with_a_unit(question: str, measure: bool) -> None:
    assert asks_measure(question) is measure


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The Dalton bridge was 1.6 miles long.", True),
        ("The two faults came about one and a half seconds apart.", True),
        ("The bridge carried about 30,000 vehicles a day.", False),
        ("Tickets cost £5 a week for pupils.", False),
        ("Repairs to the flood wall took a week.", True),
    ],
)
def test_a_measure_has_a_unit_or_is_a_length_of_time_not_a_rate(text: str, measure: bool) -> None:
    assert gives_measure(text) is measure


STORIES = {
    "bridge-times.md": (
        '---\ntitle: "Ship hits Dalton bridge"\noutlet: River Times\nkind: news report\ndate: 2025-03-27\n---\n'
        "The long Dalton bridge carried about 30,000 vehicles a day before a cargo ship struck one of its piers.\n\n"
        "Divers searched the river through the night.\n"
    ),
    "bridge-weekly.md": (
        '---\ntitle: "The Dalton bridge in numbers"\noutlet: Transport Weekly\nkind: explainer\ndate: 2025-03-28\n---\n'
        "The Dalton bridge was 1.6 miles long and carried some 34,000 vehicles a day before it fell.\n\n"
        "It was opened to traffic in 1977.\n"
    ),
    "port-news.md": (
        '---\ntitle: "Port dredging finished"\noutlet: Harbour News\nkind: news report\ndate: 2025-04-02\n---\n'
        "The dredged Kelby shipping channel is 700 feet wide and 50 feet deep.\n\n"
        "Larger container ships can now reach the upper docks.\n"
    ),
    "wall-gazette.md": (
        '---\ntitle: "Flood wall for Lowton"\noutlet: Lowton Gazette\nkind: news report\ndate: 2025-05-14\n---\n'
        "The Lowton flood wall will be 900 metres long and 4 metres high when it is finished.\n\n"
        "Work starts after the summer.\n"
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "dimensions", STORIES, calibrated=None)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("How deep is the Kelby shipping channel?", "50 feet"),
        ("How high will the Lowton flood wall be?", "4 metres"),
        ("How long was the Dalton bridge that the ship hit?", "1.6 miles"),
    ],
)
def test_how_adjective_is_answered_by_its_own_measure(bot: Assistant, question: str, answer: str) -> None:
    out = checked_answer(bot, question)
    assert out["short_answer"] and out["short_answer"]["text"] == answer, out["text"]
