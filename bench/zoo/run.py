"""Framework zoo driver: real framework trainings through `track run`, kept as fixtures.

    python bench/zoo/run.py [--venv-root DIR] [--setup] [--only CASE ...] [--mode pipe|pty|both]

Run it with the interpreter that has this repository's exptrack installed (the project's
``.venv/bin/python``); the trainings run in a framework virtualenv under ``--venv-root``
(default ``~/.cache/exptrack-zoo``): ``venv`` from ``bench/zoo/requirements.txt`` for most
cases; a case whose frameworks pin versions that clash with it names its own group with a
line ``# zoo-venv: NAME`` and runs in ``venv-NAME`` from ``requirements-NAME.txt``.
``--setup`` creates and fills the virtualenvs the chosen cases need.

For each case ``bench/zoo/cases/<case>.py`` and each mode it runs
``<this python> -m exptrack run -- <venv>/bin/python <case.py>`` in a fresh temp working
dir with a fresh temp ``TRACK_HOME``, either with pipes as track's stdout/stderr (``pipe``)
or under a pseudo-terminal of 120x40 (``pty``: the framework draws its terminal progress
bars), then replaces ``tests/data/zoo/<case>/<mode>/`` with: ``output.log`` (byte for byte),
the case's ``truth.yaml``, ``files/<relpath>`` for each framework metric file that truth
lists, ``recorded.yaml`` (what exptrack recorded today: name -> last, count; for the record
only) and ``provenance.yaml``. A failed run leaves the old fixture as it was. Prints a table
of case, mode, wall time and the score (``bench/zoo/score.py``).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import errno
import fcntl
import os
import platform
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ZOO = Path(__file__).resolve().parent
ROOT = ZOO.parent.parent
CASES = ZOO / "cases"
FIXTURES = ROOT / "tests" / "data" / "zoo"
DEFAULT_ROOT = Path.home() / ".cache" / "exptrack-zoo"
VENV_LINE = re.compile(r"^# zoo-venv: ([a-z0-9]+)$", re.MULTILINE)
MODES = ("pipe", "pty")
PTY_ROWS, PTY_COLS = 40, 120
RUN_ENV = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "YOLO_OFFLINE": "1",
           "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
# set by our sandbox, not by a user's shell: the framework must buffer as it does for users
UNSET_ENV = ("PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "TRACK_HOME", "COLUMNS", "LINES")

sys.path.insert(0, str(ZOO))
sys.path.insert(0, str(ROOT))

import score  # noqa: E402
import yaml  # noqa: E402


@dataclass
class Outcome:
    case: str
    mode: str
    seconds: float
    code: int
    error: str = ""


def list_cases() -> list[str]:
    return sorted(p.stem for p in CASES.glob("*.py") if not p.name.startswith("_"))


def venv_group(case: str) -> str:
    """The case's virtualenv group: '' (the shared venv) or the NAME of `# zoo-venv: NAME`."""
    found = VENV_LINE.search((CASES / f"{case}.py").read_text(encoding="utf-8"))
    return found.group(1) if found else ""


def venv_path(root: Path, group: str) -> Path:
    return root / (f"venv-{group}" if group else "venv")


def requirements(group: str) -> Path:
    return ZOO / (f"requirements-{group}.txt" if group else "requirements.txt")


def setup_venv(venv: Path, group: str) -> None:
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-r",
                    str(requirements(group))], check=True)


def run_env(track_home: Path, terminal: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in UNSET_ENV}
    env.update(RUN_ENV)
    env["TRACK_HOME"] = str(track_home)
    if terminal:
        env.setdefault("TERM", "xterm-256color")
    return env


def run_pipe(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float) -> int:
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)  # output.log has the run's bytes
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    (cwd.parent / "track.out").write_bytes(out + err)  # for a failed run's diagnosis
    return proc.returncode


def run_pty(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float) -> int:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", PTY_ROWS, PTY_COLS, 0, 0))
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=slave, stdout=slave, stderr=slave,
                            start_new_session=True,
                            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
    os.close(slave)
    deadline = time.monotonic() + timeout
    screen = bytearray()
    try:
        while True:
            if time.monotonic() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                raise subprocess.TimeoutExpired(cmd, timeout)
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError as exc:  # EIO: every slave end is closed
                    if exc.errno != errno.EIO:
                        raise
                    chunk = b""
                if not chunk:
                    break
                screen.extend(chunk)
            elif proc.poll() is not None:
                break
    finally:
        os.close(master)
        (cwd.parent / "track.out").write_bytes(bytes(screen))  # for a failed run's diagnosis
    return proc.wait()


def git_commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                              check=False).stdout.strip()
    commit = git("rev-parse", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "exptrack")
    return commit + ("-dirty" if dirty else "")


