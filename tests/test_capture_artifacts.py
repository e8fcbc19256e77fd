"""What a run produced: weights hashed and listed first, found again by hash or path."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import yaml
from conftest import only_run, py, track, track_json

WRITE = ("import os, pathlib\n"
         "pathlib.Path('runs').mkdir(exist_ok=True)\n"
         "pathlib.Path('runs/best.pt').write_bytes(b'weights-' + os.environ['TRACK_RUN_ID']"
         ".encode())\n"
         "pathlib.Path('log.txt').write_text('done')\n"
         "pathlib.Path('__pycache__').mkdir(exist_ok=True)\n"
         "pathlib.Path('__pycache__/x.pyc').write_bytes(b'c')\n"
         "pathlib.Path('.venv/lib').mkdir(parents=True, exist_ok=True)\n"
         "pathlib.Path('.venv/lib/y.py').write_text('y')\n"
         "pathlib.Path(os.environ['TRACK_RUN_DIR'], 'plot.png').write_bytes(b'png')\n")


def artifacts_of(run_dir: Path) -> dict:
    return yaml.safe_load((run_dir / "artifacts.yaml").read_text())


def test_weights_are_hashed_listed_first_and_found_by_hash(tmp_path: Path,
                                                          track_home: Path) -> None:
    (tmp_path / "old.txt").write_text("untouched")
    old = time.time() - 3600
    os.utime(tmp_path / "old.txt", (old, old))
    done = track("run", "--", *py(WRITE), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    run_dir = only_run(track_home)
    data = artifacts_of(run_dir)
    paths = [a["path"] for a in data["artifacts"]]
    assert paths == ["runs/best.pt", "log.txt", "plot.png"]
    best = data["artifacts"][0]
    content = (tmp_path / "runs" / "best.pt").read_bytes()
    assert best["sha256"] == hashlib.sha256(content).hexdigest()
    assert best["weights"] is True and best["location"] == "cwd" and best["copied"] is False
    assert best["size"] == len(content)
    assert data["artifacts"][2]["location"] == "run_dir"
    assert data["truncated"] is False and data["scan_s"] >= 0
    producer = run_dir.name

    # a second run writes different weights: each file leads back to its own run
    done = track("run", "--", *py(WRITE), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    for query in (best["sha256"], best["sha256"][:12]):
        assert [r["id"] for r in track_json("ls", "--artifact", query)] == [producer]
    latest = (tmp_path / "runs" / "best.pt").read_bytes()
    by_file = track_json("ls", "--artifact", str(tmp_path / "runs" / "best.pt"))
    assert [r["id"] for r in by_file] != [producer] and len(by_file) == 1
    assert latest.endswith(by_file[0]["id"].encode())
    assert track_json("ls", "--artifact", "0" * 64) == []
    (tmp_path / "runs" / "best.pt").unlink()  # gone: the path as recorded still finds both
    assert len(track_json("ls", "--artifact", "runs/best.pt", cwd=tmp_path)) == 2
    shown = json.loads(track("show", producer, "--json", check=True).stdout)
    assert shown["artifacts"][0]["sha256"] == best["sha256"]


def test_glob_adds_old_files_and_copy_artifacts(tmp_path: Path, track_home: Path) -> None:
    (tmp_path / "pretrained").mkdir()
    (tmp_path / "pretrained" / "base.onnx").write_bytes(b"onnx")
    old = time.time() - 3600
    os.utime(tmp_path / "pretrained" / "base.onnx", (old, old))
    code = "open('model.safetensors', 'wb').write(b'st'); open('notes.md', 'w').write('n')"
    done = track("run", "--artifact", "pretrained/*.onnx", "--artifact", "*.md",
                 "--copy-artifacts", "--", *py(code), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    run_dir = only_run(track_home)
    items = {a["path"]: a for a in artifacts_of(run_dir)["artifacts"]}
    assert set(items) == {"pretrained/base.onnx", "model.safetensors", "notes.md"}
    assert items["pretrained/base.onnx"]["copied"] is True
    assert items["notes.md"]["copied"] is True
    assert items["model.safetensors"]["copied"] is False  # not matched by a glob
    assert (run_dir / "artifacts" / "pretrained" / "base.onnx").read_bytes() == b"onnx"
    assert [a["weights"] for a in artifacts_of(run_dir)["artifacts"]] == [True, True, False]


def test_copy_artifacts_without_glob_copies_weights(tmp_path: Path, track_home: Path) -> None:
    code = "open('m.pth', 'wb').write(b'w'); open('out.csv', 'w').write('c')"
    done = track("run", "--copy-artifacts", "--", *py(code), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    run_dir = only_run(track_home)
    assert (run_dir / "artifacts" / "m.pth").read_bytes() == b"w"
    assert not (run_dir / "artifacts" / "out.csv").exists()


def test_interrupted_run_still_lists_artifacts(tmp_path: Path, track_home: Path) -> None:
    code = "import os, signal; open('partial.ckpt', 'wb').write(b'p'); " \
           "os.kill(os.getpid(), signal.SIGINT)"
    done = track("run", "--", *py(code), cwd=tmp_path)
    assert done.returncode != 0
    run_dir = only_run(track_home)
    assert [a["path"] for a in artifacts_of(run_dir)["artifacts"]] == ["partial.ckpt"]
