"""Split a document's text into sentences, headings and bullets with exact offsets.

Scope: English prose as found in news and policy documents. Each line block is a
paragraph; a short line without final punctuation is a heading (it becomes the
``section`` of the sentences below it and is never cited); a line that starts with a
bullet mark is one bullet, whose ``lead_in`` is the line that introduced the list
("The UK government will also:"). Prose is split with pysbd, which keeps quotations
ending in .” whole and knows honorifics, abbreviations and numbers such as 12,000.

An HTML comment opening a line (Markdown files carry them) is one unit up to its close.

Not handled: tables, code blocks, and languages other than English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.records import Sentence, SentenceKind

if TYPE_CHECKING:
    import pysbd

BULLET_RE = re.compile(r"^[ \t]*(?:[•·▪‣◦*+\-–—]|\d{1,3}[.)])[ \t]+(?=\S)")
MARKDOWN_HEADING_RE = re.compile(r"^[ \t]*#{1,6}[ \t]+(?=\S)")
FINAL_PUNCTUATION = tuple(".!?:;…\"'”’)]")
HEADING_MAX_WORDS = 14
BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
# pysbd builds its regular expressions from strings on every call (one per abbreviation it
# meets, and more): about a thousand on a large corpus, past the 512 that ``re`` keeps
# compiled, so most of its time went to compiling them again (9 of 13 CPU seconds while
# splitting 300 documents). With room for them all it splits 30-50% faster, with the
# same output.
RE_CACHE = 4096
# pysbd's time grows with the square of the text it is handed (a 100 KB paragraph took
# 5.5 s, 200 KB 24 s), so a long paragraph is given to it in blocks of about this many
# characters, cut at a space; the last sentence of a block is split again with the text
# that follows it, so the split is pysbd's own. News paragraphs are far shorter, and are
# handed over whole as before.
BLOCK_CHARS = 4000
PROGRESS_CHARS = 256 * 1024  # a split reports progress after about this many characters


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    import pysbd

    if getattr(re, "_MAXCACHE", RE_CACHE) < RE_CACHE:
        setattr(re, "_MAXCACHE", RE_CACHE)  # noqa: B010  # a private knob of ``re``: see RE_CACHE
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def sentence_id(doc_id: str, ordinal: int) -> str:
    """The id of a document's n-th unit; stable while the document text is unchanged."""
    return f"{doc_id}#s{ordinal}"


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each line without its line break."""
    start = 0
    for match in re.finditer(r"\r\n|\n|\r", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_heading(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= HEADING_MAX_WORDS
        and not line.endswith(FINAL_PUNCTUATION)
        and (line[0].isupper() or line[0].isdigit())
    )


def _classify(text: str, start: int, end: int, next_line: str) -> tuple[SentenceKind | None, int]:
    """Return the kind of a line (None for prose) and where its content starts.

    A short unpunctuated line is a heading unless the next line carries on in lower case
    (then it is a sentence wrapped over two lines)."""
    line = text[start:end]
    heading = MARKDOWN_HEADING_RE.match(line)
    if heading:
        return "heading", start + heading.end()
    bullet = BULLET_RE.match(line)
    if bullet:
        return "bullet", start + bullet.end()
    if _is_heading(line) and not next_line[:1].islower():
        return "heading", start
    return None, start


def _block_end(text: str, start: int, end: int) -> int:
    """Where the block of a paragraph text[start:end] that starts at ``start`` ends: the
    paragraph's end, or the last space within ``BLOCK_CHARS`` (a hard cut without one)."""
    if end - start <= BLOCK_CHARS:
        return end
    space = max(text.rfind(" ", start, start + BLOCK_CHARS), text.rfind("\n", start, start + BLOCK_CHARS))
    return space if space > start else start + BLOCK_CHARS


def _prose_spans(
    text: str, start: int, end: int, reached: Callable[[int], None] | None = None
) -> Iterator[tuple[int, int]]:
    """Sentence spans of a prose paragraph text[start:end], offsets into ``text``;
    ``reached(offset)`` is told after each block how far the split has come."""
    while start < end:
        stop = _block_end(text, start, end)
        # pysbd ends a sentence at a line break; a wrapped line is not one. The
        # replacement keeps the length, so offsets still point into ``text``.
        block = re.sub(r"[\r\n]", " ", text[start:stop])
        spans = [_strip_span(text, start + span.start, start + span.end) for span in _segmenter().segment(block)]
        spans = [(s, e) for s, e in spans if s < e]
        if stop < end and len(spans) > 1:
            stop = spans.pop()[0]  # it may run on into the next block: split it again there
        yield from spans
        start = stop
        if reached is not None:
            reached(start)


