"""Benchmark of the SQLite index (issue 13), side by side in one run:

- `track ls` at 10,000 runs against a yardstick: a Python script that reads a 10,000-row
  CSV, sorts it and prints 50 rows (target <= 1.5x); `ls --best M -n 5` (<= 2x);
- `show` and `diff` at 50,000 runs against their time at 1,000 (<= 1.2x);
- rebuilding the index of 50,000 runs: peak memory (<= 150 MB, /usr/bin/time -v);
- the first `ls` after a new run at 10,000 runs against a warm one (<= +50 ms).

    nice python bench/index_bench.py            # 1,000 / 10,000 / 50,000-run stores
    python bench/index_bench.py --quick         # 200 / 1,000 / 2,000: a smoke run

Stores are written directly (plain text, no exptrack code: fast) under ``bench/out/``
(git-ignored) and reused; the index databases live in ``bench/out/cache``. Commands run
with the user's usual interpreter settings (bytecode caching on, output buffered).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = 1  # bump when the synthetic run changes
METRICS = ["loss", "val_loss", "acc", "val_acc", "lr", "f1", "val_f1", "auc"]


def _run_files(rng: random.Random, run_id: str, index: int, started: float) -> dict[str, str]:
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(started)) + ".000+00:00"
    ended = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(started + 600)) + ".000+00:00"
    lr = rng.choice([0.1, 0.03, 0.01, 0.003, 0.001])
    failed = rng.random() < 0.1
    name = f"exp-{index}" if index % 3 else "null"
    names = ["val_acc", *rng.sample(METRICS[:3] + METRICS[4:], 4)]
    summary, lines, log = [], [], []
    for metric in names:
        values = [round(rng.random(), 5) for _ in range(20)]
        best = max(values) if "acc" in metric else min(values)
        summary.append(f"  {metric}:\n    last: {values[-1]}\n    min: {min(values)}\n"
                       f"    max: {max(values)}\n    count: 20\n    best: {best}\n"
                       f"    best_step: {values.index(best) + 1}\n    last_step: 20\n"
                       f"    direction: {'max' if 'acc' in metric else 'min'}\n")
        lines += [f'{{"name": "{metric}", "value": {v}, "step": {s + 1}}}'
                  for s, v in enumerate(values)]
        log.append(f"{metric}={values[-1]}")
    packages = "".join(f"    package-{i:02d}: 1.{i}.0\n" for i in range(20))
    return {
        "run.yaml": f"format: 1\nid: {run_id}\nname: {name}\ntags:\n- bench\n"
                    f"- {rng.choice(['cnn', 'vit'])}\nnote: null\n"
                    f"status: {'failed' if failed else 'completed'}\n"
                    f"exit_code: {1 if failed else 0}\nsignal: null\ncommand:\n- python\n"
                    f"- train.py\n- --lr\n- '{lr}'\ncwd: /home/user/project\n"
                    f"started_at: '{stamp}'\nended_at: '{ended}'\nduration_s: 600.0\n"
                    f"host: benchhost\nuser: user\npid: {10000 + index}\nchild_pid: null\n"
                    "pty: false\ntrack_version: 0.1.0\nwarnings: []\n",
        "params.yaml": f"lr: {lr}\nepochs: {rng.randint(10, 40)}\n"
                       f"batch_size: {rng.choice([32, 64, 128])}\nseed: {index}\n"
                       f"optimizer: {rng.choice(['adam', 'sgd'])}\n",
        "summary.yaml": "metrics:\n" + "".join(summary),
        "git.yaml": f"repo: true\nroot: /home/user/project\ncommit: {rng.getrandbits(160):040x}"
                    f"\nbranch: main\ndetached: false\ndirty: {str(rng.random() < 0.3).lower()}"
                    "\n",
        "metrics.jsonl": "\n".join(lines) + "\n",
        "output.log": " ".join(log) + "\n",
        "env.yaml": f"python:\n  version: 3.11.7\npackages:\n{packages}",
    }


def build_store(base: Path, size: int, seed: int = 13) -> Path:
    """A store of ``size`` finished runs, written directly; reused when complete."""
    store = base / f"index-store-{size}-s{seed}-v{LAYOUT}"
    if (store / ".complete").exists():
        return store
    shutil.rmtree(store, ignore_errors=True)
    runs = store / "runs"
    runs.mkdir(parents=True)
    rng = random.Random(seed)
    started = time.time() - size * 60 - 86400
    seen: set[str] = set()
    for index in range(size):
        run_id = f"{rng.getrandbits(32):08x}"
        while run_id in seen:
            run_id = f"{rng.getrandbits(32):08x}"
        seen.add(run_id)
        folder = runs / run_id
        folder.mkdir(mode=0o700)
        for name, text in _run_files(rng, run_id, index, started + index * 60).items():
            with open(folder / name, "w") as handle:
                handle.write(text)
    (store / ".gitignore").write_text("*\n")
    (store / ".complete").write_text("")
    return store


YARDSTICK = """import csv, sys
with open(sys.argv[1], newline="") as handle:
    rows = list(csv.DictReader(handle))
