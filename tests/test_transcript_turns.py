"""Transcript turns: an interviewer's question states nothing. Its reply answers (the rule
composer cites the reply after a question it picks), a reply that means nothing alone
("Roughly 420 across the valley.") brings its question into a briefing's key point, and
"Who said what" lists no question as something a person said. Two transcripts written for
these tests: a mayor questioned on a flood, and a rail operator questioned on a strike."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.briefing import KEY_POINTS, WHO_SAID_WHAT
from assistant.context import question_answered
from assistant.records import Sentence

FLOOD = {
    "flood-briefing.txt": (
        "Valley council flood briefing\n\n"
        "The following exchange took place at the town hall on Tuesday morning.\n\n"
        "LENA FORD (reporter, Valley Post): The river rose overnight. How many homes were flooded?\n\n"
        "ANA RUIZ (Mayor of Dunmere): Roughly 420 homes across the valley. Most of them are on the east bank.\n\n"
        "LENA FORD (reporter, Valley Post): When will the bridge reopen?\n\n"
        "ANA RUIZ (Mayor of Dunmere): Engineers will inspect it on Thursday before any traffic crosses it.\n"
    ),
    "flood-briefing.meta.toml": 'title = "Valley council flood briefing"\nkind = "transcript"\n',
}

STRIKE = {
    "strike-interview.txt": (
        "Morning show interview on the rail strike\n\n"
        "The interview was broadcast on Monday.\n\n"
        "OMAR HADID (presenter): Your drivers walked out at dawn. How many trains did you cancel?\n\n"
        "PRIYA NAIR (Chief Executive, Westline Rail): About 640 trains across the network. We ran a "
        "skeleton timetable on the main line.\n\n"
        "OMAR HADID (presenter): Will fares be refunded?\n\n"
        "PRIYA NAIR (Chief Executive, Westline Rail): Every ticket bought for the strike days will be refunded "
        "in full.\n"
    ),
    "strike-interview.meta.toml": 'title = "Morning show interview on the rail strike"\nkind = "transcript"\n',
}


def _doc(paragraphs: list[list[str]]) -> list[Sentence]:
    out, at, n = [], 0, 0
    for p, texts in enumerate(paragraphs):
        for text in texts:
            out.append(Sentence(f"d#s{n}", "d", n, at, at + len(text), text, paragraph=p))
            at, n = at + len(text) + 1, n + 1
    return out


@pytest.mark.parametrize(
    ("paragraphs", "at", "asked"),
    [
        (  # a reply turn after a question turn
            [["LENA FORD (reporter): How many homes were flooded?"], ["ANA RUIZ (mayor): Roughly 420 homes."]],
            1,
            0,
        ),
        (
            [
                ["OMAR HADID (presenter): Your drivers walked out.", "How many trains did you cancel?"],
                ["PRIYA NAIR (Chief Executive): About 640 trains."],
            ],
            2,
            1,
        ),
        (  # the turn before ends with a statement
            [["OMAR HADID (presenter): Airlines want refunds."], ["PRIYA NAIR (Chief Executive): They will get them."]],
            1,
            None,
        ),
        (  # the second sentence of a turn is no reply
            [["LENA FORD (reporter): When will it reopen?"], ["ANA RUIZ (mayor): On Thursday.", "It is safe."]],
            2,
            None,
        ),
        (  # prose, no speaker label
            [["Will the bridge reopen?"], ["Engineers will inspect it on Thursday."]],
            1,
            None,
        ),
    ],
)
def test_question_answered(paragraphs: list[list[str]], at: int, asked: int | None) -> None:
    doc = _doc(paragraphs)
    found = question_answered(doc, doc[at])
    assert (found.ordinal if found else None) == asked


@pytest.fixture(scope="module")
def flood(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "flood", FLOOD, calibrated=None)


@pytest.fixture(scope="module")
def strike(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "strike", STRIKE, calibrated=None)


@pytest.mark.parametrize(
    ("story", "question", "reply"),
    [
        ("flood", "How many homes were flooded?", "Roughly 420 homes"),
        ("strike", "How many trains were cancelled?", "About 640 trains"),
    ],
)
def test_an_answer_drawn_to_a_question_turn_cites_its_reply(
    request: pytest.FixtureRequest, story: str, question: str, reply: str
) -> None:
    out = checked_answer(request.getfixturevalue(story), question)
    assert out["answered"], out
    assert any(reply in c["quote"] for c in out["citations"]), out["text"]


@pytest.mark.parametrize(
    ("story", "reply", "asked"),
    [("flood", "Roughly 420", "How many homes"), ("strike", "About 640", "How many trains")],
)
def test_a_reply_key_point_brings_its_question(
    request: pytest.FixtureRequest, story: str, reply: str, asked: str
) -> None:
    points = request.getfixturevalue(story).brief(max_points=8).section(KEY_POINTS)
    assert points is not None
    replying = [item for item in points.items if any(reply in c.quote for c in item.citations)]
    assert replying, [item.text for item in points.items]
    for item in replying:
        assert any(asked in c.quote for c in item.citations), item.text


@pytest.mark.parametrize("story", ["flood", "strike"])
def test_who_said_what_lists_no_question(request: pytest.FixtureRequest, story: str) -> None:
    said = request.getfixturevalue(story).brief().section(WHO_SAID_WHAT)
    assert said is not None
    quotes = [c.quote for item in said.items for c in item.citations]
    assert quotes and not any(q.rstrip().endswith("?") for q in quotes), quotes
