"""`track metrics`: every recorded observation, exactly, as CSV, JSON or a table."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

from conftest import py, track, track_json

from exptrack.jsonl import read_observations

CODE = ("import math\n"
        "for step in range(1, 26):\n"
        "    print(f'step {step} loss={1 / step:.6f} acc={step / 30:.4f}')\n"
        "print('step 26 loss=nan')\n"
        "print('epoch 1 val_loss=0.125')\n")


def _value(text: str) -> float:
    return float(text)


def test_csv_equals_the_recorded_observations(tmp_path: Path) -> None:
    track("run", "--", *py(CODE), cwd=tmp_path, check=True)
    run = track_json("show")
    recorded = read_observations(Path(run["path"], "metrics.jsonl"))
    assert len(recorded) >= 50
    done = track("metrics", "--csv", check=True)
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode())))
    assert [r["run"] for r in rows] == [run["id"]] * len(recorded)
    got = [(r["name"], _value(r["value"]), r["step"], r["epoch"]) for r in rows]
    want = [(o.name, o.value, "" if o.step is None else str(o.step),
             "" if o.epoch is None else str(o.epoch)) for o in recorded]
    assert len(got) == len(want)
    for (name, value, step, epoch), (w_name, w_value, w_step, w_epoch) in zip(got, want,
                                                                              strict=True):
        assert (name, step, epoch) == (w_name, w_step, w_epoch)
        assert value == w_value or (math.isnan(value) and math.isnan(w_value))
    assert all(float(r["time"]) > 1e9 for r in rows)


def test_json_name_filter_and_several_runs(tmp_path: Path) -> None:
    track("run", "--", *py(CODE), cwd=tmp_path, check=True)
    track("run", "--", *py("print('step 1 loss=0.5')"), cwd=tmp_path, check=True)
    runs = track_json("ls")
    data = json.loads(track("metrics", "@", "@1", "--name", "loss", "--json",
                            check=True).stdout)
    assert {row["name"] for row in data} == {"loss"}
    assert [row["run"] for row in data][:1] == [runs[0]["id"]]
    assert sum(row["run"] == runs[1]["id"] for row in data) == 26
    assert data[-1]["value"] == "nan"  # JSON has no NaN: the run folder's word
    table = track("metrics", "@1", "-m", "val_*", check=True).stdout.decode()
    assert table.split("\n")[0].split() == ["name", "step", "epoch", "time", "value"]
    assert "val_loss" in table and "0.125" in table


def test_unknown_metric_is_one_line_error(tmp_path: Path) -> None:
    track("run", "--", *py(CODE), cwd=tmp_path, check=True)
    done = track("metrics", "--name", "nope")
    assert done.returncode == 2
    err = done.stderr.decode()
    assert err.startswith("track: error: no metric 'nope'") and "known: acc" in err
    assert "Traceback" not in err
