"""Metric parsing throughput: the parser alone, and `track run` against `| cat`.

    python bench/parse_throughput.py [--lines 1000000] [--repeat 3]

1. Parser alone: lines per second through ``MetricParser.feed`` (256 KiB chunks, as the
   runner reads them) for a metric-heavy output, a Keras-style progress-bar output, a
   printed CSV table (a twentieth as many rows: each is a table row, the slow path) and a
   mixed real-framework corpus (tests/data/logs repeated).
   Recorder work: what `track run` does with each chunk besides the tee (the columnar
   ``feed_segments``, the summary and the metrics.jsonl text), against the line path.
2. Pipeline: wall time of ``track run -- python gen.py`` (pipes, output to /dev/null)
   against ``python gen.py | cat`` for the same 1,000,000-line metric output, and against
   ``python -u gen.py | cat`` (track runs a Python command unbuffered, so that its output
   shows live: the command then writes a line at a time), alternating,
   medians of ``--repeat`` runs each. Target: ratio <= 1.3. The load average is printed:
   on a loaded machine compare only medians taken together.
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from recorder import GEN  # noqa: E402

from exptrack.jsonl import row_batches  # noqa: E402
from exptrack.metrics import MetricParser, MetricSummarizer  # noqa: E402
from exptrack.metrics.encode import RowWriter  # noqa: E402
from exptrack.metrics.records import record_segments  # noqa: E402


def metric_lines(n: int) -> bytes:
    return "".join(f"epoch {i // 10000} step {i} loss={1.0 / (i + 1):.5f} "
                   f"acc={(i % 1000) / 1000:.4f} lr=3.0e-04\n" for i in range(n)).encode()


def bar_lines(n: int) -> bytes:
    out = []
    for i in range(n):
        end = "\n" if i % 100 == 99 else "\r"
        out.append(f"{i % 100 + 1:4d}/100 [====>.....] - ETA: 1s - loss: {1.0 / (i + 1):.4f}"
                   f" - accuracy: {(i % 997) / 1000:.4f}{end}")
    return "".join(out).encode()


def table_lines(n: int) -> bytes:
    """A printed CSV of one row an epoch (a CSVLogger's file, a results.csv)."""
    rows = (f"{i},{1.0 / (i + 1):.5f},{1.2 / (i + 1):.5f},{(i % 1000) / 1000:.4f},"
            f"{(i % 997) / 1000:.4f},{(i % 991) / 1000:.4f},{(i % 983) / 1000:.4f},3.0e-04\n"
            for i in range(n))
    return ("epoch,train_loss,val_loss,accuracy,f1,precision,recall,lr\n"
            + "".join(rows)).encode()


def corpus_lines(n: int) -> bytes:
    logs = b"".join(p.read_bytes() for p in sorted((ROOT / "tests/data/logs").glob("*.log")))
    count = logs.count(b"\n") or 1
    return logs * max(1, n // count)


def parser_speed(data: bytes, repeat: int) -> tuple[float, int]:
    lines = data.count(b"\n") + data.count(b"\r")
    best = float("inf")
    found = 0
    chunk = 256 * 1024
    for _ in range(repeat):
        parser = MetricParser()
        start = time.perf_counter()
        found = 0
        for offset in range(0, len(data), chunk):
            found += len(parser.feed(data[offset:offset + chunk]))
        found += len(parser.finish())
        best = min(best, time.perf_counter() - start)
    return lines / best, found


def recorder_speed(data: bytes, repeat: int) -> tuple[float, float, int]:
    """Lines/s of what `track run` does per chunk besides the tee: ``feed_segments``,
    the summary and the metrics.jsonl text, against the line path (``feed``,
    ``MetricSummarizer.add``, ``RowWriter.rows``)."""
    lines = data.count(b"\n") + data.count(b"\r")
    chunk = 256 * 1024
    pieces = [data[offset:offset + chunk] for offset in range(0, len(data), chunk)]
    best_fast = best_line = float("inf")
    found = 0
    for _ in range(repeat):
        parser, summarizer, writer = MetricParser(), MetricSummarizer(), RowWriter()
        start = time.perf_counter()
        found = 0
        for piece in pieces:
            found += record_segments(parser.feed_segments(piece), summarizer, writer, 1.0)[0]
        found += record_segments([parser.finish()], summarizer, writer, 1.0)[0]
        best_fast = min(best_fast, time.perf_counter() - start)
        parser, summarizer, writer = MetricParser(), MetricSummarizer(), RowWriter()
        start = time.perf_counter()
        for piece in [*pieces, b""]:
            observations = parser.feed(piece) if piece else parser.finish()
            summarizer.add(observations)
            writer.rows(observations, 1.0)
        best_line = min(best_line, time.perf_counter() - start)
    return lines / best_fast, lines / best_line, found


def wall(command: list[str] | str, env: dict[str, str], shell: bool = False,
         cwd: str | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, shell=shell, env=env, check=True, stdout=subprocess.DEVNULL,
                   cwd=cwd)
    return time.perf_counter() - start


def main() -> None:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--lines", type=int, default=1_000_000)
    cli.add_argument("--repeat", type=int, default=3)
    args = cli.parse_args()

    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    for label, data in (("metric lines", metric_lines(args.lines)),
                        ("progress-bar renders", bar_lines(args.lines)),
                        ("a CSV table's rows", table_lines(args.lines // 20)),
                        ("framework corpus", corpus_lines(args.lines // 5))):
        speed, found = parser_speed(data, args.repeat)
        print(f"parser alone, {label:<20}: {speed / 1e6:6.2f} M lines/s ({found:,} observations)")
        fast, line, found = recorder_speed(data, args.repeat)
        print(f"recorder work, {label:<19}: {fast / 1e6:6.2f} M lines/s "
              f"(line path {line / 1e6:.2f}; {found:,} observations)")

    track = shutil.which("track") or f"{sys.executable} -m exptrack"
    with tempfile.TemporaryDirectory() as tmp:
        gen = Path(tmp) / "gen.py"
        gen.write_text(GEN.format(lines=args.lines))
        env = dict(os.environ, TRACK_HOME=str(Path(tmp) / "store"))
        cat_times, live_times, track_times = [], [], []
        for _ in range(args.repeat):
            cat_times.append(wall(f"{sys.executable} {gen} | cat", env, shell=True))
            live_times.append(wall(f"{sys.executable} -u {gen} | cat", env, shell=True))
            # in a folder of its own: the scan of what the run wrote walks the working
            # directory (bounded), and this repository's bench/out can hold 60,000 runs
            track_times.append(wall(f"{track} run -- {sys.executable} {gen}", env, shell=True,
                                    cwd=tmp))
        cat_s, track_s = statistics.median(cat_times), statistics.median(track_times)
        live_s = statistics.median(live_times)
        print("runs (cat / cat, python -u / track run):", ", ".join(
            f"{c:.2f}/{u:.2f}/{t:.2f}"
            for c, u, t in zip(cat_times, live_times, track_times, strict=True)))
        runs = sorted((Path(tmp) / "store" / "runs").iterdir())
        recorded = sum(map(len, row_batches(runs[-1] / "metrics.jsonl")))
    print(f"pipeline, {args.lines:,} lines: cat {cat_s:.2f} s, track run {track_s:.2f} s, "
          f"ratio {track_s / cat_s:.2f} (target <= 1.3); "
          f"{args.lines / track_s / 1e6:.2f} M lines/s, {recorded:,} observations recorded")
    # track runs a Python command unbuffered under pipes (its output shows live): the
    # command itself then writes a line at a time, which `python -u ... | cat` pays too
    print(f"  against python -u gen.py | cat ({live_s:.2f} s), the same writes by the "
          f"command: ratio {track_s / live_s:.2f}")
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
