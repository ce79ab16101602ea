"""Follow-up turns that lean on the previous answer: a pronoun stands for something that
agrees with it (he/she a person, they a group, never a month or a town), "What else?" asks
the previous question again for more, "Who said so?" names who said what the previous
answer quoted, and a cited sentence opening "After that, ..." brings the sentence it refers
to. Stories written for these tests: a dock strike, a hospital ward closure, a flood in a
market town, a council budget.
"""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.calibrated import asks_response
from assistant.context import opens_referring
from assistant.question import (
    analyse,
    leans_on_previous,
    names_group,
    names_its_subject,
    names_person,
    possessive_her,
    rewrite_wh_alone,
    rewrite_what_else,
    standalone_question,
)


@pytest.mark.parametrize(
    ("previous", "answer", "focus", "expected"),
    [
        # he/she: the person the answer gives a role, not the organisation beside them
        (
            "Who criticised the stadium plan?",
            "Tom Reyes, the leader of the Harbour Party, criticised the plan on Monday. [1]",
            "Which union does he belong to?",
            "Which union does Tom Reyes belong to?",
        ),
        (
            "Who warned about the ward closures?",
            "Amara Osei, chair of the Nurses Forum, warned that patients would wait longer. [1]",
            "What did she propose?",
            "What did Amara Osei propose?",
        ),
        # a surname alone is a person when a verb of speech follows it
        (
            "Who announced the fare rise?",
            "The rise takes effect in May. [1] Okafor told reporters the rise was unavoidable. [2]",
            "Why did he back it?",
            "Why did Okafor back it?",
        ),
        # he/she and nothing in the previous turn names a person: no rewrite
        (
            "Who announced the fare rise?",
            "The rise was announced by the Harbridge Transport Authority in May. [1]",
            "What did she say about it?",
            None,
        ),
        # they: an organisation, never a month or a town
        (
            "Who went on strike in March?",
            "Dock workers at Leith went on strike in March. [1]",
            "Why did they strike?",
            None,
        ),
        (
            "Who was evacuated?",
            "Residents of Kelby were moved to a school in Marton. [1]",
            "What are their names?",
            None,
        ),
        (
            "Who was arrested?",
            "His DNA was found on the van. [1] The driver, 41, was arrested in Kelby. [2]",
            "What are their names?",
            None,
        ),
        (
            "Who ran the water tests?",
            "The tests were run by the Food Standards Agency in May. [1]",
            "What did they find?",
            "What did Food Standards Agency find?",
        ),
        # "her" before a noun is hers; the person stands with "’s"
        (
            "Who is Lina Berg?",
            "Lina Berg chairs the tenants' group. [1]",
            "What does her group want the council to do?",
            "What does Lina Berg’s group want the council to do?",
        ),
    ],
)
def test_a_pronoun_stands_for_what_agrees_with_it(previous: str, answer: str, focus: str, expected: str | None) -> None:
    assert standalone_question(focus, previous, answer) == expected


@pytest.mark.parametrize(
    ("name", "text", "person"),
    [
        ("Tom Reyes", "Tom Reyes, the party leader, spoke.", True),
        ("Okafor", "Okafor said the fare rise was needed.", True),
        ("Harbridge Rail", "Harbridge Rail raised fares.", True),  # two capitalised words may be a name
        ("Harbridge Transport Authority", "The Harbridge Transport Authority raised fares.", False),
        ("Marton", "They were moved to Marton.", False),
        ("Okafor", "The Okafor report was late.", False),
    ],
)
def test_a_name_names_a_person(name: str, text: str, person: bool) -> None:
    assert names_person(name, text) is person


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("the Food Standards Agency", True),
        ("Kelby Borough Council", True),
        ("NHS", True),
        ("Harbour Airways", True),
        ("March", False),
        ("Leith", False),
        ("Amara Osei", False),
    ],
)
def test_they_may_stand_for_an_organisation(name: str, group: bool) -> None:
    assert names_group(name) is group


