"""Give every case of a question set a ``split:`` (tune or check), once, and write it
into the YAML file.

Scope: the tune/check split of the YAML sets. Cases are split by case (each case is in
exactly one half), stratified by category (each category is halved; an odd one out goes
to the side the seeded hash picks), and the order inside a category comes from a seeded
hash of the case id, so the split does not follow the order cases were written in. The
result is written into the file as an explicit ``split:`` line after the case's
``category:`` line, so it is reviewed in the diff and never moves: a case that has a
split keeps it, and cases added later are balanced against those already split.

Left out: re-splitting (delete the ``split:`` lines by hand to start over) and YAML
re-serialisation (the file is edited line by line so comments and layout survive).

    python -m evals.split_cases evals/article.yaml            # fill in missing splits
    python -m evals.split_cases evals/x.yaml --all check      # a check-only set
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import yaml

SEED = 8  # issue 8; changing it re-orders only cases that have no split yet
SPLITS: tuple[str, ...] = ("tune", "check")

_CASE_START = re.compile(r"^- id:\s*(\S+)\s*$")
_CATEGORY = re.compile(r"^(\s+)category:")


def _rank(case_id: str, seed: int) -> str:
    """The seeded sort key of a case id (hex digest, stable across runs and machines)."""
    return hashlib.sha256(f"{seed}:{case_id}".encode()).hexdigest()


def assign_splits(cases: Sequence[tuple[str, str, str | None]], seed: int = SEED) -> dict[str, str]:
    """The split of every case that has none, balanced per category.

    ``cases`` holds ``(case_id, category, split or None)``. Algorithm: per category, count
    the cases already in each split; take the unsplit cases in order of
    ``sha256(f"{seed}:{case_id}")``; give each to the split with fewer cases of that
    category, and on a tie to ``tune`` when the first hex digit of its hash is even, else
    ``check``. Edge cases: no unsplit case -> ``{}``; one case in a category -> its hash
    decides.

    >>> sorted(assign_splits([("a", "x", None), ("b", "x", None)]).values())
    ['check', 'tune']
    """
    counts: dict[str, dict[str, int]] = {}
    pending: dict[str, list[str]] = {}
    for case_id, category, split in cases:
        per = counts.setdefault(category, dict.fromkeys(SPLITS, 0))
        if split is None:
            pending.setdefault(category, []).append(case_id)
        else:
            per[split] += 1
    out: dict[str, str] = {}
    for category, ids in pending.items():
        per = counts[category]
        for case_id in sorted(ids, key=lambda i: _rank(i, seed)):
            if per["tune"] != per["check"]:
                split = "tune" if per["tune"] < per["check"] else "check"
            else:
                split = "tune" if int(_rank(case_id, seed)[0], 16) % 2 == 0 else "check"
            per[split] += 1
            out[case_id] = split
    return out


def write_splits(text: str, splits: Mapping[str, str]) -> str:
    """``text`` with a ``split:`` line added after the ``category:`` line of each case
    named in ``splits``; every other line unchanged."""
    out: list[str] = []
    current: str | None = None
    for line in text.splitlines(keepends=True):
        out.append(line)
        start = _CASE_START.match(line)
        if start:
            current = start.group(1)
            continue
        category = _CATEGORY.match(line)
        if category and current is not None and current in splits:
            out.append(f"{category.group(1)}split: {splits[current]}\n")
            current = None
    return "".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Fill in the missing splits of one YAML set, in place."""
    parser = argparse.ArgumentParser(prog="python -m evals.split_cases", description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="the YAML question set to edit in place")
    parser.add_argument("--seed", type=int, default=SEED, help=f"hash seed (default {SEED})")
    parser.add_argument("--all", choices=SPLITS, help="put every unsplit case in this split")
    args = parser.parse_args(argv)
    text = args.path.read_text(encoding="utf-8")
    raw = yaml.safe_load(text) or []
    cases = [(str(c["id"]), str(c["category"]), c.get("split")) for c in raw]
    if args.all:
        splits = {case_id: args.all for case_id, _, split in cases if split is None}
    else:
        splits = assign_splits(cases, args.seed)
    new = write_splits(text, splits)
    if yaml.safe_load(new) and sum("split" in c for c in yaml.safe_load(new)) != len(cases):
        print(f"{args.path}: some case has no 'category:' line to put its split after", file=sys.stderr)
        return 1
    args.path.write_text(new, encoding="utf-8")
    print(f"{args.path}: {len(splits)} case(s) split, {len(cases) - len(splits)} already split")
    return 0


if __name__ == "__main__":
    sys.exit(main())
