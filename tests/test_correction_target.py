"""A correction is linked only to the documents it is about: the outlet it names, else its
own outlet's article, published on the day it names; never another outlet's document that
merely shares a date and two words with its account of the error (reviewer B5). Stories
written for these tests: a ferry grounding and a school storm."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.records import Document, Sentence
from assistant.sources import corrected_documents, names_day

FERRY = {
    "ferry-report.md": (
        '---\ntitle: "Ferry runs aground off Skarra"\noutlet: Island Post\nkind: news report\n'
        "date: 2025-05-03\n---\n"
        "The ferry Aurelia ran aground off Skarra on 1 May in thick fog.\n\n"
        "The Aurelia carried 410 passengers between 1 and 2 May, the operator said.\n\n"
        "Nobody was hurt, and tugs refloated the ship the next morning.\n"
    ),
    "ferry-council.md": (
        '---\ntitle: "Council notice on ferry services"\noutlet: Skarra Council\nkind: statement\n'
        "date: 2025-05-06\n---\n"
        "Ferry passengers could book crossings again from 2 May, and 96% of sailings ran on time that week.\n\n"
        "The council thanked the harbour staff for their work.\n"
    ),
    "ferry-correction.md": (
        '---\ntitle: "Correction: passengers on the Aurelia"\noutlet: Island Post\nkind: correction\n'
        "date: 2025-05-08\n---\n"
        "An article published on 3 May about the ferry said the Aurelia carried 410 passengers between 1 and 2 May.\n\n"
        "The Aurelia carried 370 passengers; 410 was the number of tickets sold.\n\n"
        "The Island Post regrets the error.\n"
    ),
}

SCHOOL = {
    "school-report.md": (
        '---\ntitle: "Storm shuts classrooms at Brennock school"\noutlet: Valley Times\nkind: news report\n'
        "date: 2025-10-10\n---\n"
        "The storm of 8 October tore part of the roof off Brennock primary school.\n\n"
        "The school closed 14 classrooms after the storm, the head teacher said.\n"
    ),
    "school-bulletin.md": (
        '---\ntitle: "District bulletin: storm repairs"\noutlet: Brennock District\nkind: statement\n'
        "date: 2025-10-20\n---\n"
        "Storm repairs at the school began on 8 October and cost about £40,000, the district said.\n\n"
        "Roofers finished the work within a week.\n"
    ),
    "school-correction.md": (
        '---\ntitle: "Correction: classrooms at Brennock"\noutlet: Valley Times\nkind: correction\n'
        "date: 2025-10-14\n---\n"
        "An article published on 10 October said the school closed 14 classrooms after the storm of 8 October.\n\n"
        "The school closed 12 classrooms; 14 was the number inspected.\n\n"
        "The Valley Times regrets the error.\n"
    ),
}


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "ferry", FERRY)


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "school", SCHOOL)


@pytest.mark.parametrize(
    ("story", "question", "right", "from_correction"),
    [
        # another outlet's statement sharing a date and two words with the error stays alone
        ("ferry", "What share of sailings ran on time?", "96%", False),
        ("school", "How much did the storm repairs at the school cost?", "£40,000", False),
        # the corrected article still gives way to the correction
        ("ferry", "How many passengers did the Aurelia carry?", "370", True),
        ("school", "How many classrooms did the school close?", "12", True),
    ],
)
def test_a_correction_is_cited_only_for_the_article_it_corrects(
    request: pytest.FixtureRequest, story: str, question: str, right: str, from_correction: bool
) -> None:
    out = checked_answer(request.getfixturevalue(story), question)
    assert out["answered"], out
    assert right in out["text"], out["text"]
    assert any(c["doc_id"].endswith("correction.md") for c in out["citations"]) == from_correction, out["text"]


def _documents(correction_outlet: str, others: list[tuple[str, str | None, str]]) -> dict[str, Document]:
    fix = Document("fix", "x", "Correction", "h", kind="correction", outlet=correction_outlet, date="2025-06-30")
    return {"fix": fix} | {d: Document(d, "x", "Report", "h", outlet=o, date=day) for d, o, day in others}


@pytest.mark.parametrize(
    ("retraction", "correction_outlet", "others", "expected"),
    [
        # its own outlet's article, published on the day it names
        (
            "An article published on 3 May about the ferry said it carried 410 passengers.",
            "Island Post",
            [
                ("post-may3", "Island Post", "2025-05-03"),
                ("post-may9", "Island Post", "2025-05-09"),
                ("council", "Skarra Council", "2025-05-03"),
            ],
            {"post-may3"},
        ),
        # no day named: every article of its own outlet, none of another
        (
            "Our earlier report said the school closed 14 classrooms.",
            "Valley Times",
            [("times", "Valley Times", "2025-10-10"), ("district", "Brennock District", "2025-10-10")],
            {"times"},
        ),
        # it names another outlet's report
        (
            "A Harbour Wire report said the port handled 9,000 containers.",
            "Dock Daily",
            [("wire", "Harbour Wire", "2025-02-01"), ("daily", "Dock Daily", "2025-02-01")],
            {"wire"},
        ),
        # its own outlet has nothing else in the corpus: the rest, narrowed by day
        (
            "A report of 12 September said the plant employs 240 people.",
            "Gazette",
            [("wire", "Wire", "2025-09-12"), ("radio", None, "2025-09-20")],
            {"wire"},
        ),
    ],
)
def test_corrected_documents(
    retraction: str, correction_outlet: str, others: list[tuple[str, str | None, str]], expected: set[str]
) -> None:
    documents = _documents(correction_outlet, others)
    sentence = Sentence("fix#s0", "fix", 0, 0, len(retraction), retraction)
    assert corrected_documents(documents["fix"], sentence, documents) == expected


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("An article published on 3 May said so.", "2025-05-03", True),
        ("Our story of October 10, 2025 said so.", "2025-10-10", True),
        ("Our story of 10 October 2024 said so.", "2025-10-10", False),
        ("It rained between 1 and 2 May.", "2025-05-03", False),
        ("No day here.", None, False),
    ],
)
def test_names_day(text: str, day: str | None, expected: bool) -> None:
    assert names_day(text, day) == expected
