"""`track push`: a run lands on a real MLflow server (SQLite backend) equal to what
`track show --json` and `track metrics --json` report, idempotently, resuming a cut push."""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import only_run, py, start_track, track, track_json
from mlflow.tracking import MlflowClient
from mlflow_server import Server

TRAIN = """
print('starting')
for i in range(N):
    print(f'step {i}: loss={1/(i+1):.5f} acc={i/(i+7):.4f}')
print('epoch 1 val_loss=0.25')
"""


@pytest.fixture(scope="session")
def mlflow_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = Server(tmp_path_factory.mktemp("mlflow"))
    yield server
    server.stop()


@pytest.fixture
def mlflow_uri(mlflow_server: Server) -> str:
    return mlflow_server.start()


def test_live_push_to_a_down_server_trains_undisturbed_then_pushes_later(
        tmp_path: Path, track_home: Path, mlflow_server: Server) -> None:
    # The shared server's port while it is not started yet (first test); else a new one.
    later = mlflow_server if not mlflow_server.running else Server(tmp_path)
    script = "import time\nfor i in range(4):\n    print(f'step {i}: loss={1/(i+1)}')\n" \
             "    time.sleep(0.3)\n"
    direct = subprocess.run(py(script), capture_output=True, check=True)
    began = time.monotonic()
    done = track("run", "--push", later.uri, "--", *py(script), cwd=tmp_path,
                 env={"TRACK_PUSH_INTERVAL": "0.5"})
    took = time.monotonic() - began
    assert done.returncode == 0 and done.stdout == direct.stdout
    assert took < 8, took  # no retrying against a server that is not there
    assert b"not fully pushed" in done.stderr
    run_dir = only_run(track_home)
    state = yaml.safe_load((run_dir / "pushed.yaml").read_text())[later.uri]
    assert state["finished"] is False and "cannot reach" in state["pending"]
    assert "pushed.yaml" not in (run_dir / "artifacts.yaml").read_text()  # ours, not the run's
    try:
        later.start()
        rows = track_json("metrics", "@", cwd=tmp_path)
        report = json.loads(track("push", "--to", later.uri, "--json", cwd=tmp_path,
                                  check=True).stdout)
        assert [(r["run"], r["finished"]) for r in report] == [(run_dir.name, True)]
        client = MlflowClient(later.uri)
        assert server_metrics(client, report[0]["mlflow_run_id"]) == expected_metrics(rows)
        assert "pending" not in pushed(run_dir, later.uri)
    finally:
        if later is not mlflow_server:
            later.stop()


def test_live_push_streams_while_training(tmp_path: Path, track_home: Path,
                                          mlflow_uri: str) -> None:
    go = tmp_path / "go"
    script = (f"import os, time\nprint('step 0: loss=0.5', flush=True)\n"
              f"t = time.time()\nwhile not os.path.exists({str(go)!r}) and time.time() - t < 30:"
              f"\n    time.sleep(0.1)\nprint('step 1: loss=0.25')\n")
    env = {**os.environ, "TRACK_PUSH_INTERVAL": "0.5"}
    proc = start_track("run", "--name", "live", "--push", mlflow_uri, "--", *py(script),
                       cwd=tmp_path, env=env)
    client = MlflowClient(mlflow_uri)
    try:
        deadline = time.monotonic() + 30
        seen = None
        while seen is None and time.monotonic() < deadline:
            found = client.search_runs(
                [e.experiment_id for e in client.search_experiments()],
                "tags.`mlflow.runName` = 'live'")
            if found and found[0].data.metrics.get("loss") == 0.5:
                seen = found[0]
            time.sleep(0.3)
        assert seen is not None and seen.info.status == "RUNNING"  # live, mid-training
    finally:
        go.touch()
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    run = client.get_run(seen.info.run_id)
    assert run.info.status == "FINISHED"
    assert [(m.step, m.value) for m in client.get_metric_history(run.info.run_id, "loss")] \
        == [(0, 0.5), (1, 0.25)]
    assert pushed(only_run(track_home), mlflow_uri)["finished"] is True


def record(tmp_path: Path, n: int, *extra: str) -> Path:
    work = tmp_path / "proj"
    work.mkdir(exist_ok=True)
    track("run", "--name", "base", "--tag", "cnn", "--param", "lr=0.01",
          "--param", "model.depth=3", *extra, "--",
          *py(TRAIN.replace("N", str(n))), cwd=work, check=True)
    return work


def pushed(run_dir: Path, uri: str) -> dict[str, Any]:
    entry: dict[str, Any] = yaml.safe_load((run_dir / "pushed.yaml").read_text())[uri]
    return entry


def server_metrics(client: MlflowClient, run_id: str) -> list[tuple[str, int, int, float]]:
    run = client.get_run(run_id)
    return sorted((key, m.step, m.timestamp, m.value)
                  for key in run.data.metrics for m in client.get_metric_history(run_id, key))


