"""The ``briefing`` command: ingest, ask, eval, serve.

Reads settings once (flags, then BRIEFING_* environment variables, then defaults), turns
every ``AssistantError`` into one line on stderr and exit code 2, and never shows a
traceback for a mistake the user can fix. Ctrl-C (SIGINT) and, except for ``serve``,
SIGTERM stop a command the same way: one line on stderr, exit code 130 (143 for SIGTERM,
128 plus the signal's number, as a shell reports it).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import AssistantError
from assistant.settings import QUERY_ENCODERS, Settings

if TYPE_CHECKING:
    from rich.console import Console

    from assistant.engine import Assistant
    from assistant.records import Answer

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_TERMINATED = 143  # 128 + SIGTERM

DESCRIPTION = """\
Cited answers from your documents, offline. Every answer sentence is quoted verbatim
from a source sentence, with its document and character offsets.

  briefing ingest                      index corpus/ (incremental)
  briefing ask "Did Albania agree to host a UK return hub?"
  briefing ask                         interactive questions, with follow-ups
  briefing brief --topic "return hubs"  a cited briefing note (Markdown; --format json)
  briefing serve                       chat UI on http://127.0.0.1:7860
  briefing eval                        faithfulness evals and thresholds
  briefing check                       find and fix vectors out of step with their documents
"""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus", metavar="DIR", help="folder of .txt/.md/.html documents (BRIEFING_CORPUS; default corpus/)"
    )
    parser.add_argument(
        "--index-dir", metavar="DIR", help="index folder (BRIEFING_INDEX_DIR; default .index/<corpus>-<hash>)"
    )
    parser.add_argument(
        "--chroma-url", metavar="URL", help="use a Chroma server, e.g. http://127.0.0.1:8000 (BRIEFING_CHROMA_URL)"
    )
    parser.add_argument(
        "--collection",
        metavar="NAME",
        help="Chroma collection prefix (BRIEFING_COLLECTION; default briefing-<corpus name>)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        default=None,
        help="refuse the corpus when a file cannot be read (BRIEFING_STRICT; default: skip it with a warning)",
    )
    parser.add_argument(
        "--follow-links",
        action="store_true",
        default=None,
        help="read links to files outside the corpus folder (BRIEFING_FOLLOW_LINKS; default: skip them)",
    )
    parser.add_argument(
        "--max-file-mb",
        type=int,
        metavar="N",
        help="skip files larger than N MB (BRIEFING_MAX_FILE_MB; default 10)",
    )
    parser.add_argument(
        "--query-encoder",
        choices=QUERY_ENCODERS,
        help="how questions are embedded (BRIEFING_QUERY_ENCODER; default numpy: same vectors, no torch)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ingest = sub.add_parser("ingest", help="build or update the index from a corpus folder")
    ingest.add_argument("dir", nargs="?", metavar="DIR", help="corpus folder (same as --corpus)")
    _common(ingest)
    ingest.add_argument("--rebuild", action="store_true", help="drop the index and embed everything again")

    ask = sub.add_parser("ask", help="answer a question with citations (no question: interactive)")
    ask.add_argument("question", nargs="?", help="the question; leave out for an interactive session")
    _common(ask)
    ask.add_argument("--json", action="store_true", help="print the answer as JSON (Answer.to_dict())")

    ev = sub.add_parser("eval", help="run the eval sets, write a report, fail below thresholds")
    ev.add_argument(
        "--set",
        dest="sets",
        action="append",
        metavar="NAME",
        help=(
            "a set: article, article-fresh, squad2, briefing, a corpus folder name under evals/corpora,"
            " or a YAML file (repeatable; default: all)"
        ),
    )
    ev.add_argument(
        "--split",
        choices=("tune", "check"),
        help="run one split only: tune while fitting a mechanism (default: both; thresholds judge check)",
    )
    ev.add_argument("--report", metavar="DIR", help="where to write report.json and report.md (default eval-report/)")
    _common(ev)

    check = sub.add_parser(
        "check", help="compare the index's vectors with its documents and fix drift (orphaned or missing vectors)"
    )
    _common(check)
    check.add_argument("--no-fix", action="store_true", help="only report; exit 1 when the index has drifted")

    brief = sub.add_parser("brief", help="write a cited briefing note of the corpus or of a topic")
    brief.add_argument("--topic", metavar="T", help="brief on this topic only (default: the whole corpus)")
    brief.add_argument("--format", choices=("md", "json"), default="md", help="Markdown (default) or JSON")
    brief.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    brief.add_argument("--max-points", type=int, default=8, metavar="N", help="key points at most (default 8)")
    _common(brief)

    serve = sub.add_parser("serve", help="start the chat UI (same as python app.py)")
    _common(serve)
    serve.add_argument(
        "--host",
        help="address to bind (BRIEFING_HOST; default 127.0.0.1; others need users: BRIEFING_AUTH=user:password or BRIEFING_AUTH_FILE=path)",
    )
    serve.add_argument("--port", type=int, help="port (BRIEFING_PORT; default 7860)")
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    corpus = getattr(args, "dir", None) or getattr(args, "corpus", None)
    return Settings.from_env(
        corpus=corpus,
        index_dir=getattr(args, "index_dir", None),
        chroma_url=getattr(args, "chroma_url", None),
        collection=getattr(args, "collection", None),
        query_encoder=getattr(args, "query_encoder", None),
        host=getattr(args, "host", None),
        port=getattr(args, "port", None),
        strict=getattr(args, "strict", None),
        follow_links=getattr(args, "follow_links", None),
        max_file_mb=getattr(args, "max_file_mb", None),
    )


@contextmanager
def progress_bar(console: Console) -> Iterator[Any]:
    """A rich progress bar on stderr, fed by the engine's ``progress(stage, done, total)``
    callback; stdout stays for answers. When stderr is not a terminal (piped, or a log
    file), plain lines instead, at most one every ``LineProgress.EVERY`` seconds."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

    status = Console(stderr=True)
    if not status.is_terminal:
        yield LineProgress()
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeRemainingColumn(),
        console=status,
        transient=True,
        disable=not status.is_terminal,
    ) as bar:
        task = bar.add_task("indexing", total=None)

        def update(stage: str, done: int, total: int) -> None:
            bar.update(task, description=f"{stage} {done:,}/{total:,}", completed=done, total=total)

        yield update


