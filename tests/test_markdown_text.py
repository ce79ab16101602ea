"""Text pasted as Markdown (answers, briefings and their footnotes) is escaped by one rule,
``references.markdown_text``. Examples written for this test."""

from __future__ import annotations

import pytest

from assistant.briefing import KEY_POINTS, Briefing, BriefingItem, BriefingSection
from assistant.records import Citation
from assistant.references import markdown_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rates rose 0.25 points [1].", "Rates rose 0.25 points [1]."),
        ("The *new* plan", "The \\*new\\* plan"),
        ("file_name and `code`", "file\\_name and \\`code\\`"),
        ("a <b>bold</b> claim", "a &lt;b&gt;bold&lt;/b&gt; claim"),
        ("C:\\temp", "C:\\\\temp"),
        ("", ""),
    ],
)
def test_markdown_text(text: str, expected: str) -> None:
    assert markdown_text(text) == expected


def test_a_briefing_escapes_its_items_as_its_footnotes() -> None:
    quote = "Fares rise to <b>£3</b> on *Monday*."
    cited = Citation(1, "fares.txt", "fares.txt#s0", quote, 0, len(quote), title="Fares <update>")
    item = BriefingItem(text=f"{quote} [1]", citations=(cited,), label="<fares>")
    md = Briefing("Brief <x>", None, (BriefingSection(KEY_POINTS, (item,)),)).to_markdown()
    assert md.startswith("# Brief &lt;x&gt;\n")
    assert "1. **&lt;fares&gt;**: Fares rise to &lt;b&gt;£3&lt;/b&gt; on \\*Monday\\*. [1]" in md
    assert '[1] "Fares rise to &lt;b&gt;£3&lt;/b&gt; on \\*Monday\\*." (Fares &lt;update&gt;, sentence 1)' in md
    assert "\\<" not in md
