"""Verify an answer's citations before it leaves the engine.

Checks, in order: markers in the text and citations match one to one (every [n] has a
citation numbered n, every citation's marker appears, numbered 1..N in order of first
appearance); every quote equals its document's text at its offsets; no citation points
at a heading; a short answer equals its document's text at its offsets, inside the
sentence its marker cites. A failure raises ``CitationError``: it is a bug, and a wrong citation
must never reach a reader.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from assistant.errors import CitationError
from assistant.records import Answer, Document, Sentence

MARKER_RE = re.compile(r"\[(\d+)\]")


def markers(text: str) -> list[int]:
    """The marker numbers in order of first appearance.

    >>> markers("A [1]. B [2] and [1].")
    [1, 2]
    """
    seen: list[int] = []
    for m in MARKER_RE.finditer(text):
        n = int(m.group(1))
        if n not in seen:
            seen.append(n)
    return seen


def check_scope(answer: Answer, scope: Collection[str] | None) -> Answer:
    """Return ``answer`` unchanged if it cites only documents in ``scope`` (None: any),
    else raise ``CitationError``: ``ask(doc_ids=...)`` promises evidence from those alone."""
    outside = sorted({c.doc_id for c in answer.citations} - set(scope)) if scope is not None else []
    if outside:
        raise CitationError(f"the answer cites {', '.join(outside)}, outside the documents asked about")
    return answer


def verify(answer: Answer, documents: Mapping[str, Document], sentences: Mapping[str, Sentence]) -> Answer:
    """Return ``answer`` unchanged if every invariant holds, else raise ``CitationError``."""
    found = markers(answer.text)
    numbers = [c.marker for c in answer.citations]
    if found != numbers or numbers != list(range(1, len(numbers) + 1)):
        raise CitationError(f"markers {found} in the text do not match citations {numbers}")
    for c in answer.citations:
        doc = documents.get(c.doc_id)
        if doc is None:
            raise CitationError(f"citation [{c.marker}] names unknown document {c.doc_id!r}")
        if not (0 <= c.start < c.end <= len(doc.text)) or doc.text[c.start : c.end] != c.quote:
            raise CitationError(f"citation [{c.marker}] quote is not {c.doc_id}[{c.start}:{c.end}]")
        sentence = sentences.get(c.sentence_id)
        if sentence is None or (sentence.start, sentence.end) != (c.start, c.end):
            raise CitationError(f"citation [{c.marker}] names sentence {c.sentence_id!r} with other offsets")
        if not sentence.citable:
            raise CitationError(f"citation [{c.marker}] points at a heading, which is never evidence")
    short = answer.short_answer
    if short is not None:
        cited = next((c for c in answer.citations if c.marker == short.marker), None)
        doc = documents.get(cited.doc_id) if cited else None
        if cited is None or doc is None or not (cited.start <= short.start < short.end <= cited.end):
            raise CitationError(f"the short answer {short.text!r} is not inside citation [{short.marker}]")
        if doc.text[short.start : short.end] != short.text:
            raise CitationError(f"the short answer {short.text!r} is not {cited.doc_id}[{short.start}:{short.end}]")
    return answer
