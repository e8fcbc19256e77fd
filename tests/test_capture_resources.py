"""The resource sampler counts the command's whole process tree."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import only_run, py, track

from exptrack.capture.resources import interval_for, parse_gpu_samples

GRANDCHILD = ("import time; block = bytearray(b'x' * (200 * 1024 * 1024)); "
              "print('allocated', flush=True); time.sleep(2.5)")


def test_memory_of_a_grandchild_process_is_counted(tmp_path: Path, track_home: Path) -> None:
    # child (a shell-like parent doing nothing) -> grandchild holding 200 MB
    code = ("import subprocess, sys; "
            f"subprocess.run([sys.executable, '-c', {GRANDCHILD!r}], check=True)")
    done = track("run", "--", *py(code), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    run_dir = only_run(track_home)
    summary = yaml.safe_load((run_dir / "resources.yaml").read_text())
    assert summary["peak_rss_bytes"] >= 200 * 1024 * 1024
    assert summary["max_processes"] >= 2
    assert summary["samples"] >= 2 and summary["interval_s"] == 0.2  # (a 2.5 s run)
    assert summary["peak_gpu_memory_mib"] is None  # no nvidia-smi here
    rows = [json.loads(line) for line in (run_dir / "resources.jsonl").read_text().splitlines()]
    assert len(rows) == summary["samples"]
    sampled = max(r["rss_bytes"] for r in rows)
    assert sampled == summary["peak_rss_bytes"] if summary["peak_rss_source"] == "samples" \
        else sampled < summary["peak_rss_bytes"]
    assert {"time", "elapsed_s", "cpu_percent", "threads", "processes", "read_bytes",
            "write_bytes"} <= set(rows[0])
    assert "gpus" not in rows[0]
    shown = json.loads(track("show", "--json", cwd=tmp_path, check=True).stdout)
    assert shown["resources"]["peak_rss_bytes"] == summary["peak_rss_bytes"]


def test_cpu_of_a_busy_child_is_measured(tmp_path: Path, track_home: Path) -> None:
    code = "import time\nend = time.time() + 3.5\nwhile time.time() < end: pass\n"
    done = track("run", "--", *py(code), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    summary = yaml.safe_load((only_run(track_home) / "resources.yaml").read_text())
    assert summary["peak_cpu_percent"] >= 20  # a busy loop; an idle child reads ~0
    assert summary["max_threads"] >= 1


def test_interval_backs_off_for_long_runs() -> None:
    assert [interval_for(s) for s in (0, 0.4, 0.5, 4.9, 5, 119, 120, 1799, 1800, 3 * 3600,
                                      7 * 86400)] == [
        0.05, 0.05, 0.2, 0.2, 1.0, 1.0, 5.0, 5.0, 15.0, 60.0, 60.0]
    elapsed, samples = 0.0, 0
    while elapsed < 7 * 86400:
        elapsed += interval_for(elapsed)
        samples += 1
    assert samples < 12_000  # a week-long run stays small


def test_gpu_sample_parser() -> None:
    text = "0, 87, 30512\n1, [N/A], 1024\nNo devices were found\n"
    assert parse_gpu_samples(text) == [
        {"index": 0, "util_percent": 87.0, "memory_used_mib": 30512.0},
        {"index": 1, "util_percent": None, "memory_used_mib": 1024.0}]
    assert parse_gpu_samples("") == []


def test_short_command_still_writes_a_summary(tmp_path: Path, track_home: Path) -> None:
    done = track("run", "--", "true", cwd=tmp_path, env={"PATH": os.environ["PATH"]})
    assert done.returncode == 0, done.stderr
    summary = yaml.safe_load((only_run(track_home) / "resources.yaml").read_text())
    assert summary["samples"] <= 1 and "peak_rss_bytes" in summary


def test_a_run_too_short_for_two_samples_has_no_cpu_figure(tmp_path: Path,
                                                            track_home: Path) -> None:
    """CPU % needs two readings: a 0% from the first reading would be a lie."""
    assert track("run", "--", *py("pass"), cwd=tmp_path).returncode == 0
    run_dir = only_run(track_home)
    summary = yaml.safe_load((run_dir / "resources.yaml").read_text())
    samples = run_dir / "resources.jsonl"
    if samples.exists():  # a loaded machine may end `pass` before the first sample
        rows = [json.loads(line) for line in samples.read_text().splitlines()]
        assert rows and rows[0]["cpu_percent"] is None
    else:
        assert summary["samples"] == 0
    if summary["samples"] <= 1:  # (a loaded machine may take two readings of `pass`: then
        # its figure is a measured one)
        assert summary["mean_cpu_percent"] is None and summary["peak_cpu_percent"] is None
        text = track("show", cwd=tmp_path, check=True).stdout.decode()
        assert "CPU 0% mean" not in text


@pytest.mark.parametrize(("code", "least_mib"), [
    # ~40 MB held for 0.3 s: one sample at t=0 saw the interpreter starting (~10 MiB)
    ("import time; block = bytearray(40 * 1024 * 1024); time.sleep(0.3)", 35),
    # 80 MB for an instant, between two samples: only the kernel's peak sees it
    ("import time; time.sleep(0.12); block = bytearray(80 * 1024 * 1024); del block; "
     "time.sleep(0.3)", 75),
])
def test_peak_memory_of_a_short_run(tmp_path: Path, track_home: Path, code: str,
                                    least_mib: int) -> None:
    done = track("run", "--", *py(code), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    summary = yaml.safe_load((only_run(track_home) / "resources.yaml").read_text())
    assert summary["peak_rss_bytes"] >= least_mib * 1024 * 1024, summary
    assert summary["peak_rss_source"] in ("kernel", "samples")
    assert summary["samples"] >= 3  # dense at the start
    shown = track("show", cwd=tmp_path, check=True).stdout.decode()
    assert "peak memory" in shown


def test_a_tiny_command_does_not_inherit_tracks_own_peak(tmp_path: Path,
                                                         track_home: Path) -> None:
    """A forked child starts with its parent's high-water mark: the kernel's peak of a
    command smaller than `track` is not the command's, and is not used."""
    done = track("run", "--", "true", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    summary = yaml.safe_load((only_run(track_home) / "resources.yaml").read_text())
    assert summary["peak_rss_source"] == "samples"
    assert summary["peak_rss_bytes"] < 8 * 1024 * 1024, summary


def test_the_kernels_peak_counts_when_track_was_started_by_a_big_process(
        tmp_path: Path) -> None:
    """`track` started from a 300 MB Python process (a notebook, a test runner): its
    getrusage peak holds its parent's, yet the command's own peak is still the kernel's,
    and a tiny command still gets no inherited figure."""
    import subprocess
    import sys

    from conftest import track_cmd

    spike = ("import time; time.sleep(0.12); block = bytearray(80 * 1024 * 1024); "
             "del block; time.sleep(0.3)")
    parent = ("import subprocess, sys\n"
              "big = bytearray(300 * 1024 * 1024)\n"
              "sys.exit(subprocess.run(sys.argv[1:]).returncode)\n")

    def record(code: str, store: Path) -> dict[str, Any]:
        done = subprocess.run([sys.executable, "-c", parent, *track_cmd(), "run", "--store",
                               str(store), "--", *py(code)], cwd=tmp_path,
                              capture_output=True, timeout=60)
        assert done.returncode == 0, done.stderr
        summary: dict[str, Any] = yaml.safe_load(
            (only_run(store) / "resources.yaml").read_text())
        assert summary["track_peak_rss_bytes"] < 200 * 1024 * 1024, summary
        return summary

    # the spike sits between samples, so the kernel's figure alone holds it; a loaded
    # machine's sampler may catch it (then the samples win the tie): a few tries, one of
    # which the kernel's figure must win
    for attempt in range(5):
        summary = record(spike, tmp_path / f"spike{attempt}")
        assert summary["peak_rss_bytes"] >= 75 * 1024 * 1024, summary
        if summary["peak_rss_source"] == "kernel":
            break
    assert summary["peak_rss_source"] == "kernel", summary
    summary = record("pass", tmp_path / "tiny")
    assert summary["peak_rss_bytes"] < 30 * 1024 * 1024, summary
