"""Figures and disagreements: each rule with a table of sentences from several kinds of
document (budgets, health, sport, transport, climate), written for these tests."""

from __future__ import annotations

import pytest

from assistant.figures import (
    Figure,
    clause_of,
    counted_noun,
    disagreements,
    document_year,
    duration_unit,
    extract,
    floor_and_estimate,
    measure_words,
    merge,
    parse_number,
    qualifier_bound,
    raw_figures,
    same_measure,
    year_referred,
)
from assistant.sentences import split_sentences


@pytest.mark.parametrize(
    ("number", "scale", "expected"),
    [
        ("12,500", None, 12500.0),
        ("1", "m", 1e6),
        ("1", "million", 1e6),
        ("1,000,000", None, 1e6),
        ("2.5", "bn", 2.5e9),
        ("40", "k", 40000.0),
        ("0.75", None, 0.75),
    ],
)
def test_parse_number(number: str, scale: str | None, expected: float) -> None:
    assert parse_number(number, scale) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council will spend £1m on the bridge.", [("money", 1e6, "GBP")]),
        ("The council will spend £1 million on the bridge.", [("money", 1e6, "GBP")]),
        ("It costs £1,000,000.", [("money", 1e6, "GBP")]),
        ("The club paid $45.5m for the striker.", [("money", 45.5e6, "USD")]),
        ("Aid of €2bn was agreed.", [("money", 2e9, "EUR")]),
        ("She won 300 pounds in the raffle.", [("money", 300.0, "GBP")]),
        ("Waiting lists fell by 12 per cent.", [("percent", 12.0, "%")]),
        ("Turnout was 64.5%.", [("percent", 64.5, "%")]),
        ("About 3,400 homes lost power.", [("count", 3400.0, "")]),
        ("Some 2 million trees were planted.", [("count", 2e6, "")]),
        ("The line opened in 1998.", [("year", 19980000.0, "")]),
        ("Talks resume on 4 June 2025.", [("date", 20250604.0, "")]),
        ("Talks resume on June 4, 2025.", [("date", 20250604.0, "")]),
        ("The depot closed in March 2024.", [("date", 20240300.0, "")]),
        ("The M25 and COVID-19 are not figures.", []),
        (
            "Flood defences rose 3% to £12m in 2023.",
            [("percent", 3.0, "%"), ("money", 12e6, "GBP"), ("year", 20230000.0, "")],
        ),
    ],
)
def test_raw_figures(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(k, v, u) for _, _, k, v, u in raw_figures(text)] == expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("crossings rose to more than ", "at least"),
        ("the fund holds over ", "at least"),
        ("it will cost up to ", "at most"),
        ("nearly ", "at most"),
        ("the survey of about ", "about"),
        ("a total of ", "exact"),
        ("", "exact"),
        ("the true toll is likely higher than ", "at least"),
        ("turnout was lower than ", "at most"),
    ],
)
def test_qualifier_bound(before: str, expected: str) -> None:
    assert qualifier_bound(before)[0] == expected


@pytest.mark.parametrize(
    ("text", "part", "expected"),
    [
        ("Fares rise 5% in May, the operator said.", "5%", "Fares rise 5% in May"),
        ("Cases fell; deaths rose by 40.", "40", " deaths rose by 40."),
        ("He said: “We saved £3m.”", "£3m", "We saved £3m."),
    ],
)
def test_clause_of(text: str, part: str, expected: str) -> None:
    start = text.index(part)
    s, e = clause_of(text, start, start + len(part))
    assert text[s:e] == expected


@pytest.mark.parametrize(
    ("text", "part", "expected"),
    [
        ("More than 3,000 nurses joined the strike so far this year.", "3,000", ("nurs", "join", "strike")),
        ("Over 3,100 nurses went on strike, the union said.", "3,100", ("nurs", "went", "strike")),
        ("The club sold 40,000 season tickets.", "40,000", ("club", "sold", "season", "ticket")),
        ("Emissions fell 7% last year.", "7%", ("emission", "fell", "last")),
    ],
)
def test_measure_words(text: str, part: str, expected: tuple[str, ...]) -> None:
    start = text.index(part)
    assert measure_words(text, start, start + len(part)) == expected


