"""Readable references to cited sentences, and answers as Markdown that pastes cleanly.

A reference names a source the way a reader would: the document's title (or its file
name), the outlet and date where known, and "sentence 12", never a hashed id. The CLI,
the chat UI and its Markdown copy/export all use these functions, so a citation reads the
same everywhere.

Leaves out: HTML (``assistant.ui_render`` makes that) and any rendering of Markdown.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

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
    return f'[{citation.marker}] {related}"{_md(citation.quote)}" ({_md(source_label(citation))})'


def answer_markdown(answer: Answer) -> str:
    """The answer with its [n] markers, then one footnote per citation; no HTML."""
    parts = [_md(answer.text)]
    if answer.citations:
        parts.append("\n".join(f"- {footnote(c)}" for c in answer.citations))
    return "\n\n".join(parts) + "\n"


def _md(text: str) -> str:
    r"""Escape what Markdown would read as formatting or HTML, and keep [n] markers literal.

    >>> _md("a *b* <i>c</i> [1]")
    'a \\*b\\* &lt;i&gt;c&lt;/i&gt; [1]'
    """
    text = re.sub(r"([\\`*_])", r"\\\1", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")
