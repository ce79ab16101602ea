"""Suggested questions name their subject as the documents do: a noun that opens a
sentence ("Police said ...") is asked about as "the police", a name stays a name."""

from __future__ import annotations

import pytest

from assistant.records import Sentence
from assistant.suggestions import candidates, common_words, question_from


def sentences(*texts: str) -> list[Sentence]:
    return [Sentence(f"d#s{i}", "d", i, 0, len(t), t) for i, t in enumerate(texts)]


# Each row: a small corpus on its own topic, the sentence to ask about, the question.
CORPORA = [
    (  # a road closure
        ("Police said the bridge would stay shut overnight.", "The police closed both lanes at noon."),
        "Police said the bridge would stay shut overnight.",
        "What did the police say?",
    ),
    (  # a hospital strike
        ("Doctors warned that waiting lists would grow.", "Junior doctors walked out on Monday."),
        "Doctors warned that waiting lists would grow.",
        "What did the doctors warn about?",
    ),
    (  # a flood: a surname opening the sentence that the text also writes in lower case
        ("Rose said the river rose two metres.", "The river rose again, said Rose."),
        "Rose said the river rose two metres.",
        "What did Rose say?",
    ),
    (  # a trade ruling: a one-word organisation name never written in lower case
        ("Ofwat rejected the appeal on Friday.", "The regulator had warned the company twice."),
        "Ofwat rejected the appeal on Friday.",
        "What did Ofwat reject?",
    ),
    (  # an election: a short all-capitals name keeps its article
        ("The UN said turnout was high.", "Observers from the UN toured polling stations."),
        "The UN said turnout was high.",
        "What did the UN say?",
    ),
]


@pytest.mark.parametrize(("corpus", "sentence", "question"), CORPORA)
def test_a_noun_opening_a_sentence_is_asked_about_with_its_article(
    corpus: tuple[str, ...], sentence: str, question: str
) -> None:
    made = question_from(sentence, common_words(sentences(*corpus)))
    assert made is not None and made[0] == question


def test_candidates_use_the_corpus_words() -> None:
    corpus = sentences("Officials said the ferry would run.", "Two officials met the mayor.")
    assert [c.question for c in candidates(corpus, common_words(corpus))] == ["What did the officials say?"]
    # Without the corpus's words the opening noun reads as a name, as before.
    assert [c.question for c in candidates(corpus)] == ["What did Officials say?"]
