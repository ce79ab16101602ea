"""Each claim check, table-driven. The examples come from two short documents written for
these tests (a city council's budget vote and a water company's drought notice), plus a
few from the seed article, so no rule rests on one story's wording."""

from __future__ import annotations

import pytest

from assistant.claims import (
    Source,
    check_claim,
    check_reply,
    cites_evidence,
    content_covered,
    each_citation_contributes,
    markers_valid,
    names_supported,
    negated,
    numbers_supported,
    one_quote_anchors,
    polarity_agrees,
    quantities,
    quotation_verbatim,
    repeats_earlier,
    split_claims,
    without_markers,
)

# A council budget story (written for these tests).
COUNCIL = [
    Source("Leeford City Council approved a £4.5m budget for road repairs on Tuesday, by 31 votes to 12."),
    Source("The Green group rejected the plan to close two libraries, calling it “a false economy”."),
    Source("Council leader Maria Okafor said the authority would not raise council tax this year."),
    Source(
        "Repair potholes on 40 residential streets",
        lead_in="The money will:",
    ),
]
# A water company's drought notice (written for these tests).
WATER = [
    Source("Northvale Water declared a drought in three counties after the driest spring since 1976."),
    Source("A hosepipe ban will start on 14 July and last until reservoirs reach 80 per cent."),
    Source("The regulator declined to fine the company for leaks, pending an inquiry."),
]
# The seed article, for the failures the issue reported.
ARTICLE = [
    Source(
        "Invest £1 million to upgrade Albania’s digital forensics and biometric capabilities",
        "The UK government will also:",
    ),
    Source(
        "Provide drone technology to assist Balkan law enforcement in disrupting smuggling routes",
        "The UK government will also:",
    ),
    Source(
        "Albania, however, has publicly ruled out participation in any such deal, despite being at the centre "
        "of speculation about Western Balkans involvement."
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("£4.5m", {(4_500_000.0, "£")}),
        ("4.5 million pounds", {(4_500_000.0, "£")}),
        ("31 votes to 12", {(31.0, ""), (12.0, "")}),
        ("three counties", {(3.0, "")}),
        ("80 per cent", {(80.0, "%")}),
        ("80%", {(80.0, "%")}),
        ("since 1976", {(1976.0, "")}),
        ("on 14 July", {(14.0, "")}),
        ("the 3rd reading", {(3.0, "")}),
        ("$2bn", {(2e9, "$")}),
        ("12,000 people", {(12_000.0, "")}),
        ("someone alone", set()),
        ("no number here", set()),
    ],
)
def test_quantities(text: str, expected: set[tuple[float, str]]) -> None:
    assert quantities(text) == expected


@pytest.mark.parametrize(
    ("claim", "sources", "ok"),
    [
        ("The council approved £4.5 million for roads.", COUNCIL[:1], True),
        ("The council approved £45m for roads.", COUNCIL[:1], False),
        ("The vote was 31 to 12.", COUNCIL[:1], True),
        ("The vote was 32 to 12.", COUNCIL[:1], False),
        ("The ban lasts until reservoirs are 80% full.", WATER[1:2], True),
        ("The ban lasts until reservoirs are 80 million full.", WATER[1:2], False),
        ("It is the driest spring since 1976.", WATER[:1], True),
        ("It is the driest spring since 1967.", WATER[:1], False),
        ("Three counties are in drought.", WATER[:1], True),
        ("The UK will invest £1m in forensics.", ARTICLE[:1], True),
        ("The UK will invest £1 million pounds.", ARTICLE[1:2], False),
        ("Streets will get £40.", COUNCIL[3:4], False),  # 40 is there, but not as money
    ],
)
def test_numbers_supported(claim: str, sources: list[Source], ok: bool) -> None:
    assert (numbers_supported(claim, sources) is None) is ok


@pytest.mark.parametrize(
    ("claim", "sources", "ok"),
    [
        ("The budget passed, said Maria Okafor.", COUNCIL[2:3], True),
        ("The budget passed, said Maria Smith.", COUNCIL[2:3], False),
        ("The ban was set by Northvale Water.", WATER[:1], True),
        ("The ban was set by Ofwat.", WATER[:1], False),
        ("A ban starts in July.", WATER[1:2], True),
        ("A ban starts in June.", WATER[1:2], False),
        ("The money is for Albanian forensics.", ARTICLE[:1], True),
        ("The money is for Italian forensics.", ARTICLE[:1], False),
    ],
)
def test_names_supported(claim: str, sources: list[Source], ok: bool) -> None:
    assert (names_supported(claim, sources) is None) is ok


