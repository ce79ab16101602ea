"""Scale benchmark: ingest throughput, ask() latency, index size and memory by corpus size.

    .venv/bin/python bench/scale.py --sizes 100 1000 [10000] [--server] [--questions 30] [--no-st] [--repeats N]

For each size it builds a corpus (see ``build_corpus``), then, in a fresh child process
per run so that peak memory is per run:

1. ingest: ``Assistant(corpus, index_dir[, chroma_url])`` on an empty index, timed from
   the start of the constructor (corpus reading, splitting, embedding, Chroma writes, then
   loading the snapshot and the BM25 index) to its end; the embedding model is loaded and
   chromadb imported before the clock starts (one-off start-up costs, not throughput);
2. ask: p50/p95 of ``ask()`` over ``--questions`` SQuAD questions (after one warm-up);
3. the model alone on exactly the texts the ingest embedded (its sentences and its
   documents' headings), in the same process, once just before the ingest and once just
   after it (load drifts; the ratios use the mean; peak RSS is read before the second):
   *model alone* is the model called the ingest's way, which is the fastest way found
   (``Embedder.encode_batches``: texts sorted by tokens over all the texts at once, cut
   into calls of at most ``index.ENCODE_BATCH`` texts by ``index.model_batches``, one call
   per core at once in worker threads of one torch thread each); *ratio* = its seconds / the ingest's seconds, *CPU ratio* the same with
   CPU seconds (the process's, and its ended child processes' if any).
   Unless ``--no-st``, also sentence-transformers' own call (``Embedder().encode``, one
   call on every torch thread, at the same batch size), the baseline of earlier sessions;
   on a busy machine its torch threads spin-wait and it is slow and erratic. The tokens
   each way computed (padding included) are printed after the tables, counted with the
   model's tokenizer: the ingest sorts each step of about ``index.BATCH_SENTENCES`` texts,
   the model alone all texts at once, so it pads less.

Each row is followed by the ingest's seconds per stage: split (sentences), embed (the
model), store (Chroma reads and writes, chunk vectors). The three run at once, in their
own threads (``assistant.pipeline``), so they overlap: *sync outside the model* is the
sync's seconds minus the model's (what the overlap did not hide, the registry read, the
drift check). Load: reading the corpus files before; saving the index's read copy, then
loading the snapshot and the BM25 index after. ``--sequential`` ingests every size a
second time with the stages one after another (as before the pipeline), for comparison.

The first row is the seed article (``corpus/``, one document) as the latency baseline.
With ``--server`` every size also runs against a local ``chroma run`` server started on a
free loopback port with a fresh ``--path``; its size on disk and its own peak RSS are
reported beside the client's. A script, not a test: nothing here asserts.

Corpora: the paragraphs of the SQuAD 2.0 dev sample (evals/data/squad2-dev-sample,
CC BY-SA 4.0; Rajpurkar, Jia, Liang, ACL 2018) are split into sentences with the
engine's own splitter; each generated document is a title line and 2-4 paragraphs of
3-6 sentences drawn at random (seeded) from that pool, so every document is a different
arrangement of real sentences. The same seed gives the same corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SQUAD = ROOT / "evals" / "data" / "squad2-dev-sample" / "squad2_dev_first_two_articles.json"
ARTICLE_CORPUS = ROOT / "corpus"
ARTICLE_QUESTIONS = [
    "Did Albania agree to host a UK return hub?",
    "Who is Albania's prime minister?",
    "What are return hubs?",
    "Which countries are in talks with the UK about return hubs?",
    "Why did the Prime Minister visit Albania?",
]


# --------------------------------------------------------------------------- corpora


def squad_pool() -> tuple[list[str], list[str]]:
    """(sentences of every SQuAD paragraph, answerable questions) of the sample."""
    sys.path.insert(0, str(ROOT))
    from assistant.sentences import split_sentences

    data = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    sentences: list[str] = []
    questions: list[str] = []
    for article in data:
        for para in article["paragraphs"]:
            sentences += [s.text for s in split_sentences("p", para["context"]) if s.kind == "sentence"]
            questions += [q["question"] for q in para["qas"] if not q.get("is_impossible")]
    return sentences, questions


def build_corpus(folder: Path, n: int, seed: int = 5) -> None:
    """Write ``n`` documents of reshuffled SQuAD sentences to ``folder`` (see module docstring)."""
    pool, _ = squad_pool()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        paragraphs = [" ".join(rng.sample(pool, rng.randint(3, 6))) for _ in range(rng.randint(2, 4))]
        title = f"Briefing note {i:05d}: {' '.join(paragraphs[0].split()[:6])}"
        (folder / f"doc-{i:05d}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- child runs


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def child_ingest(
    corpus: Path, index_dir: Path, chroma_url: str | None, questions: list[str], st: bool = True
) -> dict[str, Any]:
    import chromadb  # noqa: F401  # imported (4 s here) and the model loaded before the clock starts
    import langchain_chroma  # noqa: F401

    from assistant import Assistant
    from assistant.chunks import embedding_text
    from assistant.embeddings import Embedder

    Embedder().encode(["warm-up"])  # loads sentence-transformers (the ingest encoder) now
    calls: list[list[str]] = []
    threads = record_threads(calls)
    # The model alone before and after the ingest (load drifts): its best way, as the ingest
    # calls it, and (unless --no-st) sentence-transformers' own call.
    texts_before = ingest_texts(corpus)
    workers_before = raw_workers(texts_before)
    before = raw_encode(texts_before) if st else None
    calls.clear()  # the ingest's own model calls from here
    started, cpu = time.perf_counter(), cpu_seconds()
    bot = Assistant(corpus=corpus, index_dir=index_dir, chroma_url=chroma_url)
    seconds, ingest_cpu = time.perf_counter() - started, cpu_seconds() - cpu
    summary = bot.last_ingest
    assert summary is not None
    texts = [embedding_text(s) for s in bot.snapshot.sentences.values() if s.citable]
    headings = {s.text for s in bot.snapshot.sentences.values() if s.kind == "heading"}
    bot.ask(questions[0])  # warm-up
    latencies = []
    for q in questions:
        t = time.perf_counter()
        bot.ask(q)
        latencies.append((time.perf_counter() - t) * 1000)
    latencies.sort()
    rss = peak_rss_mb()  # before the raw run below, which holds every vector at once
    from assistant.index import ENCODE_BATCH

    ingest_padded, held = padded_tokens(calls, ENCODE_BATCH)
    assert sorted(texts + sorted(headings)) == sorted(texts_before)
    workers_after = raw_workers(texts + sorted(headings))
    raw: dict[str, Any] = {
        "raw_workers_s": (workers_before["raw_workers_s"] + workers_after["raw_workers_s"]) / 2,
        "raw_workers_cpu_s": (workers_before["raw_workers_cpu_s"] + workers_after["raw_workers_cpu_s"]) / 2,
        "raw_workers_before_s": workers_before["raw_workers_s"],
        "raw_workers_after_s": workers_after["raw_workers_s"],
        "raw_workers_tokens": workers_after["raw_workers_tokens"],
    }
    if before is not None:
        after = raw_encode(texts + sorted(headings))
        raw_padded, _ = padded_tokens([texts + sorted(headings)], ENCODE_BATCH)
        raw |= {
            "raw_s": (before["raw_s"] + after["raw_s"]) / 2,
            "raw_cpu_s": (before["raw_cpu_s"] + after["raw_cpu_s"]) / 2,
            "raw_before_s": before["raw_s"],
            "raw_after_s": after["raw_s"],
            "raw_tokens": raw_padded,
        }
    return {
        "documents": len(bot.documents),
        "sentences": len(texts),
        "embedded": summary.sentences,
        "ingest_s": seconds,
        "ingest_cpu_s": ingest_cpu,
        "sync_s": summary.seconds,
        "stages": summary.stages,
        "p50_ms": latencies[len(latencies) // 2],
        "p95_ms": latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))],
        "peak_rss_mb": rss,
        "threads": {k: sorted(v) for k, v in threads.items()},
        "tokens": {"held": held, "ingest": ingest_padded},
        **raw,
    }


def ingest_texts(corpus: Path) -> list[str]:
    """The texts an ingest of ``corpus`` embeds: its citable sentences (as embedded) and
    its distinct headings, in the order ``child_ingest`` lists them after the ingest."""
    from assistant.chunks import embedding_text
    from assistant.corpus import read_corpus
    from assistant.instructions import mark_addressed
    from assistant.sentences import split_sentences

    texts: list[str] = []
    headings: set[str] = set()
    for doc in read_corpus(corpus).documents:
        sentences = mark_addressed(split_sentences(doc.doc_id, doc.text))
        texts += [embedding_text(s) for s in sentences if s.citable]
        headings |= {s.text for s in sentences if s.kind == "heading"}
    return texts + sorted(headings)


def record_threads(calls: list[list[str]] | None = None) -> dict[str, set[int]]:
    """The torch threads of every plain ``encode`` of more than a few texts ("raw"); the
    texts of the ingest's model calls (``Embedder.encode_batches``, one call per batch,
    run in worker threads of one torch thread each) are added to ``calls``."""
    import torch

    from assistant.embeddings import SMALL_BATCH, Embedder, STEncoder

    seen: dict[str, set[int]] = {"raw": set()}
    encode, encode_batches = STEncoder.encode, Embedder.encode_batches

    def recorded(self: STEncoder, texts: list[str], batch_size: int = 64) -> Any:
        if len(texts) > SMALL_BATCH:
            seen["raw"].add(torch.get_num_threads())
        return encode(self, texts, batch_size)

    def recorded_batches(self: Embedder, batches: Any) -> Any:
        if calls is not None:
            calls.extend(list(texts) for texts in batches)
        return encode_batches(self, batches)

    STEncoder.encode = recorded  # type: ignore[method-assign]
    Embedder.encode_batches = recorded_batches  # type: ignore[method-assign]
    return seen


def cpu_seconds() -> float:
    """CPU seconds of this process and of its ended child processes (the model's workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def padded_tokens(calls: list[list[str]], batch_size: int) -> tuple[int, int]:
    """(tokens the model computes, tokens the texts hold) for these model calls: each call
    is cut into batches as sentence-transformers cuts it (sorted by characters, longest
    first, ``batch_size`` at a time), and each batch is padded to its longest text."""
    from assistant.embeddings import Embedder

    counter = Embedder()
    padded = held = 0
    for texts in calls:
        ordered = sorted(texts, key=lambda t: -len(t))
        for i in range(0, len(ordered), batch_size):
            counts = counter.token_counts(ordered[i : i + batch_size])
            padded += max(counts) * len(counts)
            held += sum(counts)
    return padded, held


def raw_encode(texts: list[str]) -> dict[str, Any]:
    """The model alone on the same texts, in one call at the ingest's batch size, in the
    same process as the ingest (run just before it and just after it; the two are
    averaged), so both see the same (shared) machine as nearly as possible."""
    from assistant.embeddings import Embedder
    from assistant.index import ENCODE_BATCH

    started, cpu = time.perf_counter(), cpu_seconds()
    Embedder().encode(texts, batch_size=ENCODE_BATCH)
    return {"raw_s": time.perf_counter() - started, "raw_cpu_s": cpu_seconds() - cpu, "raw_n": len(texts)}


def raw_workers(texts: list[str]) -> dict[str, Any]:
    """The model alone on the same texts the way the ingest calls it: sorted by tokens
    over all the texts at once, cut into calls of at most ``index.ENCODE_BATCH`` by
    ``index.model_batches``, one call per core at once, one torch thread each
    (``Embedder.encode_batches``); for reading the ingest's ratio to the raw call apart
    from how the model's threads are used."""
    from assistant.embeddings import Embedder
    from assistant.index import ENCODE_BATCH, model_batches

    embedder = Embedder()
    batches = [[texts[i] for i in batch] for batch in model_batches(embedder.token_counts(texts))]
    started, cpu = time.perf_counter(), cpu_seconds()
    for _ in embedder.encode_batches(batches):
        pass
    seconds, cpu_used = time.perf_counter() - started, cpu_seconds() - cpu
    return {
        "raw_workers_s": seconds,
        "raw_workers_cpu_s": cpu_used,
        "raw_workers_tokens": padded_tokens(batches, ENCODE_BATCH)[0],
    }


def sequential_stages() -> None:
    """Run an ingest's stages one after another, as before ``assistant.pipeline``: the
    baseline that ``--sequential`` measures the overlap against."""
    from contextlib import contextmanager

    import assistant.index

    @contextmanager
    def one_by_one(batches: Any, prepare: Any, embed: Any, store: Any, pipeline: Any = None) -> Any:
        yield (store(embed(prepare(batch))) for batch in batches)

    assistant.index.overlapped = one_by_one  # type: ignore[assignment]


def run_child(*args: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--child", *args], check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ChromaServer:
    """``chroma run`` on a free loopback port with its own data folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        chroma = Path(sys.executable).with_name("chroma")
        self.log = open(path.parent / f"{path.name}.log", "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/api/v2/heartbeat", timeout=1).read()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"chroma server did not start; see {self.log.name}")

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def disk_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


# --------------------------------------------------------------------------- driver


def measure(
    label: str,
    corpus: Path,
    work: Path,
    server: bool,
    questions: list[str],
    sequential: bool = False,
    st: bool = True,
) -> dict[str, Any]:
    index_dir = work / f"index-{label}{'-sequential' if sequential else ''}"
    shutil.rmtree(index_dir, ignore_errors=True)  # every run ingests into an empty index
    shutil.rmtree(work / f"chroma-{label}{'-sequential' if sequential else ''}", ignore_errors=True)
    srv = ChromaServer(work / f"chroma-{label}{'-sequential' if sequential else ''}") if server else None
    try:
        args = [str(corpus), str(index_dir), srv.url if srv else "", json.dumps(questions), "1" if sequential else ""]
        row = run_child(*args, "1" if st else "")
        if srv:
            row["server_rss_mb"] = srv.peak_rss_mb()
    finally:
        if srv:
            srv.stop()
    row["disk_mb"] = disk_mb(srv.path if srv else index_dir)
    row["label"] = label
    row["mode"] = ("server" if server else "embedded") + (", sequential" if sequential else "")
    row["ingest_sps"] = row["sentences"] / row["ingest_s"]
    # The same texts as the ingest, so a ratio is the model's seconds / the ingest's seconds.
    # CPU seconds (the process's and its model workers'): far less swayed than wall time
    # by other jobs on a shared machine; a Chroma server's own CPU is not counted.
    row["ratio"] = row["raw_workers_s"] / row["ingest_s"]
    row["cpu_ratio"] = row["raw_workers_cpu_s"] / row["ingest_cpu_s"]
    if "raw_s" in row:
        row["st_ratio"] = row["raw_s"] / row["ingest_s"]
        row["st_cpu_ratio"] = row["raw_cpu_s"] / row["ingest_cpu_s"]
    return row


HEADER = (
    "| mode | corpus | docs | sentences | ingest s | ingest sent/s | model alone s | ratio | CPU ratio "
    "| ratio to sentence-transformers' call (CPU) | ask p50 ms | ask p95 ms | index MB | peak RSS MB |"
)


STAGE_HEADER = (
    "| mode | corpus | ingest s (CPU s) | split s | embed s | store s | sync outside the model s | load s "
    "| model alone s, before / after (CPU s) | sentence-transformers' call s, before / after (CPU s) |"
)


def stage_row(r: dict[str, Any]) -> str:
    """Where one ingest's seconds went (see the module docstring), beside the raw model's:
    *sync outside the model* is the sync's seconds minus the model call's."""
    st = r["stages"]
    load = r["ingest_s"] - r["sync_s"]
    outside = r["sync_s"] - st["embed"]
    st_call = (
        f"{r['raw_s']:.1f}, {r['raw_before_s']:.1f} / {r['raw_after_s']:.1f} ({r['raw_cpu_s']:.1f})"
        if "raw_s" in r
        else "not run"
    )
    return (
        f"| {r['mode']} | {r['label']} | {r['ingest_s']:.1f} ({r['ingest_cpu_s']:.1f}) | {st['split']:.1f} "
        f"| {st['embed']:.1f} | {st['store']:.1f} | {outside:.1f} | {load:.1f} "
        f"| {r['raw_workers_s']:.1f}, {r['raw_workers_before_s']:.1f} / {r['raw_workers_after_s']:.1f} "
        f"({r['raw_workers_cpu_s']:.1f}) | {st_call} |"
    )


def threads_line(r: dict[str, Any]) -> str:
    return f"{r['mode']} {r['label']}: sentence-transformers' call {sorted(r['threads']['raw']) or 'not run'}"


def tokens_line(r: dict[str, Any]) -> str:
    t = r["tokens"]
    st = (
        f", sentence-transformers' call {r['raw_tokens']:,} ({r['raw_tokens'] / t['held']:.2f}x)"
        if "raw_tokens" in r
        else ""
    )
    return (
        f"{r['mode']} {r['label']}: ingest {t['ingest']:,} ({t['ingest'] / t['held']:.2f}x), "
        f"model alone {r['raw_workers_tokens']:,} ({r['raw_workers_tokens'] / t['held']:.2f}x){st} of {t['held']:,}"
    )


def table_row(r: dict[str, Any]) -> str:
    rss = f"{r['peak_rss_mb']:.0f}"
    if "server_rss_mb" in r:
        rss += f" (+ server {r['server_rss_mb']:.0f})"
    st = f"{r['st_ratio']:.2f} ({r['st_cpu_ratio']:.2f})" if "st_ratio" in r else "not run"
    return (
        f"| {r['mode']} | {r['label']} | {r['documents']:,} | {r['sentences']:,} | {r['ingest_s']:.1f} "
        f"| {r['ingest_sps']:.0f} | {r['raw_workers_s']:.1f} | {r['ratio']:.2f} | {r['cpu_ratio']:.2f} | {st} "
        f"| {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {r['disk_mb']:.1f} | {rss} |"
    )


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        c_corpus, c_index, c_url, c_questions, c_sequential, c_st = sys.argv[2:]
        if c_sequential:
            sequential_stages()
        row = child_ingest(Path(c_corpus), Path(c_index), c_url or None, json.loads(c_questions), st=bool(c_st))
        print(json.dumps(row))
        return 0

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="corpus sizes in documents")
    parser.add_argument("--server", action="store_true", help="also run every size against a local Chroma server")
    parser.add_argument("--server-only", action="store_true", help="run only against a local Chroma server")
    parser.add_argument("--questions", type=int, default=30, help="ask() calls per size")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a temporary folder)")
    parser.add_argument("--no-article", action="store_true", help="skip the article's latency-baseline row")
    parser.add_argument(
        "--sequential",
        action="store_true",
        help="after each size, ingest it again with the stages one after another (the overlap's baseline)",
    )
    parser.add_argument(
        "--no-st",
        action="store_true",
        help="skip sentence-transformers' own call (two torch threads: slow and erratic on a busy machine)",
    )
    parser.add_argument("--repeats", type=int, default=1, help="measure each size this many times")
    args = parser.parse_args()

    _, squad_questions = squad_pool()
    questions = random.Random(7).sample(squad_questions, args.questions)
    modes = [True] if args.server_only else [False, True] if args.server else [False]
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="briefing-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"cpus: {os.cpu_count()}, python {sys.version.split()[0]}, work dir {work}", flush=True)
    print("load average before each row is printed after the table (other jobs skew every figure)", flush=True)
    print(HEADER)
    print("|" + "---|" * (HEADER.count("|") - 1), flush=True)
    loads: list[float] = []
    rows: list[dict[str, Any]] = []
    try:
        for server in modes:
            article_qs = (ARTICLE_QUESTIONS * 10)[: args.questions]
            if not args.no_article:
                loads.append(os.getloadavg()[0])
                rows.append(measure("article", ARTICLE_CORPUS, work, server, article_qs, st=not args.no_st))
                print(table_row(rows[-1]), flush=True)
            for size in args.sizes:
                corpus = work / f"corpus-{size}"
                if not corpus.exists():
                    build_corpus(corpus, size)
                for _ in range(args.repeats):
                    for sequential in (False, True) if args.sequential else (False,):
                        loads.append(os.getloadavg()[0])
                        rows.append(measure(str(size), corpus, work, server, questions, sequential, not args.no_st))
                        print(table_row(rows[-1]), flush=True)
        print("1-minute load average before each row: " + ", ".join(f"{x:.1f}" for x in loads))
        print(f"\n{STAGE_HEADER}\n|" + "---|" * (STAGE_HEADER.count("|") - 1))
        for row in rows:
            print(stage_row(row))
        print("\ntorch threads of sentence-transformers' call: " + "; ".join(threads_line(r) for r in rows))
        print(
            "tokens the model computed (texts padded in batches) / tokens the texts hold: "
            + "; ".join(tokens_line(r) for r in rows)
        )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
