"""`track plot` on real runs: charts under a real terminal (colours, one marker and colour
a run), plain text through a pipe, JSON, --png, and its errors."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from conftest import py, track, track_json, unavailable
from test_pty import Terminal

TRAIN = Path(__file__).parent.parent / "examples" / "train.py"
_SGR = re.compile(rb"\x1b\[[0-9;]*m")


@pytest.fixture
def three_runs(tmp_path: Path) -> list[str]:
    for lr in ("0.05", "0.2", "0.8"):
        track("run", "--", sys.executable, str(TRAIN), "--lr", lr, "--epochs", "5",
              cwd=tmp_path, check=True)
    return [run["id"] for run in track_json("ls")]


def test_three_runs_overlaid_under_a_terminal(tmp_path: Path, three_runs: list[str]) -> None:
    term = Terminal(["plot", "loss", *three_runs], tmp_path, rows=40, cols=100)
    assert term.finish() == 0
    out = term.output
    colours = set(re.findall(rb"\x1b\[38;5;(\d+)m[\xe2\x80\xa2+x]", out))
    assert len(colours) == 3, out  # one colour a series
    plain = _SGR.sub(b"", out).decode()
    chart, legend = plain.split("\n  \u2022 ", 1)
    assert "loss" in chart.split("\n", 1)[0]
    for mark in ("\u2022", "+", "x"):  # each series drawn with its own marker
        assert chart.count(mark) >= 10, chart
    legend_lines = ("\u2022 " + legend).strip().splitlines()
    assert [line.split()[1] for line in legend_lines] == three_runs
    assert all(re.search(r"lr=0\.\d+", line) for line in legend_lines)
    width = max(len(line) for line in plain.splitlines())
    assert 90 <= width <= 100  # fits the terminal


def test_plain_text_through_a_pipe_and_json(tmp_path: Path, three_runs: list[str]) -> None:
    done = track("plot", "val_loss", "--where", "lr>0.1", "--smooth", "2",
                 env={"COLUMNS": "60", "LINES": "20"}, check=True)
    out = done.stdout.decode()
    assert "\x1b" not in out
    assert "val_loss (smoothed over 2)" in out
    assert max(len(line) for line in out.splitlines()) <= 60
    assert {line.split()[1] for line in out.splitlines() if line.startswith("  ")
            and line.split()[0] in "\u2022+"} == set(three_runs[:2])
    data = json.loads(track("plot", "loss", three_runs[2], "--json", check=True).stdout)
    assert [(d["metric"], d["run"], d["x"]) for d in data] == [("loss", three_runs[2], "epoch")]
    assert [p[0] for p in data[0]["points"]] == [1, 2, 3, 4, 5]


def test_png_and_errors(tmp_path: Path, three_runs: list[str]) -> None:
    try:
        import matplotlib  # noqa: F401 - the test extras install it
    except ImportError:
        unavailable("matplotlib is not installed")
    out = tmp_path / "curves.png"
    track("plot", "loss", "val_loss", "--best", "val_acc", "-n", "2", "--png", str(out),
          check=True)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    done = track("plot", "nope")
    assert done.returncode == 1 and not done.stdout
    assert done.stderr.startswith(b"track: error: no run matches 'nope'")
    done = track("plot", "loss", "--x", "time", "--json", check=True)
    assert json.loads(done.stdout)[0]["x"] == "time (s)"
    track("run", "--", *py("print('hello')"), cwd=tmp_path, check=True)
    done = track("plot")
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert b"no metrics to plot" in done.stderr
