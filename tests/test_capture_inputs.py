"""Config files become params and snapshots; files and folders named by the command get
fingerprints that change with their content."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import yaml
from conftest import only_run, py, track

from exptrack.capture import inputs
from exptrack.capture.configfile import flatten
from exptrack.capture.inputs import candidate_values


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


def runs_by_age(store: Path) -> list[Path]:
    runs = [p for p in (store / "runs").iterdir()]
    return sorted(runs, key=lambda p: load(p / "run.yaml")["started_at"])


def test_config_file_becomes_params_with_argv_on_top(tmp_path: Path, track_home: Path) -> None:
    (tmp_path / "cfg.yaml").write_text(
        "model:\n  depth: 50\n  layers: [64, 128]\ntrain:\n  lr: 0.1\n  epochs: 3\n"
        "heads:\n  - {name: cls, weight: 1.0}\n")
    (tmp_path / "extra.json").write_text('{"optim": {"name": "adam", "beta": 0.9}}')
    done = track("run", "--param", "train.epochs=9", "--", *py("pass"), "--config",
                 "cfg.yaml", "train.lr=0.5", "--extra", "extra.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    run_dir = only_run(track_home)
    params = load(run_dir / "params.yaml")
    assert params == {"config": "cfg.yaml", "train.lr": 0.5, "extra": "extra.json",
                      "train.epochs": 9, "model.depth": 50, "model.layers": [64, 128],
                      "heads.0.name": "cls", "heads.0.weight": 1.0,
                      "optim.name": "adam", "optim.beta": 0.9}
    assert (run_dir / "configs" / "cfg.yaml").read_text() == (tmp_path / "cfg.yaml").read_text()
    assert (run_dir / "configs" / "extra.json").is_file()


def test_toml_config_and_malformed_config_is_noted_not_fatal(tmp_path: Path,
                                                             track_home: Path) -> None:
    (tmp_path / "bad.yaml").write_text("model: [unclosed\n")
    (tmp_path / "cfg.toml").write_text("[model]\ndepth = 18\n")
    # Nested deeper than PyYAML's C parser survives (it would kill the recorder).
    (tmp_path / "deep.yaml").write_text("a: " + "[" * 50000 + "]" * 50000 + "\n")
    done = track("run", "--", *py("print('ran')"), "--config", "bad.yaml", "--other",
                 "cfg.toml", "--more", "deep.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"ran\n"
    run_dir = only_run(track_home)
    assert load(run_dir / "params.yaml")["model.depth"] == 18
    data = load(run_dir / "inputs.yaml")
    assert any(e.startswith("config bad.yaml: malformed") for e in data["errors"])
    assert "config deep.yaml: malformed: nested too deeply; fingerprinted, not copied" \
        in data["errors"]
    # a file that cannot be parsed is fingerprinted, not copied (it could hide a secret)
    assert not (run_dir / "configs" / "bad.yaml").exists()
    assert {e["path"]: e["hash_method"] for e in data["inputs"]}["bad.yaml"] == "sha256"


def test_data_fingerprint_changes_with_content(tmp_path: Path, track_home: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "train.csv").write_text("x,y\n1,2\n")
    (data / "images").mkdir()
    (data / "images" / "a.png").write_bytes(b"png")
    (tmp_path / "cfg.yaml").write_text("dataset:\n  root: data/images\n")
    for content in ("x,y\n1,2\n", "x,y\n1,3\n"):
        (data / "train.csv").write_text(content)
        done = track("run", "--", *py("pass"), "--data", "data/train.csv", "--cfg",
                     "cfg.yaml", "missing.csv", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    first, second = (load(r / "inputs.yaml")["inputs"] for r in runs_by_age(track_home))
    by_path = [{i["path"]: i for i in items} for items in (first, second)]
    csv = by_path[0]["data/train.csv"]
    assert csv == {"path": "data/train.csv", "kind": "file", "size": 8, "files": 1,
                   "hash": hashlib.sha256(b"x,y\n1,2\n").hexdigest(), "hash_method": "sha256",
                   "source": "argv"}
    assert by_path[1]["data/train.csv"]["hash"] != csv["hash"]
    folder = by_path[0]["data/images"]
    assert folder["kind"] == "dir" and folder["files"] == 1 and folder["size"] == 3
    assert folder["source"] == "config:cfg.yaml:dataset.root"
    assert folder["hash_method"] == "tree-sha256"
    assert by_path[1]["data/images"]["hash"] == folder["hash"]  # unchanged folder
    assert "missing.csv" not in by_path[0]


def test_big_file_fast_hash_and_bounded_folder_hash(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    with open(big, "wb") as handle:
        handle.truncate(inputs.FULL_HASH_CAP + 10 * 1024 * 1024)
    first = inputs.fingerprint_file(big)
    assert first["hash_method"] == "sample-sha256" and first["size"] == big.stat().st_size
    with open(big, "r+b") as handle:
        handle.seek(big.stat().st_size // 2)
        handle.write(b"changed")
    assert inputs.fingerprint_file(big)["hash"] != first["hash"]
    folder = tmp_path / "many"
    folder.mkdir()
    for index in range(30):
        (folder / f"{index}.txt").write_text(str(index))
    whole = inputs.fingerprint_dir(folder)
    assert whole["files"] == 30 and "truncated" not in whole
    cut = inputs.fingerprint_dir(folder, max_entries=10)
    assert cut["files"] == 10 and cut["truncated"] is True
    os.utime(folder / "5.txt", (1, 1))
    assert inputs.fingerprint_dir(folder)["hash"] != whole["hash"]


def test_flatten_caps_depth_and_keys() -> None:
    deep: dict = {}
    node = deep
    for _ in range(20):
        node["a"] = {}
        node = node["a"]
    node["leaf"] = 1
    flat = flatten(deep)
    assert len(flat) == 1 and next(iter(flat)).count(".") == 7
    wide = {f"k{i}": i for i in range(5000)}
    assert len(flatten(wide)) == 2000


def test_candidate_values_skip_secret_options_and_numbers() -> None:
    args = ["--data", "d.csv", "--api-key", "keyfile", "--token=t.txt", "out=o/", "-5",
            "1e-3", "pos.txt", "--flag", "--lr", "0.1"]
    assert candidate_values(args) == ["d.csv", "o/", "pos.txt"]
