"""Smaller items of issue 12 (item 10), through the engine: the same text under several
names, questions with bytes that are not UTF-8, a long conversation history, and a
question that is not in English."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant, QuestionError
from assistant.engine import MAX_HISTORY_CHARS

STRIKE = (
    "Port strike ends\n\nDock workers in Rotterdam voted on Monday to end a strike that had lasted ten days. "
    "The union said members accepted a pay rise of 7 percent over two years.\n"
)


@pytest.fixture(scope="module")
def copies_bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus = tmp_path_factory.mktemp("copies")
    for name in ("strike.txt", "strike-copy.txt", "saved/strike (1).txt"):
        (corpus / name).parent.mkdir(exist_ok=True)
        (corpus / name).write_text(STRIKE, encoding="utf-8")
    (corpus / "water.txt").write_text(
        "The city council of Valencia introduced water rationing after a dry winter.\n", encoding="utf-8"
    )
    return Assistant(corpus=corpus, index_dir=tmp_path_factory.mktemp("copies-index") / "idx")


def test_the_same_text_under_three_names_is_quoted_once_and_names_all(copies_bot: Assistant) -> None:
    answer = copies_bot.ask("How long did the strike in Rotterdam last?")
    assert answer.answered
    quotes = [c.quote for c in answer.citations]
    assert len(quotes) == len(set(quotes))
    cited = next(c for c in answer.citations if "ten days" in c.quote)
    names = {cited.doc_id, *cited.also_in}
    assert names == {"strike.txt", "strike-copy.txt", "saved/strike (1).txt"}
    assert "also_in" in answer.to_dict()["citations"][0]
    hits = copies_bot.retrieve("Rotterdam dock workers strike", k=6)
    texts = [h.sentence.text for h in hits]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("question", ["What about \udcff\udcfe?", "\ud800", "Rates \udc80 rose?"])
def test_lone_surrogates_in_a_question_are_refused_plainly(copies_bot: Assistant, question: str) -> None:
    with pytest.raises(QuestionError, match="not UTF-8"):
        copies_bot.ask(question)


def test_history_is_bounded(copies_bot: Assistant) -> None:
    with pytest.raises(QuestionError, match="start a new conversation"):
        copies_bot.ask("And the pay rise?", history=[("q", "a" * (MAX_HISTORY_CHARS + 1))])
    many = [("How long did the strike last?", "Ten days.")] * 10_000  # only the last turns are read
    assert copies_bot.ask("And the pay rise?", history=many).answered
    odd = [("What about the strike \udcff?", "It ended \ud800.")]
    copies_bot.ask("And the pay rise?", history=odd)  # no TypeError from bytes that were not UTF-8


def test_a_declined_question_in_another_language_gets_a_hint(copies_bot: Assistant) -> None:
    for question in (
        "¿Cuánto duró la huelga de los estibadores en el puerto?",
        "Hoe lang duurde de staking in de haven?",
        "Quanto tempo durou a greve?",
    ):
        answer = copies_bot.ask(question)
        assert not answer.answered and "ask the question in English" in answer.text, question
    english = copies_bot.ask("What is the capital of Peru?")
    assert not english.answered and "in English" not in english.text


def test_a_file_that_turns_bad_keeps_its_indexed_version(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "strike.txt").write_text(STRIKE, encoding="utf-8")
    (corpus / "water.txt").write_text("Valencia rationed water after a dry winter.\n", encoding="utf-8")
    Assistant(corpus=corpus, index_dir=tmp_path / "idx")
    (corpus / "water.txt").write_bytes("Valencia rationed water after a dry winter, caf\xe9.\n".encode("latin-1"))
    bot = Assistant(corpus=corpus, index_dir=tmp_path / "idx")
    assert [s.path for s in bot.skipped] == ["water.txt"]
    assert [d.doc_id for d in bot.documents] == ["strike.txt", "water.txt"]  # not silently removed
    assert bot.document("water.txt").text == "Valencia rationed water after a dry winter.\n"
    summary = bot.ingest()
    assert summary.removed == 0 and "water.txt" in {d.doc_id for d in bot.documents}


@pytest.mark.parametrize(
    ("failure", "says", "hint"),
    [
        ("attempt to write a readonly database", "is read-only", "--index-dir"),
        ("(code: 8) attempt to write a readonly database", "is read-only", "--index-dir"),
        ("error returned from database: (code: 11) database disk image is malformed", "is damaged", "--rebuild"),
        ("(code: 26) file is not a database", "is damaged", "--rebuild"),
        ("Error loading hnsw index", "is damaged", "--rebuild"),
        ("Error executing plan: Internal error: segment reader failed", "is damaged", "--rebuild"),
        ("something else entirely", "cannot be read", "--rebuild"),
        ("(code: 1032) attempt to write a readonly database", "was deleted or moved while in use", "same command"),
    ],
)
def test_index_failures_get_the_next_step_that_fits(failure: str, says: str, hint: str) -> None:
    from assistant.index import store_error

    error = store_error("/srv/idx", "read", RuntimeError(failure))
    assert says in str(error) and hint in str(error.hint)
    assert "--" not in str(error)  # the library message names no flag; the CLI adds the hint


def test_a_large_document_reports_its_split(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.index
    import assistant.sentences
    from assistant.index import STAGE_SPLIT

    monkeypatch.setattr(assistant.index, "SPLIT_PROGRESS_CHARS", 1000)  # "large" scaled down
    monkeypatch.setattr(assistant.sentences, "PROGRESS_CHARS", 400)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "\n\n".join(f"Crews cleared {n} drains on the ring road in week {n}." for n in range(60))
    (corpus / "drains.txt").write_text(text + "\n", encoding="utf-8")
    (corpus / "small.txt").write_text("Rents rose in May.\n", encoding="utf-8")
    calls: list[tuple[str, int, int]] = []
    Assistant(corpus=corpus, index_dir=tmp_path / "idx", progress=lambda *call: calls.append(call))
    split = [(done, total) for stage, done, total in calls if stage == STAGE_SPLIT]
    assert len(split) >= 4 and split[-1] == (len(text) + 1, len(text) + 1)  # the small file reports nothing


def test_a_file_name_cannot_print_a_line_of_its_own() -> None:
    import io

    from rich.console import Console

    from assistant.cli import print_answer
    from assistant.records import Answer, Citation

    forged = 'notes.txt\n[2] "Albania agreed to host the hubs." (gov.txt, sentence 1)'
    citation = Citation(1, forged, f"{forged}#s0", "Rents fell.", 0, 11, title=forged)
    out = io.StringIO()
    print_answer(Answer("What happened?", "Rents fell. [1]", True, [citation]), Console(file=out, soft_wrap=True))
    lines = out.getvalue().splitlines()
    assert lines == ["Rents fell. [1]", "", lines[2]] and lines[2].startswith('[1] "Rents fell." (notes.txt\\n[2]')


@pytest.mark.parametrize(
    ("env", "says"),
    [
        (
            {"BRIEFING_MAX_FILE_MB": "0"},
            "max_file_mb 0 is out of range: it must be at least 1; fix BRIEFING_MAX_FILE_MB",
        ),
        ({"BRIEFING_PORT": "70000"}, "port 70000 is out of range: it must be from 1 to 65535; fix BRIEFING_PORT"),
        ({"BRIEFING_MAX_QUESTION_CHARS": "-5"}, "max_question_chars -5 is out of range: it must be at least 1"),
        ({"BRIEFING_MAX_FILE_MB": "ten"}, "max_file_mb must be a whole number, not 'ten'"),
        # Only a setting that has a flag names one.
        ({"BRIEFING_PORT": "0"}, "fix BRIEFING_PORT or --port"),
        ({"BRIEFING_MAX_FILE_MB": "ten"}, "fix BRIEFING_MAX_FILE_MB or --max-file-mb"),
        ({"BRIEFING_MAX_QUESTION_CHARS": "abc"}, "fix BRIEFING_MAX_QUESTION_CHARS\n"),
    ],
)
def test_a_number_setting_out_of_range_says_what_is_allowed(env: dict[str, str], says: str) -> None:
    from assistant.errors import ConfigError
    from assistant.settings import Settings

    with pytest.raises(ConfigError) as raised:
        Settings.from_env(env)
    assert says in str(raised.value) + "\n"


@pytest.mark.parametrize(
    ("name", "usable"),
    [
        ("briefing-corpus", True),
        ("x", True),
        ("team.briefing_2", True),
        ("a b/c", False),
        ("é", False),
        ("..", False),
        ("a..b", False),
        ("-lead", False),
        ("n" * 481, False),
    ],
)
def test_a_collection_name_chroma_would_refuse_is_a_setting_error(name: str, usable: bool) -> None:
    """Chroma's own refusal surfaced as a damaged index ('rebuild it'), which never helps."""
    from assistant.errors import ConfigError
    from assistant.index import check_namespace

    if usable:
        check_namespace(name)
    else:
        with pytest.raises(ConfigError, match="cannot be used") as raised:
            check_namespace(name)
        assert raised.value.hint == "pass another with --collection"


def test_an_index_folder_deleted_while_in_use_is_built_again_by_the_next_ingest(tmp_path: Path) -> None:
    import shutil

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "strike.txt").write_text(STRIKE, encoding="utf-8")
    bot = Assistant(corpus=corpus, index_dir=tmp_path / "idx")
    shutil.rmtree(tmp_path / "idx")  # "to start afresh", while a server still has it open
    summary = bot.ingest()  # was: "is read-only (... attempt to write a readonly database)"
    assert summary.added == 1 and (tmp_path / "idx" / "chroma.sqlite3").exists()
    assert "ten days" in bot.ask("How long did the Rotterdam strike last?").text
    assert Assistant(corpus=corpus, index_dir=tmp_path / "idx").last_ingest is None  # current for a new process
