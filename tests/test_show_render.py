"""The plain-text fast path of `track show` prints exactly what rich prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exptrack import render, render_show
from exptrack.model import GitState, MetricSummary, RunRecord
from exptrack.store import RunView

WORDS = st.sampled_from(["lr", "val_acc", "loss", "a.very.long.metric.name.indeed.yes",
                         "top-1 acc", "模型", "loss[0]", "x:y:", "名", "é", "", " pad",
                         "python train.py --lr 0.1 " * 5, "a\tb", "[b]x[/b]",
                         ":thumbs_up:"])
VALUES = st.one_of(st.integers(-10 ** 12, 10 ** 12), st.floats(allow_nan=True), WORDS,
                   st.booleans(), st.none())


def _run(tmp_path: Path, params: dict[str, Any], metrics: list[str], command: list[str],
         note: str | None, artifacts: int, damaged: list[str],
         tiny: bool = False) -> tuple[RunView, dict[str, Any]]:
    lines = [json.dumps({"name": name, "value": 0.5 + step % 3, "step": step})
             for name in metrics for step in range(5)]
    (tmp_path / "metrics.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "output.log").write_text("epoch 1 loss=0.5\n" + "x" * 200 + "\n")
    record = RunRecord(id="0123abcd", command=command, cwd="/home/u/project",
                       started_at="2026-01-02T03:04:05.000+00:00", status="failed",
                       name="baseline", tags=["cnn"], note=note, exit_code=1,
                       duration_s=12.5, host="gpu01", user="u")
    summaries = {name: MetricSummary(last=0.5, min=0.25, max=2.5, count=5, best=2.5,
                                     best_step=4, direction="max" if "acc" in name else None)
                 if not tiny else MetricSummary(last=1, min=0, max=1, count=1)
                 for name in metrics}
    if tiny:
        (tmp_path / "metrics.jsonl").write_text("")
    view = RunView(record=record, path=tmp_path, params=params, metrics=summaries,
                   git=GitState(repo=True, commit="a" * 40, branch="main"), damaged=damaged)
    details = {"env": {"python": {"version": "3.11.7"}, "gpus": []},
               "resources": {"peak_rss_bytes": 10 ** 9, "mean_cpu_percent": 97.0},
               "artifacts": [{"path": f"ckpt/{i}.pt", "size": 10 ** i, "sha256": "f" * 64,
                              "weights": i % 2 == 0} for i in range(artifacts)],
               "inputs": []}
    return view, details


def _printed(capsys: pytest.CaptureFixture[str], view: RunView, details: dict[str, Any],
             monkeypatch: pytest.MonkeyPatch, plain: bool) -> str:
    with monkeypatch.context() as patched:
        if not plain:
            patched.setattr(render, "plain_lines", lambda *args, **kwargs: None)
        render_show.print_run(view, details)
    return capsys.readouterr().out


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(WORDS, VALUES, max_size=6),
       metrics=st.lists(WORDS, max_size=15, unique=True),
       command=st.lists(WORDS, min_size=1, max_size=4), note=st.one_of(st.none(), WORDS),
       artifacts=st.integers(0, 7), damaged=st.lists(WORDS, max_size=2),
       width=st.sampled_from([40, 80, 100, 120, 200]))
def test_plain_report_matches_rich(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch, params: dict[str, Any],
                                   metrics: list[str], command: list[str], note: str | None,
                                   artifacts: int, damaged: list[str], width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    view, details = _run(tmp_path, params, [m for m in metrics if m], command, note,
                         artifacts, damaged)
    assert _printed(capsys, view, details, monkeypatch, plain=True) \
        == _printed(capsys, view, details, monkeypatch, plain=False)


@pytest.mark.parametrize("extra", ["", "x", "xx", "xxx", "xxxxxxxxxxxxxxxx"])
def test_the_fast_path_is_taken_for_a_usual_run(extra: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    names = ["loss" + extra, "val_loss", "acc", "val_acc", "lr", "f1", "auc", "top5", "wer",
             "cer", "bleu", "mem_gb", "reward", "recall"]
    view, details = _run(tmp_path, {"lr": 0.01, "epochs": 30}, names,
                         ["python", "train.py", "--lr", "0.01"], None, 2, [])
    taken: list[bool] = []
    original = render.plain_lines

    def spy(*args: Any, **kwargs: Any) -> list[str] | None:
        lines = original(*args, **kwargs)
        taken.append(lines is not None)
        return lines

    with monkeypatch.context() as patched:
        patched.setattr(render, "plain_lines", spy)
        render_show.print_run(view, details)
    out = capsys.readouterr().out
    assert taken == [True, True]  # the grid, then the metrics table
    assert "2 more metrics: track show --json" in out and "val_acc ↑" in out
    assert "params     lr=0.01  epochs=30" in out
    assert out == _printed(capsys, view, details, monkeypatch, plain=False)


def test_a_caption_wider_than_the_table_is_left_to_rich(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    view, details = _run(tmp_path, {}, [f"m{i}" for i in range(13)], ["true"], None, 0, [],
                         tiny=True)
    out = _printed(capsys, view, details, monkeypatch, plain=True)
    assert out == _printed(capsys, view, details, monkeypatch, plain=False)
    assert "1 more metrics: track show\n" in out  # wrapped under a 32-column table
