"""Two questions about sums and sources: "Do the reports agree on X?" compares every
document's value of X, not only the few best retrieved sentences (a report wording X otherwise
ranks low); a sum may be given as a share of another ("up to 4% of its annual turnover"), which
answers "How much could it be fined?". Stories written for these tests: a lock on a canal shut
by a crack, a water company facing a fine, a bank's penalty."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.evidence import money_spans

STORIES = {
    "canal-lock.md": (
        '---\ntitle: "Cracked lock shuts canal"\noutlet: Waterways Gazette\nkind: news report\n'
        "date: 2025-05-06\n---\n"
        "Boaters were stranded when the Hadley lock on the canal was closed after a crack appeared in its wall.\n\n"
        "The canal trust said the lock was closed to all boats while divers checked the crack.\n\n"
        "The lock was closed for about 30 hours in all.\n\n"
        "Boaters said the trust had closed the lock without warning.\n\n"
        "The trust said the closed lock would be checked again in the summer.\n\n"
        "Some boaters moored below the closed lock and walked into Hadley.\n\n"
        "The lock keeper said the crack was the worst he had seen.\n\n"
        "Traders in Hadley said the closed Hadley lock had cost them custom.\n\n"
        "Hire boats were stuck above the closed Hadley lock.\n\n"
        "Walkers gathered to watch divers at the closed Hadley lock.\n\n"
        "Hadley's boat club said the Hadley lock was closed at the worst time of year.\n"
    ),
    "canal-trust-report.md": (
        '---\ntitle: "Trust report on Hadley repairs"\noutlet: Canal Trust News\nkind: press release\n'
        "date: 2025-06-20\n---\n"
        "Repair crews kept the Hadley lock closed to traffic for 26 hours, until the wall was declared safe.\n\n"
        "The trust will spend the summer relining the lock chamber.\n"
    ),
    "water-fine.md": (
        '---\ntitle: "Regulator opens case against water firm"\noutlet: Utility Week Digest\nkind: news report\n'
        "date: 2025-03-11\n---\n"
        "The regulator has opened a case against Severn Vale Water over sewage spills.\n\n"
        "The water company could be fined up to 10% of its annual turnover if the spills are proven.\n"
    ),
}


@pytest.mark.parametrize(
    ("text", "sums"),
    [
        ("The water company could be fined up to 10% of its annual turnover.", ["up to 10% of its annual turnover"]),
        ("Regulators may take 4 per cent of global turnover.", ["4 per cent of global turnover"]),
        ("Several firms paid $2m, about 5% of sales.", ["$2m"]),  # "sales" alone may count goods
        ("Turnout rose to 40% of the electorate.", []),
    ],
)
def test_a_share_of_a_sum_is_a_sum(text: str, sums: list[str]) -> None:
    assert [text[a:b] for a, b in money_spans(text)] == sums


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "agreement-shares", STORIES, calibrated=None)


def test_a_fine_given_as_a_share_of_turnover_answers(bot: Assistant) -> None:
    out = checked_answer(bot, "How much could Severn Vale Water be fined?")
    assert out["answered"], out["text"]
    assert out["short_answer"] is not None and out["short_answer"]["text"] == "up to 10% of its annual turnover"


def test_agreement_compares_a_value_retrieval_ranks_low(bot: Assistant) -> None:
    out = checked_answer(bot, "Do the reports agree on how long the Hadley lock was closed?")
    assert out["text"].startswith("Sources differ:"), out["text"]
    assert "about 30 hours" in out["text"] and "26 hours" in out["text"], out["text"]
