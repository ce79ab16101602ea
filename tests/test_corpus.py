"""Reading corpus folders: formats, metadata, and clear errors for bad folders and files."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus import load_corpus, normalise_metadata, reads_as_headline
from assistant.errors import CorpusError
from assistant.records import Citation, Document, Sentence


def test_seed_article_is_unchanged_and_has_sidecar_metadata(article_corpus: Path, article_text: str) -> None:
    (doc,) = load_corpus(article_corpus)
    assert doc.doc_id == "000_c1187ead2ec13693.txt"
    assert doc.text == article_text
    assert doc.kind == "news report" and doc.date == "2025"
    assert "return hubs" in doc.title


def test_markdown_front_matter_is_metadata_not_text(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(
        "---\ntitle: Budget note\ndate: 2024-03-01\nsource_url: https://example.org/b\n---\n# Budget\nTaxes rise.\n",
        encoding="utf-8",
    )
    (doc,) = load_corpus(tmp_path)
    assert doc.title == "Budget note" and doc.date == "2024-03-01" and doc.source_url == "https://example.org/b"
    assert doc.text == "# Budget\nTaxes rise.\n"


def test_html_main_text_is_extracted(tmp_path: Path) -> None:
    page = """<html><head><title>Port strike ends | Daily News</title>
    <meta property="og:url" content="https://news.example.org/port"></head><body>
    <nav>Home | World | Sport</nav>
    <article><h1>Port strike ends after ten days</h1>
    <p>Dock workers in Rotterdam voted on Monday to end a strike that had lasted ten days.</p>
    <p>The union said members accepted a pay rise of 7 percent over two years, ending the dispute.</p>
    </article><footer>Copyright Daily News. Cookie settings.</footer></body></html>"""
    (tmp_path / "port.html").write_text(page, encoding="utf-8")
    (doc,) = load_corpus(tmp_path)
    assert "Dock workers in Rotterdam voted" in doc.text
    assert "Cookie settings" not in doc.text and "Home | World" not in doc.text
    assert doc.kind == "web page" and "Port strike" in doc.title


def test_hidden_files_and_other_suffixes_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kept.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    assert [d.doc_id for d in load_corpus(tmp_path)] == ["a.txt"]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p / "missing", "does not exist"),
        (lambda p: (p / "file.txt").write_text("x") and p / "file.txt", "is a file"),
        (lambda p: p, "holds no .txt, .md or .html files"),
        (lambda p: (p / "x.pdf").write_bytes(b"%PDF") and p, "holds no .txt, .md or .html files"),
    ],
)
def test_bad_folders_say_what_to_do(tmp_path: Path, setup, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CorpusError, match=message):
        load_corpus(setup(tmp_path))


def test_non_utf8_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Fine.", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 cr\xe8me.".encode("latin-1"))
    with pytest.raises(CorpusError, match=r"latin\.txt is not UTF-8.*iconv"):
        load_corpus(tmp_path)


def test_utf16_file_gets_the_right_advice(tmp_path: Path) -> None:
    (tmp_path / "wide.txt").write_bytes("Hello.".encode("utf-16"))
    with pytest.raises(CorpusError, match=r"wide\.txt is not UTF-8.*UTF-16.*iconv -f utf-16"):
        load_corpus(tmp_path)


# --------------------------------------------------------------------------- metadata


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # first lines of news reports, releases and transcripts from several stories
        ("Port strike ends after ten days", True),
        ("Floods: 40,000 homes without power in Valencia", True),
        ("Is nuclear power back on the table?", True),
        ("WHO declares the mpox emergency over", True),
        ("# Budget 2024: what changes for renters", True),
        ("\u201cWe said no\u201d: Albania rules out UK return hub", True),
        ("2,000 jobs to go at Port Talbot steelworks", True),
        # prose, bylines, dates and addresses are not headlines
        ("Dock workers in Rotterdam voted on Monday to end a strike that had lasted ten days.", False),
        (
            "The UK is in active talks to establish return hubs for failed asylum seekers, Prime "
            "Minister Sir Keir Starmer confirmed during his first official visit to Albania.",
            False,
        ),
        ("the minister said the plan would go ahead", False),
        ("By Jane Okafor, health correspondent", False),
        ("Monday 12 May 2025", False),
        ("12 May 2025", False),
        ("https://example.org/news/port-strike", False),
        ("Storm warning. Residents told to stay indoors", False),
        ("Summary:", False),
        ("Introduction", False),
        ("", False),
        (" ".join(["word"] * 25).capitalize(), False),
    ],
)
def test_reads_as_headline(line: str, expected: bool) -> None:
    assert reads_as_headline(line) is expected


@pytest.mark.parametrize(
    ("name", "text", "title"),
    [
        (
            "port.txt",
            "Port strike ends after ten days\n\nDock workers voted on Monday.\n",
            "Port strike ends after ten days",
        ),
        ("notes.txt", "Dock workers voted on Monday to end the strike.\nMore text.\n", "notes.txt"),
        (
            "blank-first.txt",
            "\n\n  Heatwave closes 1,200 schools in Punjab  \nBody.\n",
            "Heatwave closes 1,200 schools in Punjab",
        ),
        ("budget.md", "# Budget\nTaxes rise.\n", "Budget"),
        ("empty.txt", "", "empty.txt"),
    ],
)
def test_documents_without_metadata_are_titled_from_their_text(
    tmp_path: Path, name: str, text: str, title: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    (doc,) = load_corpus(tmp_path)
    assert doc.title == title and doc.outlet is None and doc.author is None
    assert doc.text == text


def test_sidecar_and_front_matter_accept_outlet_publisher_and_author(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rates held at 5.25 percent.\n", encoding="utf-8")
    (tmp_path / "a.meta.toml").write_text(
        'title = "Rates on hold"\npublisher = "The Ledger"\nauthor = "Sam Ito"\ndate = "2024-02-01"\n', encoding="utf-8"
    )
    (tmp_path / "b.md").write_text(
        "---\ntitle: Heat plan\noutlet: Valley Post\npublisher: ignored when outlet is given\n"
        "authors: [Ana Ruiz, Tom Bell]\n---\nCooling centres open.\n",
        encoding="utf-8",
    )
    a, b = load_corpus(tmp_path)
    assert (a.title, a.outlet, a.author, a.date) == ("Rates on hold", "The Ledger", "Sam Ito", "2024-02-01")
    assert (b.title, b.outlet, b.author) == ("Heat plan", "Valley Post", "Ana Ruiz, Tom Bell")


def test_metadata_change_changes_the_content_hash(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rates held.\n", encoding="utf-8")
    before = load_corpus(tmp_path)[0].content_hash
    (tmp_path / "a.meta.toml").write_text('outlet = "The Ledger"\n', encoding="utf-8")
    assert load_corpus(tmp_path)[0].content_hash != before


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({}, {}),
        ({"publisher": "BBC"}, {"outlet": "BBC"}),
        ({"outlet": "Reuters", "publisher": "BBC"}, {"outlet": "Reuters"}),
        ({"byline": "Lee Park"}, {"author": "Lee Park"}),
        ({"authors": ["A", " ", "B"]}, {"author": "A, B"}),
        ({"title": "  ", "kind": "press release", "tags": ["x"]}, {"kind": "press release"}),
    ],
)
def test_normalise_metadata(raw: dict[str, object], expected: dict[str, str]) -> None:
    assert normalise_metadata(raw) == expected


@pytest.mark.parametrize(
    ("file_name", "content", "date"),
    [
        # Hugo writes a timestamp; YAML and TOML read it as a datetime, which is shown as its day
        ("hugo.md", "---\ntitle: Pier closes\ndate: 2025-03-21T10:00:00Z\n---\nThe pier shut.\n", "2025-03-21"),
        ("jekyll.md", "---\ntitle: Tram fares\ndate: 2024-11-02 18:30:00 +01:00\n---\nFares rose.\n", "2024-11-02"),
        ("toml.txt", "The mill reopened.\n", "2024-02-01"),  # sidecar: date = 2024-02-01T08:30:00Z
        ("day.md", "---\ntitle: Bus lanes\ndate: 2023-06-05\n---\nLanes opened.\n", "2023-06-05"),
        ("words.md", "---\ntitle: Ferry\ndate: 5 June 2023\n---\nThe ferry ran.\n", "5 June 2023"),  # as written
    ],
)
def test_a_timestamp_date_is_shown_as_its_day(tmp_path: Path, file_name: str, content: str, date: str) -> None:
    (tmp_path / file_name).write_text(content, encoding="utf-8")
    if file_name == "toml.txt":
        (tmp_path / "toml.meta.toml").write_text("date = 2024-02-01T08:30:00Z\n", encoding="utf-8")
    (doc,) = load_corpus(tmp_path)
    assert doc.date == date


def test_citation_carries_outlet_and_author() -> None:
    doc = Document(
        "a.txt", "Rates held.", "Rates on hold", "h", kind="news report", outlet="The Ledger", author="Sam Ito"
    )
    sentence = Sentence("a.txt#s0", "a.txt", 0, 0, 11, "Rates held.")
    cited = Citation.of(1, sentence, doc).to_dict()
    assert (cited["title"], cited["outlet"], cited["author"]) == ("Rates on hold", "The Ledger", "Sam Ito")


def test_outlet_and_author_survive_the_index_and_reach_citations(tmp_path: Path) -> None:
    from assistant import Assistant

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "rates.txt").write_text(
        "Central bank holds rates\n\nThe central bank held its main rate at 5.25 percent on Thursday.\n",
        encoding="utf-8",
    )
    (corpus / "rates.meta.toml").write_text('publisher = "The Ledger"\nbyline = "Sam Ito"\n', encoding="utf-8")
    Assistant(corpus=corpus, index_dir=tmp_path / "index")
    bot = Assistant(corpus=corpus, index_dir=tmp_path / "index")  # reopened: metadata read back from the index
    doc = bot.document("rates.txt")
    assert (doc.title, doc.outlet, doc.author) == ("Central bank holds rates", "The Ledger", "Sam Ito")
    answer = bot.ask("At what level did the central bank hold its main rate?")
    assert answer.answered and answer.citations[0].outlet == "The Ledger"


# -- bad files are skipped, one reason each (issue 12, items 5-7, 9, 10) ---------------------

from assistant.corpus import binary_kind, read_corpus, strip_controls  # noqa: E402

GOOD = "Dock workers voted to end the strike on Monday.\n"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("latin.txt", "Caf\xe9 cr\xe8me is served.".encode("latin-1"), "is not UTF-8"),
        ("bom16.txt", "A budget note.".encode("utf-16"), "UTF-16"),
        ("nobom16.txt", "The council met on Tuesday.".encode("utf-16-le"), "UTF-16"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary data"),
        ("bomb.md", b"---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\nBody.\n", "aliases"),
        ("broken.md", b"---\ntitle: [unclosed\n---\nBody.\n", "not valid YAML"),
        ("huge.md", b"---\ntitle: " + b"x" * 70_000 + b"\n---\nBody.\n", "front matter is longer"),
        ("sidecar.txt", b"Rates fell.\n", "not valid TOML"),
    ],
)
def test_a_bad_file_is_skipped_with_its_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    if name == "sidecar.txt":
        (tmp_path / "sidecar.meta.toml").write_text("title = [oops", encoding="utf-8")
    found = read_corpus(tmp_path)
    assert [d.doc_id for d in found.documents] == ["good.txt"]
    (skipped,) = found.skipped
    assert skipped.path == name and reason in skipped.reason
    assert skipped.line().startswith(f"skipped {name}: ")
    assert "1 skipped" in found.summary() and name in found.summary()
    with pytest.raises(CorpusError, match=reason):
        read_corpus(tmp_path, strict=True)


def test_a_file_over_the_size_limit_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "big.txt").write_text("Word. " * 400_000, encoding="utf-8")  # 2.4 MB
    found = read_corpus(tmp_path, max_bytes=2 * 1024 * 1024)
    assert [s.path for s in found.skipped] == ["big.txt"]
    assert "over the 2 MB limit per file" in found.skipped[0].reason
    assert len(read_corpus(tmp_path).documents) == 2  # the default limit is 10 MB


def test_only_bad_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(b"Caf\xe9.")
    with pytest.raises(CorpusError, match=r"no readable documents \(skipped latin\.txt"):
        read_corpus(tmp_path)


def test_links_leaving_the_corpus_are_not_followed(tmp_path: Path) -> None:
    corpus, outside = tmp_path / "corpus", tmp_path / "secret"
    corpus.mkdir(), outside.mkdir()
    (outside / "keys.txt").write_text("The vault code is 1234.\n", encoding="utf-8")
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "inside.txt").symlink_to(corpus / "good.txt")
    (corpus / "leak.txt").symlink_to(outside / "keys.txt")
    (corpus / "leakdir").symlink_to(outside, target_is_directory=True)
    found = read_corpus(corpus)
    assert [d.doc_id for d in found.documents] == ["good.txt", "inside.txt"]
    assert [s.path for s in found.skipped] == ["leak.txt", "leakdir"] and "--follow-links" in str(found.skipped[0].hint)
    assert found.skipped[1].reason == "is a link to a folder outside the corpus folder"  # not silently left out
    followed = read_corpus(corpus, follow_links=True)
    assert [d.doc_id for d in followed.documents] == ["good.txt", "inside.txt", "leak.txt", "leakdir/keys.txt"]


def test_a_link_loop_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "sub" / "again").symlink_to(tmp_path, target_is_directory=True)
    assert [d.doc_id for d in read_corpus(tmp_path, follow_links=True).documents] == ["sub/a.txt"]


def test_an_unreadable_folder_is_reported_and_its_documents_kept(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os

    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "old.txt").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":  # root reads any folder, so the refusal is simulated
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = read_corpus(tmp_path)
    assert [d.doc_id for d in found.documents] == ["good.txt"] and found.unreadable == ["locked"]
    assert found.keeps("locked/old.txt") and not found.keeps("gone.txt")
    with pytest.raises(CorpusError, match="cannot read the folder"):
        read_corpus(tmp_path, strict=True)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Markets \x1b[2J\x1b[Hrallied.", "Markets rallied."),
        ("The \x1b]0;owned\x07minister spoke.", "The minister spoke."),
        ("Bold \x1b[1mclaim\x1b[0m here.", "Bold claim here."),
        ("Nul\x00 and bell\x07 and \x9b31m C1.", "Nul and bell and  C1."),
        ("Tabs\tand\nlines\r\nstay.\x0c", "Tabs\tand\nlines\r\nstay.\x0c"),
        ("Unicode “quotes” and é stay.", "Unicode “quotes” and é stay."),
    ],
)
def test_strip_controls(raw: str, clean: str) -> None:
    assert strip_controls(raw) == clean


def test_control_characters_are_gone_before_offsets_are_taken(tmp_path: Path) -> None:
    from assistant.sentences import split_sentences

    (tmp_path / "esc.txt").write_text("Prices \x1b[31mrose\x1b[0m sharply. Rents fell.\n", encoding="utf-8")
    (doc,) = load_corpus(tmp_path)
    assert "\x1b" not in doc.text
    for s in split_sentences(doc.doc_id, doc.text):
        assert doc.text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"Plain English.", None),
        ("Ünïcödé text.".encode(), None),
        ("Little endian.".encode("utf-16-le"), "utf-16"),
        ("Big endian.".encode("utf-16-be"), "utf-16"),
        ("With a mark.".encode("utf-16"), "utf-16"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00", "binary"),
    ],
)
def test_binary_kind(raw: bytes, kind: str | None) -> None:
    assert binary_kind(raw) == kind


def test_metadata_is_one_line_without_control_characters(tmp_path: Path) -> None:
    (tmp_path / "tram.md").write_text(
        '---\ntitle: "Trams run again \\e]0;pwned\\a"\nauthor: ["Ana\\nLee", "Bo Yu"]\n---\nTrams resumed on Monday.\n',
        encoding="utf-8",
    )
    (tmp_path / "ferry.txt").write_text("Fares rose in June.\n", encoding="utf-8")
    (tmp_path / "ferry.meta.toml").write_text('outlet = "Harbour\\u001b[2J Times"\n', encoding="utf-8")
    docs = {d.doc_id: d for d in read_corpus(tmp_path).documents}
    assert (docs["tram.md"].title, docs["tram.md"].author) == ("Trams run again", "Ana Lee, Bo Yu")
    assert docs["ferry.txt"].outlet == "Harbour Times"
