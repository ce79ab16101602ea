"""The faithfulness eval suite: question sets, pure metrics and the runner behind
``briefing eval``.

Modules: ``metrics`` (pure scoring functions), ``cases`` (YAML question sets and their
tune/check split), ``split_cases`` (writes the split into a set), ``squad`` (the SQuAD
2.0 external benchmark), ``run_cases`` and ``run_squad`` (ask a set of the engine and
score it), ``thresholds`` (``thresholds.toml``), ``report`` (typed report records,
tables, Markdown, JSON) and ``runner`` (the registry of sets and ``run_eval``).
Importing this package loads no model and touches no disk.
"""

from evals.runner import EvalSet, RunContext, register_set, run_eval

__all__ = ["EvalSet", "RunContext", "register_set", "run_eval"]
