"""The pure core of ls/diff: keys, --where, sorting with missing/NaN/mixed types, best,
varying params, the diff rows, and the small formatters."""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exptrack import compare, query, render
from exptrack.errors import UsageError
from exptrack.model import MetricSummary, RunRecord
from exptrack.refs import close_refs
from exptrack.store import RunView

NAN = math.nan


def view(run_id: str, params: dict[str, Any] | None = None,
         metrics: dict[str, tuple[float, float]] | None = None, status: str = "completed",
         tags: list[str] | None = None, name: str | None = None) -> RunView:
    """A run with metrics given as {name: (last, best)}."""
    summaries = {}
    for metric, (last, best) in (metrics or {}).items():
        summaries[metric] = MetricSummary(last=last, min=min(last, best), max=max(last, best),
                                          count=2, best=best, best_step=3,
                                          direction=query.metric_direction(metric))
    record = RunRecord(id=run_id, command=["python", "t.py"], cwd="/", status=status,
                       started_at=f"2026-01-01T00:00:0{run_id[-1]}+00:00", tags=tags or [],
                       name=name)
    return RunView(record=record, path=Path("/nonexistent"), params=params or {},
                   metrics=summaries)


RUNS = [
    view("r1", {"lr": 0.1, "model": "resnet50"}, {"val_loss": (0.5, 0.4)}, tags=["baseline"]),
    view("r2", {"lr": "abc", "model": "vit"}, {"val_loss": (NAN, 0.3)}),
    view("r3", {"lr": 0.001, "model": "resnet18"}, {"val_loss": (0.2, 0.2)}, status="failed"),
    view("r4", {"model": "resnet18"}, {}),
    view("r5", {"lr": NAN, "model": "resnet18"}, {"val_loss": (math.inf, math.inf)}),
]


def ids(runs: list[RunView]) -> list[str]:
    return [r.id for r in runs]


def test_sort_puts_missing_and_nan_last_both_ways_and_never_mixes_types() -> None:
    key = query.resolve_key("lr", RUNS)
    assert key == query.Key("param", "lr")
    assert ids(query.sort_runs(RUNS, key, descending=False)) == ["r3", "r1", "r2", "r4", "r5"]
    assert ids(query.sort_runs(RUNS, key, descending=True)) == ["r2", "r1", "r3", "r4", "r5"]
    by_metric = query.sort_runs(RUNS, query.resolve_key("val_loss", RUNS), descending=False)
    assert ids(by_metric) == ["r3", "r1", "r5", "r2", "r4"]  # inf sorts, NaN/missing last


def test_default_sort_direction_is_best_first_for_metrics() -> None:
    assert query.default_descending(query.Key("metric", "val_acc")) is True
    assert query.default_descending(query.Key("metric", "val_loss")) is False
    assert query.default_descending(query.Key("field", "started")) is True
    assert query.default_descending(query.Key("param", "lr")) is False


@pytest.mark.parametrize(("expr", "expected"), [
    ("lr<0.01", ["r3"]),
    ("lr>=0.001", ["r1", "r3"]),
    ("model=resnet*", ["r1", "r3", "r4", "r5"]),
    ("model!=resnet*", ["r2"]),
    ("tag=baseline", ["r1"]),
    ("tag!=baseline", ["r2", "r3", "r4", "r5"]),
    ("status=failed", ["r3"]),
    ("val_loss<0.45", ["r3"]),
    ("val_loss.best<=0.3", ["r2", "r3"]),
    ("lr=abc", ["r2"]),
    ("lr!=0.1", ["r2", "r3", "r4", "r5"]),
    ("params.lr = 0.1", ["r1"]),
])
def test_where(expr: str, expected: list[str]) -> None:
    condition = query.parse_where(expr, RUNS)
    assert ids(query.filter_runs(RUNS, [condition])) == expected


