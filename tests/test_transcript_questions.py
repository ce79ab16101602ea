""" "What did X ask (Y)?" on a transcript: the questions X puts in their turns (a speaker label
"X: ..." and the turn after it), never declined because Y is not named in the same sentence.
Transcripts written for these tests: a council committee on rail fares and a flood inquiry."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.question import asker_asked

TRANSCRIPTS = {
    "fares-hearing.md": (
        '---\ntitle: "Transport committee hearing on rail fares (excerpt)"\noutlet: City Assembly\n'
        "kind: transcript\ndate: 2025-05-04\n---\n"
        "Excerpt from the hearing of Harbridge Rail's chief executive before the transport committee.\n\n"
        "RUTH OKAFOR (committee chair): Fares rose twice last year. Why did they rise again in March?\n\n"
        "DAN HALE (chief executive, Harbridge Rail): Energy costs doubled and we had to cover them.\n\n"
        "OKAFOR: Will you freeze fares next year?\n\n"
        "HALE: We cannot promise that today.\n"
    ),
    "flood-inquiry.md": (
        '---\ntitle: "Flood inquiry, public hearing, day two"\noutlet: Lowfield Weekly\nkind: transcript\n'
        "date: 2025-03-12\n---\n"
        "Transcript of the second day of the flood inquiry in Lowfield.\n\n"
        "OLU ADEYEMI (panel chair): Ms Quinn, when did the council first see the river rising?\n\n"
        "MARA QUINN (county engineer): On the Friday evening. The river rose faster than any model we had.\n\n"
        "ADEYEMI: Were the pumps at Mill Lane working that night?\n\n"
        "QUINN: Two of the three were not.\n"
    ),
}


@pytest.mark.parametrize(
    ("question", "asker"),
    [
        ("What did Ruth Okafor ask Dan Hale?", "Ruth Okafor"),
        ("What questions did Adeyemi ask?", "Adeyemi"),
        ("What did Okafor say?", None),
        ("Who asked about the pumps?", None),
    ],
)
def test_the_asker_is_the_name_before_ask(question: str, asker: str | None) -> None:
    assert asker_asked(question) == asker


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "transcripts", TRANSCRIPTS, calibrated=None)


@pytest.mark.parametrize(
    ("question", "asked", "not_asked"),
    [
        (
            "What did Okafor ask Hale?",
            ["Why did they rise again in March?", "Will you freeze fares next year?"],
            "We cannot promise",
        ),
        (
            "What did Olu Adeyemi ask Mara Quinn?",
            ["when did the council first see the river rising?", "Were the pumps at Mill Lane working that night?"],
            "Two of the three",
        ),
    ],
)
def test_what_did_x_ask_brings_the_questions_of_their_turns(
    bot: Assistant, question: str, asked: list[str], not_asked: str
) -> None:
    out = checked_answer(bot, question)
    assert out["answered"], out["text"]
    for words in asked:
        assert any(words in c["quote"] for c in out["citations"]), out["text"]
    assert not_asked not in out["text"]
