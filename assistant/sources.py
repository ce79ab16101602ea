"""Answers over several documents: naming sources, merging repeated statements, finding disagreement.

- ``source_name``: what an answer calls a document (its outlet or publisher, else its
  title, else its file name).
- ``same_statement``: two sentences from different documents that say the same thing
  (the same content words, mostly, and the same figures), cited as one item.
- ``disagreement``: the figures by which documents give one measure different values
  (``assistant.figures``, shared with briefings).
- ``named_documents``: the documents a question names by their kind, outlet, author or
  title ("What does the press release say ...?").

Not handled: paraphrases that share few words ("rejected" against "turned down").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

from assistant.figures import Disagreement, Figure, disagreements, raw_figures
from assistant.lexical import tokenize
from assistant.records import Document, Sentence

SAME_STATEMENT = 0.5  # share of content words two sentences must have in common (Jaccard)


def source_name(document: Document) -> str:
    """How an answer names a document: outlet or publisher, else title, else file name.

    >>> from assistant.records import Document
    >>> source_name(Document("a/flood-report.txt", "x", "", "h"))
    'flood-report'
    >>> source_name(Document("b.txt", "x", "Rivers burst their banks", "h"))
    'Rivers burst their banks'
    """
    for key in ("outlet", "publisher"):
        value = getattr(document, key, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    if document.title.strip():
        return document.title.strip()
    return PurePosixPath(document.doc_id).stem


def same_statement(a: Sentence, b: Sentence) -> bool:
    """Whether two sentences of different documents say the same thing: most content
    words shared and the same figures.

    >>> from assistant.records import Sentence
    >>> s = lambda d, t: Sentence(f"{d}#s0", d, 0, 0, len(t), t)
    >>> same_statement(s("a", "The council approved the new stadium on Monday."),
    ...                s("b", "On Monday the council approved the new stadium."))
    True
    >>> same_statement(s("a", "Prices rose 4% in March."), s("b", "Prices rose 5% in March."))
    False
    """
    if a.doc_id == b.doc_id:
        return False
    x, y = set(tokenize(a.text)), set(tokenize(b.text))
    if not x or not y:
        return False
    if {f[3] for f in raw_figures(a.text)} != {f[3] for f in raw_figures(b.text)}:
        return False
    return len(x & y) / len(x | y) >= SAME_STATEMENT


def named_documents(question: str, documents: Mapping[str, Document]) -> set[str]:
    """Ids of the documents a question names by kind, outlet, publisher or author.

    >>> from assistant.records import Document
    >>> docs = {"a": Document("a", "x", "t", "h", kind="press release"), "b": Document("b", "x", "t", "h")}
    >>> named_documents("What does the press release say about rents?", docs)
    {'a'}
    """
    lowered = " ".join(question.lower().split())
    found = set()
    for doc_id, doc in documents.items():
        labels = [doc.kind if doc.kind != "document" else None]
        labels += [getattr(doc, key, None) for key in ("outlet", "publisher", "author")]
        for label in labels:
            if isinstance(label, str) and len(label) > 2 and re.search(rf"\b{re.escape(label.lower())}\b", lowered):
                found.add(doc_id)
    return found


def disagreement(figures: Iterable[Figure], kinds: Iterable[str]) -> Disagreement | None:
    """The first measure that two documents give different values, among figures of ``kinds``.

    >>> from assistant.figures import sentence_figures
    >>> from assistant.records import Sentence
    >>> s = lambda d, t: Sentence(f"{d}#s0", d, 0, 0, len(t), t)
    >>> found = sentence_figures(s("a", "About 3,000 homes lost power.")) + sentence_figures(
    ...     s("b", "Some 4,500 homes lost power."))
    >>> [g.value for g in disagreement(found, ["count"]).values]
    [3000.0, 4500.0]
    """
    wanted = set(kinds)
    found = disagreements([f for f in figures if f.kind in wanted])
    return found[0] if found else None
