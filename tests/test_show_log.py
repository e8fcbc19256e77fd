"""`track show --log` shows a progress-bar log as the terminal showed it; `--raw` gives
the exact bytes (made visible on a terminal). Nothing the command wrote reaches the
terminal raw."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import drain_pty, py, track, track_cmd, track_json
from test_pty import Terminal

BARS = ("import sys, time\n"
        "w = sys.stdout.write\n"
        "w('\\x1b]0;pwned\\x07start\\n')\n"
        "for epoch in range(2):\n"
        "    for i in range(0, 101, 25):\n"
        "        w(f'\\r\\x1b[32mepoch {epoch}\\x1b[0m {i:3d}%|' + '#' * (i // 10))\n"
        "        sys.stdout.flush()\n"
        "    w(f'\\x1b[K loss=0.{5 - epoch}\\n')\n"
        "w('almost\\x1b[2K\\rdone\\n')\n")
SHOWN = ["start", "epoch 0 100%|########## loss=0.5", "epoch 1 100%|########## loss=0.4",
         "done"]


def _on_a_terminal(args: list[str], env: dict[str, str]) -> bytes:
    primary, secondary = os.openpty()
    done = subprocess.run([*track_cmd(), *args], stdout=secondary, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, env=dict(os.environ, **env), timeout=30)
    os.close(secondary)
    shown = drain_pty(primary)
    assert done.returncode == 0, done.stderr
    return shown.replace(b"\r\n", b"\n")


def test_a_progress_bar_log_is_shown_as_the_terminal_showed_it(tmp_path: Path) -> None:
    term = Terminal(["run", "--", *py(BARS)], tmp_path)
    assert term.finish() == 0
    log = Path(track_json("show")["path"], "output.log").read_bytes()
    assert b"\r" in log and b"\x1b]0;pwned" in log  # recorded exactly, under a terminal

    piped = track("show", "--log", check=True).stdout.decode()
    assert piped.splitlines() == SHOWN, piped
    paged = _on_a_terminal(["show", "--log"], {"PAGER": "cat"})
    assert paged.decode().splitlines() == SHOWN
    assert b"\x1b" not in paged and b"\x07" not in paged

    raw = track("show", "--log", "--raw", check=True).stdout
    assert raw == log  # exact bytes when piped
    shown_raw = _on_a_terminal(["show", "--log", "--raw"], {"PAGER": "cat"})
    assert b"\\x1b]0;pwned\\x07" in shown_raw and b"\\x0d" in shown_raw
    assert b"\x1b" not in shown_raw and b"\x07" not in shown_raw


def test_a_log_without_output_says_so(tmp_path: Path) -> None:
    track("run", "--", *py("pass"), cwd=tmp_path, check=True)
    for args in (["--log"], ["--log", "--raw"]):
        done = track("show", *args, check=True)
        assert done.stdout == b""
        assert done.stderr == b"track: warning: this run has no output\n"
