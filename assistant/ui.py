"""The Gradio chat app: a chat beside a sources panel, and a JSON endpoint ``/ask``.

``build_app(bot)`` makes the ``gr.Blocks``; ``serve(settings)`` checks the host/auth
rule, builds the index with a progress line on stderr, and launches the queue;
``main()`` is ``python app.py``. HTML is made by ``assistant.ui_render`` (pure, no
Gradio); Gradio stays behind this module.

Safety rules kept here: analytics are off before Gradio is imported, there are no share
links, and any address other than loopback needs authentication
(``BRIEFING_AUTH=user:password`` or ``BRIEFING_AUTH_FILE``) or the server refuses to start.

Leaves out: uploading documents from the page (the corpus is a folder, indexed at start).
"""

from __future__ import annotations

import ipaddress
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from assistant.errors import AssistantError, ConfigError
from assistant.ui_render import (
    Turn,
    answer_html,
    corpus_header,
    error_html,
    example_questions,
    headings_from_text,
    sources_panel,
)

if TYPE_CHECKING:
    import gradio as gr

    from assistant.engine import Assistant
    from assistant.settings import Settings

History = list[tuple[str, str]]
Progress = Callable[[str, int, int], None]

THINKING = '<div class="answer thinking"><span class="dots">Searching the sources</span></div>'

CSS = """
.gradio-container { max-width: 1280px !important; margin: 0 auto !important; }
#app-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem 1rem;
  padding: .25rem .25rem .5rem; border-bottom: 1px solid var(--border-color-primary); }
#app-head h1 { font-size: 1.35rem; margin: 0; font-weight: 600; }
.corpus-info { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem;
  font-size: .9rem; color: var(--body-text-color-subdued); }
.corpus-name { font-weight: 600; color: var(--body-text-color); }
.corpus-count { padding: 0 .5rem; border-radius: 999px;
  background: var(--background-fill-secondary); }
.corpus-docs summary { cursor: pointer; }
.corpus-docs ul { margin: .25rem 0 0 1rem; }
#main-row { gap: 1rem; align-items: flex-start; }
#sources-col { position: sticky; top: .5rem; }
#sources { max-height: calc(100vh - 120px); overflow-y: auto; padding-right: .25rem; }
#sources-title { font-size: .8rem; font-weight: 600; letter-spacing: .06em;
  text-transform: uppercase; color: var(--body-text-color-subdued); margin: .25rem 0; }

.answer p { margin: .35rem 0 0; }
.verdict { display: inline-block; font-size: .72rem; font-weight: 600; letter-spacing: .03em;
  text-transform: uppercase; padding: .05rem .5rem; border-radius: 999px; }
.verdict.verdict-answer { background: #dcfce7; color: #166534; }
.verdict.verdict-decline { background: #e5e7eb; color: #374151; }
.verdict.verdict-correction { background: #fef3c7; color: #92400e; }
.verdict.verdict-error { background: #fee2e2; color: #991b1b; }
div.answer.verdict-decline { border-left: 3px dashed #9ca3af; padding-left: .6rem;
  color: var(--body-text-color-subdued); font-style: italic; }
div.answer.verdict-correction { border-left: 3px solid #f59e0b; padding-left: .6rem; }
div.answer.verdict-error { border-left: 3px solid #ef4444; padding-left: .6rem; }
.thinking .dots::after { content: " …"; animation: blink 1s steps(2) infinite; }
@keyframes blink { 50% { opacity: 0; } }
a.cite { text-decoration: none !important; font-weight: 600; font-size: .8em;
  vertical-align: super; padding: 0 .1em; border-radius: 3px; color: #1d4ed8 !important;
  cursor: pointer; font-style: normal; }
a.cite:hover, a.cite:focus { background: #dbeafe; }

.sources-empty { color: var(--body-text-color-subdued); font-size: .92rem;
  border: 1px dashed var(--border-color-primary); border-radius: 8px; padding: .75rem 1rem; }
.sources-empty p { margin: 0 0 .5rem; }
details.turn { margin: 0 0 .75rem; }
details.turn > summary { cursor: pointer; display: flex; justify-content: space-between;
  gap: .5rem; font-size: .9rem; padding: .35rem .5rem; border-radius: 6px;
  background: var(--background-fill-secondary); list-style: none; }
details.turn > summary::-webkit-details-marker { display: none; }
.turn-q { font-weight: 600; }
.turn-n { white-space: nowrap; color: var(--body-text-color-subdued); font-size: .8rem; }
article.src { border: 1px solid var(--border-color-primary); border-radius: 8px;
  padding: .6rem .75rem; margin: .5rem 0; background: var(--background-fill-primary);
  transition: box-shadow .2s, border-color .2s; scroll-margin: 1rem; }
article.src.active { border-color: #2563eb; box-shadow: 0 0 0 3px #bfdbfe; }
article.src-related { border-style: dashed; opacity: .92; }
.src-head { display: flex; flex-wrap: wrap; gap: .2rem .5rem; align-items: baseline;
  font-size: .85rem; }
.src-marker { font-weight: 600; color: #1d4ed8; }
.src-title { font-weight: 600; }
.src-section { color: var(--body-text-color-subdued); }
.src-section::before { content: "› "; }
.src-meta { margin: .1rem 0 .3rem; font-size: .8rem; color: var(--body-text-color-subdued); }
.src-tag { font-size: .7rem; text-transform: uppercase; letter-spacing: .04em;
  color: #6b7280; border: 1px solid #d1d5db; border-radius: 999px; padding: 0 .4rem; }
.src-lead-in { margin: .4rem 0 0; font-size: .85rem; color: var(--body-text-color-subdued); }
.src-para { margin: .4rem 0 0; font-size: .92rem; line-height: 1.5; }
.src-para mark { background: #fde68a; color: inherit; padding: 0 .1em; border-radius: 2px; }
.src-id { margin-top: .35rem; font-size: .72rem; color: var(--body-text-color-subdued);
  font-family: var(--font-mono); word-break: break-all; }
.src-stale { color: #b91c1c; font-size: .8rem; margin: .25rem 0 0; }
.src-group { font-size: .8rem; color: var(--body-text-color-subdued); margin: .75rem 0 0; }
.src-none { color: var(--body-text-color-subdued); font-size: .9rem; }

@media (max-width: 900px) {
  #main-row { flex-direction: column; }
  #main-row > * { width: 100% !important; min-width: 0 !important; }
  #sources-col { position: static; }
  #sources { max-height: none; overflow: visible; }
  #app-head h1 { font-size: 1.15rem; }
  .gradio-container { padding: 0 .5rem !important; }
}
"""

