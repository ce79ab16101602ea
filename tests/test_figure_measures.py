"""What a figure counts: a count's own noun keeps counts of different things apart ("two
inspectors" is not another value of "four lanes"), and "Where sources differ" headings name
the measure ("crew members", "the closure of the pier"), never a fragment. Sentences and
stories written for these tests in our own words."""

from __future__ import annotations

import pytest
from test_briefing import _corpus_bot, _verify_all

from assistant.briefing import SOURCES_DIFFER
from assistant.figures import (
    Figure,
    counting_period,
    measure_label,
    names_other_things,
    other_periods,
    same_measure,
    same_stem,
    sentence_figures,
)
from assistant.records import Sentence


def _figures(text: str) -> list:  # type: ignore[type-arg]
    sentence = Sentence("d#s0", "d", 0, 0, len(text), text)
    return sentence_figures(sentence, 2026)


@pytest.mark.parametrize(
    ("text", "number", "label"),
    [
        ("The ferry had 212 foot passengers and 40 cars on board.", "212", "foot passengers"),
        ("The ferry had 212 foot passengers and 40 cars on board.", "40", "cars"),
        ("Of the 90 flights scheduled on Monday, 31 were cancelled.", "31", "flights"),  # the noun left out
        ("Storms have caused 14 deaths linked to fallen trees.", "14", "deaths"),  # a verb ends the noun
        ("A 12-storey car park was closed.", "12", "storey car park"),
        ("The pier closure was costing the town about £40,000 a week, traders said.", "£40,000", "The pier closure"),
        ("Officials said the repairs to the sea wall would cost £2.5m.", "£2.5m", "the repairs to the sea wall"),
        ("The council set aside €3m for the clean-up this year.", "€3m", "the clean-up"),
        ("The hearing lasted nine days in total.", "nine", "days"),
        ("Ferry tickets rose by 40% in price.", "40%", "price"),
        ("Sales at the kiosk fell by 40% after the storm.", "40%", ""),  # nothing named: no heading, not a fragment
    ],
)
def test_measure_label(text: str, number: str, label: str) -> None:
    figure = next(f for f in _figures(text) if number in f.text)
    assert measure_label(text, figure.start, figure.end, figure.kind) == label


@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [
        ("The agency sent two safety inspectors to the site.", "The road kept four lanes open to traffic.", True),
        ("The club signed three new players this summer.", "The club sold five season tickets.", True),
        ("More than 300 people were moved out of the flats.", "About 320 residents were moved out.", False),
        ("The flood damaged 40 homes on the estate.", "The flood damaged 45 homes on the estate.", False),
        ("Seven buses were cancelled.", "The town lost 6 buses.", False),
    ],
)
def test_names_other_things(one: str, other: str, expected: bool) -> None:
    a = next(f for f in _figures(one) if f.kind == "count")
    b = next(f for f in _figures(other) if f.kind == "count")
    assert names_other_things(a, b) is expected


# A pier fire told by two outlets, written for this test: they differ on the crew on duty and on
# the daily cost of the closure, and they count other things (firefighters, engines) that no one disputes.
PIER = {
    "gazette.txt": (
        'title = "Fire closes Eastbay pier"\noutlet = "Eastbay Gazette"\ndate = "2026-06-02"\n',
        "A fire closed the Eastbay pier on Monday night.\n\n"
        "The pier had 14 staff members on duty when the fire started, none of whom were hurt.\n\n"
        "Traders said the closure of the pier was costing the town about £30,000 a day.\n\n"
        "Two engines from the town fire station reached the pier within ten minutes.\n",
    ),
    "herald.txt": (
        'title = "Pier fire: traders count the cost"\noutlet = "Coast Herald"\ndate = "2026-06-03"\n',
        "Firefighters were still at the Eastbay pier on Tuesday after Monday's blaze.\n\n"
        "According to the operator, 16 staff members were on duty at the time.\n\n"
        "The town council said the closure was costing local businesses £45,000 a day.\n\n"
        "Four firefighters from the town fire station reached the pier within minutes.\n",
    ),
}


def test_sources_differ_names_the_measure_and_keeps_other_counts_apart(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot = _corpus_bot(tmp_path_factory, "pier", PIER)
    briefing = bot.brief()
    _verify_all(bot, briefing)
    differ = briefing.section(SOURCES_DIFFER).items
    labels = {item.label for item in differ}
    assert labels == {"staff members", "the closure of the pier"}, [(i.label, i.text) for i in differ]
    assert not any("Two" in item.text and "Four" in item.text for item in differ)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("carr", "carry", True),  # "carried", "carrying"
        ("fee", "feed", False),  # too short to tell
        ("evacu", "evacuat", True),
        ("port", "portugal", False),
        ("flight", "flight", True),
    ],
)
def test_same_stem(a: str, b: str, expected: bool) -> None:
    assert same_stem(a, b) is expected


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("A bus carrying 48 pupils left the school at noon.", "The coach carried 52 pupils."),
        ("Engineers were studying 15 bridges for cracks.", "The inspectors studied 18 bridges."),
    ],
)
def test_same_measure_across_word_forms(one: str, other: str) -> None:
    a = next(f for f in _figures(one) if f.kind == "count")
    b = next(f for f in _figures(other) if f.kind == "count")
    assert same_measure(a, b)


def _duration(value: float, unit: str = "day") -> Figure:
    return Figure("d", "d#s0", 0, 1, "", "duration", value, unit)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([_duration(3)], [_duration(5)], True),  # "5,000 flights in three days" / "6,000 over five days"
        ([_duration(2, "week")], [_duration(14)], True),  # "two weeks" and "14 days" are read as other lengths
        ([_duration(3)], [_duration(3), _duration(10)], False),  # one length they share
        ([], [_duration(5)], False),  # a count with no period may be over any
        ([_duration(6, "month")], [_duration(6, "month")], False),
    ],
)
def test_other_periods(a: list[Figure], b: list[Figure], expected: bool) -> None:
    assert other_periods(a, b) is expected


