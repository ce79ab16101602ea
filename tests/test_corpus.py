"""Reading corpus folders: formats, metadata, and clear errors for bad folders and files."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus import load_corpus
from assistant.errors import CorpusError


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
