"""The focus of a question, whether a sentence holds it, and the composers' focus step
(``assistant.focus``, ``evals/fit_focus.py``). Documents and questions written for these tests."""

from __future__ import annotations

import math

import numpy as np
import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.focus import (
    Focus,
    FocusGate,
    asked_focus,
    focus_match,
    load_focus_threshold,
    names_new,
    phrases_of,
    used_by,
)
from evals.fit_focus import needed_match


@pytest.mark.parametrize(
    ("question", "words", "kind"),
    [
        ("Which insurer covered the paintings?", ("insurer",), None),  # a museum
        ("Which ferry operator ran the crossing?", ("ferry", "operator"), None),  # transport: a compound noun
        ("What brand were the bicycles?", ("brand",), None),
        ("What kind of engine powers the ferry?", ("engine",), None),
        ("What range of fares does the operator charge?", ("fares",), None),  # "range of" frames the noun
        ("Which Ajax defender scored?", ("defender",), None),  # football: a name before the noun
        ("What is the weather in Lyon?", ("weather",), None),
        ("What are their names?", ("names",), "person"),
        ("What was the name of the surgeon who operated?", ("name",), "person"),  # a hospital
        ("Who is the chief surgeon at the hospital?", ("surgeon",), None),
        ("Who was the club's head coach?", ("coach",), None),
        ("How much compensation did the airline pay?", ("compensation",), None),
        ("How much is the reward for the missing dog?", ("reward",), None),
        ("Which company builds the trams?", ("company",), "organisation"),
        ("What investments come with the deal?", ("investments",), None),
    ],
)
def test_the_focus_is_the_noun_the_question_asks_for(question: str, words: tuple[str, ...], kind: str | None) -> None:
    assert asked_focus(question) == Focus(words, kind)


@pytest.mark.parametrize(
    "question",
    [
        "When did the ferry sink?",  # a date: the typed steps check it
        "How much did the new ward cost?",  # a sum of nothing named
        "How many goals did Ajax score?",
        "Where did the tram derail?",
        "Which report says the tram was late?",  # answered from the sources' metadata
        "Why did the surgeon resign?",
        "What is the status of the stadium plan?",
        "What is Ana Ruiz's role?",
        "What did the coach say?",
        "Did the insurer pay?",
        "Which one was it?",  # an empty noun
    ],
)
def test_questions_without_a_focus_to_check(question: str) -> None:
    assert asked_focus(question) is None


def _vectors(table: dict[str, list[float]]):  # type: ignore[no-untyped-def]
    """Phrase vectors from a table; every other phrase gets an axis of its own, far from all."""
    axes: dict[str, int] = {}

    def vectors(phrases: list[str]) -> np.ndarray:
        out = np.zeros((len(phrases), 64), dtype=np.float32)
        for i, phrase in enumerate(phrases):
            if phrase in table:
                out[i, :3] = table[phrase]
            else:
                out[i, 3 + axes.setdefault(phrase, len(axes) % 61)] = 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    return vectors


NEAR = _vectors({"tool": [1.0, 0.0, 0.0], "cutter": [0.9, 0.1, 0.0], "hydraulic cutter": [0.95, 0.05, 0.0]})


@pytest.mark.parametrize(
    ("focus", "text", "expected"),
    [
        (Focus(("insurer",)), "Their insurer paid for the frames.", 1.0),  # the word itself
        (Focus(("insurer",)), "The insurers refused to pay.", 1.0),  # stemmed
        (Focus(("ferry", "operator")), "The operator of the ferry apologised.", 1.0),
        (Focus(("names",), "person"), "Ana Ruiz and Ko Lwin were charged.", 1.0),  # a name of the kind asked
        (Focus(("company",), "organisation"), "The trams are built by the Northern Tram Company.", 1.0),
        # a group's name read as a person's still names the party asked for
        (Focus(("party",), "organisation"), "Ana Ruiz, the president of the Green Alliance, spoke.", 1.0),
        (Focus(("brand",)), "The bicycles were left by the canal.", 0.0),  # nothing near it
        (Focus(("weather",)), "The match in Lyon ended in a draw.", 0.0),
    ],
)
def test_a_sentence_holds_the_focus(focus: Focus, text: str, expected: float) -> None:
    assert focus_match(focus, text, NEAR) == pytest.approx(expected, abs=1e-6)


