"""Ultralytics YOLO 8.4 output, replayed from real runs (tests/data/zoo/yolo_*, made by
bench/zoo/run.py): exptrack records exactly the series Ultralytics keeps itself
(results.csv and the closing validation of best.pt, in truth.yaml), within the rounding
of what it prints, with the same counts and no other name; under a pipe and a terminal."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import decode_metrics, py, track_json
from test_pty import Terminal

from exptrack.metrics import MetricParser, Observation, parse_text
from exptrack.metrics.records import reextract

ZOO = Path(__file__).parent / "data" / "zoo"
MORE = Path(__file__).parent / "data" / "ultralytics"
NARROW = MORE / "segment_pty72"  # a 72-column terminal
CI = MORE / "detect_ci"  # GITHUB_ACTIONS=true: each bar printed once, as a plain line
TASKS = ("detect", "segment", "pose", "classify")
MODES = ("pipe", "pty")

Series = dict[str, list[tuple[Any, float]]]
MEMORY = "GPU_mem"  # the epoch bar's memory column: printed only, in no file of Ultralytics'
# the closing "Speed:" line, in ms: "0.0ms loss" is the loss's time, never the loss
SPEED = {"speed_preprocess", "speed_inference", "speed_loss", "speed_postprocess"}


def speed(metrics: dict[str, Any]) -> set[str]:
    """The Speed line's names, apart from the run's own (a classifier's ``loss``)."""
    assert not SPEED & set(metrics)
    return SPEED


def truth_of(fixture: Path) -> dict[str, Any]:
    truth = yaml.safe_load((fixture / "truth.yaml").read_text(encoding="utf-8"))
    assert truth["framework"] == "ultralytics" and truth["metrics"]
    return truth


def series_of(observations: list[Observation]) -> Series:
    found: Series = {}
    for obs in observations:
        assert obs.step is None, obs
        found.setdefault(obs.name, []).append((obs.epoch, obs.value))
    return found


def jsonl_series(jsonl: str) -> Series:
    found: Series = {}
    for row in decode_metrics(jsonl):
        assert "step" not in row, row
        found.setdefault(row["name"], []).append((row.get("epoch"), row["value"]))
    return found


def mismatches(found: Series, metrics: dict[str, Any], names: set[str]) -> list[str]:
    """Where ``found`` differs from the truth ``metrics`` for ``names``: a count, an
    epoch, or a value beyond the printed rounding."""
    problems = []
    for name in sorted(names):
        spec = metrics[name]
        want, got = spec["values"], found.get(name, [])
        if len(got) != len(want):
            problems.append(f"{name}: {len(got)} values, truth has {len(want)}")
            continue
        for (epoch, value), (want_epoch, want_value) in zip(got, want, strict=True):
            if epoch != want_epoch or \
                    abs(value - want_value) > spec["rel_tolerance"] * abs(want_value):
                problems.append(f"{name}: ({epoch}, {value}) for ({want_epoch}, {want_value})")
    return problems


def memory_ok(found: Series, metrics: dict[str, Any]) -> bool:
    """The bar's GPU_mem (0G on a CPU) is recorded once an epoch, like the losses."""
    loss = next(n for n in metrics if n.endswith("loss"))
    return [epoch for epoch, _ in found[MEMORY]] == \
        [epoch for epoch, _ in metrics[loss]["values"]]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("task", TASKS)
def test_recorded_series_equal_ultralytics_own_record(task: str, mode: str) -> None:
    fixture = ZOO / f"yolo_{task}" / mode
    truth = truth_of(fixture)
    metrics = truth["metrics"]
    log = fixture / "output.log"
    # the line path (track parse) and the recorder's path (feed_segments, as track run and
    # track reparse read it)
    for found in (series_of(parse_text(log.read_bytes())),
                  jsonl_series(reextract(log).jsonl)):
        assert set(found) == set(metrics) | {MEMORY} | speed(metrics), \
            f"names {sorted(found)}, truth {sorted(metrics)}"
        assert all(len(found[n]) == 1 for n in speed(metrics))  # best.pt's validation
        assert mismatches(found, metrics, set(metrics)) == []
        assert memory_ok(found, metrics)
    # the closing validation of best.pt is the last value of each validation metric, at no
    # epoch (it evaluates the best epoch's weights)
    validation = [n for n in metrics if not n.endswith("loss")]
    assert validation and all(len(metrics[n]["values"]) == 4 for n in validation)
    assert all(metrics[n]["values"][-1][0] is None for n in validation)
    assert all(epoch is None for n in speed(metrics) for epoch, _ in found[n])


def test_a_non_interactive_console_s_plain_lines() -> None:
    metrics = truth_of(CI)["metrics"]
    found = series_of(parse_text((CI / "output.log").read_bytes()))
    assert set(found) == set(metrics) | {MEMORY} | speed(metrics) and memory_ok(found, metrics)
    assert mismatches(found, metrics, set(metrics)) == []


def test_a_line_printed_while_the_epoch_bar_runs_does_not_split_the_epoch() -> None:
    """A warning (or a callback's print) in the middle of an epoch ends the bar's line;
    the bar goes on below it, and the epoch still has one value: its last render's."""
    fixture = ZOO / "yolo_detect" / "pty"
    metrics = truth_of(fixture)["metrics"]
    data = (fixture / "output.log").read_bytes()
    second = data.index(b"\r\x1b[K        2/3")
    cut = data.index(b"\r\x1b[K", second + 1)  # after the epoch's first render
    data = data[:cut] + b"\r\nWARNING \xe2\x9a\xa0\xef\xb8\x8f a slow batch\r\n" + data[cut:]
    found = series_of(parse_text(data))
    assert set(found) == set(metrics) | {MEMORY} | speed(metrics) and memory_ok(found, metrics)
    assert mismatches(found, metrics, set(metrics)) == []


@pytest.mark.parametrize("fixture", [ZOO / f"yolo_{task}" / mode for task in TASKS
                                     for mode in MODES] + [NARROW, CI],
                         ids=lambda path: f"{path.parent.name}/{path.name}")
def test_output_split_anywhere_gives_the_same_series(fixture: Path) -> None:
    data = (fixture / "output.log").read_bytes()
    whole = parse_text(data)
    assert whole
    rng = random.Random(11)
    for _ in range(2):
        parser, found, offset = MetricParser(), [], 0
        while offset < len(data):
            size = rng.choice((1, 2, 7, 64, 300, 4096))
            found += parser.feed(data[offset:offset + size])
            offset += size
        found += parser.finish()
        assert found == whole


def test_a_narrow_terminal_cuts_columns_and_no_value_is_guessed() -> None:
    """At 72 columns Ultralytics cuts the epoch bar after box_loss and the validation
    header after Images (``…``): the losses it did not print are not recorded, and the
    validation columns are still named right."""
    truth = truth_of(NARROW)
    metrics = truth["metrics"]
    found = series_of(parse_text((NARROW / "output.log").read_bytes()))
    assert set(found) == set(metrics) - {"seg_loss", "cls_loss", "dfl_loss", "sem_loss"} \
        | {MEMORY} | speed(metrics)
    assert mismatches(found, metrics, set(found) - {MEMORY} - speed(metrics)) == []


def test_other_output_around_ultralytics_still_goes_to_the_default_rules() -> None:
    text = ("Ultralytics 8.4.190 🚀 Python-3.11.7 torch-2.14.1+cu130 CPU (AMD EPYC)\n"
            "my callback: custom_score=0.75\n"
            "\n      Epoch    GPU_mem   box_loss   cls_loss   dfl_loss  Instances       Size\n"
            "\r\x1b[K        1/2         0G      1.234      2.345      3.456          4"
            "         64: 100% ━━━━━━━━━━━━ 8/8 19.7it/s 0.4s\n")
    found = series_of(parse_text(text))
    assert found == {"custom_score": [(None, 0.75)], MEMORY: [(1, 0.0)], "box_loss": [(1, 1.234)],
                     "cls_loss": [(1, 2.345)], "dfl_loss": [(1, 3.456)]}


def test_track_run_under_a_terminal_records_the_run_s_own_series(tmp_path: Path) -> None:
    """The bytes of a real pty run, written again by a command under a real pty: track
    tees them unchanged and records Ultralytics' series."""
    fixture = ZOO / "yolo_pose" / "pty"
    metrics = truth_of(fixture)["metrics"]
    data = (fixture / "output.log").read_bytes()
    replay = tmp_path / "replay.bin"
    replay.write_bytes(data.replace(b"\r\n", b"\n"))  # the terminal turns "\n" into "\r\n"
    code = ("import os, sys, time\n"
            f"data = open({str(replay)!r}, 'rb').read()\n"
            "for start in range(0, len(data), 997):\n"
            "    os.write(1, data[start:start + 997])\n"
            "    time.sleep(0.001)\n")
    term = Terminal(["run", "--", *py(code)], tmp_path, rows=40, cols=120)
    assert term.finish() == 0
    run = track_json("show")
    assert Path(run["path"], "output.log").read_bytes() == data
    recorded = run["metrics"]
    assert set(recorded) == set(metrics) | {MEMORY} | speed(metrics)
    for name, spec in metrics.items():
        last_epoch, last = spec["values"][-1]
        assert recorded[name]["count"] == len(spec["values"]), name
        assert abs(recorded[name]["last"] - last) <= spec["rel_tolerance"] * abs(last), name
        assert recorded[name]["last_step"] == last_epoch, name


def test_aliases_and_ignore_patterns_apply_to_ultralytics_lines() -> None:
    data = (ZOO / "yolo_detect" / "pipe" / "output.log").read_bytes()
    parser = MetricParser(aliases={"box_loss": "train/box", "mAP50-95": "map",
                                   "speed_inference": "ms/image"},
                          ignore_patterns=[r"^\s+all\s", r"^Speed:"])
    found = series_of(parser.feed(data) + parser.finish())
    assert set(found) == {"train/box", "cls_loss", "dfl_loss", MEMORY}
    parser = MetricParser(aliases={"speed_inference": "ms/image"})
    assert {"ms/image", "speed_preprocess"} <= set(series_of(parser.feed(data) + parser.finish()))
    assert len(found["train/box"]) == 3
