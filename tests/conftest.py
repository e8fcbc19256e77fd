"""Shared fixtures: every test gets its own store through $TRACK_HOME, a fixed git identity,
and helpers that run the installed `track` entry point in a real subprocess."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

TRACK = shutil.which("track")


REQUIRE_ALL = os.environ.get("TRACK_TESTS_REQUIRE_ALL") == "1"


def unavailable(reason: str) -> NoReturn:
    """What a test needs is missing here (a tool, root, a mount): skipped on a developer's
    machine, a failure under `.ci/run` (which sets TRACK_TESTS_REQUIRE_ALL=1 and installs
    everything), where a skipped test is not a pass."""
    if REQUIRE_ALL:
        pytest.fail(f"{reason}: .ci/run must provide it", pytrace=False)
    pytest.skip(reason)


def drain_pty(primary: int) -> bytes:
    """Everything a finished child wrote to the pty whose primary side is ``primary``
    (Linux reports the closed pty as an OSError), then the primary closed."""
    shown = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(primary)
    return shown


def use_store(patch: pytest.MonkeyPatch, store: Path) -> None:
    """Point $TRACK_HOME at ``store`` and give git a fixed identity (also for the
    module-scoped fixtures, which cannot use the per-test autouse fixture)."""
    patch.setenv("TRACK_HOME", str(store))
    # The index database lives in the user's cache folder: the test's own, never ~/.cache.
    patch.setenv("TRACK_CACHE_DIR", str(store.parent / "home" / ".cache" / "exptrack"))
    for var in ("GIT_AUTHOR", "GIT_COMMITTER"):
        patch.setenv(f"{var}_NAME", "Test")
        patch.setenv(f"{var}_EMAIL", "test@example.com")
    patch.setenv("GIT_CONFIG_NOSYSTEM", "1")


@pytest.fixture(autouse=True)
def track_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No test can touch a real store: $TRACK_HOME points into tmp_path."""
    home = tmp_path / "store"
    use_store(monkeypatch, home)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    (tmp_path / "home").mkdir()
    yield home


# The line `track run` ends with (on stderr): id, name, status, duration, headline metric.
END_LINE = re.compile(rb"^track: [0-9a-f]{8} .* \xc2\xb7 track show [0-9a-f]{8}\r?$")


def without_end_line(stderr: bytes) -> bytes:
    """``track run``'s stderr without the summary line it ends with."""
    return b"".join(line for line in stderr.splitlines(keepends=True)
                    if not END_LINE.match(line.rstrip(b"\n")))


def track_cmd() -> list[str]:
    if TRACK:
        return [TRACK]
    return [sys.executable, "-m", "exptrack"]


def track(*args: str, cwd: Path | None = None, input: bytes | None = None,
          env: dict[str, str] | None = None, timeout: float = 60,
          check: bool = False) -> subprocess.CompletedProcess[bytes]:
    """Run the installed `track` with pipes (not a terminal)."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    done = subprocess.run([*track_cmd(), *args], cwd=cwd, input=input,
                          stdin=None if input is not None else subprocess.DEVNULL,
                          capture_output=True, env=full_env, timeout=timeout)
    if check and done.returncode != 0:
        raise AssertionError(f"track {' '.join(args)} failed ({done.returncode}):\n"
                             f"{done.stdout.decode()}\n{done.stderr.decode()}")
    return done


def start_track(*args: str, cwd: Path, env: dict[str, str] | None = None,
                stderr: int = subprocess.PIPE) -> subprocess.Popen[bytes]:
    """The installed `track` started in the background: stdin from /dev/null, stdout (and
    stderr, unless told) piped, SIGHUP at its default as from a terminal's shell (a suite
    started under ``nohup`` ignores it, and `track` rightly leaves ignored what its caller
    ignored)."""
    return subprocess.Popen([*track_cmd(), *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=stderr, preexec_fn=_hangup_default)


def _hangup_default() -> None:
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def track_json(*args: str, cwd: Path | None = None) -> Any:
    done = track(*args, "--json", cwd=cwd, check=True)
    return json.loads(done.stdout)


def py(code: str) -> list[str]:
    """A `python -c` command line for `track run --`."""
    return [sys.executable, "-c", code]


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


def make_repo(path: Path, files: dict[str, str] | None = None, commit: bool = True) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    for name, content in (files or {"train.py": "print('hi')\n"}).items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(content)
    if commit:
        git(path, "add", "-A")
        git(path, "commit", "-q", "-m", "initial")
    return path


def only_run(store: Path) -> Path:
    runs = [p for p in (store / "runs").iterdir() if p.is_dir()]
    assert len(runs) == 1, runs
    return runs[0]


def _no_constant(text: str) -> Any:
    raise ValueError(f"not JSON: {text}")  # json.loads would accept NaN / Infinity


def metric_rows(path: Path) -> list[dict[str, Any]]:
    """Every observation of a ``metrics.jsonl`` as a dict (``decode_metrics``)."""
    return decode_metrics(path.read_text())


def decode_metrics(text: str) -> list[dict[str, Any]]:
    """Every observation of ``metrics.jsonl`` text as a dict (name, value, step, epoch,
    time, src; only the keys it has), read the way docs/format.md tells a notebook to: one
    ``json.loads`` a line, independently of exptrack's own reader. Either format; strict
    JSON (no NaN literal)."""
    names: list[str] = []
    state: dict[str, Any] = {}
    rows = []
    for line in text.splitlines():
        item = json.loads(line, parse_constant=_no_constant)
        if isinstance(item, list):  # format 2: [id, value] or [id, value, step]
            row = {"name": names[item[0]], "value": item[1]}
            if len(item) > 2:
                row["step"] = item[2]
            row.update((k, v) for k, v in state.items() if v is not None)
            rows.append(row)
        elif "name" in item:  # format 1: a row
            rows.append(item)
        else:  # format 2: what the rows after it share
            names += item.pop("names", [])
            item.pop("format", None)
            state.update(item)
    return rows
