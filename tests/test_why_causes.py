"""A why-question is answered by a sentence that gives a cause of what it asks, or says the
cause is not known yet, never by a sentence that only shares its words ("Before the
collapse ...") or gives what it asks about as the cause of something else ("... after the
sensors failed"). Two stories written for these tests: a crane that fell onto a stadium
stand, and a train that lost power in a tunnel."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.reasons import cause_and_effect, cause_match

CRANE = {
    "crane-report.md": (
        '---\ntitle: "Crane falls onto Belgrove stadium"\noutlet: Belgrove Echo\nkind: news report\n'
        "date: 2025-04-06\n---\n"
        "A tower crane toppled in strong gusts on Saturday and struck the roof of the Belgrove stadium, "
        "bringing down half of the east stand.\n\n"
        "Before the collapse of the stand, the stadium staged more concerts than any other venue in the county.\n\n"
        "Nobody was hurt, the fire service said.\n\n"
        "It was the only crane in the town to come down in the storm.\n\n"
        "Fans could not go home for an hour.\n\n"
        "Fans at the harbour end were not hurt, because the roof there held.\n"
    ),
    "crane-council.md": (
        '---\ntitle: "Council statement on the Belgrove crane"\noutlet: Belgrove Council\nkind: press release\n'
        "date: 2025-04-07\n---\n"
        "The council closed the roads around the stadium on Saturday afternoon.\n\n"
        "The crane's operator left the cab minutes after the wind sensors failed.\n\n"
        "When the wind sensors fail, the crane cannot turn with the wind, so it takes the gusts side on.\n\n"
        "Inspectors do not yet know what caused the sensors to fail.\n"
    ),
}

TRAIN = {
    "train-report.md": (
        '---\ntitle: "Commuters stuck in Hallam tunnel"\noutlet: County Courier\nkind: news report\n'
        "date: 2025-10-14\n---\n"
        "A commuter train lost power in the Hallam tunnel on Monday evening, leaving about 300 passengers "
        "stuck for four hours.\n\n"
        "Before the breakdown the line carried more commuters than any other route in the county.\n\n"
        "The lights in the carriages went out soon after the train lost power.\n\n"
        "Firefighters walked the stuck passengers out along the track.\n\n"
        "Commuters in the tunnel could not phone home for most of the evening.\n\n"
        "Commuters on the coast line were not affected, because those trains draw power from another supply.\n"
    ),
    "train-operator.md": (
        '---\ntitle: "Statement from Northvale Rail"\noutlet: Northvale Rail\nkind: press release\n'
        "date: 2025-10-15\n---\n"
        "Northvale Rail apologises to everyone caught up in Monday's delays.\n\n"
        "A train that loses power in a tunnel has to be towed out by a diesel engine.\n\n"
        "Northvale engineers cannot yet tell what caused the power failure.\n"
    ),
}


@pytest.mark.parametrize(
    ("text", "cause", "effect"),
    [
        ("The match was off because the pitch froze.", "the pitch froze.", "The match was off "),
        ("Because the pitch froze, the match was off.", "Because the pitch froze", " the match was off."),
        ("The roads were shut after the crane fell.", "the crane fell.", "The roads were shut "),
        ("Gusts toppled the crane, bringing down the stand.", "Gusts toppled the crane", "bringing down the stand."),
        ("A fault in the wires caused the power failure.", "A fault in the wires", "the power failure."),
        ("Nobody knows why the lights went out.", "Nobody knows", "the lights went out."),
        (
            "Engineers are trying to establish why the dam gave way.",
            "Engineers are trying to establish",
            "the dam gave way.",
        ),
        ("The pumps failed, so the tunnel flooded.", "The pumps failed", "the tunnel flooded."),
        # "why" not after a verb of knowing or finding out names no unknown cause
        ("The mayor said why the pier shut was a matter for its owners.", None, None),
        ("The sale reopened the row over why the museum closed.", None, None),
        ("The lights went out soon after midnight.", None, None),
        # "after" an event's name tells when, not why
        ("The mayor spoke after the fire at the mill.", None, None),
        ("Ticket sales rose after the final in Leeds.", None, None),
        ("The line shut after losing power.", "losing power.", "The line shut "),
        ("Nurses had to look after patients who were stranded.", None, None),
        ("Firefighters walked the passengers out.", None, None),
        # "the cause of E was C" names the cause after its effect
        ("Inspectors said the cause of the crash was a worn brake.", "a worn brake.", "the crash"),
        ("The root cause of the flooding was a blocked culvert.", "a blocked culvert.", "the flooding"),
    ],
)
def test_the_cause_and_the_effect_of_a_sentence(text: str, cause: str | None, effect: str | None) -> None:
    found = cause_and_effect(text)
    assert (found.cause, found.effect) == (cause, effect) if found else (cause, effect) == (None, None)


@pytest.mark.parametrize(
    ("question", "sentence", "gives"),
    [
        # a result clause about what the cause acted on
        ("Why did the stand collapse?", CRANE["crane-report.md"].split("\n\n")[0].split("---\n")[-1], True),
        # the cause said to be unknown
        ("Why did the sensors fail?", "Inspectors do not yet know what caused the sensors to fail.", True),
        ("Why did the train lose power?", "Northvale engineers cannot yet tell what caused the power failure.", True),
        # what is asked about given as the cause of something else
        (
            "Why did the sensors fail?",
            "The crane's operator left the cab minutes after the wind sensors failed.",
            False,
        ),
        (
            "Why did the train lose power?",
            "The lights in the carriages went out soon after the train lost power.",
            False,
        ),
        (
            "Why did the sensors fail?",
            "When the sensors fail, the crane cannot turn, so it takes the gusts side on.",
            False,
        ),
        # the question's words, no cause
        ("Why did the stand collapse?", "Before the collapse of the stand, the stadium staged concerts.", False),
        ("Why did the train lose power?", "A train that loses power in a tunnel has to be towed out.", False),
        # a cause of something else that shares only the subject
        ("Why did the train lose power?", "The train was late because of a signal fault.", False),
        # a cause of what another subject did or did not do ("not" is no word of what is asked)
        (
            "Why could the stuck passengers not open the doors?",
            "Passengers on the coast line were not affected, because those trains draw power from another supply.",
            False,
        ),
        (
            "Why could the crane operator not reach the cab?",
            "Cranes at the harbour were not damaged, because they had been lowered.",
            False,
        ),
        (
            "Why could the stuck passengers not open the doors?",
            "The passengers could not open the doors because the locks need power.",
            True,
        ),
        ("Why did the harbour cranes survive?", "The harbour cranes survived because they had been lowered.", True),
        # a ", so" clause with a subject of its own is about that subject
        (
            "Why did the fire start?",
            "The keeper's radio was off, so he did not hear the alarm and learned of the fire at dawn.",
            False,
        ),
        ("Why did the tunnel flood?", "The pumps failed, so the tunnel flooded.", True),
        ("Why did the pier close?", "The mayor said why the pier closed was a matter for its owners.", False),
        (
            "Why could the ferries not use the other harbours?",
            "The port says the ferries could have used two other harbours after the storm at Hale.",
            False,
        ),
        # a verb saying only that an event came about asks for a cause of the event itself
        ("Why did the blaze start?", "Crews said the blaze was caused by a dropped cigarette.", True),
        ("Why did the riot happen?", "Police said the main cause of the riot was a rumour spread online.", True),
        ("Why did the outage begin?", "A rat chewing through a cable caused the outage.", True),
        ("Why did the riot happen?", "Shops near the square stayed shut for a week because of the riot.", False),
        ("Why did the blaze start?", "The guard was asleep, so he learned of the blaze at dawn.", False),
        # a clause leaving something out brings nothing about; a verbless question has no subject to act on
        ("Why not the bakers?", "The survey counts the large shops, leaving out the bakers.", False),
        ("Why not the cyclists?", "The count covers cars and vans, leaving out the cyclists.", False),
    ],
)
def test_whether_a_sentence_gives_a_cause_of_what_is_asked(question: str, sentence: str, gives: bool) -> None:
    assert (cause_match(question, sentence) > 0) is gives


@pytest.fixture(scope="module")
def crane(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "crane", CRANE, calibrated=None)


@pytest.fixture(scope="module")
def train(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "train", TRAIN, calibrated=None)


@pytest.mark.parametrize(
    ("story", "question", "cause", "not_shown"),
    [
        ("crane", "Why did the stand collapse?", "bringing down half of the east stand", "Before the collapse"),
        ("crane", "Why did the wind sensors fail?", "do not yet know what caused", "left the cab"),
        ("train", "Why did the train lose power?", "cannot yet tell what caused", "lights in the carriages"),
        ("train", "Why were the passengers stuck?", "leaving about 300 passengers", "Firefighters"),
    ],
)
def test_a_why_question_is_answered_by_a_cause_first(
    request: pytest.FixtureRequest, story: str, question: str, cause: str, not_shown: str
) -> None:
    out = checked_answer(request.getfixturevalue(story), question)
    assert out["answered"], out["text"]
    assert cause in out["citations"][0]["quote"], out["text"]
    assert not_shown not in out["citations"][0]["quote"], out["text"]


@pytest.mark.parametrize(
    ("story", "question", "first"),
    [
        ("crane", "Why could fans not go home?", "Fans could not go home"),
        ("train", "Why could the commuters not phone home?", "could not phone home"),
    ],
)
def test_a_why_question_does_not_lead_with_a_cause_of_something_else(
    request: pytest.FixtureRequest, story: str, question: str, first: str
) -> None:
    out = checked_answer(request.getfixturevalue(story), question)
    assert out["citations"] and first in out["citations"][0]["quote"], out["text"]


@pytest.mark.parametrize(
    ("story", "question", "shown"),
    [
        ("crane", "Why did so many cranes come down in the storm?", "the only crane in the town"),
    ],
)
def test_a_statement_limiting_what_a_why_question_presumes_stays_in_the_answer(
    request: pytest.FixtureRequest, story: str, question: str, shown: str
) -> None:
    out = checked_answer(request.getfixturevalue(story), question)
    assert shown in out["text"], out["text"]
