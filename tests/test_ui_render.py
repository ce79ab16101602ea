"""The chat UI's pure HTML: highlighting in context, escaping, marker links, the panel."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.records import Answer, Citation, Document, ShortAnswer
from assistant.references import answer_markdown, source_label
from assistant.suggestions import question_from
from assistant.ui_render import (
    Turn,
    answer_from_dict,
    answer_html,
    briefing_html,
    corpus_header,
    document_preview,
    error_html,
    highlight_in_paragraph,
    paragraph_bounds,
    source_card,
    sources_panel,
)

SEED = Path(__file__).resolve().parents[1] / "corpus" / "000_c1187ead2ec13693.txt"
DOC = "Heading One\nFirst <b>claim</b> & more. Second claim.\n• A bullet line\nLast line"


def cite(marker: int, quote: str, text: str = DOC, **kw: object) -> Citation:
    start = text.index(quote)
    return Citation(
        marker=marker,
        doc_id="doc.txt",
        sentence_id=f"doc.txt#s{marker}",
        quote=quote,
        start=start,
        end=start + len(quote),
        title=str(kw.pop("title", "A <Title>")),
        **kw,  # type: ignore[arg-type]
    )


def text_of(doc_id: str) -> str | None:
    return DOC if doc_id == "doc.txt" else None


def marked(fragment: str) -> str:
    """The unescaped text inside the one <mark> of ``fragment``."""
    (inner,) = re.findall(r"<mark>(.*?)</mark>", fragment, flags=re.S)
    return html.unescape(inner.replace("<br>", "\n"))


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("", 0, 0, (0, 0)),  # empty document
        ("x", 0, 1, (0, 1)),  # one character, no newline
        ("a\nb", 2, 3, (2, 3)),  # last line, no final newline
        ("a\nb\n", 0, 1, (0, 1)),  # first line
        ("one\ntwo\nthree", 2, 6, (0, 7)),  # a span across a line break takes both lines
        ("one\n\ntwo", 4, 4, (4, 4)),  # empty span on an empty line
    ],
)
def test_paragraph_bounds_edges(text: str, start: int, end: int, expected: tuple[int, int]) -> None:
    assert paragraph_bounds(text, start, end) == expected


def test_highlight_escapes_everything_and_keeps_the_paragraph() -> None:
    c = cite(1, "First <b>claim</b> & more.")
    out = highlight_in_paragraph(DOC, c.start, c.end)
    assert out == "<mark>First &lt;b&gt;claim&lt;/b&gt; &amp; more.</mark> Second claim."
    assert "<b>" not in out
    assert "Heading One" not in out and "bullet" not in out  # only its own paragraph


def test_highlight_clips_a_very_long_paragraph() -> None:
    text = "a" * 5000 + " The quote. " + "b" * 5000
    start = text.index("The quote.")
    out = highlight_in_paragraph(text, start, start + len("The quote."))
    assert marked(out) == "The quote."
    assert out.startswith("\u2026") and out.endswith("\u2026") and len(out) < 1400


@given(
    text=st.text(alphabet=st.sampled_from("ab <>&\"'\n\u2022\u201c.é😀"), max_size=60),
    data=st.data(),
)
def test_highlight_marks_exactly_the_quote(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    out = highlight_in_paragraph(text, start, end)
    assert marked(out) == text[start:end].replace("\r", "")
    para_start, para_end = paragraph_bounds(text, start, end)
    plain = html.unescape(re.sub(r"</?mark>", "", out).replace("<br>", "\n"))
    assert plain == text[para_start:para_end]
    assert "<" not in re.sub(r"</?mark>|<br>", "", out)  # no markup but ours


def test_source_card_shows_title_section_lead_in_and_the_mark() -> None:
    c = cite(2, "• A bullet line", section="Heading One", lead_in="Intro <line>:")
    card = source_card(c, 3, text_of)
    assert 'id="src-3-2"' in card
    assert "A &lt;Title&gt;" in card and "Heading One" in card
    assert "Intro &lt;line&gt;:" in card
    assert marked(card) == "• A bullet line"
    assert "src-related" not in card and "src-stale" not in card


def test_source_card_shows_document_metadata_and_a_safe_source_link() -> None:
    c = cite(1, "Second claim.", kind="news report", date="2025", source_url='https://example.org/a?b="c"')
    card = source_card(c, 1, text_of)
    assert "news report · 2025" in card
    assert 'href="https://example.org/a?b=&quot;c&quot;"' in card and 'rel="noopener noreferrer"' in card
    unsafe = source_card(cite(1, "Second claim.", source_url="javascript:alert(1)"), 1, text_of)
    assert "javascript:" not in unsafe and "<a " not in unsafe


def test_source_card_related_reading_is_labelled() -> None:
    card = source_card(cite(1, "Second claim.", related=True), 1, text_of)
    assert "src-related" in card and "related reading" in card


@pytest.mark.parametrize("known", [False, True])
def test_source_card_falls_back_to_the_quote_when_the_text_differs(known: bool) -> None:
    c = cite(1, "Second claim.")
    changed = "something else entirely, much longer than the offsets"
    card = source_card(c, 1, (lambda _: changed) if known else (lambda _: None))
    assert marked(card) == "Second claim."
    assert "src-stale" in card


def test_answer_html_links_markers_and_escapes_text() -> None:
    answer = Answer(
        question="q",
        text="A <i>claim</i> & *not emphasis* [1]. Another [2]. Unknown [9].",
        answered=True,
        citations=[cite(1, "First <b>claim</b> & more."), cite(2, "Second claim.")],
    )
    out = answer_html(answer, 4)
    assert '<a class="cite" href="#src-4-1"' in out and '<a class="cite" href="#src-4-2"' in out
    assert "[9]" in out and "#src-4-9" not in out  # no citation, no link
    assert "&lt;i&gt;claim&lt;/i&gt; &amp; *not emphasis*" in out
    assert "\n\n" not in out  # one HTML block: Markdown leaves it alone
    assert "verdict-answer" in out
    # the hover title carries the quote, escaped for an attribute
    assert 'title="A &lt;Title&gt;, sentence 2: First &lt;b&gt;claim&lt;/b&gt; &amp; more."' in out


@pytest.mark.parametrize(
    ("behaviour", "answered", "css"),
    [
        ("answer", True, "verdict-answer"),
        ("decline", False, "verdict-decline"),
        ("answer", False, "verdict-decline"),  # not answered is never shown as an answer
        ("correct_premise", True, "verdict-correction"),
    ],
)
def test_answer_html_verdicts_differ(behaviour: str, answered: bool, css: str) -> None:
    answer = Answer(question="q", text="Text.", answered=answered, behaviour=behaviour)  # type: ignore[arg-type]
    assert f'class="answer {css} turn-1"' in answer_html(answer, 1)


def test_answer_html_keeps_lines_as_paragraphs() -> None:
    answer = Answer(question="q", text="Lead-in: [1]\n• bullet [2]\n", answered=True)
    assert answer_html(answer, 1).count("<p>") == 2


def test_error_html_escapes() -> None:
    assert "&lt;script&gt;" in error_html("<script>")


def test_sources_panel_newest_first_and_open() -> None:
    first = Answer(question="First?", text="A [1].", answered=True, citations=[cite(1, "Second claim.")])
    second = Answer(question="Second <q>?", text="Nothing.", answered=False, behaviour="decline")
    panel = sources_panel([Turn(1, first), Turn(2, second)], text_of)
    assert panel.index('id="turn-2"') < panel.index('id="turn-1"')
    assert re.search(r'id="turn-2"[^>]*open', panel) and not re.search(r'id="turn-1"[^>]*open', panel)
    assert "Second &lt;q&gt;?" in panel and "No sources cited" in panel
    assert "Sources appear here" in sources_panel([], text_of)


def test_corpus_header_counts_documents() -> None:
    header = corpus_header("my <corpus>", 2)
    assert "my &lt;corpus&gt;" in header and "2 documents" in header
    assert "1 document<" in corpus_header("c", 1)


def test_answer_markdown_has_footnotes_and_no_html() -> None:
    answer = Answer(
        question="q",
        text="A <i>claim</i> [1].",
        answered=True,
        citations=[cite(1, "First <b>claim</b> & more.", date="2024-05-01")],
    )
    md = answer_markdown(answer)
    assert md.startswith("A &lt;i&gt;claim&lt;/i&gt; [1].\n\n- [1] ")
    assert '"First &lt;b&gt;claim&lt;/b&gt; & more." (A &lt;Title&gt;, 2024-05-01, sentence 2)' in md
    assert not re.search(r"<[a-zA-Z/]", md)
    bubble = answer_html(answer, 1)
    hidden = re.search(r'<div class="md-source">(.*?)</div>', bubble)
    assert hidden and html.unescape(hidden.group(1)) == md  # what Copy puts on the clipboard
    assert "\n\n" not in bubble


def test_answer_round_trips_through_a_browser_store() -> None:
    answer = Answer(question="q", text="T [1].", answered=True, citations=[cite(1, "Second claim.")])
    stored = {**answer.to_dict(), "future_field": 1}
    assert answer_from_dict(stored) == answer
    short = {"text": "claim", "marker": 1, "start": 0, "end": 5}
    assert answer_from_dict({**stored, "short_answer": short}).short_answer == ShortAnswer(**short)


def test_readable_reference_never_shows_a_hash() -> None:
    c = Citation(3, "dir/000_c1187ead2ec13693.txt", "dir/000_c1187ead2ec13693.txt#s11", "Q.", 0, 2)
    assert source_label(c) == "000_c1187ead2ec13693.txt, sentence 12"
    titled = Citation(3, "x.txt", "x.txt#s0", "Q.", 0, 2, title="Ferry kept", date="2025")
    assert source_label(titled) == "Ferry kept, 2025, sentence 1"


def test_inline_sources_and_removed_documents() -> None:
    answer = Answer(
        question="q",
        text="A [1]. B [2].",
        answered=True,
        citations=[cite(1, "Second claim."), cite(2, "First <b>claim</b> & more.")],
    )
    bubble = answer_html(answer, 2, text_of)
    assert "Sources (2)" in bubble and 'id="isrc-2-1"' in bubble
    assert "inline-sources" not in answer_html(answer, 2, lambda _: None)
    panel = sources_panel([Turn(1, answer)], lambda _: None)
    assert "src-1-1" not in panel and "2 sources from a removed document" in panel


def test_document_preview_marks_cited_sentences() -> None:
    doc = Document("d.txt", "Head\nOne <x>. Two.\nThree.", "D & co", "h")
    out = document_preview(doc, [(5, 13), (19, 25)])
    assert out.count("<mark>") == 2 and "One &lt;x&gt;." in out and "D &amp; co" in out


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        ("The harbour council voted on Tuesday to keep the ferry.", None),  # no name
        ("Councillor Brenna Holt said the ferry was the only link.", "What did Councillor Brenna Holt say?"),
        ("\u201cWe will reopen in May,\u201d said Tomas Reyes.", "What did Tomas Reyes say?"),
        ("Meanwhile the EU rejected the proposal.", "What did the EU reject?"),
        ("In March, Ofwat approved the water company's plan.", "What did Ofwat approve?"),
        ("The council of Lindmoor voted to keep it.", None),  # a name after "of" is not the subject
        ("Rama dismissed speculation about a deal.", "What did Rama dismiss?"),
        ("It rained all week.", None),
    ],
)
def test_questions_from_sentences(sentence: str, question: str | None) -> None:
    made = question_from(sentence)
    assert (made[0] if made else None) == question


def test_briefing_html_numbers_markers_through_the_note() -> None:
    from assistant.briefing import Briefing, BriefingItem, BriefingSection

    first, second = cite(1, "Second claim."), cite(2, "First <b>claim</b> & more.")
    briefing = Briefing(
        title="Briefing <all>",
        topic=None,
        sections=(
            BriefingSection("Key points", (BriefingItem("Second claim. [1]", (first,)),)),
            BriefingSection(
                "Who said what",
                (
                    BriefingItem(
                        "First claim & more. [1] Second claim. [2]",
                        (replace(second, marker=1), replace(first, marker=2)),
                        "Ann",
                    ),
                ),
            ),
        ),
    )
    note, cards = briefing_html(briefing, text_of)
    assert note.count('href="#bsrc-1"') == 2 and note.count('href="#bsrc-2"') == 1  # one number per source
    assert 'id="bsrc-1"' in cards and 'id="bsrc-2"' in cards and cards.count("<article") == 2
    assert "Briefing &lt;all&gt;" in note and '<b class="brief-label">Ann:</b>' in note
    hidden = re.search(r'<div class="md-source">(.*?)</div>', note)
    assert hidden and html.unescape(hidden.group(1)) == briefing.to_markdown()


@pytest.mark.parametrize(
    ("title", "section", "shown"),
    [
        ("Flight 9 at a glance", "Flight 9 at a glance", False),  # a plain .txt: first line is title and heading
        ("Ferry strike: the facts", "FERRY STRIKE - THE FACTS", False),
        ("Ferry strike: the facts", "Timetable", True),
        ("Council budget 2026", "What the council said", True),
    ],
)
def test_a_section_that_repeats_the_title_is_not_shown(title: str, section: str, shown: bool) -> None:
    citation = replace(cite(1, "Second claim."), title=title, section=section)
    card = source_card(citation, 1, text_of)
    assert ('class="src-section"' in card) is shown
