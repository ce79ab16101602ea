"""Sentence splitting: the golden split of the seed article, edge inputs, and invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.sentences import split_sentences

# The exact split of the seed article: (kind, first words) of every unit, in order.
GOLDEN = [
    ("sentence", "The UK is in active talks to establish return hubs"),
    ("sentence", "The aim is to create overseas processing centres"),
    ("heading", "Return Hubs to Target Rejected Asylum Seekers Only"),
    ("sentence", "Speaking at a press conference alongside Albanian Prime Minister Edi Rama"),
    ("sentence", "Albania, however, has publicly ruled out participation"),
    ("sentence", "“These hubs are an important innovation"),
    ("sentence", "He clarified the hubs would be used only"),
    ("heading", "Policy Distinct from Rwanda Scheme"),
    ("sentence", "The return hub initiative is distinct from the scrapped Rwanda scheme"),
    ("sentence", "That policy, which Sir Keir cancelled,"),
    ("sentence", "In contrast, the current proposal would only apply"),
    ("sentence", "A similar plan between Italy and Albania is currently stalled"),
    ("sentence", "Rama dismissed speculation about Albania’s involvement"),
    ("sentence", "Conservative critics quickly seized on this statement"),
    ("heading", "UK-Albania Cooperation Targets Crime and Migration"),
    ("sentence", "Despite Albania’s exclusion from the return hub proposal"),
    ("sentence", "The Joint Migration Task Force will expand to include North Macedonia"),
    ("sentence", "The UK government will also:"),
    ("bullet", "Invest £1 million to upgrade Albania’s digital forensics"),
    ("bullet", "Fund a new DNA-tracking programme"),
    ("bullet", "Launch reintegration initiatives for young Albanians"),
    ("bullet", "Provide drone technology to assist Balkan law enforcement"),
    ("heading", "Record Channel Crossings Drive Urgency"),
    ("sentence", "More than 12,000 people have crossed the Channel so far in 2025"),
    ("sentence", "The government claims a 95% drop in Albanian arrivals"),
    ("sentence", "Sir Keir insists his administration is committed"),
    ("sentence", "The return hub proposal and tougher migration strategy"),
]


def test_golden_split_of_the_seed_article(article_text: str) -> None:
    units = split_sentences("a", article_text)
    assert [(u.kind, u.text[: len(start)]) for u, (_, start) in zip(units, GOLDEN, strict=False)] == GOLDEN
    assert len(units) == len(GOLDEN)
    # Quotations stay whole, with their closing mark.
    assert units[5].text.endswith("said Starmer.")
    assert units[12].text.endswith("marriage with Italy.”")
    assert units[25].text.endswith("fixing a broken system.”")
    assert units[13].text.endswith("“an embarrassment”.")


def test_bullets_carry_their_lead_in_and_section(article_text: str) -> None:
    units = split_sentences("a", article_text)
    bullets = [u for u in units if u.kind == "bullet"]
    assert len(bullets) == 4
    assert {b.lead_in for b in bullets} == {"The UK government will also:"}
    assert {b.section for b in bullets} == {"UK-Albania Cooperation Targets Crime and Migration"}
    # The bullet mark is not part of the quote.
    assert bullets[0].text.startswith("Invest £1 million")
    headings = [u for u in units if u.kind == "heading"]
    assert all(h.section is None and not h.citable for h in headings)


def test_offsets_and_ids(article_text: str) -> None:
    units = split_sentences("doc.txt", article_text)
    for i, u in enumerate(units):
        assert article_text[u.start : u.end] == u.text
        assert u.sentence_id == f"doc.txt#s{i}"
    assert split_sentences("doc.txt", article_text) == units  # stable across runs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("   \n\n ", []),
        ("x", ["x"]),
        ("Hello 👋 world. Bye 🎉.", ["Hello 👋 world.", "Bye 🎉."]),
        (
            "Mr. Smith met Dr. Jones in the U.K. today. They talked.",
            ["Mr. Smith met Dr. Jones in the U.K. today.", "They talked."],
        ),
        (
            "Costs rose 95% to £1.5 million, e.g. for 12,000 people. Then fell.",
            ["Costs rose 95% to £1.5 million, e.g. for 12,000 people.", "Then fell."],
        ),
        ("“We said no,” he said. It ended.", ["“We said no,” he said.", "It ended."]),
        ("Line one.\r\nLine two.", ["Line one.", "Line two."]),
        (
            "A sentence that is wrapped\nacross two lines. Next one.",
            ["A sentence that is wrapped\nacross two lines.", "Next one."],
        ),
    ],
)
def test_edge_inputs(text: str, expected: list[str]) -> None:
    assert [u.text for u in split_sentences("d", text)] == expected


def test_markdown_headings_and_numbered_lists() -> None:
    text = "# Budget 2025\nThe plan has three parts:\n1. Cut taxes.\n2. Raise spending.\n\nEnd of story."
    units = split_sentences("d", text)
    assert [(u.kind, u.text) for u in units] == [
        ("heading", "Budget 2025"),
        ("sentence", "The plan has three parts:"),
        ("bullet", "Cut taxes."),
        ("bullet", "Raise spending."),
        ("sentence", "End of story."),
    ]
    assert units[2].lead_in == "The plan has three parts:"
    assert units[4].section == "Budget 2025"


@pytest.mark.parametrize(
    ("text", "lead_in"),
    [
        ("The council will:\n\n- mend the roads;\n- open a library.", "The council will:"),
        ("Volunteers should bring:\n- gloves\n- water", "Volunteers should bring:"),
        ("The club has three aims.\n\n- win the league\n- grow the youth side", None),
        ("Bring these:\n- tents\n\n- stoves", None),  # the second list has no lead-in
    ],
)
def test_a_list_s_lead_in_is_the_line_above_it_ending_with_a_colon(text: str, lead_in: str | None) -> None:
    assert [u.lead_in for u in split_sentences("d", text) if u.kind == "bullet"][-1] == lead_in


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400))
def test_spans_are_exact_ordered_and_disjoint(text: str) -> None:
    units = split_sentences("d", text)
    last_end = 0
    for u in units:
        assert text[u.start : u.end] == u.text
        assert u.text == u.text.strip() and u.text
        assert u.start >= last_end
        last_end = u.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Intro.\n<!-- a note -->\nNext line here.", ["Intro.", "<!-- a note -->", "Next line here."]),
        ("<!-- one. Two!\nthree -->\nBody text.", ["<!-- one. Two!\nthree -->", "Body text."]),
        ("<!-- note --> Same line after.", ["<!-- note -->", "Same line after."]),
        ("<!-- never closed\nNext line.", ["<!-- never closed", "Next line."]),
    ],
)
def test_an_html_comment_opening_a_line_is_one_unit(text: str, expected: list[str]) -> None:
    assert [u.text for u in split_sentences("d", text)] == expected


# Sentences from several kinds of documents (a court report, a weather bulletin, a recipe
# blog, a sports report), run together into paragraphs far longer than a block.
LONG_PARAGRAPH_SENTENCES = [
    "The court heard that Mr. Dale paid £4,500 to the contractor on 3 March.",
    "Judge Amara Osei said the evidence was “thin, but not nothing.”",
    "Showers will clear by mid-afternoon, with highs of 14C in the south.",
    "Is it worth soaking the beans overnight?",
    "Yes: it halves the cooking time, and the skins stay whole!",
    "The visitors led 2-1 at half-time after goals from Ruiz and St. John.",
    "Attendance was 41,230, the club's highest since the 2019-20 season.",
]


def _long_paragraph(sentences: int) -> str:
    return " ".join(LONG_PARAGRAPH_SENTENCES[i % len(LONG_PARAGRAPH_SENTENCES)] for i in range(sentences))


@pytest.mark.parametrize("block", [300, 1000, 4000])
def test_a_long_paragraph_is_split_in_blocks_as_if_whole(block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.sentences

    text = "Heading of a long page\n\n" + _long_paragraph(160) + "\n\nA last line."
    monkeypatch.setattr(assistant.sentences, "BLOCK_CHARS", 10**9)
    whole = [(u.start, u.end) for u in split_sentences("d", text)]
    monkeypatch.setattr(assistant.sentences, "BLOCK_CHARS", block)
    units = split_sentences("d", text)
    assert [(u.start, u.end) for u in units] == whole
    assert all(text[u.start : u.end] == u.text for u in units)


def test_a_run_on_longer_than_a_block_is_cut_and_loses_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.sentences

    monkeypatch.setattr(assistant.sentences, "BLOCK_CHARS", 100)
    text = " ".join(f"word{i}" for i in range(200)) + "\n" + "x" * 250
    units = split_sentences("d", text)
    assert all(text[u.start : u.end] == u.text for u in units)
    assert "".join("".join(u.text.split()) for u in units) == "".join(text.split())  # all of it, once, in order
    assert max(len(u.text) for u in units) <= 100


def test_splitting_reports_progress_in_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.sentences

    monkeypatch.setattr(assistant.sentences, "PROGRESS_CHARS", 2000)
    text = "\n\n".join(_long_paragraph(5) for _ in range(40))
    calls: list[tuple[int, int]] = []
    split_sentences("d", text, progress=lambda done, total: calls.append((done, total)))
    assert len(calls) >= 5 and calls[-1] == (len(text), len(text))
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
