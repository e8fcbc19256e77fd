"""W&B's run log (``run-<id>.wandb``) as a framework metric file (session 89)."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest
from conftest import metric_rows, only_run, track, track_json

from exptrack.metrics import files
from exptrack.metrics.wandbfile import read_wandb, records

LOG = Path(__file__).parent / "data" / "sources" / "run-t5jhq9n5.wandb"
TRAIN_LOSS_LAST = 0.1672179400920868  # the exact float the run logged last
# what wandb's footer prints at finish (offline, WANDB_SILENT unset): the last values,
# rounded to 5 decimals
FOOTER = r"""
import shutil, sys
shutil.copytree(sys.argv[1], "wandb/offline-run-20261205_083330-t5jhq9n5",
                copy_function=shutil.copy)  # (a new file: its mtime now)
for line in ("wandb: Run summary:", "wandb:      epoch 3", "wandb: train/loss 0.16722",
             "wandb:    val/acc 0.95312", "wandb:   val/loss 0.18197"):
    print(line, file=sys.stderr)
"""


def _metrics() -> dict[str, Any]:
    return track_json("show", "@")["metrics"]  # type: ignore[no-any-return]


def _fixture_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "fixture"
    folder.mkdir()
    shutil.copy(LOG, folder / LOG.name)
    return folder


def test_the_run_log_gives_every_logged_row(tmp_path: Path, track_home: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    track("run", "--", sys.executable, "-c", FOOTER, str(_fixture_folder(tmp_path)), cwd=work,
          check=True)
    metrics = _metrics()
    assert set(metrics) == {"train/loss", "val/loss", "val/acc"}  # epoch: a counter
    assert metrics["train/loss"]["count"] == 10
    assert metrics["train/loss"]["last"] == TRAIN_LOSS_LAST  # not the printed 0.16722
    assert metrics["val/acc"]["count"] == 3 and metrics["val/acc"]["last"] == 0.953125
    rows = [r for r in metric_rows(only_run(track_home) / "metrics.jsonl")
            if r["name"] == "val/loss"]
    assert [r["step"] for r in rows] == [3, 8, 12]  # W&B's _step of each row
    listed = (only_run(track_home) / "sources.yaml").read_text()
    assert "kind: wandb" in listed and "run-t5jhq9n5.wandb" in listed
    # the copy in the run folder is read again by reparse
    shutil.rmtree(work / "wandb")
    track("reparse", "@", cwd=work, check=True)
    assert _metrics()["train/loss"]["count"] == 10


def test_a_real_offline_run(tmp_path: Path, track_home: Path) -> None:
    script = r"""
