"""A Figures item's label says the figure and what it measures, in its sentence's words, and
a range is one figure ("$1.7-1.9 billion", not "$1.7"). Sentences written for these tests in
our own words."""

from __future__ import annotations

import pytest
from test_briefing import _corpus_bot, _verify_all

from assistant.briefing import FIGURES, figure_label
from assistant.figures import figure_phrase, raw_figures


@pytest.mark.parametrize(
    ("sentence", "figure", "kind", "label"),
    [
        (
            "Crews said about 40 firefighters fought the warehouse blaze overnight.",
            "about 40",
            "count",
            "about 40 firefighters",
        ),
        ("The ferry carried 212 foot passengers when the engine failed.", "212", "count", "212 foot passengers"),
        (
            "Rail operators ran 60% of their usual timetable on Monday.",
            "60%",
            "percent",
            "60% of their usual timetable",
        ),
        (
            "The council set aside £3 million for flood barriers in the valley.",
            "£3 million",
            "money",
            "£3 million for flood barriers",
        ),
        (
            "Replacing the bridge will cost $1.7-1.9 billion, officials said.",
            "$1.7-1.9 billion",
            "money",
            "the bridge will cost $1.7-1.9 billion",
        ),
        ("THE MAYOR: About 300 on the first night.", "About 300", "count", "About 300"),
    ],
)
def test_figure_phrase(sentence: str, figure: str, kind: str, label: str) -> None:
    start = sentence.index(figure)
    a, b = figure_phrase(sentence, start, start + len(figure), kind)  # type: ignore[arg-type]
    assert sentence[a:b] == label


@pytest.mark.parametrize(
    ("sentence", "money"),
    [
        ("Replacing the bridge will cost $1.7-1.9 billion, officials said.", ["$1.7-1.9 billion"]),
        ("The revised estimate is $4.3bn-$5.2bn, twice the first.", ["$4.3bn-$5.2bn"]),
        ("Insurers expect claims of £40 million to £55 million.", ["£40 million to £55 million"]),
        ("Tickets rose from $2 to $3 last year.", ["$2", "$3"]),
        ("Entry costs €12-15 a head in summer.", ["€12-15"]),
    ],
)
def test_a_money_range_is_one_figure(sentence: str, money: list[str]) -> None:
    assert [sentence[s:e] for s, e, kind, *_ in raw_figures(sentence) if kind == "money"] == money


REPORTS = {
    "1.txt": (
        'title = "Harbour bridge rebuild priced"\noutlet = "Coast Ledger"\ndate = "2026-04-02"\n',
        "The state said rebuilding the Marlow harbour bridge will cost $1.7-1.9 billion and take four years.\n\n"
        "About 40 firefighters and 12 divers searched the water on the first night.\n",
    ),
    "2.txt": (
        'title = "Ferry line cuts timetable"\noutlet = "Island Post"\ndate = "2026-04-03"\n',
        "The ferry line ran 60% of its usual timetable while the harbour stayed closed.\n\n"
        "Dockworkers said 350 containers were stuck on the quay.\n",
    ),
}


def test_briefing_figures_say_what_they_measure(tmp_path_factory: pytest.TempPathFactory) -> None:
    bot = _corpus_bot(tmp_path_factory, "labels", REPORTS)
    briefing = bot.brief()
    _verify_all(bot, briefing)
    figures = briefing.section(FIGURES)
    assert figures is not None
    labels = {item.label for item in figures.items}
    assert {"About 40 firefighters", "60% of its usual timetable", "350 containers"} <= labels, labels
    assert any(label and "$1.7-1.9 billion" in label for label in labels), labels


@pytest.mark.parametrize(
    ("sentence", "figure", "kind", "label"),
    [
        # a count's noun ends at its plural, which a name never is, or at an irregular plural
        (
            "Officials said about 2.1 million Samsung phones had been recalled.",
            "about 2.1 million",
            "count",
            "about 2.1 million Samsung phones",
        ),
        ("By noon 3,200 people left the valley on foot.", "3,200", "count", "3,200 people"),
        ("Lifeboats brought 41 passengers ashore in the dark.", "41", "count", "41 passengers"),
        # money joined to its noun by a hyphen
        ("The town scrapped its 50-pound parking permit for nurses.", "50-pound", "money", "50-pound parking permit"),
        # a bare figure that completes its clause takes the subject saying what it measures
        (
            "The insurer puts its flood claims at £64 million.",
            "£64 million",
            "money",
            "The insurer puts its flood claims at £64 million",
        ),
        (
            "The number of pupils sent home has risen to 1,250.",
            "1,250",
            "count",
            "The number of pupils sent home has risen to 1,250",
        ),
        (
            "Analysts said the real toll was probably higher than 300.",
            "higher than 300",
            "count",
            "the real toll was probably higher than 300",
        ),
        # a fact sheet's line: its label says what the figure measures
        ("Schools closed by the storm: 48.", "48", "count", "Schools closed by the storm: 48"),
        # a transcript's answer is no fact sheet line, and a figure mid-clause stays as it is
        ("THE MAYOR: About 300 on the first night.", "About 300", "count", "About 300"),
        ("Turnout was 61% across the region on Sunday.", "61%", "percent", "61%"),
    ],
)
def test_figure_label(sentence: str, figure: str, kind: str, label: str) -> None:
    start = sentence.index(figure)
    a, b = figure_label(sentence, start, start + len(figure), kind)  # type: ignore[arg-type]
    assert sentence[a:b] == label