# Markers are links to their source cards. The handler is delegated from the document,
# so it also works for messages rendered after page load. Hover only scrolls where the
# panel sits beside the chat; on a phone the panel is below and scrolling on hover
# would yank the page.
HEAD = """
<script>
(() => {
  const cardFor = (a) => {
    const id = (a.getAttribute("href") || "").replace(/^#/, "");
    return id ? document.getElementById(id) : null;
  };
  const show = (a, scroll) => {
    const card = cardFor(a);
    if (!card) return;
    const group = card.closest("details");
    if (group && !group.open) group.open = true;
    document.querySelectorAll("article.src.active").forEach((c) => c.classList.remove("active"));
    card.classList.add("active");
    if (scroll) card.scrollIntoView({ behavior: "smooth", block: "nearest" });
  };
  const cite = (e) => (e.target && e.target.closest ? e.target.closest("a.cite") : null);
  document.addEventListener("click", (e) => {
    const a = cite(e);
    if (!a) return;
    e.preventDefault();
    e.stopPropagation();
    show(a, true);
  }, true);
  document.addEventListener("mouseover", (e) => {
    const a = cite(e);
    if (a) show(a, window.matchMedia("(hover: hover) and (min-width: 901px)").matches);
  }, true);
})();
</script>
"""

LOOPBACK_NAMES = {"localhost", "localhost.localdomain"}


