"""`track run` on real child processes: the run folder, exit codes, streams, signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml
from conftest import (
    metric_rows,
    only_run,
    py,
    start_track,
    track,
    track_cmd,
    track_json,
    without_end_line,
)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


def test_run_folder_records_command_outcome_and_output(tmp_path: Path, track_home: Path) -> None:
    code = "print('epoch 1 loss=0.5 acc=0.8'); print('epoch 2 loss=0.25 acc=0.9')"
    done = track("run", "--name", "base", "--tag", "a", "--tag", "b", "--note", "first",
                 "--param", "extra=7", "--", *py(code), "--lr", "0.01", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"epoch 1 loss=0.5 acc=0.8\nepoch 2 loss=0.25 acc=0.9\n"
    run_dir = only_run(track_home)
    record = load(run_dir / "run.yaml")
    assert record["status"] == "completed"
    assert record["exit_code"] == 0
    assert record["name"] == "base" and record["tags"] == ["a", "b"] and record["note"] == "first"
    assert record["command"][-2:] == ["--lr", "0.01"]
    assert record["cwd"] == str(tmp_path)
    assert record["format"] == 2
    assert record["duration_s"] >= 0 and record["ended_at"] >= record["started_at"]
    for key in ("host", "user", "pid", "track_version"):
        assert record[key]
    assert load(run_dir / "params.yaml") == {"lr": 0.01, "extra": 7}
    assert (run_dir / "output.log").read_bytes() == done.stdout
    rows = metric_rows(run_dir / "metrics.jsonl")
    assert [(r["name"], r["value"]) for r in rows] == [
        ("loss", 0.5), ("acc", 0.8), ("loss", 0.25), ("acc", 0.9)]
    summary = load(run_dir / "summary.yaml")["metrics"]
    assert summary["loss"]["last"] == 0.25 and summary["loss"]["min"] == 0.25
    assert summary["loss"]["max"] == 0.5 and summary["loss"]["count"] == 2
    assert summary["acc"]["best"] == 0.9


def test_exit_code_is_the_commands(tmp_path: Path, track_home: Path) -> None:
    done = track("run", "--", *py("import sys; sys.exit(7)"), cwd=tmp_path)
    assert done.returncode == 7
    run = track_json("show")
    assert run["status"] == "failed" and run["exit_code"] == 7


def test_killed_by_signal_exits_128_plus_n(tmp_path: Path) -> None:
    done = track("run", "--", *py("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)"),
                 cwd=tmp_path)
    assert done.returncode == 128 + signal.SIGSEGV
    run = track_json("show")
    assert run["status"] == "failed"
    assert run["signal"] == "SIGSEGV"


def test_run_id_and_dir_are_in_the_commands_environment(tmp_path: Path, track_home: Path) -> None:
    code = ("import os, pathlib; d = pathlib.Path(os.environ['TRACK_RUN_DIR']);"
            "(d / 'note.txt').write_text(os.environ['TRACK_RUN_ID'])")
    assert track("run", "--", *py(code), cwd=tmp_path).returncode == 0
    run_dir = only_run(track_home)
    assert (run_dir / "note.txt").read_text() == run_dir.name


def test_stdout_and_stderr_stay_separate_and_log_keeps_order(tmp_path: Path,
                                                              track_home: Path) -> None:
    # (writes 0.3 s apart: two pipes read in one wake-up of a loaded machine keep no order)
    code = ("import sys, time\n"
            "print('out 1', flush=True); time.sleep(0.3)\n"
            "print('err 1', file=sys.stderr, flush=True); time.sleep(0.3)\n"
            "print('out 2', flush=True)")
    done = track("run", "--", *py(code), cwd=tmp_path)
    assert done.stdout == b"out 1\nout 2\n"
    assert without_end_line(done.stderr) == b"err 1\n"
    assert (only_run(track_home) / "output.log").read_bytes() == b"out 1\nerr 1\nout 2\n"


def test_output_is_recorded_byte_for_byte(tmp_path: Path, track_home: Path) -> None:
    code = ("import sys; sys.stdout.buffer.write(bytes(range(256)) + b'\\r\\nno newline')")
    done = track("run", "--", *py(code), cwd=tmp_path)
    expected = bytes(range(256)) + b"\r\nno newline"
    assert done.stdout == expected
    assert (only_run(track_home) / "output.log").read_bytes() == expected


def test_piped_stdin_reaches_the_command(tmp_path: Path) -> None:
    code = "import sys; data = sys.stdin.read(); print(len(data.splitlines()))"
    done = track("run", "--", *py(code), cwd=tmp_path, input=b"a\nb\nc\n")
    assert done.stdout == b"3\n"


def test_command_not_found_is_127_with_a_failed_run(tmp_path: Path) -> None:
    done = track("run", "--", "no-such-command-xyz", "--lr", "1", cwd=tmp_path)
    assert done.returncode == 127
    assert done.stderr.decode().strip() == "track: error: command not found: no-such-command-xyz"
    run = track_json("show")
    assert run["status"] == "failed" and run["exit_code"] == 127


def test_command_not_executable_is_126(tmp_path: Path) -> None:
    script = tmp_path / "train.sh"
    script.write_text("#!/bin/sh\necho hi\n")
    script.chmod(0o644)
    done = track("run", "--", str(script), cwd=tmp_path)
    assert done.returncode == 126
    assert b"Traceback" not in done.stderr
    assert done.stderr.decode().count("\n") == 1


def test_track_options_after_the_command_belong_to_the_command(tmp_path: Path) -> None:
    code = "import sys; print(sys.argv[1:])"
    done = track("run", "--", *py(code), "--name", "x", "--store", "y", cwd=tmp_path)
    assert done.stdout == b"['--name', 'x', '--store', 'y']\n"
    run = track_json("show")
    assert run["name"] is None
    assert run["params"] == {"name": "x", "store": "y"}


def test_arguments_with_spaces_and_quotes_pass_unchanged(tmp_path: Path) -> None:
    code = "import sys; print(repr(sys.argv[1:]))"
    weird = ["a b", "it's", '"q"', "$HOME", "*.py", ""]
    done = track("run", "--", *py(code), *weird, cwd=tmp_path)
    assert done.stdout.decode().strip() == repr(weird)


def test_output_streams_live(tmp_path: Path) -> None:
    """A line is readable from track's stdout while the command is still running."""
    code = "import time; print('ready', flush=True); time.sleep(30)"
    proc = start_track("run", "--", *py(code), cwd=tmp_path)
    try:
        start = time.monotonic()
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line == b"ready\n"
        assert time.monotonic() - start < 15
        assert proc.poll() is None  # still running: the line came live, not at the end
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


