"""A topic briefing keeps to its topic, says plainly when the documents do not cover it, and
no briefing makes a point of a chair's formula or a remark that tells nothing. The stories
below (a reservoir inquiry, a library closure) were written for these tests in our own words."""

from __future__ import annotations

import numpy as np
import pytest
from test_briefing import _corpus_bot, _verify_all

from assistant.briefing import KEY_POINTS, describes_document
from assistant.lexical import tokenize
from assistant.topicality import (
    about_the_topic,
    covers_topic,
    is_procedural,
    names_topic,
    passage_names_topic,
    says_little,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("COUNCILLOR MAYA OKAFOR (Chair): Thank you, everyone.", True),
        ("Spokesperson: That is a matter for the police.", True),
        ("HOLT: We will come back to that.", True),
        ("It is what it is, frankly.", True),
        ("HOLT: The dam was last inspected on 4 March 2024.", False),  # a date
        ("Spokesperson: The library will close for good in June.", False),  # a name inside
        ("HOLT: Engineers found cracks in the spillway wall.", False),  # enough content words
        ("I also want to say plainly that this was no sabotage.", False),
    ],
)
def test_says_little(text: str, expected: bool) -> None:
    assert says_little(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("COUNCILLOR MAYA OKAFOR (Chair): This session will come to order.", True),
        ("The meeting is adjourned until Tuesday.", True),
        ("REP. DANA COLE: I yield back the balance of my time.", True),
        ("The chair recognises the member for Eastfield.", True),
        ("The court recognised the union's claim to the land.", False),
        ("The order for new pumps will come in the spring.", False),
        ("Parliament was adjourned for the summer before the vote.", False),
    ],
)
def test_is_procedural(text: str, expected: bool) -> None:
    assert is_procedural(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Excerpt from a hearing of the county water committee, Harlow, 2 June 2025.", True),
        ("An edited transcript of the library board's meeting of 14 May.", True),
        ("Extracts of the engineer's emails were read out at the inquiry.", False),
        ("Transcripts of the calls show the warning came at noon.", False),
    ],
)
def test_describes_document_caption(text: str, expected: bool) -> None:
    assert describes_document(text) is expected


@pytest.mark.parametrize(
    ("topic", "text", "expected"),
    [
        ("the apology", "The water company apologised to residents.", True),
        ("library closures", "Two branch libraries will close in June.", True),
        ("the car park", "Show your card at the park gate.", False),
        ("the library closure", "The library is set to close, the council said.", True),
        ("football transfers", "Staff were transferred to the new depot.", False),
        ("the reservoir", "Engineers lowered the water in the reservoir.", True),
    ],
)
def test_names_topic(topic: str, text: str, expected: bool) -> None:
    assert names_topic(set(tokenize(topic)), text) is expected


def test_covers_and_about_the_topic() -> None:
    assert not covers_topic(False, np.array([0.21, 0.3]), 0.39)
    assert covers_topic(False, np.array([0.45]), 0.39) and covers_topic(True, np.array([0.1]), 0.39)
    assert about_the_topic([False, False, False], [0.55, 0.42, 0.2], 0.5, 0.39) == [0]
    assert about_the_topic([False, False], [0.3, 0.2], 0.25, 0.39) == []  # closer than any sentence, yet far
    assert about_the_topic([False, True], [0.3, 0.2], 0.6, 0.39) == [1]  # its title or caption names the topic


