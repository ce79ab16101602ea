"""A figure answers only when it is about what the question names: "How much did the strike
cost Felmouth?" is not answered by what it cost another port, and "What did the strike cost
the ports of Scotland?" is declined when no document names Scotland (a name the question uses
only as a modifier, "the Scottish ports", does not count: documents may word it otherwise).
Two stories written for these tests: a dock strike and a music festival."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.answerability import unused_names
from assistant.direct import mentions_name, names_another, nouns_named

STORIES = {
    "strike-report.md": (
        '---\ntitle: "Dock strike ends after nine days"\noutlet: Coast Gazette\nkind: news report\n'
        "date: 2025-03-14\n---\n"
        "Dock workers at Harwick returned to work on Friday after a nine-day strike over pay.\n\n"
        "The port authority said the stoppage cost Harwick Port about £12 million in lost fees.\n\n"
        "Rival harbours such as Felmouth and Dunstable Quay took some of the diverted ships.\n\n"
        "Union leaders said the new deal gives workers a 6% rise this year.\n"
    ),
    "festival-report.md": (
        '---\ntitle: "Brayford festival draws record crowd"\noutlet: Vale Courier\nkind: news report\n'
        "date: 2025-07-21\n---\n"
        "The Brayford music festival drew about 40,000 visitors over three days.\n\n"
        "The town council said the festival brought Brayford about £3 million in spending.\n\n"
        "The neighbouring village of Kilden hosted the overflow campsite.\n"
    ),
}


@pytest.mark.parametrize(
    ("names", "words", "unused"),
    [
        (["Scotland"], {"harwick", "port", "felmouth"}, ["Scotland"]),
        (["Harwick Port"], {"harwick", "strike"}, []),
        (["Cardiff", "Brayford"], {"brayford", "festiv"}, ["Cardiff"]),
    ],
)
def test_a_name_no_document_uses(names: list[str], words: set[str], unused: list[str]) -> None:
    assert unused_names(names, words) == unused


@pytest.mark.parametrize(
    ("question", "names", "nouns"),
    [
        ("What did the strike cost the ports of Scotland?", ["Scotland"], ["Scotland"]),
        ("What did the strike cost the Scottish ports?", ["Scottish"], []),  # a modifier: "Scotland's ports"
        ("How much did the festival bring Kilden?", ["Kilden"], ["Kilden"]),
    ],
)
def test_a_question_uses_a_name_as_a_noun(question: str, names: list[str], nouns: list[str]) -> None:
    assert nouns_named(question, names) == nouns


@pytest.mark.parametrize(
    ("name", "text", "ordinary", "expected"),
    [
        ("Harwick Port", "The stoppage cost Harwick Port £12 million.", {"port"}, True),
        ("Harwick Port", "The stoppage cost the port £12 million.", {"port"}, False),
        ("Harwick Port", "More than any other Harwick firm.", {"port", "firm"}, False),  # a word of it, not the name
        ("Kari Nordmann", "Nordmann said the festival paid its way.", set(), True),  # a surname alone
        ("Kilden", "The village of Kilden hosted the campsite.", {"village"}, True),
    ],
)
def test_a_text_mentions_a_name(name: str, text: str, ordinary: set[str], expected: bool) -> None:
    assert mentions_name(name, text, ordinary) is expected


@pytest.mark.parametrize(
    ("text", "figure", "asked", "expected"),
    [
        ("The stoppage cost Harwick Port about £12 million.", "£12 million", {"felmouth", "cost"}, True),
        ("The festival brought Brayford about £3 million.", "£3 million", {"kilden", "festiv"}, True),
        ("The stoppage cost the port about £12 million.", "£12 million", {"felmouth", "cost"}, False),
        ("The festival brought Brayford about £3 million.", "£3 million", {"brayford", "festiv"}, False),
        ("On Friday the port lost £12 million.", "£12 million", {"felmouth"}, False),  # a day is no name
        ("The port lost £12 million, the Harwick office said.", "£12 million", {"felmouth"}, False),  # another clause
    ],
)
def test_the_clause_of_a_figure_names_another_subject(text: str, figure: str, asked: set[str], expected: bool) -> None:
    at = text.index(figure)
    assert names_another(text, asked, [(at, at + len(figure))]) is expected


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "figure-subject", STORIES, calibrated=None)


@pytest.mark.parametrize(
    ("question", "right"),
    [
        ("How much did the strike cost Harwick Port?", "about £12 million"),
        ("How much did the festival bring Brayford?", "about £3 million"),
    ],
)
def test_a_figure_about_a_named_subject_answers(bot: Assistant, question: str, right: str) -> None:
    out = checked_answer(bot, question)
    assert out["answered"], out["text"]
    assert out["short_answer"] is not None and out["short_answer"]["text"] == right, out


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("How much did the strike cost Felmouth?", "£12 million"),  # another port's cost
        ("How much did the festival bring Kilden?", "£3 million"),  # another place's takings
        ("What did the strike cost the ports of Scotland?", "£12 million"),  # named in no document
        ("How much did the festival bring Cardiff?", "£3 million"),
    ],
)
def test_a_figure_about_another_subject_does_not_answer(bot: Assistant, question: str, wrong: str) -> None:
    out = checked_answer(bot, question)
    short = out["short_answer"]["text"] if out["short_answer"] else ""
    assert wrong not in short, out
    assert not out["answered"], out["text"]
