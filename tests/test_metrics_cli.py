"""`track parse`, `track reparse` and the metric options of `track run`, end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import metric_rows, only_run, py, track, track_json

LOGS = Path(__file__).parent / "data" / "logs"


def test_parse_file_and_stdin(tmp_path: Path) -> None:
    log = LOGS / "xgboost_train.log"
    data = track_json("parse", str(log), cwd=tmp_path)
    assert data["metrics"]["eval-rmse"]["last"] == 5.2659
    assert data["metrics"]["eval-rmse"]["count"] == 5
    assert data["observations"][0] == {"name": "train-rmse", "value": 17.59233, "step": 0,
                                       "epoch": None}
    done = track("parse", "-", cwd=tmp_path, input=log.read_bytes(), check=True)
    out = done.stdout.decode()
    assert "eval-rmse" in out and "train-rmse" in out and "observations" not in out


def test_parse_with_a_pattern_and_nothing_found(tmp_path: Path) -> None:
    done = track("parse", "-", "--metric-pattern", r"top1 (?P<top1>[\d.]+)", "--json",
                 cwd=tmp_path, input=b"top1 55.5\n", check=True)
    assert json.loads(done.stdout)["metrics"]["top1"]["last"] == 55.5
    done = track("parse", "-", cwd=tmp_path, input=b"hello\n", check=True)
    assert "No metrics found" in done.stdout.decode()
    done = track("parse", "-", "--metric-pattern", "top1 [", cwd=tmp_path, input=b"")
    assert done.returncode == 2 and "invalid regex" in done.stderr.decode()
    done = track("parse", str(tmp_path / "missing.log"), cwd=tmp_path)
    assert done.returncode == 1 and "cannot read" in done.stderr.decode()


def test_run_metric_pattern_and_no_default_patterns(tmp_path: Path, track_home: Path) -> None:
    code = "print('loss=0.5 acc=0.9'); print('top1 71.2'); print('loss=nan')"
    track("run", "--metric-pattern", r"top1 (?P<top1>[\d.]+)", "--no-default-patterns",
          "--", *py(code), cwd=tmp_path, check=True)
    run = only_run(track_home)
    rows = metric_rows(run / "metrics.jsonl")
    assert [(r["name"], r["value"]) for r in rows] == [("top1", 71.2)]
    assert isinstance(rows[0]["time"], float)


def test_run_records_nan_and_steps(tmp_path: Path, track_home: Path) -> None:
    code = "print('Epoch 1/2'); print('step 10 loss=nan'); print('step 20 loss=0.25')"
    track("run", "--", *py(code), cwd=tmp_path, check=True)
    run = only_run(track_home)
    rows = metric_rows(run / "metrics.jsonl")
    assert [(r["value"], r["step"], r["epoch"]) for r in rows] == [("nan", 10, 1),
                                                                   (0.25, 20, 1)]
    summary = yaml.safe_load((run / "summary.yaml").read_text())["metrics"]["loss"]
    assert summary["best"] == 0.25 and summary["count"] == 2


def test_bad_metric_pattern_is_a_usage_error(tmp_path: Path, track_home: Path) -> None:
    done = track("run", "--metric-pattern", "loss=\\d+", "--", *py("print(1)"), cwd=tmp_path)
    assert done.returncode == 2 and "named group" in done.stderr.decode()
    assert not (track_home / "runs").exists() or not any((track_home / "runs").iterdir())


def test_reparse_rewrites_metrics_with_todays_patterns(tmp_path: Path,
                                                       track_home: Path) -> None:
    code = ("print('of this epoch -> 55.5, loss=0.5'); "
            "print('of this epoch -> 60.1, loss=0.4')")
    track("run", "--name", "old", "--", *py(code), cwd=tmp_path, check=True)
    run = only_run(track_home)
    before = (run / "metrics.jsonl").read_text()
    assert "top1" not in before
    (tmp_path / "track.yaml").write_text(
        "metrics:\n  patterns: ['epoch -> (?P<top1>[\\d.]+)']\n  aliases: {loss: train_loss}\n")
    done = track("reparse", "old", cwd=tmp_path, check=True)
    assert "new: top1, train_loss" in done.stdout.decode()
    rows = metric_rows(run / "metrics.jsonl")
    assert [(r["name"], r["value"]) for r in rows] == [
        ("top1", 55.5), ("train_loss", 0.5), ("top1", 60.1), ("train_loss", 0.4)]
    shown = track_json("show", "old", cwd=tmp_path)
    assert shown["metrics"]["top1"]["best"] == 60.1
    assert shown["metrics"]["train_loss"]["last"] == 0.4
    assert not list(run.glob(".*.tmp"))  # written through a temp file and a rename
    # The run's row in the index follows: it holds the new metrics.
    import sqlite3

    from exptrack.indexdb import index_path
    from exptrack.store import Store

    with sqlite3.connect(index_path(Store(track_home))) as conn:
        names = conn.execute("SELECT name FROM metrics WHERE run_id = ? ORDER BY name",
                             (run.name,)).fetchall()
    assert names == [("top1",), ("train_loss",)]


def test_reparse_refuses_bad_refs_and_running_runs(tmp_path: Path, track_home: Path) -> None:
    track("run", "--", *py("print('loss=1')"), cwd=tmp_path, check=True)
    run = only_run(track_home)
    original = (run / "metrics.jsonl").read_bytes()
    done = track("reparse", "@", "nosuchrun", cwd=tmp_path)
    assert done.returncode == 1 and "no run matches 'nosuchrun'" in done.stderr.decode()
    assert (run / "metrics.jsonl").read_bytes() == original
    record = yaml.safe_load((run / "run.yaml").read_text())
    # a live process whose command line names track stands in for a running recorder
    recorder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "track"])
    try:
        record.update(status="running", pid=recorder.pid)
        (run / "run.yaml").write_text(yaml.safe_dump(record))
        done = track("reparse", "@", cwd=tmp_path)
    finally:
        recorder.kill()
        recorder.wait()
    err = done.stderr.decode()
    assert done.returncode == 1 and "still running" in err, err
    assert (run / "metrics.jsonl").read_bytes() == original
