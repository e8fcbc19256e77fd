"""Run folders truncated, half-written or edited by hand: `ls` and `show` show what they can,
flag the damaged run, and never print a traceback."""

from __future__ import annotations

import json
import math
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from conftest import py, track
from hypothesis import given, settings
from hypothesis import strategies as st

from exptrack import render
from exptrack.store import load_run


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        (folder / name).write_bytes(data)
    return damage


def _truncate(name: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        data = (folder / name).read_bytes()
        (folder / name).write_bytes(data[: len(data) // 2])
    return damage


def _remove_old(name: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        (folder / name).unlink()
        old = time.time() - 3600
        os.utime(folder, (old, old))  # not a run being created right now
    return damage


def _edit_run_yaml(**changes: Any) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        record = yaml.safe_load((folder / "run.yaml").read_text())
        record.update(changes)
        (folder / "run.yaml").write_text(yaml.safe_dump(record))
    return damage


# id suffix -> (how the folder is damaged, a word the `damaged` list must contain)
DAMAGES: dict[str, tuple[Callable[[Path], None], str]] = {
    "01": (_write("run.yaml", b"status: [completed\nid: {{{\n"), "run.yaml cannot be parsed"),
    "02": (_truncate("run.yaml"), "run.yaml"),
    "03": (_remove_old("run.yaml"), "run.yaml is missing"),
    "04": (_write("run.yaml", b""), "run.yaml is empty"),
    "05": (_write("run.yaml", b"- just\n- a list\n"), "run.yaml is not a mapping"),
    "06": (_write("run.yaml", b"\xff\xfe\x00garbage\x00: \x81\n"), "run.yaml"),
    "07": (_edit_run_yaml(format=99), "unknown format version 99"),
    "08": (_write("params.yaml", b"lr: [0.1\n"), "params.yaml cannot be parsed"),
    "09": (_write("summary.yaml", b"metrics: [1, 2, 3]\n"), "metrics is not a mapping"),
    "10": (_write("summary.yaml", b"metrics:\n  loss: {last: abc, min: [], count: x}\n"),
           "metric loss"),
    "11": (_write("params.yaml", b"!!python/object/apply:os.system ['touch PWNED']\n"),
           "params.yaml cannot be parsed"),
    "12": (_write("run.yaml", b"!!python/object/new:os.system [touch PWNED]\n"),
           "run.yaml cannot be parsed"),
    # Deeper than PyYAML's C parser survives: it would kill the process, not raise.
    "13": (_write("params.yaml", b"lr: " + b"[" * 50000 + b"]" * 50000 + b"\n"),
           "params.yaml cannot be parsed"),
}


def _clone_runs(tmp_path: Path, track_home: Path) -> tuple[str, dict[str, str]]:
    done = track("run", "--name", "good", "--", *py("print('loss=0.5 acc=0.9')"),
                 "--lr", "0.1", cwd=tmp_path)
    assert done.returncode == 0
    runs_dir = track_home / "runs"
    (good,) = [p for p in runs_dir.iterdir()]
    expected: dict[str, str] = {}
    for suffix, (damage, word) in DAMAGES.items():
        run_id = f"dddddd{suffix}"
        folder = runs_dir / run_id
        shutil.copytree(good, folder)
        _edit_run_yaml(id=run_id, name=f"damaged-{suffix}")(folder)
        damage(folder)
        expected[run_id] = word
    # Debris a crash or a user can leave in the store: never listed, never fatal.
    (runs_dir / "not-a-folder.txt").write_text("hello")
    (runs_dir / ".hidden").mkdir()
    (good / ".run.yaml.abc.tmp").write_text("half")
    return good.name, expected


def _no_traceback(done: Any) -> None:
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr and b"Traceback" not in done.stdout


def test_damaged_runs_are_listed_and_flagged(tmp_path: Path, track_home: Path) -> None:
    good, expected = _clone_runs(tmp_path, track_home)
    done = track("ls", "--json", cwd=tmp_path)
    _no_traceback(done)
    runs = {run["id"]: run for run in json.loads(done.stdout)}
    assert set(runs) == {good, *expected}
    assert runs[good]["damaged"] == [] and runs[good]["status"] == "completed"
    for run_id, word in expected.items():
        flags = runs[run_id]["damaged"]
        assert any(word in flag for flag in flags), (run_id, flags)
    # What could be read is still shown.
    assert runs["dddddd08"]["metrics"]["loss"]["last"] == 0.5
    assert runs["dddddd08"]["params"] == {}
    assert runs["dddddd09"]["params"] == {"lr": 0.1}
    assert runs["dddddd07"]["status"] == "completed"
    assert runs["dddddd03"]["status"] == "crashed"
    assert not (tmp_path / "PWNED").exists()  # YAML tags never execute anything

    plain = track("ls", cwd=tmp_path)
    _no_traceback(plain)
    for run_id in (good, *expected):
        assert run_id.encode() in plain.stdout


def test_show_each_damaged_run(tmp_path: Path, track_home: Path) -> None:
    _good, expected = _clone_runs(tmp_path, track_home)
    for run_id in ("dddddd01", "dddddd03", "dddddd05", "dddddd07", "dddddd10", "dddddd12",
                   "dddddd13"):
        word = expected[run_id]
        done = track("show", run_id, "--json", cwd=tmp_path)
        _no_traceback(done)
        run = json.loads(done.stdout)
        assert run["id"] == run_id
        assert any(word in flag for flag in run["damaged"]), (run_id, run["damaged"])
    for run_id in ("dddddd02", "dddddd09"):
        _no_traceback(track("show", run_id, cwd=tmp_path))
    assert not (tmp_path / "PWNED").exists()


def test_crashed_run_with_garbage_metric_lines(tmp_path: Path, track_home: Path) -> None:
    folder = track_home / "runs" / "abcd0123"
    folder.mkdir(parents=True)
    (folder / "run.yaml").write_text(yaml.safe_dump({
        "format": 1, "id": "abcd0123", "status": "running", "command": ["python", "x.py"],
        "cwd": "/", "started_at": "2026-01-01T00:00:00+00:00", "pid": 2 ** 22 + 7}))
    (folder / "metrics.jsonl").write_bytes(
        b'{"name": "loss", "value": 0.9, "step": 1, "time": 1}\n'
        b"garbage \xff\n"
        b'{"name": "loss", "value": "nan", "step": 2, "time": 2}\n'
        b'["a list"]\n'
        b'{"name": "loss", "value": 0.5, "step": 3, "time": 3}\n'
        b'{"name": "loss", "val')  # the recorder died mid-line
    done = track("show", "abcd", "--json")
    _no_traceback(done)
    run = json.loads(done.stdout)
    assert run["status"] == "crashed"
    loss = run["metrics"]["loss"]
    assert loss["count"] == 3 and loss["last"] == 0.5 and loss["min"] == 0.5
    assert run["damaged"] == ["metrics.jsonl: 2 line(s) cannot be read"]


def test_missing_run_yaml_in_a_fresh_folder_is_a_run_starting(track_home: Path) -> None:
    (track_home / "runs" / "abcd9999").mkdir(parents=True)
    run = json.loads(track("ls", "--json").stdout)[0]
    assert run["status"] == "running" and run["damaged"] == []


def test_bad_refs_are_one_line_errors(tmp_path: Path, track_home: Path) -> None:
    _clone_runs(tmp_path, track_home)
    for ref in ("../../etc/passwd", "\n", "@999", "dddddd"):
        done = track("show", ref, "--json", cwd=tmp_path)
        assert done.returncode == 1, (ref, done.stdout)
        assert b"Traceback" not in done.stderr
        assert done.stderr.startswith(b"track: error: ") and done.stderr.count(b"\n") == 1


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
run_files = st.fixed_dictionaries({
    name: yaml_values | st.dictionaries(st.sampled_from(keys), yaml_values, max_size=len(keys))
    for name, keys in {
        "run.yaml": ["id", "status", "command", "tags", "started_at", "exit_code", "format",
                     "pid", "host", "duration_s", "warnings", "name", "pty"],
        "params.yaml": ["lr", "layers"],
        "summary.yaml": ["metrics"],
        "git.yaml": ["commit", "dirty", "untracked", "untracked_total", "branch"],
    }.items()
})


@settings(max_examples=80, deadline=None)
@given(files=run_files, metrics=yaml_values)
def test_any_yaml_in_a_run_folder_never_raises(tmp_path_factory: Any, files: dict[str, Any],
                                               metrics: Any) -> None:
    folder = tmp_path_factory.mktemp("run")
    for name, data in files.items():
        if name == "summary.yaml" and isinstance(data, dict) and "metrics" in data:
            data["metrics"] = {"loss": metrics} if isinstance(metrics, dict) else metrics
        (folder / name).write_text(yaml.safe_dump(data))
    run = load_run(folder)
    summary = render.run_summary(run)
    text = json.dumps(render._clean(summary), allow_nan=False)
    assert json.loads(text)["id"]
    for metric in run.metrics.values():
        assert isinstance(metric.count, int) and isinstance(metric.last, float)
        assert metric.best is None or isinstance(metric.best, float) or math.isnan(metric.best)
