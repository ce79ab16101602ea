"""Briefings: the rules (tables from several kinds of document), the summariser's parts, a
briefing of a small multi-document corpus written for these tests, and the article."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.briefing import (
    FIGURES,
    KEY_POINTS,
    SOURCES_DIFFER,
    TIMELINE,
    WHO_SAID_WHAT,
    BriefingRequest,
    briefing_request,
    describes_document,
    informativeness,
    is_candidate,
    lexrank,
    mmr,
    opens_with_pronoun_or_connective,
)
from assistant.citations import verify
from assistant.records import Answer, Sentence

BRIEFING_REQUESTS = [
    ("Brief me", None),
    ("brief me please", None),
    ("Brief me on the tram strike", "the tram strike"),
    ("Give me a short briefing", None),
    ("Give me a quick briefing on the flood defences", "the flood defences"),
    ("Can you give me a briefing on this article?", None),
    ("Could you please give us an overview of the budget?", "the budget"),
    ("Summarise the article", None),
    ("Summarize the report", None),
    ("summarise these documents for me", None),
    ("Summarise what Albania said", "what Albania said"),
    ("Summarise the criticism of the plan", "the criticism of the plan"),
    ("Sum up the coverage", None),
    ("Recap the story", None),
    ("What are the key points?", None),
    ("What are the main points of the inquiry report?", "the inquiry report"),
    ("what were the key takeaways", None),
    ("Key points please", None),
    ("TL;DR?", None),
    ("What's the gist?", None),
    ("What is this report about?", None),
    ("A summary of the vaccine trial, please", "the vaccine trial"),
    ("Give me the highlights", None),
    ("I need a briefing on the blackout", "the blackout"),
    ("I'd like a short summary of the coverage", None),
    ("Could I get a summary of the reports?", None),
    ("Can I have a briefing note on the flood?", "the flood"),
    ("Give me a one-paragraph summary", None),
    ("Please summarise the key points of the documents", None),
    ("What are the highlights?", None),
    ("Highlights please", None),
    ("Executive summary", None),
    ("Catch me up", None),
    ("Fill me in on the tower collapse", "the tower collapse"),
    ("Bring me up to speed on the measles outbreak", "the measles outbreak"),
    ("What do I need to know about the earthquake?", "the earthquake"),
    ("Sum it up for me", None),
    ("In a nutshell?", None),
]


@pytest.mark.parametrize(("text", "topic"), BRIEFING_REQUESTS)
def test_briefing_requests_are_recognised(text: str, topic: str | None) -> None:
    assert briefing_request(text) == BriefingRequest(topic)


@pytest.mark.parametrize(
    "text",
    [
        "What did the mayor say about the strike?",
        "Who called the trip an embarrassment?",
        "How much will the council spend?",
        "Is there a summary of the White Paper?",
        "Who briefed the press?",
        "Did the minister brief MPs before the vote?",
        "What is the brief of the task force?",
        "What key points did the union make?",
        "Brief history of the scheme?",
        "The summary is wrong",
        "Summary of the bill is what?",
        "When was the report published?",
        "What does the article say about summaries of evidence?",
        "briefing room renovations",
        "What happened?",
        "I want to know who paid for the buses",
        "I need to know when the bridge reopens",
        "Can I have the figures for March?",
    ],
)
def test_questions_that_are_not_briefing_requests(text: str) -> None:
    assert briefing_request(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said the line would reopen.", True),
        ("That policy was dropped in 2019.", True),
        ("In contrast, the new plan is cheaper.", True),
        ("However, fares will rise.", True),
        ("“This is not enough,” she said.", True),
        ("The mayor said the line would reopen.", False),
        ("Thousands of nurses walked out.", False),
        ("Heat pumps cost more to install.", False),
        ("HOLT: That was a mistake, and we own it.", True),  # a transcript turn: the label set aside
        ("MAYOR ANA RUIZ (Chair): It will reopen in May.", True),
        ("RUIZ: The pool reopens in May.", False),
    ],
)
def test_opens_with_reference(text: str, expected: bool) -> None:
    assert opens_with_pronoun_or_connective(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The aim is to reduce pressure on services.", 1.0),
        ("Over 3,000 nurses joined the strike.", 2.0),
        ("The club paid £45m and 10% of any resale.", 3.0),
        ("Fans from Leeds, York and Hull travelled to Cardiff.", 1.5),
        ("Council leader Maria Okafor met union officials in Leeds.", 1.375),
        ("The ferry crew were stuck at sea for 11 days.", 2.0),  # a duration is a checkable figure
        ("The strike lasted three weeks and cost the port $4m.", 3.0),
    ],
)
def test_informativeness(text: str, expected: float) -> None:
    assert informativeness(text, 1.0, 0.5) == pytest.approx(expected)


def _sentence(text: str, kind: str = "sentence") -> Sentence:
    return Sentence("d#s0", "d", 0, 0, len(text), text, kind)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (_sentence("The council approved the budget on Tuesday."), True),
        (_sentence("Why did it take so long?"), False),
        (_sentence("The plan will:"), False),
        (_sentence("Too short."), False),
        (_sentence("Fund new buses", "bullet"), True),
        (_sentence("Budget Approved", "heading"), False),
    ],
)
def test_is_candidate(sentence: Sentence, expected: bool) -> None:
    assert is_candidate(sentence, 5) is expected


def test_lexrank_is_a_distribution_favouring_the_connected() -> None:
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(12, 8))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    scores = lexrank(vectors @ vectors.T, np.ones(12), 0.85, 0.1)
    assert scores.sum() == pytest.approx(1.0)
    assert (scores > 0).all()
    assert len(lexrank(np.zeros((0, 0)), np.ones(0), 0.85, 0.1)) == 0


def test_mmr_never_picks_a_near_duplicate() -> None:
    sim = np.array([[1, 0.99, 0.1], [0.99, 1, 0.1], [0.1, 0.1, 1]])
    assert mmr(np.array([1.0, 0.99, 0.2]), sim, 3, 0.7, 0.9) == [0, 2]
    assert mmr(np.zeros(0), np.zeros((0, 0)), 3, 0.7, 0.9) == []


# A small story in three documents, written for these tests: a tram strike in a city.
STRIKE = {
    "wire.txt": (
        'title = "Tram drivers strike over pay"\noutlet = "City Wire"\ndate = "2025-03-10"\n',
        "More than 3,000 tram drivers walked out on Monday in a dispute over pay.\n"
        "The operator, Metrolink North, offered a 4% rise, which the union rejected.\n"
        "Union leader Dana Cole said the offer was “an insult to people who kept the city moving”.\n"
        "Services will not run until 14 March 2025, the union said.\n"
        "The city council has set aside £2m to run replacement buses.\n",
    ),
    "courier.txt": (
        'title = "Strike halts trams across the city"\noutlet = "The Courier"\ndate = "2025-03-11"\n',
        "Over 3,400 drivers joined the strike, according to organisers.\n"
        "Commuters queued for replacement buses, which the council is funding with £2m.\n"
        "Metrolink North chief executive Raj Patel said: “Our door remains open.”\n"
        "“We cannot pay what we do not have,” Patel added.\n"
        "Talks first broke down on 2 February 2025 after three rounds of negotiation.\n",
    ),
    "statement.txt": (
        'title = "Statement from the drivers\' union"\noutlet = "Tram Drivers Union"\ndate = "2025-03-11"\n'
        'kind = "press release"\n',
        "Our members voted by 91% to take action after the operator offered a 4% rise.\n"
        "Dana Cole, the union's general secretary, said: “We will stay out until we get a fair deal.”\n"
        "More than 3,000 drivers are on strike.\n",
    ),
}


def _corpus_bot(factory: pytest.TempPathFactory, name: str, documents: dict[str, tuple[str, str]]):  # type: ignore[no-untyped-def]
    """An assistant over ``documents`` (file name -> (metadata TOML, text)) in a scratch folder."""
    from assistant import Assistant

    folder = factory.mktemp(name)
    for file, (meta, text) in documents.items():
        (folder / file).write_text(text, encoding="utf-8")
        (folder / file.replace(".txt", ".meta.toml")).write_text(meta, encoding="utf-8")
    return Assistant(corpus=folder, index_dir=factory.mktemp(f"{name}-index") / "idx")


@pytest.fixture(scope="module")
def strike_bot(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return _corpus_bot(tmp_path_factory, "strike", STRIKE)


def _verify_all(bot, briefing) -> None:  # type: ignore[no-untyped-def]
    for item in briefing.items:
        answer = Answer(question="", text=item.text, answered=True, citations=list(item.citations))
        verify(answer, bot.snapshot.documents, bot.snapshot.sentences)


def test_briefing_of_several_documents(strike_bot) -> None:  # type: ignore[no-untyped-def]
    briefing = strike_bot.brief()
    _verify_all(strike_bot, briefing)
    names = [s.name for s in briefing.sections]
    assert names[0] == KEY_POINTS and {WHO_SAID_WHAT, FIGURES, SOURCES_DIFFER, TIMELINE} <= set(names)

    who = {item.label: item for item in briefing.section(WHO_SAID_WHAT).items}
    assert any(label.startswith("Dana Cole, ") for label in who)
    assert any(label.startswith("Raj Patel, ") for label in who)

    figures = briefing.section(FIGURES).items
    two_million = next(i for i in figures if "£2m" in (i.label or ""))
    assert {c.doc_id for c in two_million.citations} == {"wire.txt", "courier.txt"}

    # A key point giving a figure cites the other documents that give the same figure, and
    # never one that gives another value of it.
    points = briefing.section(KEY_POINTS).items
    buses = next(i for i in points if "£2m" in i.text)
    assert {c.doc_id for c in buses.citations} >= {"wire.txt", "courier.txt"}
    for item in points:
        quotes = " ".join(c.quote for c in item.citations)
        assert not ("3,400" in quotes and "3,000" in quotes)

    differ = briefing.section(SOURCES_DIFFER).items
    assert len(differ) == 1
    text = differ[0].text
    assert "3,000" in text and "3,400" in text and "The Courier" in text and "City Wire" in text

    dates = [i.label for i in briefing.section(TIMELINE).items]
    # "walked out on Monday" in the wire's report of Monday 10 March dates the walkout.
    assert dates == sorted(dates) and dates[:3] == ["2025-02-02", "2025-03-10", "2025-03-14"]

    markdown = briefing.to_markdown()
    assert "## Sources" in markdown and "The Courier, 2025-03-11" in markdown
    json.dumps(briefing.to_dict())


def test_topic_briefing_keeps_to_its_topic(strike_bot) -> None:  # type: ignore[no-untyped-def]
    briefing = strike_bot.brief("replacement buses", max_points=3)
    _verify_all(strike_bot, briefing)
    points = briefing.section(KEY_POINTS).items
    assert 1 <= len(points) <= 3
    assert "buses" in points[0].text
    assert briefing.topic == "replacement buses"


def test_chat_briefing_is_a_verified_answer(strike_bot) -> None:  # type: ignore[no-untyped-def]
    answer = strike_bot.ask("Give me a short briefing")
    assert answer.answered and answer.text.startswith("Key points:")
    assert len(answer.citations) >= 2
    # ask() verified it; the markers run 1..N through the text.
    assert [c.marker for c in answer.citations] == list(range(1, len(answer.citations) + 1))


def test_article_briefing(bot) -> None:  # type: ignore[no-untyped-def]
    briefing = bot.brief()
    _verify_all(bot, briefing)
    points = briefing.section(KEY_POINTS).items
    assert 1 <= len(points) <= 8
    cited = [c for item in points for c in item.citations]
    assert all(bot.snapshot.sentences[c.sentence_id].kind != "heading" for c in cited)
    # A bullet never stands without its lead-in.
    for item in points:
        kinds = [bot.snapshot.sentences[c.sentence_id].kind for c in item.citations]
        if "bullet" in kinds:
            assert kinds[0] == "sentence" and item.citations[0].quote.endswith(":")
    who = [item.label for item in briefing.section(WHO_SAID_WHAT).items]
    assert "Edi Rama, Albanian Prime Minister" in who


@pytest.mark.parametrize(
    "question",
    [
        "Brief me",
        "Summarise what Albania said",
        "What are the key points?",
        "I need a short briefing on the return hubs",
        "Catch me up",
        "What do I need to know about the Rwanda scheme?",
    ],
)
def test_article_chat_briefings(bot, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = bot.ask(question)
    assert answer.answered
    assert 1 <= answer.text.count("\n•") <= 6


def test_brief_rejects_bad_arguments(bot) -> None:  # type: ignore[no-untyped-def]
    from assistant import QuestionError

    with pytest.raises(QuestionError):
        bot.brief(max_points=0)
    with pytest.raises(QuestionError, match="the topic is empty: name a topic, or leave it out"):
        bot.brief("   ")


def test_exported() -> None:
    import assistant

    assert assistant.Briefing.__module__ == "assistant.briefing"
    assert Path(assistant.__file__).parent.name == "assistant"


def test_cli_brief_writes_markdown_and_json(strike_bot, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from assistant.cli import main

    where = ["--corpus", str(strike_bot.corpus_dir), "--index-dir", str(strike_bot.index_dir)]
    assert main(["brief", *where]) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("# Briefing on 3 documents") and "## Key points" in markdown
    out = tmp_path / "brief.json"
    assert main(["brief", *where, "--topic", "replacement buses", "--format", "json", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["topic"] == "replacement buses" and data["sections"][0]["name"] == KEY_POINTS
    capsys.readouterr()
    assert main(["brief", *where, "--out", str(tmp_path / "missing" / "b.md")]) == 2
    assert "does not exist: create it, or choose another --out FILE" in capsys.readouterr().err
    assert main(["brief", *where, "--max-points", "0"]) == 2


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (  # a ferry strike told by three of six outlets in different words; "ferry", which
            # every outlet gives, is the story's topic, not a specific
            [
                ("wire", "Crews on the Oslo ferries walked out on Monday over a pay offer of 3%."),
                ("local", "Ferry crews in Oslo began a strike on Monday, rejecting a 3% rise."),
                ("union", "The union said the 3% offer left Oslo crews worse off than last year."),
                ("history", "Ferries have served the fjord towns since the 1920s."),
                ("ministry", "The ministry asked both sides to return to talks over the ferries."),
                ("tourism", "Hotels along the fjord reported cancellations as ferries stayed in port."),
            ],
            [2.0, 2.0, 2.0, 0.0, 0.0, 0.0],
        ),
        (  # a flood: the closure is reported twice, the rainfall once
            [
                ("council", "The river Kelvin burst its banks at Partick and the A82 was closed."),
                ("radio", "Police closed the A82 near Partick after the Kelvin flooded."),
                ("weather", "Some 80 millimetres of rain fell on Glasgow in a day."),
            ],
            [1.0, 1.0, 0.0],
        ),
        (  # one document never supports itself
            [("memo", "The depot in Leith will close in May."), ("memo", "The Leith depot closes in May.")],
            [0.0, 0.0],
        ),
    ],
)
def test_shared_units_count_other_documents_giving_the_same_specifics(
    sentences: list[tuple[str, str]], expected: list[float]
) -> None:
    from assistant.briefing import shared_units
    from assistant.lexical import tokenize

    units = [set(tokenize(text)) for _, text in sentences]
    assert shared_units(units, [doc for doc, _ in sentences], 3).tolist() == expected


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (  # a hospital strike: two outlets tell the walkout in other words; a third gives a new fact
            [
                ("wire", "Nurses at Leeds General walked out at dawn on Tuesday over unpaid overtime."),
                ("local", "A dawn walkout by Leeds General nurses began on Tuesday, the union said."),
                ("trust", "The trust moved 40 patients to Bradford while the strike lasted."),
                ("radio", "Talks between the union and the trust resume on Friday."),
            ],
            [(0, 1)],
        ),
        (  # a landslide: the road closure twice, the rainfall and the rescue once each
            [
                ("council", "A landslide closed the A83 at Rest and Be Thankful on Sunday night."),
                ("police", "The A83 at Rest and Be Thankful stays shut after Sunday's landslide."),
                ("met", "Over 100 millimetres of rain fell on Argyll in two days."),
                ("council", "Crews freed a lorry driver trapped near the slip."),
            ],
            [(0, 1)],
        ),
        (  # one outlet repeating itself is not two reports
            [("memo", "The Leith depot will close in May."), ("memo", "The depot at Leith closes in May.")],
            [],
        ),
    ],
)
def test_alike_reports_pair_one_fact_told_by_two_documents(
    sentences: list[tuple[str, str]], expected: list[tuple[int, int]]
) -> None:
    from assistant.briefing import alike_reports, specific_units
    from assistant.lexical import tokenize

    docs = [doc for doc, _ in sentences]
    specific = specific_units([set(tokenize(text)) for _, text in sentences], docs)
    assert alike_reports(specific, docs, 3) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The following exchange took place between reporters and the fire chief.", True),
        ("The following is an edited transcript of the minister's remarks.", True),
        ("Below is the full statement from the club.", True),
        ("This article was amended on 4 March to correct the age of the bridge.", True),
        ("This report has been updated with figures from the health board.", True),
        ("The following day, rescuers reached the village.", False),
        ("The following spring the council closed the pool.", False),
        ("This report found that waiting lists had doubled.", False),
        ("Below the dam, the river rose by two metres.", False),
        ("The fire chief said crews were still pumping water.", False),
    ],
)
def test_describes_document(text: str, expected: bool) -> None:
    assert describes_document(text) is expected


def test_mmr_hears_each_source_before_one_gives_a_second_pick() -> None:
    scores = np.array([1.0, 0.9, 0.8, 0.5])
    sources = np.array(["a", "a", "a", "b"])
    assert mmr(scores, np.eye(4), 2, 0.7, 0.9) == [0, 1]
    assert mmr(scores, np.eye(4), 2, 0.7, 0.9, sources, 0.5) == [0, 3]
    assert mmr(scores, np.eye(4), 4, 0.7, 0.9, sources, 1.0) == [0, 1, 2, 3]


# A flood in a town, in four documents written for these tests: a report, a council statement
# with a list, a press-briefing transcript, and a correction of the report.
FLOOD = {
    "wire.txt": (
        'title = "River Alder bursts its banks in Northam"\noutlet = "Valley Wire"\ndate = "2025-03-03"\n',
        "River Alder bursts its banks in Northam\n\n"
        "The River Alder burst its banks in Northam on Sunday night, flooding about 400 homes.\n"
        "The Environment Agency issued a severe flood warning, its highest level, for the town centre.\n"
        "Rescue crews took 120 people from flooded homes by boat.\n"
        "The old Mill Bridge, built in 1862, was swept away by the water.\n"
        "Insurers expect claims to run for months.\n",
    ),
    "council.txt": (
        'title = "Council response to the Northam flood"\noutlet = "Northam Council"\ndate = "2025-03-04"\n'
        'kind = "statement"\n',
        "Council response to the Northam flood\n\n"
        "The council will:\n"
        "• Open three rest centres for families who cannot go home\n"
        "• Waive council tax on flooded homes for six months\n"
        "• Pay for skips and cleaning crews in every flooded street\n"
        "Council leader Asha Brook said: “No family will be left to face this alone.”\n",
    ),
    "transcript.txt": (
        'title = "Transcript: press briefing at Northam fire station"\noutlet = "Fire Service"\n'
        'date = "2025-03-04"\nkind = "transcript"\n',
        "The following exchange took place between reporters and the fire chief, Tom Reyes.\n"
        "Q: How many people did you rescue?\n"
        "Reyes: Our crews took 150 people from flooded homes.\n"
        "Q: Is the water still rising?\n"
        "Reyes: It peaked overnight, and pumps are now working in every flooded street.\n",
    ),
    "correction.txt": (
        'title = "Correction: Mill Bridge"\noutlet = "Valley Wire"\ndate = "2025-03-05"\nkind = "correction"\n',
        'Our report of 3 March, "River Alder bursts its banks in Northam", said the Mill Bridge was built in 1862.\n'
        "The bridge was built in 1826.\n"
        "Valley Wire regrets the error.\n",
    ),
}


@pytest.fixture(scope="module")
def flood_bot(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return _corpus_bot(tmp_path_factory, "flood", FLOOD)


def test_key_points_rules_on_a_corpus_with_a_correction_a_list_and_a_transcript(flood_bot) -> None:  # type: ignore[no-untyped-def]
    briefing = flood_bot.brief(max_points=20)  # every candidate gets its chance
    _verify_all(flood_bot, briefing)
    points = briefing.section(KEY_POINTS).items
    firsts = [item.citations[0] for item in points]
    # Corrections and a transcript's preamble never lead a point.
    assert all(c.doc_id != "correction.txt" for c in firsts)
    assert all(not c.quote.startswith("The following exchange") for c in firsts)
    # The statement the correction says was wrong is no key point.
    assert not any("built in 1862" in c.quote for item in points for c in item.citations)
    # A list is read whole, under its lead-in.
    listed = next(item for item in points if item.citations[0].quote == "The council will:")
    assert [c.quote[:4] for c in listed.citations[1:4]] == ["Open", "Waiv", "Pay "]
    # Two reports of one measure (120 and 150 people rescued) make one point, not two.
    assert sum(("120 people" in item.text) or ("150 people" in item.text) for item in points) == 1
    # Sentences picked next to each other in one document read as one passage.
    assert any(
        len([c for c in item.citations if c.doc_id == "wire.txt"]) >= 2 and item.citations[0].doc_id == "wire.txt"
        for item in points
    )
