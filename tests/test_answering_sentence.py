"""The sentence that answers comes first, not a close one that cannot: a sentence set before
an event gives way to one for a question about after it (and the other way round), and a
statement without the subject a yes/no question asks about to one naming it. Two stories
written for these tests: a town flood, and a lighthouse keeper during a shipwreck."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.context import opposite_time

FLOOD = {
    "flood-report.md": (
        '---\ntitle: "River bursts its banks in Marlow Vale"\noutlet: Vale Times\nkind: news report\n'
        "date: 2025-11-03\n---\n"
        "The River Lune burst its banks in Marlow Vale on Sunday, flooding 120 homes.\n\n"
        "Before the flood the town council had cleared the drains only once a year.\n\n"
        "The town council opened a rest centre in the school hall for families who left their homes.\n"
    ),
    "flood-meeting.md": (
        '---\ntitle: "Council meeting on the flood"\noutlet: Vale Radio\nkind: transcript\n'
        "date: 2025-11-05\n---\n"
        "MAYOR: The water has gone down and the clean-up has begun.\n"
        "REPORTER: Will the swimming pool reopen this year?\n"
        "MAYOR: The pool stays shut until April, because its pumps were under water.\n"
    ),
}

LIGHTHOUSE = {
    "wreck-report.md": (
        '---\ntitle: "Trawler wrecked off Skerrow"\noutlet: Harbour Herald\nkind: news report\n'
        "date: 2025-02-14\n---\n"
        "The trawler Brightwell ran onto rocks off Skerrow in thick fog on Thursday night.\n\n"
        "The Skerrow keeper rang the fog bell for an hour before the wreck.\n\n"
        "After the wreck the coastguard towed the trawler to Penmor.\n"
    ),
    "wreck-notes.md": (
        '---\ntitle: "How a fog bell works"\noutlet: Coast Notes\nkind: explainer\ndate: 2025-02-15\n---\n'
        "A fog bell can be rung by hand from the lamp room, but in a gale its sound carries only a mile.\n\n"
        "Before the wreck the Skerrow light had not failed in forty years.\n"
    ),
}


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("What did the council do after the flood?", "Before the flood the council cleared the drains.", True),
        ("What happened after the wreck?", "Before the wreck the light had not failed in years.", True),
        ("What did the keeper do before the wreck?", "After the wreck the coastguard towed the trawler.", True),
        ("What did the council do after the flood?", "After the flood the council opened a rest centre.", False),
        ("What did the council do after the flood?", "Before the vote the council met twice.", False),
        ("Who rang the bell?", "Before the wreck the keeper rang the bell.", False),
    ],
)
def test_a_sentence_set_on_the_other_side_of_an_event(question: str, text: str, expected: bool) -> None:
    assert opposite_time(question, text) is expected


@pytest.fixture(scope="module")
def flood(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "flood", FLOOD, calibrated=None)


@pytest.fixture(scope="module")
def lighthouse(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "lighthouse", LIGHTHOUSE, calibrated=None)


@pytest.mark.parametrize(
    ("story", "question", "cited", "not_first"),
    [
        ("flood", "What did the town council do after the flood?", "opened a rest centre", "Before the flood"),
        ("lighthouse", "What happened to the light after the wreck?", "coastguard towed", "Before the wreck"),
        ("lighthouse", "Did the keeper ring the fog bell?", "The Skerrow keeper rang the fog bell", "A fog bell can"),
    ],
)
def test_the_sentence_that_answers_is_cited(
    request: pytest.FixtureRequest, story: str, question: str, cited: str, not_first: str
) -> None:
    out = checked_answer(request.getfixturevalue(story), question)
    assert out["answered"], out["text"]
    quotes = [c["quote"] for c in out["citations"]]
    assert cited in quotes[0], out["text"]
    assert not quotes[0].startswith(not_first), out["text"]