class LineProgress:
    """Progress as plain lines on stderr: at the start and end of each stage, and at most
    one line every ``EVERY`` seconds in between, so a log shows a long ingest moving."""

    EVERY = 5.0

    def __init__(self) -> None:
        self.stage = ""
        self.last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        import time

        now = time.monotonic()
        if stage == self.stage and done < total and now - self.last < self.EVERY:
            return
        self.stage, self.last = stage, now
        share = f" ({100 * done // total}%)" if total else ""
        print(f"{stage} {done:,}/{total:,}{share}", file=sys.stderr, flush=True)


def open_assistant(settings: Settings, console: Console, rebuild: bool = False) -> Assistant:
    from assistant.engine import Assistant

    with progress_bar(console) as progress:
        bot = Assistant(**settings.engine_options(), progress=progress, rebuild=rebuild, notify=notice)
    warn_skipped(bot)
    return bot


def with_hint(exc: AssistantError) -> str:
    """The error's message and, when it has one, its next step for a command-line user."""
    return f"{exc}; {exc.hint}" if exc.hint else str(exc)


def notice(message: str) -> None:
    """A one-line notice from the engine (such as waiting for another ingest), on stderr."""
    print(printable(message), file=sys.stderr, flush=True)


def warn_skipped(bot: Assistant) -> None:
    """One warning line on stderr per file left out of the corpus, and per unreadable folder."""
    for skipped in bot.skipped:
        hint = f" ({skipped.hint})" if skipped.hint else ""
        print(f"warning: skipped {one_line(skipped.path)}: {printable(skipped.reason)}{hint}", file=sys.stderr)
    for folder in bot.corpus_read.unreadable:
        print(
            f"warning: cannot read the folder {one_line(folder)}: its documents already indexed are kept; "
            "check its permissions",
            file=sys.stderr,
        )


def printable(text: str) -> str:
    r"""``text`` with control characters shown as escapes, so nothing reaches the terminal raw.

    >>> printable("a\x1b[2Jb\tc")
    'a\\x1b[2Jb\tc'
    """
    return "".join(ch if ch in "\t\n" or not _is_control(ch) else ch.encode("unicode_escape").decode() for ch in text)


def one_line(text: str) -> str:
    r"""A name (file, title, document id) as one line: ``printable``, with line breaks and
    tabs escaped too, so a file named "a.txt\n[2] ..." cannot print a line of its own.

    >>> one_line("notes\n[2] forged.txt")
    'notes\\n[2] forged.txt'
    """
    return "".join(ch.encode("unicode_escape").decode() if ch in "\t\n\r" else ch for ch in printable(text))


def _is_control(ch: str) -> bool:
    import unicodedata

    return unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\u200d"


