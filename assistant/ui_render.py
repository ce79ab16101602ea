"""Pure HTML rendering for the chat UI: answers, the sources panel, the corpus header.

Everything here is a function of engine records and document text, returns a ``str`` of
HTML, and never imports Gradio, so it can be tested without a server. Every piece of
corpus or user text is escaped with ``html.escape``; the only markup emitted is ours.

Ids tie the two halves of the page together: marker ``[n]`` of turn ``t`` in the chat is
``<a class="cite" href="#src-t-n">``, and its source card in the panel is ``id="src-t-n"``;
the same card inside the answer (the "Sources (n)" toggle shown on a phone) is
``id="isrc-t-n"``. The page script (``assistant/static/app.js``) scrolls the panel (never
the page) to the card on click or hover. Each answer carries its Markdown
for the Copy button and the conversation export (as hidden text: the chat drops data-*
attributes).

Leaves out: Markdown in answers (answers are plain text with markers), and any layout
decisions that belong to Gradio components (``assistant.ui`` owns those).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from html import escape
from typing import Any

from assistant.citations import MARKER_RE
from assistant.records import Answer, Citation, Document, ShortAnswer
from assistant.references import Footnotes, answer_markdown, document_name, source_details, source_label

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
    short: Mapping[str, Any] | None = None  # the answer phrase {text, marker, start, end}, when given


def answer_from_dict(data: Mapping[str, Any]) -> Answer:
    """An ``Answer`` back from ``Answer.to_dict()`` (as a browser stored it); unknown keys
    are ignored, so answers saved by another version still load."""
    known = {f.name for f in fields(Citation)}
    citations = [Citation(**{k: v for k, v in c.items() if k in known}) for c in data.get("citations", [])]
    short = data.get("short_answer")
    rest = {f.name: data[f.name] for f in fields(Answer) if f.name in data}
    rest.update(
        question=str(data.get("question", "")),
        text=str(data.get("text", "")),
        answered=bool(data.get("answered", False)),
        citations=citations,
        short_answer=ShortAnswer(**short) if isinstance(short, Mapping) else None,
    )
    return Answer(**rest)


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


def highlight_in_paragraph(text: str, start: int, end: int, phrase: tuple[int, int] | None = None) -> str:
    """The paragraph around ``text[start:end]`` as HTML, the span inside ``<mark>``; an
    answer ``phrase`` (document offsets inside the span) is also put in ``<strong>``.

    >>> highlight_in_paragraph("Head\\nA <b>. B & C.\\nTail", 12, 18)
    'A &lt;b&gt;. <mark>B &amp; C.</mark>'
    >>> highlight_in_paragraph("One two three.", 0, 14, (4, 7))
    '<mark>One <strong class="short">two</strong> three.</mark>'
    """
    para_start, para_end = paragraph_bounds(text, start, end)
    before = _clip_left(text[para_start:start])
    if phrase is not None and start <= phrase[0] < phrase[1] <= end:
        quote = (
            f'{escape(text[start : phrase[0]])}<strong class="short">{escape(text[phrase[0] : phrase[1]])}</strong>'
            f"{escape(text[phrase[1] : end])}"
        )
    else:
        quote = escape(text[start:end])
    after = _clip_right(text[end:para_end])
    return _lines(f"{before}<mark>{quote}</mark>{after}")


def _phrase(short: Mapping[str, Any] | None, citation: Citation) -> tuple[int, int] | None:
    """Document offsets of the answer phrase when it lies in this citation's sentence."""
    if not short or short.get("marker") != citation.marker:
        return None
    try:
        start, end = int(short["start"]), int(short["end"])
    except (KeyError, TypeError, ValueError):
        return None
    if citation.start <= start < end <= citation.end:
        return start, end
    offset = citation.quote.find(str(short.get("text") or "\0"))  # offsets inside the quote
    if offset >= 0:
        return citation.start + offset, citation.start + offset + len(str(short["text"]))
    return None


