"""The Gradio chat app: a chat beside a sources panel, and a JSON endpoint ``/ask``.

``build_app(bot)`` makes the ``gr.Blocks``; ``serve(settings)`` checks the host/auth
rule, builds the index with a progress line on stderr, and launches the queue;
``main()`` is ``python app.py``. HTML is made by ``assistant.ui_render`` (pure, no
Gradio); Gradio stays behind this module.

Safety rules kept here: analytics are off before Gradio is imported, there are no share
links, and any address other than loopback needs authentication
(``BRIEFING_AUTH=user:password`` or ``BRIEFING_AUTH_FILE``) or the server refuses to start.

The page: a Chat tab (the chat, suggestions, and a sources panel that scrolls by itself),
a Briefing tab (a cited briefing note of the corpus or a topic, copied or downloaded as
Markdown) and a Documents tab (the corpus as a table, upload, removal, which documents questions
cover, and a preview with cited sentences marked). Styles and the page script are package
files in ``assistant/static/``. Every open page checks the index every few seconds, so an
ingest by another process shows without a restart.

Leaves out: editing documents in the page (they are files in the corpus folder).
"""

from __future__ import annotations

import html
import ipaddress
import os
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, cast

from assistant.errors import AssistantError, ConfigError, CorpusError
from assistant.records import Answer, Citation, Sentence
from assistant.suggestions import Suggestion, answerable, candidates, common_words, round_robin
from assistant.ui_render import (
    DocumentRow,
    TextOf,
    Turn,
    answer_from_dict,
    answer_html,
    briefing_html,
    corpus_header,
    document_preview,
    document_row,
    documents_table,
    error_html,
    sources_panel,
)

if TYPE_CHECKING:
    import gradio as gr

    from assistant.engine import Assistant
    from assistant.settings import Settings

History = list[tuple[str, str]]
Progress = Callable[[str, int, int], None]

THINKING = '<div class="answer thinking"><span class="dots">Searching the sources</span></div>'
STATIC = "assistant.static"
UPLOAD_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_UPLOAD_BYTES = 5 * 1024 * 1024  # per file added from the page
SUGGESTIONS = 3  # suggestion buttons under the chat
REFRESH_SECONDS = 5.0  # how often an open page checks the index for changes
CONVERSATION_KEY = "briefing-conversation"  # localStorage key of the saved conversation
NEAR = 5  # sentences either side of a cited one that follow-up questions come from


LOOPBACK_NAMES = {"localhost", "localhost.localdomain"}


