"""Faults, tried for real: repeated interrupts over a whole process tree, `kill -9` of the
recorder, crashing commands, a store that fills up or turns read-only during a run."""

from __future__ import annotations

import contextlib
import os
import re
import resource
import select
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
import yaml
from conftest import (
    metric_rows,
    only_run,
    py,
    start_track,
    track,
    track_cmd,
    track_json,
    unavailable,
    without_end_line,
)
from test_pty import Terminal


def alive(pid: int) -> bool:
    """A process that exists and is not a zombie waiting to be reaped."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def wait_dead(pids: list[int], timeout: float) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.05)
    return [p for p in pids if alive(p)]


def tree_command(ignore_term: bool, grandchild_setsid: bool) -> list[str]:
    """A command that ignores SIGINT (and maybe SIGTERM) and starts a grandchild, like a
    data loader worker, that does the same; both print their pid and wait forever."""
    ignore = "signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
    if ignore_term:
        ignore += "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
    grandchild = ("import os, signal, time\n" + ignore
                  + ("os.setsid()\n" if grandchild_setsid else "")
                  + "print('grandchild', os.getpid(), flush=True)\n"
                  + "while True: time.sleep(0.1)\n")
    code = ("import os, signal, subprocess, sys, time\n" + ignore
            + f"subprocess.Popen([sys.executable, '-c', {grandchild!r}])\n"
            + "print('loss=0.5', flush=True)\n"
            + "print('child', os.getpid(), flush=True)\n"
            + "while True: time.sleep(0.1)\n")
    return py(code)


def start_tree(tmp_path: Path, command: list[str], grace: float,
               ) -> tuple[subprocess.Popen[bytes], dict[str, int]]:
    env = dict(os.environ, TRACK_KILL_GRACE_S=str(grace))
    proc = start_track("run", "--", *command, cwd=tmp_path, env=env)
    assert proc.stdout is not None
    pids: dict[str, int] = {}
    while len(pids) < 2:
        line = proc.stdout.readline()
        assert line, "the command ended early"
        word, _, rest = line.decode().partition(" ")
        if word in ("child", "grandchild"):
            pids[word] = int(rest)
    return proc, pids


@pytest.fixture
def cleanup_pids() -> Iterator[list[int]]:
    """Whatever a failing test leaves behind is killed, never leaked into the suite."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        with contextlib.suppress(psutil.Error):
            psutil.Process(pid).kill()


def test_second_sigint_terminates_the_whole_tree(tmp_path: Path,
                                                 cleanup_pids: list[int]) -> None:
    proc, pids = start_tree(tmp_path, tree_command(False, False), grace=30)
    cleanup_pids.extend(pids.values())
    proc.send_signal(signal.SIGINT)
    time.sleep(0.3)
    assert alive(pids["child"]) and alive(pids["grandchild"])  # both ignore SIGINT
    proc.send_signal(signal.SIGINT)  # the second, within 5 s: SIGTERM to the tree
    proc.communicate(timeout=20)
    assert proc.returncode == 128 + signal.SIGTERM
    assert wait_dead(list(pids.values()), 5) == []
    run = track_json("show")
    assert run["status"] == "interrupted" and run["signal"] == "SIGTERM"
    assert run["metrics"]["loss"]["last"] == 0.5
    assert b"grandchild" in Path(run["path"], "output.log").read_bytes()


def test_tree_ignoring_sigterm_is_killed_after_the_grace_period(
        tmp_path: Path, cleanup_pids: list[int]) -> None:
    # The grandchild even left the process group (setsid): it is still found and killed.
    proc, pids = start_tree(tmp_path, tree_command(True, True), grace=0.5)
    cleanup_pids.extend(pids.values())
    started = time.monotonic()
    proc.send_signal(signal.SIGINT)
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=20)
    assert time.monotonic() - started < 10
    assert proc.returncode == 128 + signal.SIGKILL
    assert wait_dead(list(pids.values()), 5) == []
    run = track_json("show")
    assert run["status"] == "interrupted" and run["signal"] == "SIGKILL"


def test_third_sigint_kills_at_once(tmp_path: Path, cleanup_pids: list[int]) -> None:
    proc, pids = start_tree(tmp_path, tree_command(True, False), grace=60)
    cleanup_pids.extend(pids.values())
    started = time.monotonic()
    for _ in range(3):
        proc.send_signal(signal.SIGINT)
        time.sleep(0.2)
    proc.communicate(timeout=20)
    assert time.monotonic() - started < 10  # not the 60 s grace
    assert proc.returncode == 128 + signal.SIGKILL
    assert wait_dead(list(pids.values()), 5) == []
    assert track_json("show")["status"] == "interrupted"


