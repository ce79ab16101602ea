"""A "how many X ...?" question is answered by a count of X in a clause that says what the
question asks happened to X: "How many passengers drowned?" is not answered by the number
rescued, nor by a count of another noun ("one measure among many"); a count with a unit
("about 40 tonnes of steel") answers "How many tonnes of wreckage were lifted?". Two
stories written for these tests: a ferry that overturned on a lake, and a hill fire."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.direct import count_spans, counts_noun, says_predicate
from assistant.embeddings import Embedder
from assistant.question import asked_predicate, asked_setting, counted_words

FERRY = {
    "ferry-report.md": (
        '---\ntitle: "Ferry overturns in squall on Lake Orvin"\noutlet: Lakeland Post\nkind: news report\n'
        "date: 2025-06-09\n---\n"
        "The ferry Selka overturned in a sudden squall on Lake Orvin on Sunday afternoon.\n\n"
        "Eleven passengers were rescued by fishing boats that reached the ferry within minutes.\n\n"
        "Four passengers drowned, the lake police said, and three are still missing.\n\n"
        "The Selka was licensed to carry 80 passengers.\n"
    ),
    "ferry-salvage.md": (
        '---\ntitle: "Wreck of the Selka raised"\noutlet: Orvin Courier\nkind: news report\n'
        "date: 2025-06-20\n---\n"
        "Salvage divers raised the wreck of the Selka from the lake bed on Thursday.\n\n"
        "Cranes lifted about 40 tonnes of steel and timber out of the water, the harbour office said.\n\n"
        "The ferry's owners said a new boat would be one vessel among many on the lake next year.\n"
    ),
}

FIRE = {
    "fire-county.md": (
        '---\ntitle: "Hill fire above Castra contained"\noutlet: Castra County\nkind: press release\n'
        "date: 2025-08-14\n---\n"
        "The fire that burned for five days in the hills above Castra is now contained.\n\n"
        "The fire destroyed 230 homes on the eastern slopes, county officials said.\n\n"
        "Another 12 homes were damaged but can be repaired, the county's surveyors found.\n\n"
        "Firefighters evacuated about 5,000 residents from the valley on Tuesday night.\n"
    ),
    "fire-roads.md": (
        '---\ntitle: "Castra road reopens after fire"\noutlet: Valley Herald\nkind: news report\n'
        "date: 2025-08-18\n---\n"
        "The main road into Castra reopened on Monday after the hill fire.\n\n"
        "Road crews cleared roughly 300 tonnes of burnt timber and rock from the carriageway.\n"
    ),
}

MINE = {
    "mine-report.md": (
        '---\ntitle: "Rescuers reach trapped miners at Carrow pit"\noutlet: Northern Courier\nkind: news report\n'
        "date: 2025-02-08\n---\n"
        "Rescue teams reached the flooded lower gallery of the Carrow pit on Friday night.\n\n"
        "Nine miners were brought up to the surface by rescuers and taken to hospital in Carrow.\n\n"
        "Three others are presumed dead, the mine's owners said.\n"
    ),
    "mine-union.md": (
        '---\ntitle: "Union calls for inquiry into Carrow flood"\noutlet: Pit Workers Union\nkind: statement\n'
        "date: 2025-02-09\n---\n"
        "The union has asked for a public inquiry into the flooding of the Carrow pit.\n\n"
        "Pumps in the lower gallery had failed twice in the month before the flood.\n"
    ),
}

STORM = {
    "storm-grid.md": (
        '---\ntitle: "Storm Edda batters the south-west"\noutlet: Western Daily\nkind: news report\n'
        "date: 2025-11-04\n---\n"
        "Storm Edda brought gusts of 90 miles an hour to the coast on Tuesday.\n\n"
        "The storm left some 40,000 households in Cornwall without power overnight, the grid operator said.\n\n"
        "Engineers expected most homes to be reconnected by Thursday.\n"
    ),
    "storm-rail.md": (
        '---\ntitle: "Rail services cut as storm hits"\noutlet: Rail Today\nkind: news report\n'
        "date: 2025-11-05\n---\n"
        "Fallen trees blocked the main line west of the city for most of Tuesday.\n\n"
        "About 200 Westways trains were scrapped while crews cleared the track.\n"
    ),
}


@pytest.mark.parametrize(
    ("question", "counted", "predicate"),
    [
        ("How many passengers drowned?", ("passenger",), ("drowned",)),
        ("How many passengers were rescued by fishing boats?", ("passenger",), ("rescued",)),
        ("How many tonnes of wreckage were lifted?", ("tonn",), ("lifted",)),
        ("How many homes did the fire destroy?", ("hom",), ("fire", "destroy")),
        ("How many residents in Castra were evacuated on Tuesday?", ("resident",), ("evacuated",)),
        ("How many people can the shelters in Castra hold at night?", (), ("shelters", "hold")),
        ("How many ferries are there?", ("ferr",), ()),
        ("How many Highlands schools closed?", ("highland", "school"), ("closed",)),
    ],
)
def test_a_count_question_says_what_it_counts_and_what_happened(
    question: str, counted: tuple[str, ...], predicate: tuple[str, ...]
) -> None:
    assert counted_words(question) == counted
    assert asked_predicate(question) == predicate


@pytest.mark.parametrize(
    ("text", "number", "counted", "expected"),
    [
        ("Eleven passengers were rescued by fishing boats.", "Eleven", {"passenger"}, True),
        ("The Selka was licensed to carry 80 passengers.", "80", {"passenger"}, True),
        ("Of 90 passengers on board, 11 were rescued.", "11", {"passenger"}, True),  # the noun left out
        ("A new boat would be one vessel among many on the lake.", "many", {"ferr"}, False),
        ("A new boat would be one vessel among many on the lake.", "one", {"ferr"}, False),
        ("The fire destroyed 230 homes on the eastern slopes.", "230", {"hom"}, True),
        ("Crews worked 300 hours on the slopes.", "300", {"hom"}, False),
        ("Five of the county's 40 engines broke down.", "Five", {"engin"}, True),
    ],
)
def test_a_count_counts_the_noun_after_it_or_the_one_it_leaves_out(
    text: str, number: str, counted: set[str], expected: bool
) -> None:
    at = text.index(number)
    assert counts_noun(text, (at, at + len(number)), counted) is expected


@pytest.fixture(scope="module")
def vectors() -> Embedder:
    return Embedder()


@pytest.mark.parametrize(
    ("predicate", "clause", "expected"),
    [
        (("drowned",), "Four passengers drowned", True),
        (("died",), "Four passengers are presumed dead", True),
        (("died",), "Eleven passengers were rescued by fishing boats", False),
        (("rescued",), "Four passengers drowned", False),
        (("destroy",), "The fire destroyed 230 homes on the eastern slopes", True),
        (("destroyed",), "Road crews cleared roughly 300 tonnes of burnt timber", False),
        ((), "Another 12 homes were damaged", True),
    ],
)
def test_a_clause_says_the_predicate_by_its_word_or_a_near_one(
    vectors: Embedder, predicate: tuple[str, ...], clause: str, expected: bool
) -> None:
    assert says_predicate(predicate, clause, vectors.word_vectors) is expected


def test_count_spans_keep_the_count_of_what_happened(vectors: Embedder) -> None:
    text = "Eleven passengers were rescued, and four passengers drowned."
    found = [text[a:b] for a, b in count_spans(text, {"passenger"}, ("drowned",), vectors.word_vectors)]
    assert found == ["four"]


@pytest.mark.parametrize(
    ("question", "text", "count"),
    [
        # The very compound counted, its verb worded otherwise: the same things, the same event.
        ("How many Westways trains were cancelled?", "About 1,200 Westways trains were scrapped that day.", "1,200"),
        ("How many Highlands schools closed?", "Heavy snow shut 140 Highlands schools on Monday.", "140"),
        ("How many Highlands schools closed?", "Heavy snow closed 140 Highlands schools on Monday.", "140"),
        # The head noun alone with another verb: maybe another event.
        ("How many Westways trains were cancelled?", "About 300 trains ran on Monday.", ""),
        ("How many hikers died?", "Two hikers were rescued from the ridge.", ""),
        ("How many Highlands schools closed?", "Inspectors visited 140 schools on Monday.", ""),
    ],
)
def test_a_count_of_the_asked_noun_phrase_answers_in_other_words(
    vectors: Embedder, question: str, text: str, count: str
) -> None:
    spans = count_spans(
        text, counted_words(question), asked_predicate(question), vectors.word_vectors, asked_setting(question)
    )
    assert [text[a:b].split()[-1] for a, b in spans][:1] == ([count] if count else [])


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "ferry", FERRY, calibrated=None)


@pytest.fixture(scope="module")
def mine(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "mine", MINE, calibrated=None)


@pytest.fixture(scope="module")
def fire(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "fire", FIRE, calibrated=None)


@pytest.fixture(scope="module")
def storm(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "storm", STORM, calibrated=None)


@pytest.mark.parametrize(
    ("story", "question", "right"),
    [
        ("storm", "How many Westways trains were cancelled?", "About 200"),
        ("ferry", "How many passengers drowned?", "Four"),
        ("ferry", "How many passengers were rescued?", "Eleven"),
        ("ferry", "How many tonnes of wreckage were lifted?", "about 40 tonnes"),
        ("fire", "How many homes did the fire destroy?", "230"),
        ("mine", "How many miners died?", "Three"),  # the count saying "dead", not the nine brought up
        ("fire", "How many homes were damaged?", "12"),
        ("fire", "How many tonnes of debris were cleared from the road?", "roughly 300 tonnes"),
    ],
)
def test_a_count_question_is_answered_by_the_count_of_what_it_asks(
    request: pytest.FixtureRequest, story: str, question: str, right: str
) -> None:
    out = checked_answer(request.getfixturevalue(story), question)
    assert out["answered"], out["text"]
    assert out["short_answer"] is not None and out["short_answer"]["text"] == right, out


@pytest.mark.parametrize(
    ("story", "question", "wrong"),
    [
        ("ferry", "How many passengers were injured?", ("Eleven", "Four", "80")),
        ("ferry", "How many ferries sail on the lake?", ("one", "many")),
        ("fire", "How many residents were injured?", ("5,000",)),
        ("fire", "How many firefighters were hurt?", ("5,000", "230", "12")),
    ],
)
def test_no_count_of_another_event_or_noun_answers(
    request: pytest.FixtureRequest, story: str, question: str, wrong: tuple[str, ...]
) -> None:
    out = checked_answer(request.getfixturevalue(story), question)
    short = out["short_answer"]["text"] if out["short_answer"] else ""
    assert not any(w in short for w in wrong), out
    assert not out["answered"] or short, out
