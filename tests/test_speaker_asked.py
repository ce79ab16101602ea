""" "What did X say in response to Y?" asks for X's statement, not Y's quotation: the speaker
asked is the name before the verb of speech, and a sentence in which X states, rejects or
replies ("X rejected the claim ...") answers when no quotation of X does. Stories written
for these tests: a bin workers' pay dispute, a football stadium's opening date."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.calibrated import asked_speakers, states_as


@pytest.mark.parametrize(
    ("question", "names", "asked"),
    [
        ("What did Unite say in response to Mayor Hale?", ("Unite", "Hale"), ("Unite",)),
        ("What did the Northern League tell Ian Moss?", ("Northern League", "Ian Moss"), ("Northern League",)),
        ("What did Ian Moss say about the Northern League?", ("Ian Moss", "Northern League"), ("Ian Moss",)),
        ("What was said about Ian Moss?", ("Ian Moss",), ("Ian Moss",)),
    ],
)
def test_the_speaker_asked_is_named_before_the_verb(
    question: str, names: tuple[str, ...], asked: tuple[str, ...]
) -> None:
    assert asked_speakers(question, names) == asked


@pytest.mark.parametrize(
    ("name", "sentence", "states"),
    [
        ("Unite", "Unite rejected the mayor's claim that the council had no more money.", True),
        ("Ian Moss", "Kelby Rovers chairman Ian Moss said the stand would open in August.", True),
        ("Northern League", "The Northern League replied that safety checks would take until October.", True),
        ("Unite", "The offer made to Unite was rejected by its members.", False),
        ("Ian Moss", "Fans cheered when the stand that Ian Moss had promised finally opened, the club said.", False),
    ],
)
def test_a_statement_its_subject_makes(name: str, sentence: str, states: bool) -> None:
    assert states_as(name, sentence) is states


STORIES = {
    "pay-dispute.md": (
        '---\ntitle: "Bin crews to strike over pay"\noutlet: Harlow Star\nkind: news report\ndate: 2025-03-03\n---\n'
        "Mayor Ruth Hale said the council could not afford a bigger pay rise for bin crews.\n\n"
        '"We have offered what we can," Hale said at the town hall.\n\n'
        "The Refuse Workers' Union rejected the mayor's claim that the council had run out of money.\n\n"
        "Strikes are planned for next week.\n"
    ),
    "stadium.md": (
        '---\ntitle: "New stand opening in doubt"\noutlet: Kelby Sport\nkind: news report\ndate: 2025-06-11\n---\n'
        "Kelby Rovers chairman Ian Moss said the new north stand would open in August.\n\n"
        '"The builders are ahead of schedule," Moss said.\n\n'
        "The Northern League rejected the chairman's timetable, saying safety checks would take until October.\n\n"
        "Tickets for the stand go on sale on Monday.\n"
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "speaker-asked", STORIES, calibrated=None)


@pytest.mark.parametrize(
    ("question", "statement"),
    [
        ("What did the Refuse Workers' Union say in response to Mayor Hale?", "The Refuse Workers' Union rejected"),
        ("What did the Northern League say in response to Ian Moss?", "The Northern League rejected"),
    ],
)
def test_a_response_is_answered_by_the_responder(bot: Assistant, question: str, statement: str) -> None:
    out = checked_answer(bot, question)
    assert out["answered"] and out["citations"][0]["quote"].startswith(statement), out["text"]