def print_answer(answer: Answer, console: Console) -> None:
    from rich.markup import escape

    from assistant.references import source_label

    style = "" if answer.answered else "yellow"
    label = {"answer": "", "decline": "[not in the sources] ", "correct_premise": "[premise corrected] "}[
        answer.behaviour
    ]
    console.print(f"[{style or 'default'}]{escape(printable(label + answer.text))}[/]")
    if answer.citations:
        console.print()
    for c in answer.citations:
        tag = "related " if c.related else ""
        console.print(
            rf'[bold]\[{c.marker}][/bold] {tag}"{escape(printable(c.quote))}" [dim]({escape(one_line(source_label(c)))})[/dim]'
            + (f" [dim](also in {escape(one_line(', '.join(c.also_in)))})[/dim]" if c.also_in else "")
        )


def cmd_ingest(args: argparse.Namespace, console: Console) -> int:
    import time

    from rich.markup import escape

    settings = settings_from(args)
    started = time.perf_counter()
    bot = open_assistant(settings, console, rebuild=args.rebuild)
    summary = bot.last_ingest
    where = settings.chroma_url or str(settings.index_path)
    # Nothing changed: still delete vectors a killed ingest left behind (an ingest that
    # wrote does this at its end).
    drift = bot.index.reconcile() if summary is None else summary.drift
    orphans = sum(c.orphans for c in drift.collections) if drift is not None else 0
    if orphans:
        print(f"deleted {orphans:,} vectors that no document owns (left by an interrupted ingest)", file=sys.stderr)
    skipped = f"; {len(bot.skipped)} skipped (see the warnings above)" if bot.skipped else ""
    if summary is None:
        n = len(bot.documents)
        line = f"index at {where} is up to date: {n} document{'s' if n != 1 else ''} unchanged{skipped} ({time.perf_counter() - started:.1f} s)"
    else:
        line = f"{summary.line()}{skipped}; index at {where}"
    console.print(escape(printable(line)), highlight=False)
    return 0


def cmd_ask(args: argparse.Namespace, console: Console) -> int:
    settings = settings_from(args)
    if args.question is not None:
        from assistant.question import validate

        validate(args.question, settings.max_question_chars)  # before the slow start-up
    bot = open_assistant(settings, console)
    if args.question is not None:
        answer = bot.ask(args.question)
        if args.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        else:
            print_answer(answer, console)
        return 0
    return interactive(bot, console, as_json=args.json)


def interactive(bot: Assistant, console: Console, as_json: bool = False) -> int:
    """Ask questions in a loop; follow-ups use the conversation so far."""
    from rich.markup import escape

    n = len(bot.documents)
    # The banner and the prompt go to stderr, so stdout holds only answers (JSON lines with --json).
    print(
        f"{n} document{'s' if n != 1 else ''} from {bot.corpus_dir}. Ask a question; an empty line or Ctrl-D ends.",
        file=sys.stderr,
    )
    history: list[tuple[str, str]] = []
    while True:
        print("\n? ", end="", file=sys.stderr, flush=True)
        try:
            line = sys.stdin.readline()
        except KeyboardInterrupt:
            print(file=sys.stderr)
            return 0
        if not line:  # end of input
            print(file=sys.stderr)
            return 0
        question = line.strip()
        if not question:
            return 0
        try:
            answer = bot.ask(question, history=history)
        except AssistantError as exc:
            console.print(f"[red]error:[/red] {escape(printable(with_hint(exc)))}")
            continue
        if as_json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False))
        else:
            print_answer(answer, console)
        history.append((question, answer.text))


def cmd_eval(args: argparse.Namespace, console: Console) -> int:
    from evals.runner import run_eval

    settings = settings_from(args)
    return run_eval(
        args.sets,
        Path(args.report) if args.report else None,
        settings.corpus,
        settings.index_dir,
        console,
        chroma_url=settings.chroma_url,
        collection=settings.collection,
        split=args.split,
        engine_options=settings.corpus_options(),
        on_user_engine=warn_skipped,
    )


def cmd_brief(args: argparse.Namespace, console: Console) -> int:
    from assistant.errors import QuestionError

    settings = settings_from(args)
    if args.max_points < 1:
        raise QuestionError(f"--max-points must be at least 1, not {args.max_points}")
    out = Path(args.out) if args.out else None
    if out is not None and not out.parent.is_dir():
        raise QuestionError(
            f"cannot write {out}: the folder {out.parent} does not exist: create it, or choose another --out FILE"
        )
    bot = open_assistant(settings, console)
    briefing = bot.brief(args.topic, max_points=args.max_points)
    text = (
        json.dumps(briefing.to_dict(), ensure_ascii=False, indent=2) + "\n"
        if args.format == "json"
        else briefing.to_markdown()
    )
    if out is None:
        sys.stdout.write(printable(text))  # a terminal gets no raw control character from a document
    else:
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise QuestionError(f"cannot write {out} ({exc.strerror}): choose another --out FILE") from exc
        print(f"briefing written to {out}", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace, console: Console) -> int:
    from contextlib import suppress

    from assistant.ui import serve

    with suppress(KeyboardInterrupt):  # Ctrl-C is how a server is stopped
        serve(settings_from(args))
    return 0