@pytest.mark.parametrize(
    ("claim", "sources", "ok"),
    [
        ("The Greens called closing libraries “a false economy”.", COUNCIL[1:2], True),
        ('The Greens called it "A false economy."', COUNCIL[1:2], True),
        ("The Greens called it “a foolish economy”.", COUNCIL[1:2], False),
        ("The regulator said it was “pending an inquiry”.", WATER[2:3], True),
        ("The regulator promised “a full inquiry”.", WATER[2:3], False),
        ("No quotation at all.", WATER[2:3], True),
    ],
)
def test_quotation_verbatim(claim: str, sources: list[Source], ok: bool) -> None:
    assert (quotation_verbatim(claim, sources) is None) is ok


@pytest.mark.parametrize(
    ("claim", "sources", "ok"),
    [
        ("The council approved a budget for road repairs.", COUNCIL[:1], True),
        ("The council approved a budget for new schools.", COUNCIL[:1], False),
        ("The money will repair potholes on residential streets.", COUNCIL[3:4], True),  # lead-in counts
        ("Northvale Water declared a drought.", WATER[:1], True),
        ("Northvale Water declared a drought because of climate change.", WATER[:1], False),
        ("However, the regulator declined to fine the company.", WATER[2:3], True),  # a connective needs no source
        ("Albania has ruled out participating in the deal.", ARTICLE[2:3], True),  # participating ~ participation
        ("The government has promised to rebuild the system.", ARTICLE[2:3], False),
        ("The ban will start after 14 July.", WATER[1:2], False),  # the source says "on"
        ("The ban will last until reservoirs reach 80 per cent.", WATER[1:2], True),
        ("A drought was declared before the driest spring.", WATER[:1], False),  # "after", not "before"
        ("The council approved more road repairs.", COUNCIL[:1], False),
    ],
)
def test_content_covered(claim: str, sources: list[Source], ok: bool) -> None:
    assert (content_covered(claim, sources) is None) is ok


@pytest.mark.parametrize(
    ("claim", "sources", "ok"),
    [
        ("The council approved road repairs and the Greens rejected library closures.", COUNCIL[:2], True),
        ("The council approved a budget for road repairs.", [COUNCIL[0], WATER[1]], False),
        # The issue's case: the forensics sentence pinned on the drones bullet, whose lead-in
        # ("The UK government will also:") is all it shares.
        ("The UK government will also invest £1 million in Albania’s digital forensics.", ARTICLE[1:2], False),
        ("The UK government will also invest £1 million in Albania’s digital forensics.", ARTICLE[:1], True),
    ],
)
def test_each_citation_contributes(claim: str, sources: list[Source], ok: bool) -> None:
    assert (each_citation_contributes(claim, sources) is None) is ok


@pytest.mark.parametrize(
    ("claim", "sources", "ok"),
    [
        # Okafor did not reject the library plan: the Green group did (another quote).
        ("Maria Okafor rejected the plan to close two libraries.", [COUNCIL[1], COUNCIL[2]], False),
        ("The Green group rejected the plan to close two libraries.", [COUNCIL[1], COUNCIL[2]], True),
        # Northvale did not declare the inquiry: the regulator's quote has it.
        ("Northvale Water declared an inquiry into leaks.", [WATER[0], WATER[2]], False),
        ("Northvale Water declared a drought, and a hosepipe ban will start.", [WATER[0], WATER[1]], True),
        ("Albania has ruled out participation in any such deal.", [ARTICLE[2], ARTICLE[0]], True),
        ("Anything at all.", COUNCIL[:1], True),  # one quote: nothing to join
    ],
)
def test_one_quote_anchors(claim: str, sources: list[Source], ok: bool) -> None:
    assert (one_quote_anchors(claim, sources) is None) is ok


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The regulator declined to fine the company for leaks, pending an inquiry.", {"fine", "company", "leak"}),
        ("The Green group rejected the plan to close two libraries, calling it", {"plan", "close", "two", "librar"}),
        ("Okafor said the authority would not raise council tax this year.", {"raise", "council", "tax", "year"}),
        ("Rama dismissed speculation about Albania’s involvement.", {"speculation", "involvement"}),
        ("Nothing negative in it.", {"negative"}),
        ("A plain statement.", set()),
    ],
)
def test_negated(text: str, expected: set[str]) -> None:
    assert negated(text) == expected


