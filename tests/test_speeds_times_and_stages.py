"""Figures of the kind a question asks for, and where documents give them different values.

A time of day is a figure: two reports giving one moment different times ("at 04:12",
"at 04:25") differ. "How fast ...?" is answered by a number with a unit of speed, never a
length ("a 1.6-mile stretch"). An age ("a 52-year-old passenger") is no count of
passengers. "Where was X going?" is answered by a phrase of destination ("bound for
Kiel"). Counts of different things ("two accomplices", "three pieces") are no two values
of one count; a cost and a loss are one measure of money. A cause may be given by a
phrasal verb ("set off", "touched off", "sparked"). A question naming the final report (or
the preliminary one) is answered from that stage. "Which company runs X?" is answered by
the agent of "X, run by Y", and "What flag does X fly?" by the country of "a
Liberia-flagged ship"; a name inside such an adjective is no person or company. Stories written for these tests: a
ferry collision, a tram crash inquiry, a stadium evacuation, a landslide, a coach trip,
a museum theft, a dam repair, a seized yacht, a charter airline.
"""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.agents import asked_action
from assistant.direct import (
    answer_phrase,
    asks_destination,
    asks_flag,
    asks_speed,
    clock_stretch,
    count_spans,
    destination_span,
    flag_span,
    gives_asked_measure,
    name_as_modifier,
    speed_at,
    timed_event,
    with_unit,
)
from assistant.figures import Figure, clock_value, money_measure, raw_figures, sentence_figures
from assistant.question import analyse, asks_reason
from assistant.reasons import cause_and_effect
from assistant.records import Document, Sentence
from assistant.sources import asked_measure, costs_asked, disagreement, stage_of, stages_named


def _figures(doc_id: str, text: str) -> list[Figure]:
    return sentence_figures(Sentence(f"{doc_id}#s0", doc_id, 0, 0, len(text), text))


@pytest.mark.parametrize(
    ("text", "clocks"),
    [
        ("The ferries collided at 04:12 in thick fog.", [("04:12", 252.0)]),
        ("Fans were told to leave at 9.40pm, and the last left at 11pm.", [("9.40pm", 1300.0), ("11pm", 1380.0)]),
        ("A grant of 3.45 million euros was paid on 3 May.", []),
        ("The slope gave way at 6:05 a.m. after a night of rain.", [("6:05 a.m.", 365.0)]),
    ],
)
def test_a_time_of_day_is_a_figure(text: str, clocks: list[tuple[str, float]]) -> None:
    found = [(text[s:e], v) for s, e, kind, v, _ in raw_figures(text) if kind == "clock"]
    assert found == clocks


@pytest.mark.parametrize(("time", "minutes"), [("00:05", 5.0), ("12pm", 720.0), ("12.30 a.m.", 30.0), ("24:10", None)])
def test_clock_value_is_minutes_after_midnight(time: str, minutes: float | None) -> None:
    assert clock_value(time) == minutes


@pytest.mark.parametrize(
    ("first", "second", "terms", "values"),
    [
        (
            "The coastguard said the collision happened at 04:12.",
            "The collision happened at 04:25 on Tuesday, the harbour master said.",
            ["collision", "happen"],
            [252.0, 265.0],
        ),
        (
            "The stadium was evacuated at 9.40pm, police said.",
            "Stewards say the stadium was evacuated at 10pm.",
            ["stadium", "evacuat"],
            [1300.0, 1320.0],
        ),
        # Hours apart: two moments, not two accounts of one.
        ("The alarm sounded at 09:00 at the depot.", "The depot alarm sounded at 14:30.", ["alarm", "sound"], None),
    ],
)
def test_reports_giving_one_moment_other_times_differ(
    first: str, second: str, terms: list[str], values: list[float] | None
) -> None:
    found = disagreement(_figures("a", first) + _figures("b", second), ["date", "year", "clock"], terms)
    assert (None if found is None else [g.value for g in found.values]) == values


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("What time did the fire crews arrive at the mill?", "arrive"),
        ("At what time was the alarm raised?", "raised"),
        ("What time were the crews called to the mill?", "called"),
        ("When did Ines Roth leave Kiel?", "leave"),
        ("What time the stadium was evacuated?", "evacuated"),
        ("Who raised the alarm?", None),
    ],
)
def test_the_event_a_time_question_asks_about(question: str, verb: str | None) -> None:
    assert timed_event(question) == verb


