""" "What did X say in response to Y?" asks for X's statement, not Y's quotation: the speaker
asked is the name before the verb of speech, and a sentence in which X states, rejects or
replies ("X rejected the claim ...") answers when no quotation of X does. Stories written
for these tests: a bin workers' pay dispute, a football stadium's opening date."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.calibrated import asked_speakers, asks_what_said, states_as
from assistant.question import analyse, own_possessive


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


# A report of what someone said, then their own words in a quotation: "What did X say?" gets both.
REPORTED = {
    "harbour.md": (
        '---\ntitle: "New quay for Kelby port"\noutlet: Harbour Gazette\nkind: news report\ndate: 2025-04-01\n---\n'
        "Port director Lena Varga told the Harbour Gazette that the new quay would take larger ferries from May.\n\n"
        '"We have waited ten years for this," she said, adding that fares would not rise.\n\n'
        "The quay cost £40 million.\n"
    ),
    "museum.md": (
        '---\ntitle: "Museum roof repaired"\noutlet: City Post\nkind: news report\ndate: 2025-08-19\n---\n'
        "Amir Shah, the museum's director, told a radio station that the roof repairs were finished.\n\n"
        '"The galleries will reopen on Saturday with two new rooms," he said.\n\n'
        "Entry will stay free.\n"
    ),
}


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "reported", REPORTED, calibrated=None)


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("What did Lena Varga say?", "We have waited ten years for this"),
        ("What did Amir Shah say?", "The galleries will reopen on Saturday"),
    ],
)
def test_what_someone_said_brings_their_quotation_after_the_report(
    reported: Assistant, question: str, words: str
) -> None:
    out = checked_answer(reported, question)
    assert any(words in c["quote"] for c in out["citations"]), out["text"]


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("What did Lena Varga say?", True),
        ("What did Amir Shah tell the radio station?", True),
        ("What did the union say about the offer?", True),
        ("What did Lena Varga say the quay would take?", False),
        ("What did Amir Shah tell reporters the roof had cost?", False),
        ("Who said the galleries would reopen?", False),
    ],
)
def test_a_question_asking_for_all_someone_said(question: str, asks: bool) -> None:
    assert asks_what_said(question) is asks


@pytest.mark.parametrize(
    ("question", "own"),
    [
        ("What did the Northern League say about its safety checks?", True),
        ("What did Unite tell members about their pay offer?", True),
        ("What did she say about its cost?", False),
        ("Did Starmer meet its prime minister?", False),
        ("What did the mayor say about its budget?", False),
    ],
)
def test_its_after_a_named_speaker_is_the_speakers_own(question: str, own: bool) -> None:
    assert own_possessive(question) is own


@pytest.mark.parametrize(
    ("previous", "answer", "follow_up", "kept_out"),
    [
        (
            "What did Ian Moss say?",
            "Kelby Rovers chairman Ian Moss said the new north stand would open in August.",
            "What did the Northern League say about its safety checks?",
            "Moss",
        ),
        (
            "What did Mayor Ruth Hale say?",
            "Mayor Ruth Hale said the council could not afford a bigger pay rise for bin crews.",
            "What did Unite tell members about their pay offer?",
            "Hale",
        ),
    ],
)
def test_a_follow_up_about_the_speakers_own_thing_is_not_rewritten(
    previous: str, answer: str, follow_up: str, kept_out: str
) -> None:
    question = analyse(follow_up, [(previous, answer)], rewrite=True)
    assert kept_out not in (question.standalone or follow_up)
