"""`track run` under a real pseudo-terminal: the command sees a terminal, its size,
colours pass through, typed input reaches it, Ctrl-C interrupts it."""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import struct
import subprocess
import termios
import time
from pathlib import Path

from conftest import py, track_cmd, track_json


class Terminal:
    """`track` running with a pty as its controlling terminal, like in a real shell."""

    def __init__(self, args: list[str], cwd: Path, rows: int = 33, cols: int = 97) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.proc = subprocess.Popen([*track_cmd(), *args], cwd=cwd, stdin=slave, stdout=slave,
                                     stderr=slave, start_new_session=True,
                                     preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
        os.close(slave)
        self.output = b""

    def read_until(self, needle: bytes, timeout: float = 20) -> bytes:
        deadline = time.monotonic() + timeout
        while needle not in self.output and time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                self.output += chunk
        assert needle in self.output, self.output
        return self.output

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def finish(self, timeout: float = 30) -> int:
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                with contextlib.suppress(OSError):
                    self.output += os.read(self.master, 65536)
        code = self.proc.wait(timeout=5)
        os.close(self.master)
        return code


def test_command_sees_a_terminal_its_size_and_colours_survive(tmp_path: Path) -> None:
    code = ("import os, sys; print('tty', sys.stdout.isatty(), sys.stdin.isatty());"
            "s = os.get_terminal_size(); print('size', s.columns, s.lines);"
            "print('\\x1b[31mred\\x1b[0m', flush=True)")
    term = Terminal(["run", "--", *py(code)], tmp_path)
    assert term.finish() == 0
    assert b"tty True True" in term.output
    assert b"size 97 33" in term.output
    assert b"\x1b[31mred\x1b[0m" in term.output
    run = track_json("show")
    log = Path(run["path"], "output.log").read_bytes()
    assert b"\x1b[31mred\x1b[0m" in log


def test_typed_input_reaches_the_command(tmp_path: Path) -> None:
    code = "name = input('who? '); print('hello ' + name)"
    term = Terminal(["run", "--", *py(code)], tmp_path)
    term.read_until(b"who? ")
    term.write(b"world\r")
    assert term.finish() == 0
    assert b"hello world" in term.output


def test_ctrl_c_interrupts_the_command_and_the_run(tmp_path: Path) -> None:
    code = ("import time\nprint('loss=0.5', flush=True)\nprint('waiting', flush=True)\n"
            "time.sleep(60)\n")
    term = Terminal(["run", "--", *py(code)], tmp_path)
    term.read_until(b"waiting")
    term.write(b"\x03")
    code_ = term.finish()
    assert code_ == 130  # Python re-raises KeyboardInterrupt as death by SIGINT
    assert b"KeyboardInterrupt" in term.output
    run = track_json("show")
    assert run["status"] == "interrupted"
    assert run["metrics"]["loss"]["last"] == 0.5