def test_ctrl_c_typed_twice_under_a_terminal_ends_the_tree(tmp_path: Path,
                                                           cleanup_pids: list[int]) -> None:
    term = Terminal(["run", "--", *tree_command(False, False)], tmp_path)
    pattern = re.compile(rb"^(grand)?child (\d+)\r?\n", re.MULTILINE)
    deadline = time.monotonic() + 20
    while len(pattern.findall(term.output)) < 2 and time.monotonic() < deadline:
        term.output += _read_more(term)
    pids = [int(match[1]) for match in pattern.findall(term.output)]
    cleanup_pids.extend(pids)
    assert len(pids) == 2
    term.write(b"\x03")
    time.sleep(0.3)
    term.write(b"\x03")
    assert term.finish() == 128 + signal.SIGTERM
    assert wait_dead(pids, 5) == []
    assert track_json("show")["status"] == "interrupted"


def _read_more(term: Terminal) -> bytes:
    ready, _, _ = select.select([term.master], [], [], 0.1)
    if not ready:
        return b""
    try:
        return os.read(term.master, 65536)
    except OSError:
        return b""


def test_recorder_killed_the_command_does_not_write_into_a_dead_pipe(
        tmp_path: Path, track_home: Path, cleanup_pids: list[int]) -> None:
    code = ("import itertools, os, time\nprint('child', os.getpid(), flush=True)\n"
            "for i in itertools.count():\n    print(f'step={i} loss={1 / (i + 1)}', flush=True)\n"
            "    time.sleep(0.02)\n")
    proc = start_track("run", "--", *py(code), cwd=tmp_path)
    assert proc.stdout is not None
    child = int(proc.stdout.readline().split()[1])
    cleanup_pids.append(child)
    seen = [proc.stdout.readline() for _ in range(20)]
    time.sleep(0.3)  # metrics are parsed beside the output, moments after it
    proc.kill()
    proc.wait(timeout=10)
    # Its next write gets SIGPIPE: it ends instead of blocking on a pipe nobody reads.
    assert wait_dead([child], 5) == []
    run = track_json("show")
    assert run["status"] == "crashed"
    run_dir = Path(run["path"])
    log = (run_dir / "output.log").read_bytes()
    assert log.startswith(b"child %d\n" % child) and b"".join(seen) in log
    # Every metric line that reached the terminal a moment before is in metrics.jsonl.
    rows = metric_rows(run_dir / "metrics.jsonl")
    steps = {row["step"] for row in rows if row["name"] == "loss"}
    assert set(range(20)) <= steps


def test_recorder_killed_under_a_terminal_the_command_gets_sighup(
        tmp_path: Path, cleanup_pids: list[int]) -> None:
    marker = tmp_path / "hup"
    code = ("import os, signal, sys, time\n"
            f"signal.signal(signal.SIGHUP, lambda *a: (open({str(marker)!r}, 'w').close(),"
            " sys.exit(0)))\n"
            "print('child', os.getpid(), flush=True)\nwhile True: time.sleep(0.1)\n")
    term = Terminal(["run", "--", *py(code)], tmp_path)
    output = term.read_until(b"child ")
    output = term.read_until(b"\n")
    child = int(output.decode().split("child ")[1].split()[0])
    cleanup_pids.append(child)
    term.proc.kill()
    term.proc.wait(timeout=10)
    deadline = time.monotonic() + 5
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists()
    assert wait_dead([child], 5) == []
    os.close(term.master)
    assert track_json("show")["status"] == "crashed"


@pytest.mark.parametrize(("code", "exit_code", "sig", "in_log"), [
    ("print('loss=1.0', flush=True); raise RuntimeError('boom')", 1, None,
     b"RuntimeError: boom"),
    ("import os, signal; print('loss=1.0', flush=True); os.kill(os.getpid(), signal.SIGSEGV)",
     128 + signal.SIGSEGV, "SIGSEGV", b"loss=1.0"),
    ("import os, signal; print('loss=1.0', flush=True); os.kill(os.getpid(), signal.SIGKILL)",
     128 + signal.SIGKILL, "SIGKILL", b"loss=1.0"),
])
def test_crashing_command_is_a_failed_run_with_its_output(
        tmp_path: Path, code: str, exit_code: int, sig: str | None, in_log: bytes) -> None:
    done = track("run", "--", *py(code), cwd=tmp_path)
    assert done.returncode == exit_code
    run = track_json("show")
    assert (run["status"], run["exit_code"], run["signal"]) == ("failed", exit_code, sig)
    assert run["metrics"]["loss"]["last"] == 1.0
    log = Path(run["path"], "output.log").read_bytes()
    assert in_log in log
    if sig is None:
        assert b"Traceback (most recent call last)" in log