import os
os.environ["WANDB_MODE"] = "offline"
os.environ["WANDB_DIR"] = os.getcwd()
import wandb
wandb.init(project="exptrack-test", config={"lr": 0.1})
for i in range(12):
    wandb.log({"loss": 1 / (i + 3), "epoch": i // 4})
    if i % 4 == 3:
        wandb.log({"val/acc": 0.5 + i / 100})
wandb.finish()
"""
    track("run", "--", sys.executable, "-c", script, cwd=tmp_path, check=True, timeout=120)
    metrics = _metrics()
    assert metrics["loss"]["count"] == 12 and metrics["loss"]["last"] == 1 / 14
    assert metrics["val/acc"]["count"] == 3 and metrics["val/acc"]["last"] == 0.61
    assert "epoch" not in metrics and "_runtime" not in metrics


def test_the_missing_extra_gives_the_install_hint(tmp_path: Path, track_home: Path) -> None:
    blocked = tmp_path / "blocked" / "wandb"
    blocked.mkdir(parents=True)
    (blocked / "__init__.py").write_text("raise ImportError('no wandb here')\n")
    env = dict(os.environ, PYTHONPATH=str(blocked.parent))
    work = tmp_path / "work"
    work.mkdir()
    script = "import sys\nprint('acc=0.5', file=sys.stderr)  # (one stream: its order kept)" \
        + FOOTER
    done = track("run", "--", sys.executable, "-c", script,
                 str(_fixture_folder(tmp_path)), cwd=work, env=env)
    assert done.returncode == 0
    assert b"pip install 'exptrack[wandb]'" in done.stderr
    metrics = _metrics()
    assert metrics["acc"]["last"] == 0.5  # the output's metrics are still recorded
    assert metrics["train/loss"]["last"] == 0.16722  # the printed footer's


def _chunk(kind: int, data: bytes) -> bytes:
    return struct.pack("<IHB", zlib.crc32(bytes([kind]) + data), len(data), kind) + data


def test_the_framing() -> None:
    data = LOG.read_bytes()
    whole = list(records(data))
    assert len(whole) > 20 and len(read_wandb(data)) == 16
    # a record split into a first, a middle and a last chunk is read as one
    first, second = whole[0], whole[1]
    split = data[:7] + _chunk(2, first[:3]) + _chunk(3, first[3:5]) + _chunk(4, first[5:]) \
        + _chunk(1, second)
    assert list(records(split)) == [first, second]
    # LevelDB writes an empty first part where a block has a chunk's head of room left
    empty_first = data[:7] + _chunk(2, b"") + _chunk(4, first) + _chunk(1, second)
    assert list(records(empty_first)) == [first, second]
    # a chunk still being written ends the log; so does a damaged one
    assert list(records(split[:-1])) == [first]
    damaged = bytearray(split)
    damaged[-1] ^= 0xFF
    assert list(records(bytes(damaged))) == [first]
    # a block's last bytes too few for a chunk's head are padding
    pad = 32 * 1024 - 7 - 7 - 3
    padded = data[:7] + _chunk(1, b"x" * pad) + b"\0\0\0" + _chunk(1, second)
    assert list(records(padded)) == [b"x" * pad, second]
    assert list(records(b"not a log")) == []


def test_the_kind() -> None:
    head = LOG.read_bytes()[:4096]
    assert files.kind_of("run-t5jhq9n5.wandb", head) == files.WANDB
    assert files.kind_of("run-t5jhq9n5.wandb", b"other bytes") is None
    assert files.kind_of("notes.wandb", head) is None


def test_a_damaged_log_keeps_what_came_before() -> None:
    data = LOG.read_bytes()
    cut = read_wandb(data[:len(data) // 2])
    assert 0 < len(cut) < 16 and cut == read_wandb(data)[:len(cut)]


@pytest.mark.parametrize("value", ["1e400", '"text"', "true", '{"_type": "image"}'])
def test_values_that_are_no_numbers(value: str) -> None:
    code = (f"from wandb.proto.wandb_internal_pb2 import Record\n"
            f"r = Record(); i = r.history.item.add(); i.key = 'x'; i.value_json = {value!r}\n"
            f"s = r.history.item.add(); s.key = '_step'; s.value_json = '4'\n"
            "import sys; sys.stdout.buffer.write(r.SerializeToString())")
    raw = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout
    got = read_wandb(b":W&B\x00\x00\x00" + _chunk(1, raw))
    assert got == ([] if value != "1e400" else [("x", float("inf"), 4, None)])


# MLflow's local store (mlflow.db: MLflow 3's default tracking store in the working folder)
MLFLOW = r"""
import sys
import mlflow
nested = len(sys.argv) > 1 and sys.argv[1] == "nested"
with mlflow.start_run(run_name="search"):
    for trial in (["t0", "t1"] if nested else [None]):
        with (mlflow.start_run(run_name=trial, nested=True) if trial else mlflow.start_run(
                nested=True, run_name="inner")) if nested else _no_run():
            for i in range(4):
                mlflow.log_metric("train_loss", 1 / (i + 3) + (0.5 if trial == "t1" else 0),
                                  step=i)
                mlflow.log_metric("val/acc", 0.5 + i / 100, step=i * 10)
"""
MLFLOW = MLFLOW.replace("import mlflow\n", "import contextlib, mlflow\n_no_run = "
                        "contextlib.nullcontext\n")


def test_mlflow_store_gives_the_runs_of_the_command(tmp_path: Path, track_home: Path) -> None:
    env = dict(os.environ, MLFLOW_TRACKING_URI="")  # (MLflow's default: ./mlflow.db)
    env.pop("MLFLOW_TRACKING_URI")
    subprocess.run([sys.executable, "-c", MLFLOW], cwd=tmp_path, check=True, env=env,
                   capture_output=True)  # an earlier run in the same store: not this one's
    track("run", "--", sys.executable, "-c", MLFLOW, cwd=tmp_path, check=True, env=env,
          timeout=120)
    metrics = _metrics()
    assert set(metrics) == {"train_loss", "val/acc"}
    assert metrics["train_loss"]["count"] == 4 and metrics["train_loss"]["last"] == 1 / 6
    rows = [r for r in metric_rows(only_run(track_home) / "metrics.jsonl")
            if r["name"] == "val/acc"]
    assert [r["step"] for r in rows] == [0, 10, 20, 30]
    assert "kind: mlflow" in (only_run(track_home) / "sources.yaml").read_text()
    # reparse reads the kept copy, the runs that started with the tracked run
    (tmp_path / "mlflow.db").unlink()
    track("reparse", "@", cwd=tmp_path, check=True)
    assert _metrics()["train_loss"]["count"] == 4


def test_mlflow_child_runs_are_named_by_run(tmp_path: Path, track_home: Path) -> None:
    track("run", "--", sys.executable, "-c", MLFLOW, "nested", cwd=tmp_path, check=True,
          timeout=120)
    metrics = _metrics()
    assert set(metrics) == {"t0/train_loss", "t0/val/acc", "t1/train_loss", "t1/val/acc"}
    assert metrics["t1/train_loss"]["last"] == 1 / 6 + 0.5


def test_a_frameworks_own_file_wins_over_mlflow(tmp_path: Path, track_home: Path) -> None:
    script = MLFLOW + ("open('training.log', 'w').write('epoch,loss,val_loss\\n0,0.91,0.95\\n"
                       "1,0.81,0.85\\n')\n")
    track("run", "--", sys.executable, "-c", script, cwd=tmp_path, check=True, timeout=120)
    assert set(_metrics()) == {"loss", "val_loss"}  # Keras' CSVLogger's, not MLflow's


def test_a_store_that_cannot_be_read(tmp_path: Path, track_home: Path) -> None:
    script = ("open('mlflow.db', 'wb').write(b'SQLite format 3\\x00' + b'\\x07' * 5000)\n"
              "print('loss: 0.25')\n")
    done = track("run", "--", sys.executable, "-c", script, cwd=tmp_path)
    assert done.returncode == 0
    assert _metrics()["loss"]["last"] == 0.25
    assert files.kind_of("mlflow.db", b"SQLite format 3\x00rest") == files.MLFLOW
    assert files.kind_of("optuna.db", b"SQLite format 3\x00rest") is None


# MLflow's file store (./mlruns, the default before MLflow 3.7; MLflow 3.7+ asks for an opt-in)
FILE_STORE = {"MLFLOW_TRACKING_URI": "./mlruns", "MLFLOW_ALLOW_FILE_STORE": "true"}


def test_mlflow_file_store(tmp_path: Path, track_home: Path) -> None:
    env = dict(os.environ, **FILE_STORE)
    subprocess.run([sys.executable, "-c", MLFLOW], cwd=tmp_path, check=True, env=env,
                   capture_output=True)  # an earlier run: its files are older than the run
    track("run", "--", sys.executable, "-c", MLFLOW, cwd=tmp_path, check=True, env=env,
          timeout=120)
    metrics = _metrics()
    assert set(metrics) == {"train_loss", "val/acc"}  # (a "/" key: folders)
    assert metrics["train_loss"]["count"] == 4 and metrics["train_loss"]["last"] == 1 / 6
    rows = [r for r in metric_rows(only_run(track_home) / "metrics.jsonl")
            if r["name"] == "val/acc"]
    assert [r["step"] for r in rows] == [0, 10, 20, 30]
    shutil.rmtree(tmp_path / "mlruns")  # reparse reads the kept copies
    track("reparse", "@", cwd=tmp_path, check=True)
    assert _metrics()["val/acc"]["count"] == 4


def test_mlflow_file_store_child_runs(tmp_path: Path, track_home: Path) -> None:
    env = dict(os.environ, **FILE_STORE)
    track("run", "--", sys.executable, "-c", MLFLOW, "nested", cwd=tmp_path, check=True,
          env=env, timeout=120)
    metrics = _metrics()
    runs = {name.split("/", 1)[0] for name in metrics}
    assert len(runs) == 2 and all(len(run) == 8 for run in runs)  # a run id's start each
    assert sorted(m["last"] for n, m in metrics.items() if n.endswith("train_loss")) == [
        1 / 6, 1 / 6 + 0.5]
    track("reparse", "@", cwd=tmp_path, check=True)
    assert set(_metrics()) == set(metrics)


def test_mlflow_file_store_paths_and_lines() -> None:
    from exptrack.metrics import mlflowstore

    run = "bf85f8dec6374b64a796102fa2beb08d"
    nested = Path("mlruns/0") / run / "metrics/val/acc"
    assert mlflowstore.file_key(nested) == "val/acc" and mlflowstore.run_of(nested) == run
    assert mlflowstore.file_key(Path("mlruns/0") / run / "metrics/loss") == "loss"
    assert mlflowstore.file_key(Path("out/metrics/loss")) is None  # no run's folder
    data = b"1796508472851 1.0 0\n1796508472854 nan 1\n1796508472855 0.3"
    got = mlflowstore.read_file(data, "loss")  # (the last line is still being written)
    assert [(o.step, o.value) for o in got][:1] == [(0, 1.0)] and len(got) == 2
    assert files.kind_at(nested, b"1796508472851 1.0 0\n") == files.MLFLOW_FILE
    assert files.kind_at(nested, b"epoch,loss\n") is None
