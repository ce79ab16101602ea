""" "Who VERB ...?" asks for the agent of the verb: a sentence naming it in the passive, after
"by" ("The decision was taken ... by X"), answers it, though a sentence saying only that the
thing was done ranks first. Stories written for these tests: a bridge closure, a festival
called off, a school inspection, a museum's founding."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.agents import (
    CHAIRS,
    asked_action,
    head_asked,
    holder_span,
    leader_span,
    passive_agent,
    same_action,
)
from assistant.direct import lone_opening_word
from assistant.question import holder_asked


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Who decided to close the bridge?", "decided"),
        ("Who cancelled the festival?", "cancelled"),
        ("Who first proposed the tax?", "proposed"),
        ("Who is the festival director?", None),
        ("Who was the school's head in 2010?", None),
        ("Who did the inspectors interview?", None),
    ],
)
def test_the_asked_action_is_the_verb_after_who(question: str, verb: str | None) -> None:
    assert asked_action(question) == verb


@pytest.mark.parametrize(
    ("verb", "word", "same"),
    [
        ("decided", "decision", True),
        ("cancelled", "cancellation", True),
        ("investigated", "investigation", True),
        ("closed", "closure", True),
        ("founded", "founder", True),
        ("decided", "declined", False),
        ("closed", "clothes", False),
        ("ordered", "orbit", False),
    ],
)
def test_a_verb_meets_its_own_forms_and_its_noun(verb: str, word: str, same: bool) -> None:
    assert same_action(verb, word) is same


@pytest.mark.parametrize(
    ("verb", "sentence", "agent"),
    [
        (
            "decided",
            "The decision was taken late on Saturday by Mara Quinn, the county's chief engineer, after a site visit.",
            "Mara Quinn, the county's chief engineer",
        ),
        ("cancelled", "The cancellation was ordered by Tom Reyes after the river rose.", "Tom Reyes"),
        ("founded", "The museum, founded by Ada Brook in 1921, reopens today.", "Ada Brook"),
        (
            "inspected",
            "The school was inspected at 09:30 on Monday by the Education Standards Office.",
            "Education Standards Office",
        ),
        ("decided", "The port shut at dawn as decided in May; it was later hit by Storm Ida.", None),
        ("cancelled", "The festival was called off by the organisers on Friday.", None),
    ],
)
def test_the_passive_agent_follows_the_action_in_its_clause(verb: str, sentence: str, agent: str | None) -> None:
    span = passive_agent(verb, sentence)
    assert (sentence[span[0] : span[1]] if span else None) == agent


STORIES = {
    "bridge-closure.md": (
        '---\ntitle: "Tarwick Bridge shut over cracks"\noutlet: County Courier\nkind: news report\n'
        "date: 2025-02-10\n---\n"
        "Tarwick Bridge was closed to all traffic on Sunday after inspectors found cracks in two of its piers.\n\n"
        "The county council said it had no choice but to close the bridge to keep drivers safe.\n\n"
        "Buses are being sent on a twelve-mile detour through Fenby.\n"
    ),
    "bridge-review.txt": (
        "Notes on the county's review of the Tarwick Bridge closure\n\n"
        "The review looked at how the closure was handled in its first week.\n\n"
        "The decision was taken late on Saturday by Mara Quinn, the county's chief engineer, after a site visit.\n\n"
        "Local shops said their takings had fallen by a third.\n"
    ),
    "festival.md": (
        '---\ntitle: "Lowfield folk festival called off"\noutlet: Lowfield Weekly\nkind: news report\n'
        "date: 2025-07-04\n---\n"
        "The Lowfield folk festival was called off on Friday as the river flooded the site.\n\n"
        "Organisers said they had to cancel the festival to keep visitors safe.\n\n"
        "The cancellation was ordered by Tom Reyes, the festival director, after the river burst its banks.\n\n"
        "Ticket holders will get their money back within 30 days.\n"
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "agents", STORIES, calibrated=None)


@pytest.mark.parametrize(
    ("question", "agent", "sentence"),
    [
        ("Who decided to close the bridge?", "Mara Quinn, the county's chief engineer", "The decision was taken"),
        ("Who cancelled the festival?", "Tom Reyes, the festival director", "The cancellation was ordered"),
    ],
)
def test_who_did_it_is_answered_by_the_agent_after_by(bot: Assistant, question: str, agent: str, sentence: str) -> None:
    out = checked_answer(bot, question)
    assert out["short_answer"] and out["short_answer"]["text"] == agent, out["text"]
    assert out["citations"][0]["quote"].startswith(sentence), out["text"]


@pytest.mark.parametrize(
    ("question", "org", "sentence", "leader"),
    [
        (
            "Who runs the Harbour Trust?",
            "the Harbour Trust",
            "Ana Diaz, the Harbour Trust's chief executive, opened the quay.",
            "Ana Diaz, the Harbour Trust's chief executive",
        ),
        (
            "Who chairs Kelby Rovers?",
            "Kelby Rovers",
            "Kelby Rovers chairman Ian Moss said the stand would open in August.",
            "Kelby Rovers chairman Ian Moss",
        ),
        (
            "Who chairs the Harbour Trust?",
            "the Harbour Trust",
            "Ana Diaz, the Harbour Trust's chief executive, spoke.",
            None,
        ),
        ("Who heads Kelby Rovers?", "Kelby Rovers", "Ian Moss, a Kelby Rovers fan, cheered.", None),
    ],
)
def test_who_heads_an_organisation_is_a_person_whose_role_heads_it(
    question: str, org: str, sentence: str, leader: str | None
) -> None:
    asked = head_asked(question)
    assert asked is not None and asked[0] == org
    span = leader_span(*asked, sentence)
    assert (sentence[span[0] : span[1]] if span else None) == leader


LEADERS = {
    "port.md": (
        '---\ntitle: "Kelby port opens new quay"\noutlet: Harbour Gazette\nkind: news report\ndate: 2025-04-01\n---\n'
        "The Harbour Trust will spend £40 million on a new quay for larger ferries.\n\n"
        "Work on the quay starts in May and runs until next spring.\n\n"
        "Ana Diaz, the Harbour Trust's chief executive, said the quay would bring 200 jobs.\n"
    ),
    "club.md": (
        '---\ntitle: "Kelby Rovers stand delayed"\noutlet: Kelby Sport\nkind: news report\ndate: 2025-06-11\n---\n'
        "Kelby Rovers runs three youth teams and a women's side.\n\n"
        "Kelby Rovers chairman Ian Moss said the new north stand would open in August.\n"
    ),
}


@pytest.fixture(scope="module")
def leaders(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "leaders", LEADERS, calibrated=None)


@pytest.mark.parametrize(
    ("question", "leader"),
    [
        ("Who runs the Harbour Trust?", "Ana Diaz, the Harbour Trust's chief executive"),
        ("Who chairs Kelby Rovers?", "Kelby Rovers chairman Ian Moss"),
    ],
)
def test_who_runs_it_is_answered_by_its_head(leaders: Assistant, question: str, leader: str) -> None:
    out = checked_answer(leaders, question)
    assert out["short_answer"] and out["short_answer"]["text"] == leader, out["text"]


@pytest.mark.parametrize(
    ("question", "sentence", "holder"),
    [
        (
            "Who is the county's chief engineer?",
            "The bridge shut on Sunday, the county's chief engineer, Mara Quinn, said.",
            "county's chief engineer, Mara Quinn",
        ),
        (
            "Who is the festival director?",
            "Tom Reyes, the festival director, ordered it.",
            "Tom Reyes, the festival director",
        ),
        (
            "Who was Kelby Rovers' chairman?",
            "Kelby Rovers chairman Ian Moss said so.",
            "Kelby Rovers chairman Ian Moss",
        ),
        # a role with other words (a councillor is no engineer; a director of another body)
        ("Who is the county's chief engineer?", "Mara Quinn, a county councillor, said so.", None),
        ("Who is the festival director?", "Tom Reyes, the museum director, spoke.", None),
    ],
)
def test_who_is_the_role_is_the_person_named_in_it(question: str, sentence: str, holder: str | None) -> None:
    role = holder_asked(question)
    assert role is not None
    span = holder_span(role, sentence)
    assert (sentence[span[0] : span[1]] if span else None) == holder


@pytest.mark.parametrize("question", ["Who is Ana Diaz?", "Who runs the Harbour Trust?", "Who is it?"])
def test_who_is_a_name_asks_no_role_holder(question: str) -> None:
    assert holder_asked(question) is None


@pytest.mark.parametrize(
    ("question", "holder"),
    [
        ("Who is the Harbour Trust's chief executive?", "Ana Diaz, the Harbour Trust's chief executive"),
        ("Who was the Kelby Rovers chairman?", "Kelby Rovers chairman Ian Moss"),
    ],
)
def test_who_is_the_role_is_answered_by_its_holder(leaders: Assistant, question: str, holder: str) -> None:
    out = checked_answer(leaders, question)
    assert out["short_answer"] and out["short_answer"]["text"] == holder, out["text"]


@pytest.mark.parametrize(
    ("org", "sentence", "title", "chair"),
    [
        # a transcript's label names the speaker and the role; the title says what the role belongs to
        (
            "the flood inquiry",
            "OLU ADEYEMI (panel chair): We will hear from the council first.",
            "Flood inquiry, public hearing, day two",
            "OLU ADEYEMI (panel chair)",
        ),
        (
            "the transport committee",
            "Ruth Okafor, the committee's chair, opened the session.",
            "Transport committee session on rail fares",
            "Ruth Okafor, the committee's chair",
        ),
        # the title does not make a role a chair, nor another body's chair this one's
        ("the flood inquiry", "OLU ADEYEMI (council engineer): The banks held.", "Flood inquiry, day two", None),
        ("the flood inquiry", "OLU ADEYEMI (panel chair): Sit down.", "Rail fares review, day one", None),
    ],
)
def test_a_chair_is_read_from_a_speaker_label_within_its_documents_setting(
    org: str, sentence: str, title: str, chair: str | None
) -> None:
    span = holder_span(org, sentence, CHAIRS, title)
    assert (sentence[span[0] : span[1]] if span else None) == chair


@pytest.mark.parametrize(
    ("sentence", "span", "lone"),
    [
        ("Excerpt from the hearing of the transport committee, 4 May.", (0, 7), True),
        ("Transcript of the mayor's briefing on the floods.", (0, 10), True),
        ("Okafor said the fares would rise.", (0, 6), False),
        ("Moss, the club chairman, opened the stand.", (0, 4), False),
        ("The stand was opened by Moss.", (24, 28), False),
    ],
)
def test_a_capitalised_opening_word_alone_is_no_person(sentence: str, span: tuple[int, int], lone: bool) -> None:
    assert lone_opening_word(sentence, span) is lone


HEARINGS = {
    "fares-hearing.md": (
        '---\ntitle: "Transport committee hearing on rail fares (excerpt)"\noutlet: City Assembly\n'
        "kind: transcript\ndate: 2025-05-04\n---\n"
        "Excerpt from the hearing of the rail operator's chief executive before the transport committee, 4 May.\n\n"
        "RUTH OKAFOR (committee chair): Fares rose twice last year. Why?\n\n"
        "DAN HALE (chief executive, Harbridge Rail): Energy costs doubled and we had to cover them.\n"
    ),
    "flood-inquiry.md": (
        '---\ntitle: "Flood inquiry, public hearing, day two"\noutlet: Lowfield Weekly\nkind: transcript\n'
        "date: 2025-03-12\n---\n"
        "Transcript of the second day of the flood inquiry in Lowfield.\n\n"
        "OLU ADEYEMI (panel chair): We will hear from the council's engineer first.\n\n"
        "MARA QUINN (county engineer): The river rose faster than any model we had.\n"
    ),
}


@pytest.fixture(scope="module")
def hearings(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "hearings", HEARINGS, calibrated=None)


@pytest.mark.parametrize(
    ("question", "chair"),
    [
        ("Who chaired the transport committee hearing?", "RUTH OKAFOR (committee chair)"),
        ("Who chaired the flood inquiry?", "OLU ADEYEMI (panel chair)"),
    ],
)
def test_who_chaired_a_hearing_is_the_chair_its_transcript_labels(
    hearings: Assistant, question: str, chair: str
) -> None:
    out = checked_answer(hearings, question)
    assert out["short_answer"] and out["short_answer"]["text"] == chair, out["text"]
