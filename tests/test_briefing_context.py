"""A key point that leans on the sentence before it ("Because of that call, ...", "The wire,
held in place by ...") is shown with that sentence, so it reads alone, even when that sentence is too short to be a point. Documents written for
these tests in our own words."""

from __future__ import annotations

import pytest
from test_briefing import _corpus_bot, _verify_all

from assistant.briefing import KEY_POINTS, leans_on


@pytest.mark.parametrize(
    ("before", "text", "leans"),
    [
        ("The skipper sent a distress signal at dawn.", "Because of that call, two lifeboats were launched.", True),
        ("Residents were told to boil their water.", "Despite those warnings, dozens fell ill.", True),
        ("Engineers found a cracked weld under the deck.", "The weld, made in 1988, was never inspected.", True),
        ("A stray spark landed in the dry grass.", "The spark, carried by the wind, lit the hillside.", True),
        ("Engineers found a cracked weld under the deck.", "The engineers closed the bridge to traffic.", False),
        ("The mayor spoke on Monday.", "Because of the storm, schools closed early.", False),
        ("The mayor spoke on Monday.", "Officials said that the road, built in 1970, would reopen.", False),
    ],
)
def test_leans_on(before: str, text: str, leans: bool) -> None:
    assert leans_on(before, text) is leans


REPORTS = {
    "1.txt": (
        'title = "Trawler sinks off Carrow Point"\noutlet = "Harbour Times"\ndate = "2026-02-10"\n',
        "The trawler Marguerite sank off Carrow Point on Sunday night after its hull was holed by rocks.\n\n"
        "Water poured into the engine room. A mayday went out. "
        "Because of that call, two lifeboats reached the crew of six within 25 minutes.\n",
    ),
    "2.txt": (
        'title = "Loose wire blamed for lift fall"\noutlet = "City Wire"\ndate = "2026-02-12"\n',
        "The Tollgate lift dropped four floors on Friday morning. A wire came loose. "
        "The wire, held in place by one worn clip, had shaken free over several months.\n\n"
        "Three passengers were treated in hospital for minor injuries.\n",
    ),
}


@pytest.mark.parametrize(
    ("dangling", "antecedent"),
    [
        ("Because of that call", "A mayday went out."),
        ("The wire, held in place", "A wire came loose."),
    ],
)
def test_a_point_brings_the_sentence_it_leans_on(
    tmp_path_factory: pytest.TempPathFactory, dangling: str, antecedent: str
) -> None:
    bot = _corpus_bot(tmp_path_factory, "lean", REPORTS)
    briefing = bot.brief()
    _verify_all(bot, briefing)
    points = briefing.section(KEY_POINTS)
    assert points is not None
    texts = [item.text for item in points.items]
    holding = [t for t in texts if dangling in t]
    assert holding, texts
    assert all(antecedent in t and t.index(antecedent) < t.index(dangling) for t in holding), texts