def expected_metrics(rows: list[dict[str, Any]]) -> list[tuple[str, int, int, float]]:
    return sorted((r["name"], r["step"] if r["step"] is not None else r["epoch"],
                   round(r["time"] * 1000), r["value"]) for r in rows)


def test_push_equals_show_and_metrics(tmp_path: Path, track_home: Path, mlflow_uri: str) -> None:
    work = record(tmp_path, 5)
    run_dir = only_run(track_home)
    shown = track_json("show", "@", cwd=work)
    rows = track_json("metrics", "@", cwd=work)
    done = track("push", "--to", mlflow_uri, "--json", cwd=work, check=True)
    report = json.loads(done.stdout)
    assert [(r["run"], r["created"], r["metrics_sent"], r["finished"]) for r in report] == [
        (shown["id"], True, len(rows), True)]
    client = MlflowClient(mlflow_uri)
    run = client.get_run(report[0]["mlflow_run_id"])
    assert run.data.params == {k: str(v) for k, v in shown["params"].items()}
    assert server_metrics(client, run.info.run_id) == expected_metrics(rows)
    tags = run.data.tags
    assert tags["exptrack.run_id"] == shown["id"]
    assert tags["mlflow.runName"] == "base" == run.info.run_name
    assert tags["exptrack.tags"] == "cnn"
    assert tags["exptrack.status"] == "completed" and tags["exptrack.exit_code"] == "0"
    assert tags["exptrack.host"] == shown["host"]
    assert tags["mlflow.user"]
    assert run.info.status == "FINISHED"
    assert run.info.start_time == round(_iso_s(shown['started_at']) * 1000)
    assert run.info.end_time == round(_iso_s(shown['ended_at']) * 1000)
    names = {a.path for a in client.list_artifacts(run.info.run_id)}
    assert {"output.log", "env.yaml"} <= names
    local = client.download_artifacts(run.info.run_id, "output.log", str(tmp_path))
    assert Path(local).read_bytes() == (run_dir / "output.log").read_bytes()
    assert pushed(run_dir, mlflow_uri)["metrics_pushed"] == len(rows)

    # Again: nothing new is sent, the server's run is unchanged, no run is added.
    again = json.loads(track("push", "@", "--to", mlflow_uri, "--json", cwd=work,
                             check=True).stdout)
    assert again[0]["metrics_sent"] == 0 and not again[0]["created"]
    assert again[0]["mlflow_run_id"] == run.info.run_id
    assert server_metrics(client, run.info.run_id) == expected_metrics(rows)
    # Default runs: those not yet fully pushed (none).
    assert json.loads(track("push", "--to", mlflow_uri, "--json", cwd=work,
                            check=True).stdout) == []


def test_push_cut_short_resumes_without_duplicates(tmp_path: Path, track_home: Path,
                                                   mlflow_uri: str) -> None:
    work = record(tmp_path, 1300)  # 2,601 observations: three batches
    run_dir = only_run(track_home)
    rows = track_json("metrics", "@", cwd=work)
    track("push", "--to", mlflow_uri, cwd=work, check=True)
    entry = pushed(run_dir, mlflow_uri)
    client = MlflowClient(mlflow_uri)
    # As if killed during the second batch (sent, not counted), artifacts not yet sent.
    cut = dict(entry, metrics_pushed=1000, metrics_sending=2000, finished=False)
    cut["artifacts"] = {}
    (run_dir / "pushed.yaml").write_text(yaml.safe_dump({mlflow_uri: cut}))
    again = json.loads(track("push", "--to", mlflow_uri, "--json", cwd=work,
                             check=True).stdout)
    assert again[0]["metrics_sent"] == len(rows) - 2000
    assert server_metrics(client, entry["run_id"]) == expected_metrics(rows)
    # pushed.yaml lost: the run is found by its tag, not made again.
    (run_dir / "pushed.yaml").unlink()
    found = json.loads(track("push", "--to", mlflow_uri, "--json", cwd=work,
                             check=True).stdout)
    assert found[0]["mlflow_run_id"] == entry["run_id"] and not found[0]["created"]
    experiment = client.get_run(entry["run_id"]).info.experiment_id
    assert len(client.search_runs([experiment], "tags.`exptrack.run_id` = '"
                                  + run_dir.name + "'")) == 1


def test_push_needs_a_uri_and_reports_a_down_server(tmp_path: Path) -> None:
    record(tmp_path, 2)
    env = {k: "" for k in ("TRACK_MLFLOW_URI", "MLFLOW_TRACKING_URI")}
    done = track("push", cwd=tmp_path / "proj", env=env)
    assert done.returncode == 2 and b"--to URI" in done.stderr
    from mlflow_server import free_port

    down = f"http://127.0.0.1:{free_port()}"
    done = track("push", "--to", down, cwd=tmp_path / "proj", timeout=30)
    assert done.returncode == 1 and b"cannot reach the MLflow server" in done.stderr


def _iso_s(text: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(text).timestamp()