@pytest.mark.parametrize(
    ("text", "time", "words"),
    [
        ("Crews were called at 23:23 and arrived at 23:29.", "23:23", "Crews were called at "),
        ("Crews were called at 23:23 and arrived at 23:29.", "23:29", " and arrived at "),
        ("At 04:12 the two ferries collided in fog.", "04:12", " the two ferries collided in fog."),
        ("The stadium was evacuated at 9.40pm; fans were home by 11pm.", "11pm", " fans were home by "),
    ],
)
def test_the_words_a_time_of_day_is_the_time_of(text: str, time: str, words: str) -> None:
    at = text.index(time)
    assert clock_stretch(text, (at, at + len(time))) == words


@pytest.mark.parametrize(
    ("question", "speed"),
    [
        ("How fast was the ferry going?", True),
        ("What speed did the tram reach on the hill?", True),
        ("Do the reports agree on the speed of the coach?", True),
        ("How quickly was the train travelling?", True),
        ("How far did the ferry drift?", False),
        ("How many speed cameras line the road?", False),
        ("How long is the tunnel?", False),
    ],
)
def test_a_question_asks_for_a_speed(question: str, speed: bool) -> None:
    assert asks_speed(question) is speed


@pytest.mark.parametrize(
    "question",
    [
        "What speed was the train travelling at?",
        "At what speed did the tram derail?",
        "What was the top speed of the coach?",
    ],
)
def test_what_speed_asks_for_an_amount(question: str) -> None:
    assert analyse(question).asks_for == "amount"


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("Do the sources agree on the number of flights hit by the closure?", ("flight",)),
        ("Is there any disagreement about the total number of wagons that overturned?", ("wagon",)),
        ("What is the number of the bus?", ()),
    ],
)
def test_the_number_of_things_counts_them(question: str, counted: tuple[str, ...]) -> None:
    assert analyse(question).counted == counted


@pytest.mark.parametrize(
    ("text", "number", "speed"),
    [
        ("Radar shows the ferry made 22 knots over a 1.6-mile stretch.", "22", True),
        ("Radar shows the ferry made 22 knots over a 1.6-mile stretch.", "1.6", False),
        ("The tram reached 70 km/h on the hill.", "70", True),
        ("Winds of 90 miles per hour hit the coast, 40 miles from the town.", "90", True),
        ("Winds of 90 miles per hour hit the coast, 40 miles from the town.", "40", False),
    ],
)
def test_a_speed_is_a_number_with_a_unit_of_speed(text: str, number: str, speed: bool) -> None:
    at = text.index(number)
    assert speed_at(text, (at, at + len(number))) is speed


def test_a_speed_keeps_its_whole_unit() -> None:
    text = "The coach was doing 60 miles an hour when the tyre burst."
    at = text.index("60")
    a, b = with_unit(text, (at, at + 2))
    assert text[a:b] == "60 miles an hour"


@pytest.mark.parametrize(
    ("question", "text", "gives"),
    [
        ("How fast was the ferry going?", "It made 22 knots in the fog.", True),
        ("How fast was the ferry going?", "It crossed a 1.6-mile stretch of water.", False),
        ("How fast did the tram go?", "The tram reached 70 km/h on the hill.", True),
        ("How far did the ferry drift?", "It drifted 1.6 miles.", True),
    ],
)
def test_a_speed_question_needs_a_speed(question: str, text: str, gives: bool) -> None:
    assert gives_asked_measure(question, text) is gives


@pytest.mark.parametrize(
    ("text", "counted", "predicate", "counts"),
    [
        ("One crew member and a 52-year-old passenger were treated for shock.", {"passeng"}, ("treated",), []),
        ("Rescuers found a hiker, aged 67, who had been lost for a day.", {"hiker"}, ("found",), []),
        ("Rescuers found 14 hikers, one of them a 67-year-old man.", {"hiker"}, ("found",), ["14"]),
    ],
)
def test_an_age_is_no_count(text: str, counted: set[str], predicate: tuple[str, ...], counts: list[str]) -> None:
    assert [text[a:b] for a, b in count_spans(text, counted, predicate)] == counts


