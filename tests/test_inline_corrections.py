"""A correction a report carries in its own text ("Correction: An earlier version of this report
said ...", as newspapers append them) is a correction like a correction notice: its account of
the error is never evidence for the figure it retracts, and the sentence after it supersedes.
Two stories written for these tests: a ferry rescue and a school's sports hall, each first
reported with a wrong figure that the outlet's later report corrects at its end."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.briefing import SOURCES_DIFFER
from assistant.records import Document
from assistant.sentences import split_sentences
from assistant.sources import amends, corrections_in

FERRY = {
    "ferry-rescue.md": (
        '---\ntitle: "Ferry runs aground off Carrick Point"\noutlet: Harbour Wire\nkind: news report\n'
        "date: 2025-03-02\n---\n"
        "A passenger ferry ran aground off Carrick Point in a storm on Saturday night.\n\n"
        "Forty-two passengers were rescued by lifeboat crews before dawn.\n\n"
        "The ferry's operator said the vessel had lost power shortly after leaving port.\n"
    ),
    "ferry-inquiry.md": (
        '---\ntitle: "Inquiry opens into Carrick Point grounding"\noutlet: Harbour Wire\nkind: news report\n'
        "date: 2025-03-05\n---\n"
        "The marine accident board opened an inquiry on Wednesday into the grounding of the ferry.\n\n"
        "Investigators will examine why the engines failed during the storm.\n\n"
        "Correction: An earlier version of this report said that forty-two passengers had been rescued. "
        "Thirty-eight passengers were rescued; four crew members were also brought ashore.\n"
    ),
}

HALL = {
    "hall-opening.md": (
        '---\ntitle: "Brookfield school opens its sports hall"\noutlet: Vale Gazette\nkind: news report\n'
        "date: 2025-09-08\n---\n"
        "Brookfield Academy opened its new sports hall on Monday after two years of building work.\n\n"
        "The sports hall cost £2.4 million, according to the school's governors.\n\n"
        "Pupils will use the hall for lessons from next week.\n"
    ),
    "hall-clubs.md": (
        '---\ntitle: "Clubs queue for Brookfield hall"\noutlet: Vale Gazette\nkind: news report\n'
        "date: 2025-09-15\n---\n"
        "Six local clubs have asked to rent Brookfield Academy's sports hall in the evenings.\n\n"
        "The governors said rents would help pay for the hall's upkeep.\n\n"
        "An earlier version of this article stated that the sports hall cost £2.4 million. "
        "The sports hall cost £2.1 million, most of it paid by the county council.\n"
    ),
}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Correction: An earlier version of this report said that forty-two passengers had been rescued.", True),
        ("An earlier version of this article stated that the sports hall cost £2.4 million.", True),
        ("Clarification: Our report of 3 May said the bridge would close for six weeks.", True),
        ("This story originally reported that the mayor had resigned.", True),
        ("The inspectors' report said the engines had failed twice.", False),
        ("The governors' statement said the hall cost £2.1 million.", False),
        ("An earlier version of the plan had no sports hall.", False),
    ],
)
def test_amends(sentence: str, expected: bool) -> None:
    assert amends(sentence) == expected


@pytest.mark.parametrize(
    ("story", "doc_id", "error", "fix"),
    [
        (FERRY, "ferry-inquiry.md", "forty-two passengers had been rescued", "Thirty-eight passengers were rescued"),
        (HALL, "hall-clubs.md", "cost £2.4 million", "cost £2.1 million"),
    ],
)
def test_a_correction_inside_a_report_is_found(story: dict[str, str], doc_id: str, error: str, fix: str) -> None:
    documents = {d: Document(d, text, d, "h", kind="news report") for d, text in story.items()}
    by_doc = {d: split_sentences(d, text) for d, text in story.items()}
    found = [(e.text, f.text) for e, f in corrections_in(documents, by_doc)]
    assert len(found) == 1 and error in found[0][0] and fix in found[0][1]


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "ferry", FERRY)


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "hall", HALL)


@pytest.mark.parametrize(
    ("story", "question", "right", "wrong"),
    [
        ("ferry", "How many passengers were rescued?", "Thirty-eight", "orty-two"),
        ("hall", "How much did the sports hall cost?", "£2.1 million", "£2.4 million"),
    ],
)
def test_an_answer_gives_the_value_a_report_corrects_itself_to(
    request: pytest.FixtureRequest, story: str, question: str, right: str, wrong: str
) -> None:
    out = checked_answer(request.getfixturevalue(story), question)
    assert out["answered"]
    assert not out["text"].startswith("Sources differ"), out["text"]
    assert out["short_answer"] is None or wrong not in out["short_answer"]["text"]
    assert right in out["text"]


@pytest.mark.parametrize(("story", "right", "wrong"), [("ferry", "thirty-eight", "forty-two"), ("hall", "2.1", "2.4")])
def test_a_briefing_shows_no_difference_a_report_corrects(
    request: pytest.FixtureRequest, story: str, right: str, wrong: str
) -> None:
    differ = request.getfixturevalue(story).brief().section(SOURCES_DIFFER)
    for item in differ.items if differ else ():
        assert not (right in item.text.lower() and wrong in item.text.lower()), item.text


@pytest.mark.parametrize(
    ("story", "question", "follow_up", "said"),
    [
        ("ferry", "How many passengers were rescued?", "What else?", ("orty-two", "hirty-eight")),
        ("hall", "How much did the sports hall cost?", "What else?", ("£2.4 million", "£2.1 million")),
    ],
)
def test_what_else_after_a_corrected_figure_brings_neither_figure_again(
    request: pytest.FixtureRequest, story: str, question: str, follow_up: str, said: tuple[str, ...]
) -> None:
    bot = request.getfixturevalue(story)
    first = checked_answer(bot, question)
    out = checked_answer(bot, follow_up, history=[(question, first["text"])])
    # "What else?" brings other news: a decline would pass the second check without doing so.
    assert out["answered"], out["text"]
    assert not any(value in c["quote"] for c in out["citations"] for value in said), out["text"]
