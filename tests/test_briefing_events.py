"""Counts that share their measure's words are rival values only when their sentences tell of
one event: "two men rode a van's cage to a balcony" and "how could four men walk out with the
paintings" are two moments of one story, not a difference between sources. Stories written for
these tests in our own words. One measure named in two words ("cost", "losses") is one event's
measure too, a group's total or another measure ("revenue") never (tests/test_briefing_measure_words.py)."""

from __future__ import annotations

import pytest
from test_briefing import _corpus_bot, _verify_all

from assistant.briefing import SOURCES_DIFFER


def _story(a: tuple[str, str], b: tuple[str, str]) -> dict[str, tuple[str, str]]:
    """Two documents of one story, each (outlet, text)."""
    return {
        f"{n}.txt": (f'title = "Report {n}"\noutlet = "{outlet}"\ndate = "2026-06-0{n}"\n', text + "\n")
        for n, (outlet, text) in enumerate((a, b), start=1)
    }


@pytest.mark.parametrize(
    ("a", "b", "values", "flagged"),
    [
        (  # a gallery raid: the men who climbed, the men who carried the paintings out
            (
                "Metro Ledger",
                "A removal van with a crane parked by the canal, and two men in orange overalls rode its cage "
                "up to a balcony of the Kessler Gallery.",
            ),
            (
                "City Assembly",
                "HELEN MARSH (panel chair): Director, the nation asks how four men could stroll out with the "
                "Kessler paintings at lunchtime.",
            ),
            ("two", "four"),
            False,
        ),
        (  # a payroll robbery: the men seen running, the men who planned it
            (
                "Holm Courier",
                "The bakery van was found burnt out near Holm quarry, and two men seen running from it wore balaclavas.",
            ),
            ("Valley Post", "Detectives say four men planned the Holm quarry payroll robbery for months."),
            ("two", "four"),
            False,
        ),
        (  # a flood: two outlets count the residents who left their homes
            ("River Times", "The first flood siren sounded at 4am in Carvale, and 1,200 residents left their homes."),
            ("County Radio", "About 1,500 Carvale residents had to leave their homes when the river burst its banks."),
            ("1,200", "1,500"),
            True,
        ),
        (  # a factory blast: two outlets count the injured workers
            ("Hesketh Echo", "The explosion at the Hesketh factory injured 30 workers on the night shift."),
            (
                "North Wire",
                "At least 22 workers were injured in the blast at the Hesketh factory, the fire service said.",
            ),
            ("30", "22"),
            True,
        ),
        (  # a storm: the county's cost, told as losses by another outlet
            ("Dale Gazette", "Storm Elin cost Harrow County about £40 million, its finance chief said on Monday."),
            ("West Radio", "Insurers now put the losses at £46 million after the gales of last week."),
            ("£40 million", "£46 million"),
            True,
        ),
        (  # an airport outage: passengers and customers of one airline
            ("Runway Wire", "The check-in outage stranded 30,000 passengers at Vellby airport on Sunday."),
            ("Capital Post", "About 35,000 customers were stuck at Vellby airport by the check-in outage."),
            ("30,000", "35,000"),
            True,
        ),
        (  # a ferry winter: a group's total against one operator's losses
            (
                "Isle Courier",
                "The four ferry operators lost £9m between them over the stormy winter on the Skell route.",
            ),
            (
                "Harbour Radio",
                "The largest ferry operator on the Skell route put its losses over the stormy winter at £6m.",
            ),
            ("£9m", "£6m"),
            False,
        ),
        (  # a festival: what it cost the town against what it brought in
            ("Town Herald", "The Brisa music festival cost the town of Marlow £2m to stage this summer."),
            ("Valley Times", "The Brisa music festival brought the town of Marlow £2.5m in revenue this summer."),
            ("£2m", "£2.5m"),
            False,
        ),
    ],
)
def test_sources_differ_only_on_counts_of_one_event(
    tmp_path_factory: pytest.TempPathFactory,
    a: tuple[str, str],
    b: tuple[str, str],
    values: tuple[str, str],
    flagged: bool,
) -> None:
    bot = _corpus_bot(tmp_path_factory, "events", _story(a, b))
    briefing = bot.brief()
    _verify_all(bot, briefing)
    differ = briefing.section(SOURCES_DIFFER)
    texts = [item.text for item in differ.items] if differ else []
    assert any(all(v in t for v in values) for t in texts) is flagged, texts


@pytest.mark.parametrize(
    ("outlets", "flagged"),
    [
        (("Harbour Ledger", "Harbour Ledger"), False),  # one paper's later report updates its own count
        (("Harbour Ledger", "Coast Radio"), True),
    ],
)
def test_a_count_one_outlet_updates_is_no_difference_between_sources(
    tmp_path_factory: pytest.TempPathFactory, outlets: tuple[str, str], flagged: bool
) -> None:
    story = _story(
        (outlets[0], "The coastguard said 40 volunteers had joined the search for the missing trawler off Skarra."),
        (
            outlets[1],
            "About 70 volunteers are now searching the Skarra coast for the missing trawler, the coastguard said.",
        ),
    )
    bot = _corpus_bot(tmp_path_factory, "search", story)
    differ = bot.brief().section(SOURCES_DIFFER)
    texts = [item.text for item in differ.items] if differ else []
    assert any("40" in t and "70" in t for t in texts) is flagged, texts


# A ferry strike told by a paper, its correction and a council, written for this test: the correction
# gives the wrong value its right measure (the whole week), where the council's count differs.
FERRY_CORRECTION = {
    "1.txt": (
        'title = "Ferry strike hits islands"\noutlet = "Island Post"\ndate = "2026-05-02"\n',
        "The operator cancelled about 900 sailings between 1 and 3 May.\n",
    ),
    "2.txt": (
        'title = "Correction: ferry cancellations"\noutlet = "Island Post"\nkind = "correction"\ndate = "2026-05-09"\n',
        "An article published on 2 May said the operator cancelled about 900 sailings between 1 and 3 May. "
        "That was wrong. The operator cancelled nearly 400 sailings in those three days; the figure of about 900 "
        "is its total for the whole seven-day strike.\n",
    ),
    "3.txt": (
        'title = "Council counts the cost of the ferry strike"\noutlet = "Harbour Council"\ndate = "2026-05-10"\n',
        "The operator cancelled more than 700 sailings over seven days of the strike, the council said.\n",
    ),
}


def test_a_correction_that_gives_a_value_its_right_measure_keeps_it(tmp_path_factory: pytest.TempPathFactory) -> None:
    bot = _corpus_bot(tmp_path_factory, "ferry-correction", FERRY_CORRECTION)
    briefing = bot.brief()
    _verify_all(bot, briefing)
    differ = briefing.section(SOURCES_DIFFER)
    texts = [item.text for item in differ.items] if differ else []
    assert any("700" in t and "900" in t for t in texts), texts
    assert not any("400" in t for t in texts), texts