RESERVOIR = {
    "inquiry.txt": (
        'title = "County inquiry into the Harlow reservoir leak: transcript excerpt"\n'
        'outlet = "County Record"\nkind = "transcript"\ndate = "2025-06-02"\n',
        "Excerpt from a hearing of the county water committee, Harlow, 2 June 2025.\n\n"
        "COUNCILLOR MAYA OKAFOR (Chair): This session will come to order. Thank you, everyone.\n\n"
        "PETER HOLT (Chief Engineer, Harlow Water): Engineers found three cracks in the spillway wall of the "
        "Harlow reservoir in April. We lowered the water by four metres to take pressure off the dam. "
        "No homes were ever at risk of flooding.\n\n"
        "OKAFOR: Why did it take six weeks to tell residents?\n\n"
        "HOLT: We waited for the divers' survey, and that was a mistake. We will write to every household "
        "below the dam by Friday.\n\n"
        "OKAFOR: The session is adjourned.\n",
    ),
    "news.txt": (
        'title = "Harlow residents angry at late warning over reservoir cracks"\n'
        'outlet = "Harlow Gazette"\ndate = "2025-05-28"\n',
        "Residents below the Harlow reservoir say they learned of cracks in its dam from a fishing club, "
        "not from the water company.\n\n"
        "The company lowered the reservoir by four metres in April while divers surveyed the spillway.\n\n"
        "Local bakery owner Sara Lind said she had sold bread to the engineers for weeks without being told "
        "anything.\n\n"
        "The town's summer fair will go ahead in the park on 21 June.\n",
    ),
    "library.txt": (
        'title = "Harlow library to close two days a week"\noutlet = "Harlow Gazette"\ndate = "2025-05-30"\n',
        "Harlow's central library will close on Mondays and Tuesdays from July to save £90,000 a year.\n\n"
        "The council said volunteers could keep the children's reading room open on Saturdays.\n",
    ),
}


