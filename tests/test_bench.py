"""The benchmark's synthetic store is a real store: `track` lists, shows and ranks it, and
its runs come back whole from every path (YAML, listing.json, index)."""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType

from conftest import track

from exptrack.index import INDEX_NAME, LISTING_NAME, RACY_S, cached_stats

BENCH = Path(__file__).resolve().parent.parent / "bench" / "run.py"


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("exptrack_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def ls_json(store: Path) -> list[dict]:
    done = track("ls", "--json", "--store", str(store), "-n", "0", check=False)
    if done.returncode == 2:  # an `ls` without -n
        done = track("ls", "--json", "--store", str(store), check=True)
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout))


def test_bench_store_lists_the_same_through_every_path(tmp_path: Path) -> None:
    bench = load_bench()
    store = bench.build_store(tmp_path, 20)
    runs = sorted(p for p in (store / "runs").iterdir())
    assert len(runs) == 20
    assert all((run / LISTING_NAME).is_file() for run in runs)
    time.sleep(RACY_S + 0.2)  # old enough for the index to keep them
    from_listing = ls_json(store)  # no index yet: from listing.json
    assert len(cached_stats(store)) == 20
    from_index = ls_json(store)
    for run in runs:
        (run / LISTING_NAME).unlink()
    (store / INDEX_NAME).unlink()
    from_yaml = ls_json(store)
    assert from_listing == from_index == from_yaml
    assert len(from_yaml) == 20
    for run in from_yaml:
        assert run["damaged"] == []
        assert 5 <= len(run["metrics"]) <= 20 and "val_acc" in run["metrics"]
        assert run["metrics"]["val_acc"]["count"] >= 100
        assert run["params"]["lr"] in (0.1, 0.03, 0.01, 0.003, 0.001)
    assert bench.build_store(tmp_path, 20) == store  # reused, not rebuilt