def test_a_close_word_holds_the_focus_as_near_as_its_vector() -> None:
    score = focus_match(Focus(("tool",)), "Firefighters freed the driver with a hydraulic cutter.", NEAR)
    assert score > 0.95
    assert focus_match(Focus(("tool",)), "The driver was freed after an hour.", NEAR) == 0.0


def test_phrases_are_content_words_and_pairs_of_them() -> None:
    assert phrases_of("The new ward opened in May.") == ["new", "ward", "opened", "may", "new ward", "ward opened"]


@pytest.mark.parametrize(
    ("focus", "vocabulary", "used"),
    [
        (Focus(("insurer",)), {"insurers", "insur", "painting"}, True),
        (Focus(("brand",)), {"bicycle", "canal"}, False),
        (Focus(("ferry", "operator")), {"ferry", "operator"}, True),
        (Focus(("ferry", "operator")), {"ferry"}, False),  # every word must be used
    ],
)
def test_a_focus_the_corpus_uses(focus: Focus, vocabulary: set[str], used: bool) -> None:
    assert used_by(focus, vocabulary) is used


@pytest.mark.parametrize(
    ("text", "given", "new"),
    [
        ("Ana Ruiz, the chief surgeon at St Mary's, resigned.", ["St Mary's"], True),  # a hospital
        ("The chief surgeon at St Mary's resigned on Monday.", ["St Mary's"], False),  # only the name asked about
        ("The ferry's owner, Nordic Lines, apologised.", [], True),  # a ferry company
        ("The owner of the ferry apologised to passengers.", [], False),
        ("Coach Tom Berg was sacked after the defeat at Ajax.", ["Ajax"], True),  # football
    ],
)
def test_a_name_asked_for_is_one_the_question_does_not_give(text: str, given: list[str], new: bool) -> None:
    assert names_new("person", text, given) is new


def test_the_gate_picks_the_first_sentence_holding_the_focus_and_notes_the_best() -> None:
    gate = FocusGate(NEAR, threshold=0.5)
    texts = ["The driver was freed after an hour.", "Firefighters used a hydraulic cutter."]
    assert gate.holding(Focus(("tool",)), texts) == 1
    assert gate.holding(Focus(("tool",)), texts[:1]) is None
    gate.noted = []
    gate.holding(Focus(("tool",)), texts)
    assert gate.noted[0] > 0.95


def test_the_fit_scores_what_a_later_step_declines_anyway() -> None:
    assert needed_match(0.3, answerable=False, declined_later=True) == -math.inf
    assert needed_match(0.3, answerable=True, declined_later=True) == math.inf
    assert needed_match(0.3, answerable=False, declined_later=False) == 0.3


def test_the_shipped_threshold_is_a_cosine() -> None:
    assert 0.0 < load_focus_threshold() < 1.0


GALLERY = {
    "gallery.txt": (
        "Thieves took three paintings from the Harbour Gallery in Bergen on Tuesday night.\n\n"
        "The paintings have not been recovered, the police said.\n\n"
        "The thieves escaped on two bicycles, which were found by the canal on Wednesday.\n\n"
        "The gallery will stay closed until Friday, and its head of security has been suspended."
    ),
    "ferry.txt": (
        "A ferry ran aground off the island of Stord on Monday morning.\n\n"
        "All 40 passengers were taken off by lifeboat, the coastguard said.\n\n"
        "Divers used a hydraulic cutter to free the ferry's propeller on Tuesday.\n\n"
        "The ferry will return to service next month."
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "focus", GALLERY)


@pytest.mark.parametrize(
    "question",
    ["Which insurer covered the paintings?", "What brand were the bicycles?", "What is the weather in Stord?"],
)
def test_a_focus_no_sentence_holds_is_declined(bot: Assistant, question: str) -> None:
    out = checked_answer(bot, question)
    assert not out["answered"]
    assert "asked for" in out["reason"]


def test_a_name_asked_for_no_sentence_gives_is_declined(bot: Assistant) -> None:
    out = checked_answer(bot, "What is the name of the gallery's head of security?")
    assert not out["answered"]


def test_a_focus_the_sentence_holds_is_answered(bot: Assistant) -> None:
    out = checked_answer(bot, "Which island did the ferry run aground off?")
    assert out["answered"]
    assert "Stord" in out["text"]