@pytest.mark.parametrize(
    ("claim", "sources", "ok"),
    [
        ("The authority would not raise council tax.", COUNCIL[2:3], True),
        ("The authority would raise council tax.", COUNCIL[2:3], False),
        ("The regulator fined the company for leaks.", WATER[2:3], False),
        ("The regulator declined to fine the company.", WATER[2:3], True),
        ("The council did not approve the budget.", COUNCIL[:1], False),  # negation the source lacks
        ("The council approved the budget.", COUNCIL[:1], True),
        ("Albania agreed to participation in the deal.", ARTICLE[2:3], False),
        ("Albania has not joined the deal.", ARTICLE[2:3], True),
        ("Albania was at the centre of speculation.", ARTICLE[2:3], True),  # outside the refusal's clause
    ],
)
def test_polarity_agrees(claim: str, sources: list[Source], ok: bool) -> None:
    assert (polarity_agrees(claim, sources) is None) is ok


@pytest.mark.parametrize(
    ("claim", "accepted", "ok"),
    [
        ("The ban starts on 14 July [2].", ["A hosepipe ban starts on 14 July [2]."], False),
        ("The ban starts on 14 July [1].", ["The ban starts on 14 July [2]."], False),  # other marker, same words
        ("The ban lasts until reservoirs reach 80%.", ["The ban starts on 14 July."], True),
        ("The council approved £4.5m.", ["The council approved £3m."], True),  # another number is news
        ("Anything at all.", [], True),
    ],
)
def test_repeats_earlier(claim: str, accepted: list[str], ok: bool) -> None:
    assert (repeats_earlier(claim, accepted) is None) is ok


@pytest.mark.parametrize(
    ("markers", "n_sources", "ok"),
    [((1,), 3, True), ((1, 3), 3, True), ((), 3, False), ((4,), 3, False), ((0,), 3, False)],
)
def test_markers_valid(markers: tuple[int, ...], n_sources: int, ok: bool) -> None:
    assert (markers_valid(markers, n_sources) is None) is ok


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("One [1]. Two [2].", ["One [1].", "Two [2]."]),
        ("One. [1] Two. [2]", ["One. [1]", "Two. [2]"]),
        ("She said “No.” [3] Then left [1].", ["She said “No.” [3]", "Then left [1]."]),
        ("- First point [1]\n- Second point [2]", ["First point [1]", "Second point [2]"]),
        (
            "Sir Keir met Mr. Rama [1].",
            ["Sir Keir met Mr.", "Rama [1]."],
        ),  # an abbreviation splits: dropped, not merged
        ("[2] First point. [1] Second “point.” [3] Third", ["[2] First point.", "[1] Second “point.”", "[3] Third"]),
        ("", []),
    ],
)
def test_split_claims(reply: str, expected: list[str]) -> None:
    assert split_claims(reply) == expected


@pytest.mark.parametrize(
    ("markers", "evidence", "ok"),
    [((1,), {1, 2}, True), ((3, 2), {2}, True), ((3,), {1, 2}, False), ((3,), None, True)],
)
def test_cites_evidence(markers: tuple[int, ...], evidence: set[int] | None, ok: bool) -> None:
    assert (cites_evidence(markers, evidence) is None) is ok


def test_without_markers() -> None:
    assert without_markers("Drought declared [1], ban next [2][3].") == "Drought declared, ban next."


def test_check_reply_drops_failures_and_repeats() -> None:
    reply = (
        "Northvale Water declared a drought in three counties [1]. "
        "Northvale Water declared a drought in three counties [2]. "
        "The regulator fined the company [3]. "
        "A hosepipe ban will start on 14 July [2]. "
        "No."
    )
    verdicts = check_reply(reply, WATER)
    assert [v.passed for v in verdicts] == [True, False, False, True, False]
    assert verdicts[1].reason == "states 3, which its sources do not"
    assert verdicts[2].reason is not None and "negate" in verdicts[2].reason
    assert verdicts[4].reason == "cites no source"


def test_the_issue_examples_fail() -> None:
    """The sentences a real small model wrote about the seed article (see issue 13)."""
    rwanda = Source(
        "That policy, which Sir Keir cancelled, involved transferring asylum seekers abroad before their claims "
        "were assessed."
    )
    listed = [*ARTICLE, rwanda]
    bad = [
        "The government has promised to rebuild the system, but it hasn't happened yet. [4]",
        "Albania's new approach involves transferring asylum seekers abroad before their claims were assessed [4].",
        "The UK government will also invest £1 million in Albania's digital forensics. [2]",
        "The UK government will also invest £1 million in Albania's digital forensics. [3]",
    ]
    for claim in bad:
        assert not check_claim(claim, listed, len(listed)).passed, claim
    good = "The UK government will also invest £1 million in Albania's digital forensics. [1]"
    assert check_claim(good, listed, len(listed)).passed
