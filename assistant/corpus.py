"""Read a corpus folder into ``Document`` records.

Scope: ``.txt`` files (metadata in an optional sidecar ``<stem>.meta.toml``), ``.md``
files (metadata in optional YAML front matter, or the sidecar) and saved ``.html`` news
pages (main text and metadata extracted by trafilatura). Files and folders whose names
start with ``.`` are ignored, and so are sidecars. A document's text is what citation
offsets point into: the file's decoded text for ``.txt``, the body after the front
matter for ``.md``, the extracted main text for ``.html``.

Not handled: PDF, Word or other binary formats; encodings other than UTF-8.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from assistant.errors import CorpusError
from assistant.records import Document

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
SIDECAR_SUFFIX = ".meta.toml"
METADATA_KEYS = ("title", "kind", "date", "source_url")


def corpus_files(folder: Path) -> list[Path]:
    """The document files under ``folder``, sorted, or a ``CorpusError`` saying what to do."""
    if not folder.exists():
        raise CorpusError(
            f"corpus folder {folder} does not exist: create it and add .txt, .md or .html files, or pass --corpus DIR"
        )
    if not folder.is_dir():
        raise CorpusError(f"corpus path {folder} is a file, not a folder: pass the folder that holds the documents")
    files = sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix.lower() in SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )
    if not files:
        raise CorpusError(f"{folder} holds no .txt, .md or .html files: add documents or pass --corpus DIR")
    return files


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"cannot read {path}: {exc.strerror or exc}; check its permissions") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            hint = f"it is UTF-16: convert it with `iconv -f utf-16 -t utf-8 {path.name}`"
        else:
            hint = "convert it to UTF-8 (for Latin-1 text: `iconv -f latin1 -t utf-8`)"
        raise CorpusError(
            f"{path} is not UTF-8 text (byte {exc.start} is invalid): {hint}, or move it out of the corpus"
        ) from exc
    return text.removeprefix("\ufeff")


def _sidecar(path: Path) -> dict[str, Any]:
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        return tomllib.loads(_read_text(sidecar))
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"{sidecar} is not valid TOML ({exc}): fix it or delete it") from exc


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter (between ``---`` lines at the top) from a Markdown body.

    >>> split_front_matter("---\\ntitle: A\\n---\\nBody")
    ({'title': 'A'}, 'Body')
    """
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            import yaml

            try:
                meta = yaml.safe_load("\n".join(lines[1:i])) or {}
            except yaml.YAMLError as exc:
                raise CorpusError(f"front matter is not valid YAML: {exc}") from exc
            if not isinstance(meta, dict):
                return {}, text
            return meta, "\n".join(lines[i + 1 :])
    return {}, text


def _html_document(html: str) -> tuple[dict[str, Any], str]:
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) or ""
    meta = trafilatura.extract_metadata(html)
    found: dict[str, Any] = {"kind": "web page"}
    if meta is not None:
        found.update(title=meta.title, date=meta.date, source_url=meta.url)
    return {k: v for k, v in found.items() if v}, body


def _title_from(path: Path, text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 120 else line[:117] + "..."
    return path.stem


def load_document(path: Path, folder: Path) -> Document:
    """Read one file into a ``Document``; ``doc_id`` is its path relative to ``folder``."""
    raw = _read_text(path)
    meta: dict[str, Any] = {}
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        meta, text = _html_document(raw)
    elif suffix in (".md", ".markdown"):
        try:
            meta, text = split_front_matter(raw)
        except CorpusError as exc:
            raise CorpusError(f"{path}: {exc}") from exc
    else:
        text = raw
    meta = {**meta, **_sidecar(path)}
    meta = {k: str(meta[k]) for k in METADATA_KEYS if meta.get(k) not in (None, "")}
    doc_id = path.relative_to(folder).as_posix()
    digest = hashlib.sha256(text.encode("utf-8"))
    digest.update(json.dumps(meta, sort_keys=True).encode("utf-8"))
    return Document(
        doc_id=doc_id,
        text=text,
        title=meta.get("title") or _title_from(path, text),
        content_hash=digest.hexdigest(),
        kind=meta.get("kind", "document"),
        date=meta.get("date"),
        source_url=meta.get("source_url"),
        path=str(path.resolve()),
    )


def load_corpus(folder: Path | str) -> list[Document]:
    """Every document of the corpus folder, in path order."""
    folder = Path(folder)
    return [load_document(path, folder) for path in corpus_files(folder)]


def corpus_hash(documents: Iterable[Document]) -> str:
    """One hash for the whole corpus: changes when any document is added, changed or removed."""
    digest = hashlib.sha256()
    for doc in sorted(documents, key=lambda d: d.doc_id):
        digest.update(f"{doc.doc_id}\0{doc.content_hash}\n".encode())
    return digest.hexdigest()
