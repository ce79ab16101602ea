"""A why-question presuming a refusal ("Why did X refuse to V?") is corrected when the sources
say X does, did or will V: "The sources say otherwise", not a decline with the statement
as a related passage, nor a plain answer. Two stories written for these tests: a council
repairing a footbridge, and a port authority dredging a harbour."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.stance import affirms, refused_action

FOOTBRIDGE = {
    "footbridge-report.md": (
        '---\ntitle: "Flood damages Esk footbridge"\noutlet: Esk Valley News\nkind: news report\n'
        "date: 2025-01-20\n---\n"
        "Floodwater tore away the central span of the Esk footbridge on Friday.\n\n"
        "Walkers now face a two-mile detour to cross the river.\n"
    ),
    "footbridge-council.md": (
        '---\ntitle: "Council update on the Esk footbridge"\noutlet: Eskdale Council\nkind: press release\n'
        "date: 2025-01-24\n---\n"
        "Eskdale Council will rebuild the footbridge by the end of the summer, its leader said.\n\n"
        "A temporary ferry will carry walkers across the river until then.\n\n"
        "Eskdale Council refused to repair the old weir at Stanby, saying the weir belongs to the mill.\n\n"
        "The council repaired the sluice gate of the weir at Stanby in 2019.\n"
    ),
}

HARBOUR = {
    "harbour-report.md": (
        '---\ntitle: "Silt closes Carrick harbour"\noutlet: Coastline Weekly\nkind: news report\n'
        "date: 2025-05-03\n---\n"
        "Silt washed down by spring storms has left Carrick harbour too shallow for the fishing fleet.\n\n"
        "The Carrick Port Authority dredged the harbour mouth in April, removing 8,000 tonnes of silt.\n"
    ),
    "harbour-fleet.md": (
        '---\ntitle: "Fishing fleet counts its losses"\noutlet: Fishing Gazette\nkind: news report\n'
        "date: 2025-05-10\n---\n"
        "Skippers said they lost three weeks of landings while the harbour was closed.\n\n"
        "Most of the fleet landed its catch at Rossport instead.\n"
    ),
}


@pytest.mark.parametrize(
    ("question", "action"),
    [
        ("Why did the council refuse to rebuild the footbridge?", "rebuild"),
        ("Why did the port authority decline to dredge the harbour?", "dredge"),
        ("Why did the skippers not land their catch?", None),
        ("Why did the council rebuild the footbridge?", None),
        ("Why did the port authority reject the plan?", None),
    ],
)
def test_what_a_question_presumes_was_refused(question: str, action: str | None) -> None:
    assert refused_action(question) == action


@pytest.mark.parametrize(
    ("text", "action", "actors", "speaker", "expected"),
    [
        ("Eskdale Council will rebuild the footbridge by the summer.", "rebuild", {"eskdale"}, "", True),
        ("We will rebuild it, and quickly.", "rebuild", {"eskdale"}, "Eskdale Council leader", True),
        ("The authority dredged the harbour mouth in April.", "dredge", {"authority"}, "", True),
        ("The authority has not dredged the harbour since 2019.", "dredge", {"authority"}, "", False),
        ("A private firm dredged the harbour.", "dredge", {"authority"}, "", False),
        ("Walkers face a two-mile detour.", "rebuild", {"eskdale"}, "", False),
    ],
)
def test_a_sentence_saying_the_subject_does_what_was_presumed_refused(
    text: str, action: str, actors: set[str], speaker: str, expected: bool
) -> None:
    assert affirms(text, action, actors, speaker) is expected


@pytest.fixture(scope="module")
def footbridge(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "footbridge", FOOTBRIDGE, calibrated=None)


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "harbour", HARBOUR, calibrated=None)


@pytest.mark.parametrize(
    ("story", "question", "quoted"),
    [
        ("footbridge", "Why did Eskdale Council refuse to rebuild the footbridge?", "will rebuild the footbridge"),
        ("harbour", "Why did the Carrick Port Authority refuse to dredge the harbour?", "dredged the harbour mouth"),
    ],
)
def test_a_presumed_refusal_is_corrected_by_what_was_done(
    request: pytest.FixtureRequest, story: str, question: str, quoted: str
) -> None:
    out = checked_answer(request.getfixturevalue(story), question)
    assert out["behaviour"] == "correct_premise", out["text"]
    assert out["answered"]
    assert quoted in out["citations"][0]["quote"], out["text"]


def test_a_why_question_without_a_presumed_refusal_is_not_corrected(harbour: Assistant) -> None:
    out = checked_answer(harbour, "Why did the fleet land its catch at Rossport?")
    assert out["behaviour"] != "correct_premise", out["text"]


def test_a_refusal_the_sources_state_is_not_corrected(footbridge: Assistant) -> None:
    out = checked_answer(footbridge, "Why did Eskdale Council refuse to repair the weir at Stanby?")
    assert out["behaviour"] != "correct_premise", out["text"]
