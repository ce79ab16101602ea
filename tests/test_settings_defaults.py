"""Settings keeps copies of two library defaults so that ``briefing --help`` imports
nothing heavy; these tests keep each copy equal to the library's own."""

from __future__ import annotations

import inspect

from assistant import corpus, question, settings
from assistant.engine import Assistant


def test_the_question_limit_is_the_librarys() -> None:
    assert settings.MAX_QUESTION_CHARS == question.MAX_QUESTION_CHARS
    assert inspect.signature(Assistant).parameters["max_question_chars"].default == settings.MAX_QUESTION_CHARS


def test_the_file_size_limit_is_the_librarys() -> None:
    assert settings.MAX_FILE_MB * 1024 * 1024 == corpus.MAX_FILE_BYTES
    assert settings.Settings().corpus_options()["max_file_bytes"] == corpus.MAX_FILE_BYTES
