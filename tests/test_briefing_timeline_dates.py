"""The timeline dates what the documents date: a day and month an undated document gives
without its year ("at 01:15 on 21 March") takes the year it named nearby, and a report's
weekday ("opened an inquiry on Wednesday") is read against the report's own date; what is
still to come dates nothing yet. Stories written for these tests in our own words."""

from __future__ import annotations

import datetime as dt

import pytest
from test_briefing import _corpus_bot, _verify_all

from assistant.briefing import TIMELINE, weekday_dates


@pytest.mark.parametrize(
    ("text", "published", "days"),
    [
        ("The regulator opened an inquiry on Wednesday.", "2025-07-03", ["2025-07-02"]),  # a Thursday's report
        ("The stadium roof gave way on Sunday evening.", "2026-02-01", ["2026-02-01"]),  # the same day
        ("Talks collapsed last Friday, union officials said.", "2026-05-12", ["2026-05-08"]),
        ("Flights have been grounded since Monday.", "2026-05-14", ["2026-05-11"]),
        ("The board will meet on Friday to decide.", "2026-05-12", []),  # still to come
        ("Ministers are due to respond on Tuesday.", "2026-05-12", []),
        ("The ferry sailed at dawn.", "2026-05-12", []),
    ],
)
def test_weekday_dates(text: str, published: str, days: list[str]) -> None:
    assert [d.isoformat() for d in weekday_dates(text, dt.date.fromisoformat(published))] == days


STORY = {
    "1.txt": (
        'title = "Dam spillway fails after storm"\noutlet = "Valley Post"\ndate = "2026-01-15"\n',
        "Engineers opened the emergency gates of the Corrin dam on Wednesday after the spillway cracked.\n\n"
        "About 2,000 residents downstream were told to leave their homes.\n",
    ),
    "2.txt": (  # an undated document: its year once, then days without it
        'title = "Notes on the Corrin dam inquiry"\n',
        "The inquiry into the Corrin dam was opened on 20 January 2026.\n\n"
        "The order to open the gates was given at 03:40 on 14 January by the duty engineer.\n\n"
        "The inquiry will report on Friday.\n",
    ),
}


def test_timeline_dates_weekdays_and_days_without_a_year(tmp_path_factory: pytest.TempPathFactory) -> None:
    bot = _corpus_bot(tmp_path_factory, "dam-timeline", STORY)
    briefing = bot.brief()
    _verify_all(bot, briefing)
    timeline = briefing.section(TIMELINE)
    assert timeline is not None
    events = [(item.label, item.text) for item in timeline.items]
    assert any(label == "2026-01-14" and "emergency gates" in text for label, text in events), events
    assert any(label == "2026-01-14" and "03:40 on 14 January" in text for label, text in events), events
    assert not any("will report" in text for _, text in events), events
