""" "When were they arrested?" asks the date of the arrest: a date that only says when a
statement was made ("the police said on Wednesday") does not answer it, and one of the best
few sentences dating the event itself, in its own words or near ones ("detained on
Saturday"), does. A weekday and the date after it are one date ("Saturday 25 October").
Stories written for these tests: arrests after a bank raid, a bridge that reopened."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.direct import event_dates, event_verb, speech_date
from assistant.evidence import date_spans


@pytest.mark.parametrize(
    ("text", "date", "verb"),
    [
        ("Three men held over the raid have confessed, the police said on Wednesday.", "Wednesday", "said"),
        ("The bridge reopened on 4 May, the council told reporters on Friday.", "Friday", "told"),
        ("The bridge reopened on 4 May, the council told reporters on Friday.", "4 May", None),
        ("The mayor announced in June that the bridge would close.", "June", "announced"),
        ("Divers found the wreck on Sunday.", "Sunday", None),
    ],
)
def test_a_date_after_a_verb_of_saying_dates_the_statement(text: str, date: str, verb: str | None) -> None:
    at = text.index(date)
    assert speech_date(text, (at, at + len(date))) == verb


@pytest.mark.parametrize(
    ("text", "verb", "dates"),
    [
        ("Three men held over the raid have confessed, the police said on Wednesday.", "arrested", []),
        ("The ban was announced on Monday, the council said on Tuesday.", "announce", ["Monday"]),
        ("The minister confirmed on Friday that the mine would close.", "confirmed", ["Friday"]),
        ("The bridge reopened on 4 May, the council told reporters on Friday.", "reopen", ["4 May"]),
    ],
)
def test_a_statements_date_answers_only_when_it_is_asked_about(text: str, verb: str, dates: list[str]) -> None:
    assert [text[a:b] for a, b in event_dates(text, verb)] == dates


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("When were the suspects arrested?", "arrested"),
        ("When did the bridge reopen?", "reopen"),
        ("When was the Harlow warehouse built?", "built"),
        ("Why was the bridge shut?", None),
    ],
)
def test_the_verb_a_when_question_asks_about(question: str, verb: str | None) -> None:
    assert event_verb(question) == verb


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("They were held on Saturday 25 October and freed on Monday.", ["Saturday 25 October", "Monday"]),
        ("The report came out on Thursday, 6 November 2025.", ["Thursday, 6 November 2025"]),
    ],
)
def test_a_weekday_and_its_date_are_one_date(text: str, dates: list[str]) -> None:
    assert [text[a:b] for a, b in date_spans(text)] == dates


STORIES = {
    "raid-arrests.md": (
        '---\ntitle: "Three charged over bank raid"\noutlet: Carver Gazette\nkind: news report\ndate: 2025-04-24\n---\n'
        "Three men arrested over the raid on the Carver Street bank have confessed, the police said on Wednesday.\n\n"
        "The men were detained on the evening of Sunday 20 April.\n\n"
        "They will appear in court next month.\n"
    ),
    "raid-police.md": (
        '---\ntitle: "Bank raid appeal"\noutlet: County Police\nkind: press release\ndate: 2025-04-15\n---\n'
        "Detectives are appealing for witnesses to the raid on the Carver Street bank.\n\n"
        "Officers searched the area with a helicopter.\n"
    ),
    "bridge-herald.md": (
        '---\ntitle: "Old Mill bridge open again"\noutlet: Mill Herald\nkind: news report\ndate: 2025-05-09\n---\n'
        "Traffic is flowing over the repaired Old Mill bridge, the council told reporters on Friday.\n\n"
        "The bridge was reopened to cars on Tuesday 6 May after eight months of work.\n\n"
        "Cyclists had been allowed across since March.\n"
    ),
    "bridge-council.md": (
        '---\ntitle: "Council update"\noutlet: Mill Council\nkind: press release\ndate: 2025-05-02\n---\n'
        "Repairs to the Old Mill bridge are nearly finished.\n\n"
        "Drivers should still follow the signed diversion.\n"
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "dates", STORIES, calibrated=None)


@pytest.mark.parametrize(
    ("question", "wrong", "right"),
    [
        ("When were the Carver Street bank raid suspects arrested?", "Wednesday", "Sunday 20 April"),
        ("When did the Old Mill bridge reopen to cars?", "Friday", "Tuesday 6 May"),
    ],
)
def test_when_is_answered_by_the_date_of_the_event_not_of_the_statement(
    bot: Assistant, question: str, wrong: str, right: str
) -> None:
    out = checked_answer(bot, question)
    short = out["short_answer"]["text"] if out["short_answer"] else ""
    assert short != wrong, out["text"]
    assert short == right, out["text"]
