"""False premises a sentence contradicts (the subject did not do it; someone else did) and
figures that sources give differently (lengths of time, the figure a question asks for):
each rule with a table of sentences from several kinds of document (transport, sport,
housing, health, energy), written for these tests."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant.figures import Figure, asks_length, sentence_figures
from assistant.records import Sentence
from assistant.sources import asked_figures, disagrees_with
from assistant.stance import excludes_actor, negates_action


@pytest.mark.parametrize(
    ("text", "terms", "actors", "expected"),
    [
        ("The crew will not sail home on the ferry.", {"crew", "sail", "ferry"}, {"crew"}, True),
        ("Okafor never signed the new contract, her agent said.", {"okafor", "sign", "contract"}, {"okafor"}, True),
        ("The tenants no longer pay rent to the council.", {"tenant", "pay", "rent"}, {"tenant"}, True),
        ("The Mayor hasn't opened the bridge yet.", {"mayor", "open", "bridge"}, {"mayor"}, True),
        ("The striker not only scored but also assisted.", {"striker", "scor"}, {"striker"}, False),  # not only
        ("The council did not open the bridge.", {"mayor", "open", "bridge"}, {"mayor"}, False),  # someone else
        ("The crew will not stay long in port.", {"crew", "sail", "ferry"}, {"crew"}, False),  # another verb
    ],
)
def test_a_sentence_says_the_subject_did_not_do_it(
    text: str, terms: set[str], actors: set[str], expected: bool
) -> None:
    assert negates_action(text, terms, actors) is expected


@pytest.mark.parametrize(
    ("text", "terms", "actors", "expected"),
    [
        (
            "Under the lease the tenant, not the Council, pays for repairs.",
            {"council", "pay", "repair"},
            {"council"},
            True,
        ),
        ("Rovers, rather than Albion, signed the striker.", {"albion", "sign", "striker"}, {"albion"}, True),
        (
            "The grid operator, instead of Iberdrola, restored power.",
            {"iberdrola", "restor", "power"},
            {"iberdrola"},
            True,
        ),
        ("The Council, not the tenant, pays for repairs.", {"council", "pay", "repair"}, {"council"}, False),
        ("Rovers, not Albion, won the derby.", {"albion", "sign", "striker"}, {"albion"}, False),  # another matter
    ],
)
def test_a_sentence_says_someone_else_did_it(text: str, terms: set[str], actors: set[str], expected: bool) -> None:
    assert excludes_actor(text, terms, actors) is expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How long did the port strike last?", True),
        ("How many weeks was the bridge shut?", True),
        ("How many more days will the trial run?", True),
        ("How many flights were cancelled?", False),
        ("How much did the stadium cost?", False),
    ],
)
def test_questions_asking_for_a_length_of_time(question: str, expected: bool) -> None:
    assert asks_length(question) is expected


def _figures(doc: str, text: str) -> list[Figure]:
    return sentence_figures(Sentence(f"{doc}#s0", doc, 0, 0, len(text), text))


@pytest.mark.parametrize(
    ("best", "other", "terms", "expected"),
    [
        # near-synonym measures ("in space" / "in orbit") of the same length of time
        (
            "The pilots spent 186 days in space.",
            "They spent 187 days in orbit.",
            ["day", "space"],
            ["186 days", "187 days"],
        ),
        # the hedge stays part of each value
        (
            "The utility's 2019 deal with the city was worth £4.2 billion.",
            "The city's deal with the utility is worth nearly £5 billion.",
            ["deal", "worth", "city"],
            ["£4.2 billion", "nearly £5 billion"],
        ),
        # the figure asked for has no other value: the sentence's other figure does not count
        (
            "The council paid £3 million for the depot, and £2 million went on new buses.",
            "The depot cost the council £5 million.",
            ["went", "bus"],
            [],
        ),
        # different measures never differ
        ("The ferry trial ran for six weeks.", "The bridge closed for eight weeks of repairs.", ["ferry", "trial"], []),
    ],
)
def test_a_figure_asked_for_that_another_source_gives_differently(
    best: str, other: str, terms: list[str], expected: list[str]
) -> None:
    found = disagrees_with(_figures("a", best), _figures("b", other), ["money", "count", "duration"], terms)
    assert ([g.figures[0].text for g in found.values] if found else []) == expected


def test_the_figure_a_question_asks_for() -> None:
    figures = _figures("a", "The council paid £3 million for the depot, and £2 million went on new buses.")
    assert [f.text for f in asked_figures(figures, ["money"], ["bus"])] == ["£2 million"]
    assert [f.text for f in asked_figures(figures, ["money"], ["stadium"])] == ["£3 million", "£2 million"]


DOCUMENTS = {
    "harbour-news.txt": (
        "Ferry trial ends early\n\n"
        "The island ferry trial began on 3 March and was planned to run for about eight weeks.\n"
        "The crew will not sail the old ferry home to Oban.\n"
        "The old ferry will instead be towed to Greenock for scrap.\n"
        "Under the lease, the harbour trust, not the Council, pays for repairs to the pier.\n"
    ),
    "island-gazette.txt": (
        "Island ferry: what went wrong\n\n"
        "The ferry sailed on what had been billed as a 10-week trial of the new timetable.\n"
        "Islanders said the timetable suited commuters.\n"
    ),
}


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return bot_on(tmp_path_factory, "harbour", DOCUMENTS)


def test_sources_differ_on_a_length_of_time(harbour) -> None:  # type: ignore[no-untyped-def]
    out = checked_answer(harbour, "How long was the ferry trial planned to run?")
    assert out["text"].startswith("Sources differ:")
    assert "eight weeks" in out["text"] and "10-week" in out["text"]
    assert {c["doc_id"] for c in out["citations"]} == set(DOCUMENTS)


def test_a_premise_the_subject_did_not_do(harbour) -> None:  # type: ignore[no-untyped-def]
    out = checked_answer(harbour, "Why did the crew sail the old ferry home to Oban?")
    assert out["behaviour"] == "correct_premise"
    assert "will not sail" in out["text"] and "towed to Greenock" in out["text"]
