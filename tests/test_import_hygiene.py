"""Nothing heavy at import time: the package, ``briefing --help`` and a question asked from
a built index load no torch, transformers, sentence-transformers, gradio, sklearn or
LangChain (each costs seconds of start-up). Checked through ``sys.modules`` in a fresh
interpreter. The rule for new code: import a heavy library inside the function or entry
point that needs it (see NOTES.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import Assistant

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ["torch", "transformers", "sentence_transformers", "gradio", "sklearn"]
# LangChain loads only when a LangChain view is asked for (as_retriever, as_runnable, ...).
LANGCHAIN = ["langchain_core", "langchain_chroma"]
# Not needed to answer from a built embedded index either: BM25 is NumPy (assistant.lexical)
# and the index is read from its saved copy (assistant.savedindex).
READ_PATH = ["scipy", "bm25s", "chromadb"]

REPORT = "import json, sys; print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"


def loaded_after(code: str) -> set[str]:
    """Top-level modules loaded by a fresh interpreter after running ``code``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFING_")}
    env["PYTHONPATH"] = str(ROOT)
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\n{REPORT}"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    ).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "code",
    [
        "import assistant",
        "from assistant import Answer, Assistant, Citation, ask",
        "import assistant.cli, assistant.ui, assistant.settings, evals",
        "from assistant.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass",
        "from assistant.cli import main\ntry:\n    main(['ask', '--help'])\nexcept SystemExit:\n    pass",
    ],
    ids=["import", "public-api", "entry-modules", "help", "ask-help"],
)
def test_importing_and_help_load_nothing_heavy(code: str) -> None:
    loaded = loaded_after(code)
    assert not loaded & {*HEAVY, *LANGCHAIN}, f"{code!r} imported {sorted(loaded & {*HEAVY, *LANGCHAIN})}"


def test_asking_from_a_built_index_loads_nothing_heavy(bot: Assistant) -> None:
    args = ["ask", "Did Albania agree to host a UK return hub?", "--corpus", str(bot.corpus_dir)]
    args += ["--index-dir", str(bot.index_dir), "--json"]
    code = (
        "import contextlib, io\nfrom assistant.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()) as out:\n    assert main({args!r}) == 0\n"
        "assert 'ruled out' in out.getvalue()"
    )
    loaded = loaded_after(code)
    heavy = loaded & {*HEAVY, *LANGCHAIN, *READ_PATH}
    assert not heavy, f"briefing ask imported {sorted(heavy)}"


def test_the_langchain_views_still_load_when_asked_for(bot: Assistant) -> None:
    assert bot.as_retriever(k=2).invoke("Albania hub")  # imports LangChain on demand
    assert bot.index.sentence_store._collection.count() == bot.index._sentences.count()
    # The vector records hold ids and metadata, no text (index.py): the views' own searches find
    # no documents, which the index docstrings say; as_retriever is the one that searches.
    store = bot.index.sentence_store
    assert store.get(limit=1, include=["metadatas"])["metadatas"][0]["doc_id"]
    assert store.similarity_search("Albania hub", k=2) == [], "texts are stored again: update index.py's docs"
    assert len(bot.index.embedder.as_langchain().embed_query("Albania")) == 384
