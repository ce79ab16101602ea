"""How-long questions: "How long was the tunnel shut?" asks for a length of time (a number
with a unit of time), never a count of something else in the same story; "10 to 12 days" is
one answer; two reports giving different lengths differ, and numbers naming things ("Platforms
2 and 4") are no length. Stories written for these tests: a rail tunnel shut by a flood, a
library closed for repairs, a glacier road blocked by a rockfall."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.evidence import duration_spans
from assistant.question import analyse, asked_kind

STORIES = {
    "tunnel-flood.md": (
        '---\ntitle: "Flood shuts rail tunnel"\noutlet: Valley Post\nkind: news report\n'
        "date: 2024-11-03\n---\n"
        "About 240 passengers were led out on foot when water poured into the Kessel rail tunnel on Saturday.\n\n"
        "The tunnel was shut for about nine hours while pumps cleared the water.\n\n"
        "Trains from Platforms 2 and 4 were sent the long way round through Arlen.\n"
    ),
    "tunnel-review.md": (
        '---\ntitle: "Tunnel pumps were too small, review finds"\noutlet: Rail Engineering Weekly\n'
        "kind: news report\ndate: 2025-02-14\n---\n"
        "An internal review said the Kessel rail tunnel had been shut for about 11 hours in November.\n\n"
        "Engineers said it would take 10 to 12 weeks to fit larger pumps.\n"
    ),
    "library-repairs.md": (
        '---\ntitle: "Town library to reopen"\noutlet: Northfield Gazette\nkind: news report\n'
        "date: 2025-05-20\n---\n"
        "Some 3,400 books were moved to a warehouse while the library was closed.\n\n"
        "The library has been closed for seven months while its roof was replaced.\n"
    ),
    "glacier-road.md": (
        '---\ntitle: "Rockfall blocks glacier road"\noutlet: Alpine Courier\nkind: news report\n'
        "date: 2025-07-08\n---\n"
        "Twelve walkers were flown out by helicopter while the glacier road was blocked.\n\n"
        "The glacier road stayed blocked for three days until crews had blasted the largest boulders.\n"
    ),
}


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How long was the tunnel shut?", "duration"),
        ("How long did the strike by the ferry crews last?", "duration"),
        ("How long would it take to fit larger pumps?", "duration"),
        ("How many weeks was the library closed?", "duration"),
        ("Do the reports agree on how long the road was blocked?", "duration"),  # asked as its topic
        ("How long is the new bridge?", "amount"),  # a distance, maybe
        ("How many walkers were flown out?", "amount"),
        ("Who said how long the repairs would take?", "person"),
    ],
)
def test_a_how_long_question_asks_for_a_length_of_time(question: str, kind: str) -> None:
    assert analyse(question).asks_for == kind
    if "agree" not in question:
        assert asked_kind(question) == kind


@pytest.mark.parametrize(
    ("text", "lengths"),
    [
        ("The tunnel was shut for about nine hours while pumps cleared the water.", ["about nine hours"]),
        ("Engineers said it would take 10 to 12 weeks to fit larger pumps.", ["10 to 12 weeks"]),
        ("The glacier road stayed blocked for three days.", ["three days"]),
        ("The mayor, who is 58 years old, opened it ten years ago.", []),  # an age, a past moment
        ("The pumps started 40 minutes after the alarm.", ["40 minutes"]),  # the time between
        ("Trains from Platforms 2 and 4 were sent round through Arlen.", []),
        ("Talks went on for a week and a strike for two and a half months.", ["a week", "two and a half months"]),
    ],
)
def test_lengths_of_time_in_a_sentence(text: str, lengths: list[str]) -> None:
    assert [text[a:b] for a, b in duration_spans(text)] == lengths


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "durations", STORIES, calibrated=None)


@pytest.mark.parametrize(
    ("question", "right"),
    [
        ("How long was the library closed?", "seven months"),  # not the 3,400 books
        ("How long did the glacier road stay blocked?", "three days"),  # not the twelve walkers
        ("How long would it take to fit larger pumps in the tunnel?", "10 to 12 weeks"),  # the whole range
    ],
)
def test_a_how_long_question_is_answered_with_a_length_of_time(bot: Assistant, question: str, right: str) -> None:
    out = checked_answer(bot, question)
    assert out["answered"], out["text"]
    assert out["short_answer"] is not None and out["short_answer"]["text"] == right, out["text"]


@pytest.mark.parametrize(
    "question",
    ["Do the reports agree on how long the Kessel tunnel was shut?", "How long was the tunnel closed?"],
)
def test_reports_giving_different_lengths_differ(bot: Assistant, question: str) -> None:
    out = checked_answer(bot, question)
    assert out["text"].startswith("Sources differ:"), out["text"]
    assert "about nine hours" in out["text"] and "about 11 hours" in out["text"]
    assert "Platforms 2 and 4" not in out["text"]  # numbers that name platforms measure nothing
