""" "Who said ...?" about a later sentence of a transcript turn names the speaker of the turn,
whose label ("ANA KOVAC (Mayor): ...") sits on the turn's first sentence in capitals. Two
transcripts written for these tests: a council meeting and a radio interview."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant

TRANSCRIPTS = {
    "council-meeting.txt": (
        "Brackley council meeting on the flood defences\n\n"
        "Excerpt from the meeting of Brackley town council, 12 March 2025.\n\n"
        "ANA KOVAC (Mayor of Brackley): Thank you all for coming tonight. The new flood wall will be finished "
        "by October. I want to be clear that no homes will be demolished to build it.\n\n"
        "PETER LUND (Chair, Riverside Residents' Group): Residents are worried about the noise of the works.\n"
    ),
    "radio-interview.txt": (
        "Morning programme: the ferry strike\n\n"
        "The following exchange was broadcast on Harbour Radio on 2 June 2025.\n\n"
        "JOSEPH OKAFOR (General Secretary, Ferry Workers' Union): Good morning. Our members have not had a pay "
        "rise in four years. The strike will go ahead on Friday unless the company makes a new offer.\n\n"
        "SARA MILNE (presenter): Will passengers get their money back?\n"
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "turns", TRANSCRIPTS, calibrated=None)


@pytest.mark.parametrize(
    ("question", "speaker", "said"),
    [
        ("Who said that no homes will be demolished?", "ANA KOVAC", "no homes will be demolished"),
        ("Who said the strike will go ahead on Friday?", "JOSEPH OKAFOR", "The strike will go ahead"),
    ],
)
def test_who_said_names_the_speaker_of_the_transcript_turn(
    bot: Assistant, question: str, speaker: str, said: str
) -> None:
    out = checked_answer(bot, question)
    assert out["short_answer"] and out["short_answer"]["text"].startswith(speaker), out
    assert any(said in c["quote"] for c in out["citations"]), out["text"]


# Indirect speech opening "He said ...": the speaker is the one person the sentence before names.
REPORTS = {
    "library-opening.md": (
        '---\ntitle: "New library opens in Kelby"\noutlet: Kelby News\nkind: news report\ndate: 2025-04-02\n---\n'
        "Mayor Jo Hart opened the new Kelby library on Monday morning.\n\n"
        "She said the library would stay open until nine on Fridays.\n\n"
        "The building cost £4 million and holds 30,000 books.\n"
    ),
    "warehouse-fire.md": (
        '---\ntitle: "Warehouse fire in Dunford"\noutlet: Dunford Echo\nkind: news report\ndate: 2025-09-14\n---\n'
        "Fire crews fought a blaze at a Dunford warehouse for six hours on Saturday.\n\n"
        "Station manager Dan Moss spoke to reporters at the scene. He told them the fire had started in a loading bay.\n"
    ),
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "reports", REPORTS, calibrated=None)


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("Who said the library would stay open until nine on Fridays?", "Jo Hart"),
        ("Who said the fire had started in a loading bay?", "Dan Moss"),
    ],
)
def test_who_said_names_the_person_a_pronoun_speaker_stands_for(
    reports: Assistant, question: str, speaker: str
) -> None:
    out = checked_answer(reports, question)
    assert out["short_answer"] and speaker in out["short_answer"]["text"], out["text"]
    assert speaker in out["citations"][0]["quote"], out["text"]
