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