@pytest.mark.parametrize(
    ("text", "part", "expected"),
    [
        ("Of the 120 passengers on board, 14 were taken to hospital.", "14", "passenger"),  # transport
        ("The council inspected 80 bridges last year; 12 were found unsafe.", "12", "bridg"),  # infrastructure
        ("Of 2,300 schools in the region, 41% have no heating.", "41%", "school"),  # education
        ("The 2024 cohort had 300 pupils, and 12 of them left.", "12", "pupil"),
        ("Of about 900 trains planned, 215 had been cancelled by noon.", "215", "train"),  # rail
        ("Twelve were detained overnight.", "Twelve", None),  # nothing earlier names what is counted
        ("More than 400 flights were cancelled at the airports.", "400", None),  # names its own noun
        ("Of the 120 passengers on board, 14 were taken to hospital.", "120", None),
    ],
)
def test_counted_noun(text: str, part: str, expected: str | None) -> None:
    start = text.index(part)
    assert counted_noun(text, start, start + len(part)) == expected


def test_an_elided_count_measures_what_the_sentence_counts() -> None:
    text = "Of about 900 trains planned, 215 had been cancelled by noon."
    start = text.index("215")
    assert measure_words(text, start, start + 3)[:2] == ("train", "cancell")


@pytest.mark.parametrize(
    ("text", "part", "doc_year", "expected"),
    [
        ("Sales reached 4,000 units in 2023.", "4,000", 2025, 2023),
        ("So far this year 4,000 units were sold.", "4,000", 2025, 2025),
        ("Sales reached 4,000 units.", "4,000", 2025, None),
        ("The 2024 budget was £5m.", "£5m", None, 2024),
    ],
)
def test_year_referred(text: str, part: str, doc_year: int | None, expected: int | None) -> None:
    start = text.index(part)
    assert year_referred(text, start, start + len(part), doc_year) == expected


@pytest.mark.parametrize(
    ("date", "expected"), [("2025-05-16", 2025), ("16 May 2024", 2024), ("2025", 2025), (None, None), ("soon", None)]
)
def test_document_year(date: str | None, expected: int | None) -> None:
    assert document_year(date) == expected


def fig(doc: str, kind: str, value: float, measure: tuple[str, ...], unit: str = "", year: int | None = None) -> Figure:
    return Figure(doc, f"{doc}#s0", 0, 1, "", kind, value, unit, measure=measure, year=year)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (fig("a", "count", 3000, ("nurs", "strike")), fig("b", "count", 3100, ("nurs", "went", "strike")), True),
        (fig("a", "count", 3000, ("nurs", "strike")), fig("b", "count", 30, ("nurs", "strike")), False),
        (fig("a", "percent", 7, ("emission", "fell")), fig("b", "percent", 9, ("emission", "fell")), True),
        (fig("a", "percent", 7, ("emission", "fell")), fig("b", "percent", 70, ("emission", "fell")), False),
        (fig("a", "money", 5e6, ("flood", "defenc"), "GBP"), fig("b", "money", 5e6, ("flood", "defenc"), "EUR"), False),
        (
            fig("a", "count", 400, ("ticket", "sold"), year=2023),
            fig("b", "count", 420, ("ticket", "sold"), year=2024),
            False,
        ),
        (fig("a", "count", 400, ("ticket", "sold")), fig("b", "count", 420, ("fan", "arrest")), False),
        (fig("a", "year", 20230000, ("open",)), fig("b", "year", 20240000, ("open",)), False),
    ],
)
def test_same_measure(a: Figure, b: Figure, expected: bool) -> None:
    assert same_measure(a, b) is expected


# Three short reports of one (made-up) strike, in three documents.
REPORTS = {
    "wire.txt": "More than 3,000 nurses joined the strike on Monday. The health board offered a 4% pay rise.",
    "local.txt": "Over 3,400 nurses joined the strike, organisers said. Managers offered a 4% pay rise.",
    "union.txt": "The union said 3,000 nurses joined the strike. It wants £2m for agency staff.",
}


