"""What a cited sentence needs to be read alone comes with it, and the answer still leads
with the sentence that answers: a pronoun's antecedent follows the best sentence, a
bullet brings its list's lead-in (also across the blank line Markdown puts there), and
"What else?" after an answer that quoted a list item gives the list's other items. Two
stories written for these tests: a museum's repairs, and a school's new timetable."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant

MUSEUM = {
    "museum-repairs.md": (
        '---\ntitle: "Harrow museum to reopen east wing"\noutlet: Harrow Post\nkind: news report\n'
        "date: 2025-03-02\n---\n"
        "The Harrow museum will reopen its east wing in June after a year of roof repairs.\n\n"
        "To pay for the repairs, the trustees will:\n\n"
        "- sell two paintings kept in the store;\n"
        "- raise ticket prices by one pound;\n"
        "- ask the county council for a grant.\n\n"
        "The director, Ana Ruiz, spoke to the museum staff on Monday. "
        "She said the roof repairs had cost twice the first estimate.\n"
    ),
}

SCHOOL = {
    "school-timetable.txt": (
        "Greenhill school changes its timetable\n\n"
        "Greenhill school will change its timetable from September.\n\n"
        "Under the new plan the school will:\n\n"
        "- start lessons at 9.15 instead of 8.45;\n"
        "- end the school day at 3.45;\n"
        "- add a reading hour on Friday afternoons.\n\n"
        "The head teacher, Tom Blake, wrote to parents on Friday. "
        "He said pupils had asked for a later start to the day.\n"
    ),
}


@pytest.fixture(scope="module")
def museum(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "museum", MUSEUM, calibrated=None)


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "school", SCHOOL, calibrated=None)


@pytest.mark.parametrize(
    ("story", "question", "best", "antecedent"),
    [
        ("museum", "What did the director say about the roof repairs?", "She said", "Ana Ruiz"),
        ("school", "What had pupils asked for, according to the head teacher?", "He said", "Tom Blake"),
    ],
)
def test_the_answer_leads_with_its_best_sentence_and_its_antecedent_follows(
    request: pytest.FixtureRequest, story: str, question: str, best: str, antecedent: str
) -> None:
    out = checked_answer(request.getfixturevalue(story), question)
    quotes = [c["quote"] for c in out["citations"]]
    assert quotes and quotes[0].startswith(best), out["text"]
    assert len(quotes) > 1 and antecedent in quotes[1], out["text"]


@pytest.mark.parametrize(
    ("story", "question", "bullet", "lead_in"),
    [
        ("museum", "Will the trustees sell paintings?", "sell two paintings", "the trustees will:"),
        ("school", "Will lessons start at 9.15 under the new plan?", "start lessons at 9.15", "the school will:"),
    ],
)
def test_a_bullet_comes_with_its_lead_in(
    request: pytest.FixtureRequest, story: str, question: str, bullet: str, lead_in: str
) -> None:
    out = checked_answer(request.getfixturevalue(story), question)
    quotes = [c["quote"] for c in out["citations"]]
    assert any(bullet in q for q in quotes), out["text"]
    assert any(q.endswith(lead_in) for q in quotes), out["text"]


@pytest.mark.parametrize(
    ("story", "question", "follow_up", "others"),
    [
        ("museum", "Will the trustees sell paintings?", "What else?", ["ticket prices", "a grant"]),
        ("school", "Will lessons start at 9.15 under the new plan?", "What else?", ["3.45", "reading hour"]),
        ("school", "Will lessons start at 9.15 under the new plan?", "What else will the school do?", ["3.45"]),
    ],
)
def test_what_else_after_a_list_item_gives_the_list_s_other_items(
    request: pytest.FixtureRequest, story: str, question: str, follow_up: str, others: list[str]
) -> None:
    bot = request.getfixturevalue(story)
    first = checked_answer(bot, question)
    out = checked_answer(bot, follow_up, history=[(question, first["text"])])
    assert out["answered"], out["text"]
    for item in others:
        assert item in out["text"], out["text"]
