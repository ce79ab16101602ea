"""A transcript's one-word label ("KOVAC: ...") speaks for the person another document of the
corpus names in full: "Who said ...?" answers with that person's name and role, cited, not
the bare label, and the briefing's "Who said what" lists the turn under them. Two stories
written for these tests in our own words, in one corpus."""

from __future__ import annotations

import pytest
from test_briefing import _corpus_bot

from assistant.briefing import WHO_SAID_WHAT

DOCUMENTS = {
    "harbour-report.txt": (
        'title = "Dredging of Marlow harbour begins"\noutlet = "Marlow Mercury"\ndate = "2026-03-02"\n',
        "Dredgers began clearing silt from the mouth of Marlow harbour on Monday.\n\n"
        "Harbour Commissioner Ivana Kovac signed the contract last month.\n\n"
        "Fishing boats have had to wait for high tide to leave port since the winter storms.\n",
    ),
    "harbour-transcript.txt": (
        'title = "Harbour board meeting, 3 March"\noutlet = "Marlow Harbour Board"\ndate = "2026-03-03"\n'
        'kind = "transcript"\n',
        "KOVAC: The dredging will finish in May, before the sailing season.\n"
        "MEMBER: What will it cost?\n"
        "KOVAC: The contract is for a fixed price, paid over two years.\n",
    ),
    "fire-report.txt": (
        'title = "Fire guts restaurant on Quay Street"\noutlet = "Northshore News"\ndate = "2026-05-11"\n',
        "A fire destroyed a restaurant on Quay Street in Northshore late on Sunday.\n\n"
        "Fire Chief Per Lindqvist said crews had stopped the flames reaching the flats above.\n\n"
        "Nobody was hurt.\n",
    ),
    "fire-transcript.txt": (
        'title = "Fire service news conference"\noutlet = "Northshore Fire Service"\ndate = "2026-05-12"\n'
        'kind = "transcript"\n',
        "LINDQVIST: The blaze started in the kitchen, and the extractor fan spread it to the roof.\n"
        "REPORTER: Was anyone inside?\n"
        "LINDQVIST: The staff had left an hour before.\n",
    ),
}


@pytest.fixture(scope="module")
def labels_bot(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return _corpus_bot(tmp_path_factory, "labels", DOCUMENTS)


@pytest.mark.parametrize(
    ("question", "who", "label"),
    [
        ("Who said the dredging would finish in May?", "Harbour Commissioner Ivana Kovac", "KOVAC:"),
        ("Who said the blaze started in the kitchen?", "Fire Chief Per Lindqvist", "LINDQVIST:"),
    ],
)
def test_who_said_names_the_person_behind_a_transcript_label(labels_bot, question: str, who: str, label: str) -> None:  # type: ignore[no-untyped-def]
    answer = labels_bot.ask(question)
    short = answer.to_dict()["short_answer"]
    assert short is not None and short["text"] == who, answer.text
    cited = {c.marker: c for c in answer.citations}
    assert who in cited[short["marker"]].quote  # the name and role are quoted from a source
    assert any(c.quote.startswith(label) for c in answer.citations)  # and the turn itself is cited


def test_who_said_what_lists_label_turns_under_the_full_name(labels_bot) -> None:  # type: ignore[no-untyped-def]
    who = {item.label: item for item in labels_bot.brief().section(WHO_SAID_WHAT).items}
    kovac = next(item for label, item in who.items() if label and label.startswith("Ivana Kovac"))
    assert any(c.quote.startswith("KOVAC:") for c in kovac.citations)
