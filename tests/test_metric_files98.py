"""Comet's offline archive (``.cometml-runs/<key>.zip``) as a framework metric file
(session 98)."""

from __future__ import annotations

import io
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import metric_rows, only_run, track, track_json

from exptrack.metrics import cometzip, files

# what comet_ml 3.58.8 wrote for the zoo case comet_offline (a real offline experiment)
ARCHIVE = next((Path(__file__).parent / "data" / "zoo" / "comet_offline" / "pipe" / "files"
                / ".cometml-runs").glob("*.zip"))
# what the run printed besides: Comet's closing summary, its own tag before each line
SUMMARY = r"""
import shutil, sys
shutil.copytree(sys.argv[1], ".cometml-runs", copy_function=shutil.copy)
for line in ("COMET INFO: 24 offline data items still in progress of writing to messages file",
             "COMET INFO:   Metrics [count] (min, max):",
             "COMET INFO:     loss [12]   : (0.35762714737960655, 0.6931471805599453)",
             "COMET INFO:     test_acc    : 0.734375",
             "COMET INFO:     val_acc [3] : (0.75, 0.765625)"):
    print(line, file=sys.stderr)
"""


def test_the_archive_gives_every_logged_value(tmp_path: Path, track_home: Path) -> None:
    fixture = tmp_path / "fixture"
    fixture.mkdir()
    shutil.copy(ARCHIVE, fixture / ARCHIVE.name)
    work = tmp_path / "work"
    work.mkdir()
    track("run", "--", sys.executable, "-c", SUMMARY, str(fixture), cwd=work, check=True)
    metrics = track_json("show", "@")["metrics"]
    assert set(metrics) == {"loss", "val_acc", "test_acc"}  # not "process duration", nor
    # the summary's "COMET_INFO" (its count of items being written)
    assert metrics["loss"]["count"] == 12 and metrics["val_acc"]["count"] == 3
    assert metrics["test_acc"]["last"] == 0.734375
    rows = [r for r in metric_rows(only_run(track_home) / "metrics.jsonl")
            if r["name"] == "val_acc"]
    assert [(r["step"], r["epoch"]) for r in rows] == [(3, 1), (7, 2), (11, 3)]
    assert "kind: comet" in (only_run(track_home) / "sources.yaml").read_text()
    shutil.rmtree(work / ".cometml-runs")  # reparse reads the kept copy
    track("reparse", "@", cwd=work, check=True)
    assert track_json("show", "@")["metrics"]["loss"]["count"] == 12


def _archive(messages: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("experiment.json", b"{}")
        archive.writestr("messages.json", messages)
    return buffer.getvalue()


def test_what_is_no_metric_of_the_run() -> None:
    lines = [b'{"payload":{"metric":{"epoch":null,"metricName":"loss","metricValue":"0.5",'
             b'"step":2}},"type":"metric_msg"}',
             b'{"payload":{"metric":{"metricName":"sys.cpu.percent.01","metricValue":3,'
             b'"step":2}},"type":"metric_msg"}',
             b'{"payload":{"key":"lr","value":0.1},"type":"parameter_msg"}',
             b'{"payload":{"output":"metric_msg loss 0.9"},"type":"standard_output"}',
             b'{"payload":{"metric":{"metricName":"acc","metricValue":true}},'
             b'"type":"metric_msg"}',
             b'{"payload": not json "metric_msg"',
             b'{"payload":{"metric":{"metricName":"acc","metricValue":0.75,"step":null,'
             b'"epoch":4}},"type":"metric_msg"}']
    got = cometzip.read_archive(_archive(b"\n".join(lines) + b"\n"))
    assert [tuple(o) for o in got] == [("loss", 0.5, 2, None), ("acc", 0.75, None, 4)]


def test_a_damaged_archive_or_another_zip_gives_nothing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    data = ARCHIVE.read_bytes()
    assert len(cometzip.read_archive(data)) == 16
    assert cometzip.read_archive(data[:len(data) // 2]) == []  # (still being written)
    assert cometzip.read_archive(_archive(b"")) == []
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("weights.bin", b"\x00" * 100)
    assert cometzip.read_archive(other.getvalue()) == []
    monkeypatch.setattr(cometzip, "MAX_MESSAGES_BYTES", 1000)  # an inflated size past it
    assert cometzip.read_archive(data) == []


def test_only_comets_folder_holds_its_archives() -> None:
    head = ARCHIVE.read_bytes()[:4096]
    assert files.kind_of(ARCHIVE.name, head, ".cometml-runs") == files.COMET
    assert files.kind_of(ARCHIVE.name, head, "outputs") is None  # any other zip
    assert files.kind_of("x.zip", b"not a zip", ".cometml-runs") is None
    assert files.COMET in files.FALLBACK  # a framework's own file beside it wins


RUNHISTORY = next((Path(__file__).parent / "data" / "zoo" / "smac_hpo" / "pipe" / "files"
                   / "smac3_output").glob("*/0/runhistory.json"))
COPY_SMAC = r"""
import shutil, sys
shutil.copytree(sys.argv[1], "smac3_output/abc/0", copy_function=shutil.copy)
print("Incumbent cost: 0.05999999999999994")
"""


def test_smacs_run_history_gives_each_trial(tmp_path: Path, track_home: Path) -> None:
    # SMAC3 prints no trial's cost: its runhistory.json (SMAC 2.4.1's, from the zoo case
    # smac_hpo) holds them, a trial an entry
    fixture = tmp_path / "fixture"
    fixture.mkdir()
    shutil.copy(RUNHISTORY, fixture / "runhistory.json")
    work = tmp_path / "work"
    work.mkdir()
    track("run", "--", sys.executable, "-c", COPY_SMAC, str(fixture), cwd=work, check=True)
    metrics = track_json("show", "@")["metrics"]
    assert {"cost", "time", "cpu_time", "Incumbent_cost"} <= set(metrics)
    assert metrics["cost"]["count"] == 20 and metrics["cost"]["min"] < 0.061
    rows = [r for r in metric_rows(only_run(track_home) / "metrics.jsonl")
            if r["name"] == "cost"]
    assert [r["step"] for r in rows] == list(range(1, 21))


def test_a_run_history_of_failed_and_multi_objective_trials() -> None:
    trial = '{{"config_id": {0}, "cost": {1}, "time": 0.5, "cpu_time": 0.25, "status": {2}}}'
    data = ('{\n  "stats": {\n    "submitted": 3,\n    "finished": 3,\n    "running": 0\n  },\n'
            '  "data": [' + ", ".join((trial.format(1, 0.5, 1), trial.format(2, 2147483647.0, 2),
                                       trial.format(3, "[0.25, 12.0]", 1))) + "]\n}")
    head = data.encode()[:4096]
    assert files.kind_of("runhistory.json", head) == files.SMAC
    assert files.kind_of("runhistory.json", b'{"data": []}') is None
    got = [tuple(o) for o in files.parse(files.SMAC, data.encode())]
    assert got == [("cost", 0.5, 1, None), ("time", 0.5, 1, None), ("cpu_time", 0.25, 1, None),
                   ("cost_0", 0.25, 3, None), ("cost_1", 12.0, 3, None), ("time", 0.5, 3, None),
                   ("cpu_time", 0.25, 3, None)]  # the crashed trial 2 gives nothing
    assert files.parse(files.SMAC, data.encode()[:-20]) == []  # (being rewritten)
