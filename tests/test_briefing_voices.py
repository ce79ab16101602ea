"""Key points hear the corpus's views: a named person's quoted reaction gets a point when no
point names them yet, and a number repeated only in words ("two ferries") never makes two
sentences one fact. Stories written for these tests in our own words."""

from __future__ import annotations

import pytest
from test_briefing import _corpus_bot, _verify_all

from assistant.briefing import KEY_POINTS, is_reaction, names_a_person, telling_figure, unheard
from assistant.figures import Figure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Opposition councillor Priya Shah called the closures “an act of cultural vandalism”.", True),
        ("Local MP Daniel Osei condemned the plan as “a decision that puts mothers on the road”.", True),
        ('The union warned that the cuts were "only the start".', True),
        ("Fans welcomed the new stand, with one saying it was “worth the wait”.", True),
        ("Trust chief executive Helen Ward said: “Safety has to come before convenience.”", False),
        ("“We will reopen in May,” the librarian said.", False),
        ("She said the word “called” twice.", False),  # the judging word is inside the quotation
    ],
)
def test_is_reaction(text: str, expected: bool) -> None:
    assert is_reaction(text) is expected


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("Priya Shah", True),
        ("Daniel Osei", True),
        ("Council spokesperson", False),
        ("Prime Minister", False),
        ("Osei", False),
    ],
)
def test_names_a_person(speaker: str, expected: bool) -> None:
    assert names_a_person(speaker) is expected


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ({0: "The council will close four libraries."}, ["Priya Shah", "Daniel Osei"]),
        ({0: "Shah said her group would fight the plan."}, ["Daniel Osei"]),  # named by surname
        ({3: "A quotation without the name."}, ["Daniel Osei"]),  # her quotation itself is shown
        ({0: "Osei and Shah spoke."}, []),
    ],
)
def test_unheard_voices(shown: dict[int, str], expected: list[str]) -> None:
    assert [s for s, _ in unheard([("Priya Shah", 3), ("Daniel Osei", 7)], shown)] == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("two", "count", False),  # "two ferries", "two centres": too common to be one fact
        ("three", "count", False),
        ("2,400", "count", True),  # babies born a year
        ("18", "count", True),
        ("£1.2m", "money", True),
        ("40%", "percent", True),
    ],
)
def test_telling_figure(text: str, kind: str, expected: bool) -> None:
    figure = Figure("d", "d#s0", 0, len(text), text, kind, 2.0)  # type: ignore[arg-type]
    assert telling_figure(figure) is expected


LIBRARIES = (
    'title = "Riverside to close four branch libraries"\noutlet = "Riverside Echo"\ndate = "2026-02-10"\n',
    "Riverside council will close four branch libraries in April to save £1.2m a year, its cabinet decided on Tuesday.\n\n"
    "The branches at Elm Park, Hollow Lane, Quarry Hill and Saltmarsh will shut on 30 April 2026.\n\n"
    "Council leader Mark Dunn said: “We had no other way to balance the budget.”\n\n"
    "The central library will stay open until 9 pm on weekdays to make up for the closures.\n\n"
    "A mobile library van will visit each closed branch's neighbourhood once a week.\n\n"
    "Staff at the four branches will be offered jobs at the central library.\n\n"
    "The council says visits to the branches have fallen by 40% since 2019.\n\n"
    "Book loans across the borough dropped from 610,000 in 2019 to 380,000 last year.\n\n"
    "Two of the four buildings need new roofs that would cost £300,000 each.\n\n"
    "Residents who want to keep their branch open can write to the council before 1 March.\n\n"
    "Opposition councillor Priya Shah called the closures “an act of cultural vandalism” at the meeting.\n\n"
    "The cabinet will review the decision in 2027.\n",
)
MATERNITY = (
    'title = "Westbrook maternity unit to move to St Anne\'s"\noutlet = "Westbrook Post"\ndate = "2026-01-20"\n',
    "The maternity unit at Westbrook General Hospital will move to St Anne's Hospital, 18 miles away, from June, "
    "the health trust announced.\n\n"
    "About 2,400 babies are born at Westbrook each year.\n\n"
    "The trust said it could not recruit enough midwives to keep two units safe.\n\n"
    "Trust chief executive Helen Ward said: “Safety has to come before convenience.”\n\n"
    "A new ambulance will be stationed at Westbrook for women in labour.\n\n"
    "Parking at St Anne's will be free for expectant mothers.\n\n"
    "The move follows an inspection in 2024 that rated the unit as requiring improvement.\n\n"
    "The trust employs 31 midwives at Westbrook and would need 45 to run the unit safely.\n\n"
    "St Anne's opened a new birth centre with eight delivery rooms in 2023.\n\n"
    "Women who live more than 20 miles from St Anne's will be offered a room the night before a planned birth.\n\n"
    "Local MP Daniel Osei condemned the plan as “a decision that puts mothers on the road in labour”.\n\n"
    "A public consultation will run until 1 May.\n",
)


@pytest.mark.parametrize(
    ("name", "document", "critic"),
    [("libraries", LIBRARIES, "Priya Shah"), ("maternity", MATERNITY, "Daniel Osei")],
)
def test_a_quoted_reaction_gets_a_key_point(
    tmp_path_factory: pytest.TempPathFactory, name: str, document: tuple[str, str], critic: str
) -> None:
    bot = _corpus_bot(tmp_path_factory, name, {f"{name}.txt": document})
    briefing = bot.brief(max_points=3)
    _verify_all(bot, briefing)
    points = [item.text for item in briefing.section(KEY_POINTS).items]
    assert any(critic in p for p in points), points
    assert critic not in points[0]  # the lead fact still comes first