@pytest.mark.parametrize(
    ("question", "owner"),
    [
        ("What does her union want?", True),
        ("When did her term end?", True),
        ("Did the board pay her?", False),
        ("Did he tell her about the cuts?", False),
        ("Did they give her the keys?", False),
        ("Did the court order her to repay it?", False),
    ],
)
def test_her_before_a_noun_is_hers(question: str, owner: bool) -> None:
    end = question.lower().index("her ") + 3 if "her " in question.lower() else question.lower().index("her") + 3
    assert possessive_her(question, end) is owner


@pytest.mark.parametrize(
    ("focus", "previous", "expected"),
    [
        ("What else?", "What did the flood destroy in Kelby?", "What else did the flood destroy in Kelby?"),
        ("Anything else?", "What was cut from the council budget?", "What else was cut from the council budget?"),
        ("Who else?", "Who was injured in the crash?", "Who else was injured in the crash?"),
        ("And what else?", "Which wards will close?", "Which other wards will close?"),
        ("What else?", "How many homes flooded?", None),  # a count asks for no more items
        ("What else?", "Did the council cut the library budget?", None),
        ("What else did the mayor say?", "What did the mayor say?", None),  # has words of its own
    ],
)
def test_what_else_asks_the_previous_question_for_more(focus: str, previous: str, expected: str | None) -> None:
    assert rewrite_what_else(focus, previous) == expected


@pytest.mark.parametrize(
    ("focus", "previous", "expected"),
    [
        ("When?", "Did the council approve the new stadium?", "When did the council approve the new stadium?"),
        ("And where?", "When did the ferry sink?", "Where did the ferry sink?"),
        ("With what?", "Were the two guards charged?", "What were the two guards charged with?"),
        ("By whom?", "Was the ward closed?", "Who was the ward closed by?"),
        ("For how long?", "Was the coast road shut?", "For how long was the coast road shut?"),
        ("What?", "Did the mayor resign?", None),  # no preposition: nothing to ask of
        ("When?", "Who closed the ward?", None),  # the verb would need its base form
        ("With which unions?", "Is the council in talks?", None),  # a noun of its own
    ],
)
def test_a_wh_word_alone_asks_the_previous_question(focus: str, previous: str, expected: str | None) -> None:
    assert rewrite_wh_alone(focus, previous) == expected


@pytest.mark.parametrize(
    ("sentence", "refers"),
    [
        ("After that, the union called off the strike.", True),
        ("Because of that call, the ward stayed open.", True),
        ("Despite these warnings, the council cut the budget.", True),
        ("By then the river had burst its banks.", True),
        ("As a result, fares will rise in May.", True),
        ("Until that changes, the docks stay shut.", True),
        ("By this paper's count, 40 homes flooded.", False),  # names the text itself
        ("After the vote, the union called off the strike.", False),
        ("Before it can reopen, the ward needs new staff.", False),  # "it" points forward
        ("In March the river burst its banks.", False),
    ],
)
def test_an_opening_phrase_can_refer_back(sentence: str, refers: bool) -> None:
    assert opens_referring(sentence) is refers


