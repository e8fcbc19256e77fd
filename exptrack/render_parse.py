"""What `track parse` and `track reparse` print."""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from exptrack import render
from exptrack.model import finite_or_text

if TYPE_CHECKING:
    from exptrack.metrics import Observation
    from exptrack.model import MetricSummary


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return str(finite_or_text(value))
    return f"{value:.6g}" if isinstance(value, float) else str(value)


def print_parse_result(summaries: Mapping[str, MetricSummary],
                       observations: Sequence[Observation] | None, json_out: bool) -> None:
    """`track parse`: the per-metric summary, and every observation when asked."""
    if json_out:
        render.print_json({
            "metrics": {name: s.to_dict() for name, s in summaries.items()},
            "observations": [{"name": o.name, "value": o.value, "step": o.step,
                              "epoch": o.epoch} for o in observations or []],
        })
        return
    from rich.table import Table

    console = render.console()
    if observations:
        table = Table(box=None, pad_edge=False, title="observations", title_justify="left")
        for column in ("name", "value", "step", "epoch"):
            table.add_column(column, justify="left" if column == "name" else "right")
        for obs in observations:
            table.add_row(obs.name, _number(obs.value), _number(obs.step), _number(obs.epoch))
        console.print(table)
    if not summaries:
        console.print("No metrics found. Add a pattern with --metric-pattern "
                      "'name=(?P<name>[\\d.]+)' or in track.yaml (docs/config.md).")
        return
    table = Table(box=None, pad_edge=False)
    for column in ("metric", "count", "last", "min", "max", "best", "last step", "direction"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for name, summary in summaries.items():
        table.add_row(name, str(summary.count), _number(summary.last), _number(summary.min),
                      _number(summary.max), _number(summary.best),
                      _number(summary.last_step), summary.direction or "")
    console.print(table)


def print_reparse_results(results: Sequence[Mapping[str, Any]], json_out: bool) -> None:
    """`track reparse`: for each run, the metrics it had and has now."""
    if json_out:
        render.print_json(list(results))
        return
    for result in results:
        before, after = set(result["before"]), set(result["after"])
        added = ", ".join(sorted(after - before)) or "none"
        removed = ", ".join(sorted(before - after)) or "none"
        sources = result.get("sources") or []
        from_files = f"; exact values from {', '.join(sources)}" if sources else ""
        sys.stdout.write(render.visible(
            f"{result['id']}: {len(after)} metrics, {result['observations']} "
            f"observations (new: {added}; gone: {removed}){from_files}") + "\n")
        for problem in result.get("problems") or []:
            sys.stderr.write(render.visible(f"{result['id']}: {problem}") + "\n")
