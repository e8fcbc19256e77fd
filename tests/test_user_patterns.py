"""User-supplied metric patterns in a real `track run`: a catastrophic pattern can neither
freeze the output nor make `track` deaf to signals, slow parsing never holds the output
back, and a pattern RE2 cannot run is a one-line usage error."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import py, start_track, track, track_json


def read_lines_until(proc: subprocess.Popen[bytes], needle: bytes, timeout: float,
                     ) -> dict[bytes, float]:
    """Read ``proc``'s stdout until a line containing ``needle``; each line's arrival
    time (monotonic) by its first 20 bytes."""
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    arrived: dict[bytes, float] = {}
    buffer = b""
    deadline = time.monotonic() + timeout
    while needle not in buffer and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        buffer += chunk
        now = time.monotonic()
        for line in buffer.split(b"\n"):
            arrived.setdefault(line[:20], now)
    assert needle in buffer, f"{needle!r} did not arrive within {timeout} s"
    return arrived


@pytest.fixture
def stop_later() -> list[subprocess.Popen[bytes]]:
    procs: list[subprocess.Popen[bytes]] = []
    yield procs
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_catastrophic_pattern_neither_freezes_output_nor_ignores_sigterm(
        tmp_path: Path, stop_later: list[subprocess.Popen[bytes]]) -> None:
    # With a backtracking engine, matching this line takes 2**40 steps while holding the
    # interpreter: nothing reached the terminal, SIGTERM went unanswered for minutes.
    code = ("import time\nprint('a' * 40, flush=True)\nprint('loss=0.5', flush=True)\n"
            "print('waiting', flush=True)\ntime.sleep(60)\n")
    proc = start_track("run", "--metric-pattern", "(?P<x>(a+)+b)", "--", *py(code),
                       cwd=tmp_path)
    stop_later.append(proc)
    read_lines_until(proc, b"waiting", timeout=15)
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=15) == 128 + signal.SIGTERM
    assert time.monotonic() - started < 10
    run = track_json("show")
    assert run["status"] == "interrupted" and run["metrics"]["loss"]["last"] == 0.5


def test_slow_parsing_never_holds_the_output_back(
        tmp_path: Path, stop_later: list[subprocess.Popen[bytes]]) -> None:
    """Each of these patterns matches every character of a 60,000-character line: parsing
    that line takes seconds. The line and the one after it reach the terminal at once;
    the metrics of the lines around it are still recorded."""
    code = ("import os, time\n"
            "print('loss=0.5', flush=True)\n"
            "print('start', flush=True)\n"
            "time.sleep(0.2)\n"
            "os.write(1, b'a' * 60000 + b'\\nend\\n')\n"
            "print('loss=0.25', flush=True)\n")
    patterns = [arg for name in "abcd"
                for arg in ("--metric-pattern", f"(?P<{name}>a)")]
    proc = start_track("run", *patterns, "--", *py(code), cwd=tmp_path)
    stop_later.append(proc)
    arrived = read_lines_until(proc, b"end", timeout=30)
    # 0.2 s apart; parsing the long line before passing it on took over a second
    assert arrived[b"end"] - arrived[b"start"] < 0.8
    assert proc.wait(timeout=60) == 0
    run = track_json("show")
    assert run["metrics"]["loss"]["count"] == 2 and run["metrics"]["loss"]["last"] == 0.25


@pytest.mark.parametrize("pattern", [r"(?P<x>a)\1", r"(?P<x>(?=a)a)", r"(?P<x>(?<!b)a)"])
def test_pattern_re2_cannot_run_is_a_usage_error(tmp_path: Path, track_home: Path,
                                                 pattern: str) -> None:
    marker = tmp_path / "ran"
    done = track("run", "--metric-pattern", pattern, "--",
                 *py(f"open({str(marker)!r}, 'w')"), cwd=tmp_path)
    err = done.stderr.decode()
    assert done.returncode == 2 and "invalid regex" in err and "RE2" in err, err
    assert not marker.exists()
    assert not (track_home / "runs").exists() or not any((track_home / "runs").iterdir())
    done = track("parse", "-", "--metric-pattern", pattern, input=b"a\n", cwd=tmp_path)
    assert done.returncode == 2 and "RE2" in done.stderr.decode()
    (tmp_path / "track.yaml").write_text(f"metrics:\n  patterns: ['{pattern}']\n")
    done = track("run", "--", *py(f"open({str(marker)!r}, 'w')"), cwd=tmp_path)
    err = done.stderr.decode()
    assert done.returncode == 1 and "track.yaml" in err and "RE2" in err, err
    assert err.count("\n") == 1 and "Traceback" not in err and not marker.exists()
