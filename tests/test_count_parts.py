"""A "how many X ...?" question counts X, not a part of them nor the predicate's object:
"How many burglars were there?" is not answered by "one of the burglars", and "How many
volunteers cleared beaches?" counts volunteers, not beaches. Sentences and a small corpus
written for these tests (a bank raid, a mountain team, a beach clean-up)."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.direct import count_spans
from assistant.embeddings import Embedder
from assistant.question import asked_predicate, asked_setting, counted_words


@pytest.fixture(scope="module")
def vectors() -> Embedder:
    return Embedder()


@pytest.mark.parametrize(
    ("question", "text", "first"),
    [
        # A value after a label and its colon counts what the label says was done.
        ("How many suspects have been charged?", "Suspects charged so far: two.", ["two"]),
        ("How many flights were cancelled?", "Flights cancelled on Monday: 344", ["344"]),
        ("How many flights were cancelled?", "Airlines said: 300 flights landed late.", []),
        # A count of the members of a group counts the group's people.
        (
            "How many staff were in the ward?",
            "Five members of the hospital's staff were in the ward; 20 beds were full.",
            ["Five"],
        ),
        (
            "How many crew stayed aboard?",
            "Twelve members of the crew stayed aboard and 40 passengers left.",
            ["Twelve"],
        ),
        # Nothing said to happen to them: all of them, never a part.
        ("How many burglars were there?", "Guards caught one of the burglars at the gate.", []),
        (
            "How many burglars were there?",
            "Four burglars entered the bank; guards caught one of the burglars.",
            ["Four"],
        ),
        ("How many climbers were on the team?", "Two of the five climbers reached the summit.", ["five"]),
        # A part said to do what is asked answers.
        ("How many climbers reached the summit?", "Two of the five climbers reached the summit.", ["Two"]),
        # The predicate's object is not what is counted.
        ("How many volunteers cleared beaches?", "About 300 volunteers cleared four beaches on Sunday.", ["300"]),
        ("How many accomplices waited on scooters?", "Two accomplices were waiting on scooters.", ["Two"]),
    ],
)
def test_a_count_question_counts_all_of_its_noun(vectors: Embedder, question: str, text: str, first: list[str]) -> None:
    spans = count_spans(
        text, counted_words(question), asked_predicate(question), vectors.word_vectors, asked_setting(question)
    )
    assert [text[a:b].split()[-1] for a, b in spans][:1] == first


RAID = {
    "raid-gazette.md": (
        '---\ntitle: "Raid on Carver Street bank"\noutlet: Carver Gazette\nkind: news report\ndate: 2025-04-14\n---\n'
        "Robbers raided the Carver Street bank on Monday morning and escaped with cash.\n\n"
        "Guards caught one of the robbers at the back gate before police arrived.\n"
    ),
    "raid-police.md": (
        '---\ntitle: "Police appeal after bank raid"\noutlet: County Police\nkind: press release\ndate: 2025-04-15\n---\n'
        "Detectives are appealing for witnesses to the raid on the Carver Street bank.\n\n"
        "Officers searched the area around the bank with a helicopter.\n"
    ),
}


@pytest.fixture(scope="module")
def raid(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "raid", RAID, calibrated=None)


def test_one_of_them_does_not_say_how_many_there_were(raid: Assistant) -> None:
    out = checked_answer(raid, "How many robbers were there?")
    assert not (out["short_answer"] and out["short_answer"]["text"] == "one"), out["text"]


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("How many items were recalled?", ()),
        ("How many things did the burglars take?", ()),
        ("How many objects were taken from the gallery?", ()),
        ("How many kettles were recalled?", ("kettl",)),
        ("How many staff were on duty in the ward?", ("staff",)),
        ("How many children were hurt in the crash?", ("children",)),
        ("How many people were hurt?", ()),
    ],
)
def test_a_general_plural_names_no_kind_of_thing(question: str, counted: tuple[str, ...]) -> None:
    assert counted_words(question) == counted


RECALL = {
    "recall-news.md": (
        '---\ntitle: "Kettle recall"\noutlet: Consumer Post\nkind: news report\ndate: 2025-07-01\n---\n'
        "About 40,000 kettles were recalled by Brenner Home after reports of faulty switches.\n\n"
        "Customers can return them to any of three retailers.\n"
    ),
    "recall-maker.md": (
        '---\ntitle: "Safety notice"\noutlet: Brenner Home\nkind: press release\ndate: 2025-06-30\n---\n'
        "Brenner Home is recalling its Model K2 kettle as a precaution.\n\n"
        "No injuries have been reported.\n"
    ),
}


@pytest.fixture(scope="module")
def recall(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "recall", RECALL, calibrated=None)


def test_how_many_items_is_answered_by_a_count_of_what_was_recalled(recall: Assistant) -> None:
    out = checked_answer(recall, "How many items did Brenner Home recall?")
    assert out["short_answer"] and out["short_answer"]["text"].endswith("40,000"), out["text"]
