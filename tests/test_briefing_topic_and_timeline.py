"""A topic briefing stops at the sentences about its topic, and the Timeline dates events,
never the day an earlier report came out. A story written for these tests in our own words."""

from __future__ import annotations

import numpy as np
import pytest
from test_briefing import FLOOD, _corpus_bot, _verify_all

from assistant.briefing import FIGURES, KEY_POINTS, TIMELINE, dates_a_publication, on_topic, reports_own_release
from assistant.records import Sentence
from assistant.sources import superseded


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ('A report published on 9 April, "Tanker runs aground", said the tanker had 19 crew.', "9 April", True),
        ("Our article of 2 September gave the wrong name for the head teacher.", "2 September", True),
        ("A story posted on Monday 14 July misspelt the minister's name.", "14 July", True),
        ("The bulletin dated 3 March 2025 overstated the rainfall.", "3 March", True),
        ("The tanker ran aground off Port Ellery on 8 April 2026.", "8 April", False),
        ("The school reopened on 2 September after the summer works.", "2 September", False),
        ("The minister announced the new ferry route on 1 March.", "1 March", False),
    ],
)
def test_dates_a_publication(text: str, date: str, expected: bool) -> None:
    assert dates_a_publication(text, text.index(date)) is expected


@pytest.mark.parametrize(
    ("names", "relevance", "expected"),
    [
        ([True, False, False, False], [0.5, 0.6, 0.45, 0.2], [True, True, False, False]),
        ([True, True, False], [0.3, 0.5, 0.31], [True, True, True]),
        ([False, False], [0.4, 0.1], [True, True]),  # none names it: meaning alone decides
    ],
)
def test_on_topic(names: list[bool], relevance: list[float], expected: list[bool]) -> None:
    assert on_topic(np.array(names), np.array(relevance)).tolist() == expected


TANKER = {
    "coast.txt": (
        'title = "Tanker runs aground off Port Ellery"\noutlet = "Coast News"\ndate = "2026-04-09"\n',
        "A fuel tanker ran aground off Port Ellery on 8 April 2026, spilling about 300 tonnes of diesel.\n\n"
        "Salvage teams began pumping fuel from the hull on 10 April.\n\n"
        "Coastguard crews laid two kilometres of floating booms to keep the diesel out of the harbour.\n\n"
        "Fishing in the bay was suspended for three weeks.\n\n"
        "The tanker had 19 crew on board, and all of them were taken off by lifeboat.\n\n"
        "The tanker was built in 2009 and sails under a Maltese flag.\n\n"
        "Port Ellery's ferry to the islands kept to its timetable.\n\n"
        "Harbour master Lena Brandt said the booms had held overnight.\n",
    ),
    "correction.txt": (
        'title = "Correction: crew of the Ellery tanker"\noutlet = "Coast News"\ndate = "2026-04-11"\n'
        'kind = "correction"\n',
        'A report published on 9 April, "Tanker runs aground off Port Ellery", said the tanker had 19 crew on board.\n'
        "The tanker had 17 crew on board.\n"
        "Coast News regrets the error.\n",
    ),
    "bay.txt": (
        'title = "Bay fishers count the cost of the spill"\noutlet = "Ellery Weekly"\ndate = "2026-04-15"\n',
        "Fishing boats have stayed in port since the tanker spill closed the bay to fishing.\n\n"
        "The fishing ban will be lifted once tests show the water is clean, the marine agency said.\n\n"
        "A new lifeboat station will open in the town next year.\n\n"
        "The town's tourist office reported a busy Easter weekend.\n",
    ),
}