def _gradio() -> Any:
    """Import Gradio with analytics off and the Hugging Face hub offline: these variables
    are read when Gradio (and the huggingface_hub it imports) is first imported."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import gradio

    return gradio


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def parse_auth(auth: str | None, auth_file: str | Path | None) -> list[tuple[str, str]]:
    """Users from ``user:password`` and/or a file of such lines (``#`` starts a comment).

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
        except OSError as exc:
            raise ConfigError(
                f"cannot read the auth file {path}: {exc.strerror or exc}; "
                "point BRIEFING_AUTH_FILE at a file with one user:password per line"
            ) from exc
        sources += [(f"{path}:{n}", line) for n, line in enumerate(lines, 1)]
    for where, raw in sources:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        user, sep, password = line.partition(":")
        if not sep or not user.strip() or not password:
            raise ConfigError(f"{where}: expected user:password with a non-empty user and password")
        entries.append((user.strip(), password))
    return entries


def check_exposure(host: str, auth: str | None, auth_file: str | Path | None) -> list[tuple[str, str]] | None:
    """The users to require, or None; refuses a non-loopback host without any.

    Checked before the index or Gradio load, so a misconfigured server fails in a second.
    """
    users = parse_auth(auth, auth_file)
    if not users and not is_loopback(host):
        raise ConfigError(
            f"refusing to serve on {host} without authentication: anyone who can reach "
            "this address could use the assistant. Set BRIEFING_AUTH=user:password or "
            "BRIEFING_AUTH_FILE=path (one user:password per line), or bind 127.0.0.1."
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


def _sections(bot: Assistant) -> list[tuple[str, str]]:
    sections = getattr(bot, "sections", None)
    if callable(sections):
        return list(sections())
    found: list[tuple[str, str]] = []
    for doc in bot.documents:
        found += headings_from_text(doc.title, doc.text)
    return found


def build_app(bot: Assistant, *, examples: Sequence[str] | None = None) -> gr.Blocks:
    """The chat UI and the ``/ask`` JSON endpoint for one ``Assistant``.

    Launch with ``launch_kwargs()`` (theme, CSS and the marker script are launch
    options in Gradio 6). Per-user state lives in ``gr.State``, so concurrent sessions
    never share a history; ``Assistant.ask`` is thread-safe, so the queue's workers call
    it concurrently.
    """
    gr = _gradio()
    texts = {doc.doc_id: doc.text for doc in bot.documents}
    titles = [doc.title for doc in bot.documents]
    questions = list(examples) if examples is not None else example_questions(_sections(bot))

    def text_of(doc_id: str) -> str | None:
        if doc_id not in texts:
            try:
                texts[doc_id] = bot.document(doc_id).text
            except (AssistantError, KeyError):
                return None
        return texts[doc_id]

    def respond(
        message: str, messages: list[dict[str, Any]], history: History, turns: list[Turn]
    ) -> Iterator[tuple[Any, ...]]:
        question = (message or "").strip()
        if not question:
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        messages = [*messages, {"role": "user", "content": question}]
        pending = {"role": "assistant", "content": THINKING}
        yield "", [*messages, pending], history, turns, gr.skip()
        number = len(turns) + 1
        # Only a verified answer is shown: nothing unchecked reaches the page first.
        try:
            answer = bot.ask(question, history=list(history))
        except AssistantError as exc:
            failed = {"role": "assistant", "content": error_html(str(exc))}
            yield "", [*messages, failed], history, turns, gr.skip()
            return
        final = {"role": "assistant", "content": answer_html(answer, number)}
        messages = [*messages, final]
        history = [*history, (question, answer.text)]
        turns = [*turns, Turn(number, answer)]
        # The answer goes out first; the sources panel follows in the next message.
        yield gr.skip(), messages, history, turns, gr.skip()
        yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), sources_panel(turns, text_of)

    def respond_example(
        messages: list[dict[str, Any]],
        history: History,
        turns: list[Turn],
        evt: Any,  # gr.SelectData, set below
    ) -> Iterator[tuple[Any, ...]]:
        value = evt.value if isinstance(evt.value, dict) else {"text": str(evt.value)}
        yield from respond(str(value.get("text", "")), messages, history, turns)

    # Gradio finds the event-data argument by its annotation; Gradio is imported lazily,
    # so the string annotation cannot be resolved from this module's globals.
    respond_example.__annotations__["evt"] = gr.SelectData

    def new_conversation() -> tuple[Any, ...]:
        return "", [], [], [], sources_panel([], text_of)

    def ask(question: str, history: list[list[str]] | None = None) -> dict[str, Any]:
        """Ask the corpus a question. `history` holds earlier [question, answer] pairs.

        Returns the answer as JSON: text with markers [n], answered, behaviour, and one
        citation per marker with the verbatim quote and its offsets in the document.
        """
        try:
            # The engine checks the history's shape and size (it reads the last turns only).
            return bot.ask(question, history=history or []).to_dict()  # type: ignore[arg-type]
        except AssistantError as exc:
            raise gr.Error(str(exc)) from exc

    with gr.Blocks(title=f"Briefing assistant · {bot.corpus_name}") as demo:
        gr.HTML(
            f"<h1>Briefing assistant</h1>{corpus_header(bot.corpus_name, titles)}",
            elem_id="app-head",
            padding=False,
        )
        with gr.Row(elem_id="main-row", equal_height=False):
            with gr.Column(scale=3, min_width=320, elem_id="chat-col"):
                chatbot = gr.Chatbot(
                    elem_id="chat",
                    show_label=False,
                    height="64vh",
                    min_height=320,
                    examples=[{"text": q} for q in questions] or None,
                    placeholder=(
                        "**Ask about the documents.** Answers quote the sources, and "
                        "every sentence is cited. Try one of these:"
                    ),
                    feedback_options=None,
                    buttons=["copy"],
                    layout="panel",
                )
                with gr.Row(equal_height=True, elem_id="input-row"):
                    textbox = gr.Textbox(
                        elem_id="question",
                        show_label=False,
                        placeholder="Ask a question about the documents…",
                        submit_btn="Ask",
                        autofocus=True,
                        scale=5,
                        max_lines=6,
                    )
                    clear = gr.Button("New chat", elem_id="new-chat", scale=0, min_width=90, size="sm")
            with gr.Column(scale=2, min_width=300, elem_id="sources-col"):
                gr.HTML('<div id="sources-title">Sources</div>', padding=False)
                sources = gr.HTML(sources_panel([], text_of), elem_id="sources", padding=False)
        history = gr.State([])
        turns = gr.State([])

        outputs = [textbox, chatbot, history, turns, sources]
        textbox.submit(
            respond,
            [textbox, chatbot, history, turns],
            outputs,
            api_visibility="private",
            show_progress="hidden",
        )
        chatbot.example_select(
            respond_example,
            [chatbot, history, turns],
            outputs,
            api_visibility="private",
            show_progress="hidden",
        )
        clear.click(new_conversation, None, outputs, api_visibility="private", queue=False)
        gr.api(ask, api_name="ask")
    return demo


def launch_kwargs() -> dict[str, Any]:
    """Options Gradio 6 takes at launch rather than in ``gr.Blocks``."""
    gr = _gradio()
    # System fonts: nothing to fetch, and the bundled Plex subset lacks some bold capitals.
    system = ["ui-sans-serif", "system-ui", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"]
    theme = gr.themes.Default(primary_hue="blue", neutral_hue="slate", font=system)
    return {"theme": theme, "css": CSS, "head": HEAD}


def serve(settings: Settings, *, progress: Progress | None = None) -> None:
    """Check the host/auth rule, build or load the index, and serve until interrupted.

    Reads ``host``, ``port``, ``auth``, ``auth_file``, ``corpus``, ``index_dir``,
    ``chroma_url``, ``collection`` and ``max_question_chars`` from ``settings``. Raises ``ConfigError`` (before anything heavy is
    loaded) when a non-loopback host has no users, ``AssistantError`` for a corpus or
    index that cannot be used.
    """
    host = settings.host or "127.0.0.1"
    users = check_exposure(host, settings.auth, settings.auth_file)
    from assistant import Assistant

    console = ConsoleProgress()
    print(f"Loading the corpus {settings.corpus_dir} and its index …", file=sys.stderr, flush=True)
    try:
        bot = Assistant(
            corpus=settings.corpus,
            index_dir=settings.index_dir,
            chroma_url=settings.chroma_url,
            collection=settings.collection,
            max_question_chars=settings.max_question_chars,
            progress=progress or console,
            llm=settings.chat_model(),
            **settings.corpus_options(),
            query_encoder=settings.query_encoder,
        )
    finally:
        console.close()
    from assistant.cli import warn_skipped
    from assistant.logins import password_check

    warn_skipped(bot)
    demo = build_app(bot)
    demo.queue(default_concurrency_limit=8)
    demo.launch(
        quiet=True,  # Gradio's banner suggests share links, which this app never makes
        server_name=host,
        server_port=settings.port,
        # Wrong passwords are slowed down; Gradio awaits a coroutine function (its type says sync).
        auth=cast(Any, password_check(users)) if users else None,
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
