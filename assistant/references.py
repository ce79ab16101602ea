"""Readable references to cited sentences, and answers as Markdown that pastes cleanly.

A reference names a source the way a reader would: the document's title (or its file
name), the outlet and date where known, and "sentence 12", never a hashed id. The CLI,
the chat UI and its Markdown copy/export all use these functions, so a citation reads the
same everywhere.

Leaves out: HTML (``assistant.ui_render`` makes that) and any rendering of Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import PurePosixPath

from assistant.citations import MARKER_RE
from assistant.records import Answer, Citation

SENTENCE_ID = re.compile(r"#s(\d+)$")


def sentence_number(sentence_id: str) -> int | None:
    """The 1-based position of a sentence in its document, from its id.

    >>> sentence_number("reports/ferry.txt#s11"), sentence_number("odd-id")
    (12, None)
    """
    found = SENTENCE_ID.search(sentence_id)
    return int(found.group(1)) + 1 if found else None


def document_name(citation: Citation) -> str:
    """The document's title, or its file name when it has none.

    >>> document_name(Citation(1, "briefs/ferry.txt", "briefs/ferry.txt#s0", "Q.", 0, 2))
    'ferry.txt'
    """
    return citation.title.strip() or PurePosixPath(citation.doc_id).name or citation.doc_id


def source_details(citation: Citation) -> list[str]:
    """Outlet, date and sentence number of a citation, those that are known, in that order."""
    details = [citation.outlet] if citation.outlet else []
    if citation.date:
        details.append(citation.date)
    number = sentence_number(citation.sentence_id)
    if number is not None:
        details.append(f"sentence {number}")
    return details


def source_label(citation: Citation) -> str:
    """Title, outlet, date and sentence number in one line.

    >>> source_label(Citation(2, "a.txt", "a.txt#s4", "Q.", 0, 2, title="Night ferry kept", date="2025-06-03"))
    'Night ferry kept, 2025-06-03, sentence 5'
    """
    return ", ".join([document_name(citation), *source_details(citation)])


def footnote(citation: Citation) -> str:
    """One Markdown footnote line: marker, the quote, and its readable source.

    >>> footnote(Citation(1, "a.txt", "a.txt#s0", "It runs.", 0, 8, title="Ferry"))
    '[1] "It runs." (Ferry, sentence 1)'
    """
    related = "related reading: " if citation.related else ""
    return f'[{citation.marker}] {related}"{markdown_text(citation.quote)}" ({markdown_text(source_label(citation))})'


class Footnotes:
    """Citations numbered through a whole note (a briefing) whose items number their own
    markers from 1: a cited sentence keeps one number however many items cite it, and
    ``notes`` holds one citation per number, in order of first use."""

    def __init__(self) -> None:
        self.notes: list[Citation] = []
        self._numbers: dict[tuple[str, str, int, int], int] = {}

    def number(self, citation: Citation) -> int:
        """The citation's number in the whole note (a new one for a sentence not cited yet)."""
        key = (citation.doc_id, citation.sentence_id, citation.start, citation.end)
        if key not in self._numbers:
            self._numbers[key] = len(self.notes) + 1
            self.notes.append(replace(citation, marker=self._numbers[key], related=False))
        return self._numbers[key]

    def renumber(
        self, text: str, citations: Sequence[Citation], cite: Callable[[int, Citation], str] = lambda n, _: f"[{n}]"
    ) -> str:
        """``text`` with each of its citations' markers ``[m]`` written as ``cite(n, citation)``,
        ``n`` the citation's number in the whole note; other brackets are left alone.

        >>> notes = Footnotes()
        >>> rain, wind = Citation(1, "d", "d#s0", "Rain.", 0, 5), Citation(2, "d", "d#s3", "Wind.", 9, 14)
        >>> notes.renumber("Rain [1]. Wind [2].", [rain, wind])
        'Rain [1]. Wind [2].'
        >>> wind_again, hail = replace(wind, marker=1), Citation(2, "e", "e#s1", "Hail.", 6, 11)
        >>> notes.renumber("Wind [1], hail [2], see [9].", [wind_again, hail]), len(notes.notes)
        ('Wind [2], hail [3], see [9].', 3)
        """
        by_marker = {c.marker: c for c in citations}

        def one(found: re.Match[str]) -> str:
            citation = by_marker.get(int(found[1]))
            return found[0] if citation is None else cite(self.number(citation), citation)

        return MARKER_RE.sub(one, text)


def answer_markdown(answer: Answer) -> str:
    """The answer with its [n] markers, then one footnote per citation; no HTML."""
    parts = [markdown_text(answer.text)]
    if answer.citations:
        parts.append("\n".join(f"- {footnote(c)}" for c in answer.citations))
    return "\n\n".join(parts) + "\n"


def markdown_text(text: str) -> str:
    r"""Plain text for Markdown (answers, briefings, footnotes): what Markdown would read as
    formatting or HTML escaped, [n] markers kept literal.

    >>> markdown_text("a *b* <i>c</i> [1]")
    'a \\*b\\* &lt;i&gt;c&lt;/i&gt; [1]'
    """
    text = re.sub(r"([\\`*_])", r"\\\1", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")
