"""Pure HTML rendering for the chat UI: answers, the sources panel, the corpus header.

Everything here is a function of engine records and document text, returns a ``str`` of
HTML, and never imports Gradio, so it can be tested without a server. Every piece of
corpus or user text is escaped with ``html.escape``; the only markup emitted is ours.

Ids tie the two halves of the page together: marker ``[n]`` of turn ``t`` in the chat is
``<a class="cite" href="#src-t-n">``, and its source card in the panel is ``id="src-t-n"``.
The page script (``PAGE_JS``) scrolls to and flashes the card on click or hover.

Leaves out: Markdown in answers (answers are plain text with markers), and any layout
decisions that belong to Gradio components (``assistant.ui`` owns those).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from assistant.records import Answer, Citation

MARKER = re.compile(r"\[(\d+)\]")
CONTEXT_CHARS = 600  # longest run of paragraph text kept on each side of a quote

BEHAVIOUR_BADGES = {
    "answer": ("verdict-answer", "Answer"),
    "decline": ("verdict-decline", "Not in the sources"),
    "correct_premise": ("verdict-correction", "Premise corrected"),
}


TextOf = Callable[[str], "str | None"]  # doc_id -> document text, None when unknown


@dataclass(frozen=True)
class Turn:
    """One answered question as the sources panel shows it."""

    number: int  # 1-based turn number in the session; part of every card id
    answer: Answer


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the line(s) holding ``text[start:end]``: paragraphs are lines.

    >>> paragraph_bounds("Title\\nOne. Two.\\nNext", 11, 15)
    (6, 15)
    """
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", max(end, start))
    if para_end == -1:
        para_end = len(text)
    return para_start, para_end


def _clip_left(fragment: str) -> str:
    if len(fragment) <= CONTEXT_CHARS:
        return escape(fragment)
    return "\u2026" + escape(fragment[-CONTEXT_CHARS:])


def _clip_right(fragment: str) -> str:
    if len(fragment) <= CONTEXT_CHARS:
        return escape(fragment)
    return escape(fragment[:CONTEXT_CHARS]) + "\u2026"


def _lines(fragment_html: str) -> str:
    return fragment_html.replace("\r", "").replace("\n", "<br>")


def highlight_in_paragraph(text: str, start: int, end: int) -> str:
    """The paragraph around ``text[start:end]`` as HTML, the span inside ``<mark>``.

    >>> highlight_in_paragraph("Head\\nA <b>. B & C.\\nTail", 12, 18)
    'A &lt;b&gt;. <mark>B &amp; C.</mark>'
    """
    para_start, para_end = paragraph_bounds(text, start, end)
    before = _clip_left(text[para_start:start])
    quote = escape(text[start:end])
    after = _clip_right(text[end:para_end])
    return _lines(f"{before}<mark>{quote}</mark>{after}")


def source_card(citation: Citation, turn: int, text_of: TextOf) -> str:
    """One card of the sources panel: marker, title, section, quote in its paragraph."""
    text = text_of(citation.doc_id)
    verified = text is not None and text[citation.start : citation.end] == citation.quote
    if verified:
        assert text is not None
        body = highlight_in_paragraph(text, citation.start, citation.end)
    else:
        # The engine checks this invariant before answering; if a document changed on
        # disk since, show the quote alone rather than a wrong context.
        body = _lines(f"<mark>{escape(citation.quote)}</mark>")
    lead_in = ""
    if citation.lead_in and escape(citation.lead_in) not in body:
        lead_in = f'<p class="src-lead-in">{escape(citation.lead_in)}</p>'
    section = f'<span class="src-section">{escape(citation.section)}</span>' if citation.section else ""
    kind = "src src-related" if citation.related else "src"
    label = '<span class="src-tag">related reading</span>' if citation.related else ""
    stale = "" if verified else '<p class="src-stale">Document changed since indexing.</p>'
    about = [escape(x) for x in (citation.kind, citation.date) if x and x != "document"]
    if citation.source_url and citation.source_url.startswith(("http://", "https://")):
        url = escape(citation.source_url, quote=True)
        about.append(f'<a href="{url}" target="_blank" rel="noopener noreferrer">source</a>')
    meta = f'<p class="src-meta">{" · ".join(about)}</p>' if about else ""
    return (
        f'<article class="{kind}" id="src-{turn}-{citation.marker}" '
        f'data-turn="{turn}" data-marker="{citation.marker}">'
        f'<header class="src-head"><span class="src-marker">[{citation.marker}]</span>'
        f'<span class="src-title">{escape(citation.title or citation.doc_id)}</span>'
        f"{section}{label}</header>{meta}"
        f'{lead_in}<p class="src-para">{body}</p>{stale}'
        f'<footer class="src-id">{escape(citation.sentence_id)}</footer>'
        f"</article>"
    )