LOUD = ("import sys\nchunk = bytes(range(256)) * 256\n"
        "for _ in range(48): sys.stdout.buffer.write(chunk)\n"  # 3 MiB
        "sys.stdout.buffer.flush()\nprint('\\nloss=0.25', flush=True)\n")
LOUD_BYTES = bytes(range(256)) * 256 * 48 + b"\nloss=0.25\n"
# parsing LOUD's 3 MiB takes ~0.9 s on this machine, as much as the default parse budget of
# each second: on a loaded machine the run would add a second warning ("could not keep up")
# to the write failure these tests are about; a wide budget keeps it out
LOUD_ENV = {"TRACK_PARSE_BUDGET_S": "60"}


def warnings_in(stderr: bytes) -> list[str]:
    return [line for line in without_end_line(stderr).decode().splitlines()
            if line.startswith("track:")]


def test_file_size_limit_reached_one_warning_and_the_command_goes_on(
        tmp_path: Path, track_home: Path) -> None:
    limit = 1024 * 1024

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run([*track_cmd(), "run", "--", *py(LOUD)], cwd=tmp_path,
                          stdin=subprocess.DEVNULL, capture_output=True,
                          env={**os.environ, **LOUD_ENV},
                          preexec_fn=limit_file_size, timeout=60)
    # The recorder is not killed by SIGXFSZ; the command runs to its end undisturbed.
    log = survived_write_failure(done, only_run(track_home), "output.log")
    assert len(log) == limit
    assert track_json("show")["metrics"]["loss"]["last"] == 0.25


