"""Many `track run` at once in one store, and `track ls` reading while they write."""

from __future__ import annotations

import json
import time
from pathlib import Path

import yaml
from conftest import py, start_track, track, without_end_line

RUNS = 20


def test_twenty_concurrent_runs_are_distinct_and_complete_while_ls_reads(
        tmp_path: Path, track_home: Path) -> None:
    release = tmp_path / "release"
    # Each run prints its five lines, then waits for the test to let it end (at most 60 s):
    # ls sees the runs running whatever the machine's load, not by a race against sleeps.
    code = ("import os, sys, time\nn = int(sys.argv[1])\n"
            "for step in range(5):\n"
            "    print(f'run {n} step={step} loss={n + step / 10}', flush=True)\n"
            "    time.sleep(0.05)\n"
            "deadline = time.time() + 60\n"
            f"while not os.path.exists({str(release)!r}) and time.time() < deadline:\n"
            "    time.sleep(0.05)\n")
    procs = [start_track("run", "--name", f"r{n}", "--", *py(code), str(n), cwd=tmp_path)
             for n in range(RUNS)]
    listings = 0
    seen_running = False
    while any(p.poll() is None for p in procs) or listings < 3:
        done = track("ls", "--json")
        assert done.returncode == 0, done.stderr
        assert b"Traceback" not in done.stderr and done.stderr == b""
        runs = json.loads(done.stdout)
        assert all(run["damaged"] == [] for run in runs), runs
        seen_running |= any(run["status"] == "running" for run in runs)
        if listings % 3 == 0:
            plain = track("ls")
            assert plain.returncode == 0 and plain.stderr == b"", plain.stderr
        listings += 1
        if seen_running and listings >= 3:
            release.touch()
        time.sleep(0.05)
    assert seen_running  # ls really ran while the runs were writing
    for n, proc in enumerate(procs):
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert out.count(b"\n") == 5 and out.startswith(b"run %d step=0" % n)
        assert without_end_line(err) == b"" and err.startswith(b"track: ")

    runs = {run["name"]: run for run in json.loads(track("ls", "--json").stdout)}
    assert len(runs) == RUNS
    assert len({run["id"] for run in runs.values()}) == RUNS
    for n in range(RUNS):
        run = runs[f"r{n}"]
        assert run["status"] == "completed" and run["exit_code"] == 0
        assert run["metrics"]["loss"]["count"] == 5
        assert run["metrics"]["loss"]["last"] == n + 0.4
        folder = Path(run["path"])
        log = (folder / "output.log").read_bytes()
        assert log.splitlines() == [
            f"run {n} step={s} loss={n + s / 10}".encode() for s in range(5)]
        assert yaml.safe_load((folder / "run.yaml").read_text())["name"] == f"r{n}"
        leftovers = [p.name for p in folder.iterdir() if p.name.startswith(".")]
        assert leftovers == []  # no temp files, no disk reserve left behind