@pytest.mark.parametrize(
    ("question", "destination"),
    [
        ("Where was the ferry going?", True),
        ("Where was the coach headed when it crashed?", True),
        ("Where were the climbers heading?", True),
        ("What was the flight's destination?", True),
        ("Where was the cable car descending to when the rope snapped?", True),
        ("Where did the ferry sink?", False),
        ("Where was the concert going on?", False),
    ],
)
def test_a_question_asks_where_something_was_going(question: str, destination: bool) -> None:
    assert asks_destination(question) is destination


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The Nordlys, owned by Fjordlink, was bound for Kiel with 212 passengers on board.", "bound for Kiel"),
        ("The coach was on its way to the airport when a tyre burst.", "on its way to the airport"),
        ("The jet, en route to Lisbon from Oslo, turned back.", "en route to Lisbon"),
        ("The bulk carrier was heading to Gdansk.", "heading to Gdansk"),
        ("The climbers were headed for the summit of Ben Nevis at dawn.", "headed for the summit"),
        (
            "The cable car was descending towards the valley station when the rope snapped.",
            "descending towards the valley station",
        ),
        ("The coach left the airport at noon.", None),
    ],
)
def test_a_destination_phrase(text: str, phrase: str | None) -> None:
    span = destination_span(text)
    assert (None if span is None else text[span[0] : span[1]]) == phrase


@pytest.mark.parametrize(
    ("text", "cause", "effect"),
    [
        ("A dropped cigarette set off the blaze.", "A dropped cigarette", "the blaze."),
        ("The riot was touched off by a police raid.", "a police raid.", "The riot was "),
        ("Days of heavy rain sparked the landslide above the village.", "Days of heavy rain", "the landslide"),
        ("The protests were sparked by a rise in bus fares.", "a rise in bus fares.", "The protests were "),
        ("A loose cable brought about the power cut.", "A loose cable", "the power cut."),
    ],
)
def test_a_cause_given_by_a_phrasal_verb(text: str, cause: str, effect: str) -> None:
    found = cause_and_effect(text)
    assert found is not None
    assert found.cause.strip() == cause.strip()
    assert found.effect.startswith(effect.strip()) or found.effect.strip().startswith(effect.strip())


@pytest.mark.parametrize(
    ("question", "reason"),
    [("What set off the blaze?", True), ("What sparked the riot?", True), ("What touched off the protests?", True)],
)
def test_asking_what_set_something_off_asks_for_a_cause(question: str, reason: bool) -> None:
    assert asks_reason(question) is reason


@pytest.mark.parametrize(
    ("text", "stages"),
    [
        ("What did the final report conclude?", {"final"}),
        ("The interim review found rust on the gates.", {"preliminary"}),
        ("Investigators released their preliminary findings on Friday.", {"preliminary"}),
        ("The final report overturned the initial findings.", {"final", "preliminary"}),
        ("The report said the dam was safe.", set()),
    ],
)
def test_stages_of_a_finding(text: str, stages: set[str]) -> None:
    assert stages_named(text) == stages


@pytest.mark.parametrize(
    ("sentence", "title", "stage"),
    [
        ("It found a worn traction cable.", "Final report on the tram crash", "final"),
        ("The preliminary report found an overheated brake.", "Tram crash: first findings", "preliminary"),
        # A final report recalling the preliminary inquiry reports neither stage plainly.
        ("The brake found in the preliminary inquiry was a result of the crash.", "Final report on the tram crash", ""),
        ("The dam's interim review found rust on the gates.", "Dam repairs delayed", "preliminary"),
        ("The dam's gates were rusty.", "Dam repairs delayed", ""),
    ],
)
def test_the_stage_a_sentence_reports(sentence: str, title: str, stage: str) -> None:
    assert stage_of(sentence, Document("d.txt", "x", title, "h")) == stage


