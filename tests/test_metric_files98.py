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