def _figures() -> list[Figure]:
    out: list[Figure] = []
    for doc_id, text in REPORTS.items():
        out += extract(split_sentences(doc_id, text), "2025-03-10")
    return out


def test_extract_keeps_offsets_into_the_document() -> None:
    for f in _figures():
        assert REPORTS[f.doc_id][f.start : f.end] == f.text


def test_disagreements_name_each_value_and_its_documents() -> None:
    found = disagreements(_figures())
    assert len(found) == 1
    assert [(g.value, g.doc_ids) for g in found[0].values] == [
        (3000.0, ("wire.txt", "union.txt")),
        (3400.0, ("local.txt",)),
    ]
    assert {"nurs", "join", "strike"} <= set(found[0].measure)


def test_merge_joins_identical_figures_across_documents() -> None:
    groups = [(g.value, g.doc_ids) for g in merge(_figures()) if len(g.doc_ids) > 1]
    assert (4.0, ("wire.txt", "local.txt")) in groups
    assert (3000.0, ("wire.txt", "union.txt")) in groups


def test_one_document_never_disagrees_with_itself() -> None:
    text = "In March 1,200 tickets were sold. By May 1,500 tickets were sold."
    assert disagreements(extract(split_sentences("d", text))) == []


def test_the_seed_article_figures(article_text: str) -> None:
    found = {(f.kind, f.value, f.unit, f.bound) for f in extract(split_sentences("a", article_text), "2025")}
    assert ("money", 1e6, "GBP", "exact") in found
    assert ("count", 12000.0, "", "at least") in found
    assert ("percent", 95.0, "%", "exact") in found
    assert ("year", 20250000.0, "", "exact") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The committee counted eight deaths.", [("count", 8.0)]),
        ("Two of them left early.", []),  # "two of": not a count of anything named
        ("The trains ran at 12:33 and 7 am.", [("clock", 753.0), ("clock", 420.0)]),  # times of day, not counts
        ("The trial lasted five years and 10 days.", [("duration", 5.0), ("duration", 10.0)]),  # lengths, not counts
        ("She was 10 years old three days later.", []),  # an age and a moment are not lengths
        ("It took 45 minutes to sell 300 tickets.", [("duration", 45.0), ("count", 300.0)]),
        ("Forty volunteers and 12 boats helped.", [("count", 40.0), ("count", 12.0)]),
    ],
)
def test_counts_words_times_and_durations(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(k, v) for _, _, k, v, _ in raw_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("five years", 4, True),
        ("a 10-day strike", 4, True),
        ("ten hours without power", 3, True),
        ("eight deaths", 5, False),
        ("12 boats", 2, False),
    ],
)
def test_is_duration(text: str, at: int, expected: bool) -> None:
    from assistant.figures import is_duration

    assert is_duration(text, at) is expected


@pytest.mark.parametrize(
    ("text", "part", "expected"),
    [
        ("Over 800 boats have crossed since January.", "800", 0),  # undated document: "this year"
        ("More than 900 boats crossed since the start of the year.", "900", 0),
        ("In 2022 some 700 boats crossed.", "700", 2022),
    ],
)
def test_current_year_without_a_document_date(text: str, part: str, expected: int) -> None:
    start = text.index(part)
    assert year_referred(text, start, start + len(part), None) == expected