def test_counts_of_different_things_are_no_two_values_of_one_count() -> None:
    related = asked_measure(["thiev", "fled"])
    two = _figures("a", "The thieves fled with two accomplices on scooters.")
    three = _figures("b", "The thieves fled with three pieces of the crown jewels.")
    assert not related(two[0], three[0])
    boats = _figures("c", "The crew lowered four lifeboats as the ferry listed.")
    people = _figures("d", "The crew lowered six lifeboats as the ferry listed.")
    assert related(boats[0], people[0])


@pytest.mark.parametrize(
    ("first", "second", "asked", "linked"),
    [
        (
            "The airline said the outage cost it $500 million.",
            "The airline puts its losses at $550 million.",
            True,
            True,
        ),
        ("Repairs to the dam will cost €4 million.", "The repair bill for the dam is now €6 million.", True, True),
        ("The airline said the outage cost it $500 million.", "Its revenue rose to $550 million.", True, False),
        (
            "The airline said the outage cost it $500 million.",
            "The airline puts its losses at $550 million.",
            False,
            False,
        ),
    ],
)
def test_a_cost_and_a_loss_are_one_measure_of_money(first: str, second: str, asked: bool, linked: bool) -> None:
    a, b = _figures("a", first)[0], _figures("b", second)[0]
    terms = set(money_measure(["outage", "cost"] if asked else ["outage", "revenue"]))
    assert costs_asked(a, b, terms) is linked


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Which company operates the ferry?", "operates"),
        ("Which airline flies the route?", "flies"),
        ("Who owns the yacht?", "owns"),
        ("Which firm did the council hire?", None),
        ("Which port did the yacht leave?", None),
    ],
)
def test_the_action_a_question_asks_the_agent_of(question: str, verb: str | None) -> None:
    assert asked_action(question) == verb


@pytest.mark.parametrize(
    ("text", "name", "modifier"),
    [
        ("The Liberia-flagged carrier, run by Brightwater Shipping, sank.", "Liberia", True),
        ("The Liberia-flagged carrier, run by Brightwater Shipping, sank.", "Brightwater Shipping", False),
        ("A Paris-based charter firm, Skylane, flew the route.", "Paris", True),
        ("A Paris-based charter firm, Skylane, flew the route.", "Skylane", False),
    ],
)
def test_a_name_inside_an_adjective(text: str, name: str, modifier: bool) -> None:
    at = text.index(name)
    assert name_as_modifier(text, (at, at + len(name))) is modifier


@pytest.mark.parametrize(
    ("question", "text", "answer"),
    [
        ("Who owns the carrier?", "The Liberia-flagged carrier, run by Brightwater Shipping, sank.", None),
        ("Who flew the route?", "A Paris-based charter firm, Skylane, flew the route.", None),
    ],
)
def test_an_adjective_names_no_person_or_company(question: str, text: str, answer: str | None) -> None:
    span = answer_phrase("person", question, text)
    assert span is None or "-" not in text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("question", "flag"),
    [
        ("What flag does the tanker fly?", True),
        ("Which country's flag did the yacht sail under?", True),
        ("Where is the tanker registered?", True),
        ("Where did the tanker sink?", False),
    ],
)
def test_a_question_asks_for_a_flag(question: str, flag: bool) -> None:
    assert asks_flag(question) is flag


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The Orla, a Liberia-flagged tanker operated by Seaway Lines, ran aground.", "Liberia"),
        ("The yacht, flying the flag of the Cayman Islands, was seized in Gibraltar.", "Cayman Islands"),
        ("The trawler sailed under the Panamanian flag.", "Panamanian"),
        ("The jet was registered in Malta before the sale.", "Malta"),
        ("The tanker ran aground off Brest.", None),
    ],
)
def test_the_flag_a_ship_flies(text: str, country: str | None) -> None:
    span = flag_span(text)
    assert (None if span is None else text[span[0] : span[1]]) == country