def _comment_end(text: str, start: int, end: int) -> int:
    """Where an HTML comment opening at ``start`` closes (0 when none opens there). It is
    one unit however many lines or sentences it holds: it is hidden from readers of the
    page, and an instruction hidden in it must not leak into the next line's sentence.
    An unclosed comment runs to the end of its line."""
    if not text.startswith("<!--", start):
        return 0
    close = text.find("-->", start + 4)
    return close + 3 if close != -1 else end


def split_sentences(doc_id: str, text: str, progress: Callable[[int, int], None] | None = None) -> list[Sentence]:
    """Split ``text`` into sentences; every unit satisfies ``text[start:end] == unit.text``.
    ``progress(done, total)`` (in characters) is called every ``PROGRESS_CHARS`` or so.

    >>> [s.kind for s in split_sentences("d", "Intro line here.\\nA Heading\\nBody one. Two.")]
    ['sentence', 'heading', 'sentence', 'sentence']
    """
    units: list[Unit] = []
    paragraph = -1
    prose_start: int | None = None
    prose_end = 0

    reported = 0

    def reached(offset: int) -> None:
        nonlocal reported
        if progress is not None and offset - reported >= PROGRESS_CHARS:
            reported = offset
            progress(offset, len(text))

    def flush_prose() -> None:
        nonlocal prose_start
        if prose_start is not None:
            spans = _prose_spans(text, prose_start, prose_end, reached)
            units.extend((s, e, "sentence", paragraph) for s, e in spans)
            prose_start = None

    lines = list(_lines(text))
    covered = 0  # the end of the last HTML comment made into a unit
    for i, (line_start, line_end) in enumerate(lines):
        s, e = _strip_span(text, max(line_start, covered), max(line_end, covered))
        comment_end = _comment_end(text, s, e)
        if comment_end:
            flush_prose()
            paragraph += 1
            units.append((s, comment_end, "sentence", paragraph))
            covered = comment_end
            s, e = _strip_span(text, comment_end, max(line_end, comment_end))
        if s == e:
            flush_prose()
            continue
        next_line = text[lines[i + 1][0] : lines[i + 1][1]].lstrip() if i + 1 < len(lines) else ""
        kind, content_start = _classify(text, s, e, next_line)
        if kind is not None:
            flush_prose()
            paragraph += 1
            units.append((content_start, e, kind, paragraph))
            continue
        if prose_start is None:
            paragraph += 1
            prose_start = s
        prose_end = e
        # A line that ends a sentence ends its paragraph; wrapped lines run on.
        if text[s:e].endswith(FINAL_PUNCTUATION):
            flush_prose()
    flush_prose()
    if progress is not None:
        progress(len(text), len(text))
    return assemble(doc_id, text, units)


Unit = tuple[int, int, SentenceKind, int]  # start, end, kind, paragraph


def assemble(doc_id: str, text: str, units: list[Unit]) -> list[Sentence]:
    """Turn spans into ``Sentence`` records: give each its section (the heading above it)
    and each bullet its lead-in. The index rebuilds sentences from stored spans with this
    same function, so both ways agree.

    A lead-in is the sentence just above a list when it ends with a colon, a blank line
    between them or not (Markdown sets one there); a blank line between bullets starts a
    new list, which has a lead-in only if one sits above it.
    """
    sentences: list[Sentence] = []
    section: str | None = None
    lead_in: str | None = None
    previous: Sentence | None = None
    for ordinal, (start, end, kind, para) in enumerate(units):
        body = text[start:end]
        if kind == "heading":
            section, lead_in = body, None
        elif kind == "bullet":
            gap = text[previous.end : start] if previous is not None else ""
            if previous is None or previous.kind != "bullet" or BLANK_LINE.search(gap):
                introduces = previous is not None and previous.kind == "sentence" and previous.text.endswith(":")
                lead_in = previous.text if introduces and previous is not None else None
        else:
            lead_in = None
        sentence = Sentence(
            sentence_id=sentence_id(doc_id, ordinal),
            doc_id=doc_id,
            ordinal=ordinal,
            start=start,
            end=end,
            text=body,
            kind=kind,
            section=section if kind != "heading" else None,
            lead_in=lead_in if kind == "bullet" else None,
            paragraph=para,
        )
        sentences.append(sentence)
        previous = sentence
    return sentences
