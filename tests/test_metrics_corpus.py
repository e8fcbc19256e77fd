"""The corpus of real-format framework logs (tests/data/logs): every sample's expected
metrics (name, last value, count, step key) and nothing else."""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from exptrack.metrics import MetricParser, parse_text

LOGS = Path(__file__).parent / "data" / "logs"
SAMPLES = sorted(LOGS.glob("*.log"))
ROOT = Path(__file__).resolve().parent.parent


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("corpus_score",
                                                  ROOT / "bench" / "corpus_score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_score"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_corpus_is_big_and_varied() -> None:
    frameworks = set()
    for log in SAMPLES:
        expected = yaml.safe_load(log.with_suffix(".expected.yaml").read_text())
        frameworks.add(expected["framework"].split(" (")[0].split(" ")[0])
    assert len(SAMPLES) >= 15
    assert len(frameworks) >= 10, frameworks


@pytest.mark.parametrize("log", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_metrics(log: Path) -> None:
    """Every sample finds exactly its expected metrics; a held-out sample may keep the
    problems its expected file lists (and explains), no other, and none that got fixed."""
    expected = yaml.safe_load(log.with_suffix(".expected.yaml").read_text())
    known = expected.get("known_problems") or []
    assert not known or expected.get("held_out"), "only held-out samples may have problems"
    score = _scorer().score_log(log)
    assert score.problems == known


def test_precision_and_recall_over_corpus() -> None:
    scorer = _scorer()
    tuned = scorer.score_corpus([LOGS], held_out=False)
    assert tuned.expected >= 100
    assert tuned.recall == 1.0 and tuned.precision == 1.0, tuned.problems
    held = scorer.score_corpus([LOGS], held_out=True)
    assert held.expected >= 100  # 14 logs of formats the defaults were not tuned on
    assert held.recall >= 0.95 and held.precision >= 0.98, held.problems


@pytest.mark.parametrize("log", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_chunks_split_anywhere_give_the_same_observations(log: Path) -> None:
    data = log.read_bytes()
    whole = parse_text(data)
    rng = random.Random(log.name)
    parser = MetricParser()
    pieces, offset = [], 0
    while offset < len(data):
        size = rng.choice((1, 2, 3, 7, 64, 333))
        pieces.extend(parser.feed(data[offset:offset + size]))
        offset += size
    pieces.extend(parser.finish())
    assert [repr(o) for o in pieces] == [repr(o) for o in whole]  # repr: nan == nan


def test_names_are_compared_normalised(tmp_path: Path) -> None:
    """`LOSS` expected and `loss` extracted are one name (casefold, separators folded)."""
    scorer = _scorer()
    assert scorer.normalise(" Train Loss ") == "train_loss"
    assert scorer.normalise("val/loss") == scorer.normalise("VAL--loss") == "val_loss"
    log = tmp_path / "x.log"
    log.write_text("step 1 loss=0.5 acc=0.25\nstep 2 loss=0.4 acc=0.5\n")
    log.with_suffix(".expected.yaml").write_text(
        "metrics:\n  LOSS: {last: 0.4, count: 2, step_key: step}\n"
        "  'Acc.': {last: 0.5, count: 2, step_key: step}\n")
    score = scorer.score_log(log)
    assert (score.expected, score.matched, score.extracted, score.junk) == (2, 2, 2, 0), \
        score.problems


def test_scorer_scores_one_folder_alone() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "corpus_score.py"),
                          str(ROOT / "tests" / "data" / "heldout")],
                         capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1].startswith("recall "), out
    assert "expected metrics with the right last value" in out


def test_scorer_scores_the_logs_again_behind_a_record_prefix(tmp_path: Path) -> None:
    """``--prefix``: the logs of no record prefix of their own, as printed and behind one."""
    scorer = _scorer()
    assert scorer.prefixed(b"a 1\nb 2\n", b"INFO:x:") == b"INFO:x:a 1\nINFO:x:b 2\n"
    assert scorer.prefixed(b"2024-11-25 10:31:15 a 1\n", b"INFO:x:") is None
    assert scorer.prefixed(b"a 1\rb 2\n", b"INFO:x:") is None
    (tmp_path / "x.log").write_text("Epoch 1/20\nTrain Loss: 31.9717, Accuracy: 0.8737\n")
    (tmp_path / "x.expected.yaml").write_text(
        "metrics:\n  train_loss: {last: 31.9717, count: 1, step_key: epoch}\n"
        "  train_accuracy: {last: 0.8737, count: 1, step_key: epoch}\n")
    (tmp_path / "y.log").write_text("2024-11-25 10:31:15 loss 0.5\n")  # (a record of its own)
    (tmp_path / "y.expected.yaml").write_text("metrics: {}\n")
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "corpus_score.py"), "--prefix",
                          "2024-11-25 10:31:15,542 - INFO - ", str(tmp_path)],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0].startswith("as printed: recall 100.0% (2/2"), out
    assert out[1].startswith("after '2024-11-25 10:31:15,542 - INFO - ': recall 100.0% (2/2"), out
