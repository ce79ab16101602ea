"""The rule-based composer's evidence gates (``assistant/compose.py``): a question giving a
date is declined when its best sentence shares only the document's subject and that date;
a decade or a three-digit year is a time, the name a pronoun stands for counts as named,
and a name typed without its accents matches.

Two encyclopedia-style documents written for these tests in our own words (an abbey, a
shipping line), each on a corpus of its own, asked through the default routed composer
(one document: the rules answer)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from asking import bot_on
from asking import checked_answer as ask

from assistant import Assistant
from assistant.compose import holds_answer_type, setting_free_terms
from assistant.lexical import unaccented
from assistant.records import Sentence

DOCUMENTS = {
    "abbey.txt": (
        "Lindholm Abbey\n\n"
        "A wooden chapel stood on the site in 874, until raiders burned it.\n"
        "Lindholm Abbey was founded by monks from Rievaulx in 1147.\n"
        "The abbey flourished in the 13th century, when it owned sheep farms across the dales.\n"
        "Abbot Hervé of Caen rebuilt the church in the 1290s.\n"
        "Bishop Osric of Durham consecrated the new choir in 1302.\n"
        "He appointed Walter of Kirkby prior of the abbey.\n"
        "The abbey was dissolved in 1539 and its lands were sold to a wool merchant.\n"
    ),
    "shipping.txt": (
        "Tarn Line\n\n"
        "The Tarn Line was a shipping company based in Bergen, founded by the merchant Nils Aune.\n"
        "Its first steamer, the Solvik, entered service in the 1870s.\n"
        "The company carried mail to the northern islands from 1881.\n"
        "Captain Ingrid Holm commanded the Solvik for twenty years.\n"
        "She later founded a school for pilots in Tromsø.\n"
        "The Tarn Line merged with a rival firm in 1923.\n"
        "Its head office moved to Ålesund in 1902.\n"
    ),
}


@pytest.fixture(scope="module")
def on_its_own(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Assistant]:
    """The routed engine on a corpus of one of ``DOCUMENTS`` alone, built once per document."""
    bots: dict[str, Assistant] = {}

    def bot(name: str) -> Assistant:
        if name not in bots:
            bots[name] = bot_on(tmp_path_factory, name.removesuffix(".txt"), {name: DOCUMENTS[name]}, calibrated=None)
        return bots[name]

    return bot


def evidence(answer: dict[str, Any]) -> str:
    return " ".join(c["quote"] for c in answer["citations"] if not c["related"])


@pytest.mark.parametrize(
    ("document", "question", "cited"),
    [
        # a decade, and a year of three digits, are times
        ("abbey.txt", "When was the church rebuilt?", "in the 1290s"),
        ("abbey.txt", "When did a wooden chapel stand on the site?", "in 874"),
        ("shipping.txt", "When did the Solvik enter service?", "in the 1870s"),
        # a question naming two names: the name a pronoun stands for is in the sentence before
        ("abbey.txt", "Who did Osric appoint prior of Lindholm Abbey?", "Walter of Kirkby"),
        ("shipping.txt", "Where did Ingrid Holm of the Tarn Line found a school?", "Tromsø"),
        # a name typed without its accents
        ("shipping.txt", "When did the Tarn Line move its head office to Alesund?", "in 1902"),
        # a synonym of the question's own word ("religion" ~ "Christian" on the SQuAD tune article)
        ("shipping.txt", "When did the Tarn Line deliver letters to the northern islands?", "from 1881"),
    ],
)
def test_answered_from_the_sentence_that_says_it(
    on_its_own: Callable[[str], Assistant], document: str, question: str, cited: str
) -> None:
    answer = ask(on_its_own(document), question)
    assert answer["answered"], answer["reason"]
    assert cited in evidence(answer)


@pytest.mark.parametrize(
    ("document", "question", "reason"),
    [
        # a name typed without its accents is still a name the best sentence must give
        ("abbey.txt", "When did Abbot Herve consecrate the choir of Lindholm Abbey?", "names every name"),
        ("shipping.txt", "When did Captain Holm move the head office to Alesund?", "names every name"),
        # the best sentence shares only the subject (the title) and the dates the question gives
        ("abbey.txt", "What did Lindholm Abbey export in the 13th century?", "only the subject and the dates"),
        ("shipping.txt", "What did the Tarn Line insure in the 1870s?", "only the subject and the dates"),
    ],
)
def test_declined_when_the_best_sentence_is_about_something_else(
    on_its_own: Callable[[str], Assistant], document: str, question: str, reason: str
) -> None:
    answer = ask(on_its_own(document), question)
    assert not answer["answered"]
    assert reason in answer["reason"]


def sentence(text: str) -> Sentence:
    return Sentence("d#s0", "d", 0, 0, len(text), text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mill was built in the 1790s.", True),
        ("Raiders burned the chapel in 874, and the monks left.", True),
        ("The town was first named in 912, in a charter.", True),
        ("The fleet sailed in 300 ships.", False),
        ("The chapel seated 874 people.", False),
        ("Ticket sales fell by 150, to 2,300.", False),
        ("Crews grew from 300 to 450 people.", False),
    ],
)
def test_a_decade_or_a_three_digit_year_is_a_time(text: str, expected: bool) -> None:
    assert holds_answer_type("time", sentence(text), "When?") is expected


@pytest.mark.parametrize(
    ("question", "title", "expected"),
    [
        ("What did Lindholm Abbey export in the 13th century?", "Lindholm Abbey", {"export"}),
        ("Which ports did the Tarn Line serve in the 1880s?", "Tarn Line", {"port", "serve"}),
        ("When did the abbey close?", None, {"abbey", "close"}),
    ],
)
def test_the_question_words_beyond_its_setting(question: str, title: str | None, expected: set[str]) -> None:
    assert setting_free_terms(question, title) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Tromsø", "Tromsø"), ("Hervé of Caen", "Herve of Caen"), ("Jumièges", "Jumieges"), ("São Paulo", "Sao Paulo")],
)
def test_accents_are_taken_off_letters(text: str, expected: str) -> None:
    assert unaccented(text) == expected