def survived_write_failure(done: subprocess.CompletedProcess[bytes], run_dir: Path,
                           problem: str) -> bytes:
    """The command printing LOUD ran to its end undisturbed, and the run says what went
    wrong once: one warning on stderr, the same in run.yaml, the run completed. Returns
    what output.log kept (a start of the output)."""
    assert done.returncode == 0, done.stderr
    assert done.stdout == LOUD_BYTES
    warnings = warnings_in(done.stderr)
    assert len(warnings) == 1 and problem in warnings[0], warnings
    record = yaml.safe_load((run_dir / "run.yaml").read_text())
    assert record["status"] == "completed" and record["exit_code"] == 0
    assert any(problem in w for w in record["warnings"])
    log = (run_dir / "output.log").read_bytes()
    assert LOUD_BYTES.startswith(log)
    return log


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MiB filesystem for the store (needs root and a kernel that lets us mount)."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        unavailable("mounting a small tmpfs needs root and mount")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
                          capture_output=True)
    if done.returncode != 0:
        unavailable(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_disk_full_one_warning_and_the_outcome_is_still_written(
        tmp_path: Path, small_fs: Path) -> None:
    store = small_fs / "store"
    done = track("run", "--store", str(store), "--", *py(LOUD), cwd=tmp_path, env=LOUD_ENV)
    run_dir = only_run(store)
    # The reserve freed on ENOSPC leaves room for the outcome: not mistaken for a crash.
    log = survived_write_failure(done, run_dir, "No space left on device")
    assert 0 < len(log) < len(LOUD_BYTES)
    assert not (run_dir / ".reserve").exists()


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` read-only for new files. Root ignores modes, so as root a read-only
    filesystem is mounted over it; files already open stay writable in both cases."""
    if os.geteuid() == 0:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs",
                               str(folder)], capture_output=True)
        if done.returncode != 0:
            unavailable(f"cannot mount a read-only tmpfs here: {done.stderr.decode().strip()}")
        try:
            yield
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=False)
    else:
        folder.chmod(0o500)
        try:
            yield
        finally:
            folder.chmod(0o700)


def test_store_turns_read_only_during_the_run(tmp_path: Path, track_home: Path) -> None:
    go = tmp_path / "go"
    code = textwrap.dedent(f"""
        import os, time
        print('loss=1.0', flush=True)
        while not os.path.exists({str(go)!r}): time.sleep(0.05)
        time.sleep(1.5)  # past a periodic refresh of the recorder
        print('loss=0.5', flush=True)
        print('done', flush=True)
    """)
    proc = start_track("run", "--", *py(code), cwd=tmp_path)
    assert proc.stdout is not None
    assert proc.stdout.readline() == b"loss=1.0\n"
    run_dir = only_run(track_home)
    with read_only(run_dir):
        go.touch()
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert out == b"loss=0.5\ndone\n"
    warnings = warnings_in(err)
    # One warning when writing first fails, one saying the outcome is not recorded.
    assert len(warnings) == 2 and "cannot write" in warnings[0], warnings
    assert "could not be recorded (cannot write run.yaml: Read-only file system): it will " \
        "read as crashed" in warnings[1]
    # The logs already open kept everything; the outcome could not be written, so the run
    # reads as crashed, with its metrics rebuilt from metrics.jsonl.
    assert (run_dir / "output.log").read_bytes() == b"loss=1.0\nloss=0.5\ndone\n"
    run = track_json("show")
    assert run["status"] == "crashed"
    assert run["metrics"]["loss"]["count"] == 2 and run["metrics"]["loss"]["last"] == 0.5


def test_read_only_store_the_command_still_runs(tmp_path: Path, track_home: Path) -> None:
    track_home.mkdir()
    with read_only(track_home):
        done = track("run", "--", *py("print('loss=1.0')"), cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == b"loss=1.0\n"
    warnings = warnings_in(done.stderr)
    assert len(warnings) == 1 and "without recording it" in warnings[0], warnings


def test_kill_grace_is_configurable_and_bad_values_fall_back() -> None:
    code = ("from exptrack.runner import kill_grace_s; print(kill_grace_s())")
    for value, expected in (("0.25", "0.25"), ("soon", "5.0"), ("-1", "5.0")):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env=dict(os.environ, TRACK_KILL_GRACE_S=value), check=True)
        assert done.stdout.strip() == expected


def test_reader_of_track_goes_away_like_a_shell_pipeline(tmp_path: Path,
                                                         track_home: Path) -> None:
    """`track run -- cmd | head -1`: the command learns it on its next write (EPIPE /
    SIGPIPE) instead of running on; the run keeps what it wrote."""
    code = ("import itertools, time\nfor i in itertools.count():\n"
            "    print(i, flush=True)\n    time.sleep(0.001)\n")
    track_proc = start_track("run", "--", *py(code), cwd=tmp_path)
    assert track_proc.stdout is not None
    head = subprocess.run(["head", "-n", "1"], stdin=track_proc.stdout, capture_output=True,
                          timeout=30)
    track_proc.stdout.close()
    _, err = track_proc.communicate(timeout=30)
    assert head.stdout == b"0\n"
    assert track_proc.returncode != 0  # the command died of the closed pipe, as in a shell
    run = track_json("show")
    assert run["status"] == "failed"
    assert Path(run["path"], "output.log").read_bytes().startswith(b"0\n")
    assert b"track: error" not in err


def test_interrupt_while_finishing_the_record_keeps_a_complete_run(tmp_path: Path) -> None:
    """Ctrl-C after the command ended, while a big weights file is being hashed: track
    stops hashing, and the run is still recorded with the command's own outcome."""
    code = ("import os\n"
            "with open('model.pt', 'wb') as f:\n"
            "    f.truncate(8 * 1024 ** 3)\n"  # 8 GiB, sparse: hashing it takes seconds
            "print('loss=0.5', flush=True)\n"
            "print('started', flush=True)\n")
    proc = start_track("run", "--", *py(code), cwd=tmp_path)
    assert proc.stdout is not None
    assert proc.stdout.readline() == b"loss=0.5\n"
    assert proc.stdout.readline() == b"started\n"
    time.sleep(1.0)  # the command has ended; track is hashing model.pt
    begin = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert time.monotonic() - begin < 10
    assert proc.returncode == 0  # the command's exit code, not an interruption's
    assert b"interrupted while finishing the record" in err
    assert b"Traceback" not in err
    run = track_json("show")
    assert run["status"] == "completed" and run["metrics"]["loss"]["last"] == 0.5
    weights = [a for a in run["artifacts"] if a["path"] == "model.pt"]
    assert weights and weights[0]["sha256"] is None
    record = yaml.safe_load((Path(run["path"]) / "artifacts.yaml").read_text())
    assert record["interrupted"] is True
