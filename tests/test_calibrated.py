"""The calibrated composer end to end on a small corpus of three reports of one event,
written for this test in our own words (a river flood in a fictional town)."""

from __future__ import annotations

from pathlib import Path

import pytest
from asking import bot_on
from asking import checked_answer as check

from assistant import Assistant

REPORTS = {
    "valley-gazette.md": (
        "---\ntitle: River Tarn bursts its banks in Eldham\noutlet: Valley Gazette\nkind: news report\n---\n"
        "The River Tarn burst its banks in Eldham on Sunday night. "
        "About 3,000 homes lost power as water reached the town centre. "
        "Mayor Ruth Okoye said the council had opened two rest centres.\n\n"
        "The Environment Agency issued a severe flood warning for the lower valley.\n"
    ),
    "eldham-echo.md": (
        "---\ntitle: Thousands without power after Eldham flood\noutlet: Eldham Echo\nkind: news report\n---\n"
        "Some 4,500 homes lost power after the River Tarn flooded Eldham. "
        "The council opened two rest centres for residents, Mayor Ruth Okoye said. "
        "Engineers expect to restore supplies by Wednesday.\n"
    ),
    "council-release.md": (
        "---\ntitle: Council statement on the Eldham flood\noutlet: Eldham Council\nkind: press release\n---\n"
        "Eldham Council has set aside £250,000 for emergency repairs to the flood wall. "
        "Residents can claim a hardship grant of £500 from Monday.\n"
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "flood", REPORTS)


def test_sources_differ_on_a_figure(bot: Assistant) -> None:
    out = check(bot, "How many homes lost power?")
    assert out["answered"]
    assert out["text"].startswith("Sources differ:")
    assert "3,000" in out["text"] and "4,500" in out["text"]
    assert "Valley Gazette" in out["text"] and "Eldham Echo" in out["text"]


def test_direct_answer_leads_with_the_phrase(bot: Assistant) -> None:
    out = check(bot, "How much has the council set aside for repairs to the flood wall?")
    assert out["answered"]
    assert out["short_answer"]["text"] == "£250,000"
    assert out["text"].startswith("£250,000 [1].")


def test_the_same_statement_in_two_reports_is_one_item_citing_both(bot: Assistant) -> None:
    out = check(bot, "How many rest centres did the council open?")
    assert out["answered"]
    docs = {c["doc_id"] for c in out["citations"]}
    assert {"valley-gazette.md", "eldham-echo.md"} <= docs


def test_a_named_document_answers(bot: Assistant) -> None:
    out = check(bot, "What does the press release say about hardship grants?")
    assert out["answered"]
    assert all(c["doc_id"] == "council-release.md" for c in out["citations"])


def test_off_topic_question_is_declined(bot: Assistant) -> None:
    out = check(bot, "Who won the football league this season?")
    assert not out["answered"]


def test_follow_up_is_rewritten(bot: Assistant) -> None:
    out = check(bot, "What about Monday?", history=[("What happened in Eldham on Sunday?", "The River Tarn burst ...")])
    assert out["standalone_question"]


def test_missing_metadata_still_works(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.txt").write_text("The ferry to Holm Island runs twice a day in winter.\n", encoding="utf-8")
    bot = Assistant(corpus=corpus, index_dir=tmp_path / "index", calibrated=True)
    out = check(bot, "How often does the ferry to Holm Island run in winter?")
    assert out["answered"]


def test_one_document_answers_lead_with_the_phrase_too(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "museum.txt").write_text(
        "The Holm Museum reopened in March 2024 after a two-year refit.\n\n"
        "The refit cost £4.2 million, most of it raised by local donors.\n",
        encoding="utf-8",
    )
    bot = Assistant(corpus=corpus, index_dir=tmp_path / "index")  # default: routed
    out = check(bot, "How much did the refit cost?")
    assert out["answered"] and out["short_answer"]["text"] == "£4.2 million"
    assert out["text"].startswith("£4.2 million [1].")
    out = check(bot, "When did the Holm Museum reopen?")
    assert out["short_answer"]["text"] == "March 2024"


MEASURED = {
    "ferry.txt": (
        "The Skerry Maid entered service on the island route in April.\n\n"
        "The ferry is 120 metres long and carries up to 600 passengers.\n"
    ),
    "footbridge.txt": (
        "The Kelby footbridge opened to walkers and cyclists last week.\n\n"
        "The Kelby footbridge is 85 feet long and cost the county £2 million.\n"
    ),
}


@pytest.mark.parametrize(
    ("question", "short"),
    [
        ("How long is the Skerry Maid ferry?", "120 metres"),
        ("How long is the Kelby footbridge?", "85 feet"),
    ],
)
def test_a_measured_length_keeps_its_unit(tmp_path_factory: pytest.TempPathFactory, question: str, short: str) -> None:
    """The short answer to "How long ...?" says metres or feet, not a bare number."""
    out = check(bot_on(tmp_path_factory, "measured", MEASURED), question)
    assert out["answered"] and (out["short_answer"] or {}).get("text") == short, (out["text"], out["short_answer"])
