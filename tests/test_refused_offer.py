"""A premise of agreement ("Why did X accept the resignation?") is corrected by a refusal in
the sentence after an offer ("I offered my resignation ... She refused it."): the refusal's
subject is a pronoun, so the offer and its refusal are shown together. Two stories written
for these tests: a town council hearing and a pay dispute at a bus company."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant.stance import refuses_offer

COUNCIL = {
    "council-hearing.md": (
        '---\ntitle: "Harrowgate council hearing on the flood defences"\nkind: transcript\n'
        "date: 2025-04-10\n---\n"
        "CHAIR: The committee will hear the mayor on the failure of the flood barrier.\n\n"
        "MAYOR OKAFOR: The barrier failed because its pumps had not been serviced for three years.\n\n"
        "MAYOR OKAFOR: I put my resignation to the council on Tuesday. They rejected it.\n\n"
        "MAYOR OKAFOR: The pumps will be replaced before the winter.\n"
    ),
    "council-news.md": (
        '---\ntitle: "Harrowgate flood barrier to get new pumps"\noutlet: Harrowgate Echo\nkind: news report\n'
        "date: 2025-04-11\n---\n"
        "Harrowgate will replace the pumps of its flood barrier after the river broke through in March.\n\n"
        "The new pumps will cost the town about £900,000.\n"
    ),
}

BUSES = {
    "bus-dispute.md": (
        '---\ntitle: "Drivers at Lindon Buses vote on strike"\noutlet: Lindon Post\nkind: news report\n'
        "date: 2025-06-02\n---\n"
        "Drivers at Lindon Buses will vote next week on whether to strike over pay.\n\n"
        "The drivers' union asked the company for a pay rise of 6 per cent in May. It turned the request down.\n\n"
        "The company said its fares had not kept up with the price of fuel.\n"
    ),
    "bus-routes.md": (
        '---\ntitle: "Lindon Buses cuts two night routes"\noutlet: Lindon Post\nkind: news report\n'
        "date: 2025-05-20\n---\n"
        "Lindon Buses will stop running two of its night routes from July.\n\n"
        "Fewer than twenty passengers a night used the routes, the company said.\n"
    ),
}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They rejected it.", True),
        ("It turned the request down.", True),
        ("She refused it.", True),
        ("He politely declined the invitation.", True),
        ("The company refused to comment on the talks.", False),
        ("They rejected claims that the pumps had failed.", False),
        ("Fewer than twenty passengers a night used the routes.", False),
    ],
)
def test_refuses_offer(sentence: str, expected: bool) -> None:
    assert refuses_offer(sentence) == expected


@pytest.mark.parametrize(
    ("story", "question", "offer", "refusal"),
    [
        (COUNCIL, "Why did the council accept the mayor's resignation?", "I put my resignation", "They rejected it."),
        (
            BUSES,
            "Why did Lindon Buses agree to the pay rise?",
            "asked the company for a pay rise",
            "It turned the request",
        ),
    ],
)
def test_a_refused_offer_corrects_a_premise_of_agreement(
    tmp_path_factory: pytest.TempPathFactory, story: dict[str, str], question: str, offer: str, refusal: str
) -> None:
    out = checked_answer(bot_on(tmp_path_factory, "offer", story), question)
    assert out["behaviour"] == "correct_premise", out
    quotes = [c["quote"] for c in out["citations"]]
    assert any(offer in q for q in quotes) and any(refusal in q for q in quotes), quotes
