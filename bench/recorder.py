"""The recorder's cost on a metric-heavy output (issue 13): wall time, CPU, bytes on disk.

    python bench/recorder.py [--lines 1000000] [--repeat 3]

One generator (``GEN``: ``epoch E step S loss=... acc=... lr=...``, three metrics a line,
~56 bytes) is run, alternating, as

- ``python -u gen.py | tee out.log >/dev/null``: the yardstick (an unbuffered child, as
  `track run` runs a Python command under pipes, and a copy to a file), and
- ``track run -- python gen.py`` with its output to /dev/null,

in a user's usual environment (PYTHONUNBUFFERED and PYTHONDONTWRITEBYTECODE unset). Each
run's CPU is read with ``os.wait4`` (user + sys of the process and every descendant it
waited for); the generator writes its own CPU time (``os.times``) to a file when it ends,
so the recorder's CPU is the run's total less the child's. ``track run -- true`` is
measured the same way: the fixed cost of a run (start-up, git, environment capture), which
the per-line cost is then shown without. Prints a table: figure | median | target.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GEN = """\
import sys
write = sys.stdout.write
n = {lines}
for i in range(n):
    write(f"epoch {{i // 10000}} step {{i}} loss={{1.0 / (i + 1):.5f}} "
          f"acc={{(i % 1000) / 1000:.4f}} lr=3.0e-04\\n")
"""
# The child writes its own CPU seconds here when it ends (not to its output).
CPU_FOOTER = """
import atexit, os
def _cpu():
    t = os.times()
    with open(os.environ["BENCH_CHILD_CPU"], "w") as f:
        f.write(repr(t.user + t.system))
atexit.register(_cpu)
"""


def timed(command: list[str] | str, env: dict[str, str], cwd: Path,
          shell: bool = False) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process tree) of one whole command."""
    began = time.perf_counter()
    proc = subprocess.Popen(command, shell=shell, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - began
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{command} failed ({proc.returncode})")
    return took, usage.ru_utime + usage.ru_stime


def main() -> int:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--lines", type=int, default=1_000_000)
    cli.add_argument("--repeat", type=int, default=3)
    cli.add_argument("--track", help="the track command (default: `track` beside this "
                                     "Python, else on PATH)")
    args = cli.parse_args()
    beside = Path(sys.executable).parent / "track"
    track = args.track.split() if args.track else [
        str(beside) if beside.exists() else (shutil.which("track") or "track")]
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()),
          file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="exptrack-bench-") as tmp:
        scratch = Path(tmp)
        project = scratch / "project"
        project.mkdir()
        gen = project / "gen.py"
        gen.write_text(GEN.format(lines=args.lines) + CPU_FOOTER)
        child_cpu = scratch / "child_cpu"
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED")}
        env.update(TRACK_HOME=str(scratch / "store"), NO_COLOR="1",
                   BENCH_CHILD_CPU=str(child_cpu))
        timed([*track, "--help"], env, project)  # bytecode caches written once
        tee: list[float] = []
        run: list[float] = []
        recorder: list[float] = []
        fixed: list[float] = []
        ratio: list[float] = []
        for _ in range(args.repeat):
            shutil.rmtree(scratch / "store", ignore_errors=True)
            wall_tee, _ = timed(f"{sys.executable} -u gen.py | tee out.log >/dev/null", env,
                                project, shell=True)
            wall_run, cpu_run = timed([*track, "run", "--", sys.executable, "gen.py"], env,
                                      project)
            child = float(child_cpu.read_text())
            _, cpu_true = timed([*track, "run", "--", "true"], env, project)
            tee.append(wall_tee)
            run.append(wall_run)
            recorder.append(cpu_run - child)
            fixed.append(cpu_true)
        run_dir = next(p for p in (scratch / "store" / "runs").iterdir()
                       if (p / "output.log").stat().st_size > 0)
        log_bytes = (run_dir / "output.log").stat().st_size
        metric_bytes = sum(p.stat().st_size for p in run_dir.glob("metrics*.jsonl"))
        ratio = [r / t for r, t in zip(run, tee, strict=True)]
    per_million = 1e6 / args.lines
    rows = [
        ("python -u gen.py | tee out.log (wall)", f"{statistics.median(tee):.2f} s", ""),
        ("track run -- python gen.py (wall)", f"{statistics.median(run):.2f} s", ""),
        ("wall ratio, track run / tee", f"{statistics.median(ratio):.2f}x", "<= 1.3x"),
        ("recorder CPU (run tree - child)", f"{statistics.median(recorder):.2f} s", ""),
        ("  per million lines, less a run's fixed cost",
         f"{(statistics.median(recorder) - statistics.median(fixed)) * per_million:.2f} s",
         "<= 0.5 s"),
        ("  fixed cost: CPU of track run -- true", f"{statistics.median(fixed):.2f} s", ""),
        ("metrics bytes / output.log bytes",
         f"{metric_bytes / log_bytes:.2f}x ({metric_bytes:,} / {log_bytes:,})", "<= 1.5x"),
    ]
    print(f"exptrack recorder bench: {args.lines:,} metric lines (3 metrics a line), median "
          f"of {args.repeat}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f} at the end")
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for row in [("figure", "measured", "target"), *rows]:
        print(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
