"""A correction's account of an error names the report it corrects by its publication day
("An article published on 3 May said ..."): that day is not a figure of the claim, so a
sentence sharing only that day is not the error. And the corrected statement is the first
sentence after the account that gives something anew, not a line that only says the account
was wrong ("That figure was wrong."). Stories written for these tests: a ferry grounding, a
school storm, a bridge closure and a water main burst."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.records import Sentence
from assistant.sources import corrections_in, disowns, superseded, without_report_dates


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        (
            "An article published on 3 May about the ferry said the Aurelia carried 410 passengers between 1 and 2 May.",
            ["1 and 2 May", "410"],
            ["3 May"],
        ),
        ("Our report of 12 September said the plant employs 240 people.", ["240"], ["12 September"]),
        ("The bulletin dated 4 June gave the dam's height as 80 metres.", ["80 metres"], ["4 June"]),
        ("A Valley Times story posted on 10 October said the roof fell on 8 October.", ["8 October"], ["10 October"]),
        ("The report said the bridge closed on 21 March.", ["21 March"], []),  # the day of the claim stays
    ],
)
def test_without_report_dates(text: str, kept: list[str], gone: list[str]) -> None:
    blanked = without_report_dates(text)
    assert len(blanked) == len(text)
    for phrase in kept:
        assert phrase in blanked, blanked
    for phrase in gone:
        assert phrase not in blanked, blanked


def _s(doc: str, text: str) -> Sentence:
    return Sentence(f"{doc}#s0", doc, 0, 0, len(text), text)


@pytest.mark.parametrize(
    ("sentence", "account", "expected"),
    [
        # sharing only the day the corrected report came out
        (
            "The harbour stayed shut until midnight on 3 May.",
            "An article published on 3 May said the Aurelia carried 410 passengers.",
            False,
        ),
        (
            "Parents collected pupils early on 10 October.",
            "A story published on 10 October said the school closed 14 classrooms.",
            False,
        ),
        # the error itself
        (
            "The Aurelia carried 410 passengers.",
            "An article published on 3 May said the Aurelia carried 410 passengers.",
            True,
        ),
        (
            "The school closed 14 classrooms after the storm.",
            "A story published on 10 October said the school closed 14 classrooms.",
            True,
        ),
        # a date that is part of the claim still counts
        (
            "The bridge closed on 21 March for repairs.",
            "Our report of 23 March said the bridge closed on 21 March.",
            True,
        ),
    ],
)
def test_superseded_ignores_the_publication_day(sentence: str, account: str, expected: bool) -> None:
    assert superseded(_s("a", sentence), _s("c", account)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("That figure was wrong.", True),
        ("This was incorrect.", True),
        ("The date we gave was a mistake.", True),
        ("The Valley Times regrets the error.", True),
        ("The Aurelia carried 370 passengers; 410 was the number of tickets sold.", False),
        ("The school closed 12 classrooms.", False),
        ("The wrong valve was opened on 2 May.", False),  # gives something anew: a day
    ],
)
def test_disowns(text: str, expected: bool) -> None:
    assert disowns(text) == expected


BRIDGE = {
    "bridge-report.md": (
        '---\ntitle: "Kelby bridge shut after barge strike"\noutlet: Kelby Echo\nkind: news report\n'
        "date: 2025-04-02\n---\n"
        "The Kelby road bridge was shut on 1 April after a barge struck one of its piers.\n\n"
        "Engineers said the bridge would stay closed until 2 April at the earliest.\n\n"
        "About 9,000 drivers a day used the bridge before the closure, the county said.\n"
    ),
    "bridge-correction.md": (
        '---\ntitle: "Correction: traffic on the Kelby bridge"\noutlet: Kelby Echo\nkind: correction\n'
        "date: 2025-04-04\n---\n"
        "A Kelby Echo report published on 2 April said about 9,000 drivers a day used the bridge.\n\n"
        "That figure was wrong.\n\n"
        "About 6,500 drivers a day used the bridge, the county said.\n"
    ),
}

WATER = {
    "water-report.md": (
        '---\ntitle: "Water main bursts in Orrin"\noutlet: Orrin Courier\nkind: news report\n'
        "date: 2025-08-15\n---\n"
        "A water main burst under Mill Street in Orrin on 14 August.\n\n"
        "Supplies to about 3,000 homes were cut overnight, the water company said.\n\n"
        "Crews expected to finish the repair by 15 August.\n"
    ),
    "water-correction.md": (
        '---\ntitle: "Correction: homes without water in Orrin"\noutlet: Orrin Courier\nkind: correction\n'
        "date: 2025-08-18\n---\n"
        "An Orrin Courier article published on 15 August said supplies to about 3,000 homes were cut.\n\n"
        "This was incorrect.\n\n"
        "Supplies to about 1,300 homes were cut, the water company said.\n"
    ),
}


@pytest.mark.parametrize(
    ("lines", "fixed"),
    [
        (
            [
                "A Kelby Echo report published on 2 April said about 9,000 drivers a day used the bridge.",
                "That figure was wrong.",
                "About 6,500 drivers a day used the bridge, the county said.",
            ],
            "About 6,500 drivers a day used the bridge, the county said.",
        ),
        (
            [
                "An Orrin Courier article published on 15 August said supplies to about 3,000 homes were cut.",
                "This was incorrect.",
                "Supplies to about 1,300 homes were cut, the water company said.",
            ],
            "Supplies to about 1,300 homes were cut, the water company said.",
        ),
        (  # the statement right after the account, as before
            [
                "An article published on 3 May said the Aurelia carried 410 passengers.",
                "The Aurelia carried 370 passengers; 410 was the number of tickets sold.",
                "The Island Post regrets the error.",
            ],
            "The Aurelia carried 370 passengers; 410 was the number of tickets sold.",
        ),
    ],
)
def test_the_fix_is_the_statement_after_a_line_that_only_disowns(lines: list[str], fixed: str) -> None:
    from assistant.records import Document

    text = "\n\n".join(lines)
    starts = [text.index(line) for line in lines]
    own = [Sentence(f"c#s{i}", "c", i, a, a + len(t), t) for i, (a, t) in enumerate(zip(starts, lines, strict=True))]
    documents = {"c": Document("c", text, "Correction: a figure", "h", kind="correction")}
    assert [(error.text, fix.text) for error, fix in corrections_in(documents, {"c": own})] == [(lines[0], fixed)]


@pytest.fixture(scope="module")
def bridge(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "bridge", BRIDGE, calibrated=None)


@pytest.fixture(scope="module")
def water(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "water", WATER, calibrated=None)


@pytest.mark.parametrize(
    ("story", "question", "right", "wrong"),
    [
        # the correction names the day the report came out, which this sentence also gives
        ("bridge", "Until when would the bridge stay closed?", "2 April", "That figure was wrong"),
        ("water", "When did crews expect to finish the repair?", "15 August", "This was incorrect"),
    ],
)
def test_a_sentence_sharing_the_publication_day_carries_no_correction(
    request: pytest.FixtureRequest, story: str, question: str, right: str, wrong: str
) -> None:
    out = checked_answer(request.getfixturevalue(story), question)
    assert out["answered"], out
    assert right in out["text"], out["text"]
    assert wrong not in out["text"], out["text"]
    assert not any(c["doc_id"].endswith("correction.md") for c in out["citations"]), out["text"]


@pytest.mark.parametrize(
    ("story", "question", "right"),
    [
        ("bridge", "What does the correction say?", "6,500"),
        ("water", "What does the correction say?", "1,300"),
        ("bridge", "How many drivers a day used the bridge?", "6,500"),
        ("water", "How many homes had their supplies cut?", "1,300"),
    ],
)
def test_the_correction_gives_its_corrected_figure(
    request: pytest.FixtureRequest, story: str, question: str, right: str
) -> None:
    out = checked_answer(request.getfixturevalue(story), question)
    assert out["answered"], out
    assert right in out["text"], out["text"]
