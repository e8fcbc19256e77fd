"""The pure parts of plot/watch/report: curves, smoothing, thinning, progress from
output, SVG ticks, JSON safe in a script element, the follower's appended reads."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exptrack.errors import UsageError
from exptrack.jsonl import SeriesRow, read_series
from exptrack.live import FileTail, terminal_safe
from exptrack.progress import estimate
from exptrack.render_report import script_json
from exptrack.render_svg import nice_ticks
from exptrack.series import curve, pick_metrics, smooth, thin


def rows() -> list[SeriesRow]:
    return [SeriesRow("loss", 1.0, 10, 1, 100.0), SeriesRow("acc", 0.5, 10, 1, 100.0),
            SeriesRow("loss", math.nan, 20, 1, 101.0), SeriesRow("loss", 0.25, 30, 2, 103.0),
            SeriesRow("loss", 0.0, None, 3, 104.0)]


def test_curve_x_kinds() -> None:
    by_step = curve(rows(), "loss")
    assert (by_step.xs, by_step.ys, by_step.skipped) == ([10.0, 30.0], [1.0, 0.25], 2)
    assert curve(rows(), "loss", "epoch").xs == [1.0, 2.0, 3.0]
    assert curve(rows(), "loss", "time", start=99.0).xs == [1.0, 4.0, 5.0]
    assert curve(rows(), "loss", "epoch", log=True).ys == [1.0, 0.25]  # 0 has no log
    no_steps = [SeriesRow("x", float(i), None, None, None) for i in range(3)]
    assert curve(no_steps, "x").xs == [1.0, 2.0, 3.0] and curve(no_steps, "x").x_kind == "index"
    epochs_only = [SeriesRow("x", 1.0, None, 4, None)]
    assert curve(epochs_only, "x").x_kind == "epoch" and curve(epochs_only, "x").xs == [4.0]
    with pytest.raises(UsageError):
        curve(rows(), "loss", "wall")


def test_curve_runs_on_over_steps_counted_within_their_epoch() -> None:
    # PyTorch's tutorial loop: "[1,  2000] loss: 2.2" ... "[2,  2000] loss: 1.4": the batch
    # counter starts again each epoch; a curve by step must not fold back over itself
    printed = [SeriesRow("loss", 2.2, 2000, 1, None), SeriesRow("loss", 1.9, 4000, 1, None),
               SeriesRow("loss", 1.4, 2000, 2, None), SeriesRow("loss", 1.3, 4000, 2, None),
               SeriesRow("loss", 1.1, 2000, 3, None)]
    assert curve(printed, "loss").xs == [2000.0, 4000.0, 6000.0, 8000.0, 10000.0]
    assert curve(printed, "loss", "epoch").xs == [1.0, 1.0, 2.0, 2.0, 3.0]
    # steps that only grow, or go back within one epoch (a restart), are as recorded
    growing = [SeriesRow("loss", 1.0, 50, 1, None), SeriesRow("loss", 0.5, 100, 2, None)]
    assert curve(growing, "loss").xs == [50.0, 100.0]
    restarted = [SeriesRow("loss", 1.0, 50, 1, None), SeriesRow("loss", 0.5, 10, 1, None)]
    assert curve(restarted, "loss").xs == [50.0, 10.0]


def test_smooth_and_thin() -> None:
    assert smooth([1, 2, 3, 4], 2) == [1.0, 1.5, 2.5, 3.5]
    assert smooth([1, 2], 1) == [1, 2]
    xs, ys = thin([float(i) for i in range(1000)], [float(i % 2) for i in range(1000)], 10)
    assert len(xs) == 10 and xs[0] == 0.0 and xs[-1] == 999.0
    assert all(abs(y - 0.5) < 1e-9 for y in ys)
    assert thin([1.0], [2.0], 10) == ([1.0], [2.0])


def test_pick_metrics() -> None:
    assert pick_metrics(["val_*", "loss"], ["loss", "val_acc", "val_loss"]) == \
        ["val_acc", "val_loss", "loss"]
    with pytest.raises(UsageError, match="known: loss"):
        pick_metrics(["nope"], ["loss"])


@pytest.mark.parametrize(("lines", "fraction", "label"), [
    (["Epoch 3/10", "45/100 ━━━━━━━━ 1s 10ms/step - loss: 0.3"], 0.245, "epoch 3/10"),
    (["Epoch 4/10"], 0.3, "epoch 4/10"),
    ([" 45%|████▌     | 45/100 [00:10<00:12, 4.50it/s]"], 0.45, "45/100"),
    (["Epoch 2:  45%|████▌     | 45/100 [00:10<00:12, 4.50it/s]"], None, "epoch 2 45/100"),
    (["step 120/1000 loss=0.5"], 0.12, "step 120/1000"),
    (["Epoch [3/10] Step [50/100] loss 0.3"], 0.25, "epoch 3/10"),
    (["Epoch 9/10", "100/100 [", "Epoch 10/10"], 0.9, "epoch 10/10"),
])
def test_progress(lines: list[str], fraction: float | None, label: str) -> None:
    found = estimate(lines)
    assert found is not None and found.label == label
    if fraction is None:
        assert found.fraction is None and found.eta_s(10.0) is None
    else:
        assert found.fraction == pytest.approx(fraction)


def test_progress_ignores_dates_and_ratios_and_eta() -> None:
    assert estimate(["2024/01/05 12:00 started", "loss 3/4 of the way"]) is None
    assert estimate(["step 5/4"]) is None  # more done than the total: not a counter
    found = estimate(["step 50/100"])
    assert found is not None and found.eta_s(30.0) == pytest.approx(30.0)
    assert found.eta_s(None) is None


@given(st.text(max_size=300))
def test_progress_never_raises(text: str) -> None:
    estimate(text.split("\n"))


def test_ticks_and_script_json() -> None:
    assert nice_ticks(0.0, 1.0, 5) == [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    assert nice_ticks(3.0, 3.0) == [3.0]
    text = script_json({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_terminal_safe_keeps_colours_only() -> None:
    shown = terminal_safe("\x1b[31mred\x1b[0m\r\x1b[K50%\x1b]52;c;aGk=\x07\x1b[2J\n")
    assert shown.startswith("\x1b[31mred\x1b[0m\r\x1b[K50%")
    assert "\x1b]" not in shown and "\x07" not in shown and "\x1b[2J" not in shown
    assert "\\x1b]52;c;aGk=\\x07\\x1b[2J\n" in shown


def test_read_series_from_an_offset_and_file_tail(tmp_path: Path) -> None:
    path = tmp_path / "metrics.jsonl"
    path.write_bytes(b'{"name": "loss", "value": 1.0, "step": 1, "time": 5.5}\n'
                     b'{"name": "loss", "value": 0.5, "st')
    found, offset = read_series(path)
    assert found == [SeriesRow("loss", 1.0, 1, None, 5.5)]
    with path.open("ab") as handle:
        handle.write(b'ep": 2}\nnot json\n')
    damaged: list[str] = []
    more, end = read_series(path, offset, damaged)
    assert more == [SeriesRow("loss", 0.5, 2, None, None)] and end == path.stat().st_size
    assert damaged == ["metrics.jsonl: 1 line(s) cannot be read"]
    tail = FileTail(path)
    assert tail.read() == path.read_bytes() and tail.read() == b""
    path.write_bytes(b"new")  # replaced by a shorter file: read from its start
    assert tail.read() == b"new"


def test_read_series_follows_format_2_names_across_calls(tmp_path: Path) -> None:
    from exptrack.jsonl import Decoder

    path = tmp_path / "metrics.jsonl"
    path.write_bytes(b'{"format":2}\n{"names":["loss"]}\n{"time":5.5,"epoch":1}\n[0,1.0,1]\n[0,0.')
    decoder = Decoder(rows=True)
    found, offset = read_series(path, 0, None, decoder)
    assert found == [SeriesRow("loss", 1.0, 1, 1, 5.5)]
    with path.open("ab") as handle:  # the names line was read in the first call only
        handle.write(b'5,2]\n{"names":["acc"]}\n[1,0.75,2]\n')
    more, end = read_series(path, offset, None, decoder)
    assert more == [SeriesRow("loss", 0.5, 2, 1, 5.5), SeriesRow("acc", 0.75, 2, 1, 5.5)]
    assert end == path.stat().st_size


def test_watch_follower_reads_a_rewritten_metrics_file_again(tmp_path: Path) -> None:
    from exptrack.live import RunFollower

    path = tmp_path / "metrics.jsonl"
    path.write_bytes(b'{"format":2}\n{"names":["loss"]}\n[0,1.0,1]\n[0,0.9,2]\n')
    follower = RunFollower(tmp_path, {})
    follower.poll()
    assert follower.metrics["loss"].count == 2
    fresh = tmp_path / "new.jsonl"  # the recorder merges a framework file: a new inode
    fresh.write_bytes(b'{"format":2}\n{"names":["val_loss","loss"]}\n{"src":"results.csv"}\n'
                      b'[1,1.0,1]\n[1,0.9,2]\n[1,0.8,3]\n[0,0.7,3]\n')
    fresh.replace(path)
    follower.poll()
    assert follower.metrics["loss"].count == 3 and follower.metrics["loss"].last == 0.8
    assert follower.metrics["val_loss"].count == 1