def _gradio() -> Any:
    """Import Gradio with analytics off and the Hugging Face hub offline: these variables
    are read when Gradio (and the huggingface_hub it imports) is first imported."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    from assistant.gradio_loader import load_gradio  # without Gradio's stub writer: half its import

    return load_gradio()


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def parse_auth(auth: str | None, auth_file: str | Path | None) -> list[tuple[str, str]]:
    """Users from ``user:password`` and/or a file of such lines (``#`` starts a comment);
    the first ``:`` ends the user name, so a password may hold ``:``.

    >>> parse_auth("ann:s3cr:et", None)
    [('ann', 's3cr:et')]
    """
    entries: list[tuple[str, str]] = []
    sources: list[tuple[str, str]] = []
    if auth:
        sources.append(("BRIEFING_AUTH", auth))
    if auth_file:
        path = Path(auth_file)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it is not UTF-8 text"
            raise ConfigError(
                f"cannot read the auth file {path} (BRIEFING_AUTH_FILE): {reason}; "
                "point BRIEFING_AUTH_FILE at a readable file with one user:password per line"
            ) from exc
        sources += [(f"{path} line {n}", line) for n, line in enumerate(lines, 1)]
    for where, raw in sources:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        user, sep, password = line.partition(":")
        problem = auth_problem(user, sep, password)
        if problem:  # the value itself is never echoed: it may hold a password
            example = (
                "e.g. BRIEFING_AUTH=analyst:secret" if where == "BRIEFING_AUTH" else "one per line, e.g. analyst:secret"
            )
            raise ConfigError(f"{where} {problem}: write it as user:password ({example})")
        entries.append((user.strip(), password))
    if auth_file and len(entries) == (1 if auth else 0):
        raise ConfigError(
            f"the auth file {auth_file} (BRIEFING_AUTH_FILE) holds no users: add one user:password per line "
            "(e.g. analyst:secret), or unset BRIEFING_AUTH_FILE"
        )
    return entries


def auth_problem(user: str, sep: str, password: str) -> str | None:
    """What is wrong with one ``user:password`` entry split at its first colon, or None.

    >>> auth_problem("ann", "", ""), auth_problem(" ", ":", "pw"), auth_problem("ann", ":", "pw")
    ("has no ':' between user and password", 'has an empty user name', None)
    """
    if not sep:
        return "has no ':' between user and password"
    if not user.strip():
        return "has an empty user name"
    if not password:
        return "has an empty password"
    return None


def check_exposure(host: str, auth: str | None, auth_file: str | Path | None) -> list[tuple[str, str]] | None:
    """The users to require, or None; refuses a non-loopback host without any.

    Checked before the index or Gradio load, so a misconfigured server fails in a second.
    """
    users = parse_auth(auth, auth_file)
    if not users and not is_loopback(host):
        raise ConfigError(
            f"refusing to serve on {host} without authentication: anyone who can reach "
            "this address could use the assistant. Set BRIEFING_AUTH=user:password (one user) or "
            "BRIEFING_AUTH_FILE=path (a file with one user:password per line) in the server's "
            f"environment, e.g. BRIEFING_AUTH=analyst:secret briefing serve --host {host}; "
            "or serve on this machine only with --host 127.0.0.1 (or BRIEFING_HOST=127.0.0.1)"
        )
    return users or None


class ConsoleProgress:
    """A one-line progress indicator on stderr for the index build at start-up."""

    def __init__(self, stream: Any = None) -> None:
        self.stream = stream or sys.stderr
        self.stage: str | None = None
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            if self.stage is not None and self.tty:
                self.stream.write("\n")
            self.stage = stage
            if not self.tty:  # logs get one line per stage, not one per step
                self.stream.write(f"[index] {stage} ({total})\n")
        if self.tty:
            width = 24
            filled = width * done // total if total else width
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\r[index] {stage:<28} [{bar}] {done}/{total}")
        self.stream.flush()

    def close(self) -> None:
        if self.stage is not None and self.tty:
            self.stream.write("\n")
            self.stream.flush()


def static_text(name: str) -> str:
    """A file of the UI's static folder (package data, so an installed package finds it)."""
    return resources.files(STATIC).joinpath(name).read_text(encoding="utf-8")


def safe_file_name(name: str) -> str | None:
    """A file name to store an upload under, or None when it cannot be one.

    >>> safe_file_name("../Town report (final).md"), safe_file_name(".hidden.txt")
    ('Town-report-final-.md', None)
    """
    base = PurePath(name.replace("\\\\", "/")).name
    cleaned = re.sub(r"[^\w.-]+", "-", base).strip("-") if base else ""
    stem, dot, suffix = cleaned.rpartition(".")
    if not cleaned or cleaned.startswith(".") or not dot or not stem.strip("-."):
        return None
    return f"{stem.strip('-')}-.{suffix}" if stem.endswith("-") else cleaned


class Library:
    """What the page needs from the engine, shared by every session of one server:
    document rows, readable texts, starter questions (cached per index generation)."""

    def __init__(self, bot: Assistant) -> None:
        self.bot = bot
        self._lock = threading.Lock()
        self._starters: tuple[str | None, list[str]] = ("unset", [])
        self._common: tuple[str | None, frozenset[str]] = ("unset", frozenset())
        self._common_lock = threading.Lock()

    def text_of(self, doc_id: str) -> str | None:
        try:
            return self.bot.document(doc_id).text
        except AssistantError:
            return None

    def rows(self) -> list[DocumentRow]:
        return [
            document_row(doc, sum(1 for s in self.bot.sentences(doc.doc_id) if s.citable)) for doc in self.bot.documents
        ]

    def choices(self) -> list[tuple[str, str]]:
        return [(f"{doc.title} ({doc.doc_id})", doc.doc_id) for doc in self.bot.documents]

    def header(self) -> str:
        return f"<h1>Briefing assistant</h1>{corpus_header(self.bot.corpus_name, len(self.bot.documents))}"

    def pool(self, near: Sequence[Citation] = ()) -> list[Suggestion]:
        """Candidate questions: from sentences near ``near`` first (follow-ups), else from the
        corpus briefing's key points (starters), then from every document."""
        groups: list[list[Suggestion]] = []
        common = self.common_words()
        for c in near:
            try:
                sentences = self.bot.sentences(c.doc_id)
            except AssistantError:
                continue
            index = next((i for i, s in enumerate(sentences) if s.sentence_id == c.sentence_id), 0)
            groups.append(candidates(sentences[max(0, index - NEAR) : index + NEAR + 1], common))
        local = round_robin(groups)
        central = [] if near else candidates(self.key_sentences(), common)
        everywhere = round_robin([candidates(self.bot.sentences(d.doc_id), common) for d in self.bot.documents])
        seen: set[str] = set()
        unique = []
        for suggestion in local + central + everywhere:
            if suggestion.question.lower() not in seen:
                seen.add(suggestion.question.lower())
                unique.append(suggestion)
        return unique

    def common_words(self) -> frozenset[str]:
        """The corpus's ``suggestions.common_words``, worked out once per index generation."""
        with self._common_lock:  # its own lock: starters() holds self._lock while it calls pool()
            if self._common[0] != self.bot.generation:
                every = (s for d in self.bot.documents for s in self.bot.sentences(d.doc_id))
                self._common = (self.bot.generation, common_words(every))
            return self._common[1]

    def key_sentences(self) -> list[Sentence]:
        """The sentences of the corpus briefing's key points, most central first."""
        try:
            briefing = self.bot.brief()
        except AssistantError:
            return []
        section = briefing.section("Key points")
        wanted = [c for item in (section.items if section else ()) for c in item.citations]
        by_id = {s.sentence_id: s for d in {c.doc_id for c in wanted} for s in self.bot.sentences(d)}
        return [by_id[c.sentence_id] for c in wanted if c.sentence_id in by_id]

    def starters(self) -> list[str]:
        """Questions the corpus answers, for an empty chat and after a decline."""
        with self._lock:
            if self._starters[0] != self.bot.generation:
                found = answerable(lambda q: self.bot.ask(q), self.pool(), SUGGESTIONS)
                self._starters = (self.bot.generation, found)
            return list(self._starters[1])

    def follow_ups(self, answer: Answer, asked: Sequence[str], doc_ids: list[str] | None) -> list[str]:
        """Two or three questions near this answer's sources that the engine answers anew,
        never the starters shown before the first question (the same buttons after every
        answer read as if the answer changed nothing)."""
        cited = [c for c in answer.citations if not c.related]
        return answerable(
            lambda q: self.bot.ask(q, doc_ids=doc_ids),
            self.pool(cited),
            SUGGESTIONS,
            skip=[*asked, *self.starters()],
            known=[c.sentence_id for c in cited],
        )


Entry = dict[str, Any]  # {"q": question, "answer": Answer.to_dict()} or {"q": question, "error": message}


def _turns(entries: Sequence[Entry]) -> list[Turn]:
    return [
        Turn(n, answer_from_dict(e["answer"]), e["answer"].get("short_answer"))
        for n, e in enumerate(entries, 1)
        if "answer" in e
    ]


def _messages(entries: Sequence[Entry], text_of: TextOf) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for n, e in enumerate(entries, 1):
        out.append({"role": "user", "content": html.escape(str(e.get("q", "")))})
        if "answer" in e:
            answer = answer_from_dict(e["answer"])
            content = answer_html(answer, n, text_of, e["answer"].get("short_answer"))
        else:
            content = error_html(str(e.get("error", "")))
        out.append({"role": "assistant", "content": content})
    return out


def _entries(saved: Any) -> list[Entry]:
    """The conversation a browser stored, or an empty one when it holds anything else."""
    if not isinstance(saved, dict) or not isinstance(saved.get("entries"), list):
        return []
    good = [e for e in saved["entries"] if isinstance(e, dict) and isinstance(e.get("q"), str)]
    return [e for e in good if isinstance(e.get("answer"), dict) or isinstance(e.get("error"), str)]


def _cited_spans(entries: Sequence[Entry], doc_id: str) -> list[tuple[int, int]]:
    return [
        (int(c["start"]), int(c["end"]))
        for e in entries
        if "answer" in e
        for c in e["answer"].get("citations", [])
        if c.get("doc_id") == doc_id and not c.get("related")
    ]


def build_app(bot: Assistant) -> gr.Blocks:
    """The chat UI and the ``/ask`` JSON endpoint for one ``Assistant``.

    Launch with ``launch_kwargs()`` (theme, CSS and the page script are launch options in
    Gradio 6). Each browser keeps its own conversation in its local storage
    (``gr.BrowserState``), so a reload keeps it and no two users ever share one;
    ``Assistant.ask`` is thread-safe, so the queue's workers call it concurrently.
    """
    gr = _gradio()
    lib = Library(bot)
    text_of = lib.text_of

    def scope_of(scope: list[str] | None) -> list[str] | None:
        everything = {d.doc_id for d in bot.documents}
        chosen = [d for d in scope or [] if d in everything]
        return None if scope is None or set(chosen) == everything else chosen

    def suggestion_updates(questions: Sequence[str], label: str) -> dict[Any, Any]:
        updates: dict[Any, Any] = {
            suggest_label: f'<span id="suggest-text">{html.escape(label)}</span>' if questions else ""
        }
        for i, button in enumerate(suggest_buttons):
            q = questions[i] if i < len(questions) else None
            updates[button] = gr.update(value=q or "", visible=q is not None)
        return updates

    def corpus_updates(entries: Sequence[Entry], scope: list[str] | None, known: list[str] | None) -> dict[Any, Any]:
        """Everything that shows the corpus, after it changed. A reader who had every
        document chosen (``known`` were the documents then) gets new ones chosen too."""
        choices = lib.choices()
        ids = [c[1] for c in choices]
        everything = scope is None or set(known or []) <= set(scope)
        kept = ids if everything else [d for d in scope or [] if d in ids]
        return {
            header: lib.header(),
            docs_table: documents_table(lib.rows()),
            scope_box: gr.update(choices=choices, value=kept or ids),
            picked: gr.update(choices=choices, value=None),
            preview: "",
            chatbot: _messages(entries, text_of),
            sources: sources_panel(_turns(entries), text_of),
            seen: bot.generation,
            known_docs: ids,
        }

    def respond(message: str, entries: list[Entry], scope: list[str] | None) -> Iterator[dict[Any, Any]]:
        question = (message or "").strip()
        if not question:
            yield {textbox: ""}
            return
        pending = [*_messages(entries, text_of), {"role": "user", "content": html.escape(question)}]
        yield {textbox: "", chatbot: [*pending, {"role": "assistant", "content": THINKING}]}
        doc_ids = scope_of(scope)
        try:
            answer = bot.ask(question, history=_history(entries), doc_ids=doc_ids)
        except AssistantError as exc:
            entries = [*entries, {"q": question, "error": str(exc)}]
            yield {chatbot: _messages(entries, text_of), state: entries, saved: {"entries": entries}}
            return
        entries = [*entries, {"q": question, "answer": answer.to_dict()}]
        # The answer goes out first; its sources follow, then (a chained event) suggestions.
        yield {chatbot: _messages(entries, text_of), state: entries, saved: {"entries": entries}}
        yield {sources: sources_panel(_turns(entries), text_of)}

    def suggest(entries: list[Entry], scope: list[str] | None) -> dict[Any, Any]:
        """Follow-ups after an answer; after a decline, questions the corpus answers."""
        last = entries[-1] if entries else None
        if last is None or "answer" not in last:
            return suggestion_updates(lib.starters() if not entries else [], "Try:")
        answer = answer_from_dict(last["answer"])
        if answer.answered:
            asked = [e["q"] for e in entries]
            return suggestion_updates(lib.follow_ups(answer, asked, scope_of(scope)), "Ask next:")
        return suggestion_updates(lib.starters(), "These documents can answer, for example:")

    def ask_suggestion(question: str, entries: list[Entry], scope: list[str] | None) -> Iterator[dict[Any, Any]]:
        yield from respond(question, entries, scope)

    def new_conversation() -> dict[Any, Any]:
        return {
            textbox: "",
            chatbot: [],
            state: [],
            saved: {"entries": []},
            sources: sources_panel([], text_of),
            **suggestion_updates(lib.starters(), "Try:"),
        }

    def restore(stored: Any, scope: list[str] | None, known: list[str]) -> dict[Any, Any]:
        """Page load: the conversation this browser kept, and the corpus as it is now.
        Quick on purpose (suggestions come in a chained event): a question asked
        meanwhile must not be overwritten by the stored conversation."""
        bot.refresh()
        entries = _entries(stored)
        return {**corpus_updates(entries, scope, known), state: entries}

    def follow_index(
        last: str | None, entries: list[Entry], scope: list[str] | None, known: list[str]
    ) -> dict[Any, Any]:
        """Timer tick: when the index changed (here or in another process), show it."""
        bot.refresh()
        if bot.generation == last:
            return {seen: last}  # (an empty dict would read as one output value)
        updates = corpus_updates(entries, scope, known)
        if not entries:
            updates.update(suggestion_updates(lib.starters(), "Try:"))
        return updates

    def add_documents(
        files: list[str] | None,
        entries: list[Entry],
        scope: list[str] | None,
        known: list[str],
        progress: Any = None,
    ) -> dict[Any, Any]:
        paths = [Path(f) for f in files or []]
        try:
            added = _store_uploads(bot.corpus_dir, paths)
        except AssistantError as exc:
            return {upload_status: f"Not added: {exc}"}
        tracker = progress

        def report(stage: str, done: int, total: int) -> None:
            if tracker is not None and total:
                tracker(done / total, desc=f"{stage} {done}/{total}")

        try:
            summary = bot.ingest(progress=report)
        except AssistantError as exc:
            for path in added:
                path.unlink(missing_ok=True)
            return {upload_status: f"Not added: {exc}"}
        names = ", ".join(p.name for p in added)
        skipped = [s for s in bot.skipped if s.path in {p.name for p in added}]
        note = f"Added {names}: {summary.sentences} sentences indexed." if not skipped else skipped[0].line()
        return {**corpus_updates(entries, scope, known), upload_status: note}

    # Gradio finds the progress tracker by its default value; Gradio is imported lazily.
    add_documents.__defaults__ = (gr.Progress(),)

    def ask_remove(doc_id: str | None) -> dict[Any, Any]:
        if not doc_id:
            return {remove_status: "Choose a document above first."}
        doc = bot.document(doc_id)
        prompt = (
            f"Remove <b>{html.escape(doc.title)}</b> ({html.escape(doc_id)})? Its file is deleted from "
            f"the corpus folder and its sentences leave the index."
        )
        return {confirm_row: gr.update(visible=True), confirm_text: prompt, remove_status: ""}

    def remove(doc_id: str | None, entries: list[Entry], scope: list[str] | None, known: list[str]) -> dict[Any, Any]:
        hidden = {confirm_row: gr.update(visible=False)}
        if not doc_id:
            return hidden
        try:
            _delete_document(bot, doc_id)
            bot.ingest()
        except AssistantError as exc:
            return {**hidden, remove_status: f"Not removed: {exc}"}
        title = html.escape(doc_id)
        return {**hidden, **corpus_updates(entries, scope, known), remove_status: f"Removed {title}."}

    def show_document(doc_id: str | None, entries: list[Entry]) -> str:
        if not doc_id:
            return ""
        try:
            doc = bot.document(doc_id)
        except AssistantError:
            return ""
        return document_preview(doc, _cited_spans(entries, doc_id))

    def scope_note(scope: list[str] | None) -> str:
        chosen = scope_of(scope)
        if chosen is None:
            return ""
        n = len(bot.documents)
        return f"Questions cover {len(chosen)} of {n} documents (change it under Documents)."

    def write_briefing(topic: str, scope: list[str] | None) -> dict[Any, Any]:
        try:
            briefing = bot.brief((topic or "").strip() or None, doc_ids=scope_of(scope))
        except AssistantError as exc:
            return {brief_note: error_html(str(exc)), brief_sources: ""}
        note, cards = briefing_html(briefing, text_of)
        return {brief_note: note, brief_sources: cards}

    def ask(question: str, history: list[list[str]] | None = None, doc_ids: list[str] | None = None) -> dict[str, Any]:
        """Ask the corpus a question. `history` holds earlier [question, answer] pairs;
        `doc_ids` limits the answer to those documents (default: all).

        Returns the answer as JSON: text with markers [n], answered, behaviour, and one
        citation per marker with the verbatim quote and its offsets in the document.
        """
        try:
            # The engine checks the history's shape and size (it reads the last turns only).
            return bot.ask(question, history=history or [], doc_ids=doc_ids).to_dict()  # type: ignore[arg-type]
        except AssistantError as exc:
            raise gr.Error(str(exc)) from exc

    with gr.Blocks(title=f"Briefing assistant · {bot.corpus_name}") as demo:
        header = gr.HTML(lib.header(), elem_id="app-head", padding=False)
        saved = gr.BrowserState({"entries": []}, storage_key=CONVERSATION_KEY)
        state = gr.State([])
        seen = gr.State(bot.generation)
        known_docs = gr.State([d.doc_id for d in bot.documents])  # the documents this page last showed
        with gr.Tabs(elem_id="tabs"):
            with gr.Tab("Chat", id="chat-tab"), gr.Row(elem_id="main-row", equal_height=False):
                with gr.Column(scale=3, min_width=320, elem_id="chat-col"):
                    chatbot = gr.Chatbot(
                        elem_id="chat",
                        show_label=False,
                        placeholder=(
                            "**Ask about the documents.** Answers quote the sources, and every "
                            "sentence is cited. Add your own documents under Documents."
                        ),
                        feedback_options=None,
                        buttons=[],
                        layout="panel",
                    )
                    with gr.Row(elem_id="suggest-row"):
                        note = gr.HTML("", elem_id="scope-note", padding=False)
                        suggest_label = gr.HTML("", elem_id="suggest-label", padding=False)
                        suggest_buttons = [
                            gr.Button("", visible=False, size="sm", elem_classes=["suggestion"])
                            for _ in range(SUGGESTIONS)
                        ]
                    with gr.Row(equal_height=True, elem_id="input-row"):
                        textbox = gr.Textbox(
                            elem_id="question",
                            show_label=False,
                            placeholder="Ask about the documents…",
                            submit_btn="Ask",
                            autofocus=True,
                            scale=5,
                            min_width=140,
                            max_lines=4,
                        )
                        clear = gr.Button("New chat", elem_id="new-chat", scale=0, min_width=60, size="sm")
                        export = gr.Button("Export .md", elem_id="export", scale=0, min_width=60, size="sm")
                with gr.Column(scale=2, min_width=300, elem_id="sources-col"):
                    gr.HTML('<div id="sources-title">Sources</div>', padding=False)
                    sources = gr.HTML(sources_panel([], text_of), elem_id="sources", padding=False)
            with gr.Tab("Briefing", id="brief-tab"):
                with gr.Row(equal_height=True, elem_id="brief-bar"):
                    topic = gr.Textbox(
                        show_label=False,
                        placeholder="A topic, or leave empty to brief on all the documents",
                        elem_id="brief-topic",
                        scale=4,
                        min_width=180,
                    )
                    make = gr.Button("Write briefing", variant="primary", elem_id="brief-make", scale=0, min_width=90)
                    copy_note = gr.Button("Copy as Markdown", elem_id="brief-copy", scale=0, min_width=90, size="sm")
                    save_note = gr.Button("Download .md", elem_id="brief-download", scale=0, min_width=90, size="sm")
                with gr.Row(elem_id="brief-row", equal_height=False):
                    with gr.Column(scale=3, min_width=300):
                        brief_note = gr.HTML(
                            '<p class="src-none">A briefing note lists the key points, who said what, the '
                            "figures, where sources differ and a timeline, every line quoted and cited.</p>",
                            elem_id="briefing",
                            padding=False,
                        )
                    with gr.Column(scale=2, min_width=280, elem_id="brief-sources-col"):
                        gr.HTML('<div id="sources-title">Sources</div>', padding=False)
                        brief_sources = gr.HTML("", elem_id="brief-sources", padding=False)
            with gr.Tab("Documents", id="docs-tab"):
                docs_table = gr.HTML(documents_table(lib.rows()), elem_id="docs-table", padding=False)
                with gr.Row(equal_height=True):
                    upload = gr.UploadButton(
                        "Add documents (.txt, .md, .html)",
                        file_types=list(UPLOAD_SUFFIXES),
                        file_count="multiple",
                        elem_id="upload",
                        size="sm",
                    )
                upload_status = gr.Markdown("", elem_id="upload-status")
                scope_box = gr.CheckboxGroup(
                    lib.choices(),
                    value=[c[1] for c in lib.choices()],
                    label="Questions cover these documents",
                    elem_id="scope",
                )
                with gr.Row(equal_height=True):
                    picked = gr.Dropdown(lib.choices(), value=None, label="Read a document", elem_id="picked", scale=4)
                    remove_button = gr.Button("Remove…", elem_id="remove", variant="stop", scale=0, size="sm")
                with gr.Row(visible=False, elem_id="confirm-row") as confirm_row:
                    confirm_text = gr.HTML("", padding=False)
                    confirm_yes = gr.Button("Yes, remove it", elem_id="confirm-remove", variant="stop", size="sm")
                    confirm_no = gr.Button("Cancel", elem_id="cancel-remove", size="sm")
                remove_status = gr.Markdown("", elem_id="remove-status")
                preview = gr.HTML("", elem_id="doc-preview", padding=False)
        timer = gr.Timer(REFRESH_SECONDS)

        chat_outputs = [textbox, chatbot, state, saved, sources, suggest_label, *suggest_buttons]
        corpus_outputs = [header, docs_table, scope_box, picked, preview, chatbot, sources, seen, known_docs]
        private: dict[str, Any] = {"api_visibility": "private", "show_progress": "hidden"}
        suggest_outputs = [suggest_label, *suggest_buttons]
        textbox.submit(respond, [textbox, state, scope_box], chat_outputs, trigger_mode="always_last", **private).then(
            suggest, [state, scope_box], suggest_outputs, **private
        )
        for button in suggest_buttons:
            button.click(ask_suggestion, [button, state, scope_box], chat_outputs, **private).then(
                suggest, [state, scope_box], suggest_outputs, **private
            )
        clear.click(new_conversation, None, chat_outputs, **private)
        chatbot.clear(new_conversation, None, chat_outputs, **private)  # its trash icon, if shown, does the same
        export.click(None, None, None, js="() => { window.briefingExport(); }")
        demo.load(restore, [saved, scope_box, known_docs], [*chat_outputs, *corpus_outputs], **private).then(
            suggest, [state, scope_box], suggest_outputs, **private
        )
        timer.tick(
            follow_index,
            [seen, state, scope_box, known_docs],
            [*corpus_outputs, suggest_label, *suggest_buttons],
            **private,
        )
        upload.upload(
            add_documents,
            [upload, state, scope_box, known_docs],
            [*corpus_outputs, upload_status],
            api_visibility="private",
            show_progress="full",
        )
        scope_box.change(scope_note, scope_box, note, **private)
        picked.change(show_document, [picked, state], preview, **private)
        remove_button.click(ask_remove, picked, [confirm_row, confirm_text, remove_status], **private)
        confirm_no.click(lambda: gr.update(visible=False), None, confirm_row, **private)
        confirm_yes.click(
            remove, [picked, state, scope_box, known_docs], [confirm_row, remove_status, *corpus_outputs], **private
        )
        for trigger in (make.click, topic.submit):
            trigger(write_briefing, [topic, scope_box], [brief_note, brief_sources], api_visibility="private")
        copy_note.click(None, None, None, js="() => { window.briefingNoteCopy(); }")
        save_note.click(None, None, None, js="() => { window.briefingNoteDownload(); }")
        gr.api(ask, api_name="ask")
    return demo


def _history(entries: Sequence[Entry]) -> list[tuple[str, str]]:
    return [(e["q"], e["answer"]["text"]) for e in entries if "answer" in e]


def _store_uploads(corpus: Path, files: Sequence[Path]) -> list[Path]:
    """Check uploaded files as ``briefing ingest`` would and copy them into the corpus
    folder; nothing is copied unless every file passes. Returns the new paths."""
    if not files:
        raise CorpusError("no file was received: choose .txt, .md or .html files")
    from assistant.corpus import load_document

    plan: list[tuple[Path, Path]] = []
    for path in files:
        name = safe_file_name(path.name)
        if name is None or not name.lower().endswith(UPLOAD_SUFFIXES):
            raise CorpusError(f"{path.name} is not a .txt, .md or .html file")
        size = path.stat().st_size
        if size > MAX_UPLOAD_BYTES:
            raise CorpusError(
                f"{path.name} is {size / 1e6:.1f} MB, over the {MAX_UPLOAD_BYTES // 1_000_000} MB limit for a file added here"
            )
        with tempfile.TemporaryDirectory() as folder:
            probe = Path(folder) / name
            shutil.copyfile(path, probe)
            try:
                load_document(probe, Path(folder))
            except CorpusError as exc:
                raise CorpusError(str(exc).replace(str(probe), name)) from None
        plan.append((path, corpus / name))
    corpus.mkdir(parents=True, exist_ok=True)
    for source, target in plan:
        shutil.copyfile(source, target)
    return [target for _, target in plan]


def _delete_document(bot: Assistant, doc_id: str) -> None:
    """Delete a document's file (and its metadata sidecar) from the corpus folder."""
    doc = bot.document(doc_id)
    root = bot.corpus_dir.resolve()
    path = Path(doc.path).resolve() if doc.path else root / doc_id
    if not path.is_relative_to(root):
        raise CorpusError(f"{doc_id} is outside the corpus folder {root}: remove it there")
    try:
        path.unlink(missing_ok=True)
        path.with_name(path.stem + ".meta.toml").unlink(missing_ok=True)
    except OSError as exc:
        raise CorpusError(f"cannot delete {path}: {exc.strerror or exc}") from exc


def launch_kwargs() -> dict[str, Any]:
    """Options Gradio 6 takes at launch rather than in ``gr.Blocks``."""
    gr = _gradio()
    # System fonts: nothing to fetch, and the bundled Plex subset lacks some bold capitals.
    system = ["ui-sans-serif", "system-ui", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"]
    theme = gr.themes.Default(primary_hue="blue", neutral_hue="slate", font=system)
    return {"theme": theme, "css": static_text("app.css"), "head": f"<script>{static_text('app.js')}</script>"}


def serve(settings: Settings, *, progress: Progress | None = None) -> None:
    """Check the host/auth rule, build or load the index, and serve until interrupted.

    Reads ``host``, ``port``, ``auth`` and ``auth_file`` from ``settings``, and builds the
    engine from ``settings.engine_options()`` as every command does. Raises ``ConfigError``
    (before anything heavy is loaded) when a non-loopback host has no users,
    ``AssistantError`` for a corpus or index that cannot be used.
    """
    host = settings.host or "127.0.0.1"
    users = check_exposure(host, settings.auth, settings.auth_file)
    from assistant import Assistant
    from assistant.cli import notice, warn_skipped

    console = ConsoleProgress()
    print(f"Loading the corpus {settings.corpus_dir} and its index …", file=sys.stderr, flush=True)
    try:
        # The same engine options as every other command, and its notices (another ingest
        # writing the index) on stderr too.
        bot = Assistant(**settings.engine_options(), progress=progress or console, notify=notice)
    finally:
        console.close()
    from starlette.middleware import Middleware

    from assistant.logins import ClientAddress, password_check

    warn_skipped(bot)
    demo = build_app(bot)
    demo.queue(default_concurrency_limit=8)
    demo.launch(
        quiet=True,  # Gradio's banner suggests share links, which this app never makes
        server_name=host,
        server_port=settings.port,
        # Wrong passwords slow down their own client (ClientAddress tells the check who asks);
        # Gradio awaits a coroutine function (its type says sync).
        auth=cast(Any, password_check(users)) if users else None,
        app_kwargs={"middleware": [Middleware(ClientAddress)]},
        share=False,
        ssr_mode=False,
        footer_links=["api"],
        run_history=False,  # questions may be sensitive: keep no copy in the browser
        prevent_thread_lock=True,
        **launch_kwargs(),
    )
    n = len(bot.documents)
    print(
        f"Ready: {n} document{'' if n == 1 else 's'} from {bot.corpus_dir}. "
        f"Open {demo.local_url or f'http://{host}:{settings.port}/'} in a browser (Ctrl-C stops the server).",
        file=sys.stderr,
        flush=True,
    )
    demo.block_thread()


def main(argv: Sequence[str] | None = None) -> None:
    """``python app.py [flags]``: the same command, flags and messages as ``briefing serve``."""
    from assistant.cli import main as cli_main

    raise SystemExit(cli_main(["serve", *(sys.argv[1:] if argv is None else argv)]))
