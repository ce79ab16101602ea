"""How answers and briefings name a document: one rule (``sources.source_name``), the
outlet, else the title, else the file name; a document loaded without a title is titled
by its first line when that reads as a headline, else by its file name."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.briefing import Briefer
from assistant.corpus import load_document
from assistant.index import Snapshot
from assistant.records import Document
from assistant.sources import source_name

# (file, metadata TOML or None, text, name): documents written for this test.
LOADED = [
    (
        "ferry.txt",
        None,
        "Harbour ferry returns after repairs\n\nThe ferry sailed at dawn.\n",
        "Harbour ferry returns after repairs",
    ),
    ("notes.txt", None, "the council met on tuesday and agreed to delay the vote.\n", "notes.txt"),
    ("minutes.txt", None, "The meeting opened at nine and closed at noon.\n", "minutes.txt"),
    ("byline.txt", None, "By Priya Shah\n\nWheat prices rose again in May.\n", "byline.txt"),
    ("dated.txt", None, "12 March 2025\n\nThe clinic reopened its doors.\n", "dated.txt"),
    ("budget.md", None, "# Budget vote delayed\n\nCouncillors asked for more time.\n", "Budget vote delayed"),
    ("wire.txt", 'outlet = "Valley Wire"\n', "Tram drivers strike\n\nThe trams stopped.\n", "Valley Wire"),
    ("pub.txt", 'publisher = "The Ledger"\ntitle = "Rates on hold"\n', "Rates stay at 4%.\n", "The Ledger"),
    ("titled.txt", 'title = "Storm closes schools"\n', "schools shut on friday.\n", "Storm closes schools"),
]

# Documents built in code, as a caller of the library might: blank fields fall through.
BUILT = [
    (Document("news/a.txt", "x", "", "h"), "a.txt"),
    (Document("log/flood-log.txt", "x", "   ", "h", outlet="  "), "flood-log.txt"),
    (Document("b.txt", "x", " Strike ends ", "h"), "Strike ends"),
    (Document("c.txt", "x", "Strike ends", "h", outlet=" The Courier "), "The Courier"),
]


def _briefing_name(document: Document) -> str:
    """What a briefing's "Sources differ" line calls the document (alone in its corpus)."""

    def unused(*_: object) -> np.ndarray:
        raise AssertionError("naming a source needs no vectors or search")

    return Briefer(Snapshot(documents={document.doc_id: document}), unused, unused, unused)._source_name(
        document.doc_id
    )


@pytest.mark.parametrize(("file", "meta", "text", "name"), LOADED, ids=[row[0] for row in LOADED])
def test_a_loaded_document_is_named_alike_in_answers_and_briefings(
    tmp_path: Path, file: str, meta: str | None, text: str, name: str
) -> None:
    path = tmp_path / file
    path.write_text(text, encoding="utf-8")
    if meta is not None:
        path.with_suffix(".meta.toml").write_text(meta, encoding="utf-8")
    document = load_document(path, tmp_path)
    assert source_name(document) == name
    assert _briefing_name(document) == name


@pytest.mark.parametrize(("document", "name"), BUILT, ids=[row[0].doc_id for row in BUILT])
def test_a_built_document_is_named_alike_in_answers_and_briefings(document: Document, name: str) -> None:
    assert source_name(document) == name
    assert _briefing_name(document) == name
