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

A bad file (not UTF-8, binary, over the size limit, front matter that is not plain
YAML, a sidecar that is not TOML) is skipped with a reason, so one file never stops a
corpus (``read_corpus``); ``strict=True`` refuses the corpus instead, as ``load_corpus``
does. Control characters (terminal escapes) are removed from the text before sentence
offsets are taken, so offsets stay exact. Symbolic links are followed only when they
point inside the corpus folder, unless ``follow_links`` is set.

Not handled: PDF, Word or other binary formats; encodings other than UTF-8.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import CorpusError
from assistant.names import UPPER
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
MAX_FILE_BYTES = 10 * 1024 * 1024  # a larger file is skipped (``max_bytes`` changes it)
MAX_FRONT_MATTER_CHARS = 64 * 1024
# Terminal escape sequences (CSI, OSC, other ESC codes), then every other C0/C1 control
# except tab, line feed, carriage return and form feed.
ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]"
)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Skipped:
    """A file left out of the corpus, and why (one line, naming the file)."""

    path: str
    reason: str
    hint: str | None = None  # the next step for a command-line user

    def line(self) -> str:
        return f"skipped {self.path}: {self.reason}"


@dataclass
class CorpusRead:
    """What reading a corpus folder found: documents, skipped files, unreadable folders."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # folders (relative, POSIX) that could not be listed

    def keeps(self, doc_id: str) -> bool:
        """True when ``doc_id`` lies under an unreadable folder or names a skipped file, so
        the index keeps its previous version instead of removing it."""
        return doc_id in {s.path for s in self.skipped} or any(
            doc_id.startswith(folder + "/") for folder in self.unreadable
        )

    def summary(self) -> str:
        """One line: "12 documents read, 1 skipped: x.txt is not UTF-8"."""
        n = len(self.documents)
        line = f"{n} document{'s' if n != 1 else ''} read"
        if self.skipped:
            first = self.skipped[0]
            more = f" (and {len(self.skipped) - 1} more)" if len(self.skipped) > 1 else ""
            line += f", {len(self.skipped)} skipped: {first.path} {first.reason.split(':')[0]}{more}"
        if self.unreadable:
            line += f", {len(self.unreadable)} folder{'s' if len(self.unreadable) != 1 else ''} unreadable"
        return line


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and C0/C1 control characters (keeping tab, line
    breaks and form feed) from text read from a file.

    >>> strip_controls("Red \x1b[31malert\x1b[0m.\x07")
    'Red alert.'
    """
    return CONTROL.sub("", ESCAPE_SEQUENCE.sub("", text))


def corpus_files(folder: Path, follow_links: bool = False) -> list[Path]:
    """The document files under ``folder``, sorted, or a ``CorpusError`` saying what to do."""
    return _scan(folder, follow_links)[0]


def _scan(folder: Path, follow_links: bool) -> tuple[list[Path], list[str], list[Skipped]]:
    """Document files, unreadable subfolders and links that point outside the folder."""
    if not folder.exists():
        raise CorpusError(
            f"corpus folder {folder} does not exist: create it and add .txt, .md or .html files",
            hint="or pass --corpus DIR",
        )
    if not folder.is_dir():
        raise CorpusError(f"corpus path {folder} is a file, not a folder: pass the folder that holds the documents")
    root = folder.resolve()
    if not utf8_name(str(root)):
        raise CorpusError(
            f"the corpus folder's path {root} is not UTF-8 text, and documents are named by their paths: "
            "rename the folder (or the folders above it) in UTF-8"
        )
    failed: list[str] = []

    def unreadable(exc: OSError) -> None:
        if exc.filename and Path(exc.filename) != folder:
            failed.append(Path(exc.filename).relative_to(folder).as_posix())
        else:
            raise CorpusError(f"cannot read the corpus folder {folder} ({exc.strerror or exc}): check its permissions")

    files: list[Path] = []
    outside: list[Skipped] = []
    seen: set[Path] = set()  # followed links may loop back to a folder already read
    for here, dirs, names in os.walk(folder, onerror=unreadable, followlinks=follow_links):
        base = Path(here)
        seen.add(base.resolve())
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (base / d).resolve() not in seen)
        if not follow_links:
            for d in dirs:
                if (base / d).is_symlink() and not _inside(base / d, root):
                    rel = (base / d).relative_to(folder).as_posix()
                    outside.append(
                        Skipped(
                            rel,
                            "is a link to a folder outside the corpus folder",
                            hint="pass --follow-links to read it",
                        )
                    )
        for name in names:
            path = base / name
            if name.startswith(".") or path.suffix.lower() not in SUFFIXES or name.endswith(SIDECAR_SUFFIX):
                continue
            if not follow_links and not _inside(path, root):
                rel = path.relative_to(folder).as_posix()
                outside.append(
                    Skipped(rel, "is a link to a file outside the corpus folder", hint="pass --follow-links to read it")
                )
                continue
            if path.is_file():
                files.append(path)
    if not files and not failed:
        raise CorpusError(f"{folder} holds no .txt, .md or .html files: add documents", hint="or pass --corpus DIR")
    return sorted(files), sorted(failed), outside