def source_card(
    citation: Citation, turn: int, text_of: TextOf, *, prefix: str = "src", short: Mapping[str, Any] | None = None
) -> str:
    """One card: marker, document title, outlet/date/sentence, the quote in its paragraph."""
    text = text_of(citation.doc_id)
    verified = text is not None and text[citation.start : citation.end] == citation.quote
    if verified:
        assert text is not None
        body = highlight_in_paragraph(text, citation.start, citation.end, _phrase(short, citation))
    else:
        # The engine checks this invariant before answering; if a document changed on
        # disk since, show the quote alone rather than a wrong context.
        body = _lines(f"<mark>{escape(citation.quote)}</mark>")
    lead_in = ""
    if citation.lead_in and escape(citation.lead_in) not in body:
        lead_in = f'<p class="src-lead-in">{escape(citation.lead_in)}</p>'
    section = (
        f'<span class="src-section">{escape(citation.section)}</span>'
        if citation.section and not same_words(citation.section, document_name(citation))
        else ""  # a plain .txt's first line is both its title and the heading its sentences sit under
    )
    kind = "src src-related" if citation.related else "src"
    label = '<span class="src-tag">related reading</span>' if citation.related else ""
    stale = "" if verified else '<p class="src-stale">The document has changed since this answer.</p>'
    about = [escape(citation.kind)] if citation.kind and citation.kind != "document" else []
    about += [escape(x) for x in source_details(citation)]
    if citation.source_url and citation.source_url.startswith(("http://", "https://")):
        url = escape(citation.source_url, quote=True)
        about.append(f'<a href="{url}" target="_blank" rel="noopener noreferrer">source</a>')
    meta = f'<p class="src-meta">{" · ".join(about)}</p>' if about else ""
    return (
        f'<article class="{kind}" id="{prefix}-{turn}-{citation.marker}" '
        f'data-turn="{turn}" data-marker="{citation.marker}">'
        f'<header class="src-head"><span class="src-marker">[{citation.marker}]</span>'
        f'<span class="src-title">{escape(document_name(citation))}</span>'
        f"{section}{label}</header>{meta}"
        f'{lead_in}<p class="src-para">{body}</p>{stale}'
        f"</article>"
    )


