"""Item 10 of issue 12, from a user's shell: a damaged or read-only index gives one line
with the next step that fits, and that step works. A truncated database and damaged
vector (HNSW) files lead to ``ingest --rebuild``, which builds the index again from
scratch; a read-only index leads to permissions or another folder, never to deleting it."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.reliability.procs import Run, briefing, no_traceback, write_notes

pytestmark = pytest.mark.slow
QUESTION = "What did the Arden council approve?"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A corpus of 1,080 sentences and its index: over the 1,000 vectors after which Chroma
    writes a collection's HNSW files (a smaller one keeps its vectors in SQLite only)."""
    root = tmp_path_factory.mktemp("damaged")
    corpus = root / "corpus"
    corpus.mkdir()
    write_notes(corpus, "n", 90, seed=3)
    run = briefing("ingest", "--corpus", str(corpus), "--index-dir", str(root / "index"))
    assert run.returncode == 0, run.stderr
    return corpus, root / "index"


def _ask(corpus: Path, index: Path) -> Run:
    run = briefing("ask", "--corpus", str(corpus), "--index-dir", str(index), QUESTION)
    no_traceback(run)
    return run


def _vector_files(index: Path) -> Path:
    """The folder of the sentence collection's HNSW files (the one collection over 1,000)."""
    (metadata,) = index.glob("*/index_metadata.pickle")
    return metadata.parent


def _truncate_database(index: Path) -> None:
    db = index / "chroma.sqlite3"
    with db.open("r+b") as f:
        f.truncate(db.stat().st_size // 3)


def _scramble_hnsw_header(index: Path) -> None:
    (_vector_files(index) / "header.bin").write_bytes(os.urandom(100))


def _spoil_hnsw_metadata(index: Path) -> None:
    (_vector_files(index) / "index_metadata.pickle").write_bytes(b"not a pickle\n")


@pytest.mark.parametrize("damage", [_truncate_database, _spoil_hnsw_metadata, _scramble_hnsw_header])
def test_a_damaged_index_says_rebuild_and_the_rebuild_works(
    built: tuple[Path, Path], tmp_path: Path, damage: object
) -> None:
    corpus, original = built
    index = tmp_path / "index"
    shutil.copytree(original, index)
    damage(index)  # type: ignore[operator]
    # Questions are answered from the index's read copy, which the damage did not touch;
    # whatever needs Chroma itself says it is damaged, and a reader without the copy too.
    answered = _ask(corpus, index)
    assert answered.returncode == 0 and "Arden council approved" in answered.out, answered.stderr
    ingest = briefing("ingest", "--corpus", str(corpus), "--index-dir", str(index))
    no_traceback(ingest)
    for path in index.glob("read-*.npz"):
        path.unlink()
    for run in (ingest, _ask(corpus, index)):
        assert run.returncode == 2, run.stdout
        assert run.err.startswith(f"error: the index at {index} is damaged"), run.err
        assert "run `briefing ingest --rebuild`" in run.err
    if damage is _spoil_hnsw_metadata:
        return  # rebuilt as after the other damage to the same files, which the next case checks
    rebuilt = briefing("ingest", "--rebuild", "--corpus", str(corpus), "--index-dir", str(index))
    no_traceback(rebuilt)
    assert rebuilt.returncode == 0 and "90 added" in rebuilt.out, rebuilt.stderr
    again = _ask(corpus, index)
    assert again.returncode == 0 and "Arden council approved" in again.out, again.stderr


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` read-only for this test: by permissions, or for root (whom permissions
    do not stop) by a read-only bind mount over it; skipped where neither is possible."""
    if os.geteuid() != 0:
        paths = [folder, *folder.rglob("*")]
        for p in paths:
            p.chmod(p.stat().st_mode & ~0o222)
        try:
            yield
        finally:
            for p in paths:
                p.chmod(p.stat().st_mode | 0o200)
        return
    mounted = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot make a read-only folder as root here: {mounted.stderr.decode().strip()}")
    try:
        if subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("cannot remount a folder read-only here")
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_index_says_so_and_never_to_delete_it(built: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, original = built
    index = tmp_path / "index"
    shutil.copytree(original, index)
    with read_only(index):
        answered = _ask(corpus, index)  # from the read copy: asking writes nothing
        assert answered.returncode == 0 and "Arden council approved" in answered.out, answered.stderr
        for run in (
            briefing("ingest", "--corpus", str(corpus), "--index-dir", str(index)),
            briefing("check", "--corpus", str(corpus), "--index-dir", str(index)),
        ):
            no_traceback(run)
            assert run.returncode == 2, run.stdout
            assert run.err.startswith(f"error: the index at {index} is read-only"), run.err
            assert "make its folder and files writable" in run.err and "--index-dir" in run.err
            assert "delete" not in run.err and "--rebuild" not in run.err
    assert _ask(corpus, index).returncode == 0  # untouched: it works again once writable
