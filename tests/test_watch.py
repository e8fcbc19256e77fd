"""`track watch` under a real terminal, `show --follow` and the progress `ls` shows, on a
real run held at known points (it waits for files the test creates)."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from conftest import py, start_track, track
from test_pty import Terminal

GATED = """
import os, time
def wait(name):
    while not os.path.exists(name):
        time.sleep(0.02)
print('Epoch 1/4 loss=11.25 val_acc=0.5', flush=True)
wait('go')
print('Epoch 2/4 loss=22.75 val_acc=0.625', flush=True)
print('\\x1b]0;pwned\\x07 title?', flush=True)
wait('stop')
print('Epoch 3/4 loss=3.5 val_acc=0.75', flush=True)
"""


def _start(cwd: Path) -> tuple[subprocess.Popen[bytes], Path]:
    proc = start_track("run", "--name", "gated", "--", *py(GATED), cwd=cwd)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        for metrics in (cwd / "store" / "runs").glob("*/metrics.jsonl"):
            if b"11.25" in metrics.read_bytes():
                return proc, metrics.parent
        time.sleep(0.05)
    raise AssertionError("the run did not start")


def test_watch_shows_values_changing_and_quits_on_q(tmp_path: Path, track_home: Path) -> None:
    assert track_home == tmp_path / "store"
    proc, _ = _start(tmp_path)
    try:
        term = Terminal(["watch", "--interval", "0.2"], tmp_path, rows=30, cols=100)
        term.read_until(b"11.25")
        screen = term.output
        assert b"gated" in screen and b"running" in screen
        assert b"epoch 1/4" in screen  # progress from the output
        (tmp_path / "go").touch()
        term.read_until(b"22.75")
        assert b"0.625" in term.output[len(screen):]
        term.write(b"q")
        assert term.finish(timeout=10) == 0
        assert b"\x1b[?1049h" in term.output and term.output.rstrip().endswith(b"\x1b[?1049l")
    finally:
        (tmp_path / "go").touch()
        (tmp_path / "stop").touch()
        proc.wait(timeout=20)


def test_follow_tails_until_the_end_and_ls_shows_progress(tmp_path: Path) -> None:
    proc, _ = _start(tmp_path)
    try:
        listing = track("ls", check=True).stdout.decode()
        row = next(line for line in listing.splitlines() if "gated" in line)
        assert "running 0%" in row, row  # "Epoch 1/4": none done yet, too early for an ETA
        (tmp_path / "go").touch()
        time.sleep(0.3)
        listing = track("ls", check=True).stdout.decode()
        row = next(line for line in listing.splitlines() if "gated" in line)
        assert "running 25% ETA" in row, row  # "Epoch 2/4": one of four epochs done
        follower = start_track("show", "--follow", cwd=tmp_path)
        time.sleep(1.0)
        assert follower.poll() is None  # still following: the run goes on
        (tmp_path / "stop").touch()
        out, _ = follower.communicate(timeout=20)
    finally:
        (tmp_path / "go").touch()
        (tmp_path / "stop").touch()
        proc.wait(timeout=20)
    text = out.decode()
    assert text.index("loss=11.25") < text.index("loss=22.75") < text.index("loss=3.5")
    assert "\x1b]0;" not in text and "\\x1b]0;pwned\\x07 title?" in text
    assert text.rstrip().splitlines()[-1].startswith("track: run ")
    assert "completed" in text.rstrip().splitlines()[-1] and "loss 3.5" in text


def test_watch_not_on_a_terminal_prints_once(tmp_path: Path) -> None:
    done = track("watch", check=True)
    assert b"No run is recording" in done.stdout
    track("run", "--", *py("print('step 1/2 loss=0.5')"), cwd=tmp_path, check=True)
    done = track("watch", "@", check=True)
    assert b"completed" in done.stdout and b"0.5" in done.stdout