@pytest.mark.parametrize(
    ("first", "later", "terms", "values"),
    [
        (
            "Repairs to the dam were first estimated at €2 million, the council said.",
            "The council now expects the dam repairs to cost €5.5 million.",
            ["dam", "repair", "cost"],
            [2e6, 5.5e6],
        ),
        (
            "The new stadium roof was originally budgeted at £40m.",
            "The stadium roof will now cost £95m, the club said.",
            ["stadium", "roof", "cost"],
            [4e7, 9.5e7],
        ),
        # No estimate: two sums of things that merely share words are not one revised.
        (
            "The dam's new turbines cost €2 million.",
            "The dam repairs cost €5.5 million.",
            ["dam", "repair", "cost"],
            None,
        ),
    ],
)
def test_a_revised_estimate_differs_from_the_first(
    first: str, later: str, terms: list[str], values: list[float] | None
) -> None:
    found = disagreement(_figures("a", first) + _figures("b", later), ["money"], terms)
    assert (None if found is None else [g.value for g in found.values]) == values


FERRY = {
    "coast-wire.md": (
        '---\ntitle: "Ferry and cargo ship collide off Halden"\noutlet: Coast Wire\nkind: news report\n'
        "date: 2026-03-03\n---\n"
        "The passenger ferry Nordlys collided with the cargo ship Tamsin Rae in fog off Halden early on Tuesday.\n\n"
        "The Nordlys, owned by Fjordlink, was bound for Kiel with 212 passengers on board.\n\n"
        "The Tamsin Rae, a Liberia-flagged bulk carrier operated by Brightwater Shipping, was heading to Gdansk.\n\n"
        "The coastguard said the collision happened at 04:12 and that the ferry was travelling at about 18 knots.\n\n"
        "One crew member was taken to hospital, and a 52-year-old passenger was treated for shock.\n"
    ),
    "harbour-gazette.md": (
        '---\ntitle: "Halden collision: what we know"\noutlet: Harbour Gazette\nkind: explainer\ndate: 2026-03-20\n---\n'
        "The collision happened at 04:25 on Tuesday, according to the harbour master.\n\n"
        "Radar records show the ferry was making 22 knots when the two ships met on a 1.6-mile stretch of open water.\n\n"
        "Rescuers lowered three lifeboats, and 14 passengers were treated for minor injuries.\n"
    ),
}


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "ferry-collision", FERRY, calibrated=None)


@pytest.mark.parametrize(
    ("question", "values"),
    [
        ("Do the sources agree on when the collision happened?", ("04:12", "04:25")),
        ("What time did the collision happen?", ("04:12", "04:25")),
        ("How fast was the ferry going?", ("18 knots", "22 knots")),
        ("Do the sources agree on the speed of the ferry?", ("18 knots", "22 knots")),
        ("What was the speed of the ferry?", ("18 knots", "22 knots")),
    ],
)
def test_sources_differ_on_times_and_speeds(ferry: Assistant, question: str, values: tuple[str, ...]) -> None:
    out = checked_answer(ferry, question)
    assert out["text"].startswith("Sources differ:"), out["text"]
    assert all(v in out["text"] for v in values), out["text"]
    assert "1.6-mile" not in (out["short_answer"] or {}).get("text", "")


@pytest.mark.parametrize(
    ("question", "short"),
    [
        ("Where was the Nordlys going?", "bound for Kiel"),
        ("Where was the Tamsin Rae headed?", "heading to Gdansk"),
    ],
)
def test_where_something_was_going_is_its_destination(ferry: Assistant, question: str, short: str) -> None:
    out = checked_answer(ferry, question)
    assert out["short_answer"] and out["short_answer"]["text"] == short, out["text"]


@pytest.mark.parametrize(
    ("question", "short"),
    [
        ("Which company operates the Tamsin Rae?", "Brightwater Shipping"),
        ("Which company owns the Nordlys?", "Fjordlink"),
        ("What flag does the Tamsin Rae fly?", "Liberia"),
    ],
)
def test_owners_operators_and_flags(ferry: Assistant, question: str, short: str) -> None:
    out = checked_answer(ferry, question)
    assert out["short_answer"] and out["short_answer"]["text"] == short, out["text"]


def test_an_adjective_does_not_answer_who(ferry: Assistant) -> None:
    out = checked_answer(ferry, "Who owns the Tamsin Rae?")
    assert "Liberia" not in (out["short_answer"] or {}).get("text", ""), out["text"]


def test_an_age_does_not_answer_how_many(ferry: Assistant) -> None:
    out = checked_answer(ferry, "How many passengers were treated?")
    assert "52" not in (out["short_answer"] or {}).get("text", ""), out["text"]
    assert "14" in out["text"], out["text"]


