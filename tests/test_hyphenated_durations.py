"""A length of time written as a hyphenated number word ("a four-minute raid", "a two-hour
blackout") is a length like "seven minutes", so two reports giving different lengths differ;
"a 34-year-old" or "a nine-year-old" is an age, never a length of 34 years. Stories
written for these tests: a blackout in a town centre, and a rail strike."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.evidence import duration_spans
from assistant.figures import raw_figures


@pytest.mark.parametrize(
    ("text", "lengths"),
    [
        ("Shops shut during a two-hour blackout on Friday.", [(2.0, "hour")]),
        ("Unions called a three-day strike on the railways.", [(3.0, "day")]),
        ("The crew finished a 12-hour shift.", [(12.0, "hour")]),
        ("A 34-year-old driver and a nine-year-old boy were hurt.", []),
        ("Two-thirds of trains were cancelled.", []),
    ],
)
def test_a_hyphenated_length_of_time_is_a_duration(text: str, lengths: list[tuple[float, str]]) -> None:
    assert [(v, u) for _, _, k, v, u in raw_figures(text) if k == "duration"] == lengths


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("A 34-year-old driver was stopped.", []),
        ("Police held a nine-year-old's bike for a week.", ["a week"]),
        ("The five-day festival ended.", ["five-day"]),
    ],
)
def test_an_age_is_no_duration_span(text: str, spans: list[str]) -> None:
    assert [text[a:b] for a, b in duration_spans(text)] == spans


STORIES = {
    "blackout-echo.md": (
        '---\ntitle: "Town centre loses power"\noutlet: Dunmore Echo\nkind: news report\ndate: 2025-03-08\n---\n'
        "A two-hour blackout hit Dunmore town centre on Friday evening after a cable fault.\n\n"
        "Traffic lights failed at six junctions.\n"
    ),
    "blackout-grid.md": (
        '---\ntitle: "Statement on the Dunmore outage"\noutlet: Northern Grid\nkind: press release\n'
        "date: 2025-03-09\n---\n"
        "The Dunmore blackout lasted three hours, until engineers restored supply.\n\n"
        "A damaged cable will be replaced next week.\n"
    ),
    "strike-courier.md": (
        '---\ntitle: "Rail strike ends"\noutlet: Rail Courier\nkind: news report\ndate: 2025-06-12\n---\n'
        "Train drivers ended a three-day strike over rosters on Wednesday.\n\n"
        "Most routes ran a normal timetable on Thursday.\n"
    ),
    "strike-union.md": (
        '---\ntitle: "Union statement"\noutlet: Drivers Union\nkind: press release\ndate: 2025-06-12\n---\n'
        "The drivers' strike over rosters lasted four days, the union said.\n\n"
        "Talks with the operator resume next month.\n"
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "lengths", STORIES, calibrated=None)


@pytest.mark.parametrize(
    ("question", "values"),
    [
        ("Do the sources agree on how long the Dunmore blackout lasted?", ("two-hour", "three hours")),
        ("Do the sources agree on how long the drivers' strike over rosters lasted?", ("three-day", "four days")),
    ],
)
def test_hyphenated_and_plain_lengths_differ(bot: Assistant, question: str, values: tuple[str, ...]) -> None:
    out = checked_answer(bot, question)
    assert out["text"].startswith("Sources differ:"), out["text"]
    assert all(v in out["text"] for v in values), out["text"]