@pytest.fixture(scope="module")
def tanker_bot(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return _corpus_bot(tmp_path_factory, "tanker", TANKER)


def test_timeline_leaves_out_the_date_of_an_earlier_report(tanker_bot) -> None:  # type: ignore[no-untyped-def]
    briefing = tanker_bot.brief()
    _verify_all(tanker_bot, briefing)
    dates = [item.label for item in briefing.section(TIMELINE).items]
    assert dates[:2] == ["2026-04-08", "2026-04-10"]
    assert "2026-04-09" not in dates


@pytest.mark.parametrize(
    ("topic", "word"), [("the fishing ban", "ishing"), ("the booms", "booms"), ("the lifeboats", "lifeboat")]
)
def test_topic_briefing_stops_at_the_sentences_on_its_topic(tanker_bot, topic: str, word: str) -> None:  # type: ignore[no-untyped-def]
    briefing = tanker_bot.brief(topic, max_points=6)
    _verify_all(tanker_bot, briefing)
    points = [item.text for item in briefing.section(KEY_POINTS).items]
    assert points and all(word in p for p in points), points


# Two reports of a flood-barrier scheme, written for this test: the council's figure is repeated
# by the paper, and the council's next sentence says something the paper does not.
BARRIERS = {
    "council.txt": (
        'title = "Flood barriers for Millford"\noutlet = "Millford Council"\ndate = "2026-02-01"\n',
        "Millford Council will spend £2.4m on flood barriers along the River Wenn. "
        "Work on the barriers starts in June and should finish before the winter storms.\n",
    ),
    "paper.txt": (
        'title = "Millford gets its flood barriers"\noutlet = "Wenn Valley Post"\ndate = "2026-02-02"\n',
        "New flood barriers on the Wenn will cost £2.4m, the council said.\n\n"
        "Shops on the riverside were flooded twice last year.\n",
    ),
}


def test_a_key_point_cites_another_source_right_after_the_sentence_it_backs(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot = _corpus_bot(tmp_path_factory, "barriers", BARRIERS)
    briefing = bot.brief(max_points=2)
    _verify_all(bot, briefing)
    point = next(item for item in briefing.section(KEY_POINTS).items if "£2.4m on flood barriers" in item.text)
    assert "River Wenn. [1][2] Work on the barriers" in point.text, point.text
    assert point.citations[1].doc_id == "paper.txt" and "£2.4m" in point.citations[1].quote


@pytest.mark.parametrize(
    ("statement", "error", "expected"),
    [
        (
            "The tanker had 19 crew on board when it struck the rocks.",
            'A report published on 9 April, "Tanker spills diesel after two days aground", said the tanker had 19 crew.',
            True,
        ),
        (
            "Fishermen said two days aground was enough to ruin the season.",  # shares only the headline's words
            'A report published on 9 April, "Tanker spills diesel after two days aground", said the tanker had 19 crew.',
            False,
        ),
        (
            "The repairs will cost £4m, the council said.",
            'Our article of 2 September, "Three schools shut for 12 weeks of repairs", said the repairs would cost £4m.',
            True,
        ),
        (
            "Parents fear that 12 weeks of repairs will disrupt the exams.",
            'Our article of 2 September, "Three schools shut for 12 weeks of repairs", said the repairs would cost £4m.',
            False,
        ),
    ],
)
def test_a_correction_supersedes_the_claim_not_the_headline_it_names(
    statement: str, error: str, expected: bool
) -> None:
    def sentence(doc: str, text: str) -> Sentence:
        return Sentence(f"{doc}#s0", doc, 0, 0, len(text), text)

    assert superseded(sentence("report.txt", statement), sentence("correction.txt", error)) is expected


# A school's reopening, written for this test: the report gives the wrong date, a later
# correction gives the right one.
SCHOOL = {
    "report.txt": (
        'title = "Ashgrove Primary reopens after repairs"\noutlet = "Dale Courier"\ndate = "2025-09-04"\n',
        "Ashgrove Primary reopened on 2 September 2025 after a summer of roof repairs.\n\n"
        "The repairs cost the county £1.2m and replaced the whole roof of the main hall.\n\n"
        "Head teacher Owen Price said the pupils were glad to be back.\n\n"
        "The school's kitchen will reopen on 22 September 2025.\n",
    ),
    "correction.txt": (
        'title = "Correction: Ashgrove Primary"\noutlet = "Dale Courier"\ndate = "2025-09-06"\nkind = "correction"\n',
        "Our article of 4 September said Ashgrove Primary reopened on 2 September 2025.\n"
        "That was wrong.\n"
        "The school reopened on 9 September 2025.\n"
        "The Dale Courier regrets the error.\n",
    ),
}


@pytest.mark.parametrize(
    ("corpus", "claim", "wrong", "right"),
    [
        ("flood", "built in 1862", "1862", None),  # a bridge's year of building (tests/test_briefing.py FLOOD)
        ("school", "reopened on 2 September", "2025-09-02", "2025-09-09"),  # a school's reopening day
    ],
)
def test_a_corrected_statement_is_no_key_point_nor_timeline_event(
    tmp_path_factory: pytest.TempPathFactory, corpus: str, claim: str, wrong: str, right: str | None
) -> None:
    bot = _corpus_bot(tmp_path_factory, corpus, FLOOD if corpus == "flood" else SCHOOL)
    briefing = bot.brief(max_points=20)  # every candidate gets its chance
    _verify_all(bot, briefing)
    points = [c for item in briefing.section(KEY_POINTS).items for c in item.citations]
    assert not any(claim in c.quote and c.doc_id != "correction.txt" for c in points), points
    timeline = briefing.section(TIMELINE)
    dates = [item.label for item in timeline.items] if timeline else []
    assert wrong not in dates and (right is None or right in dates), dates


# A storm's power cuts, written for this test: the utility's estimate and engineers' floor at it.
STORM = {
    "utility.txt": (
        'title = "Storm cuts power across Kell valley"\noutlet = "Kell Power"\ndate = "2025-11-04"\n',
        "About 40,000 homes lost power when the storm brought down lines across the Kell valley.\n\n"
        "Crews restored power to 12,000 homes by Wednesday evening.\n",
    ),
    "engineers.txt": (
        'title = "Engineers doubt the utility count"\noutlet = "Valley Engineer"\ndate = "2025-11-06"\n',
        "The number of homes that lost power is likely higher than 40,000, the engineers' union said.\n\n"
        "Many rural lines are not monitored, so cuts there are never counted.\n",
    ),
}


def test_a_floor_is_not_the_same_figure_as_the_estimate_at_its_value(tmp_path_factory: pytest.TempPathFactory) -> None:
    bot = _corpus_bot(tmp_path_factory, "storm", STORM)
    briefing = bot.brief()
    _verify_all(bot, briefing)
    for section in (FIGURES, KEY_POINTS):
        for item in briefing.section(section).items if briefing.section(section) else []:
            quotes = " ".join(c.quote for c in item.citations)
            assert not ("About 40,000 homes" in quotes and "higher than 40,000" in quotes), item.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The safety board today published its report on the derailment of 4 March 2025.", True),
        ("The ministry yesterday released figures on flooding for the week to 9 May.", True),
        ("The health agency this morning issued new advice on the outbreak that began on 2 June.", True),
        ("The train derailed outside Ashby on 4 March 2025.", False),
        ("The report, published in May, found the signals had failed.", False),  # a past release, not today's
        ("Today the river is back within its banks.", False),
    ],
)
def test_reports_own_release(text: str, expected: bool) -> None:
    assert reports_own_release(text) is expected


