"""Names written with letters outside plain ASCII, lower-case particles inside them, apostrophes
and hyphens: found whole by every step that reads names (the shared ``assistant.names``).

Sentences come from two documents written for these tests: a report on a port strike in Spain
and Portugal, and a report on an energy summit with Polish, Irish, Dutch and Gulf delegates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.agents import passive_agent
from assistant.briefing import WHO_SAID_WHAT
from assistant.direct import mentions_name
from assistant.evidence import name_spans
from assistant.names import NAME_RE, UPPER, name_run
from assistant.question import question_names
from assistant.sentences import split_sentences
from assistant.speakers import attribute, is_affiliation, speaker_label
from assistant.stance import ENTITY

PORT_STRIKE = (
    "Dockers at Valencia and Leixões stopped work on Tuesday. "
    "Íñigo Ruiz-Tagle, the head of the dockers' union, said the strike would last three days. "
    "“We have waited two years for this contract,” Ruiz-Tagle said. "
    "The port authority's director, Ana María Núñez, called the walkout unlawful. "
    "“No ship will be turned away,” Núñez told reporters in Valencia. "
    "João Gonçalves, who speaks for the shipping lines, said cargo would be sent to Sines instead."
)
ENERGY_SUMMIT = (
    "Ministers met in Gdańsk on Friday to agree a plan for offshore wind. "
    "Łukasz Nowak, Poland's climate minister, said the plan would double capacity by 2030. "
    "“The Baltic is our North Sea,” Nowak said. "
    "Seán O'Neill, Ireland's energy minister, warned that grid links were too slow. "
    "“Every year of delay costs us,” O'Neill said. "
    "Jan van der Berg, the Dutch delegate, said the costs would be shared. "
    "“Nobody pays twice,” van der Berg told the meeting. "
    "Sheikh Khalid bin Hamad al-Thani attended as an observer. "
    "Élodie des Marais, who chaired the talks, said a second round would follow in Rotterdam. "
    "“We meet again in spring,” des Marais said."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Íñigo Ruiz-Tagle, the head of the dockers' union, spoke.", ["Íñigo Ruiz-Tagle"]),
        ("The director, Ana María Núñez, called the walkout unlawful.", ["The", "Ana María Núñez"]),
        ("Dockers at Valencia and Leixões stopped work.", ["Dockers", "Valencia", "Leixões"]),
        ("Łukasz Nowak met Seán O'Neill in Gdańsk.", ["Łukasz Nowak", "Seán O'Neill", "Gdańsk"]),
        ("Jan van der Berg said the costs would be shared.", ["Jan van der Berg"]),
        ("Sheikh Khalid bin Hamad al-Thani attended.", ["Sheikh Khalid bin Hamad al-Thani"]),
        ("It was chaired by des Marais.", ["It", "des Marais"]),
        ("Ministers met on Friday to agree a plan.", ["Ministers", "Friday"]),
    ],
)
def test_names_in(text: str, expected: list[str]) -> None:
    assert NAME_RE.findall(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Élodie", True), ("Łukasz", True), ("Ørsted", True), ("élite", False), ("ñu", False), ("2030", False)],
)
def test_capitalised(word: str, expected: bool) -> None:
    assert (re.match(UPPER, word) is not None) == expected


@pytest.mark.parametrize(
    ("text", "joiners", "expected"),
    [
        ("The Port of Valencia met Ana María Núñez.", (), ["The Port of Valencia", "Ana María Núñez"]),
        ("Jan van der Berg and Seán O'Neill spoke.", (), ["Jan van der Berg", "Seán O'Neill"]),
        ("Jan van der Berg and Seán O'Neill spoke.", ("and",), ["Jan van der Berg and Seán O'Neill"]),
        ("It was chaired by Élodie des Marais in Gdańsk.", (), ["It", "Élodie des Marais", "Gdańsk"]),
    ],
)
def test_a_name_run_joins_capitalised_words_by_of_the_and_particles(
    text: str, joiners: tuple[str, ...], expected: list[str]
) -> None:
    assert re.findall(name_run(*joiners), text) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What did Íñigo Ruiz-Tagle say about the strike?", ("Íñigo Ruiz-Tagle",)),
        ("Why did Núñez call the walkout unlawful?", ("Núñez",)),
        ("Who is Łukasz Nowak?", ("Łukasz Nowak",)),
        ("What did Seán O'Neill warn about?", ("Seán O'Neill",)),
        ("Did Jan van der Berg agree to share the costs?", ("Jan van der Berg",)),
        ("Who chaired the talks after Élodie des Marais left?", ("Élodie des Marais",)),
        ("Why did des Marais call a second round?", ("des Marais",)),
    ],
)
def test_question_names(question: str, expected: tuple[str, ...]) -> None:
    assert question_names(question) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Élodie des Marais chaired the talks.", ["Élodie des Marais"]),
        ("Then Ørsted and Łukasz Nowak signed.", ["Ørsted", "Łukasz Nowak"]),
        ("Cargo went to Sines, said João Gonçalves.", ["Cargo", "Sines", "João Gonçalves"]),
    ],
)
def test_name_spans(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in name_spans(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gonçalves said the lines would divert.", ["Gonçalves"]),
        ("Élodie spoke for the ÖBB delegation.", ["Élodie", "ÖBB"]),
    ],
)
def test_entities_of_stance(text: str, expected: list[str]) -> None:
    assert ENTITY.findall(text) == expected


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (PORT_STRIKE, ["Íñigo Ruiz-Tagle", "Ana María Núñez"]),
        (ENERGY_SUMMIT, ["Łukasz Nowak", "Seán O'Neill", "Jan van der Berg", "Élodie des Marais"]),
    ],
)
def test_speakers_are_named_whole(document: str, expected: list[str]) -> None:
    assert [q.speaker for q in attribute(split_sentences("doc.txt", document))] == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("JAN VAN DER BERG (Dutch delegate): The costs will be shared.", ["Jan", "van", "der", "Berg"]),
        ("DES MARAIS: We meet again in Rotterdam.", ["des", "Marais"]),
        ("ÍÑIGO RUIZ-TAGLE: Three days.", ["Íñigo", "Ruiz-Tagle"]),
    ],
)
def test_a_label_in_capitals_reads_as_the_name(label: str, expected: list[str]) -> None:
    found = speaker_label(label)
    assert found is not None and found[0] == expected


def test_a_briefing_names_speakers_with_accented_names(tmp_path_factory: pytest.TempPathFactory) -> None:
    from asking import bot_on

    bot = bot_on(tmp_path_factory, "names", {"port.txt": PORT_STRIKE, "summit.txt": ENERGY_SUMMIT}, calibrated=None)
    shown = " ".join(item.label or "" for item in bot.brief().section(WHO_SAID_WHAT).items)
    for name in ("Íñigo Ruiz-Tagle", "Ana María Núñez", "Łukasz Nowak", "Seán O'Neill", "Élodie des Marais"):
        assert name in shown


ASCII_LETTER_CLASS = re.compile(r"\[(?:A-Za-z|a-zA-Z|A-Z)(?!a-z|0-9)")


def test_no_module_reads_words_with_an_ascii_letter_class() -> None:
    """A word or name pattern written [A-Z] / [A-Za-z] cuts "Gérald" to "G" and misses "Élisabeth":
    every module takes its letters from ``assistant.names`` (or ``[^\\W\\d_]``)."""
    package = Path(__file__).parent.parent / "assistant"
    found = [
        f"{path.name}:{n}"
        for path in sorted(package.glob("*.py"))
        if path.name != "names.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ASCII_LETTER_CLASS.search(line)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("verb", "text", "expected"),
    [
        (
            "rescued",
            "The crew were rescued at dawn by Ørjan Dahl and his lifeboat crew.",
            "Ørjan Dahl",
        ),
        ("chaired", "The talks were chaired by Élodie des Marais.", "Élodie des Marais"),
    ],
)
def test_the_agent_after_by_is_named_whole(verb: str, text: str, expected: str) -> None:
    found = passive_agent(verb, text)
    assert found is not None and text[found[0] : found[1]] == expected


@pytest.mark.parametrize(
    ("between", "expected"),
    [(" of Universität Zürich ", True), (" at Ørsted ", True), (" and Łukasz ", False)],
)
def test_an_affiliation_with_accented_names(between: str, expected: bool) -> None:
    assert is_affiliation(between) == expected


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("Ana Nunez", "“No ship will be turned away,” Núñez told reporters.", True),
        ("Joao Goncalves", "João Gonçalves said cargo would go to Sines.", True),
        ("Inigo Ruiz-Tagle", "Ana María Núñez called the walkout unlawful.", False),
    ],
)
def test_a_name_typed_without_accents_is_mentioned(name: str, text: str, expected: bool) -> None:
    assert mentions_name(name, text) == expected
