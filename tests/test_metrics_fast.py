"""The recorder's columnar fast path (``feed_segments`` + ``record_segments``) writes the
same rows and summaries as the line path (``feed`` + ``RowWriter.rows``), the spec."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import decode_metrics, only_run, py, track
from hypothesis import example, given, settings
from hypothesis import strategies as st

from exptrack.metrics import MetricParser, MetricSummarizer
from exptrack.metrics.columns import Block, observations
from exptrack.metrics.encode import RowWriter
from exptrack.metrics.records import record_segments

LOGS = sorted((Path(__file__).parent / "data" / "logs").glob("*.log"))


def rows(text: str) -> list[dict[str, Any]]:
    found = decode_metrics(text)
    # a value is a JSON float (never an int: "12" is written 12.0) or "nan"/"inf"/"-inf"
    assert all(isinstance(row["value"], float) or row["value"] in ("nan", "inf", "-inf")
               for row in found)
    return found


def split(data: bytes, rng: random.Random, sizes: tuple[int, ...]) -> list[bytes]:
    pieces, offset = [], 0
    while offset < len(data):
        size = rng.choice(sizes)
        pieces.append(data[offset:offset + size])
        offset += size
    return pieces


def line_path(pieces: list[bytes]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    parser, summarizer, writer, out = MetricParser(), MetricSummarizer(), RowWriter(), []
    for piece in [*pieces, b""]:
        found = parser.feed(piece) if piece else parser.finish()
        summarizer.add(found)
        out.append(writer.rows(found, 1.5))
    return rows("".join(out)), {n: s.to_dict() for n, s in summarizer.summaries.items()}


def fast_path(pieces: list[bytes], min_run: int = 1
              ) -> tuple[list[dict[str, Any]], dict[str, Any], int]:
    parser, summarizer, writer, out = MetricParser(), MetricSummarizer(), RowWriter(), []
    parser.min_run = min_run
    reference = MetricParser()
    blocks = total = 0
    for piece in [*pieces, b""]:
        segments = parser.feed_segments(piece) if piece else [parser.finish()]
        blocks += sum(isinstance(s, Block) for s in segments)
        # the same observations, steps and epochs (types included: repr) as ``feed``
        expected = reference.feed(piece) if piece else reference.finish()
        got = [o for s in segments for o in (s if isinstance(s, list) else observations(s))]
        assert [repr(tuple(o)) for o in got] == [repr(tuple(o)) for o in expected]
        count, text = record_segments(segments, summarizer, writer, 1.5)
        out.append(text)
        total += count
    found = rows("".join(out))
    assert total == len(found)
    return found, {n: s.to_dict() for n, s in summarizer.summaries.items()}, blocks


@pytest.mark.parametrize("log", LOGS, ids=[p.stem for p in LOGS])
def test_corpus_rows_and_summaries_match_the_line_path(log: Path) -> None:
    data = log.read_bytes()
    rng = random.Random(log.name)
    for sizes in ((len(data),), (1, 7, 333, 4096), (256 * 1024,)):
        pieces = split(data, rng, sizes)
        expected = line_path(pieces)
        found_rows, summaries, _ = fast_path(pieces)
        assert (found_rows, summaries) == expected


def test_corpus_goes_through_blocks() -> None:
    blocks = sum(fast_path([log.read_bytes()])[2] for log in LOGS)
    assert blocks > 30


SYNTHETIC = "".join(
    f"epoch {i // 7} step {i} loss={1.0 / (i + 1):.5f} acc={(i % 13) / 13:.4f} lr=3.0e-04\n"
    + (f"[{i}]\ttrain-rmse:{i * 0.25}\teval-rmse:nan\n" if i % 5 < 3 else "")
    + (f"iter {i:05d} loss: +{i}.5 acc: .{i % 10} err: -0{i % 10}.5 f1=1e{i % 3}\n"
       if 20 < i < 40 else "")
    + (f"{{'loss': {i % 4}, 'epoch': {i / 4}}}\n" if i > 30 else "")
    for i in range(60)).encode()


def test_synthetic_forms_match_the_line_path() -> None:
    rng = random.Random(7)
    for sizes in ((len(SYNTHETIC),), (1, 2, 50, 999), (64,)):
        pieces = split(SYNTHETIC, rng, sizes)
        found_rows, summaries, blocks = fast_path(pieces)
        assert blocks > 0
        assert (found_rows, summaries) == line_path(pieces)


def test_rows_keep_the_printed_text_as_json() -> None:
    data = b"".join(b"step %d loss=0.50000 acc=+1 xx=.5 yy=007 err=-05.5 zz=NaN lr=1e-4\n" % i
                    for i in range(4))
    found, summaries, blocks = fast_path([data])
    assert blocks == 1
    by_name = {r["name"]: r["value"] for r in found[:7]}
    assert by_name == {"loss": 0.5, "acc": 1.0, "xx": 0.5, "yy": 7.0, "err": -5.5, "zz": "nan",
                       "lr": 1e-4}
    assert all(isinstance(v, float) for v in by_name.values() if v != "nan")
    assert summaries["zz"]["count"] == 4 and summaries["loss"]["best_step"] == 0
    assert [r["step"] for r in found if r["name"] == "loss"] == [0, 1, 2, 3]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "step {i} loss={f:.4f} acc={g}", "epoch {i}", "Epoch {i}/9", "loss: nan", "val_acc {g}",
    "[{i}]\ttrain-auc:{f}", "noise {i} words", "", "x={f:e} y=-{g}",
]), min_size=1, max_size=40), st.integers(1, 200), st.integers(0, 2**32 - 1))
@example(["loss: nan", "loss: nan", "step {i} loss={f:.4f} acc={g}", "[{i}]\ttrain-auc:{f}",
          "x={f:e} y=-{g}"], 1, 0)  # a one-line block of a new name repeats nothing (finals)
@example(["loss: nan", "loss: nan", "step {i} loss={f:.4f} acc={g}",
          "step {i} loss={f:.4f} acc={g}", "x={f:e} y=-{g}"], 15, 0)  # a block of no step
# while a value is held goes line by line (finals)
@example(["x={f:e} y=-{g}", "[{i}]\ttrain-auc:{f}", "x={f:e} y=-{g}", "x={f:e} y=-{g}"], 31,
         88693512)  # a block's first line prints the line before it again (reprints)
def test_any_mix_matches_the_line_path(templates: list[str], size: int, seed: int) -> None:
    rng = random.Random(seed)
    data = "".join(t.format(i=rng.randrange(0, 2000), f=rng.random() * 10 ** rng.randrange(-3, 4),
                            g=rng.randrange(0, 100)) + "\n"
                   for t in templates * 3).encode()
    pieces = split(data, rng, (size,))
    found_rows, summaries, _ = fast_path(pieces)
    assert (found_rows, summaries) == line_path(pieces)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet="0123456789.-+eE :=\t|[]/_abclosnif%\r\x1b\b\u00e9", max_size=30),
                max_size=12),
       st.integers(1, 3), st.integers(1, 64), st.integers(0, 2**32 - 1))
@example(["0:", "0a:0"], 3, 1, 0)  # a values line again after a step line: chunk-invariant
def test_arbitrary_text_never_raises_and_matches(lines: list[str], times: int, size: int,
                                                 seed: int) -> None:
    data = "\n".join(lines * times).encode("utf-8", "surrogateescape")
    pieces = split(data, random.Random(seed), (size, len(data) or 1))
    found_rows, summaries, _ = fast_path(pieces)
    assert (found_rows, summaries) == line_path(pieces)


def test_non_ascii_chunks_match_the_line_path() -> None:
    data = ("── résumé ──\n" + "".join(
        f"époque {i // 4} step {i:03d} loss={1 / (i + 1):.4f} acc={i % 7}.5 ok\n"
        for i in range(40))).encode()
    for size in (len(data), 97):
        pieces = split(data, random.Random(size), (size,))
        found_rows, summaries, blocks = fast_path(pieces, min_run=3)
        assert blocks > 0 and len(found_rows) == 80
        assert (found_rows, summaries) == line_path(pieces)


def test_track_run_records_what_the_line_path_finds(track_home: Path, tmp_path: Path) -> None:
    """The real recorder: a command's output arrives in chunks the pipe decides."""
    code = ("import sys\n"
            "for i in range(3000):\n"
            "    print(f'epoch {i // 500} step {i} loss={1 / (i + 1):.5f} acc={i % 97}.25')\n"
            "    if i % 250 == 0:\n"
            "        print(f'[{i}]\\ttrain-rmse:{i / 7:.3f}\\tvalid-rmse:nan', flush=True)\n")
    done = track("run", "--", *py(code), check=True)
    run_dir = only_run(track_home)
    assert (run_dir / "output.log").read_bytes() == done.stdout
    recorded = rows((run_dir / "metrics.jsonl").read_text())
    expected_rows, expected_summaries = line_path([done.stdout])
    strip = [{k: v for k, v in row.items() if k != "time"} for row in recorded]
    assert strip == [{k: v for k, v in row.items() if k != "time"} for row in expected_rows]
    assert len(recorded) == 3000 * 2 + 12 * 2
    summary = yaml.safe_load((run_dir / "summary.yaml").read_text())["metrics"]
    assert summary == expected_summaries