# A ferry strike told by two outlets, written for this test: one counts the sailings cancelled
# in the first three days, the other over the whole week; they agree on nothing they could differ on.
FERRY = {
    "port.txt": (
        'title = "Ferry strike enters third day"\noutlet = "Harbour News"\ndate = "2026-05-04"\n',
        "The ferry operator cancelled about 300 sailings in those three days of the strike.\n\n"
        "Crews walked out over a new rota on 1 May.\n",
    ),
    "weekly.txt": (
        'title = "A week of empty quays"\noutlet = "Island Weekly"\ndate = "2026-05-09"\n',
        "The operator cancelled more than 550 sailings over seven days of the strike.\n\n"
        "Island shops ran short of milk by the weekend.\n",
    ),
}


def test_counts_over_different_periods_are_no_difference(tmp_path_factory: pytest.TempPathFactory) -> None:
    bot = _corpus_bot(tmp_path_factory, "ferry", FERRY)
    briefing = bot.brief()
    _verify_all(bot, briefing)
    differ = briefing.section(SOURCES_DIFFER)
    assert differ is None or not any("300" in i.text and "550" in i.text for i in differ.items)


# A storm told by two outlets, written for this test: the council gives its repair bill as a range,
# the paper a figure inside it (no difference); they do differ on the homes that lost power.
STORM = {
    "council.txt": (
        'title = "Storm repairs"\noutlet = "Lowmoor Council"\ndate = "2026-02-10"\n',
        "Repairs to the sea wall will cost between £2 million and £3 million, the council estimates.\n\n"
        "About 410 homes lost power during the storm.\n",
    ),
    "paper.txt": (
        'title = "Lowmoor counts the cost of the storm"\noutlet = "Lowmoor Mercury"\ndate = "2026-02-11"\n',
        "Repairs to the sea wall will cost about £2.5 million, engineers said.\n\n"
        "Some 520 homes lost power during the storm.\n",
    ),
}


def test_a_range_is_one_estimate_not_two_values(tmp_path_factory: pytest.TempPathFactory) -> None:
    bot = _corpus_bot(tmp_path_factory, "storm", STORM)
    briefing = bot.brief()
    _verify_all(bot, briefing)
    differ = [item.text for item in briefing.section(SOURCES_DIFFER).items]
    assert not any("£2.5 million" in text for text in differ), differ
    assert any("410" in text and "520" in text for text in differ), differ


# Two outages told by two outlets each, written for this test: how long a fix would take is
# no rival of how long a site was down, though both are counted in hours; the outlets do
# differ on how long the data centre was down.
OUTAGES = {
    "water-a.txt": (
        'title = "Dunmere plant fault"\noutlet = "Dunmere Courier"\ndate = "2026-03-02"\n',
        "At the Dunmere water treatment plant, restarting the pumps needs six to eight hours.\n",
    ),
    "water-b.txt": (
        'title = "Taps run dry in Dunmere"\noutlet = "Valley News"\ndate = "2026-03-03"\n',
        "The Dunmere water treatment plant was shut down for about 11 hours.\n",
    ),
    "data-a.txt": (
        'title = "Kenmore outage"\noutlet = "Tech Ledger"\ndate = "2026-04-02"\n',
        "The Kenmore data centre was offline for about 16 hours on Tuesday.\n\n"
        "At the Kenmore data centre, moving the load onto spare lines would take 10 to 12 hours.\n",
    ),
    "data-b.txt": (
        'title = "Banks hit by Kenmore outage"\noutlet = "City Finance"\ndate = "2026-04-03"\n',
        "The Kenmore data centre stayed offline for 20 hours, the banks said.\n",
    ),
}


def test_lengths_of_time_differ_only_when_they_measure_one_thing(tmp_path_factory: pytest.TempPathFactory) -> None:
    bot = _corpus_bot(tmp_path_factory, "outages", OUTAGES)
    briefing = bot.brief()
    _verify_all(bot, briefing)
    differ = [item.text for item in briefing.section(SOURCES_DIFFER).items]
    assert not any("six to eight" in text or "10 to 12" in text for text in differ), differ
    assert any("about 16 hours" in text and "20 hours" in text for text in differ), differ


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("The ferry operator cancelled about 300 sailings in those three days of the strike.", "three", True),
        ("The charity raised £2 million over five years.", "five", True),
        ("Heathrow was closed for about 16 hours.", "16", False),
        ("The strike lasted over two weeks.", "two", False),  # no count it is the period of
        ("Rival carriers recovered within two or three days.", "two", False),
    ],
)
def test_counting_period(text: str, number: str, expected: bool) -> None:
    assert counting_period(text, text.index(number)) is expected


# The ferry strike again, written for this test: two counts over three and five days of it.
PERIODS = {
    "port.txt": (
        FERRY["port.txt"][0],
        "The ferry operator cancelled about 300 sailings in those three days of the strike.\n",
    ),
    "weekly.txt": (
        FERRY["weekly.txt"][0],
        "The operator cancelled more than 550 sailings over five days of the strike.\n",
    ),
}


def test_the_periods_counts_are_counted_over_are_no_difference(tmp_path_factory: pytest.TempPathFactory) -> None:
    bot = _corpus_bot(tmp_path_factory, "ferry-periods", PERIODS)
    briefing = bot.brief()
    differ = briefing.section(SOURCES_DIFFER)
    assert differ is None or not any("three days" in i.text for i in differ.items), [i.text for i in differ.items]
