"""Read ``evals/thresholds.toml`` and check a set's metrics against it.

Scope: parsing and validating the file (``{set: {metric: {"min"|"max": number}}}``) and
the pure check of one set's metrics. Thresholds judge the check split only; which split
that is, and what happens when it was not run, is decided by the runner.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from assistant.errors import ConfigError

THRESHOLDS_FILE = Path(__file__).parent / "thresholds.toml"
_EPS = 1e-9  # float slack so 0.95 passes ">= 0.95" after a division

Limits = Mapping[str, Mapping[str, float]]


def load_thresholds(path: Path = THRESHOLDS_FILE) -> dict[str, dict[str, dict[str, float]]]:
    """Read ``thresholds.toml``: ``{set: {metric: {"min"|"max": value}}}``, validated."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read eval thresholds {path}: {exc}") from exc
    out: dict[str, dict[str, dict[str, float]]] = {}
    for set_name, metrics in raw.items():
        if not isinstance(metrics, dict):
            raise ConfigError(f"{path}: [{set_name}] must be a table of metric = {{ min = x }}")
        out[set_name] = {}
        for metric, bound in metrics.items():
            if (
                not isinstance(bound, dict)
                or not bound
                or set(bound) - {"min", "max"}
                or not all(isinstance(v, int | float) for v in bound.values())
            ):
                raise ConfigError(f"{path}: {set_name}.{metric} must be {{ min = number }} or {{ max = number }}")
            out[set_name][metric] = {k: float(v) for k, v in bound.items()}
    return out


def check_thresholds(metrics: Mapping[str, float | None], limits: Limits) -> list[dict[str, Any]]:
    """Each broken threshold as ``{metric, value, min|max, why}``; empty when all hold.

    An unknown metric name is a ConfigError (a typo must not disable a check); an
    undefined (None) value breaks its threshold.
    """
    failures: list[dict[str, Any]] = []
    for metric, bound in limits.items():
        if metric not in metrics:
            raise ConfigError(f"thresholds name unknown metric {metric!r}; known: {', '.join(sorted(metrics))}")
        value = metrics[metric]
        why = None
        if value is None:
            why = "undefined on this run (nothing to measure)"
        elif "min" in bound and value < bound["min"] - _EPS:
            why = f"{value:.3f} < min {bound['min']}"
        elif "max" in bound and value > bound["max"] + _EPS:
            why = f"{value:.3f} > max {bound['max']}"
        if why:
            failures.append({"metric": metric, "value": value, **bound, "why": why})
    return failures