rows.sort(key=lambda row: row["started_at"], reverse=True)
for row in rows[:50]:
    print(" ".join(row.values()))
"""


# The least any listing that keeps the index's never-stale rule (one stat a run) does: list
# the runs folder, stat each run.yaml, read the stored stats and 50 rows from the database,
# print them. No exptrack, no typer, no rich: what a ``track ls`` could not go below.
FLOOR = """import os, sqlite3, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
keys = []
for run_id in os.listdir(fd):
    try:
        st = os.stat(run_id + "/run.yaml", dir_fd=fd)
        keys.append((run_id, st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns))
    except OSError:
        keys.append((run_id, None))
conn = sqlite3.connect(sys.argv[2])
stored = set(conn.execute("SELECT id, substr(stats, 1, 32) FROM runs"))
rows = conn.execute("SELECT id, record FROM runs ORDER BY started_at DESC LIMIT 50")
print("\\n".join(f"{run_id[:8]} {record[:60]}" for run_id, record in rows))
"""


def write_yardstick(out: Path, size: int) -> tuple[Path, Path]:
    rng = random.Random(5)
    csv_path = out / f"yardstick-{size}.csv"
    with open(csv_path, "w") as handle:
        handle.write("id,name,status,started_at,duration_s,lr,val_acc,loss\n")
        for i in range(size):
            handle.write(f"{rng.getrandbits(32):08x},exp-{i},completed,"
                         f"2025-01-{1 + i % 28:02d}T{i % 24:02d}:00:00,{rng.random() * 600:.1f},"
                         f"{rng.choice([0.1, 0.01])},{rng.random():.4f},{rng.random():.4f}\n")
    script = out / "yardstick.py"
    script.write_text(YARDSTICK)
    return script, csv_path


def timed(argv: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    done = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    took = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"{argv} failed: {done.stderr.decode()[-300:]}")
    return took


def median(argv: list[str], env: dict[str, str], repeats: int) -> float:
    timed(argv, env)  # warm: bytecode, page cache, index
    return statistics.median(timed(argv, env) for _ in range(repeats))


def peak_rss_mb(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of one process, by /usr/bin/time -v."""
    began = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", *argv], env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    took = time.perf_counter() - began
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(done.stderr[:600])
    return int(found.group(1)) / 1024, took


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args(argv)
    small, mid, big = (200, 1000, 2000) if args.quick else (1000, 10_000, 50_000)
    repeats = 3 if args.quick else args.repeats
    args.out.mkdir(parents=True, exist_ok=True)
    beside = Path(sys.executable).with_name("track")  # this interpreter's, not a shim on PATH
    track = str(beside) if beside.exists() else shutil.which("track") or "track"
    base = {k: v for k, v in os.environ.items()
            if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED")}
    base.update(NO_COLOR="1", COLUMNS="120", TRACK_CACHE_DIR=str(args.out / "cache"))
    stores = {}
    for size in (small, mid, big):
        began = time.monotonic()
        stores[size] = build_store(args.out, size)
        print(f"store of {size:,} runs: {time.monotonic() - began:.1f} s", file=sys.stderr)

    def env(size: int) -> dict[str, str]:
        return {**base, "TRACK_HOME": str(stores[size])}

    def db(size: int) -> Path:
        sys.path.insert(0, str(ROOT))
        from exptrack.indexdb import index_path
        from exptrack.store import Store

        os.environ["TRACK_CACHE_DIR"] = base["TRACK_CACHE_DIR"]
        return index_path(Store(stores[size]))

    rows: list[tuple[str, str, str, str]] = []

    def row(figure: str, measured: float, target: float | None, unit: str,
            shown: str) -> None:
        verdict = "-" if target is None else ("pass" if measured <= target else "FAIL")
        rows.append((figure, shown, "-" if target is None else f"<= {target}{unit}", verdict))

    # Rebuild of the biggest store first (cold: no database), measured for memory.
    for extra in ("", "-wal", "-shm"):
        Path(f"{db(big)}{extra}").unlink(missing_ok=True)
    rss, took = peak_rss_mb([track, "ls"], env(big))
    row(f"rebuild the index of {big:,} runs: peak RSS", rss, 150.0, " MB",
        f"{rss:.0f} MB ({took:.1f} s)")

    script, csv_path = write_yardstick(args.out, mid)
    yard = median([sys.executable, str(script), str(csv_path)], base, repeats)
    row(f"yardstick: read a {mid:,}-row CSV, sort, print 50", yard, None, "",
        f"{yard * 1000:.0f} ms")
    floor_script = args.out / "floor.py"
    floor_script.write_text(FLOOR)
    timed([track, "ls"], env(mid))  # the database is there and current
    floor = median([sys.executable, str(floor_script), str(stores[mid] / "runs"),
                    str(db(mid))], base, repeats)
    row(f"floor: list + stat {mid:,} runs + one query, no exptrack", floor / yard, None, "",
        f"{floor * 1000:.0f} ms = {floor / yard:.2f}x")
    ls_mid = median([track, "ls"], env(mid), repeats)
    row(f"track ls, {mid:,} runs (vs yardstick)", ls_mid / yard, 1.5, "x",
        f"{ls_mid * 1000:.0f} ms = {ls_mid / yard:.2f}x")
    best = median([track, "ls", "--best", "val_acc", "-n", "5"], env(mid), repeats)
    row(f"track ls --best val_acc -n 5, {mid:,} runs (vs yardstick)", best / yard, 2.0, "x",
        f"{best * 1000:.0f} ms = {best / yard:.2f}x")
    where = median([track, "ls", "--where", "lr<0.01", "--sort", "val_acc"], env(mid),
                   repeats)
    row(f"track ls --where lr<0.01 --sort val_acc, {mid:,} runs", where, None, "",
        f"{where * 1000:.0f} ms = {where / yard:.2f}x")

    for command in (["show", "exp-101"], ["diff", "exp-101", "exp-152"]):
        at_small = median([track, *command], env(small), repeats)
        at_big = median([track, *command], env(big), repeats)
        row(f"track {command[0]}, {big:,} vs {small:,} runs", at_big / at_small, 1.2, "x",
            f"{at_big * 1000:.0f} vs {at_small * 1000:.0f} ms = {at_big / at_small:.2f}x")

    warm, first = [], []
    runs_dir = stores[mid] / "runs"
    template = sorted(runs_dir.iterdir())[0]
    for attempt in range(repeats):
        timed([track, "ls"], env(mid))
        warm.append(timed([track, "ls"], env(mid)))
        fresh = runs_dir / f"ffff{attempt:04x}"
        shutil.copytree(template, fresh)  # a new run, as another host's `track run` makes
        first.append(timed([track, "ls"], env(mid)))
        shutil.rmtree(fresh)
    timed([track, "ls"], env(mid))
    extra_ms = (statistics.median(first) - statistics.median(warm)) * 1000
    row(f"first ls after a new run, {mid:,} runs (over a warm one)", extra_ms, 50.0, " ms",
        f"+{extra_ms:.0f} ms ({statistics.median(first) * 1000:.0f} vs "
        f"{statistics.median(warm) * 1000:.0f} ms)")

    print(f"\nexptrack index bench: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
          f"median of {repeats}, load average {os.getloadavg()[0]:.2f}\n")
    widths = [max(len(r[i]) for r in [("figure", "measured", "target", "verdict"), *rows])
              for i in range(4)]
    for index, cells in enumerate([("figure", "measured", "target", "verdict"), *rows]):
        print(" | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
        if index == 0:
            print("-|-".join("-" * w for w in widths))
    return 1 if any(r[3] == "FAIL" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
