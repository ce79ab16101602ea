"""Output piped into a reader that stops early (``briefing brief | head``): the command ends
quietly with exit code 1, as rich does for the answer of ``briefing ask``, and prints no
traceback of the broken pipe."""

from __future__ import annotations

import subprocess

import pytest
from corpus_folder import write_corpus

from tests.reliability.procs import DOCUMENTS, ROOT, TIMEOUT, briefing, command, environment

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """The reliability corpus, indexed once for the module."""
    root = tmp_path_factory.mktemp("pipe")
    corpus, index = write_corpus(root / "corpus", DOCUMENTS), root / "index"
    run = briefing("ingest", "--corpus", str(corpus), "--index-dir", str(index))
    assert run.returncode == 0, run.stderr
    return str(corpus), str(index)


@pytest.mark.parametrize(
    "args",
    [
        ("brief",),  # Markdown written with sys.stdout.write
        ("brief", "--format", "json"),
        ("check", "--no-fix"),  # report lines written with print
        ("ask", "Did the strike end?"),  # written by rich
        ("ask", "--json", "How much will the ministry spend on signalling?"),  # print of JSON
        ("eval", "--help"),  # argparse's help, whose failed write surfaces at the flush
        ("--help",),
    ],
)
def test_a_reader_that_closes_the_pipe_gets_no_traceback(indexed: tuple[str, str], args: tuple[str, ...]) -> None:
    corpus, index = indexed
    proc = subprocess.Popen(
        command(*args, "--corpus", corpus, "--index-dir", index),
        cwd=ROOT,
        env=environment(PYTHONUNBUFFERED=""),  # buffered, as standard output into a pipe is
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first line is written
    stderr = proc.stderr.read().decode("utf-8", "replace")
    returncode = proc.wait(timeout=TIMEOUT)
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
    assert returncode == 1, stderr
    assert stderr == "", stderr