@pytest.fixture(scope="module")
def reservoir_bot(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return _corpus_bot(tmp_path_factory, "reservoir", RESERVOIR)


def test_a_topic_that_is_a_document_s_subject_briefs_its_substance(reservoir_bot) -> None:  # type: ignore[no-untyped-def]
    briefing = reservoir_bot.brief("the committee hearing", max_points=6)
    _verify_all(reservoir_bot, briefing)
    points = " ".join(item.text for item in briefing.section(KEY_POINTS).items)
    assert "three cracks" in points and "write to every household" in points, points
    assert "come to order" not in points and "Thank you, everyone" not in points and "adjourned" not in points
    assert "Excerpt from" not in points
    assert "library" not in points and "summer fair" not in points


@pytest.mark.parametrize("topic", ["quantum chromodynamics", "football transfers", "the Olympic Games"])
def test_a_topic_the_documents_do_not_cover_gives_no_points(reservoir_bot, topic: str) -> None:  # type: ignore[no-untyped-def]
    briefing = reservoir_bot.brief(topic)
    assert briefing.section(KEY_POINTS) is None and not briefing.sections
    assert f"The documents do not cover {topic}." in briefing.to_markdown()
    answer = reservoir_bot.ask(f"Brief me on {topic}")
    assert not answer.answered and answer.text == f"The documents do not cover {topic}."


def test_a_covered_topic_in_other_words_still_briefs(reservoir_bot) -> None:  # type: ignore[no-untyped-def]
    points = [item.text for item in reservoir_bot.brief("the library's opening hours").section(KEY_POINTS).items]
    assert points and all("librar" in p or "reading room" in p for p in points), points


def test_no_whole_corpus_point_is_a_formula(reservoir_bot) -> None:  # type: ignore[no-untyped-def]
    points = " ".join(item.text for item in reservoir_bot.brief(max_points=10).section(KEY_POINTS).items)
    assert "come to order" not in points and "adjourned" not in points and "Thank you, everyone" not in points


@pytest.mark.parametrize("topic", ["football transfers", None])
def test_the_briefing_view_says_what_an_empty_briefing_means(topic: str | None) -> None:
    from assistant.briefing import Briefing
    from assistant.ui_render import briefing_html

    note, _ = briefing_html(Briefing(title="Briefing", topic=topic, sections=()), lambda doc_id: "")
    expected = f"The documents do not cover {topic}." if topic else "The documents give nothing to brief on."
    assert expected in note


@pytest.mark.parametrize(
    ("topic", "passage", "expected"),
    [
        (
            "the hygiene breaches",
            ["Staff at the Marlow ward said hygiene rounds were often skipped.", "Inspectors counted three breaches."],
            True,
        ),
        (
            "the ferry delays",
            ["The island ferry left two hours late on Monday.", "Further delays are expected this week."],
            True,
        ),
        ("the ferry delays", ["The island ferry left on time.", "Fares will rise in June."], False),
        ("football transfers", ["Staff were transferred to the new depot.", "The depot opens in May."], False),
    ],
)
def test_passage_names_topic(topic: str, passage: list[str], expected: bool) -> None:
    assert passage_names_topic(set(tokenize(topic)), passage) is expected


# A footbridge failure, written for this test: no one sentence names "safety" and a failure
# together, but one passage does, and no sentence comes close enough in meaning on its own.
BRIDGE = {
    "bridge.txt": (
        'title = "Footbridge over the Tarn closed"\noutlet = "Tarn Valley News"\ndate = "2025-09-03"\n',
        "The footbridge over the Tarn at Kelby was closed to walkers on Monday.\n\n"
        "Council engineers had cut the number of safety inspections of its cables to one a year in 2021. "
        "Two of the cables failed during the storm on Sunday night, leaving the deck hanging at an angle.\n\n"
        "The town's new car park will open in October.\n",
    ),
    "council.txt": (
        'title = "Kelby council meets"\noutlet = "Tarn Valley News"\ndate = "2025-09-10"\n',
        "The council approved a budget for new school buses on Tuesday.\n\n"
        "Its leader, Ana Ruiz, will step down next spring.\n",
    ),
}


def test_a_topic_whose_words_a_passage_names_between_its_sentences_is_covered(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bot = _corpus_bot(tmp_path_factory, "bridge", BRIDGE)
    briefing = bot.brief("the safety failures")
    _verify_all(bot, briefing)
    points = " ".join(item.text for item in briefing.section(KEY_POINTS).items)
    assert "safety inspections" in points and "cables failed" in points, points
    assert not bot.brief("football transfers").sections


# A jewellery-shop raid told by three sources, written for this test: only the first names the arrests;
# the traders' statement ("called the police") comes close in meaning but tells of something else.
RAID = {
    "arrests.txt": (
        'title = "Two charged over Dorton jewellery raid"\noutlet = "Harbour Ledger"\ndate = "2025-03-07"\n',
        "Two men arrested over the raid on the Dorton jewellery shop have admitted a part in it, a detective "
        "said on Thursday.\n\n"
        "The pair were detained at a flat in Kelso on Wednesday night.\n\n"
        "Both were charged with robbery and remanded in custody.\n",
    ),
    "statement.txt": (
        'title = "Statement on the Dorton raid"\noutlet = "Dorton Traders Association"\ndate = "2025-03-02"\n',
        "In line with their training, shop staff called the police, kept customers away from the windows "
        "and locked the back rooms.\n\n"
        "The association will pay for new shutters along the high street.\n",
    ),
    "politics.txt": (
        'title = "Mayor promises patrols"\noutlet = "Dorton Weekly"\ndate = "2025-03-03"\n',
        "The mayor, Tom Reyes, called the raid a disgrace and promised more street patrols.\n",
    ),
}


@pytest.mark.parametrize(
    ("topic", "present", "absent"),
    [
        ("the arrests", "were detained", "shop staff"),
        ("the shutters", "new shutters", "were detained"),
    ],
)
def test_a_named_topic_briefs_only_what_speaks_to_it(
    tmp_path_factory: pytest.TempPathFactory, topic: str, present: str, absent: str
) -> None:
    bot = _corpus_bot(tmp_path_factory, "raid", RAID)
    briefing = bot.brief(topic)
    _verify_all(bot, briefing)
    points = " ".join(item.text for item in briefing.section(KEY_POINTS).items)
    assert present in points and absent not in points, points