@pytest.mark.parametrize(("expr", "message"), [
    ("lr", "write KEY OP VALUE"),
    ("lr<<2", "'<<' is not an operator"),
    ("=3", "write KEY OP VALUE"),
    ("nope=1", "no field, parameter or metric named 'nope'; did you mean 'note'? known: lr, model, "
               "val_loss"),
])
def test_bad_where_is_a_usage_error(expr: str, message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        query.parse_where(expr, RUNS)


@given(st.text(max_size=40))
def test_where_parser_never_raises_anything_but_usage_errors(text: str) -> None:
    try:
        condition = query.parse_where(text, RUNS)
    except UsageError:
        return
    query.filter_runs(RUNS, [condition])


def test_best_ranks_by_direction_with_nan_and_missing_last() -> None:
    ranked = query.rank_by_best(RUNS, "val_loss", "min")
    assert ids([r for r, _ in ranked]) == ["r3", "r2", "r1", "r5", "r4"]
    assert ranked[0][1] == query.BestValue(0.2, 3)
    # Asked for the opposite of the recorded direction: min/max, step unknown.
    assert query.rank_by_best(RUNS, "val_loss", "max")[0][1] == query.BestValue(math.inf, None)
    assert query.best_direction("val_acc", None) == "max"
    assert query.best_direction("weird", True) == "max"
    with pytest.raises(UsageError, match="add --desc"):
        query.best_direction("weird", None)


def test_split_params_hides_constants_and_counts_missing_as_varying() -> None:
    runs = [view("a1", {"lr": 1, "epochs": 5, "seed": 0}),
            view("a2", {"lr": 1.0, "epochs": 5, "dropout": 0.1, "seed": False})]
    varying, constant = query.split_params(runs)
    assert varying == ["seed", "dropout"]
    assert constant == {"lr": 1, "epochs": 5}


def test_headline_metrics_prefer_held_out_ones_with_a_direction() -> None:
    run = view("h1", {}, {"loss": (1, 1), "lr_now": (1, 1), "val_acc": (1, 1),
                          "val_loss": (1, 1)})
    assert query.headline_metrics([run]) == ["val_acc", "val_loss"]


def test_diff_rows_deltas_verdicts_and_change_kinds() -> None:
    base = view("d1", {"lr": 0.1, "old": 1}, {"val_loss": (0.5, 0.4), "val_acc": (0.8, 0.8)})
    other = view("d2", {"lr": 0.2, "new": 2}, {"val_loss": (0.25, 0.2), "val_acc": (0.7, 0.9)})
    details = [{"env": {"packages": {"numpy": "1.26", "torch": "2.2"}}},
               {"env": {"packages": {"numpy": "2.0", "jax": "0.4"}}}]
    diff = compare.only_differences(compare.diff_runs([base, other], details, [None, "ab"]))
    params = {r["name"]: r["change"][1] for r in diff["params"]}
    assert params == {"lr": "changed", "old": "removed", "new": "added"}
    loss = next(m for m in diff["metrics"] if m["name"] == "val_loss")
    assert loss["last_delta"][1] == pytest.approx(-0.25)
    assert loss["last_relative"][1] == pytest.approx(-0.5)
    assert loss["last_verdict"] == ["same", "better"]
    acc = next(m for m in diff["metrics"] if m["name"] == "val_acc")
    assert acc["last_verdict"][1] == "worse" and acc["best_verdict"][1] == "better"
    packages = {r["name"]: r["change"][1] for r in diff["environment"]["packages"]}
    assert packages == {"jax": "added", "numpy": "changed", "torch": "removed"}
    assert diff["code"]["patch"]["differs"] is True


def test_close_refs_suggest_names_and_ids() -> None:
    runs = [view("ab1", name="baseline"), view("ab2", name="fast")]
    assert close_refs("Baseline", runs) == ["baseline"]
    assert close_refs("basline", runs) == ["baseline"]
    assert close_refs("abz", runs) == ["ab1", "ab2"]


def test_formatters() -> None:
    assert render.sparkline([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█"
    assert len(render.sparkline(list(range(1000)), width=24)) == 24
    assert render.sparkline([NAN, 1.0, math.inf, 1.0]) == "▄▄"
    assert render.sparkline([NAN]) == ""
    now = datetime(2026, 1, 1, 12, tzinfo=timezone.utc)
    stamp = (now - timedelta(hours=3, minutes=5)).isoformat()
    assert render.fmt_ago(stamp, now) == "3h ago"
    assert render.fmt_ago((now - timedelta(seconds=2)).isoformat(), now) == "just now"
    assert render.fmt_ago("garbage", now) == "garbage"
    assert render.fmt_duration(3725) == "1h02m"
    assert render.fmt_duration(65) == "1m05s"
    assert render.fmt_duration(None) == "-"
    assert [render.fmt_value(v) for v in (NAN, -math.inf, True, 0.123456, None, [1, "a"])] \
        == ["nan", "-inf", "true", "0.1235", "-", "[1,a]"]
