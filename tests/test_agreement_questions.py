"""A question such as "Do the sources agree on X?" is read as a question about X: when documents give X
different values the answer says "Sources differ:" with each value and its source, as the
direct question would; when they give the same value, it cites every document that does.
Two stories written for these tests: a bus strike whose cost and cancelled services two
outlets count differently, and a dam whose height two outlets give alike."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.question import agreement_asked, analyse, measure_kind

STRIKE = {
    "strike-courier.md": (
        '---\ntitle: "Harwick bus strike ends"\noutlet: Metro Courier\nkind: news report\ndate: 2025-03-12\n---\n'
        "Bus drivers in Harwick went back to work on Wednesday after a two-day strike over pay.\n\n"
        "The strike cost the town's shops about £2 million, the chamber of commerce said.\n\n"
        "Drivers cancelled 1,200 bus services on the first day of the walkout.\n"
    ),
    "strike-post.md": (
        '---\ntitle: "Traders count the cost of the bus walkout"\noutlet: Harwick Post\nkind: news report\n'
        "date: 2025-03-13\n---\n"
        "Traders put the cost of the bus strike to the town's shops at £3 million.\n\n"
        "Some 1,450 bus services were cancelled on Monday, the operator said.\n\n"
        "The union said talks on next year's pay would start in the autumn.\n"
    ),
    "strike-operator.md": (
        '---\ntitle: "Timetables back to normal"\noutlet: Harwick Buses\nkind: press release\ndate: 2025-03-12\n---\n'
        "Normal timetables return on Wednesday morning on every route.\n\n"
        "Weekly passes bought for the strike days will be extended by two days.\n"
    ),
}

DAM = {
    "dam-gazette.md": (
        '---\ntitle: "Brennock dam to be strengthened"\noutlet: Fell Gazette\nkind: news report\ndate: 2025-05-02\n---\n'
        "Engineers will strengthen the Brennock dam over the next three summers.\n\n"
        "The Brennock dam, finished in 1964, is 96 metres tall.\n\n"
        "Its reservoir supplies water to about 200,000 homes.\n"
    ),
    "dam-review.md": (
        '---\ntitle: "What the dam works mean for walkers"\noutlet: Upland Review\nkind: explainer\ndate: 2025-05-09\n---\n'
        "Paths along the reservoir will close while the works go on.\n\n"
        "At 96 metres tall, the Brennock dam is the highest in the county.\n\n"
        "Walkers can still use the ridge path on the western shore.\n"
    ),
}


@pytest.mark.parametrize(
    ("question", "about"),
    [
        ("Do the sources agree on the cost of the strike?", "What is the cost of the strike?"),
        ("Do the reports differ on how many bus services were cancelled?", "How many bus services were cancelled?"),
        ("Did the two outlets disagree about the height of the dam?", "What is the height of the dam?"),
        ("Is there any disagreement between the reports on when the dam was finished?", "When the dam was finished?"),
        ("Are the accounts consistent on the number of homes supplied?", "What is the number of homes supplied?"),
        ("Did the drivers agree to the pay offer?", ""),
        ("Do the sources say the strike is over?", ""),
    ],
)
def test_an_agreement_question_asks_about_its_topic(question: str, about: str) -> None:
    assert agreement_asked(question) == about


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Do the sources agree on the cost of the strike?", "money"),
        ("Do the reports differ on how many bus services were cancelled?", "amount"),
        ("Did the two outlets disagree about the height of the dam?", "amount"),
        ("Is there any disagreement about when the dam was finished?", "date"),
        ("Do the reports agree on the share of homes supplied?", "percentage"),
    ],
)
def test_an_agreement_question_asks_for_its_topics_kind(question: str, kind: str) -> None:
    analysed = analyse(question)
    assert analysed.agreement and not analysed.yes_no
    assert analysed.asks_for == kind


def test_a_measure_noun_names_the_kind() -> None:
    assert [measure_kind(q) for q in ["What is the daily cost of the works?", "What is the toll?", "Why?"]] == [
        "money",
        "amount",
        None,
    ]


@pytest.fixture(scope="module")
def strike(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "strike", STRIKE, calibrated=None)


@pytest.fixture(scope="module")
def dam(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "dam", DAM, calibrated=None)


@pytest.mark.parametrize(
    ("question", "values"),
    [
        ("Do the sources agree on the cost of the strike to the town's shops?", ("£2 million", "£3 million")),
        ("Do the reports differ on how many bus services were cancelled?", ("1,200", "1,450")),
    ],
)
def test_sources_that_disagree_are_shown_side_by_side(
    strike: Assistant, question: str, values: tuple[str, ...]
) -> None:
    out = checked_answer(strike, question)
    assert out["text"].startswith("Sources differ:"), out["text"]
    assert all(v in out["text"] for v in values), out["text"]
    assert {c["doc_id"] for c in out["citations"]} >= {"strike-courier.md", "strike-post.md"}


def test_sources_that_agree_are_cited_together(dam: Assistant) -> None:
    out = checked_answer(dam, "Do the sources agree on the height of the dam?")
    assert out["answered"] and "Sources differ" not in out["text"], out["text"]
    assert "96 metres" in out["text"]
    assert {c["doc_id"] for c in out["citations"] if not c["related"]} == {"dam-gazette.md", "dam-review.md"}
