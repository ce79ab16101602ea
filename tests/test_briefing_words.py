"""A topic asking what someone said ("Summarise what Ruiz said") briefs that person's quoted
words, however the text names them ("she said"), and nobody else's. Stories written for these
tests in our own words."""

from __future__ import annotations

import pytest
from test_briefing import _corpus_bot, _verify_all

from assistant.briefing import KEY_POINTS, asks_for_words


@pytest.mark.parametrize(
    ("topic", "expected"),
    [
        ("what Albania said", True),
        ("the mayor's remarks", True),
        ("Ruiz's comments on the budget", True),
        ("what the union told reporters", True),
        ("the arrests", False),
        ("flood defences", False),
    ],
)
def test_asks_for_words(topic: str, expected: bool) -> None:
    assert asks_for_words(topic) is expected


# A council budget row told by two papers, written for this test.
BUDGET = {
    "gazette.txt": (
        'title = "Dorton council cuts bus routes"\noutlet = "Dorton Gazette"\ndate = "2025-02-03"\n',
        "Dorton council voted on Monday to cut four bus routes to save £2 million.\n\n"
        "Council leader Ana Ruiz said the cuts were painful. “We had no other way to balance the books,” "
        "she said. “Every department gave something up.”\n\n"
        "Opposition leader Ben Ito called the vote “a betrayal of the villages”.\n",
    ),
    "courier.txt": (
        'title = "Villages lose buses"\noutlet = "Valley Courier"\ndate = "2025-02-04"\n',
        "Residents of Holm and Skarra will lose their only bus from April.\n\n"
        "“The villages will be cut off,” said Ben Ito, who leads the opposition group.\n\n"
        "Ruiz told the paper that the routes “carried fewer than ten people a day”.\n",
    ),
}


@pytest.mark.parametrize(
    ("topic", "present", "absent"),
    [
        ("what Ruiz said", ["balance the books", "fewer than ten people"], ["betrayal", "cut off"]),
        ("Ito's remarks", ["betrayal", "cut off"], ["balance the books"]),
    ],
)
def test_a_topic_asking_what_someone_said_briefs_their_words(
    tmp_path_factory: pytest.TempPathFactory, topic: str, present: list[str], absent: list[str]
) -> None:
    bot = _corpus_bot(tmp_path_factory, "budget", BUDGET)
    briefing = bot.brief(topic)
    _verify_all(bot, briefing)
    points = " ".join(item.text for item in briefing.section(KEY_POINTS).items)
    assert all(p in points for p in present) and not any(a in points for a in absent), points


# A harbour dispute, written for this test: one sentence quotes both sides.
HARBOUR = {
    "news.txt": (
        'title = "Harbour fees row"\noutlet = "Coast Courier"\ndate = "2025-04-02"\n',
        "Harbour master Lena Voss called the new fees “fair and overdue”, while skipper Omar Haddad said "
        "they were “the end of the fleet”.\n\n"
        "“We have not raised fees in twelve years,” Voss said.\n\n"
        "The council will vote on the fees in May.\n",
    ),
    "radio.txt": (
        'title = "Skippers protest at the quay"\noutlet = "Bay Radio"\ndate = "2025-04-03"\n',
        "“Nobody asked the crews,” Haddad told the crowd at the quay.\n",
    ),
}


def test_who_said_what_shows_a_speaker_sentences_holding_only_their_words(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from assistant.briefing import WHO_SAID_WHAT

    bot = _corpus_bot(tmp_path_factory, "harbour", HARBOUR)
    who = {item.label.split(",")[0]: item.text for item in bot.brief().section(WHO_SAID_WHAT).items if item.label}
    assert "twelve years" in who["Lena Voss"] and "end of the fleet" not in who["Lena Voss"], who
    assert "Nobody asked" in who["Omar Haddad"] and "fair and overdue" not in who["Omar Haddad"], who
