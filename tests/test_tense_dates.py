""" "When did X open?" asks about the past: a sentence whose every date stands in a clause
about the future ("The new bridge will open in late 2030") does not answer it, however well it
matches the question's words; "When will X open?" it does. Stories written for these tests: a
river bridge being replaced, a library moving to a new building. When the best sentence gives
no date of the event and another is found, that one must date it in a clause saying the asked
verb (or a near word): "When did the gallery reopen?" is not answered by the day of the flood
that closed it."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.direct import future_only


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("When did the bridge open?", "The new Ashford bridge will open in late 2030.", True),
        ("When did the bridge open?", "The replacement bridge is due to open in 2031.", True),
        ("When was the library built?", "A new library is expected to be finished in 2027.", True),
        ("When did the bridge open?", "The old bridge opened in 1977; its successor will open in 2030.", False),
        ("When will the bridge open?", "The new Ashford bridge will open in late 2030.", False),
        ("When did the library close?", "The library closed in March.", False),
    ],
)
def test_a_past_question_is_not_answered_by_the_future(question: str, text: str, expected: bool) -> None:
    assert future_only(question, text) is expected


STORIES = {
    "gallery-notice.md": (
        '---\ntitle: "Gallery notice"\noutlet: Fenwick Gallery\nkind: press release\ndate: 2025-02-10\n---\n'
        "The Fenwick Gallery will remain closed to visitors today while the damage is assessed.\n\n"
        "The Fenwick Gallery shut its doors to visitors on Sunday 9 February after a burst pipe flooded it.\n"
    ),
    "bridge-post.md": (
        '---\ntitle: "New Ashford bridge delayed"\noutlet: Ashford Post\nkind: news report\ndate: 2025-06-03\n---\n'
        "The new Ashford river bridge will open to traffic in late 2030, two years later than planned.\n\n"
        "Engineers blamed soft ground on the north bank.\n"
    ),
    "bridge-history.md": (
        '---\ntitle: "The old Ashford bridge"\noutlet: Ashford Heritage\nkind: explainer\ndate: 2025-06-10\n---\n'
        "The old Ashford river bridge first carried traffic in 1977.\n\n"
        "It was closed in 2024 after cracks were found in its piers.\n"
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "tense", STORIES, calibrated=None)


def test_when_did_it_open_is_not_answered_by_when_it_will(bot: Assistant) -> None:
    out = checked_answer(bot, "When did the Ashford river bridge open to traffic?")
    short = out["short_answer"]["text"] if out["short_answer"] else ""
    assert "2030" not in short, out["text"]
    assert short == "1977", out["text"]  # the old bridge's opening, not a decline


def test_when_will_it_open_is_answered_by_the_future(bot: Assistant) -> None:
    out = checked_answer(bot, "When will the new Ashford river bridge open to traffic?")
    assert out["short_answer"] and "2030" in out["short_answer"]["text"], out["text"]


def test_a_date_of_another_event_does_not_say_when_it_reopened(bot: Assistant) -> None:
    out = checked_answer(bot, "When did the Fenwick Gallery reopen?")
    short = out["short_answer"]["text"] if out["short_answer"] else ""
    assert "9 February" not in short and short != "today", out["text"]
