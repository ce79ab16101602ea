""" "What did X ask (Y)?" on a transcript: the questions X puts in their turns (a speaker label
"X: ..." and the turn after it), never declined because Y is not named in the same sentence.
Transcripts written for these tests: a council committee on rail fares and a flood inquiry."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.context import puts_same_question
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


@pytest.mark.parametrize(
    ("put", "asked", "same"),
    [
        ("OKAFOR: Will you freeze fares next year?", "Will Harbridge Rail freeze fares next year?", True),
        ("ADEYEMI: Why were the pumps not working?", "Why were the Mill Lane pumps not working?", True),
        ("Why were they not stopped?", "Why were the pumps not stopped?", True),
        ("ADEYEMI: Why were the pumps not working?", "Why were the pumps working?", False),
        ("OKAFOR: Why did fares rise in March?", "When did fares rise?", False),
        ("OKAFOR: Why did fares rise in March?", "Why did fares rise?", False),
    ],
)
def test_a_question_put_in_a_transcript_is_the_users_when_it_asks_the_same(put: str, asked: str, same: bool) -> None:
    assert puts_same_question(put, asked) is same


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("Why did fares rise again in March?", "DAN HALE (chief executive, Harbridge Rail): Energy costs doubled"),
        ("Were the pumps at Mill Lane working that night?", "QUINN: Two of the three"),
    ],
)
def test_a_reply_to_the_same_question_answers_it(bot: Assistant, question: str, reply: str) -> None:
    out = checked_answer(bot, question)
    assert out["answered"] and any(c["quote"].startswith(reply) for c in out["citations"]), out["text"]


REPLIES = {
    "school-fire-hearing.md": (
        '---\ntitle: "Education committee hearing on the Brookfield school fire (excerpt)"\noutlet: County Hall\n'
        "kind: transcript\ndate: 2025-10-02\n---\n"
        "Excerpt from the hearing of the county's fire officer before the education committee.\n\n"
        "ANA RUIZ (committee chair): Thank you for coming. Why was the fire not stopped sooner?\n\n"
        "JO PARK (chief fire officer): The sprinklers in the old wing had been switched off for repairs.\n"
    ),
    "school-fire-report.md": (
        '---\ntitle: "Brookfield school fire: classes move to the library"\noutlet: Vale Gazette\n'
        "kind: news report\ndate: 2025-09-29\n---\n"
        "Firefighters stopped the fire from reaching the new sports hall, the school said.\n\n"
        "Classes will be held in the town library until the old wing is rebuilt.\n"
    ),
    "ferry-hearing.md": (
        '---\ntitle: "Harbour board hearing on the Carrick Point grounding"\noutlet: Harbour Wire\n'
        "kind: transcript\ndate: 2025-03-20\n---\n"
        "Transcript of the harbour board's hearing on the grounding.\n\n"
        "TOM REYES (board chair): Why did the ferry not turn back when the storm warning came?\n\n"
        "MARA QUINN (ferry operator): The warning reached the bridge twenty minutes after we had left port.\n"
    ),
    "ferry-report.md": (
        '---\ntitle: "Ferry runs aground off Carrick Point"\noutlet: Harbour Wire\nkind: news report\n'
        "date: 2025-03-02\n---\n"
        "The ferry turned towards Carrick Point as the storm warning came over the radio, passengers said.\n\n"
        "Forty-two passengers were brought ashore by lifeboat crews.\n"
    ),
}


@pytest.fixture(scope="module")
def replies(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "replies", REPLIES, calibrated=None)


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("Why was the fire at Brookfield school not stopped sooner?", "JO PARK (chief fire officer): The sprinklers"),
        ("Why did the ferry not turn back when the storm warning came?", "MARA QUINN (ferry operator): The warning"),
    ],
)
def test_a_reply_in_a_transcript_answers_the_question_it_was_asked(
    replies: Assistant, question: str, reply: str
) -> None:
    out = checked_answer(replies, question)
    assert out["answered"] and out["citations"][0]["quote"].startswith(reply), out["text"]
