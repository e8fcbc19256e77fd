"""Benchmark of exptrack's performance targets (issue 7): whole processes, median of runs.

    python bench/run.py            # stores of 1,000 and 10,000 runs, every figure
    python bench/run.py --quick    # a fast smoke run (small stores, fewer repeats)
    python bench/run.py --heavy    # also the 1 GB output case for the recorder's memory

Synthetic stores are written with exptrack's own writers (``RunRecord.to_dict``,
``MetricSummarizer``, ``fsutil.dump_yaml``) under ``bench/out/`` (git-ignored) and reused
by later runs of the same size and seed. Prints one table: figure | measured | target |
pass/fail, then the ratio lines. Exit status 1 when a measured figure misses its target.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exptrack.fsutil import dump_yaml  # noqa: E402
from exptrack.indexdb import index_path  # noqa: E402
from exptrack.metrics import MetricSummarizer, Observation  # noqa: E402
from exptrack.model import GitState, RunRecord  # noqa: E402
from exptrack.store import Store  # noqa: E402

STORE_LAYOUT = 4  # bump when the synthetic run changes, so cached stores are rebuilt
METRIC_NAMES = ["loss", "val_loss", "acc", "val_acc", "lr", "grad_norm", "top5", "f1",
                "val_f1", "precision", "recall", "perplexity", "bleu", "auc", "val_auc",
                "throughput", "mem_gb", "wer", "cer", "reward"]
PACKAGES = [f"package-{i:03d}" for i in range(200)]


# ---------------------------------------------------------------- synthetic store

def _iso(ts: float) -> str:
    millis = int(ts * 1000) % 1000
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts)) + f".{millis:03d}+00:00"


def write_run(runs_dir: Path, rng: random.Random, index: int, started: float) -> None:
    """One realistic finished run: the same files, written the same way, as `track run`."""
    run_id = f"{rng.getrandbits(32):08x}"
    while (runs_dir / run_id).exists():
        run_id = f"{rng.getrandbits(32):08x}"
    folder = runs_dir / run_id
    folder.mkdir(mode=0o700)
    lr = rng.choice([0.1, 0.03, 0.01, 0.003, 0.001])
    epochs = rng.randint(20, 40)
    params = {"lr": lr, "epochs": epochs, "batch_size": rng.choice([32, 64, 128, 256]),
              "model.depth": rng.choice([18, 34, 50]), "optimizer": rng.choice(["adam", "sgd"]),
              "dropout": round(rng.random() * 0.5, 2), "seed": index}
    duration = epochs * rng.uniform(5, 60)
    failed = rng.random() < 0.1
    record = RunRecord(
        id=run_id, command=["python", "train.py", "--lr", str(lr), "--epochs", str(epochs)],
        cwd="/home/user/project", started_at=_iso(started),
        status="failed" if failed else "completed", name=f"exp-{index}" if index % 3 else None,
        tags=["bench", rng.choice(["cnn", "vit", "mlp"])], exit_code=1 if failed else 0,
        ended_at=_iso(started + duration), duration_s=round(duration, 3), host="benchhost",
        user="user", pid=10000 + index, child_pid=10001 + index, track_version="0.1.0")
    names = rng.sample(METRIC_NAMES, rng.randint(5, 20))
    if "val_acc" not in names:
        names[0] = "val_acc"
    summarizer = MetricSummarizer()
    lines: list[str] = []
    log: list[str] = []
    t = started
    for step in range(1, epochs * 5 + 1):  # 100-200 observations a metric
        t += duration / (epochs * 5)
        values = {n: round(rng.random() / (1 + step / 50), 5) for n in names}
        for name, value in values.items():
            summarizer.add_one(Observation(name, value, step, None))
            lines.append(f'{{"name": "{name}", "value": {value}, "step": {step}, '
                         f'"time": {round(t, 3)}}}')
        if step % 5 == 0:
            log.append(f"step {step}: " + " ".join(f"{n}={v}" for n, v in values.items()))
    (folder / "run.yaml").write_text(dump_yaml(record.to_dict()))
    (folder / "params.yaml").write_text(dump_yaml(params))
    (folder / "summary.yaml").write_text(dump_yaml(
        {"metrics": {n: s.to_dict() for n, s in summarizer.summaries.items()}}))
    git = GitState(repo=True, root="/home/user/project", commit=f"{rng.getrandbits(160):040x}",
                   branch="main", remote="https://example.com/user/project.git",
                   dirty=rng.random() < 0.3)
    (folder / "git.yaml").write_text(dump_yaml(git.to_dict()))
    (folder / "metrics.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "output.log").write_text("\n".join(log) + "\n")
    env = {"python": {"executable": "/usr/bin/python3", "version": "3.11.7"},
           "packages": {p: f"{rng.randint(0, 9)}.{rng.randint(0, 30)}.0" for p in PACKAGES},
           "host": {"hostname": "benchhost", "cpu_logical": 2}}
    (folder / "env.yaml").write_text(dump_yaml(env))


def build_store(base: Path, size: int, seed: int = 7) -> Path:
    """A store of ``size`` runs under ``base``, reused when already complete."""
    store = base / f"store-{size}-s{seed}-v{STORE_LAYOUT}"
    marker = store / ".complete"
    if marker.exists():
        return store
    if store.exists():
        shutil.rmtree(store)
    runs_dir = store / "runs"
    runs_dir.mkdir(parents=True)
    (store / ".gitignore").write_text("*\n")
    rng = random.Random(seed)
    started = time.time() - size * 3600
    began = time.monotonic()
    for index in range(size):
        write_run(runs_dir, rng, index, started + index * 3600)
        if size >= 1000 and (index + 1) % 1000 == 0:
            print(f"  built {index + 1}/{size} runs ({time.monotonic() - began:.0f} s)",
                  file=sys.stderr)
    marker.write_text("")
    return store


# ---------------------------------------------------------------- measuring

def track_cmd(explicit: str | None = None) -> list[str]:
    """The command measured: ``--track``, else the ``track`` script on PATH. A version
    manager's shim (pyenv's is a bash script running ``pyenv exec``: +60 ms a call) is
    resolved to the script it runs, as a virtualenv or ``pipx`` user would call it."""
    if explicit:
        return explicit.split()
    exe = shutil.which("track")
    if exe is None:
        return [sys.executable, "-m", "exptrack"]
    if "/shims/" in exe and shutil.which("pyenv"):
        found = subprocess.run(["pyenv", "which", "track"], capture_output=True, text=True)
        if found.returncode == 0 and found.stdout.strip():
            return [found.stdout.strip()]
    return [exe]


def wall(argv: Sequence[str], env: dict[str, str] | None = None, shell: bool = False,
         check: bool = True, cwd: Path | None = None) -> float:
    """Seconds one whole process takes, output thrown away."""
    began = time.perf_counter()
    done = subprocess.run(argv if not shell else argv[0], shell=shell, env=env, cwd=cwd,
                          stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    took = time.perf_counter() - began
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}): "
                           f"{done.stderr.decode(errors='replace')[-300:]}")
    return took


def median_wall(argv: Sequence[str], repeats: int, env: dict[str, str] | None = None,
                shell: bool = False, setup: list[str] | None = None,
                cwd: Path | None = None) -> float:
    times = []
    for _ in range(repeats):
        if setup:
            for path in setup:
                Path(path).unlink(missing_ok=True)
        times.append(wall(argv, env, shell, cwd=cwd))
    return statistics.median(times)


def peak_rss(argv: Sequence[str], env: dict[str, str], cwd: Path | None = None) -> float:
    """Peak RSS in bytes of the `track` process itself (not its command), by polling."""
    import psutil

    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    handle = psutil.Process(proc.pid)
    peak = 0
    stop = threading.Event()

    def poll() -> None:
        nonlocal peak
        while not stop.is_set():
            try:
                peak = max(peak, handle.memory_info().rss)
            except psutil.Error:
                return
            time.sleep(0.01)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    proc.wait()
    stop.set()
    poller.join()
    return float(peak)


def has_option(track: list[str], args: Sequence[str], option: str,
               env: dict[str, str]) -> bool:
    done = subprocess.run([*track, *args, "--help"], capture_output=True, env=env)
    return done.returncode == 0 and option in done.stdout.decode(errors="replace")


@dataclass
class Row:
    figure: str
    measured: float | None  # None: not available on this build
    target: float | None  # None: informative, no target
    unit: str = "s"
    note: str = ""

    def cells(self) -> tuple[str, str, str, str]:
        def fmt(value: float) -> str:
            if self.unit == "MB":
                return f"{value / 1e6:.0f} MB"
            if self.unit == "x":
                return f"{value:.2f}x"
            return f"{value:.3f} s"
        target = "-" if self.target is None else f"<= {fmt(self.target)}"
        if self.measured is None:
            return self.figure, "n/a", target, "n/a" + (f" ({self.note})" if self.note else "")
        if self.target is None:
            return self.figure, fmt(self.measured), target, "info" + (
                f" ({self.note})" if self.note else "")
        ok = "pass" if self.measured <= self.target else "FAIL"
        return self.figure, fmt(self.measured), target, ok


def print_table(rows: Sequence[Row]) -> None:
    cells = [("figure", "measured", "target", "pass/fail"), *(r.cells() for r in rows)]
    widths = [max(len(c[i]) for c in cells) for i in range(4)]
    for index, row in enumerate(cells):
        print(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if index == 0:
            print("-|-".join("-" * w for w in widths))


def in_process_listing(store: Path, env: dict[str, str], repeats: int) -> str:
    """The first 50 runs from the index alone, warm and cold, in a fresh interpreter: the
    index's share of `track ls`, without start-up and rendering."""
    code = (
        "import statistics, sys, time\n"
        "from pathlib import Path\n"
        "from exptrack.indexdb import discard, index_path\n"
        "from exptrack.selection import Ask, list_runs\n"
        "from exptrack.store import Store\n"
        "store = Store(Path(sys.argv[1]))\n"
        "cold, warm = [], []\n"
        "for _ in range(int(sys.argv[2])):\n"
        "    discard(index_path(store))\n"
        "    t = time.perf_counter(); list_runs(store, Ask(limit=50))\n"
        "    cold.append(time.perf_counter() - t)\n"
        "    t = time.perf_counter(); list_runs(store, Ask(limit=50))\n"
        "    warm.append(time.perf_counter() - t)\n"
        "print(f'{statistics.median(warm):.3f} s warm, {statistics.median(cold):.3f} s cold')\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(store), str(repeats)],
                          env={**env, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    result = done.stdout.strip() if done.returncode == 0 else "failed: " + done.stderr[-200:]
    return f"the index's first 50 runs alone, in one process: {result}"


def metric_lines_script(path: Path, lines: int) -> None:
    path.write_text(
        "import sys\n"
        "out = sys.stdout\n"
        f"for i in range({lines}):\n"
        "    out.write(f'step={i} loss={1.0 / (i + 1):.6f} acc={i / (i + 1):.6f}\\n')\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="store sizes, comma-separated (the largest is measured)")
    parser.add_argument("--repeats", type=int, default=5, help="runs a figure (median)")
    parser.add_argument("--metric-lines", type=int, default=1_000_000)
    parser.add_argument("--big-output-mb", type=int, default=200,
                        help="output size for the memory case (--heavy: 1024)")
    parser.add_argument("--long-line-mb", type=int, default=200)
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 20/200-run stores, 3 repeats, small outputs")
    parser.add_argument("--heavy", action="store_true", help="1 GB output case")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out",
                        help="where synthetic stores are kept (default bench/out)")
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    parser.add_argument("--track", help="the track command to measure (default: `track` on "
                                        "PATH), e.g. 'python -m exptrack'")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeats = "20,200", 3
        args.metric_lines, args.big_output_mb, args.long_line_mb = 100_000, 20, 20
    if args.heavy:
        args.big_output_mb = 1024
    sizes = sorted(int(s) for s in args.sizes.split(","))
    repeats = max(1, args.repeats)
    args.out.mkdir(parents=True, exist_ok=True)
    track = track_cmd(args.track)
    rows: list[Row] = []
    ratios: list[str] = []

    for size in sizes:
        print(f"store of {size} runs ...", file=sys.stderr)
        build_store(args.out, size)
    big = max(sizes)
    store = build_store(args.out, big)
    # A user's usual environment: bytecode caching on, Python output buffered as by default.
    clean = {k: v for k, v in os.environ.items()
             if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED")}
    env = {**clean, "TRACK_HOME": str(store), "NO_COLOR": "1", "COLUMNS": "120",
           "TRACK_CACHE_DIR": str(args.out / "cache")}
    wall([*track, "--help"], env)  # writes the bytecode caches once
    os.environ["TRACK_CACHE_DIR"] = env["TRACK_CACHE_DIR"]
    db = index_path(Store(store))
    index_files = [str(db), f"{db}-wal", f"{db}-shm"]
    label = f"{big:,}"

    rows.append(Row("track --help", median_wall([*track, "--help"], repeats, env), 0.20))
    cold = median_wall([*track, "ls"], repeats, env, setup=index_files)
    wall([*track, "ls"], env)  # leaves the index warm
    all_runs = ["-n", "0"] if has_option(track, ["ls"], "--limit", env) else []
    rows.append(Row(f"track ls, {label} runs, warm", median_wall([*track, "ls"], repeats, env),
                    0.50))
    rows.append(Row(f"track ls, {label} runs, cold (no index)", cold, 3.0))
    rows.append(Row(f"track ls --json -n 0 (every run), {label} runs, warm",
                    median_wall([*track, "ls", "--json", *all_runs], repeats, env), None))
    ratios.append(in_process_listing(store, env, repeats))
    if has_option(track, ["ls"], "--best", env):
        rows.append(Row(f"track ls --best val_acc -n 10, {label} runs",
                        median_wall([*track, "ls", "--best", "val_acc", "-n", "10"], repeats,
                                    env), 0.50))
    else:
        rows.append(Row(f"track ls --best val_acc -n 10, {label} runs", None, 0.50,
                        note="no --best yet"))
    if has_option(track, ["ls"], "--where", env):
        rows.append(Row(f"track ls --where 'lr<0.01', {label} runs",
                        median_wall([*track, "ls", "--where", "lr<0.01"], repeats, env), 0.50))
    else:
        rows.append(Row(f"track ls --where, {label} runs", None, 0.50, note="no --where yet"))
    listing = json.loads(subprocess.run([*track, "ls", "--json", *all_runs], env=env, check=True,
                                        capture_output=True).stdout)
    first, second = listing[len(listing) // 2]["id"], listing[len(listing) // 3]["id"]
    rows.append(Row(f"track show RUN, {label} runs",
                    median_wall([*track, "show", first[:6]], repeats, env), 0.30))
    if has_option(track, ["diff"], "diff", env):
        rows.append(Row(f"track diff A B, {label} runs",
                        median_wall([*track, "diff", first[:6], second[:6]], repeats, env),
                        0.30))
    else:
        rows.append(Row(f"track diff A B, {label} runs", None, 0.30, note="no diff yet"))

    with tempfile.TemporaryDirectory(prefix="exptrack-bench-") as tmp:
        scratch = Path(tmp)
        # Recording runs from a small project folder of its own: not from the checkout,
        # whose bench/out holds the synthetic stores (thousands of folders that the
        # artifact scan of the working directory would walk at every run).
        project = scratch / "project"
        project.mkdir()
        (project / "train.py").write_text("print('hi')\n")
        run_env = {**env, "TRACK_HOME": str(scratch / "store")}
        bare = median_wall(["true"], repeats, run_env, cwd=project)
        recorded = median_wall([*track, "run", "--", "true"], repeats, run_env, cwd=project)
        rows.append(Row("track run -- true: overhead over `true`", recorded - bare, 0.30))
        ratios.append(f"track run -- true: {recorded:.3f} s vs true: {bare:.3f} s")

        script = scratch / "metric_lines.py"
        metric_lines_script(script, args.metric_lines)
        # `track run` streams output live: with pipes it runs Python commands with
        # PYTHONUNBUFFERED=1 (issue 2), so the same command piped to cat is measured with
        # the same setting; the block-buffered `| cat` is shown beside it for reference.
        unbuffered_env = {**run_env, "PYTHONUNBUFFERED": "1"}
        piped = median_wall([f"{sys.executable} {script} | cat"], repeats, unbuffered_env,
                            shell=True, cwd=project)
        buffered = median_wall([f"{sys.executable} {script} | cat"], repeats, run_env,
                               shell=True, cwd=project)
        tracked = median_wall([*track, "run", "--", sys.executable, str(script)], repeats,
                              run_env, cwd=project)
        shutil.rmtree(scratch / "store", ignore_errors=True)
        # The target is for a million lines: on fewer, track's fixed start-up (about
        # 0.13 s) weighs on the ratio, so a smaller (--quick) run only informs.
        full = args.metric_lines >= 1_000_000
        rows.append(Row(f"track run, {args.metric_lines:,} metric lines vs `| cat`",
                        tracked / piped, 1.3 if full else None, unit="x",
                        note="" if full else "target: 1,000,000 lines"))
        rows.append(Row("  same, vs a block-buffered `| cat` (not live)", tracked / buffered,
                        None, unit="x"))
        ratios.append(f"{args.metric_lines:,} metric lines: track run {tracked:.3f} s, "
                      f"| cat {piped:.3f} s (PYTHONUNBUFFERED=1, as under track), "
                      f"{buffered:.3f} s block-buffered")

        big_cmd = ["sh", "-c", f"yes 'epoch 1 step 2 loss=0.25 some progress text' | "
                               f"head -c {args.big_output_mb}M"]
        rss = peak_rss([*track, "run", "--", *big_cmd], run_env, cwd=project)
        shutil.rmtree(scratch / "store", ignore_errors=True)
        rows.append(Row(f"recorder peak RSS, {args.big_output_mb} MB of output", rss, 100e6,
                        unit="MB"))
        line_cmd = ["sh", "-c", f"head -c {args.long_line_mb}M /dev/zero | tr '\\0' 'x'; echo"]
        rss = peak_rss([*track, "run", "--", *line_cmd], run_env, cwd=project)
        shutil.rmtree(scratch / "store", ignore_errors=True)
        rows.append(Row(f"recorder peak RSS, one {args.long_line_mb} MB line", rss, 100e6,
                        unit="MB"))

    print()
    print(f"exptrack bench: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
          f"median of {repeats}, store of {big:,} runs under {args.out}")
    print(f"measured: {' '.join(track)}; load average {os.getloadavg()[0]:.2f} at the end")
    print()
    print_table(rows)
    print()
    for line in ratios:
        print(line)
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in rows], indent=2) + "\n")
    failed = [r for r in rows if r.measured is not None and r.target is not None
              and r.measured > r.target]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