def answer_html(
    answer: Answer, turn: int, text_of: TextOf | None = None, short: Mapping[str, Any] | None = None
) -> str:
    """The chat bubble of an answer: a verdict badge, the text with linked markers, a Copy
    button holding the answer as Markdown, and (shown on a phone) a "Sources (n)" toggle.

    Markers become links to their source cards; a marker without a citation (which the
    engine never produces) stays plain text.
    """
    by_marker = {c.marker: c for c in answer.citations}

    def link(match: re.Match[str]) -> str:
        citation = by_marker.get(int(match.group(1)))
        if citation is None:
            return match.group(0)
        tip = escape(f"{source_label(citation)}: {citation.quote}", quote=True)
        return (
            f'<a class="cite" href="#src-{turn}-{citation.marker}" title="{tip}" '
            f'data-turn="{turn}" data-marker="{citation.marker}">[{citation.marker}]</a>'
        )

    escaped = escape(answer.text, quote=False)
    linked = MARKER_RE.sub(link, escaped)
    css, label = BEHAVIOUR_BADGES.get(answer.behaviour, BEHAVIOUR_BADGES["answer"])
    if answer.behaviour == "answer" and not answer.answered:
        css, label = BEHAVIOUR_BADGES["decline"]
    paragraphs = "".join(f"<p>{p}</p>" for p in linked.split("\n") if p.strip())
    # The chat's sanitiser drops data-* attributes, so the Markdown that Copy and Export
    # use travels as hidden text (newlines as character references: no blank line may
    # end the HTML block early) and the turn number as a class.
    md = escape(answer_markdown(answer), quote=False).replace("\n", "&#10;")
    hidden = f'<div class="md-q">{escape(answer.question, quote=False)}</div><div class="md-source">{md}</div>'
    inline = ""
    if text_of is not None:
        shown = [c for c in answer.citations if text_of(c.doc_id) is not None]
        cards = "".join(source_card(c, turn, text_of, prefix="isrc", short=short) for c in shown)
        if cards:
            inline = f'<details class="inline-sources"><summary>Sources ({len(shown)})</summary>{cards}</details>'
    actions = '<div class="answer-actions"><button type="button" class="copy-md">Copy</button></div>'
    # One HTML block with no blank line inside, so the chat's Markdown renderer
    # passes it through untouched instead of reading * or _ in the answer as emphasis.
    return (
        f'<div class="answer {css} turn-{turn}"><span class="verdict {css}">{label}</span>'
        f"{model_note_html(answer)}{paragraphs}{actions}{inline}{hidden}</div>"
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
    """The sources of one answer, as a collapsible group titled by its question.

    Citations of documents no longer in the corpus are left out, with a note.
    """
    present = [c for c in turn.answer.citations if text_of(c.doc_id) is not None]
    gone = len(turn.answer.citations) - len(present)
    evidence = [c for c in present if not c.related]
    related = [c for c in present if c.related]
    cards = "".join(source_card(c, turn.number, text_of, short=turn.short) for c in evidence)
    if related:
        cards += '<p class="src-group">Related reading, not evidence for an answer</p>'
        cards += "".join(source_card(c, turn.number, text_of) for c in related)
    if gone:
        cards += f'<p class="src-none">{gone} source{"" if gone == 1 else "s"} from a removed document not shown.</p>'
    if not cards:
        cards = '<p class="src-none">No sources cited for this answer.</p>'
    count = len(present)
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


def same_words(a: str, b: str) -> bool:
    """True when two labels differ only in case, spacing and punctuation.

    >>> same_words("Flight 9 at a glance", "flight 9 at a glance:"), same_words("Key facts", "Flight 9")
    (True, False)
    """
    return re.findall(r"\w+", a.casefold()) == re.findall(r"\w+", b.casefold())


def corpus_header(corpus_name: str, documents: int) -> str:
    """The line under the app title: which corpus and how many documents it holds."""
    return (
        f'<div class="corpus-info"><span class="corpus-name">{escape(corpus_name)}</span>'
        f'<span class="corpus-count">{documents} document{"" if documents == 1 else "s"}</span></div>'
    )


@dataclass(frozen=True)
class DocumentRow:
    """One line of the Documents panel."""

    doc_id: str
    title: str
    outlet: str | None
    date: str | None
    sentences: int


def document_row(doc: Document, sentences: int) -> DocumentRow:
    """The Documents panel's view of a document (outlet when its metadata has one)."""
    return DocumentRow(doc.doc_id, doc.title, doc.outlet, doc.date, sentences)


def documents_table(rows: Sequence[DocumentRow]) -> str:
    """The Documents panel's table: title (and file), outlet, date, sentence count."""
    if not rows:
        return '<p class="docs-empty">No documents yet: add .txt, .md or .html files with "Add documents".</p>'
    body = "".join(
        f'<tr data-doc="{escape(r.doc_id, quote=True)}"><td><span class="doc-title">{escape(r.title)}</span>'
        f'<span class="doc-file">{escape(r.doc_id)}</span></td><td>{escape(r.outlet or "")}</td>'
        f'<td>{escape(r.date or "")}</td><td class="num">{r.sentences}</td></tr>'
        for r in rows
    )
    return (
        '<table class="docs-table"><thead><tr><th>Document</th><th>Outlet</th><th>Date</th>'
        f'<th class="num">Sentences</th></tr></thead><tbody>{body}</tbody></table>'
    )


def document_preview(doc: Document, cited: Sequence[tuple[int, int]]) -> str:
    """A document's full text, paragraph by paragraph, with cited sentences marked.

    >>> document_preview(Document("a.txt", "One. Two.\\nThree.", "A", "h"), [(5, 9)])
    '<div class="doc-preview"><h3>A</h3><p>One. <mark>Two.</mark></p><p>Three.</p></div>'
    """
    spans = sorted({(s, e) for s, e in cited if 0 <= s < e <= len(doc.text)})
    out: list[str] = []
    pos = 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(escape(doc.text[pos:start]))
        out.append(f"<mark>{escape(doc.text[start:end])}</mark>")
        pos = end
    out.append(escape(doc.text[pos:]))
    paragraphs = "".join(f"<p>{p}</p>" for p in "".join(out).split("\n") if p.strip())
    return f'<div class="doc-preview"><h3>{escape(doc.title)}</h3>{paragraphs}</div>'


def cite_link(n: int, citation: Citation) -> str:
    """A briefing's marker ``[n]`` as a link to its source card ``bsrc-n``."""
    return f'<a class="cite" href="#bsrc-{n}" title="{escape(source_label(citation), quote=True)}">[{n}]</a>'


def briefing_html(briefing: Any, text_of: TextOf) -> tuple[str, str]:
    """A briefing note and its sources panel, as the chat shows answers: markers numbered
    through the whole note link to cards ``id="bsrc-n"``; the note carries its Markdown
    (``briefing.to_markdown()``) as hidden text for Copy and Download.

    ``briefing`` is an ``assistant.briefing.Briefing`` (sections of items with citations).
    """
    footnotes = Footnotes()
    parts = [f'<h2 class="brief-title">{escape(briefing.title)}</h2>']
    if briefing.topic:
        parts.append(f'<p class="brief-topic">Topic: {escape(briefing.topic)}</p>')
    for section in briefing.sections:
        items = []
        for item in section.items:
            text = footnotes.renumber(escape(item.text, quote=False), item.citations, cite_link)
            label = f'<b class="brief-label">{escape(item.label)}:</b> ' if item.label else ""
            items.append(f"<li>{label}{text}</li>")
        tag = "ol" if section.name == "Key points" else "ul"
        parts.append(f'<h3>{escape(section.name)}</h3><{tag} class="brief-items">{"".join(items)}</{tag}>')
    if not briefing.sections:
        parts.append(f'<p class="src-none">{escape(briefing.not_covered())}</p>')
    md = escape(briefing.to_markdown(), quote=False).replace("\n", "&#10;")
    note = f'<div class="briefing answer">{"".join(parts)}<div class="md-source">{md}</div></div>'
    cards = "".join(
        source_card(c, 0, text_of, prefix="bsrc").replace('id="bsrc-0-', 'id="bsrc-') for c in footnotes.notes
    )
    return note, cards or '<p class="src-none">No sources.</p>'
