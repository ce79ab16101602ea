"""Tokens the model computes for an ingest of a corpus, by how its texts are ordered.

    .venv/bin/python bench/padding.py CORPUS_DIR

The model pads each batch of ``index.ENCODE_BATCH`` texts to its longest text in tokens,
so its work is the padded token count, not the texts' own. This replays the ingest's
steps (``index._batches``: about ``index.BATCH_SENTENCES`` texts each, its citable
sentences and headings) without the model and counts, with the model's tokenizer, the
tokens computed when each step is sorted by characters (the ingest before the fourth
session) or by tokens (until the eighth), or cut at the least cost by
``index.model_batches`` (now, in calls of up to ``index.ENCODE_BATCH``), and when all texts go in one call sorted by characters (the
raw sentence-transformers call of ``bench/scale.py``) or by tokens (the floor). A count,
not a timing: the figures do not depend on the machine's load. A script, not a test.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from assistant.chunks import embedding_text
    from assistant.corpus import read_corpus
    from assistant.embeddings import Embedder
    from assistant.index import ENCODE_BATCH, _batches, model_batches
    from assistant.instructions import mark_addressed
    from assistant.sentences import split_sentences

    counter = Embedder()
    steps: list[list[str]] = []
    for batch in _batches(read_corpus(Path(sys.argv[1])).documents):
        texts: list[str] = []
        for doc in batch:
            sentences = mark_addressed(split_sentences(doc.doc_id, doc.text))
            texts += [embedding_text(s) for s in sentences if s.citable]
            texts += list(dict.fromkeys(s.text for s in sentences if s.kind == "heading"))
        steps.append(texts)
    every = [t for step in steps for t in step]
    tokens = dict(zip(every, counter.token_counts(every), strict=True))

    def computed(groups: list[list[str]], key: Callable[[str], int]) -> int:
        total = 0
        for group in groups:
            ordered = sorted(group, key=key)
            for i in range(0, len(ordered), ENCODE_BATCH):
                total += max(tokens[t] for t in ordered[i : i + ENCODE_BATCH]) * len(ordered[i : i + ENCODE_BATCH])
        return total

    def cut(groups: list[list[str]]) -> int:
        total = 0
        for group in groups:
            for batch in model_batches([tokens[t] for t in group]):
                total += max(tokens[group[i]] for i in batch) * len(batch)
        return total

    held = sum(tokens[t] for t in every)
    print(f"{len(every):,} texts in {len(steps)} steps hold {held:,} tokens")
    print(f"| batches of {ENCODE_BATCH} | tokens computed | x tokens held |\n|---|---|---|")
    for name, groups, key in [
        ("ingest steps sorted by characters (before)", steps, lambda t: -len(t)),
        ("ingest steps sorted by tokens (seventh session)", steps, lambda t: -tokens[t]),
        ("all texts in one call sorted by characters (the raw call)", [every], lambda t: -len(t)),
        ("all texts in one call sorted by tokens (the floor)", [every], lambda t: -tokens[t]),
    ]:
        n = computed(groups, key)
        print(f"| {name} | {n:,} | {n / held:.2f} |")
    for name, groups in [
        ("ingest steps cut by `index.model_batches` (now)", steps),
        ("all texts cut by `index.model_batches`", [every]),
    ]:
        n = cut(groups)
        print(f"| {name} | {n:,} | {n / held:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
