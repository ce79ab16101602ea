"""The faithfulness eval suite: question sets, pure metrics and the runner behind
``briefing eval``.

Modules: ``metrics`` (pure scoring functions), ``cases`` (YAML question sets),
``squad`` (the SQuAD 2.0 external benchmark), ``runner`` (runs sets, reports, checks
``thresholds.toml``). Importing this package loads no model and touches no disk.
"""

from evals.runner import main, run_eval

__all__ = ["main", "run_eval"]