RUNAWAY = {
    "kessel-tram.txt": (
        "Tram runs away on Kessel hill\n"
        "The runaway tram was going fast down a 1.6-mile stretch of the Kessel hill when its brakes failed.\n"
        "Investigators said it reached 62 km/h before it left the rails.\n"
        "Nine passengers were hurt.\n"
    ),
}


@pytest.fixture(scope="module")
def runaway(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "runaway-tram", RUNAWAY, calibrated=None)


@pytest.mark.parametrize("question", ["How fast was the tram going?", "What speed did the tram reach?"])
def test_a_speed_answers_how_fast_not_a_length(runaway: Assistant, question: str) -> None:
    out = checked_answer(runaway, question)
    assert out["short_answer"] and out["short_answer"]["text"] == "62 km/h", out["text"]
    assert out["text"].index("62 km/h") < out["text"].find("1.6-mile") or "1.6-mile" not in out["text"]


MILL = {
    "hexby-times.md": (
        '---\ntitle: "Mill fire in Hexby"\noutlet: Hexby Times\nkind: news report\ndate: 2025-06-07\n---\n'
        "Fire crews were called to the old mill in Hexby at 23:23 on Friday, the fire brigade said.\n\n"
        "Nobody was hurt.\n"
    ),
    "dale-echo.md": (
        '---\ntitle: "Crews fight mill blaze"\noutlet: Dale Echo\nkind: news report\ndate: 2025-06-08\n---\n'
        "The first fire crews arrived at the old mill in Hexby at 23:29 and fought the blaze until dawn.\n\n"
        "The mill had stood empty for years.\n"
    ),
}


@pytest.fixture(scope="module")
def mill(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "mill-fire", MILL, calibrated=None)


@pytest.mark.parametrize(
    ("question", "time"),
    [
        ("What time did the fire crews arrive at the mill?", "23:29"),
        ("Do the sources agree on what time the crews arrived?", "23:29"),
        ("What time were fire crews called to the mill?", "23:23"),
    ],
)
def test_times_of_two_events_do_not_differ(mill: Assistant, question: str, time: str) -> None:
    out = checked_answer(mill, question)
    assert not out["text"].startswith("Sources differ"), out["text"]
    assert out["short_answer"] and out["short_answer"]["text"] == time, out["text"]


TRAM = {
    "valley-post.md": (
        '---\ntitle: "Investigators issue first findings on Brenner tram crash"\noutlet: Valley Post\n'
        "kind: news report\ndate: 2025-02-14\n---\n"
        "Investigators said on Friday that a brake fault was the most likely cause of the tram crash in Brenner.\n\n"
        "The preliminary report, released by the transport safety office, found that the tram's rear brake had "
        "overheated.\n\n"
        "It said the driver had reported a warning light ten minutes before the crash.\n\n"
        "The office said its final report would take about a year.\n"
    ),
    "city-courier.md": (
        '---\ntitle: "Final report blames worn cable for Brenner tram crash"\noutlet: City Courier\n'
        "kind: news report\ndate: 2026-01-20\n---\n"
        "The transport safety office's final report, published on Tuesday, concluded that a worn traction cable "
        "caused the Brenner tram crash.\n\n"
        "The report said the overheated brake found in the preliminary inquiry was a result of the crash, not its "
        "cause.\n\n"
        "It recommended that operators replace traction cables every eight years.\n"
    ),
}


@pytest.fixture(scope="module")
def tram(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "tram-inquiry", TRAM, calibrated=None)


@pytest.mark.parametrize(
    ("question", "source", "words"),
    [
        ("What did the final report find?", "city-courier.md", "worn traction cable"),
        ("What did the preliminary report say caused the crash?", "valley-post.md", "rear brake"),
    ],
)
def test_a_question_naming_a_stage_is_answered_from_it(tram: Assistant, question: str, source: str, words: str) -> None:
    answer = tram.ask(question)
    evidence = [c for c in answer.citations if not c.related]
    assert evidence and evidence[0].doc_id == source, answer.text
    assert words in evidence[0].quote
    assert all(c.doc_id == source for c in evidence), answer.text
