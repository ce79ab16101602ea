"""Item 7 (and 5, 6, 9, 10) of issue 12: one bad file never stops the corpus. Good files
are indexed, each bad one gets one warning line naming it, and ``ingest`` exits 0 with a
summary; ``--strict`` refuses the corpus as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.procs import briefing, no_traceback

pytestmark = pytest.mark.slow

BAD = {
    "latin.txt": "Caf\xe9 owners protested the new tax.".encode("latin-1"),
    "wide.txt": "Wide text without a byte-order mark.".encode("utf-16-le"),
    "blob.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00",
    "bomb.md": b"---\na: &a [l, l, l, l]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c]\n---\nBody.\n",
    "big.txt": b"Filler sentence. " * 80_000,  # 1.4 MB, over a 1 MB limit
}


def test_bad_files_are_skipped_with_one_warning_each(corpus: Path, tmp_path: Path) -> None:
    odd = tmp_path / "odd [bold" / "] name [/]x"  # rich markup in paths is printed, not read
    odd.parent.mkdir(parents=True)
    corpus = corpus.rename(odd)
    for name, content in BAD.items():
        (corpus / name).write_bytes(content)
    (corpus / "noise.txt").write_text("Prices \x1b[2J\x1b]0;owned\x07rose in May.\n", encoding="utf-8")
    (corpus / "esc\x1b[31mname.txt").write_text("Tram fares fell in April.\n", encoding="utf-8")
    index = ["--index-dir", str(tmp_path / "index [/]"), "--max-file-mb", "1"]

    strict = briefing("ingest", str(corpus), *index, "--strict")
    no_traceback(strict)
    assert strict.returncode == 2 and strict.stderr.count("\n") == 1, strict.stderr
    assert "[/]" in strict.stderr or "odd [bold" in strict.stderr

    run = briefing("ingest", str(corpus), *index)
    no_traceback(run)
    assert run.returncode == 0, run.stderr
    warnings = [line for line in run.stderr.splitlines() if line.startswith("warning: ")]
    assert sorted(line.split()[2].rstrip(":") for line in warnings) == sorted(BAD)
    assert "5 added" in run.out and "5 skipped" in run.out and "index [/]" in run.out
    assert "\x1b" not in run.stdout + run.stderr

    ask = briefing("ask", "What happened to tram fares in April?", "--corpus", str(corpus), *index)
    no_traceback(ask)
    assert ask.returncode == 0 and "Tram fares fell in April." in ask.out, ask.stdout + ask.stderr
    assert "\x1b" not in ask.stdout  # the file name's escape is printed as \x1b
    assert ask.stderr.count("warning: ") == len(BAD)  # ask says which files it left out, too