def cmd_check(args: argparse.Namespace, console: Console) -> int:
    """Report each collection's records against the registry, and fix what drifted."""
    from assistant.embeddings import Embedder
    from assistant.errors import IndexStoreError
    from assistant.index import Index

    settings = settings_from(args)
    where = settings.chroma_url or str(settings.index_path)
    if not settings.chroma_url and not settings.index_path.exists():
        raise IndexStoreError(f"there is no index at {where}: run `briefing ingest` first")
    index = Index(
        Embedder(), settings.index_path, settings.chroma_url, namespace=settings.collection_name, notify=notice
    )
    drift = index.check(fix=not args.no_fix)
    print(f"index at {printable(where)}: {drift.documents:,} documents")
    for collection in drift.collections:
        print(f"  {collection.line()}")
    if drift.addressed:
        n = len(drift.addressed)
        print(
            f"{n} sentence{' addresses' if n == 1 else 's address'} the assistant and {'is' if n == 1 else 'are'} never cited:"
        )
        for sentence in drift.addressed:
            print(
                f"  {one_line(sentence.sentence_id)} (chars {sentence.start}-{sentence.end}): {printable(sentence.text)}"
            )
    if drift.clean:
        print("no drift: every vector belongs to a document, and every document has its vectors")
        return 0
    if drift.fixed:
        print("fixed: orphaned vectors deleted, missing ones written again")
        return 0
    print("the index has drifted: run `briefing check` without --no-fix to repair it")
    return 1


COMMANDS = {
    "ingest": cmd_ingest,
    "ask": cmd_ask,
    "brief": cmd_brief,
    "eval": cmd_eval,
    "serve": cmd_serve,
    "check": cmd_check,
}


def _tolerant_streams() -> None:
    """Bytes that are not UTF-8 (typed in another encoding, or in a file name) reach the
    question check as lone surrogates instead of killing the command with a traceback,
    and anything printed back is escaped rather than refused."""
    for stream, errors in (
        (sys.stdin, "surrogateescape"),
        (sys.stdout, "backslashreplace"),
        (sys.stderr, "backslashreplace"),
    ):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=errors)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that an ingest stops the same way (its worker
    threads stopped, the index left for the next ingest to finish)."""


def _terminated(signum: int, frame: object) -> None:
    raise Terminated


@contextmanager
def sigterm_interrupts(command: str) -> Iterator[None]:
    """SIGTERM raises ``Terminated`` during the block, unless something else handles it
    already, or the command is ``serve`` (a server is stopped by SIGTERM as before)."""
    import signal
    import threading

    if (
        command == "serve"
        or threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    ):
        yield
        return
    signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except BrokenPipeError:
        return _reader_gone()


def _run(argv: Sequence[str] | None) -> int:
    """``main`` but for a reader gone from standard output (``main`` ends quietly then)."""
    from rich.console import Console
    from rich.markup import escape

    _tolerant_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            sys.stdout.flush()
            return EXIT_USAGE
    except SystemExit:  # --help or a usage error: argparse printed, then exits
        sys.stdout.flush()  # a reader gone shows here (BrokenPipeError), not when the process exits
        raise
    console = Console(soft_wrap=True)  # quotes stay on one line, verbatim, when piped
    errors = Console(stderr=True, soft_wrap=True)
    try:
        with sigterm_interrupts(args.command):
            code = COMMANDS[args.command](args, console)
        sys.stdout.flush()  # a reader gone shows here, not as noise when the process exits
        return code
    except AssistantError as exc:
        errors.print(f"[red]error:[/red] {escape(printable(with_hint(exc)))}", highlight=False, markup=True)
        return EXIT_USAGE
    except KeyboardInterrupt as exc:
        errors.print("interrupted: the index keeps every document written so far; run the same command again to finish")
        return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED


def _reader_gone() -> int:
    """The reader of standard output went away (``briefing brief | head``): end quietly
    with exit code 1, as rich does for the answers it prints. Standard output is pointed at
    the null device first, so the flush at exit cannot raise the same error again."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 1


if __name__ == "__main__":
    sys.exit(main())