def utf8_name(name: str) -> bool:
    """True when a file name decodes as UTF-8 (Python keeps other bytes as lone surrogates,
    which no index can store).

    >>> utf8_name("r\\u00e9sum\\u00e9.txt"), utf8_name("r\\udce9sum\\udce9.txt")
    (True, False)
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _inside(path: Path, root: Path) -> bool:
    """True when ``path`` (after following links) lies under ``root``."""
    try:
        return path.resolve().is_relative_to(root)
    except OSError:
        return False


def _read_text(path: Path, max_bytes: int | None = None) -> str:
    """The file's text, decoded as UTF-8, with control characters removed."""
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise CorpusError(
                f"{path} is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:g} MB limit per file: "
                "split it, or raise the limit"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"cannot read {path}: {exc.strerror or exc}; check its permissions") from exc
    kind = binary_kind(raw)
    if kind == "utf-16":
        raise CorpusError(
            f"{path} is not UTF-8 text: it is UTF-16, convert it with `iconv -f utf-16 -t utf-8 {path.name}`"
        )
    if kind == "binary":
        raise CorpusError(f"{path} is not text (it holds binary data): move it out of the corpus")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path} is not UTF-8 text (byte {exc.start} is invalid): convert it to UTF-8 "
            "(for Latin-1 text: `iconv -f latin1 -t utf-8`), or move it out of the corpus"
        ) from exc
    return strip_controls(text.removeprefix("\ufeff"))


def binary_kind(raw: bytes) -> str | None:
    r"""Tell UTF-16 text (with or without a byte-order mark) and other binary data (NUL
    bytes) from text: "utf-16", "binary" or None.

    >>> binary_kind("Hi.".encode("utf-16-le")), binary_kind(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), binary_kind(b"Hi.")
    ('utf-16', 'binary', None)
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = raw[:4096]
    if b"\x00" not in sample:
        return None
    # ASCII-range text in UTF-16 has a NUL in every other byte (odd bytes for LE, even for BE).
    half = len(sample) // 2
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if half and max(odd, even) >= 0.3 * half and min(odd, even) <= 0.05 * half:
        return "utf-16"
    return "binary"


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
            meta = _plain_yaml("\n".join(lines[1:i])) or {}
            if not isinstance(meta, dict):
                return {}, text
            return meta, "\n".join(lines[i + 1 :])
    return {}, text


def _plain_yaml(source: str) -> Any:
    """Parse front matter as plain YAML: no aliases (an alias bomb expands to gigabytes)
    and no more than ``MAX_FRONT_MATTER_CHARS``; a ``CorpusError`` otherwise."""
    import yaml

    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise CorpusError(f"front matter is longer than {MAX_FRONT_MATTER_CHARS // 1024} KB: shorten it")
    try:
        for event in yaml.parse(source, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise CorpusError("front matter uses YAML aliases (*name), which are not read: write the values out")
        return yaml.safe_load(source)
    except yaml.YAMLError as exc:
        reason = " ".join(str(exc).split())[:160]
        raise CorpusError(f"front matter is not valid YAML ({reason}): fix it") from exc


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
    mapped to their key, lists joined with ", ", a timestamp given as its day, other keys
    and empty values dropped.

    >>> normalise_metadata({"publisher": "BBC News", "authors": ["A. Jones", "B. Ode"], "tags": "x"})
    {'outlet': 'BBC News', 'author': 'A. Jones, B. Ode'}
    >>> normalise_metadata({"date": datetime.datetime(2025, 3, 21, 10, 0, tzinfo=datetime.UTC)})
    {'date': '2025-03-21'}
    """
    merged = {METADATA_ALIASES.get(k, k): v for k, v in raw.items() if k in METADATA_ALIASES}
    merged.update({k: v for k, v in raw.items() if k in METADATA_KEYS})
    out: dict[str, str] = {}
    for key in METADATA_KEYS:
        value = merged.get(key)
        if isinstance(value, datetime.datetime):  # a timestamp (Hugo, TOML): its day, as written
            value = value.date().isoformat()
        if isinstance(value, list | tuple):
            value = ", ".join(one_line(v) for v in value if one_line(v))
        if value is not None and one_line(value):
            out[key] = one_line(value)
    return out