def _start_sleeper(tmp_path: Path, code: str) -> subprocess.Popen[bytes]:
    proc = start_track("run", "--", *py(code), cwd=tmp_path)
    assert proc.stdout is not None
    assert proc.stdout.readline() == b"started\n"
    return proc


def test_sigint_is_passed_on_and_the_run_is_interrupted(tmp_path: Path) -> None:
    code = ("import time\nprint('started', flush=True)\nprint('loss=1.5', flush=True)\n"
            "try:\n    time.sleep(60)\nexcept KeyboardInterrupt:\n"
            "    print('cleaning up', flush=True)\n    raise SystemExit(3)\n")
    proc = _start_sleeper(tmp_path, code)
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=30)
    assert b"cleaning up" in out
    assert proc.returncode == 3
    run = track_json("show")
    assert run["status"] == "interrupted"
    assert run["metrics"]["loss"]["last"] == 1.5


def test_sigterm_is_forwarded_and_exit_is_128_plus_15(tmp_path: Path) -> None:
    proc = _start_sleeper(tmp_path, "import time; print('started', flush=True); time.sleep(60)")
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=30)
    assert proc.returncode == 128 + signal.SIGTERM
    run = track_json("show")
    assert run["status"] == "interrupted" and run["signal"] == "SIGTERM"


def test_sighup_is_forwarded(tmp_path: Path) -> None:
    code = ("import signal, sys, time\n"
            "signal.signal(signal.SIGHUP, lambda *a: (print('got hup', flush=True), "
            "sys.exit(5)))\nprint('started', flush=True)\ntime.sleep(60)\n")
    proc = _start_sleeper(tmp_path, code)
    time.sleep(0.2)
    proc.send_signal(signal.SIGHUP)
    out, _ = proc.communicate(timeout=30)
    assert b"got hup" in out and proc.returncode == 5
    assert track_json("show")["status"] == "interrupted"


def test_recorder_killed_shows_crashed_with_what_was_written(tmp_path: Path) -> None:
    code = ("import time; print('started', flush=True); print('loss=0.75', flush=True);"
            "time.sleep(60)")
    proc = _start_sleeper(tmp_path, code)
    time.sleep(0.5)
    proc.kill()
    proc.wait(timeout=10)
    run = track_json("show")
    assert run["status"] == "crashed"
    assert Path(run["path"], "output.log").read_bytes().startswith(b"started\nloss=0.75\n")


def test_python_m_exptrack_works(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "exptrack", "--version"], capture_output=True)
    assert done.returncode == 0 and done.stdout.startswith(b"track ")


def test_pythonunbuffered_is_set_in_pipe_mode(tmp_path: Path) -> None:
    done = track("run", "--", *py("import os; print(os.environ.get('PYTHONUNBUFFERED'))"),
                 cwd=tmp_path, env={"PYTHONUNBUFFERED": ""})
    assert done.stdout in (b"1\n", b"\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    done = subprocess.run([*track_cmd(), "run", "--", *py(
        "import os; print(os.environ.get('PYTHONUNBUFFERED'))")], cwd=tmp_path, env=env,
        capture_output=True, stdin=subprocess.DEVNULL)
    assert done.stdout == b"1\n"
