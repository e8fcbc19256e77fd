"""Volume stress for the recorder: 1 GB of output, and one 200 MB line with no newline.

For each case it runs the installed ``track run`` on a generator command and reports:
the recorder's peak RSS (VmHWM of the ``track`` process, read by the command from
``/proc/<parent>/status`` just before it exits), wall time and throughput, the same
command's wall time without ``track`` (baseline), and whether ``output.log`` is byte-exact
(size and SHA-256 against what the command wrote).

Usage:  python bench/stress.py [--gb 1] [--line-mb 200] [--modes pipe,pty] [--keep]
Target: peak RSS <= 100 MB in every case, output.log exact.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

# The command: writes ``total`` bytes in ``block``-sized writes (lines of varied text with
# metric-looking pairs, or one single line), hashes what it wrote, then reports the
# recorder's peak RSS from its parent's /proc status.
GENERATOR = r"""
import hashlib, json, os, sys
total, kind, report = int(sys.argv[1]), sys.argv[2], sys.argv[3]
digest = hashlib.sha256()
if kind == "line":
    block = (b"x" * 1023 + b" ") * 1024  # 1 MiB, no newline anywhere
elif kind == "dense":  # every line is metrics: the worst case for the parser
    block = b"".join(f"step={i} loss={1 / (i + 1):.6f} acc={i / 4096:.4f} lr=3e-4\n"
                     .encode() for i in range(4096))
else:  # a training log: text, progress bars with \r, non-UTF-8, one metric line in 20
    lines = []
    for i in range(4096):
        if i % 20 == 0:
            lines.append(f"epoch {i} step={i} loss={1 / (i + 1):.6f} acc={i / 4096:.4f}\n")
        elif i % 3 == 0:
            lines.append(f"\r{i % 100:3d}%|{'#' * (i % 50):<50}| {i}/4096 [00:01<00:02]")
        else:
            lines.append(f"INFO worker {i}: loaded shard {i:05d} \xe9\x00 ({i * 37} bytes)\n")
    block = "".join(lines).encode("latin-1")
written = 0
out = sys.stdout.buffer
while written < total:
    chunk = block[: total - written]
    out.write(chunk)
    digest.update(chunk)
    written += len(chunk)
out.flush()
import time; time.sleep(0.5)  # the recorder takes in the tail before we read its HWM
status = open(f"/proc/{os.getppid()}/status").read()
hwm_kib = int(status.split("VmHWM:")[1].split()[0])
json.dump({"bytes": written, "sha256": digest.hexdigest(), "track_hwm_kib": hwm_kib},
          open(report, "w"))
"""


def track_cmd() -> list[str]:
    found = shutil.which("track")
    return [found] if found else [sys.executable, "-m", "exptrack"]


def drain_pty(master: int, stop: threading.Event) -> None:
    while not stop.is_set():
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                if not os.read(master, 1 << 20):
                    return
            except OSError:
                return


def run_case(work: Path, total: int, kind: str, mode: str, with_track: bool,
             ) -> dict[str, object]:
    report = work / "report.json"
    store = work / "store"
    command = [sys.executable, "-c", GENERATOR, str(total), kind, str(report)]
    argv = [*track_cmd(), "run", "--store", str(store), "--", *command] if with_track \
        else command
    env = dict(os.environ)
    started = time.perf_counter()
    if mode == "pty":
        master, slave = os.openpty()
        stop = threading.Event()
        reader = threading.Thread(target=drain_pty, args=(master, stop), daemon=True)
        reader.start()
        proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave,
                              env=env, check=False)
        elapsed = time.perf_counter() - started
        stop.set()
        reader.join(timeout=2)
        os.close(slave)
        os.close(master)
    else:
        with open(os.devnull, "wb") as sink:
            proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=sink,
                                  stderr=subprocess.PIPE, env=env, check=False)
        elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"case failed ({proc.returncode}): {argv[:4]}")
    result = json.loads(report.read_text())
    row: dict[str, object] = {"seconds": round(elapsed, 2),
                              "mb_per_s": round(total / elapsed / 1e6, 1)}
    if with_track:
        (run_dir,) = list((store / "runs").iterdir())
        log = run_dir / "output.log"
        digest = hashlib.sha256()
        with open(log, "rb") as handle:
            while chunk := handle.read(1 << 22):
                digest.update(chunk)
        expected_size = result["bytes"]
        if mode == "pty" and kind != "line":
            expected_size = None  # the terminal turns \n into \r\n: compare pipes only
        record = (run_dir / "run.yaml").read_text()
        metrics = (run_dir / "metrics.jsonl").read_bytes().count(b"\n")
        row.update({
            "metrics": metrics,
            "skipped": "not parsed" in record,
            "peak_rss_mb": round(result["track_hwm_kib"] / 1024, 1),
            "log_bytes": log.stat().st_size,
            "exact": (log.stat().st_size == result["bytes"]
                      and digest.hexdigest() == result["sha256"])
            if expected_size is not None else "n/a (pty adds \\r)",
        })
        shutil.rmtree(store)
    report.unlink()
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gb", type=float, default=1.0, help="output volume (GB)")
    parser.add_argument("--line-mb", type=float, default=200.0, help="single line size (MB)")
    parser.add_argument("--dense-mb", type=float, default=100.0,
                        help="volume of output made only of metric lines (MB)")
    parser.add_argument("--modes", default="pipe", help="pipe, pty or pipe,pty")
    parser.add_argument("--dir", default=None, help="work folder (default: a temp folder)")
    args = parser.parse_args()
    cases = [(f"{args.gb:g} GB training log", int(args.gb * 1e9), "mixed"),
             (f"one {args.line_mb:g} MB line", int(args.line_mb * 1e6), "line"),
             (f"{args.dense_mb:g} MB all metrics", int(args.dense_mb * 1e6), "dense")]
    work = Path(tempfile.mkdtemp(prefix="exptrack-stress-", dir=args.dir))
    try:
        print(f"{'case':<22} {'mode':<5} {'track s':>8} {'MB/s':>7} {'direct s':>9} "
              f"{'peak RSS MB':>12} {'metrics':>9} {'skipped':>8} {'log exact':>10}",
              flush=True)
        for label, total, kind in cases:
            for mode in args.modes.split(","):
                tracked = run_case(work, total, kind, mode, with_track=True)
                direct = run_case(work, total, kind, mode, with_track=False)
                print(f"{label:<22} {mode:<5} {tracked['seconds']:>8} {tracked['mb_per_s']:>7} "
                      f"{direct['seconds']:>9} {tracked['peak_rss_mb']:>12} "
                      f"{tracked['metrics']:>9} {tracked['skipped']!s:>8} "
                      f"{tracked['exact']!s:>10}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
