"""Group a document's sentences into small overlapping windows for embedding.

A chunk is up to ``WINDOW`` consecutive citable sentences of one section (windows never
cross a heading), starting every ``STRIDE`` sentences, with the section heading as its
context. Chunks give retrieval the neighbours a sentence leans on ("He clarified ..."
needs the sentence before it to say who "he" is); the sentences themselves stay the
unit of citation.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator

from assistant.records import Chunk, Sentence

WINDOW = 3
STRIDE = 2


def embedding_text(sentence: Sentence) -> str:
    """What is embedded for a sentence: a bullet reads with its lead-in, so it stands alone.

    >>> from assistant.records import Sentence
    >>> embedding_text(Sentence("d#s1", "d", 1, 0, 4, "Fund X", kind="bullet", lead_in="We will:"))
    'We will: Fund X'
    """
    if sentence.kind == "bullet" and sentence.lead_in:
        return f"{sentence.lead_in} {sentence.text}"
    return sentence.text


def _sections(sentences: list[Sentence]) -> Iterator[tuple[str | None, list[Sentence]]]:
    section: str | None = None
    run: list[Sentence] = []
    for sentence in sentences:
        if sentence.kind == "heading":
            if run:
                yield section, run
            section, run = (None if sentence.addressed else sentence.text), []
        elif sentence.citable:
            run.append(sentence)
    if run:
        yield section, run


def make_chunks(sentences: list[Sentence]) -> list[Chunk]:
    """Overlapping windows of sentences within each section of one document."""
    chunks: list[Chunk] = []
    seen: Counter[str] = Counter()  # a document may repeat a window word for word
    for section, run in _sections(sentences):
        starts = range(0, max(len(run) - WINDOW, 0) + 1, STRIDE)
        last = max(len(run) - WINDOW, 0)
        if starts[-1] != last:  # make sure the tail of the section is covered
            starts = [*starts, last]  # type: ignore[assignment]
        for first in starts:
            window = run[first : first + WINDOW]
            body = " ".join(embedding_text(s) for s in window)
            text = f"{section}\n{body}" if section else body
            seen[text] += 1
            key = hashlib.sha256(f"{window[0].doc_id}\0{text}\0{seen[text]}".encode()).hexdigest()[:32]
            chunks.append(
                Chunk(
                    chunk_id=key,
                    doc_id=window[0].doc_id,
                    sentence_ids=tuple(s.sentence_id for s in window),
                    text=text,
                )
            )
    return chunks