STORIES = {
    "dock-strike.md": (
        '---\ntitle: "Leith dockers end strike"\noutlet: Forth Courier\nkind: news report\ndate: 2025-04-02\n---\n'
        "Dockers at the port of Leith ended their nine-day strike on Tuesday.\n\n"
        "Port manager Ruth Callan said the new offer of a 6% raise was final.\n\n"
        '"There is no more money in the pot," she told the Forth Courier.\n\n'
        "The union said the deal would be put to a vote of its members in May.\n"
    ),
    "ward-closure.md": (
        '---\ntitle: "Marton ward to stay open"\noutlet: Marton Herald\nkind: news report\ndate: 2025-05-14\n---\n'
        "The health board reviewed the children's ward at Marton General Hospital in April.\n\n"
        "Its chair, Peter Lund, phoned the minister on the night before the vote.\n"
        "Because of that call, the ward will stay open until at least 2027.\n\n"
        "The review found no evidence that the ward was unsafe.\n\n"
        "The minister delayed the vote by a month. She also ordered a second review.\n\n"
        "After that, the board dropped its plan to merge the ward with Kelby's.\n\n"
        "The Nurses Forum met the board in March to discuss the children's ward. "
        "The Nurses Forum rejected the board's new timetable, saying two more wards were at risk.\n"
    ),
    "bridge-hearing.md": (
        '---\ntitle: "Hearing on the Tarn bridge closure"\noutlet: County Hall\nkind: transcript\ndate: 2025-02-20\n---\n'
        "MARIA VOSS (committee chair): Residents want to know why the bridge was shut without notice. "
        "Who made that decision?\n\n"
        "KARL DENT (county engineer): I did, on the advice of our inspectors.\n\n"
        "VOSS: Will it reopen this year?\n\n"
        "DENT: We hope to reopen it in October.\n"
    ),
    "school-board.md": (
        '---\ntitle: "School board budget session"\noutlet: Board Minutes\nkind: transcript\ndate: 2025-03-11\n---\n'
        "ANA BELL (board chair): Parents have asked how the budget gap grew so fast. When did you first see it?\n\n"
        "TOM REED (finance officer): In January, when the heating bills came in.\n\n"
        "BELL: The parents' council has dismissed the new budget as a stopgap.\n"
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "conversation-turns", STORIES)


@pytest.mark.parametrize(
    ("first", "speaker"),
    [
        ("Is there more money in the pot?", "Ruth Callan"),  # a quotation: its speaker, named before it
        ("Was the ward unsafe?", "Marton Herald"),  # nobody in it speaks: its source is named
    ],
)
def test_who_said_so_names_who_said_what_the_previous_answer_quoted(bot: Assistant, first: str, speaker: str) -> None:
    earlier = checked_answer(bot, first)
    assert earlier["answered"], earlier["text"]
    out = checked_answer(bot, "Who said so?", history=[(first, earlier["text"])])
    assert out["answered"] and speaker in out["text"], out["text"]
    assert any(c["quote"] in earlier["text"] for c in out["citations"]), out["text"]


def test_a_sentence_opening_with_a_reference_brings_what_it_refers_to(bot: Assistant) -> None:
    out = checked_answer(bot, "Until when will the Marton ward stay open?")
    quotes = [c["quote"] for c in out["citations"]]
    assert quotes[0].startswith("Because of that call"), out["text"]
    assert any(q.startswith("Its chair, Peter Lund, phoned") for q in quotes), out["text"]


def test_a_phrase_referring_back_brings_the_sentence_before_its_paragraph(bot: Assistant) -> None:
    out = checked_answer(bot, "What plan did the Marton board drop?")
    quotes = [c["quote"] for c in out["citations"]]
    assert quotes[0].startswith("After that, the board dropped"), out["text"]
    assert "She also ordered a second review." in quotes, out["text"]


@pytest.mark.parametrize(
    ("question", "opening", "asked"),
    [
        ("What did Voss ask Dent?", "MARIA VOSS (committee chair): Residents want to know", "Who made that decision?"),
        ("What did Bell ask Reed?", "ANA BELL (board chair): Parents have asked how", "When did you first see it?"),
    ],
)
def test_a_question_inside_a_turn_comes_with_the_turn_opening(
    bot: Assistant, question: str, opening: str, asked: str
) -> None:
    out = checked_answer(bot, question)
    quotes = [c["quote"] for c in out["citations"]]
    assert quotes[0].startswith(opening) and quotes[1] == asked, out["text"]


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("What is Maria Voss's role?", "committee chair"),
        ("What is Tom Reed's role?", "finance officer"),
    ],
)
def test_a_speaker_label_gives_the_role_asked(bot: Assistant, question: str, role: str) -> None:
    out = checked_answer(bot, question)
    assert out["short_answer"] and out["short_answer"]["text"] == role, out["text"]