def one_line(value: object) -> str:
    """A metadata value as one line of text: control characters (terminal escapes) removed,
    line breaks and runs of spaces made one space.

    >>> one_line("Tram strike\\n ends \\x1b]0;pwned\\x07")
    'Tram strike ends'
    """
    return " ".join(strip_controls(str(value)).split())


_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday updated published".split()
)
_SENTENCE_BREAK = re.compile(rf"[.!?]\s+{UPPER}")


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


def load_document(path: Path, folder: Path, max_bytes: int | None = MAX_FILE_BYTES) -> Document:
    """Read one file into a ``Document``; ``doc_id`` is its path relative to ``folder``."""
    doc_id = path.relative_to(folder).as_posix()
    if not utf8_name(doc_id):
        raise CorpusError(f"{path}: its name is not UTF-8 text (written in another encoding): rename it in UTF-8")
    raw = _read_text(path, max_bytes)
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
    meta.setdefault("title", one_line(title_from_text(path, text)) or path.name)
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


def load_corpus(folder: Path | str, max_bytes: int | None = MAX_FILE_BYTES) -> list[Document]:
    """Every document of the corpus folder, in path order; the first bad file raises."""
    return read_corpus(folder, strict=True, max_bytes=max_bytes).documents


def read_corpus(
    folder: Path | str,
    *,
    strict: bool = False,
    follow_links: bool = False,
    max_bytes: int | None = MAX_FILE_BYTES,
) -> CorpusRead:
    """Every readable document of the corpus folder, in path order, and the files skipped.

    With ``strict`` the first bad file (or unreadable folder) raises ``CorpusError``."""
    folder = Path(folder)
    files, unreadable, outside = _scan(folder, follow_links)
    found = CorpusRead(unreadable=unreadable, skipped=list(outside))
    if strict and unreadable:
        raise CorpusError(f"cannot read the folder {folder / unreadable[0]}: check its permissions")
    for path in files:
        try:
            found.documents.append(load_document(path, folder, max_bytes))
        except CorpusError as exc:
            if strict:
                raise
            rel = path.relative_to(folder).as_posix()
            found.skipped.append(Skipped(rel, _reason(str(exc), path)))
    found.skipped.sort(key=lambda s: s.path)
    if not found.documents and not found.unreadable:
        raise CorpusError(f"{folder} holds no readable documents ({found.skipped[0].line()}): fix or add documents")
    return found


def _reason(message: str, path: Path) -> str:
    """The error message without the file's path it starts with (the warning names the file)."""
    for prefix in (f"{path}: ", f"{path} "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message


def corpus_hash(documents: Iterable[Document]) -> str:
    """One hash for the whole corpus: changes when any document is added, changed or removed."""
    digest = hashlib.sha256()
    for doc in sorted(documents, key=lambda d: d.doc_id):
        digest.update(f"{doc.doc_id}\0{doc.content_hash}\n".encode())
    return digest.hexdigest()
