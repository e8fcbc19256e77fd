"""The benchmarks' synthetic stores are real stores: `track` lists, shows and ranks them,
and their runs come back whole from the index and from the folders alike."""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType

from conftest import track

from exptrack.index import RACY_S

BENCH = Path(__file__).resolve().parent.parent / "bench" / "run.py"
INDEX_BENCH = BENCH.with_name("index_bench.py")


def load_bench(path: Path = BENCH) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"exptrack_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def ls_json(store: Path, env: dict[str, str] | None = None) -> list[dict]:
    done = track("ls", "--json", "--store", str(store), "-n", "0", env=env)
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout))


def test_bench_stores_list_the_same_from_the_index_and_the_folders(tmp_path: Path) -> None:
    blocked = tmp_path / "no-index"
    blocked.write_text("")  # the cache folder is a file: the folders are read
    for module, expected_metrics in ((load_bench(), (5, 20)), (load_bench(INDEX_BENCH), (5, 5))):
        store = module.build_store(tmp_path, 20)
        runs = sorted(p for p in (store / "runs").iterdir())
        assert len(runs) == 20
        time.sleep(RACY_S + 0.2)  # old enough for the index to keep them
        built = ls_json(store)  # the index built
        from_index = ls_json(store)
        from_folders = ls_json(store, env={"TRACK_CACHE_DIR": str(blocked)})
        assert built == from_index == from_folders
        assert len(from_index) == 20
        low, high = expected_metrics
        for run in from_index:
            assert run["damaged"] == []
            assert low <= len(run["metrics"]) <= high and "val_acc" in run["metrics"]
            assert run["metrics"]["val_acc"]["count"] >= 20
            assert run["params"]["lr"] in (0.1, 0.03, 0.01, 0.003, 0.001)
        assert module.build_store(tmp_path, 20) == store  # reused, not rebuilt
