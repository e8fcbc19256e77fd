"""`track export --tensorboard`: event files read back with TensorBoard's own reader equal
the recorded series (steps, wall times, values as float32) and params."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from conftest import py, track, track_json
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tensorboard.plugins.hparams import plugin_data_pb2

TRAIN = """
for i in range(4):
    print(f'step {i}: loss={1/(i+1):.5f} acc={i/(i+7):.4f}')
print('epoch 1 val_loss=0.25')
"""


def test_export_reads_back_as_recorded(tmp_path: Path) -> None:
    track("run", "--name", "base/v1", "--param", "lr=0.01", "--param", "model.depth=3",
          "--", *py(TRAIN), cwd=tmp_path, check=True)
    track("run", "--", *py("print('loss=0.5')"), cwd=tmp_path, check=True)
    runs = track_json("ls", cwd=tmp_path)
    out = tmp_path / "tb"
    for _ in range(2):  # exporting again replaces, never duplicates
        done = track("export", "--tensorboard", str(out), "--json", cwd=tmp_path, check=True)
    exported = {e["run"]: e for e in json.loads(done.stdout)}
    assert sorted(exported) == sorted(r["id"] for r in runs)
    named = next(r for r in runs if r["name"])
    folders = sorted(p.name for p in out.iterdir())
    assert folders == sorted([f"base_v1-{named['id']}",
                              next(r["id"] for r in runs if not r["name"])])
    for run in runs:
        folder = out / exported[run["id"]]["folder"]
        assert len(list(folder.glob("events.out.tfevents.*"))) == 1
        acc = EventAccumulator(str(folder))
        acc.Reload()
        rows = track_json("metrics", run["id"], cwd=tmp_path)
        expected: dict[str, list[tuple[int, float, float]]] = {}
        for r in rows:  # the step, else the epoch, else the position in its series
            series = expected.setdefault(r["name"], [])
            step = next((s for s in (r["step"], r["epoch"]) if s is not None), len(series))
            series.append((step, r["time"], float(np.float32(r["value"]))))
        assert sorted(acc.Tags()["scalars"]) == sorted(expected)
        for name, series in expected.items():
            got = [(e.step, e.wall_time, e.value) for e in acc.Scalars(name)]
            assert got == series
    acc = EventAccumulator(str(out / f"base_v1-{named['id']}"))
    acc.Reload()
    content = acc.PluginTagToContent("hparams")["_hparams_/session_start_info"]
    data = plugin_data_pb2.HParamsPluginData.FromString(content)
    hparams = {k: v.number_value for k, v in data.session_start_info.hparams.items()}
    assert hparams == {"lr": 0.01, "model.depth": 3.0}

