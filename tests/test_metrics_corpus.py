"""The corpus of real-format framework logs (tests/data/logs): every sample's expected
metrics (name, last value, count, step key) and nothing else."""

from __future__ import annotations

import importlib.util
import random
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
    score = _scorer().score_log(log)
    assert score.problems == []
    assert score.matched == score.expected


def test_precision_and_recall_over_corpus() -> None:
    total = _scorer().score_corpus([LOGS])
    assert total.expected >= 100
    assert total.recall == 1.0 and total.precision == 1.0, total.problems


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
