"""Lead facts first: a briefing of the whole corpus opens with what happened, the opening
statement of the story's first report, not with a later report's estimate or follow-up.
Stories written for these tests in our own words."""

from __future__ import annotations

import pytest
from test_briefing import _corpus_bot, _verify_all

from assistant.briefing import KEY_POINTS, first_reports


def _story(reports: list[tuple[str, str, str, str]]) -> dict[str, tuple[str, str]]:
    """Documents of one story, each (date, outlet, title, text)."""
    return {
        f"{n}.txt": (f'title = "{title}"\noutlet = "{outlet}"\ndate = "{date}"\n', text + "\n")
        for n, (date, outlet, title, text) in enumerate(reports, start=1)
    }


TUNNEL = [
    (
        "2026-05-12",
        "Rail Business Weekly",
        "Brennock tunnel repair bill rises to 240 million pounds",
        "Repairing the Brennock tunnel will cost 240 million pounds and take until 2028, Network Operations "
        "said on Monday, up from its first estimate of 150 million pounds.\n\n"
        "The operator said 1,400 tonnes of rock had to be removed and 600 metres of lining rebuilt.\n\n"
        "Passenger groups said the closure had added 45 minutes to journeys between Brennock and Alsford.",
    ),
    (
        "2026-02-03",
        "Northfield Gazette",
        "Two engineers killed as Brennock rail tunnel caves in",
        "Part of the Brennock rail tunnel caved in on Tuesday morning, trapping a maintenance train and "
        "killing two engineers.\n\n"
        "Rescue crews worked through the night to reach six other workers, who were brought out alive.\n\n"
        "The line between Brennock and Alsford was closed until further notice.",
    ),
    (
        "2026-03-20",
        "Valley Post",
        "Water weakened Brennock tunnel for years, inspectors find",
        "Inspectors said water had seeped into the lining of the Brennock tunnel for years before it caved in.\n\n"
        "Their report said warnings about damp in the tunnel were first logged in 2019.",
    ),
]

FERRY = [
    (
        "2025-09-30",
        "Maritime Risk Review",
        "Aurora Dawn fire to cost insurers 85 million dollars",
        "The Aurora Dawn fire will cost insurers about 85 million dollars, with 1,200 claims filed by passengers "
        "and freight firms, according to Harbour Risk Analytics.\n\n"
        "The ferry's owner, Kessel Lines, said 3 of its 5 vessels were back in service.",
    ),
    (
        "2025-08-17",
        "Island Courier",
        "Three die as fire sweeps Kessel ferry",
        "Fire broke out in the engine room of the ferry Aurora Dawn off Kessel Island on Sunday, and three "
        "passengers died before the ship reached port.\n\n"
        "The coastguard said 212 people were taken off by lifeboats and fishing boats.\n\n"
        "Kessel Lines suspended all crossings for the day.",
    ),
]


@pytest.mark.parametrize(
    ("name", "reports", "lead", "after"),
    [
        ("tunnel", TUNNEL, "caved in on Tuesday morning", "reach six other workers"),
        ("ferry", FERRY, "Fire broke out in the engine room", "212 people were taken off"),
    ],
)
def test_whole_corpus_briefing_opens_with_what_happened(
    tmp_path_factory: pytest.TempPathFactory, name: str, reports: list[tuple[str, str, str, str]], lead: str, after: str
) -> None:
    """The first point is the first report's lead, told whole: a news lead is its first
    sentences (what happened, then how many were saved or hurt), even when points are scarce."""
    bot = _corpus_bot(tmp_path_factory, name, _story(reports))
    briefing = bot.brief()
    _verify_all(bot, briefing)
    points = briefing.section(KEY_POINTS)
    assert points is not None
    assert lead in points.items[0].text, [item.text for item in points.items]
    one = bot.brief(max_points=1).section(KEY_POINTS)
    assert one is not None
    assert lead in one.items[0].text and after in one.items[0].text, one.items[0].text


@pytest.mark.parametrize(
    ("dates", "first"),
    [
        ({"wire": "2025-03-21", "probe": "2025-07-03", "notes": None}, {"wire"}),
        ({"a": "2024-08-24", "b": "2024-08-24", "c": "2025-02-04"}, {"a", "b"}),
        ({"a": None, "b": None}, {"a", "b"}),
        ({}, set()),
    ],
)
def test_first_reports(dates: dict[str, str | None], first: set[str]) -> None:
    assert first_reports(dates) == first
