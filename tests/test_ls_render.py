"""The plain-text fast path of `track ls`'s table prints exactly what rich prints,
columns dropped for width included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exptrack import render_ls
from exptrack.model import GitState, MetricSummary, RunRecord
from exptrack.query import BestValue, Key
from exptrack.store import RunView

TEXT = st.sampled_from(["", "baseline", "exp-9998", "a-rather-long-run-name-indeed", "模型",
                        "é", "[b]x", "a:b", " pad", "x" * 15, "y" * 16, "z" * 17, "cnn",
                        "resnet50", "0.001"])
VALUES = st.one_of(st.integers(-10 ** 9, 10 ** 9), st.floats(allow_nan=True), TEXT,
                   st.none())
COLUMNS: list[str | Key] = ["id", "name", "status", "started", "duration", "commit", "best",
                            "host", "exit_code", Key("param", "lr"), Key("param", "model"),
                            Key("metric", "val_acc"), Key("metric", "loss", "best")]


def _view(index: int, name: str, tags: list[str], lr: Any, model: Any, acc: float | None,
          status: str) -> RunView:
    record = RunRecord(id=f"{index:08x}", command=["python", "train.py"], cwd="/p",
                       started_at="2025-01-02T03:04:05.000+00:00", status=status,
                       name=name or None, tags=tags, exit_code=1 if status == "failed" else 0,
                       duration_s=index * 37.5, host="gpu01")
    metrics = {} if acc is None else {
        "val_acc": MetricSummary(last=acc, min=0.0, max=acc, count=3, best=acc, best_step=2,
                                 direction="max"),
        "loss": MetricSummary(last=1 - acc, min=0.1, max=2.0, count=3, best=0.1,
                              direction="min")}
    return RunView(record=record, path=Path("/nonexistent"), params={"lr": lr, "model": model},
                   metrics=metrics, git=GitState(repo=True, commit=f"{index:040x}",
                                                 dirty=index % 2 == 0))


runs_strategy = st.lists(st.builds(
    _view, st.integers(0, 10 ** 6), TEXT, st.lists(TEXT, max_size=2), VALUES, VALUES,
    st.one_of(st.none(), st.floats(0, 1)), st.sampled_from(["completed", "failed", "running"])),
    min_size=0, max_size=6)


def _printed(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
             plain: bool, runs: list[RunView], columns: list[str | Key], fit: bool) -> str:
    best = {r.id: BestValue(r.metrics["val_acc"].best if "val_acc" in r.metrics else None, 2)
            for r in runs}
    with monkeypatch.context() as patched:
        if not plain:
            patched.setattr(render_ls, "_plain_table", lambda *args, **kwargs: None)
        render_ls.print_run_table(runs, columns, {"seed": 1}, "val_acc", best,
                                  ["a note"], fit=fit)
    return capsys.readouterr().out


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(runs=runs_strategy, columns=st.lists(st.sampled_from(COLUMNS), min_size=1,
                                            unique=True),
       width=st.sampled_from([30, 50, 80, 120, 200]), fit=st.booleans())
def test_plain_listing_matches_rich(capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch, runs: list[RunView],
                                    columns: list[str | Key], width: int, fit: bool) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert _printed(capsys, monkeypatch, True, runs, columns, fit) \
        == _printed(capsys, monkeypatch, False, runs, columns, fit)


def test_the_fast_path_drops_columns_as_rich_does(capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    names = ["y" * 25, "exp-1", "z" * 26, "exp-3", ""]  # at, past the name column's width
    runs = [_view(i, names[i], ["cnn"] if i % 2 else [], 0.1 / (i + 1), "resnet50",
                  i / 10, "completed") for i in range(5)]
    taken: list[bool] = []
    original = render_ls._plain_table

    def spy(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        taken.append(result is not None)
        return result

    with monkeypatch.context() as patched:
        patched.setattr(render_ls, "_plain_table", spy)
        fast = _printed(capsys, monkeypatch, True, runs, COLUMNS, True)
    assert taken == [True]
    assert "hidden: took" in fast and "z" * 24 + "…" in fast
    assert fast == _printed(capsys, monkeypatch, False, runs, COLUMNS, True)
