"""``bot.ask(question, doc_ids=[...])`` limits the evidence to those documents: no citation of
an answer may come from another one, whatever step of the composer found it: the steps that
read the whole corpus rather than the retrieved hits ("Do the sources agree on X?", "What did
X ask?", "What did <outlet> report?") keep to ``Question.scope``, and the engine refuses an
answer citing a document left out (``citations.check_scope``). Stories written for these
tests: a dam repair reported by two papers, and two planning hearings with the same chair."""

from __future__ import annotations

import pytest
from asking import bot_on

from assistant import Assistant
from assistant.citations import check_scope
from assistant.errors import CitationError
from assistant.records import Answer, Citation

STORIES = {
    "dam-times.md": (
        '---\ntitle: "Dam repairs"\noutlet: Vale Times\nkind: news report\ndate: 2025-01-03\n---\n'
        "The repairs to the Orton dam will cost 40 million pounds, the water board said.\n\n"
        "Work starts in May.\n"
    ),
    "dam-post.md": (
        '---\ntitle: "Dam bill rises"\noutlet: Orton Post\nkind: news report\ndate: 2025-01-09\n---\n'
        "The repairs to the Orton dam will cost 55 million pounds, engineers told the council.\n\n"
        "The lake will be drained first.\n"
    ),
    "depot-hearing.md": (
        '---\ntitle: "Planning hearing on the bus depot (excerpt)"\noutlet: Town Hall\nkind: transcript\n'
        "date: 2025-04-02\n---\n"
        "PRIYA NANDA (planning chair): Why does the depot need a second entrance?\n\n"
        "KARL BIRD (depot manager): Buses queue on the main road every morning.\n"
    ),
    "market-hearing.md": (
        '---\ntitle: "Planning hearing on the covered market (excerpt)"\noutlet: Town Hall\nkind: transcript\n'
        "date: 2025-04-09\n---\n"
        "PRIYA NANDA (planning chair): Who will pay for the new market roof?\n\n"
        "LENA HOLT (market trader): The traders cannot, the rents are too high already.\n"
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "scope", STORIES, calibrated=None)


def test_a_plain_question_keeps_to_the_chosen_documents(bot: Assistant) -> None:
    answer = bot.ask("How much will the repairs to the Orton dam cost?", doc_ids=["dam-times.md"])
    assert answer.answered and {c.doc_id for c in answer.citations} == {"dam-times.md"}, answer.text


@pytest.mark.parametrize(
    ("question", "chosen"),
    [
        ("Do the sources agree on how much the repairs to the Orton dam will cost?", "dam-times.md"),
        ("What did Priya Nanda ask?", "market-hearing.md"),
        ("What did the Orton Post report?", "dam-times.md"),
    ],
)
def test_every_step_keeps_to_the_chosen_documents(bot: Assistant, question: str, chosen: str) -> None:
    answer = bot.ask(question, doc_ids=[chosen])
    assert {c.doc_id for c in answer.citations} <= {chosen}, answer.text


def test_a_chosen_document_still_gives_its_own_answer(bot: Assistant) -> None:
    answer = bot.ask("What did Priya Nanda ask?", doc_ids=["market-hearing.md"])
    assert answer.answered and "market roof" in answer.text, answer.text


def _citing(*doc_ids: str) -> Answer:
    citations = [
        Citation(marker=i, doc_id=d, sentence_id=f"{d}#0", quote="Work starts in May.", start=0, end=19)
        for i, d in enumerate(doc_ids, start=1)
    ]
    return Answer(question="q", text=" ".join(f"[{c.marker}]" for c in citations), answered=True, citations=citations)


@pytest.mark.parametrize(
    ("cited", "scope", "allowed"),
    [
        (("a.md",), None, True),
        (("a.md", "b.md"), frozenset({"a.md", "b.md"}), True),
        (("a.md", "b.md"), frozenset({"a.md"}), False),
        ((), frozenset({"a.md"}), True),
    ],
)
def test_check_scope_refuses_citations_outside_the_chosen_documents(
    cited: tuple[str, ...], scope: frozenset[str] | None, allowed: bool
) -> None:
    answer = _citing(*cited)
    if allowed:
        assert check_scope(answer, scope) is answer
    else:
        with pytest.raises(CitationError, match=r"b\.md"):
            check_scope(answer, scope)
