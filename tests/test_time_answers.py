"""When-questions whose sentence gives several times: the answer is the time attached to the
asked subject ("Buses resumed at 06:00 and trams from 09:30": trams at 09:30, a gapped
conjunct's own subject). A question naming a day is answered by a sentence naming that day,
never by one about other days. Stories written for these tests: a city's transport after a
storm, a port reopening after fog, a museum's galleries after a flood, a river flood and its
inquiry."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.direct import attached_to_subject, gapped_subject, verb_of_another
from assistant.evidence import day_conflict, days

STORIES = {
    "storm-transport.md": (
        '---\ntitle: "City transport back after storm"\noutlet: Metro Daily\nkind: news report\n'
        "date: 2025-01-14\n---\n"
        "The storm brought down overhead lines across the city on Sunday night.\n\n"
        "Buses resumed at 06:00 on Monday and trams from 09:30, once the lines had been repaired.\n"
    ),
    "port-fog.md": (
        '---\ntitle: "Fog closes port for a day"\noutlet: Harbour Times\nkind: news report\n'
        "date: 2025-03-02\n---\n"
        "Thick fog closed the port to all shipping on Friday.\n\n"
        "Passenger ferries sailed again at 14:00 on Saturday, and cargo ships from 18:00.\n"
    ),
    "museum-flood.md": (
        '---\ntitle: "Museum reopens galleries after flood"\noutlet: Riverside Echo\nkind: news report\n'
        "date: 2025-08-21\n---\n"
        "Water from the burst main reached the basement stores of the museum in July.\n\n"
        "The ground-floor galleries reopened on 4 August and the upper galleries on 18 August.\n"
    ),
    "river-flood.md": (
        '---\ntitle: "Millbrook counts the cost of the flood"\noutlet: Dale Herald\nkind: news report\n'
        "date: 2024-10-20\n---\n"
        "Heavy rain fell on the hills above Millbrook for three days.\n\n"
        "The river burst its banks at Millbrook on 12 October, flooding 80 homes in the lower town.\n\n"
        "Soldiers arrived on 14 October and the water had drained away by 17 October.\n"
    ),
    "library-row.md": (
        '---\ntitle: "Library plan splits council"\noutlet: Borough Post\nkind: news report\n'
        "date: 2025-06-02\n---\n"
        "A councillor said the Eastgate library could have been saved, reopening the row over why it shut in May.\n"
    ),
    "flood-inquiry.md": (
        '---\ntitle: "Flood inquiry hears of late sandbags"\noutlet: County Record\nkind: news report\n'
        "date: 2025-02-03\n---\n"
        "The inquiry heard that sandbags reached Millbrook on 13 October, a day after the river rose.\n\n"
        "Residents told the panel that the warning siren never sounded.\n"
    ),
}


@pytest.mark.parametrize(
    ("text", "before", "subject"),
    [
        ("Buses resumed at 06:00 on Monday and trams from 09:30.", "09:30", {"tram"}),
        ("Buses resumed at 06:00 on Monday and trams from 09:30.", "06:00", set()),
        ("Passenger ferries sailed again at 14:00, and cargo ships from 18:00.", "18:00", {"cargo", "ship"}),
        (
            "The ground-floor galleries reopened on 4 August and the upper galleries on 18 August.",
            "18 August",
            {"upper", "galler"},
        ),
        ("Sales rose in May and fell sharply in June.", "June", set()),  # a verb of its own: no gap
    ],
)
def test_the_subject_of_a_gapped_conjunct(text: str, before: str, subject: set[str]) -> None:
    assert gapped_subject(text, text.index(before)) == subject


def test_a_time_in_another_subjects_conjunct_is_left_out() -> None:
    t = "Passenger ferries sailed again at 14:00, and cargo ships from 18:00."
    spans = [(t.index(x), t.index(x) + 5) for x in ("14:00", "18:00")]
    assert [t[a:b] for a, b in attached_to_subject(t, spans, {"cargo"})] == ["18:00"]
    assert [t[a:b] for a, b in attached_to_subject(t, spans, {"ferri"})] == ["14:00"]
    assert attached_to_subject(t, spans, set()) == spans


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "times", STORIES, calibrated=None)


@pytest.mark.parametrize(
    ("question", "right"),
    [
        ("When did trams resume?", "09:30"),
        ("When did buses resume?", "06:00"),
        ("When did cargo ships sail again?", "18:00"),
        ("When did the upper galleries reopen?", "18 August"),
    ],
)
def test_the_time_attached_to_the_asked_subject_answers(bot: Assistant, question: str, right: str) -> None:
    out = checked_answer(bot, question)
    assert out["answered"], out["text"]
    assert out["short_answer"] is not None and out["short_answer"]["text"] == right, out["text"]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("The river burst its banks at Millbrook on 12 October.", {(10, 12)}),
        ("Sandbags arrived on October 13th, 2024.", {(10, 13)}),
        ("The report came out in March 2025.", set()),  # a month and a year, no day
        ("Buses resumed at 06:00 on Monday.", set()),
    ],
)
def test_the_days_a_sentence_names(text: str, named: set[tuple[int, int]]) -> None:
    assert days(text) == named


@pytest.mark.parametrize(
    ("question", "evidence", "conflict"),
    [
        ("What happened on 15 October?", "Soldiers arrived on 14 October and left by 17 October.", True),
        ("What happened on 14 October?", "Soldiers arrived on 14 October and left by 17 October.", False),
        ("What happened on 15 October?", "Soldiers arrived in the town.", False),  # no day named
        ("What did the museum do on 4 August?", "The galleries reopened on August 4.", False),
    ],
)
def test_evidence_about_other_days_conflicts(question: str, evidence: str, conflict: bool) -> None:
    assert day_conflict(question, evidence) is conflict


@pytest.mark.parametrize(
    ("question", "day"),
    [("What happened on 12 October?", "12 October"), ("What happened in Millbrook on 13 October?", "13 October")],
)
def test_a_question_naming_a_day_is_answered_by_a_sentence_of_that_day(bot: Assistant, question: str, day: str) -> None:
    out = checked_answer(bot, question)
    assert out["answered"], out["text"]
    assert day in out["text"].split(" [1]")[0], out["text"]


def test_a_day_no_sentence_names_is_not_answered_with_other_days(bot: Assistant) -> None:
    out = checked_answer(bot, "What happened on 15 October?")
    assert not out["answered"] or "15 October" in out["text"], out["text"]


@pytest.mark.parametrize(
    ("question", "text", "other"),
    [
        ("When did Eastgate library reopen?", "A councillor spoke, reopening the row over why it shut in May.", True),
        ("When did Eastgate library reopen?", "Eastgate library reopened on 2 June.", False),
        ("When did the port reopen?", "The port reopened its gates to lorries on Monday.", True),  # loose: see note
        ("When did the ferries resume?", "Ferries resumed at 14:00.", False),
        ("When did the council reopen the inquiry?", "The council reopened the inquiry in June.", False),
    ],
)
def test_the_asked_verb_with_another_object(question: str, text: str, other: bool) -> None:
    # "reopened its gates" is read as another object too: the rule cannot tell an idiom from
    # another event, so it only turns a date away, never picks one.
    assert verb_of_another(question, text) is other


def test_a_date_near_the_verb_used_of_something_else_does_not_answer(bot: Assistant) -> None:
    out = checked_answer(bot, "When did Eastgate library reopen?")
    assert not out["answered"] or "May" not in (out["short_answer"] or {}).get("text", ""), out["text"]
