""" "What time ...?" asks for a time of day: a sentence giving only the day ("on Sunday
morning") does not answer it, and one of the best few sentences giving a time does, even
when it names its subject by a pronoun ("They left at 9:38."). Likewise "How old ...?" asks
for an age ("aged 45", "a 27-year-old"), never a count ("Suspects charged: two."). Stories
written for these tests: a ferry that docked late, a power cut at a hospital, two arrests."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.evidence import age_spans, clock_spans
from assistant.question import analyse, asks_age, asks_clock


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("The ferry docked at Oban at 21:40 on Friday, two hours late.", ["21:40"]),
        ("Power failed at the hospital at 3.15am and came back at noon.", ["3.15am", "noon"]),
        ("Generators ran from 4pm until midnight.", ["4pm", "midnight"]),
        ("The grant of 3.45 million euros was paid on Monday.", []),
        ("Crews worked through the night of 12 May.", []),
    ],
)
def test_clock_spans_are_times_of_day(text: str, times: list[str]) -> None:
    assert [text[a:b] for a, b in clock_spans(text)] == times


@pytest.mark.parametrize(
    ("question", "clock"),
    [
        ("What time did the ferry dock?", True),
        ("At what time did the power fail?", True),
        ("At what times were the alerts sent?", True),
        ("Until what time did the ward stay shut?", True),
        ("When did the ferry dock?", False),
        ("What time of year do the floods come?", False),
    ],
)
def test_a_question_asks_for_a_time_of_day(question: str, clock: bool) -> None:
    assert asks_clock(question) is clock
    assert analyse(question).clock is clock


FERRY = {
    "ferry-courier.md": (
        '---\ntitle: "Storm delays the Oban ferry"\noutlet: West Coast Courier\nkind: news report\ndate: 2025-01-11\n---\n'
        "The ferry from Mull reached Oban on Friday night after a storm held it in the sound.\n\n"
        "Passengers waited on board while the crew checked the ramp.\n\n"
        "They left the ship at 22:10, cold but unhurt.\n"
    ),
    "ferry-operator.md": (
        '---\ntitle: "Service update"\noutlet: Isles Ferries\nkind: press release\ndate: 2025-01-11\n---\n'
        "Friday's crossing from Mull to Oban was delayed by the storm.\n\n"
        "Saturday's sailings will run to the normal timetable.\n"
    ),
}

HOSPITAL = {
    "hospital-news.md": (
        '---\ntitle: "Power cut at Kelvin Infirmary"\noutlet: Kelvin News\nkind: news report\ndate: 2025-09-02\n---\n'
        "The backup generators at Kelvin Infirmary started on Monday when mains power failed in a heatwave.\n\n"
        "They came on at 14:05 and kept the wards running.\n\n"
        "Surgeons postponed twelve planned operations.\n"
    ),
    "hospital-board.md": (
        '---\ntitle: "Board statement"\noutlet: Kelvin Health Board\nkind: press release\ndate: 2025-09-03\n---\n'
        "The health board thanked staff at Kelvin Infirmary for their work on Monday.\n\n"
        "An engineer's report on the power cut is due next month.\n"
    ),
}


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "ferry", FERRY, calibrated=None)


@pytest.fixture(scope="module")
def hospital(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "hospital", HOSPITAL, calibrated=None)


@pytest.mark.parametrize(
    ("corpus", "question", "time"),
    [
        ("ferry", "What time did the passengers leave the ferry?", "22:10"),
        ("hospital", "What time did the backup generators start?", "14:05"),
    ],
)
def test_what_time_is_answered_by_a_time_of_day(
    request: pytest.FixtureRequest, corpus: str, question: str, time: str
) -> None:
    out = checked_answer(request.getfixturevalue(corpus), question)
    assert out["short_answer"] and out["short_answer"]["text"] == time, out["text"]


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("The pilot, aged 61, had flown the route for years.", ["aged 61"]),
        ("A nine-year-old girl and her 40-year-old father were rescued.", ["nine-year-old", "40-year-old"]),
        ("The bridge is 120 years old and was shut for three years.", ["120 years old"]),
        ("Two suspects were held for 48 hours.", []),
    ],
)
def test_age_spans_are_ages_not_counts_or_lengths(text: str, ages: list[str]) -> None:
    assert [text[a:b] for a, b in age_spans(text)] == ages


@pytest.mark.parametrize(
    ("question", "age"),
    [("How old is the pilot?", True), ("At what age did she retire?", True), ("How many pilots are there?", False)],
)
def test_a_question_asks_for_an_age(question: str, age: bool) -> None:
    assert asks_age(question) is age
    assert analyse(question).age is age


ARRESTS = {
    "arrests-herald.md": (
        '---\ntitle: "Two held over warehouse thefts"\noutlet: Dockside Herald\nkind: news report\ndate: 2025-03-03\n---\n'
        "Police said two suspects had been charged over the thefts from the Tilbury warehouses.\n\n"
        "One suspect, a 27-year-old driver from Grays, was stopped at the port.\n\n"
        "The other, aged 45, was arrested at home.\n"
    ),
    "arrests-police.md": (
        '---\ntitle: "Charges after warehouse thefts"\noutlet: Essex Police\nkind: press release\ndate: 2025-03-03\n---\n'
        "Suspects charged so far: two.\n\n"
        "Officers are still looking for a third man seen at the warehouses.\n"
    ),
}


@pytest.fixture(scope="module")
def arrests(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "arrests", ARRESTS, calibrated=None)


@pytest.mark.parametrize(
    ("question", "ages"),
    [
        ("How old are the suspects?", ("27-year-old", "aged 45")),
        ("How old is the suspect stopped at the port?", ("27-year-old",)),
    ],
)
def test_how_old_is_answered_by_an_age_not_a_count(arrests: Assistant, question: str, ages: tuple[str, ...]) -> None:
    out = checked_answer(arrests, question)
    assert out["short_answer"] and out["short_answer"]["text"] in ages, out["text"]
