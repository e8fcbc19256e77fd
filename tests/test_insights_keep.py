"""The curves `track run` keeps in memory for the insights at its end
(``exptrack.insights.keep``) are the ones ``metrics.jsonl`` gives back when read: point for
point, types included, through halvings and NaN stretches; a changed file is read again."""

from __future__ import annotations

import math
import random
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import track, track_json

from exptrack.indexdb import index_path
from exptrack.insights.keep import Kept, Thinned, recalled, remember
from exptrack.insights.load import run_data
from exptrack.insights.model import Point
from exptrack.metrics import MetricParser, MetricSummarizer
from exptrack.metrics.encode import RowWriter
from exptrack.metrics.records import record_segments
from exptrack.store import Store


def same(a: list[Point], b: list[Point]) -> bool:
    """Equal point for point, NaN equal to NaN, int and float told apart."""
    return len(a) == len(b) and all(
        type(x) is type(y) and (x == y or (isinstance(x, float) and math.isnan(x)
                                           and math.isnan(float(y or 0))))
        for p, q in zip(a, b, strict=True) for x, y in zip(p, q, strict=True))


def fresh(points: list[Point]) -> Callable[[slice], list[Point]]:
    """The points of a slice made afresh, as a column block's are (not the same objects)."""
    return lambda cut: [Point(*p) for p in points[cut]]


@pytest.mark.parametrize("length", [5, 1_234, 40_000])
def test_thinned_extend_is_add_one_by_one(length: int) -> None:
    rng = random.Random(7)
    values = [math.nan if 9_000 <= i < 9_400 else math.inf if i == 150 else 1.0 / (i + 1)
              for i in range(length)]
    points = [Point(v, i, i // 1000, float(i)) for i, v in enumerate(values)]
    one = Thinned[Point](limit=500)
    for point in points:
        one.add(point)
    batched = Thinned[Point](limit=500)
    at = 0
    while at < len(points):
        part = points[at:at + rng.choice((1, 2, 7, 780, 3000))]
        finite = all(math.isfinite(p.value) for p in part)
        batched.extend(len(part), fresh(part), finite)
        at += len(part)
    assert same(batched.curve(), one.curve())
    assert (one.stride > 16) == (length > 10_000) and (one.stride == 1) == (length < 1_000)


def output(lines: int) -> bytes:
    """Column blocks (steps, epochs, a constant, an exponent), line-path lines between
    them, a NaN stretch and a NaN literal."""
    rng = random.Random(3)
    out = []
    for i in range(lines):
        if i % 3000 < 4:
            out.append(f"Epoch {i // 1000}: val_loss={rng.random():.4f} (eval)\n")
        loss = "nan" if 15_000 <= i < 15_300 else f"{1 / (i + 1):.5f}"
        out.append(f"epoch {i // 7000} step {i} loss={loss} acc={i % 1000 / 1000:.4f} "
                   f"lr=3.0e-04 grad={rng.uniform(-1, 1):.3e}\n")
    return "".join(out).encode()


@pytest.mark.parametrize("chunk", [997, 65536])
def test_kept_curves_are_what_metrics_jsonl_gives_back(tmp_path: Path, chunk: int) -> None:
    data = output(40_000)
    parser, summarizer, writer, kept = MetricParser(), MetricSummarizer(), RowWriter(), Kept()
    rows = []
    arrived = 1_700_000_000.0
    for at in range(0, len(data) + 1, chunk):
        piece = data[at:at + chunk]
        segments = parser.feed_segments(piece) if piece else [parser.finish()]
        segments = [s for s in segments if not isinstance(s, list) or s]
        arrived += 0.125
        if segments:
            rows.append(record_segments(segments, summarizer, writer, arrived)[1])
            kept.add(segments, arrived)
    metrics = tmp_path / "metrics.jsonl"
    metrics.write_text("".join(rows))
    from_file = run_data(tmp_path).series
    remember(metrics, kept)
    assert recalled(metrics) is kept
    from_memory = run_data(tmp_path).series
    assert sorted(from_file) == ["acc", "grad", "loss", "lr", "val_loss"]
    assert max(len(c) for c in from_file.values()) < 10_001  # thinned
    for name, curve in from_file.items():
        assert same(from_memory[name], curve), name
    with metrics.open("a") as handle:  # changed: read from the file again
        handle.write('[0,0.5,99999]\n')
    assert recalled(metrics) is None
    assert any(c[-1].step == 99999 for c in run_data(tmp_path).series.values())


def test_run_end_insights_are_those_of_the_folder(tmp_path: Path, track_home: Path) -> None:
    """The index row `track run` writes at its end (insights from memory) holds what a
    rebuild from the run folder (insights from metrics.jsonl) finds."""
    script = tmp_path / "train.py"
    script.write_text(
        "for i in range(30000):\n"
        "    loss = 1 / (i + 1) if i < 29000 else float('nan')\n"
        "    print(f'epoch {i // 1000} step {i} loss={loss:.5f} acc={i % 100 / 100:.2f}')\n")
    track("run", "--", sys.executable, "-c", "pass", cwd=tmp_path, check=True)
    track("ls", cwd=tmp_path, check=True)  # the index exists: `track run` writes its row
    done = track("run", "--", sys.executable, str(script), cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert b"divergence" in done.stderr  # the end line
    database = index_path(Store(track_home))

    def stored() -> list[tuple[str, str]]:
        with sqlite3.connect(database) as conn:
            return conn.execute("SELECT kind, item FROM insights ORDER BY position").fetchall()

    at_end = stored()  # (the first run's rows: none)
    assert [kind for kind, _ in at_end][:1] == ["divergence"]
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    track_json("ls", "--json", cwd=tmp_path)  # rebuilt from the folders
    assert stored() == at_end