def venv_python_version(python: Path) -> str:
    out = subprocess.run([str(python), "-c", "import sys; print(sys.version.split()[0])"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def recorded_summary(run_dir: Path) -> dict[str, Any]:
    data = yaml.safe_load((run_dir / "summary.yaml").read_text()) or {}
    metrics = data.get("metrics") or {}
    return {name: {"last": m.get("last"), "count": m.get("count")}
            for name, m in metrics.items()}


def save_fixture(case: str, mode: str, work: Path, run_dir: Path, dest: Path,
                 provenance: dict[str, Any]) -> None:
    truth = yaml.safe_load((work / "truth.yaml").read_text())
    staging = dest.with_name(dest.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    shutil.copyfile(run_dir / "output.log", staging / "output.log")
    shutil.copyfile(work / "truth.yaml", staging / "truth.yaml")
    for rel in truth.get("files") or []:
        source = work / rel
        if not source.is_file():
            raise FileNotFoundError(f"{case}: truth lists {rel}, which the run did not write")
        target = staging / "files" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    provenance.update(framework=truth.get("framework"), version=truth.get("version"))
    (staging / "recorded.yaml").write_text(
        yaml.safe_dump({"metrics": recorded_summary(run_dir)}, sort_keys=False))
    (staging / "provenance.yaml").write_text(yaml.safe_dump(provenance, sort_keys=False))
    shutil.rmtree(dest, ignore_errors=True)
    staging.rename(dest)


def run_case(case: str, mode: str, venv: Path, out: Path, timeout: float,
             keep: bool) -> Outcome:
    python = venv / "bin" / "python"
    script = CASES / f"{case}.py"
    tmp = Path(tempfile.mkdtemp(prefix=f"zoo-{case}-{mode}-"))
    work, home = tmp / "work", tmp / "home"
    work.mkdir()
    cmd = [sys.executable, "-m", "exptrack", "run", "--", str(python), str(script)]
    env = run_env(home, terminal=mode == "pty")
    start = time.monotonic()
    try:
        runner = run_pty if mode == "pty" else run_pipe
        code = runner(cmd, work, env, timeout)
    except subprocess.TimeoutExpired:
        return Outcome(case, mode, time.monotonic() - start, -1, f"timed out ({tmp})")
    seconds = time.monotonic() - start
    runs = sorted((home / "runs").glob("*/output.log")) if (home / "runs").is_dir() else []
    if code != 0 or len(runs) != 1 or not (work / "truth.yaml").is_file():
        tail = (tmp / "track.out").read_bytes()[-300:].decode("utf-8", "replace").strip()
        return Outcome(case, mode, seconds, code,
                       f"exit {code}, {len(runs)} run(s), truth.yaml "
                       f"{'present' if (work / 'truth.yaml').is_file() else 'missing'} "
                       f"(see {tmp}/track.out): ...{tail[-200:]}")
    provenance = {
        "case": case, "mode": mode,
        "command": f"python -m exptrack run -- {python} bench/zoo/cases/{case}.py",
        "terminal": f"{PTY_COLS}x{PTY_ROWS} pty, TERM={env.get('TERM')}" if mode == "pty"
        else "stdout and stderr are pipes",
        "env": dict(RUN_ENV),
        "python": venv_python_version(python), "platform": platform.platform(),
        "exptrack_commit": git_commit(),
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "wall_seconds": round(seconds, 1),
    }
    try:
        save_fixture(case, mode, work, runs[0].parent, out / case / mode, provenance)
    except (OSError, yaml.YAMLError) as exc:
        return Outcome(case, mode, seconds, code, f"{exc} ({tmp})")
    if not keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return Outcome(case, mode, seconds, code)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--venv-root", type=Path, default=DEFAULT_ROOT,
                        help=f"folder of the framework virtualenvs (default {DEFAULT_ROOT})")
    parser.add_argument("--setup", action="store_true",
                        help="create the cases' virtualenvs from their requirements files first")
    parser.add_argument("--only", nargs="+", metavar="CASE", help="run only these cases")
    parser.add_argument("--mode", choices=["pipe", "pty", "both"], default="both")
    parser.add_argument("--out", type=Path, default=FIXTURES, help="fixture folder")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per run")
    parser.add_argument("--keep", action="store_true", help="keep the temp run folders")
    args = parser.parse_args(argv)
    probe = subprocess.run([sys.executable, "-c", "import exptrack"], cwd=tempfile.gettempdir(),
                           capture_output=True, check=False)
    if probe.returncode != 0:
        parser.error("run this with the interpreter that has exptrack installed "
                     "(e.g. .venv/bin/python)")
    known = list_cases()
    cases = args.only or known
    unknown = sorted(set(cases) - set(known))
    if unknown:
        parser.error(f"unknown case(s): {', '.join(unknown)} (known: {', '.join(known)})")
    groups = {case: venv_group(case) for case in cases}
    for group in sorted(set(groups.values())):
        venv = venv_path(args.venv_root, group)
        if args.setup:
            setup_venv(venv, group)
        if not (venv / "bin" / "python").exists():
            parser.error(f"no virtualenv at {venv} (use --setup to create it from "
                         f"{requirements(group).relative_to(ROOT)})")
    modes = MODES if args.mode == "both" else (args.mode,)
    failed = 0
    print(f"{'case':<22} {'mode':<5} {'wall':>7}  {'recall':>7} {'prec':>6}  junk / problems")
    for case in cases:
        for mode in modes:
            outcome = run_case(case, mode, venv_path(args.venv_root, groups[case]), args.out,
                               args.timeout, args.keep)
            if outcome.error:
                failed += 1
                print(f"{case:<22} {mode:<5} {outcome.seconds:>6.1f}s  FAILED: {outcome.error}")
                continue
            result = score.score_fixture(args.out / case / mode)
            print(f"{case:<22} {mode:<5} {outcome.seconds:>6.1f}s  {result.recall:>7.1%} "
                  f"{result.precision:>6.1%}  {', '.join(result.junk) or '-'}", flush=True)
    with contextlib.suppress(OSError):
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
