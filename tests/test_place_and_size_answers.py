"""Short answers to "Where must X go?", "How tall/long is X?" and "How much ...?": the
phrase of place after what the question asks about (not the capitalised word that opens
the sentence), the number with its unit, and a range whole ("between £2 million and £2.5
million"). Two stories written for these tests: a canal towpath with a new footbridge and
new lock gates, and a harbour tower opened to visitors."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.direct import answer_phrase, place_phrase, states_measure, with_range
from assistant.question import asked_kind

CANAL = {
    "canal.md": (
        '---\ntitle: "Canal towpath reopens in Dunmore"\noutlet: Dunmore Echo\nkind: news report\ndate: 2025-04-03\n---\n'
        "The towpath along the Dunmore canal reopened on Tuesday after a year of repairs.\n\n"
        "A new footbridge now links the towpath to the station. The bridge is 85 feet long and was lifted "
        "into place by crane.\n\n"
        "Cyclists carrying trailers may not use the footbridge and must follow the lane along the east bank "
        "of the canal.\n\n"
        "The repairs cost the council about £4 million, officials said.\n\n"
        "New lock gates, due next spring, will cost between £2 million and £2.5 million.\n"
    ),
}

TOWER = {
    "tower.md": (
        '---\ntitle: "Harbour tower opens to visitors"\noutlet: Coastline Weekly\nkind: news report\n'
        "date: 2025-07-19\n---\n"
        "The old signal tower at Penmor harbour opened to visitors on Saturday.\n\n"
        "Built in 1890, the tower guided ships past the reef for almost a century.\n\n"
        "The tower rises 48 metres above the quay and has 260 steps.\n\n"
        "Visitors with large bags must leave them at the ticket office on the quay.\n\n"
        "The harbour trust said about 9,000 people visited in the first week.\n"
    ),
}


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How tall is the signal tower?", "amount"),
        ("How high is the dam above the valley?", "amount"),
        ("How fast was the ferry going?", "amount"),
        ("How deep is the reservoir?", "amount"),
        ("Where must cyclists go?", "place"),
    ],
)
def test_size_questions_ask_for_an_amount(question: str, kind: str) -> None:
    assert asked_kind(question) == kind


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        (
            "Where must cyclists carrying trailers go?",
            "Cyclists carrying trailers must follow the lane along the east bank of the canal.",
            "along the east bank of the canal",
        ),
        (
            "Where must visitors leave large bags?",
            "Visitors must leave large bags at the ticket office on the quay.",
            "at the ticket office on the quay",
        ),
        (
            "Where must coaches park?",
            "Coaches must park in the field behind the church, the council said.",
            "in the field behind the church",
        ),
        (
            "Where are lorries being sent?",
            "Lorries are being sent along Route 7 or Route 9 through the northern valley.",
            "along Route 7 or Route 9 through the northern valley",
        ),
    ],
)
def test_a_where_question_is_answered_by_the_phrase_of_place(question: str, sentence: str, expected: str) -> None:
    span = answer_phrase("place", question, sentence)
    assert span is not None and sentence[span[0] : span[1]] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bridge is 85 feet long.", True),
        ("The tower rises 48 metres above the quay.", True),
        ("The ferry sailed at 18 knots.", True),
        ("The strike lasted 12 days.", False),
        ("About 9,000 people visited.", False),
    ],
)
def test_a_measure_is_a_number_with_a_unit(text: str, expected: bool) -> None:
    assert states_measure(text) is expected


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("Where must lorries go?", "Lorries are banned."),
        (
            "Where must walkers park?",
            "Walkers at the ridge must park before 9 a.m.",
        ),  # the place is before the words asked
    ],
)
def test_no_phrase_of_place_after_the_words_asked_no_answer(question: str, sentence: str) -> None:
    assert place_phrase(question, sentence) is None


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("Repairs will cost between £2 million and £2.5 million.", "£2 million", "between £2 million and £2.5 million"),
        ("Crowds grew from 40 to 60 thousand by noon.", "40", "from 40 to 60 thousand"),
        ("The works cost £2 million and took a year.", "£2 million", "£2 million"),
        ("Rents rose from £900 a month.", "£900", "£900"),
    ],
)
def test_a_figure_that_opens_a_range_answers_with_the_range(text: str, figure: str, expected: str) -> None:
    at = text.index(figure)
    a, b = with_range(text, (at, at + len(figure)))
    assert text[a:b] == expected


@pytest.fixture(scope="module")
def local_news(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """Both stories in one corpus, as a reader's folder of local news would hold them."""
    return bot_on(tmp_path_factory, "local", {**CANAL, **TOWER}, calibrated=None)


@pytest.mark.parametrize(
    ("question", "short", "quote"),
    [
        ("How long is the Dunmore footbridge?", "85 feet", "The bridge is 85 feet long"),
        ("Where must cyclists carrying trailers go?", "along the east bank of the canal", "Cyclists carrying"),
        ("How tall is the tower?", "48 metres", "The tower rises 48 metres"),
        ("Where must visitors with large bags leave them?", "at the ticket office on the quay", "Visitors"),
        ("How much will the new lock gates cost?", "between £2 million and £2.5 million", "New lock gates"),
    ],
)
def test_the_short_answer_is_the_place_or_the_measure_asked(
    local_news: Assistant, question: str, short: str, quote: str
) -> None:
    out = checked_answer(local_news, question)
    assert out["answered"], out["text"]
    assert out["short_answer"] is not None and out["short_answer"]["text"] == short, out
    cited = next(c for c in out["citations"] if c["marker"] == out["short_answer"]["marker"])
    assert cited["quote"].startswith(quote)