# A radio transcript and an inquiry's notes, each dated in a preamble or caption, with one
# dated event each and the inquiry report's length; a press release announcing a report.
PREAMBLES = {
    "radio.txt": (
        'title = "Morning interview with the dam operator"\noutlet = "Valley Radio"\ndate = "2026-02-14"\n',
        "The following exchange was broadcast on the morning of Saturday 14 February 2026.\n\n"
        "HOST (presenter): When did the spillway fail?\n\n"
        "NORA QUINN (operator): The spillway gave way on 11 February 2026, after two days of rain.\n\n"
        "NORA QUINN (operator): About 2,000 residents left their homes that night.\n",
    ),
    "inquiry.txt": (
        'title = "Notes on the inquiry into the spillway failure"\n',
        "Excerpt from the inquiry's opening statement, Carrow, 3 March 2026.\n\n"
        "The inquiry report runs to 140 pages and was sent to ministers.\n\n"
        "Engineers had warned of cracks in the spillway on 9 October 2025.\n\n"
        "Repairs to the spillway will cost about £4 million.\n",
    ),
    "release.txt": (
        'title = "Board publishes its report on the Carrow spillway"\npublisher = "Dam Safety Board"\n'
        'date = "2026-05-20"\nkind = "press release"\n',
        "The Dam Safety Board today published its report on the failure of the Carrow spillway.\n\n"
        "The report found that the spillway gave way because its drains had been blocked for years.\n\n"
        "The board recommends yearly checks of every spillway drain.\n",
    ),
}


@pytest.fixture(scope="module")
def preamble_bot(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return _corpus_bot(tmp_path_factory, "preambles", PREAMBLES)


def test_a_preamble_date_is_no_event_and_a_report_length_no_figure(preamble_bot) -> None:  # type: ignore[no-untyped-def]
    bot = preamble_bot
    briefing = bot.brief()
    _verify_all(bot, briefing)
    dates = [item.label for item in briefing.section(TIMELINE).items]
    assert dates == ["2025-10-09", "2026-02-11"]
    listed = [item.label for item in briefing.section(FIGURES).items]
    assert not any(label.startswith("140") for label in listed), listed
    assert any("about £4 million" in label for label in listed), listed


def test_the_news_of_a_release_is_no_key_point_but_what_the_report_found_is(preamble_bot) -> None:  # type: ignore[no-untyped-def]
    briefing = preamble_bot.brief()
    quotes = [c.quote for item in briefing.section(KEY_POINTS).items for c in item.citations]
    assert not any("today published" in q for q in quotes)
    assert any("drains had been blocked" in q for q in quotes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said 30 died, but local media reported 33.", True),  # landslide
        ("The airline puts its losses at $550 million, while analysts estimated $600 million.", True),  # outage
        ("We lost one of our three supply lines and moved onto the other two.", False),  # grid
        ("Of the farm's 60 cows, 45 were moved to higher ground, the owner said.", False),  # flood: one source
    ],
)
def test_reports_twice(text: str, expected: bool) -> None:
    from assistant.briefing import reports_twice

    assert reports_twice(text) is expected