def test_this_year_and_a_past_year_are_different_measures() -> None:
    current = fig("a", "count", 12000, ("boat", "cross", "small"), year=0)
    past = fig("b", "count", 12500, ("boat", "cross", "small"), year=2022)
    assert not same_measure(current, past)
    assert same_measure(current, fig("c", "count", 12500, ("boat", "cross", "small"), year=0))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (fig("a", "money", 2e6, ("council", "bus"), "GBP"), fig("b", "money", 2e6, ("council", "fund"), "GBP"), True),
        (fig("a", "money", 2e6, ("council", "bus"), "GBP"), fig("b", "money", 2e6, ("fine", "club"), "GBP"), False),
        (fig("a", "count", 40, ("ticket",)), fig("b", "count", 41, ("ticket",)), False),
        (fig("a", "year", 20250000, ("open",)), fig("b", "year", 20250000, ("open",)), False),
    ],
)
def test_same_figure(a: Figure, b: Figure, expected: bool) -> None:
    from assistant.figures import same_figure

    assert same_figure(a, b) is expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("The ferry trial ran for six weeks.", "six", "week"),
        ("A 10-day festival opened.", "10", "day"),
        ("The strike lasted two and a half days.", "two", "day"),
        ("The bridge is 40 years old.", "40", None),
        ("Five days later the dam burst.", "Five", None),
        ("Some 300 homes lost power.", "300", None),
    ],
)
def test_duration_unit(text: str, number: str, expected: str | None) -> None:
    found = duration_unit(text, text.index(number) + len(number))
    assert (found[0] if found else None) == expected


# Lengths of time from different documents: (sentence a, sentence b, whether they disagree).
DURATION_PAIRS = [
    # the same event in near-synonym words ("in space" / "in orbit"): one shared verb and the unit
    ("The two pilots spent 186 days in space.", "By our count they spent 187 days in orbit.", True),
    # a number written in words against a hyphenated unit adjective, both about the planned trial
    (
        "The ferry trial began in May and was planned to run about eight weeks on the route.",
        "The route opened with what was billed as a 10-week ferry trial.",
        True,
    ),
    # the same value: no disagreement
    ("The strike at the port lasted 12 days.", "Dock workers ended a strike that lasted 12 days.", False),
    # different units are never compared ("nine months" may round "280 days")
    ("The crew spent nine months in orbit.", "The crew spent 280 days in orbit.", False),
    # different measures (a trial against a closure)
    ("The ferry trial ran for six weeks.", "The bridge closed for eight weeks of repairs.", False),
]


@pytest.mark.parametrize(("a", "b", "expected"), DURATION_PAIRS)
def test_lengths_of_time_disagree_only_on_one_measure(a: str, b: str, expected: bool) -> None:
    figures = extract(split_sentences("a.txt", a)) + extract(split_sentences("b.txt", b))
    found = [d for d in disagreements(figures) if any(f.kind == "duration" for g in d.values for f in g.figures)]
    assert bool(found) is expected


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # A number that is part of a name (a road, a flight, a law, an aircraft) counts nothing.
        ("Lorries were sent along Interstate 695 while the bridge was shut.", []),
        ("Flight 370 vanished with 239 people aboard.", [239.0]),
        ("The court read Section 230 narrowly in its ruling.", []),
        ("The airline grounded 40 Boeing 737 jets after the fault.", [40.0]),
        # A count after a qualifier, a month or a function word is still a count.
        ("About 300 homes lost power in the storm.", [300.0]),
        ("In March 344 flights were cancelled across the region.", [344.0]),
        ("The 22 crew members were unhurt.", [22.0]),
        ("Of about 6,000 patients, 344 were treated at home.", [6000.0, 344.0]),
    ],
)
def test_a_number_in_a_name_is_not_a_count(text: str, counts: list[float]) -> None:
    assert [value for _, _, kind, value, _ in raw_figures(text) if kind == "count"] == counts


