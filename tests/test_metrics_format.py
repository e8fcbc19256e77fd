"""``metrics.jsonl`` format 2 (docs/format.md): what the recorder writes reads back the
same through exptrack's reader and through one ``json.loads`` a line; format-1 files still
read; a recorder killed mid-flood leaves a file that reads as the output's prefix."""

from __future__ import annotations

import contextlib
import json
import math
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import decode_metrics, only_run, py, start_track, track_json

from exptrack.curves import read_curves
from exptrack.jsonl import read_observations, read_rows
from exptrack.metrics import Observation
from exptrack.metrics.encode import RowWriter
from exptrack.rebuilt import rebuilt_summary

OBS = [Observation("loss", 0.5, 1, None), Observation("acc", 0.25, 1, None),
       Observation("loss", float("nan"), 2, 1), Observation('q"é\\/x', float("inf"), 3, 1),
       Observation("loss", -0.0, None, 1.5), Observation("acc", 1e-300, 10**20, 1.5),
       Observation("acc", float("-inf"), 4, None)]


@pytest.fixture
def cleanup_pids() -> Iterator[list[int]]:
    """The command of a killed recorder is killed too, if the test fails before it ends."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def same(a: float, b: float) -> bool:
    return a == b or (math.isnan(a) and math.isnan(b))


def written(path: Path) -> list[tuple[object, ...]]:
    """Rows of ``OBS`` written in three calls: times, a file source, and a fresh name."""
    writer = RowWriter()
    text = (writer.rows(OBS[:3], 100.125) + writer.rows(OBS[3:5], 101.5)
            + writer.rows(OBS[5:], None, "runs/results.csv"))
    path.write_text(text)
    return [(*OBS[i], 100.125 if i < 3 else 101.5 if i < 5 else None,
             "runs/results.csv" if i >= 5 else None) for i in range(len(OBS))]


def test_rows_round_trip_through_the_reader_and_json_loads(tmp_path: Path) -> None:
    path = tmp_path / "metrics.jsonl"
    expected = written(path)
    lines = path.read_text().splitlines()
    assert lines[0] == '{"format":2}'
    assert all(isinstance(json.loads(line), (list, dict)) for line in lines)
    got = read_rows(path)
    assert len(got) == len(expected)
    for row, want in zip(got, expected, strict=True):
        assert row[0] == want[0] and same(row[1], want[1])  # type: ignore[arg-type]
        assert tuple(row[2:]) == want[2:]
        assert repr(row.step) == repr(want[2]) and repr(row.epoch) == repr(want[3])
    plain = decode_metrics(path.read_text())  # a notebook's json.loads a line
    assert [(r["name"], r.get("step"), r.get("epoch"), r.get("time"), r.get("src"))
            for r in plain] == [(w[0], w[2], w[3], w[4], w[5]) for w in expected]
    assert [float(r["value"]) for r in plain][:2] == [0.5, 0.25]
    assert plain[2]["value"] == "nan" and plain[6]["value"] == "-inf"


def test_a_format_1_file_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "metrics.jsonl"
    path.write_text(  # as exptrack 0.x wrote it, one object a row
        '{"name": "loss", "value": 0.9, "step": 1, "epoch": 0, "time": 1700000000.5}\n'
        '{"name": "acc", "value": "nan", "step": 1, "epoch": 0, "time": 1700000000.5}\n'
        '{"name": "loss", "value": 0.4, "step": 2, "time": 1700000001.25}\n'
        '{"name": "loss", "value": 0.3, "step": 3, "src": "log/metrics.csv"}\n')
    assert repr(read_observations(path)) == repr([
        Observation("loss", 0.9, 1, 0), Observation("acc", float("nan"), 1, 0),
        Observation("loss", 0.4, 2, None), Observation("loss", 0.3, 3, None)])
    assert [(r.time, r.src) for r in read_rows(path)] == [
        (1700000000.5, None), (1700000000.5, None), (1700000001.25, None),
        (None, "log/metrics.csv")]
    assert read_curves(path)["loss"] == [0.9, 0.4, 0.3]
    damaged: list[str] = []
    summary = rebuilt_summary(tmp_path, damaged)
    assert summary["loss"].count == 3 and summary["loss"].last == 0.3 and damaged == []
    # format-1 rows after format-2 lines (a file appended to by two versions) read too
    writer = RowWriter()
    with path.open("a") as handle:
        handle.write(writer.rows([Observation("acc", 0.5, 4, None)], 5.0))
    assert read_observations(path)[-1] == Observation("acc", 0.5, 4, None)


def test_a_damaged_names_line_never_gives_a_row_another_name(tmp_path: Path) -> None:
    path = tmp_path / "metrics.jsonl"
    writer = RowWriter()
    text = writer.rows([Observation("a", 1.0, 1)], 1.0) + writer.rows(
        [Observation("b", 2.0, 2), Observation("a", 3.0, 3)], 2.0) + writer.rows(
        [Observation("c", 4.0, 4), Observation("b", 5.0, 5)], 3.0)
    lines = text.splitlines(keepends=True)
    names_b = next(i for i, line in enumerate(lines) if '"names":["b"]' in line)
    lines[names_b] = lines[names_b][:8] + "\n"  # cut by a hand edit
    path.write_text("".join(lines))
    damaged: list[str] = []
    # "a" (declared before the damage) still reads; "b" and "c" are unknown: the reader's
    # name table lacks "b", so the id of "b" would name "c"
    assert read_observations(path, damaged) == [Observation("a", 1.0, 1),
                                                Observation("a", 3.0, 3)]
    assert damaged == ["metrics.jsonl: 4 line(s) cannot be read"]


def test_recorder_killed_mid_flood_leaves_the_outputs_prefix(
        tmp_path: Path, track_home: Path, cleanup_pids: list[int]) -> None:
    code = ("import os\nprint('child', os.getpid(), flush=True)\n"
            "for i in range(10 ** 7):\n"
            "    print(f'epoch {i // 700} step {i} loss={1 / (i + 1):.6f} acc={i % 97}.5')\n")
    proc = start_track("run", "--", *py(code), cwd=tmp_path)
    assert proc.stdout is not None
    cleanup_pids.append(int(proc.stdout.readline().split()[1]))
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # well into the flood: several epochs, many writes
        proc.stdout.read(1 << 20)
        metrics = list((track_home / "runs").glob("*/metrics.jsonl"))
        if metrics and metrics[0].stat().st_size > 400_000:
            break
    proc.kill()  # SIGKILL: no chance to finish a write or a summary
    proc.wait(timeout=10)
    run_dir = only_run(track_home)
    text = (run_dir / "metrics.jsonl").read_text()
    whole = text[:text.rfind("\n") + 1]  # the last line may be cut short
    rows = decode_metrics(whole)
    lines = len(rows) // 2
    assert lines > 5000
    expected = [{"name": n, "value": v, "step": i, "epoch": i // 700}
                for i in range(lines)
                for n, v in (("loss", float(f"{1 / (i + 1):.6f}")), ("acc", i % 97 + 0.5))]
    assert [{k: r[k] for k in ("name", "value", "step", "epoch")} for r in rows[:2 * lines]] \
        == expected
    assert all(isinstance(r["time"], float) for r in rows)
    run = track_json("show")  # crashed: its summary rebuilt from metrics.jsonl
    assert run["status"] == "crashed"
    assert run["metrics"]["loss"]["count"] >= lines
    assert "damaged" not in run or not run["damaged"]
