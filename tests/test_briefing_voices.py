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


# A person quoted by two documents is a principal voice: their words get a point even when
# they judge nothing (no "called", "warned") and the figures of the story outrank them.
TRAMS = {
    "council.txt": (
        'title = "Tram line 2 shut after derailment"\noutlet = "City of Ashby"\ndate = "2026-03-03"\n',
        "A tram on line 2 left the rails at Canal Street on 2 March 2026 with 64 passengers on board.\n\n"
        "Four passengers were treated in hospital for minor injuries and released the same day.\n\n"
        "Replacement buses will run every 8 minutes between the depot and the station.\n\n"
        "Line 2 carries about 21,000 passengers on a weekday.\n\n"
        "“We owe passengers a full account of what went wrong,” said Omar Haddad, the city's transport director.\n",
    ),
    "paper.txt": (
        'title = "Ashby tram derailment: track checks to take a week"\noutlet = "Ashby Courier"\ndate = "2026-03-04"\n',
        "Engineers will inspect 3.5 kilometres of track on line 2 before the trams run again.\n\n"
        "The tram that derailed on 2 March was built in 2004 and had been serviced in January.\n\n"
        "The closure is costing local shops about £40,000 a day, the traders' association estimates.\n\n"
        "Last year the network recorded 12 minor faults on line 2.\n\n"
        "Haddad said: “I have asked the rail inspectorate for an independent review.”\n",
    ),
}
HEATING = {
    "school.txt": (
        'title = "Greenfield school closes as boilers fail"\noutlet = "Greenfield Academy"\ndate = "2026-01-12"\n',
        "Greenfield Academy closed on 12 January 2026 after both of its boilers failed overnight.\n\n"
        "Classrooms were below 12 degrees when staff arrived at 7 am.\n\n"
        "“Children cannot learn in coats and gloves, so we have sent them home,” said Ruth Adeyemi, the headteacher.\n\n"
        "About 1,150 pupils will learn online until the heating is repaired.\n\n"
        "A replacement boiler will cost about £85,000.\n",
    ),
    "news.txt": (
        'title = "Greenfield pupils sent home in the cold"\noutlet = "Greenfield Times"\ndate = "2026-01-13"\n',
        "Parents of 1,150 pupils were told by text message at 7.30 am that the school was shut.\n\n"
        "The boilers were installed in 1998 and were due to be replaced in 2027.\n\n"
        "Adeyemi said: “We will open again the day the boilers are working.”\n\n"
        "The county council has 340 schools and set aside £2.1m for repairs this year.\n\n"
        "Free school meals will be delivered to 210 families while the school is closed.\n",
    ),
}


@pytest.mark.parametrize(
    ("name", "documents", "speaker"), [("trams", TRAMS, "Haddad"), ("heating", HEATING, "Adeyemi")]
)
def test_a_person_quoted_by_two_documents_gets_a_key_point(
    tmp_path_factory: pytest.TempPathFactory, name: str, documents: dict[str, tuple[str, str]], speaker: str
) -> None:
    bot = _corpus_bot(tmp_path_factory, name, documents)
    briefing = bot.brief(max_points=2)
    _verify_all(bot, briefing)
    points = [item.text for item in briefing.section(KEY_POINTS).items]
    assert any(speaker in p and "“" in p for p in points), points
    assert speaker not in points[0]  # the lead fact still comes first


@pytest.mark.parametrize(
    ("name", "documents"),
    [
        ("trams-bound", TRAMS),
        ("heating-bound", HEATING),
        ("voices-bound", {"libraries.txt": LIBRARIES, "maternity.txt": MATERNITY}),
    ],
)
def test_voices_never_make_more_points_than_asked(
    tmp_path_factory: pytest.TempPathFactory, name: str, documents: dict[str, tuple[str, str]]
) -> None:
    bot = _corpus_bot(tmp_path_factory, name, documents)
    for max_points in range(1, 9):
        points = bot.brief(max_points=max_points).section(KEY_POINTS)
        assert points is not None
        assert len(points.items) <= max_points, (max_points, [item.text for item in points.items])


# A radio interview and a council hearing, written for this test: the presenter mostly asks and
# frames her questions with statements; the chair of the hearing states views and asks once.
TRANSCRIPTS = {
    "radio.txt": (
        'title = "Morning interview on the ferry strike"\noutlet = "Island Radio"\ndate = "2026-05-05"\n',
        "JANE MORROW (presenter): The ferries have not sailed for three days. Who is to blame?\n\n"
        "OWEN PARRY (union secretary): The operator changed the rota without asking anyone.\n\n"
        "JANE MORROW (presenter): Islanders say they are running out of milk.\n\n"
        "OWEN PARRY (union secretary): We have offered to run a lifeline service every morning.\n\n"
        "JANE MORROW (presenter): When will the strike end?\n\n"
        "OWEN PARRY (union secretary): When the operator talks to us.\n\n"
        "JANE MORROW (presenter): How many sailings were cancelled?\n\n"
        "OWEN PARRY (union secretary): About 120 sailings this week.\n",
    ),
    "hearing.txt": (
        'title = "Council transport committee hearing"\noutlet = "Harbour Council"\ndate = "2026-05-07"\n',
        "RUTH OYELARAN (committee chair): This committee will not accept another week without ferries.\n\n"
        "RUTH OYELARAN (committee chair): Why was the new rota brought in at all?\n\n"
        "DAVID KERR (operator's director): The old rota broke the rules on rest hours.\n\n"
        "RUTH OYELARAN (committee chair): The council will pay for an emergency freight boat.\n\n"
        "RUTH OYELARAN (committee chair): How many islanders rely on the ferry?\n\n"
        "DAVID KERR (operator's director): Roughly 4,000 islanders every day.\n",
    ),
}


def test_an_interviewer_is_no_voice_but_a_chair_who_asks_once_is(tmp_path_factory: pytest.TempPathFactory) -> None:
    from assistant.briefing import WHO_SAID_WHAT

    bot = _corpus_bot(tmp_path_factory, "transcripts", TRANSCRIPTS)
    briefing = bot.brief()
    _verify_all(bot, briefing)
    speakers = [(item.label or "").split(",")[0] for item in briefing.section(WHO_SAID_WHAT).items]
    assert "Jane Morrow" not in speakers
    assert {"Owen Parry", "Ruth Oyelaran", "David Kerr"} <= set(speakers), speakers


def test_a_figure_from_a_transcript_reply_comes_with_its_question(tmp_path_factory: pytest.TempPathFactory) -> None:
    from assistant.briefing import FIGURES

    bot = _corpus_bot(tmp_path_factory, "transcripts-figures", TRANSCRIPTS)
    briefing = bot.brief()
    _verify_all(bot, briefing)
    # A label is the figure with what it measures when its sentence says it ("About 120 sailings").
    items = {
        next(w for w in (item.label or "").split() if w[0].isdigit()): [c.quote for c in item.citations]
        for item in briefing.section(FIGURES).items
    }
    assert items["120"][0].endswith("How many sailings were cancelled?"), items
    assert items["4,000"][0].endswith("How many islanders rely on the ferry?"), items