@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [
        ("Engineers think the number of homes cut off is higher than 40,000.", "About 40,000 homes lost power.", True),
        ("The charity says more than 1,200 runners finished.", "Organisers said 1,200 runners finished.", True),
        ("More than 1,200 runners finished the race.", "Over 1,200 runners finished.", False),  # two floors
        ("The fund paid out about £3m in grants.", "The fund's grants came to £3m.", False),  # two estimates
    ],
)
def test_floor_and_estimate(one: str, other: str, expected: bool) -> None:
    a = extract(split_sentences("a.txt", one))[0]
    b = extract(split_sentences("b.txt", other))[0]
    assert floor_and_estimate(a, b) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # airport: numbers of terminals in a list name them, the count of flights counts
        ("Staff cleared Terminals 2 and 4 while 40 flights waited.", [("count", 40.0)]),
        # stadium: gates in a list of three
        ("Fans queued at Gates 3, 4 or 5 for 90 minutes.", [("duration", 90.0)]),
        # rail: platforms, and a count of trains
        ("Platforms 9 and 10 closed and 12 trains were cancelled.", [("count", 12.0)]),
    ],
)
def test_a_list_of_numbers_after_a_name_is_no_count(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(k, v) for _, _, k, v, _ in raw_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # grid report: a range of hours is one length of time, read by its first number
        ("Moving the load would take 10 to 12 hours.", [("10 to 12 hours", "duration", 10.0)]),
        # flood news: a range in words
        ("Roads reopened within two or three days.", [("two or three days", "duration", 2.0)]),
        # protest: a hyphenated range of people
        ("Some 40-50 people marched to the town hall.", [("40-50", "count", 40.0)]),
        # a change is no range: both values stay
        ("The death toll rose from 30 to 33.", [("30", "count", 30.0), ("33", "count", 33.0)]),
    ],
)
def test_a_range_is_one_figure(text: str, expected: list[tuple[str, str, float]]) -> None:
    assert [(text[s:e], k, v) for s, e, k, v, _ in raw_figures(text)] == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # grid: one sentence gives a total and the part left ("the other two"): no dispute
        (
            "The airport lost one of its three supply lines, and the other two supply lines carried the load.",
            "We lost one of our three supply lines.",
            [],
        ),
        # dairy: a herd and the cows left of it, told in one sentence, against a report of the herd
        (
            "Of the farm's 60 cows, 45 were moved to higher ground.",
            "The farm's 60 cows were moved to higher ground.",
            [],
        ),
        # two reports of a count, one sentence each: a dispute
        ("Rescuers found 30 survivors in the rubble.", "Rescuers found 33 survivors in the rubble.", [30.0, 33.0]),
    ],
)
def test_one_sentence_never_disputes_itself(a: str, b: str, expected: list[float]) -> None:
    figures = extract(split_sentences("a.txt", a)) + extract(split_sentences("b.txt", b))
    assert [[g.value for g in d.values] for d in disagreements(figures)] == ([expected] if expected else [])


def test_a_sentence_giving_two_sources_values_still_disputes() -> None:
    a = "Officials said 30 people died in the landslide, but local media reported 33 people died in the landslide."
    b = "In all 33 people died in the landslide."
    figures = extract(split_sentences("a.txt", a)) + extract(split_sentences("b.txt", b))
    assert disagreements(figures) == []  # read alone, one sentence does not dispute itself
    found = disagreements(figures, disputing={"a.txt#s0"})
    assert [[g.value for g in d.values] for d in found] == [[30.0, 33.0]]


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("The council scrapped the 200-euro arts pass for students.", "200", ("money", 200.0, "EUR")),
        ("Riders now pay a 10-pound fee to park by the station.", "10", ("money", 10.0, "GBP")),
        ("The second suspect, aged 39, was held at a flat in Leeds.", "39", None),
        ("She took up rowing at the age of 70 and won in Ghent.", "70", None),
        ("Police held 12 suspects, aged between 19 and 40.", "12", ("count", 12.0, "")),
    ],
)
def test_money_as_a_modifier_and_ages(text: str, number: str, expected: tuple[str, float, str] | None) -> None:
    found = [(k, v, u) for s, _, k, v, u in raw_figures(text) if s == text.index(number)]
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("Homes still without power: about 2,400.", "2,400", {"hom", "power"}),
        ("Value of the stolen paintings, as set by the insurers: 12 million pounds.", "12", {"stolen", "paint"}),
        ("Volunteers on the search: 70.", "70", {"volunteer", "search"}),
    ],
)
def test_a_figure_after_a_label_measures_what_the_label_says(text: str, number: str, expected: set[str]) -> None:
    found = [f for f in extract(split_sentences("d.txt", text)) if number in f.text]
    assert expected <= set(found[0].measure), found[0].measure