SINGLE = {
    "signal-fault.md": (
        '---\ntitle: "Coast line shut"\noutlet: Rail Daily\nkind: news report\ndate: 2025-01-08\n---\n'
        "Engineer Sara Kim found a cracked relay in the Dunmore signal box on Tuesday morning. "
        "Because of that, the coast line was shut until Thursday.\n\n"
        "Buses replaced trains between Dunmore and Kelby.\n"
    ),
}


@pytest.fixture(scope="module")
def routed(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "conversation-context", SINGLE, calibrated=None)


def test_the_short_answer_never_comes_from_a_context_sentence(routed: Assistant) -> None:
    out = checked_answer(routed, "Who shut the coast line?")
    quotes = [c["quote"] for c in out["citations"]]
    assert quotes[0].startswith("Because of that, the coast line was shut"), out["text"]
    assert any(q.startswith("Engineer Sara Kim found") for q in quotes), out["text"]
    assert not out["short_answer"], out["text"]  # the engineer found the fault; who shut the line is not said


@pytest.mark.parametrize(
    ("question", "alone", "follow_up"),
    [
        ("What did Ruth Callan say?", True, False),
        ("Who chairs the NHS board?", True, False),
        ("Is Leith open?", True, False),
        ("What was stolen?", False, True),  # may lean on the previous turn
        ("Who refused?", False, True),
        ("And Peter Lund?", False, True),
        ("Which one did Lund sign?", False, False),  # "one" leans back; three words of its own
    ],
)
def test_a_short_question_naming_its_subject_reads_alone(question: str, alone: bool, follow_up: bool) -> None:
    assert names_its_subject(question) is alone
    history = [("When did the Leith dockers end their strike?", "On Tuesday. [1]")]
    assert analyse(question, history).follow_up is follow_up


def test_a_named_question_after_another_story_gets_the_same_answer(bot: Assistant) -> None:
    alone = checked_answer(bot, "What did Ruth Callan say?")
    history = [("Was the ward unsafe?", checked_answer(bot, "Was the ward unsafe?")["text"])]
    after = checked_answer(bot, "What did Ruth Callan say?", history=history)
    assert after["text"] == alone["text"]


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("How did the Nurses Forum respond?", True),
        ("How has the parents' council reacted to the budget?", True),
        ("How did the budget gap grow?", False),
        ("What did the Nurses Forum say?", False),  # a verb of speech: asked as such already
    ],
)
def test_how_did_x_respond_asks_for_a_response(question: str, asks: bool) -> None:
    assert asks_response(question) is asks


@pytest.mark.parametrize(
    ("question", "statement"),
    [
        ("How did the Nurses Forum respond?", "The Nurses Forum rejected the board's new timetable"),
        ("How did the parents' council react to the budget?", "BELL: The parents' council has dismissed"),
    ],
)
def test_a_response_is_what_its_maker_states(bot: Assistant, question: str, statement: str) -> None:
    out = checked_answer(bot, question)
    assert out["answered"] and out["citations"][0]["quote"].startswith(statement), out["text"]


@pytest.mark.parametrize(
    ("question", "leans"),
    [
        ("Who said that?", True),
        ("Was that the first strike at Leith?", True),  # "that" after an auxiliary: a pronoun
        ("What happened after that?", True),
        ("Did the board agree that it could stay open?", True),  # "it" still points back
        ("Who estimated that 40 homes had flooded?", False),
        ("Who said that the ward was unsafe?", False),
        ("What was the name of the relay that failed?", False),
        ("What did the council offer tenants that were moved?", False),
        ("How many dockers were there?", False),
        ("Who said there was no money left?", False),
        ("What did she say while she was up there?", True),
    ],
)
def test_that_opening_a_clause_points_at_nothing(question: str, leans: bool) -> None:
    assert leans_on_previous(question) is leans
    history = [("When did the Leith dockers end their strike?", "On Tuesday. [1]")]
    if leans or len(analyse(question).terms) > 2:  # a question of one or two words may lean back anyway
        assert analyse(question, history).follow_up is leans
