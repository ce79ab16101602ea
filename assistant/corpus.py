"""Read a corpus folder into ``Document`` records.

Scope: ``.txt`` files (metadata in an optional sidecar ``<stem>.meta.toml``), ``.md``
files (metadata in optional YAML front matter, or the sidecar) and saved ``.html`` news
pages (main text and metadata extracted by trafilatura). Metadata keys: ``title``,
``kind``, ``date``, ``source_url``, ``outlet`` (alias ``publisher``) and ``author``
(aliases ``authors``, ``byline``; a list is joined with ", "). A document without a
title is titled by its first line when that reads as a headline (``reads_as_headline``),
else by its file name. Files and folders whose names
start with ``.`` are ignored, and so are sidecars. A document's text is what citation
offsets point into: the file's decoded text for ``.txt``, the body after the front
matter for ``.md``, the extracted main text for ``.html``.

Not handled: PDF, Word or other binary formats; encodings other than UTF-8.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from assistant.errors import CorpusError
from assistant.records import Document

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
SIDECAR_SUFFIX = ".meta.toml"
METADATA_KEYS = ("title", "kind", "date", "source_url", "outlet", "author")
# Other names sidecars and front matter use for a key (Hugo and Jekyll say "publisher",
# "authors"); the key's own name wins when both are given.
METADATA_ALIASES = {"publisher": "outlet", "authors": "author", "byline": "author"}
HEADLINE_MAX_WORDS = 20  # news headlines run 5-15 words; a longer first line is prose


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
        found.update(title=meta.title, date=meta.date, source_url=meta.url, outlet=meta.sitename, author=meta.author)
    return {k: v for k, v in found.items() if v}, body


def normalise_metadata(raw: Mapping[str, Any]) -> dict[str, str]:
    """The metadata the engine uses, from a sidecar, front matter or a web page: aliases
    mapped to their key, lists joined with ", ", other keys and empty values dropped.

    >>> normalise_metadata({"publisher": "BBC News", "authors": ["A. Jones", "B. Ode"], "tags": "x"})
    {'outlet': 'BBC News', 'author': 'A. Jones, B. Ode'}
    """
    merged = {METADATA_ALIASES.get(k, k): v for k, v in raw.items() if k in METADATA_ALIASES}
    merged.update({k: v for k, v in raw.items() if k in METADATA_KEYS})
    out: dict[str, str] = {}
    for key in METADATA_KEYS:
        value = merged.get(key)
        if isinstance(value, list | tuple):
            value = ", ".join(str(v).strip() for v in value if str(v).strip())
        if value is not None and str(value).strip():
            out[key] = str(value).strip()
    return out


_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday updated published".split()
)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")


def reads_as_headline(line: str) -> bool:
    """True when a line reads as a headline: 2 to 20 words, opens with a capital, digit or
    quote, holds no sentence break, does not end in ``.``, ``,``, ``;`` or ``:``, and is not
    a byline ("By ..."), a bare date or a web address.

    >>> reads_as_headline("Port strike ends after ten days")
    True
    >>> reads_as_headline("Dock workers voted on Monday to end the strike.")
    False
    """
    line = line.strip().lstrip("#").strip()
    words = line.split()
    if not 2 <= len(words) <= HEADLINE_MAX_WORDS:
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'\u2018\u201c"):
        return False
    if line[-1] in ".,;:" or _SENTENCE_BREAK.search(line):
        return False
    if words[0].casefold() == "by" or "://" in line or line.casefold().startswith("www."):
        return False
    bare = [w.strip(",.").casefold() for w in words]
    return not all(w.isdigit() or w in _DATE_WORDS for w in bare)


def title_from_text(path: Path, text: str) -> str:
    """A title for a document without one: a Markdown file's leading ``# `` heading, else
    the first line when it ``reads_as_headline``, else the file name."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if path.suffix.lower() in (".md", ".markdown") and first.startswith("# ") and first[2:].strip():
        return first[2:].strip()
    if reads_as_headline(first):
        return first.lstrip("#").strip()
    return path.name


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
    meta = {**normalise_metadata(meta), **normalise_metadata(_sidecar(path))}
    # The title a document gets from its text is hashed too, so a changed rule re-ingests it.
    meta.setdefault("title", title_from_text(path, text))
    doc_id = path.relative_to(folder).as_posix()
    digest = hashlib.sha256(text.encode("utf-8"))
    digest.update(json.dumps(meta, sort_keys=True).encode("utf-8"))
    return Document(
        doc_id=doc_id,
        text=text,
        title=meta["title"],
        content_hash=digest.hexdigest(),
        kind=meta.get("kind", "document"),
        date=meta.get("date"),
        source_url=meta.get("source_url"),
        path=str(path.resolve()),
        outlet=meta.get("outlet"),
        author=meta.get("author"),
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