def answer_html(answer: Answer, turn: int) -> str:
    """The chat bubble of an answer: a verdict badge, then the text with linked markers.

    Markers become links to their source cards; a marker without a citation (which the
    engine never produces) stays plain text.
    """
    by_marker = {c.marker: c for c in answer.citations}

    def link(match: re.Match[str]) -> str:
        citation = by_marker.get(int(match.group(1)))
        if citation is None:
            return match.group(0)
        tip = escape(f"{citation.title or citation.doc_id}: {citation.quote}", quote=True)
        return (
            f'<a class="cite" href="#src-{turn}-{citation.marker}" title="{tip}" '
            f'data-turn="{turn}" data-marker="{citation.marker}">[{citation.marker}]</a>'
        )

    escaped = escape(answer.text, quote=False)
    linked = MARKER.sub(link, escaped)
    css, label = BEHAVIOUR_BADGES.get(answer.behaviour, BEHAVIOUR_BADGES["answer"])
    if answer.behaviour == "answer" and not answer.answered:
        css, label = BEHAVIOUR_BADGES["decline"]
    paragraphs = "".join(f"<p>{p}</p>" for p in linked.split("\n") if p.strip())
    # One HTML block with no blank line inside, so the chat's Markdown renderer
    # passes it through untouched instead of reading * or _ in the answer as emphasis.
    return (
        f'<div class="answer {css}"><span class="verdict {css}">{label}</span>'
        f"{model_note_html(answer)}{paragraphs}</div>"
    )


def model_note_html(answer: Answer) -> str:
    """A small note saying who wrote the answer when a language model was asked (else "").

    >>> from assistant.records import Answer
    >>> model_note_html(Answer("q", "t [1]", True, model="smol", generated=True))
    '<span class="model-note model-checked">written by smol, checked against sources</span>'
    """
    if answer.model is None:
        return ""
    if answer.generated:
        css, note = "model-checked", f"written by {escape(answer.model)}, checked against sources"
    elif answer.model_failed:
        css, note = "model-failed", "model did not reply; showing the sources' own words"
    else:
        css, note = "model-failed", "model answer failed checks; showing the sources' own words"
    return f'<span class="model-note {css}">{note}</span>'


def error_html(message: str) -> str:
    """A chat bubble for a question the engine refused (empty, too long...)."""
    return (
        '<div class="answer verdict-error"><span class="verdict verdict-error">'
        f"Could not ask that</span><p>{escape(message)}</p></div>"
    )


def turn_html(turn: Turn, text_of: TextOf, *, open_: bool) -> str:
    """The sources of one answer, as a collapsible group titled by its question."""
    evidence = [c for c in turn.answer.citations if not c.related]
    related = [c for c in turn.answer.citations if c.related]
    cards = "".join(source_card(c, turn.number, text_of) for c in evidence)
    if related:
        cards += '<p class="src-group">Related reading, not evidence for an answer</p>'
        cards += "".join(source_card(c, turn.number, text_of) for c in related)
    if not cards:
        cards = '<p class="src-none">No sources cited for this answer.</p>'
    count = len(turn.answer.citations)
    summary = (
        f'<summary><span class="turn-q">{escape(turn.answer.question)}</span>'
        f'<span class="turn-n">{count} source{"" if count == 1 else "s"}</span></summary>'
    )
    return (
        f'<details class="turn" id="turn-{turn.number}" data-turn="{turn.number}"'
        f"{' open' if open_ else ''}>{summary}{cards}</details>"
    )


def sources_panel(turns: Sequence[Turn], text_of: TextOf) -> str:
    """The whole sources panel: newest answer first and open, older ones folded."""
    if not turns:
        return (
            '<div class="sources-empty"><p><b>Sources appear here.</b></p>'
            "<p>Every sentence of an answer cites the exact sentence it comes from. "
            "Each cited sentence is shown inside its paragraph, highlighted, so you can "
            "check the quote in context. Click or hover a marker such as [1] to bring "
            "its source into view.</p></div>"
        )
    newest = max(t.number for t in turns)
    ordered = sorted(turns, key=lambda t: t.number, reverse=True)
    return "".join(turn_html(t, text_of, open_=t.number == newest) for t in ordered)


def corpus_header(corpus_name: str, titles: Sequence[str]) -> str:
    """The line under the app title: which corpus, how many documents, their titles."""
    n = len(titles)
    items = "".join(f"<li>{escape(t)}</li>" for t in titles)
    return (
        f'<div class="corpus-info"><span class="corpus-name">{escape(corpus_name)}</span>'
        f'<span class="corpus-count">{n} document{"" if n == 1 else "s"}</span>'
        f'<details class="corpus-docs"><summary>Documents</summary><ul>{items}</ul>'
        "</details></div>"
    )


def example_questions(sections: Sequence[tuple[str, str]], limit: int = 4) -> list[str]:
    """Example questions built from the corpus's section headings, one per topic.

    The questions are asked of the corpus like any other, so nothing here knows the
    answers. Duplicate headings are dropped; order follows the corpus.

    >>> example_questions([("Doc", "Policy Distinct from Rwanda Scheme")])
    ['What do the sources say about “Policy Distinct from Rwanda Scheme”?']
    """
    seen: set[str] = set()
    questions: list[str] = []
    for _title, heading in sections:
        heading = heading.strip().rstrip(":")
        if not heading or heading.lower() in seen:
            continue
        seen.add(heading.lower())
        questions.append(f"What do the sources say about \u201c{heading}\u201d?")
        if len(questions) == limit:
            break
    return questions


def headings_from_text(title: str, text: str, max_words: int = 12) -> list[tuple[str, str]]:
    """Section headings found in a document: short lines without final punctuation.

    A fallback for engines without ``sections()``; bullets and the first line (usually
    the lead paragraph or the title) are not headings.

    >>> headings_from_text("T", "Lead para.\\nA Heading Here\\n• bullet\\nBody text.")
    [('T', 'A Heading Here')]
    """
    found: list[tuple[str, str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line[-1] in ".!?:;,\u201d\"')" or line[0] in "\u2022-*\u2013":
            continue
        if len(line.split()) > max_words or line == title:
            continue
        found.append((title, line))
    return found
